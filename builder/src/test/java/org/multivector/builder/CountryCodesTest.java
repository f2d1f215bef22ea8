package org.multivector.builder;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The country-code table agrees with the raw COW, World Bank and UCDP files it maps between. */
class CountryCodesTest {
    static final Path DATA = Path.of("..", "data");
    static final CountryCodes CODES = CountryCodes.read(DATA.resolve("country-codes.csv"));

    @Test
    void cowNumbersAndAbbreviationsMatchTheCowStateList() {
        Map<Integer, Set<String>> cow = new HashMap<>();
        for (Csv.Row r : Csv.read(DATA.resolve("cow_states/COW-country-codes.csv"))) {
            cow.computeIfAbsent(Integer.parseInt(r.get("CCode")), k -> new HashSet<>())
                    .add(r.get("StateAbb"));
        }
        assertThat(CODES.all()).hasSizeGreaterThanOrEqualTo(11);
        for (CountryCodes.Codes c : CODES.all()) {
            assertThat(cow.get(c.cow())).as(c.actor()).contains(c.cowAbb());
        }
        assertThat(CODES.cow("KAZ")).isEqualTo(705);
        assertThat(CODES.of("KGZ").cowAbb()).isEqualTo("KYR");
    }

    @Test
    void iso3CodesAppearInTheWorldBankFilesAndAgreeWithTheEuList() {
        Set<String> iso = new HashSet<>();
        for (Csv.Row r : Csv.read(DATA.resolve("worldbank/gdp_current_usd.csv"))) {
            iso.add(r.get("Country Code"));
        }
        for (String actor : new String[] {"KAZ", "UZB", "KGZ", "TJK", "TKM", "RUS", "CHN", "USA", "AFG", "DEU"}) {
            assertThat(iso).as(actor).contains(CODES.of(actor).iso3());
        }
        for (Csv.Row r : Csv.read(DATA.resolve("eu-members.csv"))) {
            CODES.byCow(Integer.parseInt(r.get("cow")))
                    .ifPresent(c -> assertThat(c.iso3()).as(r.get("name")).isEqualTo(r.get("iso3")));
        }
    }

    @Test
    void gleditschWardCodesMatchUcdpLocations() {
        // A UCDP conflict located in exactly one country names it in `location` and codes it in `gwno_loc`.
        Map<String, Set<Integer>> gwByLocation = new HashMap<>();
        for (Csv.Row r : Csv.read(DATA.resolve("ucdp_acd/UcdpPrioConflict_v25_1.csv"))) {
            String loc = r.get("location");
            if (!loc.contains(",")) {
                gwByLocation
                        .computeIfAbsent(loc, k -> new HashSet<>())
                        .add(Integer.parseInt(r.get("gwno_loc").trim()));
            }
        }
        Map<String, String> ucdpName = Map.of(
                "RUS", "Russia (Soviet Union)",
                "TJK", "Tajikistan",
                "UZB", "Uzbekistan",
                "AFG", "Afghanistan",
                "CHN", "China",
                "IRN", "Iran",
                "TUR", "Turkey");
        ucdpName.forEach((actor, name) -> assertThat(gwByLocation.get(name))
                .as(actor)
                .containsExactly(CODES.of(actor).gw()));
        // Germany is where COW and GW differ.
        assertThat(CODES.of("DEU").cow()).isEqualTo(255);
        assertThat(CODES.of("DEU").gw()).isEqualTo(260);
        assertThat(CODES.byGw(705).orElseThrow().actor()).isEqualTo("KAZ");
    }
}
