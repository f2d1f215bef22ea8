package org.multivector.bargain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.multivector.bargain.SmpParameters.ThirdPartyCommit;
import org.multivector.bargain.SmpParameters.VotingRule;

/**
 * The perspective utilities (SPEC §5.3) and the challenge estimate (SPEC §6) against every value
 * KTAB logged in the first state of its 7-actor example with full logging ({@code PosUtil},
 * {@code ProbVict}, {@code UtilChlg} tables), compared exactly.
 */
class ChallengeTest {
    private static final BargainingProblem PROBLEM =
            BargainingInputs.parse("dummyData_3Dim.csv", KtabParityTest.resource("inputs/dummyData_3Dim.csv"));

    @Test
    void perspectiveUtilitiesEqualKtab() {
        List<String[]> rows = KtabParityTest.csv("outputs/fulllog-dummyData_3Dim/posutil-turn0.csv");
        assertThat(rows).hasSize(343);
        for (String[] r : rows) {
            int h = Integer.parseInt(r[1]);
            int i = Integer.parseInt(r[2]);
            int j = Integer.parseInt(r[3]);
            assertThat(SmpModel.initialPerspective(PROBLEM, h, i, j))
                    .as("U^%d_%d%d", h, i, j)
                    .isEqualTo(Double.parseDouble(r[4]));
        }
    }

    @Test
    void victoryProbabilitiesEqualKtab() {
        List<String[]> rows = KtabParityTest.csv("outputs/fulllog-dummyData_3Dim/probvict-turn0.csv");
        assertThat(rows).hasSize(7 * 7 * 6);
        for (String[] r : rows) {
            int h = Integer.parseInt(r[1]);
            int i = Integer.parseInt(r[2]);
            int j = Integer.parseInt(r[3]);
            assertThat(SmpModel.initialEstimate(PROBLEM, h, h, i, j).phi())
                    .as("h=%d i=%d j=%d", h, i, j)
                    .isEqualTo(Double.parseDouble(r[4]));
        }
    }

    @Test
    void expectedUtilityOfChallengeEqualsKtab() {
        List<String[]> rows = KtabParityTest.csv("outputs/fulllog-dummyData_3Dim/utilchlg-turn0.csv");
        assertThat(rows).hasSizeGreaterThan(700);
        for (String[] r : rows) {
            int h = Integer.parseInt(r[1]);
            int k = Integer.parseInt(r[2]);
            int i = Integer.parseInt(r[3]);
            int j = Integer.parseInt(r[4]);
            double sq = Double.parseDouble(r[5]);
            double chlg = Double.parseDouble(r[8]);
            assertThat(SmpModel.initialEstimate(PROBLEM, h, k, i, j).gain())
                    .as("h=%d k=%d i=%d j=%d", h, k, i, j)
                    .isEqualTo(chlg - sq);
        }
    }

    @Test
    void strongerCoalitionWinsMoreOften() {
        // Three actors: 0 at 0, 1 at 1 with little weight, third party 2 near 0.
        double[] omega = {1.0, 0.1, 1.0};
        double[] uAt0 = {1.0, 0.0, 0.9};
        double[] uAt1 = {0.0, 1.0, 0.1};
        double[] own = {1.0, 1.0, 1.0};
        Challenge.Estimate e = Challenge.estimate(
                VotingRule.PROP, ThirdPartyCommit.SEMI_COMMIT, omega, 0.5, uAt0, uAt1, own, 0, 0, 1, true);
        assertThat(e.phi()).isGreaterThan(0.9).isLessThan(1.0);
        assertThat(e.gain()).isPositive();
        Challenge.Estimate reverse = Challenge.estimate(
                VotingRule.PROP, ThirdPartyCommit.SEMI_COMMIT, omega, 0.5, uAt1, uAt0, own, 1, 1, 0, true);
        assertThat(reverse.phi()).isLessThan(0.1);
    }
}
