package org.multivector.study;

/**
 * One trajectory of a scenario.
 *
 * @param scenario the configured scenario (default: the embedded default)
 * @param seed master seed (default {@link StudyRequest#SEED_DEFAULT}); the run uses run index 0
 */
public record RunRequest(ScenarioChoice scenario, Long seed) implements StudyRequest {
    public RunRequest {
        scenario = scenario == null ? ScenarioChoice.defaults() : scenario;
        seed = StudyRequest.orDefault(seed, SEED_DEFAULT);
    }

    @Override
    public String kind() {
        return "run";
    }
}
