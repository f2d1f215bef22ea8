package org.multivector.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.multivector.engine.CompiledScenario;
import org.multivector.engine.Engine;
import org.multivector.engine.Variable;

/** What an ensemble summarises, and the exact quantiles of counts. */
class SummaryTest {
    private static final double[] QS = {0, 0.05, 0.25, 0.5, 0.75, 0.95, 1};

    /** Definition 1 of Hyndman &amp; Fan (1996): the smallest sorted value whose rank reaches q·n. */
    private static double inverseEcdf(double[] sorted, double q) {
        for (int i = 0; i < sorted.length; i++) {
            if (i + 1 >= q * sorted.length) {
                return sorted[i];
            }
        }
        return sorted[sorted.length - 1];
    }

    @Test
    void countQuantiles_areTheExactOrderStatistics_andMergeToTheSameBits() throws Exception {
        SplittableRandom rnd = new SplittableRandom(42);
        for (int trial = 0; trial < 200; trial++) {
            int hi = 1 + rnd.nextInt(30);
            int runs = 1 + rnd.nextInt(400);
            double[] v = new double[runs];
            SeriesStats whole =
                    new SeriesStats(1, 1, new int[] {0}, new double[] {0}, new double[] {hi}, new boolean[] {true});
            SeriesStats a = whole.emptyCopy();
            SeriesStats b = whole.emptyCopy();
            for (int r = 0; r < runs; r++) {
                // skewed counts, as incidents are: mostly 0 and 1
                v[r] = Math.min(hi, (int) Math.floor(-Math.log(1 - rnd.nextDouble()) * (1 + rnd.nextInt(3))));
                whole.add(new double[] {v[r]});
                (rnd.nextBoolean() ? a : b).add(new double[] {v[r]});
            }
            double[] sorted = v.clone();
            Arrays.sort(sorted);
            for (double q : QS) {
                assertThat(whole.quantile(0, 0, q))
                        .as("q %s of %s", q, Arrays.toString(sorted))
                        .isEqualTo(inverseEcdf(sorted, q));
                assertThat(whole.quantile(0, 0, q)).isEqualTo(Math.rint(whole.quantile(0, 0, q)));
            }
            b.merge(a);
            assertThat(encode(b)).isEqualTo(encode(whole));
        }
    }

    @Test
    void outputsAddedTogether_giveTheBitsOfAddingThemOneByOne() throws Exception {
        // values inside and outside the ranges, NaN, counts and a far value whose sums clamp, in two columns of three
        SplittableRandom rnd = new SplittableRandom(7);
        int years = 3;
        int width = 3;
        SeriesStats one = new SeriesStats(
                years, width, new int[] {2, 0}, new double[] {-1, 0}, new double[] {1, 12}, new boolean[] {false, true
                });
        SeriesStats together = one.emptyCopy();
        double[][] outs = new double[16][years * width];
        for (int batch = 0; batch < 40; batch++) {
            int count = rnd.nextInt(outs.length + 1);
            for (int o = 0; o < count; o++) {
                for (int k = 0; k < outs[o].length; k++) {
                    double u = rnd.nextDouble();
                    outs[o][k] = u < 0.1
                            ? Double.NaN
                            : u < 0.15 ? 1e12 * (rnd.nextBoolean() ? 1 : -1) : rnd.nextInt(15) - 1.5 + rnd.nextDouble();
                }
                outs[o][0] = Math.rint(outs[o][0]);
                one.add(outs[o]);
            }
            together.add(outs, count);
        }
        assertThat(together.runs()).isEqualTo(one.runs()).isPositive();
        assertThat(encode(together)).isEqualTo(encode(one));
        assertThatThrownBy(() -> together.add(outs, 17)).hasMessageContaining("17 outputs of 16");
    }

    @Test
    void aBinaryCountsMedian_isZeroOrOne_neverBetween() {
        SeriesStats s = new SeriesStats(1, 1, new int[] {0}, new double[] {0}, new double[] {1}, new boolean[] {true});
        for (int r = 0; r < 100; r++) {
            s.add(new double[] {r < 57 ? 0 : 1});
        }
        assertThat(s.quantile(0, 0, 0.5)).isEqualTo(0);
        assertThat(s.quantile(0, 0, 0.57)).isEqualTo(0);
        assertThat(s.quantile(0, 0, 0.58)).isEqualTo(1);
        assertThat(s.mean(0, 0)).isCloseTo(0.43, org.assertj.core.data.Offset.offset(1e-7));
        // the same values as a continuous column are interpolated inside the first bin
        SeriesStats c = new SeriesStats(1, 1, new int[] {0}, new double[] {0}, new double[] {1});
        for (int r = 0; r < 100; r++) {
            c.add(new double[] {r < 57 ? 0 : 1});
        }
        assertThat(c.quantile(0, 0, 0.5)).isStrictlyBetween(0.0, 0.005);
    }

