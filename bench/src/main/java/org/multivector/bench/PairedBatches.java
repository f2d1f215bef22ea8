package org.multivector.bench;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * Two builds of the engine timed against each other in one JVM: each build's {@code benchmarks.jar} in its own class
 * loader, batches of the same runs alternating between them (base then head, head then base, …), and the ratio of each
 * adjacent pair's times. Machine drift that lasts longer than a pair of batches falls on both builds alike, so the
 * median of the ratios is steady where separate JMH runs are not (on a VM whose speed drifts by half within minutes,
 * JMH runs of one build a few minutes apart differ by more than most changes do). Both builds run the same run
 * indexes, so the same pass also says whether the change kept every output's bits.
 *
 * <p>This is the comparison of paired observations with a nonparametric summary (the median and quartiles of the
 * pairwise ratios), as in Georges, Buytaert &amp; Eeckhout 2007, "Statistically rigorous Java performance evaluation"
 * (OOPSLA), who show that single runs mislead and that alternation and repetition are what make a comparison hold.
 * Run by {@code bench/compare.sh --paired}, or: {@code java -cp head.jar org.multivector.bench.PairedBatches
 * base.jar head.jar [run|lockstep] [PAIRS] [SCENARIO]}. Exit 2 for bad arguments.
 */
public final class PairedBatches {
    static final int BATCH_RUNS = 192; // twelve locksteps of 16
    static final int WARM_PAIRS = 30;
    static final int PAIRS_DEFAULT = 150;
    static final int PAIRS_MAX = 10_000;

    private PairedBatches() {}

    /** One build's engine, driven through its public API by reflection: a batch of runs from a run index. */
    interface Side {
        /** Runs {@value #BATCH_RUNS} runs from {@code from} and returns the hash of their outputs' bits. */
        long batch(long from) throws Throwable;
    }

    public static void main(String[] args) throws Throwable {
        String problem = check(args);
        if (problem != null) {
            System.err.println("PairedBatches: " + problem);
            System.err.println(
                    "usage: PairedBatches BASE.jar HEAD.jar [run|lockstep] [PAIRS 1.." + PAIRS_MAX + "] [SCENARIO]");
            System.exit(2);
        }
        boolean lockstep = args.length > 2 && args[2].equals("lockstep");
        int pairs = args.length > 3 ? Integer.parseInt(args[3]) : PAIRS_DEFAULT;
        String scenario = args.length > 4 ? args[4] : "central-asia";
        Side base;
        Side head;
        try {
            base = side(Path.of(args[0]), scenario, lockstep);
            head = side(Path.of(args[1]), scenario, lockstep);
        } catch (ReflectiveOperationException | IllegalArgumentException e) {
            System.err.println("PairedBatches: cannot drive the engine of a build: " + e);
            System.exit(2);
            return;
        }
        System.out.println(report(base, head, pairs, lockstep ? "lockstep" : "run", scenario));
    }

    /** Why the arguments are unusable, or null. */
    static String check(String[] args) {
        if (args.length < 2 || args.length > 5) {
            return "expected 2 to 5 arguments, got " + args.length;
        }
        for (int i = 0; i < 2; i++) {
            Path p = Path.of(args[i]);
            if (!Files.isRegularFile(p)) {
                return args[i] + ": no such file (expected a build's bench/target/benchmarks.jar)";
            }
        }
        if (args.length > 2 && !args[2].equals("run") && !args[2].equals("lockstep")) {
            return "'" + args[2] + "' is not a mode (expected run or lockstep)";
        }
        if (args.length > 3) {
            try {
                int n = Integer.parseInt(args[3]);
                if (n < 1 || n > PAIRS_MAX) {
                    return "pairs " + n + " is out of range (expected 1.." + PAIRS_MAX + ")";
                }
            } catch (NumberFormatException e) {
                return "'" + args[3] + "' is not a number of pairs (expected 1.." + PAIRS_MAX + ")";
            }
        }
        return null;
    }

