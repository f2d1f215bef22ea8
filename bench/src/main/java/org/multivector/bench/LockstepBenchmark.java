package org.multivector.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.multivector.engine.CompiledScenario;
import org.multivector.engine.Engine;
import org.multivector.engine.Variable;
import org.multivector.metric.SignorinoRitterScore;
import org.multivector.model.ActorKind;
import org.multivector.model.Pole;
import org.multivector.model.Scenario;
import org.multivector.scenario.ScenarioLoader;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What advancing several runs in lockstep buys (issue 18's structure-of-arrays lever; docs/PERFORMANCE.md, "Issue 18,
 * fourth steps"): one of the engine's arithmetic kernels, the regional dyads' S-scores and divergence of ties ({@code
 * Alignment.relations}, whose lockstep form {@code Lockstep} uses), computed for 64 run-years in three layouts. Inputs are the ties of the embedded
 * default's last year in 64 runs ({@link Engine} outputs), its regional dyads and salience; the rivalry costs are
 * every ordered pair of its non-residual poles at cost 1 (a scenario without declared pole relations), which changes
 * the values, not the work.
 *
 * <ul>
 *   <li>{@code scalar}: the engine's layout and loops, one run after another (the S-score is the engine's own {@link
 *       SignorinoRitterScore#ofMax}).
 *   <li>{@code lanes}: {@code lanes} runs side by side, an array per tie cell holding that cell of every run, each loop
 *       of the kernel running over the runs innermost; plain Java, which C2 auto-vectorises (superword; Larsen &amp;
 *       Amarasinghe 2000) because every loop body is the same operations on the same index of different arrays.
 *   <li>{@code vector}: the same layout through the incubating Vector API ({@code jdk.incubator.vector}), which needs
 *       {@code --add-modules jdk.incubator.vector} at compile and run time.
 * </ul>
 *
 * Every layout does each run's operations in the engine's order, so all three give the same bits; {@link #setUp}
 * checks that for every run and dyad and fails otherwise. Run: {@code java -jar bench/target/benchmarks.jar
 * LockstepBenchmark}; the score is ns per run-year of this kernel.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms256m", "-Xmx256m", "--add-modules", "jdk.incubator.vector"})
public class LockstepBenchmark {
    /** Run-years per benchmark call. */
    private static final int RUNS = 64;

    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;

    @Param({"scalar", "lanes", "vector"})
    String layout;

    /** Runs side by side in the lane layouts (a multiple of the vector length). */
    @Param({"8", "64"})
    int lanes;

    private int nP;
    private int nD;
    private int n;
    private int[] dyadA;
    private int[] dyadB;
    private double[] salience;
    private double[] weight; // per tie cell (p, d): the salience of d
    private int[] pairFrom;
    private int[] pairTo;
    private double[] pairCost;
    private double dMax;

    // the engine's layout: per run, ties at (i * nP + p) * nD + d
    private double[][] runs;
    // the lane layout: per batch of lanes and tie cell, the cell of each run of the batch
    private double[][][] cells;

    // outputs: per run and dyad
    private double[][] sscore;
    private double[][] divergence;

    // scratch
    private double[] ahead;
    private double[] behind;
    private double[][] aheadLanes;
    private double[][] behindLanes;
    private double[] acc;
    private double[] moved;
    private double[] cost;

    @Setup
    public void setUp() {
        if (RUNS % lanes != 0 || lanes % SPECIES.length() != 0) {
            throw new IllegalStateException(
                    lanes + " lanes do not divide " + RUNS + " runs into whole vectors of " + SPECIES.length());
        }
        Scenario s = ScenarioLoader.builtIn(ScenarioLoader.DEFAULT_SCENARIO);
        CompiledScenario c = CompiledScenario.of(s);
        List<String> states = s.actors().stream()
                .filter(a -> a.kind() == ActorKind.REGIONAL)
                .map(a -> a.id())
                .toList();
        List<Pole> poles = s.poles();
        nP = poles.size();
        nD = s.dimensions().size();
        n = nP * nD;
        salience =
                s.dimensions().stream().mapToDouble(d -> d.salience().value()).toArray();
        weight = new double[n];
        for (int p = 0; p < nP; p++) {
            System.arraycopy(salience, 0, weight, p * nD, nD);
        }
        dMax = SignorinoRitterScore.maxDistance(weight, n, 2.0 / nP);
        List<int[]> dyads = new ArrayList<>();
        for (List<String> d : c.dyads()) {
            int a = states.indexOf(d.get(0));
            int b = states.indexOf(d.get(1));
            if (a >= 0 && b >= 0) {
                dyads.add(new int[] {a, b});
            }
        }
        dyadA = dyads.stream().mapToInt(d -> d[0]).toArray();
        dyadB = dyads.stream().mapToInt(d -> d[1]).toArray();
        List<int[]> pairs = new ArrayList<>();
        for (int p = 0; p < nP; p++) {
            for (int q = 0; q < nP; q++) {
                if (p != q && !poles.get(p).residual() && !poles.get(q).residual()) {
                    pairs.add(new int[] {p, q});
                }
            }
        }
        pairFrom = pairs.stream().mapToInt(x -> x[0]).toArray();
        pairTo = pairs.stream().mapToInt(x -> x[1]).toArray();
        pairCost = new double[pairs.size()];
        java.util.Arrays.fill(pairCost, 1.0);

        // the ties of the last year of 64 runs, read from the engine's output by variable name
        Engine engine = new Engine(c);
        double[] out = new double[engine.outputSize()];
        List<Variable> vars = c.variables();
        int width = vars.size();
        int last = (c.years() - 1) * width;
        runs = new double[RUNS][states.size() * n];
        for (int r = 0; r < RUNS; r++) {
            engine.run(1992L, r, out);
            for (int i = 0; i < states.size(); i++) {
                for (int p = 0; p < nP; p++) {
                    for (int d = 0; d < nD; d++) {
                        String name = "share." + s.dimensions().get(d).id() + "."
                                + poles.get(p).id();
                        int col = vars.indexOf(new Variable(states.get(i), name));
                        if (col < 0) {
                            throw new IllegalStateException("no variable " + states.get(i) + " " + name);
                        }
                        runs[r][(i * nP + p) * nD + d] = out[last + col];
                    }
                }
            }
        }
        cells = new double[RUNS / lanes][states.size() * n][lanes];
        for (int r = 0; r < RUNS; r++) {
            for (int k = 0; k < states.size() * n; k++) {
                cells[r / lanes][k][r % lanes] = runs[r][k];
            }
        }
        sscore = new double[RUNS][dyadA.length];
        divergence = new double[RUNS][dyadA.length];
        ahead = new double[nP];
        behind = new double[nP];
        aheadLanes = new double[nP][lanes];
        behindLanes = new double[nP][lanes];
        acc = new double[lanes];
        moved = new double[lanes];
        cost = new double[lanes];
        check();
    }

    /** Every layout gives the scalar kernel's bits for every run and dyad. */
    private void check() {
        double[][] s0 = new double[RUNS][];
        double[][] d0 = new double[RUNS][];
        scalar();
        for (int r = 0; r < RUNS; r++) {
            s0[r] = sscore[r].clone();
            d0[r] = divergence[r].clone();
        }
        for (String l : List.of("lanes", "vector")) {
            for (double[] row : sscore) {
                java.util.Arrays.fill(row, Double.NaN);
            }
            if (l.equals("lanes")) {
                lanes();
            } else {
                vector();
            }
            for (int r = 0; r < RUNS; r++) {
                for (int q = 0; q < dyadA.length; q++) {
                    if (Double.doubleToRawLongBits(s0[r][q]) != Double.doubleToRawLongBits(sscore[r][q])
                            || Double.doubleToRawLongBits(d0[r][q]) != Double.doubleToRawLongBits(divergence[r][q])) {
                        throw new IllegalStateException(l + " layout differs from the scalar kernel at run " + r
                                + ", dyad " + q + ": " + sscore[r][q] + "/" + divergence[r][q] + " against "
                                + s0[r][q] + "/" + d0[r][q]);
                    }
                }
            }
        }
    }

    @Benchmark
    @OperationsPerInvocation(RUNS)
    public double relations() {
        switch (layout) {
            case "scalar" -> scalar();
            case "lanes" -> lanes();
            default -> vector();
        }
        return divergence[RUNS - 1][0];
    }

    /** The engine's kernel ({@code Alignment.relations}, regional dyads), one run after another. */
    private void scalar() {
        double wSum = wSum();
        for (int r = 0; r < RUNS; r++) {
            double[] share = runs[r];
            for (int q = 0; q < dyadA.length; q++) {
                int i = dyadA[q];
                int k = dyadB[q];
                sscore[r][q] = SignorinoRitterScore.ofMax(share, i * n, share, k * n, weight, n, dMax);
                double dv = 0;
                for (int d = 0; d < nD; d++) {
                    double m = 0;
                    for (int b = 0; b < nP; b++) {
                        double ub = share[(i * nP + b) * nD + d] - share[(k * nP + b) * nD + d];
                        ahead[b] = Math.max(ub, 0);
                        behind[b] = Math.max(-ub, 0);
                        m += ahead[b];
                    }
                    double c = 0;
                    for (int j = 0; j < pairFrom.length; j++) {
                        c += ahead[pairFrom[j]] * behind[pairTo[j]] * pairCost[j];
                    }
                    if (m > 0) {
                        dv += salience[d] * c / m;
                    }
                }
                divergence[r][q] = wSum > 0 ? dv / wSum : 0;
            }
        }
    }

    /** The same operations per run, runs innermost over an array per tie cell. */
    private void lanes() {
        double wSum = wSum();
        int nL = lanes;
        for (int g = 0; g < cells.length; g++) {
            double[][] cell = cells[g];
            for (int q = 0; q < dyadA.length; q++) {
                int i = dyadA[q];
                int k = dyadB[q];
                java.util.Arrays.fill(acc, 0);
                for (int j = 0; j < n; j++) {
                    double w = weight[j];
                    double[] x = cell[i * n + j];
                    double[] y = cell[k * n + j];
                    for (int l = 0; l < nL; l++) {
                        acc[l] += w * Math.abs(x[l] - y[l]);
                    }
                }
                for (int l = 0; l < nL; l++) {
                    sscore[g * nL + l][q] = dMax > 0 ? 1 - 2 * acc[l] / dMax : 1;
                }
                java.util.Arrays.fill(acc, 0);
                for (int d = 0; d < nD; d++) {
                    java.util.Arrays.fill(moved, 0);
                    for (int b = 0; b < nP; b++) {
                        double[] x = cell[(i * nP + b) * nD + d];
                        double[] y = cell[(k * nP + b) * nD + d];
                        double[] up = aheadLanes[b];
                        double[] down = behindLanes[b];
                        for (int l = 0; l < nL; l++) {
                            double ub = x[l] - y[l];
                            double u = Math.max(ub, 0);
                            up[l] = u;
                            down[l] = Math.max(-ub, 0);
                            moved[l] += u;
                        }
                    }
                    java.util.Arrays.fill(cost, 0);
                    for (int j = 0; j < pairFrom.length; j++) {
                        double[] up = aheadLanes[pairFrom[j]];
                        double[] down = behindLanes[pairTo[j]];
                        double v = pairCost[j];
                        for (int l = 0; l < nL; l++) {
                            cost[l] += up[l] * down[l] * v;
                        }
                    }
                    double sd = salience[d];
                    for (int l = 0; l < nL; l++) {
                        // adding +0 where nothing moved leaves the sum's bits as the engine's skipped term does
                        acc[l] += moved[l] > 0 ? sd * cost[l] / moved[l] : 0.0;
                    }
                }
                for (int l = 0; l < nL; l++) {
                    divergence[g * nL + l][q] = wSum > 0 ? acc[l] / wSum : 0;
                }
            }
        }
    }

    /** The lane layout through the Vector API. */
    private void vector() {
        double wSum = wSum();
        int step = SPECIES.length();
        for (int g = 0; g < cells.length; g++) {
            double[][] cell = cells[g];
            for (int q = 0; q < dyadA.length; q++) {
                int i = dyadA[q];
                int k = dyadB[q];
                for (int l0 = 0; l0 < lanes; l0 += step) {
                    DoubleVector dist = DoubleVector.zero(SPECIES);
                    for (int j = 0; j < n; j++) {
                        DoubleVector x = DoubleVector.fromArray(SPECIES, cell[i * n + j], l0);
                        DoubleVector y = DoubleVector.fromArray(SPECIES, cell[k * n + j], l0);
                        dist = dist.add(x.sub(y).abs().mul(weight[j]));
                    }
                    DoubleVector sc = dMax > 0
                            ? DoubleVector.broadcast(SPECIES, 1)
                                    .sub(dist.mul(2.0).div(dMax))
                            : DoubleVector.broadcast(SPECIES, 1);
                    DoubleVector dv = DoubleVector.zero(SPECIES);
                    for (int d = 0; d < nD; d++) {
                        DoubleVector m = DoubleVector.zero(SPECIES);
                        for (int b = 0; b < nP; b++) {
                            DoubleVector x = DoubleVector.fromArray(SPECIES, cell[(i * nP + b) * nD + d], l0);
                            DoubleVector y = DoubleVector.fromArray(SPECIES, cell[(k * nP + b) * nD + d], l0);
                            DoubleVector ub = x.sub(y);
                            DoubleVector u = ub.max(0.0);
                            u.intoArray(aheadLanes[b], l0);
                            ub.neg().max(0.0).intoArray(behindLanes[b], l0);
                            m = m.add(u);
                        }
                        DoubleVector c = DoubleVector.zero(SPECIES);
                        for (int j = 0; j < pairFrom.length; j++) {
                            DoubleVector up = DoubleVector.fromArray(SPECIES, aheadLanes[pairFrom[j]], l0);
                            DoubleVector down = DoubleVector.fromArray(SPECIES, behindLanes[pairTo[j]], l0);
                            c = c.add(up.mul(down).mul(pairCost[j]));
                        }
                        VectorMask<Double> some = m.compare(VectorOperators.GT, 0.0);
                        dv = dv.add(c.mul(salience[d]).div(m).blend(0.0, some.not()));
                    }
                    DoubleVector div = wSum > 0 ? dv.div(wSum) : DoubleVector.zero(SPECIES);
                    for (int l = 0; l < step; l++) {
                        sscore[g * lanes + l0 + l][q] = sc.lane(l);
                        divergence[g * lanes + l0 + l][q] = div.lane(l);
                    }
                }
            }
        }
    }

    private double wSum() {
        double wSum = 0;
        for (double w : salience) {
            wSum += w;
        }
        return wSum;
    }
}
