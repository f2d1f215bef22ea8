package org.multivector.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ServiceLoader;
import java.util.concurrent.atomic.AtomicBoolean;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.multivector.study.StudyExecutor;
import org.multivector.study.StudyExecutorProvider;
import org.multivector.study.StudyRunner;

/** Executors, progress display, checkpoints and Ctrl-C for the study commands. */
final class StudySupport {
    private StudySupport() {}

    static StudyExecutor executor(StudyOptions o) {
        if (o.engine.equals("local")) {
            if (o.master != null) {
                throw new IllegalArgumentException("--master needs --engine spark");
            }
            return new org.multivector.study.ThreadExecutor(o.threadCount());
        }
        for (StudyExecutorProvider p : ServiceLoader.load(StudyExecutorProvider.class)) {
            if (p.name().equals(o.engine)) {
                return p.create(o.master, o.threadCount());
            }
        }
        if (o.engine.equals("spark")) {
            throw new IllegalArgumentException("--engine spark: the Spark engine is not on the class path; run the job"
                    + " jar instead: java -jar spark/target/multivector-spark.jar ... (docs/SCALING.md)");
        }
        throw new IllegalArgumentException("--engine must be local or spark, got '" + o.engine + "'");
    }

    /** The configured scenario and the spec workers rebuild it from. */
    record Prepared(org.multivector.model.Scenario scenario, org.multivector.study.ScenarioSpec spec) {}

    static Prepared prepare(ScenarioOption so, java.util.List<String> strategies, Integer from, Integer to) {
        org.multivector.model.Scenario base = so.load();
        org.multivector.model.Scenario s = RunCommand.configure(base, strategies, from, to);
        byte[] bytes;
        Path file = Path.of(so.scenario);
        try {
            bytes = Files.exists(file)
                    ? Files.readAllBytes(file)
                    : org.multivector.scenario.ScenarioLoader.builtInBytes(so.scenario);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        java.util.Map<String, String> strat = new java.util.LinkedHashMap<>();
        for (String o : strategies) {
            int eq = o.indexOf('=');
            strat.put(o.substring(0, eq), o.substring(eq + 1));
        }
        boolean sameYears = s.time().start() == base.time().start()
                && s.time().end() == base.time().end();
        org.multivector.study.ScenarioSpec spec = new org.multivector.study.ScenarioSpec(
                so.scenario.endsWith(".yaml") || so.scenario.endsWith(".yml") ? so.scenario : so.scenario + ".yaml",
                bytes,
                sameYears ? 0 : s.time().start(),
                sameYears ? 0 : s.time().end(),
                strat,
                so.overlayValues());
        return new Prepared(s, spec);
    }

    /** The study's checkpoint file; an old one is removed unless the study resumes. */
    static Path checkpoint(StudyOptions study, String name) throws IOException {
        Path file = study.out.resolve("." + name + ".checkpoint");
        if (!study.resume) {
            Files.deleteIfExists(file);
        }
        return file;
    }

    /** A finished study: its merged result, the executor that computed it, and the wall time. */
    record Outcome<P>(P total, String executor, double seconds) {}

    /**
     * Runs a study with the chosen executor, a progress display, a checkpoint every 2 s and Ctrl-C
     * handling. Returns null when Ctrl-C stopped it (the checkpoint is saved and the resume command
     * printed; the caller exits with 130).
     */
    static <P> Outcome<P> run(
            picocli.CommandLine.Model.CommandSpec spec,
            StudyOptions study,
            org.multivector.study.BlockJob<P> job,
            String fingerprint,
            Path checkpoint,
            String task)
            throws Exception {
        StopOnSignal signal = new StopOnSignal();
        long t0 = System.nanoTime();
        try (StudyExecutor ex = executor(study);
                Progress progress = new Progress(task, study.quiet)) {
            P total = StudyRunner.run(
                    job, ex, fingerprint, checkpoint, study.resume, 2000, progress, signal::stopRequested);
            return new Outcome<>(total, ex.describe(), (System.nanoTime() - t0) / 1e9);
        } catch (StudyRunner.Stopped stopped) {
            stopped(spec, stopped, study.resume);
            return null;
        } finally {
            signal.close(); // after the message above: a Ctrl-C shutdown waits for it
        }
    }

    static void deleteCheckpoint(Path file) throws IOException {
        Files.deleteIfExists(file);
    }

    /**
     * Progress: a bar with rate and ETA on a terminal, a line per 10 % otherwise, nothing when quiet.
     */
    static final class Progress implements StudyRunner.Progress, AutoCloseable {
        private final boolean quiet;
        private final boolean terminal;
        private final PrintStream err;
        private final String task;
        private ProgressBar bar;
        private int lastDecile = -1;
        private final long started = System.nanoTime();

        Progress(String task, boolean quiet) {
            this.task = task;
            this.quiet = quiet;
            this.terminal = System.console() != null;
            this.err = System.err;
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
                            .setUnit(" runs", 1)
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
                double secs = (System.nanoTime() - started) / 1e9;
                err.printf("%s: %d/%d runs (%d%%), %.1f s%n", task, done, total, 10 * decile, secs);
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
     * Ctrl-C: asks the study to stop after its current block (it then saves its checkpoint) and waits
     * up to 20 s for that, so the study can be resumed.
     */
    static final class StopOnSignal implements AutoCloseable {
        private final AtomicBoolean stop = new AtomicBoolean();
        private final java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
        private final Thread hook;

        StopOnSignal() {
            hook = new Thread(() -> {
                stop.set(true);
                try {
                    // The study notices the flag after its current block, saves its checkpoint and closes this.
                    done.await(20, java.util.concurrent.TimeUnit.SECONDS);
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

    /** Says the study stopped and how to continue it: the same command line with --resume. */
    static void stopped(picocli.CommandLine.Model.CommandSpec spec, StudyRunner.Stopped s, boolean resumed) {
        java.util.List<String> args = spec.commandLine().getParseResult().originalArgs();
        PrintWriter err = spec.commandLine().getErr();
        err.println("multivector: " + s.getMessage() + "; continue with: multivector " + String.join(" ", args)
                + (resumed ? "" : " --resume"));
        err.flush();
    }
}
