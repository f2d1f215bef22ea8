package org.multivector.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.multivector.engine.CompiledScenario;
import org.multivector.model.Scenario;
import org.multivector.scenario.ScenarioException;
import org.multivector.scenario.ScenarioLoader;

/** The episode file a backtest scores: what it holds, the shipped one, and every class of bad input. */
class EpisodesTest {
    static final Scenario S = ScenarioLoader.builtIn(ScenarioLoader.DEFAULT_SCENARIO);
    static final List<List<String>> DYADS = CompiledScenario.of(S).dyads();
    static final String HEADER = "episode,kind,unit,partner,year,source\n";

    static List<Episodes.Episode> parse(String text) {
        return Episodes.parse("x.episodes.csv", text.getBytes(StandardCharsets.UTF_8), S, DYADS);
    }

    @Test
    void theShippedEpisodes_areRead_eachWithItsSource() {
        List<Episodes.Episode> e = Episodes.parse(
                "central-asia.episodes.csv",
                Episodes.builtInBytes("central-asia").orElseThrow(),
                S,
                DYADS);
        assertThat(e)
                .extracting(Episodes.Episode::id)
                .contains("osh-2010", "osh-2010-dyad", "kgz-tjk-2021", "kgz-tjk-2022");
        assertThat(e).allMatch(x -> !x.source().isBlank());
        assertThat(e.stream().filter(x -> x.id().startsWith("kgz-tjk")))
                .allMatch(x -> x.source().startsWith("UCDP/PRIO Armed Conflict v25.1"));
        // a dyad may be named in either order
        assertThat(parse(HEADER + "a,incident,TJK,KGZ,2021,src\n")).hasSize(1);
    }

    @Test
    void everyBadRow_isReportedWithItsLineAndWhatWasExpected() {
        String text = HEADER
                + "osh 2010,unrest,KGZ,,2010,src\n"
                + "a,unrest,KGZ,,2010,src\n"
                + "a,unrest,KGZ,,2011,src\n"
                + "b,riot,KGZ,,2010,src\n"
                + "c,unrest,RUS,,2010,src\n"
                + "d,unrest,KGZ,UZB,2010,src\n"
                + "e,incident,KAZ,USA,2010,src\n"
                + "f,unrest,KGZ,,1991,src\n"
                + "g,unrest,KGZ,,2024,src\n"
                + "h,unrest,KGZ,,2010,\n"
                + "i,unrest,KGZ,,2010\n";
        assertThatThrownBy(() -> parse(text))
                .isInstanceOf(ScenarioException.class)
                .hasMessage(String.join(
                        System.lineSeparator(),
                        "10 problems",
                        "x.episodes.csv:2:1: episode: 'osh 2010' is not an episode id (expected letters, digits, '-',"
                                + " '_' or '.', at most 64)",
                        "x.episodes.csv:4:1: episode: episode 'a' is listed twice",
                        "x.episodes.csv:5:1: kind: 'riot' is not a kind (expected unrest or incident)",
                        "x.episodes.csv:6:1: unit: 'RUS' is not a regional state without a partner (an unrest episode"
                                + " is a state's)",
                        "x.episodes.csv:7:1: unit: 'KGZ,UZB' is not a regional state without a partner (an unrest"
                                + " episode is a state's)",
                        "x.episodes.csv:8:1: partner: 'KAZ-USA' is not a dyad of the scenario (expected two actors"
                                + " with a border, a dispute or a declared relation)",
                        "x.episodes.csv:9:1: year: '1991' is not a year in 1992..2023 (the cut is the year before;"
                                + " expected by the last observed year)",
                        "x.episodes.csv:10:1: year: '2024' is not a year in 1992..2023 (the cut is the year before;"
                                + " expected by the last observed year)",
                        "x.episodes.csv:11:1: source: is empty (expected a UCDP row or a cited fact)",
                        "x.episodes.csv:12:1: expected 6 fields (episode,kind,unit,partner,year,source), found 5"));
    }

    @Test
    void aWrongHeader_binaryBytes_orAHugeFile_areRefusedBeforeAnyRow() {
        assertThatThrownBy(() -> parse("episode;kind\nx;y\n"))
                .hasMessageContaining("x.episodes.csv:1:1: header is 'episode;kind' (expected"
                        + " 'episode,kind,unit,partner,year,source')");
        assertThatThrownBy(() -> Episodes.parse("x.episodes.csv", new byte[] {(byte) 0xff, (byte) 0xfe, 0}, S, DYADS))
                .hasMessageContaining("x.episodes.csv: is not UTF-8 text (expected an episode CSV)");
        assertThatThrownBy(() -> Episodes.parse("x.episodes.csv", new byte[(int) Episodes.MAX_BYTES + 1], S, DYADS))
                .hasMessageContaining("larger than the limit of " + Episodes.MAX_BYTES + " bytes");
        StringBuilder many = new StringBuilder(HEADER);
        for (int i = 0; i <= Episodes.MAX_EPISODES; i++) {
            many.append("e").append(i).append(",unrest,KGZ,,2010,src\n");
        }
        assertThatThrownBy(() -> parse(many.toString())).hasMessageContaining("more than 1000 episodes");
    }
}
