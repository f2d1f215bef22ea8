package org.multivector.cli;

import java.io.PrintWriter;
import java.util.Map;
import org.multivector.model.UserInputException;
import org.multivector.scenario.ScenarioException;
import org.multivector.study.BuildInfo;
import org.multivector.study.RequestException;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code multivector} command. Exit codes: 0 ok, 2 bad input (any {@link UserInputException}: a scenario, an
 * issue file or a request field) or a storage failure (a full disk, an unwritable directory, a results database held
 * by another process: the message names the path), 130 stopped by Ctrl-C (resumable), 1 internal error.
 */
@Command(
        name = "multivector",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Simulates and measures multi-vector foreign policy and regional stability.",
        subcommands = {
            RunCommand.class,
            EnsembleCommand.class,
            CompareCommand.class,
            SensitivityCommand.class,
            DiscoverCommand.class,
            BacktestCommand.class,
            CalibrateCommand.class,
            BargainCommand.class,
            SweepCommand.class,
            ExportCommand.class,
            DescribeCommand.class,
            ValidateCommand.class,
            InitCommand.class,
            ServeCommand.class,
            CompileScenarioCommand.class,
            Main.Completion.class,
            CommandLine.HelpCommand.class
        })
public final class Main implements Runnable {
    /** The version from the build. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"multivector " + BuildInfo.version()};
        }
    }

    /** {@code multivector completion}: a bash completion script (zsh: load it after {@code bashcompinit}). */
    @Command(
            name = "completion",
            description = "Print a bash/zsh completion script: source <(multivector completion)"
                    + " (zsh: autoload -U bashcompinit && bashcompinit first).")
    static final class Completion implements Runnable {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public void run() {
            PrintWriter out = spec.commandLine().getOut();
            out.print(AutoComplete.bash("multivector", spec.root().commandLine()));
            out.flush();
        }
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** The command line with every subcommand answering --help, -h and --version. */
    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        for (CommandLine sub : cl.getSubcommands().values()) {
            if (!(sub.getCommand() instanceof CommandLine.HelpCommand)) {
                sub.getCommandSpec().mixinStandardHelpOptions(true);
                sub.getCommandSpec().versionProvider(new Version());
            }
        }
        return cl;
    }

    /** Runs the command line with the given streams and returns the exit code. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = commandLine();
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof RequestException re) {
                for (RequestException.FieldProblem p : re.problems()) {
                    err.println("multivector: " + option(commandLine, p) + ": " + p.message()
                            + (p.hint() == null || p.hint().isEmpty() ? "" : " (maybe: " + p.hint() + ")"));
                }
                err.flush();
                return 2;
            }
            if (ex instanceof UserInputException ue) {
                // file problems are already located (file:line:column), one per line under a count
                err.println(ue instanceof ScenarioException ? ue.getMessage() : "multivector: " + ue.getMessage());
                err.flush();
                return 2;
            }
            if (ex instanceof org.multivector.model.StorageException se) {
                // a full disk, an unwritable directory, a database held by another process: the message says which
                err.println("multivector: " + org.multivector.scenario.Problem.printable(se.getMessage()));
                err.flush();
                return 2;
            }
            java.io.IOException io = ex instanceof java.io.IOException i
                    ? i
                    : ex instanceof java.io.UncheckedIOException u ? u.getCause() : null;
            if (io != null) {
                err.println("multivector: "
                        + org.multivector.scenario.Problem.printable(
                                org.multivector.model.StorageException.describe(io)));
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

    /** Request fields whose option is not the field's name in kebab case. */
    private static final Map<String, String> ALIASES = Map.of(
            "overrides", "--strategy",
            "overlays", "--overlay",
            "input", "FILE",
            "kind", "command");

    /** The option a request field is set with in this command ({@code runsPerPoint} → {@code --runs-per-point}). */
    static String option(CommandLine cl, RequestException.FieldProblem p) {
        String field = p.baseField();
        if (field.equals("model") && p.field().startsWith("model.")) {
            String o = BargainCommand.MODEL_OPTIONS.get(p.field().substring(6));
            if (o != null) {
                return o;
            }
        }
        String alias = ALIASES.get(field);
        if (alias != null) {
            return alias + suffix(p);
        }
        String kebab = "--" + field.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
        if (cl.getCommandSpec().findOption(kebab) != null) {
            return kebab + suffix(p);
        }
        return p.field();
    }

    /** What follows the field's name: {@code [1]} → " (item 2)", {@code .KAZ} → " KAZ". */
    private static String suffix(RequestException.FieldProblem p) {
        String rest = p.field().substring(p.baseField().length());
        java.util.regex.Matcher m =
                java.util.regex.Pattern.compile("\\[(\\d+)]").matcher(rest);
        if (m.matches()) {
            return " (item " + (Integer.parseInt(m.group(1)) + 1) + ")";
        }
        return rest.startsWith(".") ? " " + rest.substring(1) : rest;
    }
}
