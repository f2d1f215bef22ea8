package org.multivector.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.multivector.report.HtmlReports;
import org.multivector.store.FileCheckpoints;
import org.multivector.store.ResultsDatabase;
import org.multivector.store.StudyDirectories;
import org.multivector.study.RequestException;
import org.multivector.study.StudyExecutor;
import org.multivector.study.StudyExecutorProvider;
import org.multivector.study.StudyRequest;
import org.multivector.study.StudyRunner;
import org.multivector.study.StudyService;
import org.multivector.study.StudySummary;
import org.multivector.study.ThreadExecutor;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * What every study command shares: it maps its options to a {@link StudyRequest}, runs it through the
 * {@link StudyService} with a progress display and Ctrl-C handling, and prints the result (or, with
 * {@code --json}, the study's summary as JSON). Executor options never change a result.
 */
abstract class StudyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    /**
     * Where the study's blocks run: {@code --threads}, {@code --engine}, {@code --master}. A mixin of the commands
     * whose studies run many blocks; {@code run} has none (one trajectory on the calling thread).
     */
    static final class ExecutorOptions {
        @Option(
                names = "--threads",
                description = "Worker threads for the local engine (default: all processors). Results do not depend"
                        + " on it.")
        Integer threads;

        @Option(
                names = "--engine",
                defaultValue = "local",
                description = "local (threads) or spark (needs the Spark job jar; docs/SCALING.md).")
        String engine = "local";

        @Option(names = "--master", description = "Spark master URL (default: local[*]).")
        String master;
    }

    /** This command's executor options (none: one thread). */
    ExecutorOptions executorOptions() {
        return new ExecutorOptions();
    }

    @Option(
            names = "--out",
            defaultValue = "runs",
            description = "Parent directory of study directories and of results.duckdb (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(
            names = "--name",
            description = "Study directory name (default: the study id). A directory holding another study is"
                    + " never replaced.")
    String name;

    @Option(
            names = "--resume",
            description = "Continue an interrupted study of the same request (refused, naming the option, when an"
                    + " option differs).")
    boolean resume;

    @Option(
            names = {"-q", "--quiet"},
            description = "Print nothing but errors.")
    boolean quiet;

    @Option(names = "--json", description = "Print the study's record and summary as JSON on stdout.")
    boolean json;

    /** The request these options ask for. */
    abstract StudyRequest request();

    /** Prints a finished study for a reader. */
    abstract void print(PrintWriter w, StudyService.Completed c);

    /**
     * How often a running study saves its checkpoint: {@link StudyService#CHECKPOINT_MILLIS_DEFAULT}, or the system
     * property {@code multivector.checkpointMillis} (0 to 3,600,000; a value that is not a number is the default).
     */
    static long checkpointMillis() {
        long millis = Long.getLong(CHECKPOINT_PROPERTY, StudyService.CHECKPOINT_MILLIS_DEFAULT);
        return Math.max(0, Math.min(StudyService.CHECKPOINT_MILLIS_MAX, millis));
    }

    static final String CHECKPOINT_PROPERTY = "multivector.checkpointMillis";

    @Override
    public Integer call() throws Exception {
        StudyRequest request = request();
        ExecutorOptions xo = executorOptions();
        int threadCount = xo.threads != null ? xo.threads : Runtime.getRuntime().availableProcessors();
        if (threadCount < 1 || threadCount > 1024) {
            throw RequestException.of("threads", threadCount + " is outside 1..1024");
        }
        StudyService service = new StudyService(
                        new FileCatalog(),
                        new StudyDirectories(out),
                        new FileCheckpoints(out),
                        new HtmlReports(),
                        "multivector")
                .checkpointEvery(checkpointMillis());
        StudyService.Prepared prepared = service.prepare(request);
        StopOnSignal signal = new StopOnSignal();
        try (StudyExecutor ex = executor(xo, threadCount);
                Progress progress = new Progress(request.kind(), quiet || json)) {
            StudyService.Completed c = service.run(
                    prepared, new StudyService.Execution(ex, progress, signal::stopRequested, resume, name));
            PrintWriter w = spec.commandLine().getOut();
            if (json) {
                w.println(new ObjectMapper()
                        .enable(SerializationFeature.INDENT_OUTPUT)
                        .writeValueAsString(StudySummary.of(c)));
            } else if (!quiet) {
                print(w, c);
                w.printf(
                        "%nWrote %s/ (%s) and %s%n",
                        c.location(), files(c.location()), out.resolve(ResultsDatabase.FILE));
            }
            w.flush();
            return 0;
        } catch (StudyRunner.Stopped stopped) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("multivector: " + stopped.getMessage() + "; continue with: multivector "
                    + String.join(" ", spec.commandLine().getParseResult().originalArgs())
                    + (resume ? "" : " --resume"));
            err.flush();
            return 130;
        } finally {
            signal.close(); // after the message above: a Ctrl-C shutdown waits for it
        }
    }

    private static String files(String dir) {
        try (Stream<Path> s = Files.list(Path.of(dir))) {
            return String.join(
                    ", ", s.map(p -> p.getFileName().toString()).sorted().toList());
        } catch (java.io.IOException e) {
            return "?";
        }
    }

    private static StudyExecutor executor(ExecutorOptions xo, int threadCount) {
        String engine = xo.engine;
        String master = xo.master;
        if (engine.equals("local")) {
            if (master != null) {
                throw RequestException.of("master", "a Spark master needs the spark engine");
            }
            return new ThreadExecutor(threadCount);
        }
        for (StudyExecutorProvider p : ServiceLoader.load(StudyExecutorProvider.class)) {
            if (p.name().equals(engine)) {
                return p.create(master, threadCount);
            }
        }
        if (engine.equals("spark")) {
            throw RequestException.of(
                    "engine",
                    "the Spark engine is not on the class path; run the job jar instead: java -jar"
                            + " spark-app/target/multivector-spark.jar ... (docs/SCALING.md)");
        }
        throw RequestException.of("engine", "'" + engine + "' is not local or spark");
    }

    /** Progress: a bar with rate and ETA on a terminal, a line per 10 % otherwise, nothing when quiet. */
    static final class Progress implements StudyRunner.Progress, AutoCloseable {
        private final boolean quiet;
        private final boolean terminal = System.console() != null;
        private final PrintStream err = System.err;
        private final String task;
        private final long started = System.nanoTime();
        private ProgressBar bar;
        private int lastDecile = -1;

        Progress(String task, boolean quiet) {
            this.task = task;
            this.quiet = quiet;
        }

        @Override
        public void update(long done, long total) {
            if (quiet) {
                return;
            }
            if (terminal) {
                if (bar == null) {
                    bar = new ProgressBarBuilder()
                            .setTaskName(task)
                            .setInitialMax(total)
                            .setStyle(ProgressBarStyle.ASCII)
                            .showSpeed()
                            .setUpdateIntervalMillis(250)
                            .build();
                }
                bar.stepTo(done);
                return;
            }
            int decile = (int) (10 * done / Math.max(1, total));
            if (decile != lastDecile) {
                lastDecile = decile;
                err.printf(
                        java.util.Locale.ROOT,
                        "%s: %d/%d (%d%%), %.1f s%n",
                        task,
                        done,
                        total,
                        10 * decile,
                        (System.nanoTime() - started) / 1e9);
                err.flush();
            }
        }

        @Override
        public void close() {
            if (bar != null) {
                bar.close();
            }
        }
    }

    /**
     * Ctrl-C: asks the study to stop after its current block (it then saves its checkpoint) and waits up to 20 s
     * for that, so the study can be resumed.
     */
    static final class StopOnSignal implements AutoCloseable {
        private final AtomicBoolean stop = new AtomicBoolean();
        private final CountDownLatch done = new CountDownLatch(1);
        private final Thread hook;

        StopOnSignal() {
            hook = new Thread(() -> {
                stop.set(true);
                try {
                    done.await(20, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            Runtime.getRuntime().addShutdownHook(hook);
        }

        boolean stopRequested() {
            return stop.get();
        }

        @Override
        public void close() {
            done.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // shutting down: the hook is running and now returns
            }
        }
    }
}
