package org.multivector.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.multivector.metric.RegionalStabilityIndex;
import org.multivector.model.Scenario;
import org.multivector.scenario.ScenarioException;
import org.multivector.scenario.ScenarioLoader;

/** Relations between any regional state and any outside party, and dated pole relations (docs/ODD.md, step 4). */
class RelationsTest {
    static final String YAML =
            new String(ScenarioLoader.builtInBytes(ScenarioLoader.DEFAULT_SCENARIO), StandardCharsets.UTF_8);

    static Scenario parse(String yaml) {
        return ScenarioLoader.parse("edited.yaml", yaml.getBytes(StandardCharsets.UTF_8));
    }

    static String withDispute(String yaml, String dispute) {
        return yaml.replace("\ndisputes:\n", "\ndisputes:\n" + dispute + "\n");
    }

    @Test
    void statesHaveDyadsWithTheOutsidePartiesTheyBorder() {
        CompiledScenario c = CompiledScenario.of(parse(YAML));
        assertThat(c.nRegionalDyads).isEqualTo(10);
        java.util.List<String> outside = new java.util.ArrayList<>();
        for (int q = c.nRegionalDyads; q < c.nQ; q++) {
            outside.add(c.parties[c.dyadA[q]] + "-" + c.parties[c.dyadB[q]]);
        }
        assertThat(outside)
                .containsExactly("KAZ-RUS", "KAZ-CHN", "UZB-AFG", "KGZ-CHN", "TJK-CHN", "TJK-AFG", "TKM-AFG");
    }

    @Test
    void aDisputeBetweenAStateAndAPole_raisesTheirTensionAndHazard_andLowersTheRsi() {
        String dispute = "  - {id: test-minority, pair: [\"KAZ\", \"RUS\"], kind: \"ethnic\", intensity: {value: 0.8},"
                + " from: 2024, assumption: \"test: a pole-state dispute opened in the first free year\"}";
        // on the prior: its tension coefficients are documented assumptions, not a fit that moves with each
        // recalibration
        String prior = new String(ScenarioLoader.builtInBytes(ScenarioLoader.PRIOR_SCENARIO), StandardCharsets.UTF_8);
        Engine base = new Engine(CompiledScenario.of(parse(prior)));
        Engine with = new Engine(CompiledScenario.of(parse(withDispute(prior, dispute))));
        Trajectory a = base.run(1992, 0);
        Trajectory b = with.run(1992, 0);
        assertThat(b.value(2023, "KAZ-RUS", "tension")).isEqualTo(a.value(2023, "KAZ-RUS", "tension"));
        assertThat(b.value(2024, "KAZ-RUS", "tension")).isGreaterThan(a.value(2024, "KAZ-RUS", "tension") + 0.05);
        assertThat(b.value(2024, "KAZ-RUS", "hazard")).isGreaterThan(a.value(2024, "KAZ-RUS", "hazard"));
        assertThat(b.value(2024, "REGION", "rsi.hazard")).isGreaterThan(a.value(2024, "REGION", "rsi.hazard"));
        assertThat(b.value(2024, "REGION", "rsi")).isLessThan(a.value(2024, "REGION", "rsi"));
    }

    @Test
    void aDisputeWithAnUnborderingPole_createsTheDyad_withoutIncidentRisk() {
        String dispute =
                "  - {id: test-sanctions, pair: [\"UZB\", \"WEST\"], kind: \"status\", intensity: {value: 0.5},"
                        + " from: 2005, resolved: 2008, assumption: \"test: Andijan sanctions\"}";
        Trajectory t = new Engine(CompiledScenario.of(parse(withDispute(YAML, dispute)))).run(1992, 0);
        assertThat(t.value(2006, "UZB-WEST", "tension")).isBetween(0.0, 1.0);
        assertThat(t.value(2006, "UZB-WEST", "hazard")).isNaN();
    }

    @Test
    void aPoleMemberCannotBeAPartyToARelation() {
        String dispute =
                "  - {id: test, pair: [\"KAZ\", \"USA\"], kind: \"status\", intensity: {value: 0.5}, from: 2005,"
                        + " assumption: \"test\"}";
        assertThatThrownBy(() -> parse(withDispute(YAML, dispute)))
                .isInstanceOf(ScenarioException.class)
                .hasMessageContaining(
                        "disputes[0].pair[1]: 'USA' is a member of pole WEST (expected the pole id WEST for a relation"
                                + " with the pole)");
    }

