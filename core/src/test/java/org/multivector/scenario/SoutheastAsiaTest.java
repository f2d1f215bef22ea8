package org.multivector.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.multivector.model.Scenario;
import org.multivector.validate.Observations;

/** The second shipped region: every curated fact in place, nothing left as a TODO, its patterns beside it. */
class SoutheastAsiaTest {
    static final Scenario S = ScenarioLoader.builtIn(ScenarioLoader.SOUTHEAST_ASIA);

    @Test
    void theRegion_hasItsStatesPolesFocusAndCuratedDisputes() {
        assertThat(S.regionalStates().stream().map(a -> a.id()).toList())
                .containsExactly("VNM", "LAO", "KHM", "THA", "MMR");
        assertThat(S.focus()).isEqualTo("VNM");
        assertThat(S.disputes().stream()
                        .map(d -> d.id() + " " + d.a() + "-" + d.b())
                        .toList())
                .contains("south-china-sea VNM-CHN", "mekong-khm KHM-CHN", "preah-vihear THA-KHM");
        assertThat(S.strategies().get("MMR").text()).isEqualTo("neutral from 1991; bandwagon:CHN from 2021");
        assertThat(S.institutions().stream().map(i -> i.id()).toList()).contains("ASEAN", "LMI", "LMC");
        String yaml = new String(ScenarioLoader.builtInBytes(ScenarioLoader.SOUTHEAST_ASIA), StandardCharsets.UTF_8);
        assertThat(yaml).doesNotContain("TODO");
        Observations o = Observations.forScenario(ScenarioLoader.SOUTHEAST_ASIA).orElseThrow();
        assertThat(o.get("conflict.interstate", "KHM", "THA", 2011)).isEqualTo(1.0);
        assertThat(o.either("mid.onset", "VNM", "CHN", 2014)).isEqualTo(1.0);
    }
}