    @Test
    void theModelsCounts_getExactQuantiles_fromTheEnsemble() throws Exception {
        ConfiguredScenario spec = StudyTest.defaultSpec();
        CompiledScenario c = spec.compiled();
        EnsembleJob job = new EnsembleJob(spec, 9, 300);
        SeriesStats s;
        try (ThreadExecutor ex = new ThreadExecutor(2)) {
            s = StudyRunner.run(job, ex, "t", null, false, 0, StudyRunner.Progress.NONE);
        }
        int col = c.variables().indexOf(new Variable(Variable.REGION, "incidents"));
        int k = s.indexOf(col);
        assertThat(s.isCount(k)).isTrue();
        assertThat(s.isCount(s.indexOf(c.variables().indexOf(new Variable(Variable.REGION, "rsi")))))
                .isFalse();
        Engine engine = new Engine(c);
        int y = 2010 - c.firstYear();
        double[] v = new double[300];
        for (int r = 0; r < 300; r++) {
            v[r] = engine.run(9, r).value(2010, Variable.REGION, "incidents");
        }
        Arrays.sort(v);
        for (double q : QS) {
            assertThat(s.quantile(y, k, q)).as("q %s", q).isEqualTo(inverseEcdf(v, q));
        }
    }

    @Test
    void theStandardSet_holdsWhatReportsAndTheDatabaseRead_andLeavesOutTheRest() {
        List<Variable> vars = StudyTest.defaultSpec().compiled().variables();
        int[] cols = SummaryVariables.columns(vars, null, "variables");
        List<Variable> chosen = new ArrayList<>();
        for (int col : cols) {
            chosen.add(vars.get(col));
        }
        assertThat(chosen)
                .contains(
                        new Variable(Variable.REGION, "rsi"),
                        new Variable(Variable.REGION, "incidents.expected"),
                        new Variable(Variable.REGION, "rsi.polarisation"),
                        new Variable("KAZ", "balance"),
                        new Variable("KAZ", "balance.trade"),
                        new Variable("TJK", "unrest"),
                        new Variable("TJK", "unrest.p"),
                        new Variable("KAZ", "exposure"),
                        new Variable("KAZ", "fragility"),
                        new Variable("KAZ-CHN", "incident"),
                        new Variable("KAZ-CHN", "hazard"),
                        new Variable("KAZ-CHN", "tension"));
        assertThat(chosen)
                .noneMatch(v -> v.name().startsWith("share.")
                        || v.name().startsWith("barbieri.")
                        || v.name().equals("sscore")
                        || v.name().startsWith("volatility."));
        assertThat(cols.length).isLessThan(vars.size() / 2);
        // ascending, as the output
        assertThat(cols).isSorted();
    }

    @Test
    void requestedPatterns_addToTheStandardSet() {
        List<Variable> vars = StudyTest.defaultSpec().compiled().variables();
        int standard = SummaryVariables.columns(vars, null, "variables").length;
        assertThat(SummaryVariables.columns(vars, List.of("all"), "variables")).hasSize(vars.size());
        int[] kazTrade = SummaryVariables.columns(vars, List.of("KAZ:share.trade.*"), "variables");
        assertThat(kazTrade).hasSize(standard + 4); // RUS, CHN, WEST and the residual
        int[] trade = SummaryVariables.columns(vars, List.of("share.trade.CHN", "sscore"), "variables");
        assertThat(trade).hasSize(standard + 5 + 17);
        assertThat(SummaryVariables.normalise(List.of(" share.* ", "ALL"))).containsExactly("all");
        assertThat(SummaryVariables.normalise(List.of())).isNull();
    }

    @Test
    void aPatternThatMatchesNothing_isRefusedWithItsPlace() {
        List<Variable> vars = StudyTest.defaultSpec().compiled().variables();
        assertThatThrownBy(() -> SummaryVariables.columns(vars, List.of("rsi", "shares.*"), "variables"))
                .isInstanceOf(RequestException.class)
                .hasMessage("variables[1]: 'shares.*' matches no recorded variable (expected all, a name or"
                        + " ACTOR:NAME such as KAZ:share.trade.RUS, or a glob with *; docs/METRICS.md lists them)");
        assertThatThrownBy(() -> SummaryVariables.columns(vars, List.of(" "), "variables"))
                .isInstanceOf(RequestException.class)
                .hasMessageContaining("variables[0]: is empty");
    }

    @Test
    void anEnsembleOfTheStandardSet_givesTheSameFiguresAsOneOfAll() throws Exception {
        ConfiguredScenario spec = StudyTest.defaultSpec();
        List<Variable> vars = spec.compiled().variables();
        int[] cols = SummaryVariables.columns(vars, null, "variables");
        SeriesStats part;
        SeriesStats all;
        try (ThreadExecutor ex = new ThreadExecutor(2)) {
            part = StudyRunner.run(
                    new EnsembleJob(spec, 4, 260, null, cols), ex, "t", null, false, 0, StudyRunner.Progress.NONE);
            all = StudyRunner.run(new EnsembleJob(spec, 4, 260), ex, "t", null, false, 0, StudyRunner.Progress.NONE);
        }
        for (int k = 0; k < cols.length; k++) {
            int ka = all.indexOf(cols[k]);
            for (int y = 0; y < part.years(); y++) {
                assertThat(part.summary(y, k)).containsExactly(all.summary(y, ka));
            }
        }
    }

    private static byte[] encode(SeriesStats s) throws Exception {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (DataOutputStream d = new DataOutputStream(b)) {
            s.writeTo(d);
        }
        SeriesStats back = s.emptyCopy();
        back.readFrom(new DataInputStream(new ByteArrayInputStream(b.toByteArray())));
        ByteArrayOutputStream b2 = new ByteArrayOutputStream();
        try (DataOutputStream d = new DataOutputStream(b2)) {
            back.writeTo(d);
        }
        assertThat(b2.toByteArray()).isEqualTo(b.toByteArray());
        return b.toByteArray();
    }
}
