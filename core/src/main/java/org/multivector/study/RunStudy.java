package org.multivector.study;

import java.util.Map;
import org.multivector.engine.Engine;
import org.multivector.engine.Trajectory;

/** {@code run}: one trajectory of the configured scenario (run index 0 of the master seed). */
final class RunStudy {
    private RunStudy() {}

    static StudyService.Outcome run(StudyService.Prepared p, RunRequest r, StudyService.Context ctx) {
        ctx.execution().progress().update(0, 1);
        Trajectory t = new Engine(p.scenario().compiled()).run(r.seed(), 0);
        org.multivector.model.Scenario s = p.scenario().scenario();
        Trajectory free = new Engine(org.multivector.engine.CompiledScenario.of(
                        s.withLastObserved(s.time().start() - 1)))
                .run(r.seed(), 0);
        ctx.execution().progress().update(1, 1);
        return new StudyService.Outcome(new StudyResult.Run(s, t, free), r.seed(), 1, "single", Map.of());
    }
}
