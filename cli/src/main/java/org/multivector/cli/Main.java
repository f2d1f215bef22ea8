package org.multivector.cli;

import java.io.PrintWriter;
import org.multivector.scenario.ScenarioException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code multivector} command. Exit codes: 0 ok, 2 bad input, 1 internal error. */
@Command(
        name = "multivector",
        mixinStandardHelpOptions = true,
        version = "multivector " + Main.VERSION,
        description = "Simulates and measures multi-vector foreign policy and regional stability.",
        subcommands = {
            RunCommand.class,
            EnsembleCommand.class,
            CompareCommand.class,
            SensitivityCommand.class,
            BacktestCommand.class,
            CalibrateCommand.class,
            ExportCommand.class,
            DescribeCommand.class,
            ValidateCommand.class,
            CompileScenarioCommand.class,
            BargainCommand.class,
            ServeCommand.class
        })
public final class Main implements Runnable {
    public static final String VERSION = "0.1.0";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line with the given streams and returns the exit code. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof ScenarioException se) {
                err.println(se.getMessage());
                err.flush();
                return 2;
            }
            if (ex instanceof IllegalArgumentException iae
                    && iae.getMessage() != null
                    && iae.getMessage().startsWith("--")) {
                err.println("multivector: " + iae.getMessage());
                err.flush();
                return 2;
            }
            if (ex instanceof org.multivector.bargain.BargainingException be) {
                // A model check failed on this input (e.g. a PCE that does not converge): the input's fault.
                err.println("multivector: the bargaining model cannot go on with this input: " + be.getMessage());
                err.flush();
                return 2;
            }
            err.println("multivector: internal error: " + ex);
            ex.printStackTrace(err);
            err.flush();
            return 1;
        });
        return cl.execute(args);
    }
}
