package org.multivector.study;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.multivector.model.Scenario;
import org.multivector.scenario.ScenarioLoader;

/** "The region in year Y" shows the state at the end of the year: after its events. */
class RegionViewTest {
    static final Scenario S = ScenarioLoader.builtIn(ScenarioLoader.DEFAULT_SCENARIO);

    static double intensity(int year, String dispute) {
        return RegionView.of(S, year).disputes().stream()
                .filter(d -> d.id().equals(dispute))
                .findFirst()
                .orElseThrow()
                .intensity();
    }

    @Test
    void aDisputesIntensity_isTheOneItsEventsSetByTheEndOfTheYear() {
        // the Rogun quarrel eased with the 2018 package (intensity set to 0.25 that year)
        assertThat(intensity(2017, "tjk-uzb-water")).isEqualTo(0.5);
        assertThat(intensity(2018, "tjk-uzb-water")).isEqualTo(0.25);
        assertThat(intensity(2022, "tjk-uzb-water")).isEqualTo(0.25);
    }

    @Test
    void observersAndSuspendedMembers_areListedApartFromMembers() {
        RegionView.InstitutionYear csto = RegionView.of(S, 2015).institutions().stream()
                .filter(i -> i.id().equals("CSTO"))
                .findFirst()
                .orElseThrow();
        assertThat(csto.members()).doesNotContain("UZB").contains("KAZ");
        assertThat(csto.other()).containsEntry("UZB", "suspended");
    }
}
