package org.multivector.bargain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.multivector.bargain.SmpParameters.BigRAdjust;
import org.multivector.bargain.SmpParameters.BigRRange;
import org.multivector.bargain.SmpParameters.InterVecBrgn;
import org.multivector.bargain.SmpParameters.PceModel;
import org.multivector.bargain.SmpParameters.VictoryProbModel;
import org.multivector.bargain.SmpParameters.VotingRule;

/** Each named part of the SMP against values worked out by hand from SPEC.md. */
class PartsTest {
    @Test
    void prngIsStandardMt19937_64() {
        // C++ [rand.predef]: the 10000th output of a default-constructed mt19937_64 (seed 5489).
        Prng p = new Prng(5489);
        long v = 0;
        for (int k = 0; k < 10000; k++) {
            v = p.nextRaw();
        }
        assertThat(Long.toUnsignedString(v)).isEqualTo("9981545732273789042");
    }

    @Test
    void prngTransformAndUniform() {
        Prng a = new Prng(42);
        Prng b = new Prng(42);
        long raw = a.nextRaw();
        assertThat(b.next64()).isEqualTo((raw + 0xE08C1D668B756F83L) * (2 * raw + 3));
        assertThat(Prng.unsignedToDouble(-1L)).isEqualTo(18446744073709551616.0);
        assertThat(Prng.unsignedToDouble(Long.MIN_VALUE)).isEqualTo(9223372036854775808.0);
        // 2^64 − 2^10 − 1 lies below the midpoint between 2^64 − 2^11 and 2^64: rounds down.
        assertThat(Prng.unsignedToDouble(-1025L)).isEqualTo(18446744073709549568.0);
        Prng u = new Prng(7);
        for (int k = 0; k < 1000; k++) {
            assertThat(u.uniform(10, 200)).isBetween(10.0, 200.0);
        }
        assertThat(new Prng(3).select(new double[] {0, 0, 1})).isEqualTo(2);
    }

    @Test
    void votesFollowEachRule() {
        assertThat(Vote.vote(VotingRule.PROP, 2, 0.75, 0.5)).isEqualTo(0.5);
        assertThat(Vote.vote(VotingRule.BINARY, 2, 0.75, 0.5)).isEqualTo(2.0);
        assertThat(Vote.vote(VotingRule.BINARY, 2, 0.5, 0.5 + 0.5e-8)).isCloseTo(-1.0, within(1e-6));
        assertThat(Vote.vote(VotingRule.PROP_BIN, 1, 0.75, 0.5)).isEqualTo(0.8 * 0.25 + 0.2);
        assertThat(Vote.vote(VotingRule.PROP_CBC, 1, 0.75, 0.25)).isEqualTo(0.5 * 0.5 + 0.5 * 0.125);
        assertThat(Vote.vote(VotingRule.CUBIC, 1, 0.75, 0.25)).isEqualTo(0.125);
        // Prospect theory: a loss weighs 1.5 times an equal gain.
        double gain = Vote.vote(VotingRule.ASYM_PROSP, 3, 0.75, 0.25);
        double loss = Vote.vote(VotingRule.ASYM_PROSP, 3, 0.25, 0.75);
        assertThat(gain).isEqualTo(1.0);
        assertThat(loss).isEqualTo(-1.5);
        assertThat(Vote.vote(VotingRule.ASYM_PROSP, 3, 0.5, 0.5)).isZero();
        assertThatThrownBy(() -> Vote.vote(VotingRule.PROP, 0, 1, 0)).isInstanceOf(BargainingException.class);
    }

    @Test
    void coalitionsSumPositiveVotesOnEachSide() {
        double[] w = {1, 2, 4};
        double[][] u = {{1.0, 0.0}, {0.0, 1.0}, {0.75, 0.5}};
        double[][] c = Coalitions.matrix(VotingRule.PROP, w, u, 2);
        // option 1 vs 0: actor 1 votes +2, actors 0 and 2 vote −1 and −1.
        assertThat(c[1][0]).isEqualTo(1e-8 + 2.0);
        assertThat(c[0][1]).isEqualTo(1e-8 + 1.0 + 1.0);
        assertThat(c[0][0]).isEqualTo(1e-8);
    }

