package org.multivector.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import org.junit.jupiter.api.Test;
import org.multivector.model.Scenario;
import org.multivector.model.StrategySpec;
import org.multivector.scenario.ScenarioLoader;

/**
 * The actors respond (issue 14): poles match their rivals within a budget and keep pressing after a loss, neighbours
 * emulate each other, and shocks make histories and ensembles differ. Each mechanism switched off must lose its
 * effect.
 */
class ResponsesTest {
    /** The prior: documented coefficients, so the tests check the mechanisms, not one fit's values. */
    static final Scenario DEFAULT = ScenarioLoader.builtIn(ScenarioLoader.PRIOR_SCENARIO);

    /** The default scenario without shocks, with the given parameters. */
    static Scenario calm(Object... nameValue) {
        Scenario s = DEFAULT.withParameter("offer-shock-sd", 0).withParameter("fragility-shock-sd", 0);
        for (int k = 0; k < nameValue.length; k += 2) {
            s = s.withParameter((String) nameValue[k], ((Number) nameValue[k + 1]).doubleValue());
        }
        return s;
    }

    /** Pole offers of year index y after last year's offers were {@code prev}. */
    static double[] offersAfter(Scenario s, int y, double[] prev) {
        CompiledScenario c = CompiledScenario.of(s);
        RunState st = new RunState(c);
        st.reset();
        System.arraycopy(prev, 0, st.offer, 0, prev.length);
        PoleOfferRule.apply(st, y, null);
        return st.offer.clone();
    }

    @Test
    void aPoleOutOfferedByARival_raisesItsOffer_withinItsBudget() {
        Scenario on = calm("offer-competition", 1.0, "offer-budget-slack", 0.0);
        CompiledScenario c = CompiledScenario.of(on);
        int y = 2015 - c.firstYear;
        int kaz = CompiledScenario.indexOf(c.states, "KAZ");
        int rus = CompiledScenario.indexOf(c.poles, "RUS");
        int chn = CompiledScenario.indexOf(c.poles, "CHN");
        int trade = CompiledScenario.indexOf(c.dims, "trade");
        int nP = c.nP;
        int nD = c.nD;
        // last year every pole offered 1 everywhere, except China, which offered Kazakhstan three times as much in
        // trade
        double[] prev = new double[c.nR * nP * nD];
        java.util.Arrays.fill(prev, 1);
        prev[(kaz * nP + chn) * nD + trade] = 3;
        double[] even = new double[prev.length];
        java.util.Arrays.fill(even, 1);
        double[] contested = offersAfter(on, y, prev);
        double[] uncontested = offersAfter(on, y, even);
        int k = (kaz * nP + rus) * nD + trade;
        // Russia's share of its own offers that goes to Kazakhstan's trade rises: it competes there ...
        double totalContested = 0;
        double totalUncontested = 0;
        for (int i = 0; i < c.nR; i++) {
            for (int d = 0; d < nD; d++) {
                totalContested += contested[(i * nP + rus) * nD + d];
                totalUncontested += uncontested[(i * nP + rus) * nD + d];
            }
        }
        assertThat(contested[k] / totalContested).isGreaterThan(uncontested[k] / totalUncontested * 1.05);
        // ... within a budget that, with no slack, is its capability-based total: it takes from the other states
        assertThat(totalContested).isCloseTo(totalUncontested, offset(1e-9 * totalUncontested));
        int uzb = CompiledScenario.indexOf(c.states, "UZB");
        assertThat(contested[(uzb * nP + rus) * nD + trade]).isLessThan(uncontested[(uzb * nP + rus) * nD + trade]);
        // switched off, a rival's lead changes nothing
        Scenario off = calm("offer-competition", 0.0);
        assertThat(offersAfter(off, y, prev)[k]).isEqualTo(offersAfter(off, y, even)[k]);
    }

    /** State {@code state}'s value of {@code name} in {@code year} when KAZ follows {@code strategy} from 2024. */
    static double branch(Scenario s, String strategy, int year, String state, String name) {
        Engine e = new Engine(CompiledScenario.of(s));
        Engine.Checkpoint cp = e.checkpoint(5, 0, 2024);
        e.setStrategy("KAZ", StrategySpec.parse(strategy));
        double[] out = new double[e.outputSize()];
        e.runFrom(cp, 5, 0, out);
        return new Trajectory(
                        s.hash(),
                        5,
                        0,
                        e.compiled().firstYear,
                        e.compiled().years,
                        e.compiled().variables(),
                        out)
                .value(year, state, name);
    }

    @Test
    void aCounterfactualForKazakhstan_movesItsNeighboursTies_butNotNeutralTurkmenistans() {
        // competition off, so the only path from Kazakhstan's strategy to the others' ties is emulation
        Scenario on = calm("offer-competition", 0.0, "neighbour-emulation", 0.3);
        double mv = branch(on, "multi-vector", 2030, "UZB", "share.trade.CHN");
        double chn = branch(on, "bandwagon:CHN", 2030, "UZB", "share.trade.CHN");
        assertThat(chn - mv).as("Uzbekistan follows Kazakhstan toward China").isGreaterThan(0.002);
        assertThat(branch(on, "bandwagon:CHN", 2030, "UZB", "balance"))
                .isNotEqualTo(branch(on, "multi-vector", 2030, "UZB", "balance"));
        assertThat(branch(on, "bandwagon:CHN", 2030, "TKM", "share.trade.CHN"))
                .as("neutral Turkmenistan does not emulate")
                .isEqualTo(branch(on, "multi-vector", 2030, "TKM", "share.trade.CHN"));
        Scenario off = calm("offer-competition", 0.0, "neighbour-emulation", 0.0);
        assertThat(branch(off, "bandwagon:CHN", 2030, "UZB", "share.trade.CHN"))
                .isEqualTo(branch(off, "multi-vector", 2030, "UZB", "share.trade.CHN"));
    }

