package org.multivector.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.multivector.model.Scenario;
import org.multivector.scenario.ScenarioLoader;

/**
 * Negotiations inside the simulation (issue 14): disputes with talks are bargained out by SMP on the parties'
 * capabilities each year, and the forecast settles the dispute or keeps it open. Shown on the China border
 * (talks 1992-2002) and the Caspian (talks from 1996) against what happened.
 */
class NegotiationTest {
    static final Scenario DEFAULT = ScenarioLoader.builtIn(ScenarioLoader.DEFAULT_SCENARIO);
    /** The prior: a mechanism is tested on its documented coefficients, not on one fit's values. */
    static final Scenario PRIOR = ScenarioLoader.builtIn(ScenarioLoader.PRIOR_SCENARIO);

    /** Per year from {@code from}, the share of runs in which the dispute is still open. */
    static double[] open(Scenario s, String dispute, int from, int to, int runs) {
        Engine e = new Engine(CompiledScenario.of(s));
        double[] open = new double[to - from + 1];
        for (int r = 0; r < runs; r++) {
            Trajectory t = e.run(11, r);
            for (int y = from; y <= to; y++) {
                open[y - from] += t.value(y, dispute, "open") / runs;
            }
        }
        return open;
    }

    @Test
    void theChinaBorderAndTheCaspian_areBargainedOut_andReportedAgainstTheRecord() {
        StringBuilder log = new StringBuilder();
        for (String[] d : new String[][] {
            {"kaz-chn-border", "1992", "2002", "0.43"},
            {"kaz-rus-caspian", "1996", "2003", "0 (near Kazakhstan's median line)"}
        }) {
            int from = Integer.parseInt(d[1]);
            // nothing known after the talks began: the dated settlement is not, so the simulation decides it
            Scenario cut = DEFAULT.knownAt(from);
            assertThat(cut.disputes().stream()
                            .filter(x -> x.id().equals(d[0]))
                            .findFirst()
                            .orElseThrow()
                            .resolved())
                    .isEmpty();
            double[][] f = CompiledScenario.of(cut).talks(d[0]);
            int y0 = from - cut.time().start();
            assertThat(f[0][y0]).isBetween(0.0, 1.0);
            assertThat(f[1][y0]).isBetween(0.0, 1.0);
            double[] open = open(cut, d[0], from, 2030, 200);
            for (int k = 1; k < open.length; k++) {
                assertThat(open[k]).as("a settled dispute stays settled").isLessThanOrEqualTo(open[k - 1] + 1e-12);
            }
            int median = from;
            while (median - from < open.length && open[median - from] > 0.5) {
                median++;
            }
            log.append(String.format(
                    java.util.Locale.ROOT,
                    "%s: SMP agreement %.2f, outcome %.2f in %d; P(open) %d %.2f, %d %.2f, 2030 %.2f; median"
                            + " settlement %s; recorded: settled %s, outcome %s%n",
                    d[0],
                    f[0][y0],
                    f[1][y0],
                    from,
                    from,
                    open[0],
                    Integer.parseInt(d[2]),
                    open[Integer.parseInt(d[2]) - from],
                    open[open.length - 1],
                    median - from < open.length ? String.valueOf(median) : "after 2030",
                    d[2],
                    d[3]));
        }
        System.out.print(log);
    }

    @Test
    void talksThatSettle_calmThePair_andTheirAgreementSharesAreTheSettlementHazard() {
        Scenario talks = PRIOR.knownAt(1992); // the talks of 1992 known, their end not
        Scenario none = PRIOR.knownAt(1991); // before the talks: the border question stays open
        assertThat(CompiledScenario.of(none).talks("kaz-chn-border")[0]).isEmpty();
        double with = 0;
        double without = 0;
        Engine a = new Engine(CompiledScenario.of(talks));
        Engine b = new Engine(CompiledScenario.of(none));
        for (int r = 0; r < 50; r++) {
            with += a.run(3, r).value(2000, "KAZ-CHN", "tension") / 50;
            without += b.run(3, r).value(2000, "KAZ-CHN", "tension") / 50;
        }
        assertThat(with).isLessThan(without - 0.02);
        // the share of runs still open is the product of (1 - agreement share) over the years of talks
        double[] f = CompiledScenario.of(talks).talks("kaz-chn-border")[0];
        double[] open = open(talks, "kaz-chn-border", 1992, 1996, 400);
        double expected = 1;
        for (int y = 1992; y <= 1996; y++) {
            expected *= 1 - f[y - talks.time().start()];
            assertThat(open[y - 1992]).isCloseTo(expected, org.assertj.core.data.Offset.offset(0.08));
        }
    }
}