    @Test
    void victoryProbabilitiesAreComplementary() {
        double[][] c = {{1e-8, 3}, {1, 1e-8}};
        double[][] lin = VictoryProbability.pairwise(VictoryProbModel.LINEAR, c);
        assertThat(lin[0][1]).isEqualTo(0.75);
        assertThat(lin[1][0]).isEqualTo(0.25);
        assertThat(lin[0][0]).isEqualTo(0.5);
        double[][] sq = VictoryProbability.pairwise(VictoryProbModel.SQUARE, c);
        assertThat(sq[0][1]).isEqualTo(0.9);
        double[][] oct = VictoryProbability.pairwise(VictoryProbModel.OCTIC, c);
        assertThat(oct[0][1]).isCloseTo(6561.0 / 6562.0, within(1e-15));
        double[][] bin = VictoryProbability.pairwise(VictoryProbModel.BINARY, c);
        assertThat(bin[0][1]).isCloseTo(1 / (1 + 1e-6), within(1e-15));
        double[][] close =
                VictoryProbability.pairwise(VictoryProbModel.BINARY, new double[][] {{1e-8, 1.05}, {1, 1e-8}});
        double r = 1.05 / 2.05;
        double x1 = (r * 2.1 - 1) / (1.1 - 1);
        assertThat(close[0][1]).isCloseTo(x1, within(1e-12));
    }

    @Test
    void pceModelsAgreeOnADominantOption() {
        double[][] c = {{1e-8, 3, 3}, {1, 1e-8, 2}, {1, 1, 1e-8}};
        double[][] p = VictoryProbability.pairwise(VictoryProbModel.LINEAR, c);
        double[] cond = Pce.distribution(PceModel.CONDITIONAL, c, p);
        // q_0 = 0.5·0.75·0.75, q_1 = 0.25·0.5·(2/3), q_2 = 0.25·(1/3)·0.5
        double q0 = 0.5 * 0.75 * 0.75;
        double q1 = 0.25 * 0.5 * (2.0 / 3);
        double q2 = 0.25 * (1.0 / 3) * 0.5;
        assertThat(cond[0]).isCloseTo(q0 / (q0 + q1 + q2), within(1e-15));
        for (PceModel m : PceModel.values()) {
            double[] d = Pce.distribution(m, c, p);
            assertThat(d[0] + d[1] + d[2]).as(m.ktabName()).isCloseTo(1.0, within(1e-8));
            assertThat(d[0]).as(m.ktabName()).isGreaterThan(d[1]).isGreaterThan(d[2]);
        }
    }

    @Test
    void riskRangesPutTheLikeliestAtTheTop() {
        double[] p = {0.1, 0.2, 0.7};
        double[] mid = RiskAttitude.fromProbabilities(BigRRange.MID, p);
        assertThat(mid[2]).isCloseTo(1.0, within(1e-15));
        assertThat(mid[0]).isCloseTo(-0.5, within(1e-15));
        assertThat(RiskAttitude.fromProbabilities(BigRRange.MIN, p)[0]).isZero();
        assertThat(RiskAttitude.fromProbabilities(BigRRange.MAX, p)[0]).isCloseTo(-1.0, within(1e-15));
        // An even field (all positions equal) is risk-neutral instead of KTAB's NaN.
        assertThat(RiskAttitude.fromProbabilities(BigRRange.MID, new double[] {0.25, 0.25, 0.25, 0.25}))
                .containsOnly(0.0);
        assertThat(RiskAttitude.blend(BigRAdjust.ONE_THIRD, 1, -0.5)).isEqualTo(0.5);
        assertThat(RiskAttitude.blend(BigRAdjust.FULL, 1, -0.5)).isEqualTo(-0.5);
        assertThat(RiskAttitude.blend(BigRAdjust.NONE, 1, -0.5)).isEqualTo(1.0);
    }

    @Test
    void utilityIsLinearWhenRiskNeutralAndDistanceIsNormalised() {
        assertThat(SpatialUtility.utility(0.25, 0)).isEqualTo(0.75);
        assertThat(SpatialUtility.utility(0.5, 1)).isEqualTo(0.75);
        assertThat(SpatialUtility.utility(0.5, -0.5)).isEqualTo(0.375);
        assertThat(SpatialUtility.distance(new double[] {0.5, 0.5}, new double[] {0, 0}, new double[] {1, 1}))
                .isEqualTo(1.0);
        // a dimension with no salience does not count
        assertThat(SpatialUtility.distance(new double[] {0.5, 0}, new double[] {0, 0}, new double[] {0.5, 1}))
                .isEqualTo(0.5);
    }