    @Test
    void alliedPoles_doNotPolarise_andAreFriendsInTheSignedNetwork() {
        String allied = YAML.replace(
                "{pair: [\"RUS\", \"CHN\"], status: \"rival\"", "{pair: [\"RUS\", \"CHN\"], status: \"allied\"");
        assertThat(allied).isNotEqualTo(YAML);
        Trajectory rival = new Engine(CompiledScenario.of(parse(YAML))).run(1992, 0);
        Trajectory ally = new Engine(CompiledScenario.of(parse(allied))).run(1992, 0);
        for (int y : new int[] {2000, 2010, 2020}) {
            assertThat(ally.value(y, "REGION", "rsi.polarisation"))
                    .as("polarisation " + y)
                    .isLessThan(rival.value(y, "REGION", "rsi.polarisation"));
        }
        assertThat(ally.value(2020, "REGION", "structural-balance"))
                .isNotEqualTo(rival.value(2020, "REGION", "structural-balance"));
    }

    @Test
    void withoutDeclaredPoleRelations_divergenceIsTheSignorinoRitterDistance() {
        int from = YAML.indexOf("\npoleRelations:\n");
        int to = YAML.indexOf("\nstrategies:");
        String legacy = YAML.substring(0, from) + YAML.substring(to);
        Scenario s = parse(legacy);
        assertThat(s.declaresPoleRelations()).isFalse();
        Trajectory t = new Engine(CompiledScenario.of(s)).run(1992, 0);
        int pairs = 0;
        for (int y = t.firstYear(); y <= t.lastYear(); y++) {
            double sum = 0;
            pairs = 0;
            for (var a : s.regionalStates()) {
                for (var b : s.regionalStates()) {
                    int k = t.indexOf(a.id() + "-" + b.id(), "sscore");
                    if (k >= 0) {
                        sum += (1 - t.value(y, k)) / 2 * t.value(y, "REGION", "rivalry");
                        pairs++;
                    }
                }
            }
            assertThat(t.value(y, "REGION", "rsi.polarisation")).as("" + y).isCloseTo(sum / pairs, offset(1e-12));
        }
        assertThat(pairs).isEqualTo(10);
    }

    @Test
    void theHazardStressor_isTheExpectedShareOfStatesInAnIncident() {
        Scenario s = parse(YAML);
        CompiledScenario c = CompiledScenario.of(s);
        Trajectory t = new Engine(c).run(1992, 0);
        double scale = s.parameter("rsi-hazard-scale").value();
        for (int y : new int[] {1995, 2010, 2028}) {
            double share = 0;
            for (var st : s.regionalStates()) {
                double calm = 1;
                for (int q = 0; q < c.nQ; q++) {
                    String name = c.parties[c.dyadA[q]] + "-" + c.parties[c.dyadB[q]];
                    double h = t.value(y, name, "hazard");
                    boolean involves = c.parties[c.dyadA[q]].equals(st.id()) || c.parties[c.dyadB[q]].equals(st.id());
                    if (involves && !Double.isNaN(h)) {
                        calm *= 1 - h;
                    }
                }
                share += 1 - calm;
            }
            share /= s.regionalStates().size();
            assertThat(t.value(y, "REGION", "rsi.hazard"))
                    .isCloseTo(RegionalStabilityIndex.hazardStressor(share, scale), offset(1e-12));
        }
    }

    @Test
    void aBorderEndsAndCloses_onItsDates() {
        String dated = YAML.replace(
                "  - {pair: [\"KAZ\", \"CHN\"], lengthKm: 1765,",
                "  - {pair: [\"KAZ\", \"CHN\"], lengthKm: 1765, until: 2020, status: [{from: 2010, status: \"closed\","
                        + " assumption: \"test\"}],");
        assertThat(dated).isNotEqualTo(YAML);
        CompiledScenario c = CompiledScenario.of(parse(dated));
        Trajectory t = new Engine(c).run(1992, 0);
        assertThat(t.value(2015, "KAZ-CHN", "hazard")).isFinite();
        assertThat(t.value(2020, "KAZ-CHN", "hazard")).isNaN();
        int kaz = 0;
        int chn = CompiledScenario.indexOf(c.poles, "CHN");
        assertThat(c.bordersPole[((2009 - c.firstYear) * c.nR + kaz) * c.nP + chn])
                .isTrue();
        assertThat(c.bordersPole[((2010 - c.firstYear) * c.nR + kaz) * c.nP + chn])
                .isFalse();
    }
}
