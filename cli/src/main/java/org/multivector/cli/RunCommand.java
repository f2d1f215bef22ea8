package org.multivector.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import org.multivector.study.RunRequest;
import org.multivector.study.StudyRequest;
import org.multivector.study.StudyResult;
import org.multivector.study.StudyService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code multivector run}: one trajectory of a scenario, printed as a table and saved as a study. */
@Command(
        name = "run",
        description = "Simulate a scenario once; print a summary table and save the run (tidy CSV, manifest,"
                + " report, database rows).")
final class RunCommand extends StudyCommand {
    @Mixin
    ScenarioOptions scenario = new ScenarioOptions();

    @Option(names = "--seed", description = "Master seed (default: " + StudyRequest.SEED_DEFAULT + ").")
    Long seed;

    @Option(names = "--from", paramLabel = "YEAR", description = "First simulated year (default: the scenario's).")
    Integer from;

    @Option(names = "--to", paramLabel = "YEAR", description = "Last simulated year (default: the scenario's).")
    Integer to;

    @Option(
            names = "--strategy",
            paramLabel = "STATE=STRATEGY",
            description = "Override a state's strategy, e.g. KAZ=bandwagon:RUS (repeatable).")
    List<String> strategies = new ArrayList<>();

    @Override
    StudyRequest request() {
        return new RunRequest(scenario.choice(strategies, from, to), seed);
    }

    @Override
    void print(PrintWriter w, StudyService.Completed c) {
        StudyResult.Run r = (StudyResult.Run) c.result();
        SummaryTable.print(w, r.scenario(), r.trajectory());
    }
}
