package org.multivector.builder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.multivector.model.Scenario;
import org.multivector.scenario.ScenarioLoader;
import org.multivector.study.RequestException;
import org.multivector.validate.Observations;

/** {@code multivector init} drafts a region that loads and runs, from the bundled datasets, with its sources. */
class RegionBuilderTest {
    static final Path DATA = Path.of("..", "data");
    static RegionBuilder.Draft caucasus;
    static Scenario scenario;

    static RegionBuilder.Request request(List<String> states, String... poles) {
        List<RegionBuilder.PoleSpec> ps = new java.util.ArrayList<>();
        for (String p : poles) {
            ps.add(RegionBuilder.PoleSpec.parse(p));
        }
        return new RegionBuilder.Request("caucasus", states, ps, 1991, 2030);
    }

    @BeforeAll
    static void draft() {
        caucasus = RegionBuilder.build(DATA, request(List.of("ARM", "AZE", "GEO"), "RUS", "TUR", "IRN", "WEST=USA+EU"));
        scenario = ScenarioLoader.parse("caucasus.yaml", caucasus.yaml().getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theDraftLoads_withTheRegionsStatesPolesBordersAndPatterns() {
        assertThat(scenario.regionalStates().stream().map(a -> a.id()).toList()).containsExactly("ARM", "AZE", "GEO");
        assertThat(scenario.poles().stream().map(p -> p.id()).toList())
                .containsExactly("RUS", "TUR", "IRN", "WEST", "OTHER");
        assertThat(scenario.contiguous("ARM", "AZE")).isTrue();
        assertThat(scenario.contiguous("ARM", "TUR")).isTrue();
        assertThat(scenario.contiguous("ARM", "RUS")).isFalse();
        Observations o = Observations.parse(
                "caucasus.observed.csv", caucasus.observed().getBytes(StandardCharsets.UTF_8), scenario);
        assertThat(o.patterns()).contains("mid.onset", "conflict", "igo.shared", "idealpoint.distance");
        // Nagorno-Karabakh: UCDP records the war located in Azerbaijan in 1993
        assertThat(o.get("conflict", "AZE", "", 1993)).isEqualTo(2.0);
        // the August 2008 war between Russia and Georgia is a MID
        assertThat(o.either("mid.ongoing", "GEO", "RUS", 2008)).isEqualTo(1.0);
        // every parameter comes from the default set, and the TODO list names the MID pairs
        assertThat(scenario.parameters().values()).allMatch(p -> p.fromDefaults());
        assertThat(caucasus.todo()).anyMatch(t -> t.startsWith("disputes:") && t.contains("ARM-AZE"));
        assertThat(caucasus.yaml()).contains("assumption: \"TODO ");
        // TUR and WEST (NATO): allied by ATOP; the others rival as a TODO
        assertThat(scenario.poleRelations().stream()
                        .filter(r -> r.joins("TUR", "WEST"))
                        .map(r -> r.status().name())
                        .toList())
                .containsExactly("ALLIED");
    }

    @Test
    void aTradeShare_isTheOneTheRawRowsGive() throws Exception {
        // Armenia (371) and Russia (365) in 2005: flows of that dyad over Armenia's total trade that year
        double withRussia = 0;
        double total = 0;
        try (var in = new GZIPInputStream(
                        java.nio.file.Files.newInputStream(DATA.resolve("global/cow_dyadic_trade_4.0_ndy.csv.gz")));
                var r = new java.io.BufferedReader(new java.io.InputStreamReader(in, StandardCharsets.UTF_8))) {
            r.readLine();
            String line;
            while ((line = r.readLine()) != null) {
                String[] f = line.split(",");
                if (!f[2].equals("2005") || !(f[0].equals("371") || f[1].equals("371"))) {
                    continue;
                }
                if (f[3].isEmpty() || f[4].isEmpty() || f[3].startsWith("-") || f[4].startsWith("-")) {
                    continue; // a dyad with a missing flow is left out of the total
                }
                double v = Double.parseDouble(f[3]) + Double.parseDouble(f[4]);
                total += v;
                if (f[0].equals("365") || f[1].equals("365")) {
                    withRussia += v;
                }
            }
        }
        double share =
                scenario.tie("ARM", "trade").orElseThrow().shares().get(2005).get("RUS");
        assertThat(share).isEqualTo(Math.floor(withRussia / total * 10000) / 10000.0);
        assertThat(scenario.tie("ARM", "trade").orElseThrow().provenance().source())
                .contains("COW Dyadic Trade 4.0", "ccode 371");
    }

    @Test
    void anyRegion_isDrafted_theFirstOneToo() {
        RegionBuilder.Draft ca = RegionBuilder.build(
                DATA, request(List.of("KAZ", "UZB", "KGZ", "TJK", "TKM"), "RUS", "CHN", "WEST=USA+EU"));
        Scenario s = ScenarioLoader.parse("ca.yaml", ca.yaml().getBytes(StandardCharsets.UTF_8));
        assertThat(s.regionalStates()).hasSize(5);
        assertThat(s.institutions().stream().map(i -> i.id()).toList()).contains("CIS", "SCO");
    }

    @Test
    void otherActors_getCapabilitiesAndTheirUcdpInstability_andPostSovietZeroTradeIsMissing() {
        RegionBuilder.Draft ca = RegionBuilder.build(
                DATA,
                new RegionBuilder.Request(
                        "ca",
                        List.of("KAZ", "UZB", "KGZ", "TJK", "TKM"),
                        List.of(RegionBuilder.PoleSpec.parse("RUS"), RegionBuilder.PoleSpec.parse("CHN")),
                        List.of("AFG"),
                        1991,
                        2030));
        Scenario s = ScenarioLoader.parse("ca.yaml", ca.yaml().getBytes(StandardCharsets.UTF_8));
        var afg = s.actor("AFG").orElseThrow();
        assertThat(afg.kind().name()).isEqualTo("OTHER");
        // UCDP: war (intensity 2) with Afghanistan as a side in 2001, none in 1991-2024 with no conflict at all
        assertThat(afg.capability("instability").orElseThrow().at(2001).orElseThrow())
                .isEqualTo(1.0);
        assertThat(afg.capability("gdp").orElseThrow().at(2010).orElseThrow()).isPositive();
        // COW records 0 both ways between Kazakhstan and Russia in 1992: missing, not zero trade
        var kaz = s.tie("KAZ", "trade").orElseThrow();
        assertThat(kaz.shares()).doesNotContainKey(1992).containsKey(1995);
        assertThatThrownBy(() -> RegionBuilder.build(
                        DATA,
                        new RegionBuilder.Request(
                                "ca",
                                List.of("KAZ"),
                                List.of(RegionBuilder.PoleSpec.parse("RUS"), RegionBuilder.PoleSpec.parse("CHN")),
                                List.of("AFX", "KAZ", "RUS"),
                                1991,
                                2030)))
                .isInstanceOf(RequestException.class)
                .satisfies(e -> assertThat(((RequestException) e)
                                .problems().stream()
                                        .map(p -> p.field() + ": " + p.message())
                                        .toList())
                        .containsExactly(
                                "others[0]: 'AFX' is not an ISO3 code of the datasets",
                                "others[1]: 'KAZ' is already a state, a pole or a pole member",
                                "others[2]: 'RUS' is already a state, a pole or a pole member"));
    }

    @Test
    void theShippedSoutheastAsia_isWhatInitPlusItsCuratedFactsGive() throws Exception {
        RegionBuilder.Draft d = CuratedRegion.compile(DATA, DATA.resolve("mainland-southeast-asia-curated.yaml"));
        byte[] shipped = ScenarioLoader.builtInBytes(ScenarioLoader.SOUTHEAST_ASIA);
        assertThat(d.yaml())
                .as("re-run ./multivector compile-scenario")
                .isEqualTo(new String(shipped, StandardCharsets.UTF_8));
        assertThat(d.observed())
                .isEqualTo(new String(
                        Observations.builtInBytes(ScenarioLoader.SOUTHEAST_ASIA).orElseThrow(),
                        StandardCharsets.UTF_8));
        assertThat(d.todo()).noneMatch(t -> t.startsWith("disputes:") || t.startsWith("strategies:"));
    }

    @Test
    void badRequests_areRefusedByField() {
        assertThatThrownBy(
                        () -> RegionBuilder.build(DATA, request(List.of("ARN", "AZE", "AZE", "RUS"), "RUS", "OTHER")))
                .isInstanceOf(RequestException.class)
                .satisfies(e -> assertThat(((RequestException) e)
                                .problems().stream()
                                        .map(p -> p.field() + ": " + p.message())
                                        .toList())
                        .contains(
                                "states[0]: 'ARN' is not an ISO3 code of the datasets",
                                "states[2]: 'AZE' is listed twice",
                                "poles[0]: 'RUS' is listed twice or is also a state",
                                "poles[1]: 'OTHER' is not a pole id (expected upper-case letters, not OTHER: the rest"
                                        + " of the world is added as the residual pole)"));
        assertThatThrownBy(() -> RegionBuilder.build(Path.of("no-such-folder"), request(List.of("ARM"), "RUS", "TUR")))
                .hasMessageContaining("no-such-folder lacks global/cow_dyadic_trade_4.0_ndy.csv.gz");
    }

    /**
     * Found while sizing hostile files for issue 16: {@code init --states DNK,FIN} failed on its own draft ("special
     * characters are not allowed"), because COW IGO v3 spells "Välfärdscenter" with C1 control characters.
     */
    @Test
    void aNordicDraftLoads_cowIgoMacRomanLettersRepaired_andNoControlCharacterIsEverWritten() {
        RegionBuilder.Draft nordic = RegionBuilder.build(
                DATA,
                new RegionBuilder.Request(
                        "nordic",
                        List.of("DNK", "FIN"),
                        List.of(RegionBuilder.PoleSpec.parse("RUS"), RegionBuilder.PoleSpec.parse("USA")),
                        1995,
                        2010));
        assertThat(nordic.yaml()).contains("Nordens V\u00e4lf\u00e4rdscenter");
        assertThat(nordic.yaml().chars().filter(c -> c != '\n' && Character.isISOControl(c)))
                .isEmpty();
        assertThat(RegionBuilder.macRomanRepaired("V\u008alf\u008ardscenter")).isEqualTo("V\u00e4lf\u00e4rdscenter");
        assertThat(RegionBuilder.macRomanRepaired("plain")).isEqualTo("plain");
        assertThat(YamlWriter.quote("a\u0085b\u2028c\u001bd")).isEqualTo("\"a\\u0085b\\u2028c\\u001bd\"");
    }
}