    @Test
    void bargainsLeanTowardTheStrongerSideAndRoundToFourDecimals() {
        double[] ti = {0.2};
        double[] tj = {0.8};
        double[] s = {0.5};
        Bargain even = Bargain.interpolate(InterVecBrgn.S2P2, 0, 1, ti, tj, s, s, 0.5, 0.5, 0.1);
        assertThat(even.initiatorPosition()[0]).isEqualTo(0.5);
        Bargain strongI = Bargain.interpolate(InterVecBrgn.S2P2, 0, 1, ti, tj, s, s, 0.75, 0.25, 0.1);
        // w_i = 0.25·0.5625, w_j = 0.25·0.0625 → (0.140625·0.2 + 0.015625·0.8)/0.15625 = 0.26
        assertThat(strongI.initiatorPosition()[0]).isEqualTo(0.26);
        assertThat(Bargain.round4(0.123449)).isEqualTo(0.1234);
        assertThat(Bargain.round4(0.12345)).isEqualTo(0.1235);
        Bargain max = Bargain.interpolate(InterVecBrgn.S2PMAX, 0, 1, ti, tj, s, s, 0.75, 0.25, 0.1);
        assertThat(max.initiatorPosition()[0]).isEqualTo(0.2);
        assertThat(max.receiverPosition()[0]).isLessThan(0.8).isGreaterThan(0.2);
        Bargain comp = Bargain.compromise(even, strongI, 2, 0.5, 0.5);
        assertThat(comp.initiatorPosition()[0]).isCloseTo(0.38, within(1e-15));
    }

    @Test
    void transitionMovesIdealsThroughTheAccommodationMatrixAndStopsOnTheRatio() {
        double[][] x = {{0.2}, {0.8}};
        double[][] ideal = {{0.0}, {1.0}};
        double[][] identity = {{1, 0}, {0, 1}};
        assertThat(Transition.ideals(identity, x, ideal)).isDeepEqualTo(x);
        // actor 0 keeps 60 % of its ideal and moves 40 % toward... its own 0.2 and 0.8 of actor 1: 0.1·0.2 + 0.3·0.8
        double[][] a = {{0.1, 0.3}, {0, 1}};
        double[][] next = Transition.ideals(a, x, ideal);
        assertThat(next[0][0]).isCloseTo(0.1 * 0.2 + 0.3 * 0.8 + 0.6 * 0.0, within(1e-15));
        assertThat(next[1][0]).isEqualTo(0.8);
        assertThatThrownBy(() -> Transition.ideals(new double[][] {{0.7, 0.7}, {0, 1}}, x, ideal))
                .isInstanceOf(BargainingException.class);
        assertThat(Transition.distance(new double[][] {{0, 0}, {1, 1}}, new double[][] {{0.3, 0.4}, {1, 1}}))
                .isCloseTo(0.5, within(1e-15));
        assertThat(Transition.ratio(0.001, 0.1)).isCloseTo(0.001 / 0.1001, within(1e-15));
        assertThat(Transition.stops(1, 0.0, 100)).as("at least two turns").isFalse();
        assertThat(Transition.stops(2, 0.019, 100)).isTrue();
        assertThat(Transition.stops(2, 0.02, 100)).isFalse();
        assertThat(Transition.stops(100, 0.5, 100)).isTrue();
    }

    @Test
    void shortestDoubleWritesPythonRepr() {
        assertThat(ShortestDouble.format(0.0637 * 100)).isEqualTo("6.370000000000001");
        assertThat(ShortestDouble.format(75.79)).isEqualTo("75.79");
        assertThat(ShortestDouble.format(50)).isEqualTo("50.0");
        assertThat(ShortestDouble.format(0)).isEqualTo("0.0");
        assertThat(ShortestDouble.format(1e-5)).isEqualTo("1e-05");
        assertThat(ShortestDouble.format(0.0001)).isEqualTo("0.0001");
        assertThat(ShortestDouble.format(2e-3)).isEqualTo("0.002");
        assertThat(ShortestDouble.format(1e22)).isEqualTo("1e+22");
        assertThat(ShortestDouble.format(-1.5)).isEqualTo("-1.5");
        // Java 17's Double.toString gives 2.0E-3 style and, for some values, extra digits.
        assertThat(ShortestDouble.format(2.0E-3)).isEqualTo("0.002");
        assertThat(Double.parseDouble(ShortestDouble.format(Math.PI))).isEqualTo(Math.PI);
    }
}