    @Test
    void withPoleCompetition_aCounterfactualForKazakhstan_reachesTurkmenistanThroughThePolesBudgets() {
        Scenario on = calm("offer-competition", 1.0, "offer-budget-slack", 0.0, "neighbour-emulation", 0.0);
        assertThat(branch(on, "bandwagon:CHN", 2030, "TKM", "share.trade.CHN"))
                .isNotEqualTo(branch(on, "multi-vector", 2030, "TKM", "share.trade.CHN"));
    }

    @Test
    void tiltingKazakhstansTradeToOnePole_divertsItFromItsNeighbours_andRaisesTheirTension() {
        // bandwagoning on Russia puts Kazakhstan's trade with Russia; its trade outside the poles, where its trade with
        // Uzbekistan is, falls, and with it the pair's interdependence: their tension rises against the pair whose
        // interdependence is held at its last observed value
        Scenario diversion = calm("regional-trade-elasticity", 1.0);
        Scenario held = calm("regional-trade-elasticity", 0.0);
        double other = branch(diversion, "bandwagon:RUS", 2030, "KAZ", "share.trade.OTHER")
                - branch(diversion, "multi-vector", 2030, "KAZ", "share.trade.OTHER");
        assertThat(other)
                .as("bandwagoning lowers Kazakhstan's trade outside the poles")
                .isNegative();
        double effectBandwagon = branch(diversion, "bandwagon:RUS", 2030, "KAZ-UZB", "tension")
                - branch(held, "bandwagon:RUS", 2030, "KAZ-UZB", "tension");
        double effectMultiVector = branch(diversion, "multi-vector", 2030, "KAZ-UZB", "tension")
                - branch(held, "multi-vector", 2030, "KAZ-UZB", "tension");
        assertThat(effectBandwagon).isGreaterThan(effectMultiVector + 1e-4);
    }

    @Test
    void debtToAPole_raisesItsLeverage_andTheExposureATiltCosts() {
        // Kazakhstan tilted to China from 2024 owes China more each year: its coercion exposure rises with the debt
        Scenario debt = calm("debt-coercion", 1.0, "dependence-aversion", 1.0);
        Scenario none = calm("debt-coercion", 0.0, "dependence-aversion", 1.0);
        assertThat(branch(debt, "bandwagon:CHN", 2030, "KAZ", "exposure"))
                .isGreaterThan(branch(none, "bandwagon:CHN", 2030, "KAZ", "exposure") + 0.01);
        // and the exposure a tilt costs, against staying multi-vector, is larger when debt gives leverage
        double tiltWithDebt = branch(debt, "bandwagon:CHN", 2030, "KAZ", "exposure")
                - branch(debt, "multi-vector", 2030, "KAZ", "exposure");
        double tiltWithout = branch(none, "bandwagon:CHN", 2030, "KAZ", "exposure")
                - branch(none, "multi-vector", 2030, "KAZ", "exposure");
        assertThat(tiltWithDebt).isGreaterThan(tiltWithout);
    }

    @Test
    void aLossAversePole_keepsPressingAStateThatStaysAway() {
        Scenario averse = calm("pressure-loss-aversion", 1.0, "pressure-memory", 0.3);
        Scenario accepting = calm("pressure-loss-aversion", 0.0, "pressure-memory", 0.3);
        double late = branch(averse, "bandwagon:CHN", 2030, "KAZ", "pressure");
        double lateAccepting = branch(accepting, "bandwagon:CHN", 2030, "KAZ", "pressure");
        assertThat(late).isPositive().isGreaterThan(2 * lateAccepting);
    }

    @Test
    void shocks_spreadTheEnsemble_andGiveEachRunItsOwnHistory() {
        double withShocks = spread(DEFAULT.withParameter("offer-shock-sd", 0.2));
        double without = spread(calm());
        assertThat(withShocks).isGreaterThan(0.005).isGreaterThan(10 * without);
        Engine e = new Engine(CompiledScenario.of(DEFAULT.withParameter("fragility-shock-sd", 0.05)));
        Engine.Checkpoint cp = e.newCheckpoint(2024);
        double[] a = new double[e.outputSize()];
        double[] b = new double[e.outputSize()];
        e.checkpoint(cp, 5, 0);
        e.runFrom(cp, 5, 0, a);
        e.checkpoint(cp, 5, 1);
        e.runFrom(cp, 5, 1, b);
        int col = e.compiled().variables().indexOf(new Variable("KAZ", "fragility"));
        int y2010 = 2010 - e.compiled().firstYear;
        int width = e.compiled().variables().size();
        assertThat(a[y2010 * width + col]).isNotEqualTo(b[y2010 * width + col]);
        // and the same run index draws the same history again
        double[] again = new double[e.outputSize()];
        e.checkpoint(cp, 5, 0);
        e.runFrom(cp, 5, 0, again);
        assertThat(again).isEqualTo(a);
    }

    /** Standard deviation over 40 runs of Kazakhstan's 2030 trade share with China. */
    static double spread(Scenario s) {
        Engine e = new Engine(CompiledScenario.of(s));
        double sum = 0;
        double sq = 0;
        int n = 40;
        for (int r = 0; r < n; r++) {
            double v = e.run(9, r).value(2030, "KAZ", "share.trade.CHN");
            sum += v;
            sq += v * v;
        }
        double m = sum / n;
        return Math.sqrt(Math.max(0, sq / n - m * m));
    }
}
