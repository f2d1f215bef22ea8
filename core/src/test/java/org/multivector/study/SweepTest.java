package org.multivector.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Issue 17, "experiments": {@code sweep} designs, their checks, and runs identical on any executor and resumed. */
class SweepTest {
    static SweepRequest.Factor range(String name, double min, double max, Integer steps) {
        return new SweepRequest.Factor(name, null, min, max, steps);
    }

    static SweepRequest.Factor values(String name, Object... v) {
        return new SweepRequest.Factor(name, List.of(v), null, null, null);
    }

    static SweepRequest grid(int replicates, SweepRequest.Factor... f) {
        return new SweepRequest(null, 5L, null, null, replicates, List.of(f), null, null, null);
    }

    @Test
    void aGridIsTheFullFactorial_firstFactorSlowest() {
        SweepRequest r = grid(1, range("tension-base", -2, -1, 3), values("strategy:KAZ", "multi-vector", "neutral"));
        Object[][] d = SweepStudy.design(r);
        assertThat(r.pointCount()).isEqualTo(6);
        assertThat(d).hasDimensions(6, 2);
        assertThat(d[0]).containsExactly(-2.0, "multi-vector");
        assertThat(d[1]).containsExactly(-2.0, "neutral");
        assertThat(d[2]).containsExactly(-1.5, "multi-vector");
        assertThat(d[5]).containsExactly(-1.0, "neutral");
    }

    @Test
    void aLatinHypercubeUsesEveryStratumOnce_andEveryListedLevelEquallyOften() {
        int n = 40;
        SweepRequest r = new SweepRequest(
                null,
                9L,
                "lhs",
                n,
                1,
                List.of(range("tension-base", -3, -1, null), values("strategy:KAZ", "multi-vector", "neutral")),
                null,
                null,
                null);
        Object[][] d = SweepStudy.design(r);
        Set<Integer> strata = new HashSet<>();
        int neutral = 0;
        for (Object[] p : d) {
            double u = ((Double) p[0] + 3) / 2;
            strata.add((int) Math.floor(u * n));
            neutral += p[1].equals("neutral") ? 1 : 0;
        }
        assertThat(strata).hasSize(n);
        assertThat(neutral).isEqualTo(n / 2);
        assertThat(SweepStudy.design(r)).isDeepEqualTo(d); // the seed decides, nothing else
    }

    @Test
    void badDesigns_everyProblemByField() {
        assertThatThrownBy(() -> new SweepRequest(
                        null, null, "grdi", null, 0, List.of(values("x"), range("y", 1, 0, null)), null, "tall", null))
                .isInstanceOfSatisfying(
                        RequestException.class,
                        e -> assertThat(e.problems())
                                .extracting(RequestException.FieldProblem::field)
                                .contains("design", "replicates", "table", "factors[0].values", "factors[1]"));
        assertThatThrownBy(() -> grid(1)).hasMessageContaining("at least one factor");
        assertThatThrownBy(() -> grid(1, values("a", 1), values("a", 2))).hasMessageContaining("already factor 1");
        assertThatThrownBy(() ->
                        new SweepRequest(null, null, "lhs", 10, 1, List.of(range("a", 0, 1, 3)), null, null, null))
                .hasMessageContaining("leave steps out");
    }

    @Test
    void factorsAndOutputsAreCheckedAgainstTheScenario() {
        StudyService s = StudyServiceTest.service(new StudyServiceTest.MemoryArchive(), CheckpointStore.NONE);
        assertThatThrownBy(() -> s.prepare(grid(
                        1,
                        values("tension-bsae", -1.0),
                        values("strategy:KAZ", "bandwagon:MARS"),
                        values("incident-base", "high"))))
                .isInstanceOfSatisfying(RequestException.class, e -> {
                    assertThat(e.problems())
                            .extracting(RequestException.FieldProblem::field)
                            .containsExactly("factors[0].name", "factors[1].values[0]", "factors[2].values[0]");
                    assertThat(e.problems().get(0).hint()).contains("tension-base");
                });
        assertThatThrownBy(() -> s.prepare(grid(1, values("tension-base", 99.0))))
                .hasMessageContaining("outside the range");
        assertThatThrownBy(() -> s.prepare(new SweepRequest(
                        null,
                        null,
                        null,
                        null,
                        1,
                        List.of(values("tension-base", -1.0)),
                        List.of("REGION.rsj"),
                        null,
                        null)))
                .hasMessageContaining("'REGION.rsj' is not a variable")
                .hasMessageContaining("REGION.rsi");
    }

    @Test
    void aSweepIsIdenticalOnAnyThreadCount_resumesToTheSameRows_andSharesStreamsAcrossPoints() throws Exception {
        SweepRequest r = new SweepRequest(
                null,
                3L,
                null,
                null,
                7,
                List.of(range("tension-base", -2, -1, 3), values("strategy:KAZ", "multi-vector", "neutral")),
                null,
                "series",
                null);
        double[][] one;
        StudyServiceTest.MemoryArchive archive = new StudyServiceTest.MemoryArchive();
        MemoryCheckpoints checkpoints = new MemoryCheckpoints();
        StudyService s = StudyServiceTest.service(archive, checkpoints);
        try (ThreadExecutor ex = new ThreadExecutor(1)) {
            one = ((StudyResult.Sweep) s.run(r, new StudyService.Execution(ex, null, null, false, "a"))
                            .result())
                    .rows();
        }
        int[] blocks = {0};
        try (ThreadExecutor ex = new ThreadExecutor(2)) {
            assertThatThrownBy(() -> s.run(r, new StudyService.Execution(ex, null, () -> ++blocks[0] > 1, false, "b")))
                    .isInstanceOf(StudyRunner.Stopped.class);
            StudyResult.Sweep resumed =
                    (StudyResult.Sweep) s.run(r, new StudyService.Execution(ex, null, null, true, "b"))
                            .result();
            assertThat(resumed.rows()).isDeepEqualTo(one);
            assertThat(resumed.rows()).hasNumberOfRows(6 * 7);
            assertThat(resumed.rows()[0]).hasSize(2 * resumed.years());
        }
        // replicate k of every point is run index k of the master seed: the run of point 3 (tension -1.5, neutral),
        // replicate 4, is the run a user would make of that scenario with stream 4
        org.multivector.model.Scenario point = org.multivector.model.Structural.withCategory(
                StudyTest.defaultSpec().scenario().withParameter("tension-base", -1.5), "strategy:KAZ", "neutral");
        org.multivector.engine.CompiledScenario c = org.multivector.engine.CompiledScenario.of(point);
        org.multivector.engine.Trajectory t = new org.multivector.engine.Engine(c).run(3, 4);
        int rsi = c.variables().indexOf(new org.multivector.engine.Variable("REGION", "rsi"));
        double[] expected = new double[c.years()];
        for (int y = 0; y < c.years(); y++) {
            expected[y] = t.value(c.firstYear() + y, rsi);
        }
        assertThat(Arrays.copyOfRange(one[3 * 7 + 4], 0, c.years())).containsExactly(expected);
        assertThat(Arrays.equals(one[0], one[7])).as("points differ").isFalse();
    }
}
