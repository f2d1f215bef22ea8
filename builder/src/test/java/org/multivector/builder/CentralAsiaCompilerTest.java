package org.multivector.builder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.multivector.model.Scenario;
import org.multivector.scenario.ScenarioLoader;

/** The default scenario is init's builder plus the curated Central Asia facts. */
class CentralAsiaCompilerTest {
    static final Path DATA = Path.of("..", "data");
    static Scenario ca;

    @BeforeAll
    static void compile() {
        ca = ScenarioLoader.parse(
                "central-asia.yaml", CentralAsiaCompiler.compile(DATA).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theBuilderGivesTradeAndCapabilities_theCuratedFactsTheRest() {
        assertThat(ca.tie("KAZ", "trade").orElseThrow().provenance().source())
                .contains("COW Dyadic Trade 4.0 (global/");
        assertThat(ca.tie("KAZ", "diplomacy").orElseThrow().provenance().source())
                .startsWith("UN General Assembly ideal points");
        assertThat(ca.tie("KAZ", "security").orElseThrow().provenance().assumption())
                .startsWith("Index built from dated facts");
        assertThat(ca.tie("TKM", "energy")).isPresent();
        assertThat(ca.tie("UZB", "investment").orElseThrow().shares().keySet()).containsExactly(1991);
        assertThat(ca.institutions().stream().map(i -> i.id()).toList())
                .startsWith("CIS", "CSTO", "SCO")
                .contains("EAEU", "PFP", "OSCE");
        assertThat(ca.actor("AFG").orElseThrow().capability("instability")).isPresent();
        assertThat(CentralAsiaCompiler.compile(DATA)).doesNotContain("TODO");
    }

    /**
     * Security ties weighted by obligation: in 2000 Turkmenistan, neutral, belongs only to the Partnership for Peace
     * (consultation, 0.25) among the security institutions, so its Western share is 0.25 / (1 + 0.25) = 0.2, not the
     * half a count of memberships gave it; Kazakhstan's CSTO (defence, 1) outweighs its PfP seat.
     */
    @Test
    void securityTiesWeighWhatAMembershipObliges() {
        java.util.Map<String, Double> tkm =
                ca.tie("TKM", "security").orElseThrow().shares().get(2000);
        assertThat(tkm.get("WEST")).isCloseTo(0.2, org.assertj.core.data.Offset.offset(1e-4));
        java.util.Map<String, Double> kaz =
                ca.tie("KAZ", "security").orElseThrow().shares().get(2000);
        assertThat(kaz.get("RUS")).isGreaterThan(3 * kaz.get("WEST"));
    }

    @Test
    void theEuIsSummedOverItsMembersOfTheYear() throws Exception {
        Set<String> eu1995 = new HashSet<>();
        for (Csv.Row r : Csv.read(DATA.resolve("eu-members.csv"))) {
            int joined = Integer.parseInt(r.get("joined"));
            int left = r.get("left").isEmpty() ? 9999 : Integer.parseInt(r.get("left"));
            if (joined <= 1995 && 1995 < left) {
                eu1995.add(r.get("iso3"));
            }
        }
        assertThat(eu1995).hasSize(15).contains("GBR", "AUT").doesNotContain("POL");
        Map<String, Double> gdp = new HashMap<>();
        for (Csv.Row r : Csv.read(DATA.resolve("worldbank/gdp_current_usd.csv"))) {
            if (r.get("Year").equals("1995") && eu1995.contains(r.get("Country Code"))) {
                gdp.put(r.get("Country Code"), Double.parseDouble(r.get("Value")));
            }
        }
        double sum = 0;
        for (String iso : eu1995) { // in the builder's order: the members as eu-members.csv lists them
            sum += gdp.get(iso);
        }
        assertThat(ca.actor("EU")
                        .orElseThrow()
                        .capability("gdp")
                        .orElseThrow()
                        .at(1995)
                        .orElseThrow())
                .isCloseTo(sum, org.assertj.core.data.Percentage.withPercentage(0.0001)); // six significant digits
    }

    @Test
    void aCuratedTieMethodMustBeKnown(@TempDir Path dir) throws Exception {
        String text = Files.readString(DATA.resolve(CentralAsiaCompiler.CURATED))
                .replace("method: routes", "method: pipelines");
        Path curated = dir.resolve("central-asia-curated.yaml");
        Files.writeString(curated, text);
        assertThatThrownBy(() -> CuratedRegion.compile(DATA, curated))
                .hasMessage("central-asia-curated.yaml: ties.energy.method 'pipelines' is not one of"
                        + " institution-index, routes, initial");
    }
}
