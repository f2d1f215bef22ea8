package org.multivector.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.multivector.model.Scenario;
import org.multivector.scenario.ScenarioLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code multivector validate FILE}: checks a scenario file and reports every problem at once. */
@Command(
        name = "validate",
        description = "Check a scenario file; print every problem as file:line:column: path: message.")
final class ValidateCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "Scenario YAML file (or the name of an embedded scenario).")
    Path file;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Scenario s = ScenarioLoader.load(file);
        spec.commandLine()
                .getOut()
                .printf(
                        "%s: OK (scenario %s, %d-%d, %d actors, %d tie series, %d events, hash %s)%n",
                        file,
                        s.name(),
                        s.time().start(),
                        s.time().end(),
                        s.actors().size(),
                        s.ties().size(),
                        s.events().size(),
                        s.hash());
        return 0;
    }
}