    /** Warms both sides, times the pairs and returns the summary line. */
    static String report(Side base, Side head, int pairs, String mode, String scenario) throws Throwable {
        long index = 0;
        for (int w = 0; w < WARM_PAIRS; w++) {
            base.batch(index);
            head.batch(index);
            index += BATCH_RUNS;
        }
        double[] ratios = new double[pairs];
        double baseNanos = 0;
        double headNanos = 0;
        boolean identical = true;
        for (int p = 0; p < pairs; p++) {
            boolean baseFirst = p % 2 == 0; // base then head, head then base, ...
            Side first = baseFirst ? base : head;
            Side second = baseFirst ? head : base;
            long t0 = System.nanoTime();
            long h1 = first.batch(index);
            long t1 = System.nanoTime();
            long h2 = second.batch(index);
            long t2 = System.nanoTime();
            long tb = baseFirst ? t1 - t0 : t2 - t1;
            long th = baseFirst ? t2 - t1 : t1 - t0;
            identical &= h1 == h2;
            ratios[p] = (double) th / tb;
            baseNanos += tb;
            headNanos += th;
            index += BATCH_RUNS;
        }
        double[] sorted = ratios.clone();
        Arrays.sort(sorted);
        return String.format(
                Locale.ROOT,
                "%s of %s, %d pairs of %d-run batches: median ratio head/base %.3f (IQR %.3f-%.3f); mean per run base %.1f"
                        + " us, head %.1f us; outputs %s",
                mode,
                scenario,
                pairs,
                BATCH_RUNS,
                quantile(sorted, 0.5),
                quantile(sorted, 0.25),
                quantile(sorted, 0.75),
                baseNanos / pairs / BATCH_RUNS / 1e3,
                headNanos / pairs / BATCH_RUNS / 1e3,
                identical ? "bit-identical" : "differ");
    }

    /** The q-quantile of sorted values, interpolated between order statistics (Hyndman &amp; Fan's definition 7). */
    static double quantile(double[] sorted, double q) {
        double h = (sorted.length - 1) * q;
        int lo = (int) Math.floor(h);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    /** A build's engine in its own class loader (the jar holds core and its dependencies). */
    static Side side(Path jar, String scenario, boolean lockstep) throws ReflectiveOperationException {
        URL url;
        try {
            url = jar.toUri().toURL();
        } catch (java.net.MalformedURLException e) {
            throw new IllegalArgumentException(jar + ": " + e.getMessage(), e);
        }
        ClassLoader cl = new URLClassLoader(new URL[] {url}, ClassLoader.getPlatformClassLoader());
        Class<?> loader = cl.loadClass("org.multivector.scenario.ScenarioLoader");
        Class<?> scenarioType = cl.loadClass("org.multivector.model.Scenario");
        Class<?> compiledType = cl.loadClass("org.multivector.engine.CompiledScenario");
        Class<?> engineType = cl.loadClass("org.multivector.engine.Engine");
        Object s;
        try {
            s = loader.getMethod("builtIn", String.class).invoke(null, scenario);
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw new IllegalArgumentException(
                    jar + ": scenario " + scenario + ": " + e.getCause().getMessage(), e);
        }
        Object compiled = compiledType.getMethod("of", scenarioType).invoke(null, s);
        Object engine = engineType.getConstructor(compiledType).newInstance(compiled);
        int size = (int) engineType.getMethod("outputSize").invoke(engine);
        MethodHandles.Lookup lookup = MethodHandles.publicLookup();
        if (!lockstep) {
            MethodHandle run = lookup.findVirtual(
                            engineType,
                            "run",
                            MethodType.methodType(void.class, long.class, long.class, double[].class))
                    .bindTo(engine);
            double[] out = new double[size];
            return from -> {
                long h = 17;
                for (int i = 0; i < BATCH_RUNS; i++) {
                    run.invokeExact(1992L, from + i, out);
                    h = mix(h, out);
                }
                return h;
            };
        }
        Class<?> lockstepType = cl.loadClass("org.multivector.engine.Lockstep");
        int lanes = 16;
        Object l = lockstepType.getConstructor(compiledType, int.class).newInstance(compiled, lanes);
        MethodHandle run = lookup.findVirtual(
                        lockstepType,
                        "run",
                        MethodType.methodType(void.class, long.class, long.class, int.class, double[][].class))
                .bindTo(l);
        double[][] outs = new double[lanes][size];
        return from -> {
            long h = 17;
            for (int i = 0; i < BATCH_RUNS / lanes; i++) {
                run.invokeExact(1992L, from + (long) lanes * i, lanes, outs);
                for (double[] out : outs) {
                    h = mix(h, out);
                }
            }
            return h;
        };
    }

    private static long mix(long h, double[] out) {
        for (double v : out) {
            h = h * 1_000_003L + Double.doubleToLongBits(v);
        }
        return h;
    }
}
