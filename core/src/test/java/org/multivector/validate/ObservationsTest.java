package org.multivector.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.multivector.model.Scenario;
import org.multivector.scenario.ScenarioException;
import org.multivector.scenario.ScenarioLoader;

/** The observed-patterns file beside a scenario: what it holds and every class of bad input. */
class ObservationsTest {
    static final Scenario S = ScenarioLoader.builtIn(ScenarioLoader.DEFAULT_SCENARIO);
    static final String HEADER = "pattern,actor,partner,year,value,source\n";

    static Observations parse(String text) {
        return Observations.parse("x.observed.csv", text.getBytes(StandardCharsets.UTF_8), S);
    }

    @Test
    void aGoodFile_isRead_withQuotedSources() {
        Observations o = parse(HEADER + "mid.onset,KAZ,CHN,1995,0,\"COW MID 5.0, directed\"\n"
                + "conflict,TJK,,1993,2,\"UCDP \"\"ACD\"\"\"\r\n");
        assertThat(o.get("mid.onset", "KAZ", "CHN", 1995)).isEqualTo(0.0);
        assertThat(o.get("conflict", "TJK", "", 1993)).isEqualTo(2.0);
        assertThat(o.either("mid.onset", "CHN", "KAZ", 1995)).isEqualTo(0.0);
        assertThat(o.patterns()).containsExactly("conflict", "mid.onset");
        // the shipped file of the default passes the same checks against its scenario
        byte[] shipped = Observations.builtInBytes("central-asia").orElseThrow();
        assertThat(Observations.parse("central-asia.observed.csv", shipped, S).patterns())
                .contains("mid.onset", "conflict");
    }

    @Test
    void everyBadRow_isReportedWithItsLineAndWhatWasExpected() {
        String text = HEADER
                + "mid.onsett,KAZ,CHN,1995,0,src\n"
                + "mid.onset,KAZZ,CHN,1995,0,src\n"
                + "mid.onset,KAZ,MARS,1995,0,src\n"
                + "mid.onset,KAZ,CHN,95,0,src\n"
                + "mid.onset,KAZ,CHN,1996,0.5,src\n"
                + "conflict,KAZ,,1996,3,src\n"
                + "igo.shared,KAZ,UZB,1996,NaN,src\n"
                + "mid.onset,KAZ,CHN,1997,0\n"
                + "mid.onset,KAZ,CHN,1998,0,\"open\n"
                + "mid.onset,KAZ,CHN,1999,1,src\n"
                + "mid.onset,KAZ,CHN,1999,0,src\n";
        assertThatThrownBy(() -> parse(text))
                .isInstanceOf(ScenarioException.class)
                .hasMessage(String.join(
                        System.lineSeparator(),
                        "10 problems",
                        "x.observed.csv:2:1: pattern: 'mid.onsett' is not a pattern (expected one of mid.onset,"
                                + " mid.ongoing, conflict, conflict.interstate, alliance, igo.shared,"
                                + " idealpoint.distance)",
                        "  Maybe: did you mean \"mid.onset\"?",
                        "x.observed.csv:3:1: actor: unknown actor 'KAZZ' (expected an actor or pole of the scenario)",
                        "  Maybe: did you mean \"KAZ\"?",
                        "x.observed.csv:4:1: partner: unknown partner 'MARS' (expected an actor or pole of the"
                                + " scenario, or nothing)",
                        "x.observed.csv:5:1: year: '95' is not a year (expected four digits)",
                        "x.observed.csv:6:1: value: '0.5' is not a value of mid.onset (expected 0 or 1)",
                        "x.observed.csv:7:1: value: '3' is not a value of conflict (expected 0, 1 or 2)",
                        "x.observed.csv:8:1: value: 'NaN' is not a value of igo.shared (expected >= 0)",
                        "x.observed.csv:9:1: expected 6 fields (pattern,actor,partner,year,value,source), found 5",
                        "x.observed.csv:10:1: expected 6 fields (pattern,actor,partner,year,value,source), found an"
                                + " unclosed quote",
                        "x.observed.csv:12:1: second row for mid.onset KAZ-CHN 1999 (expected one per pattern, unit"
                                + " and year)"));
    }

    @Test
    void aWrongHeader_binaryBytes_orAHugeFile_areRefusedBeforeAnyRow() {
        assertThatThrownBy(() -> parse("pattern;actor;partner\nx;y;z\n"))
                .hasMessageContaining("x.observed.csv:1:1: header is 'pattern;actor;partner' (expected"
                        + " 'pattern,actor,partner,year,value,source')");
        assertThatThrownBy(() -> Observations.parse("x.observed.csv", new byte[] {(byte) 0xff, (byte) 0xfe, 0}, S))
                .hasMessageContaining("x.observed.csv: is not UTF-8 text (expected an observed-patterns CSV)");
        assertThatThrownBy(() -> Observations.parse("x.observed.csv", new byte[(int) Observations.MAX_BYTES + 1], S))
                .hasMessageContaining("larger than the limit of " + Observations.MAX_BYTES + " bytes");
    }

    /** A CSV line's fields (RFC 4180): unquoted lines split at every comma, quoted fields keep theirs. */
    @Test
    void fields_unquotedSplitAtEveryComma_quotedKeepCommasAndDoubledQuotes() {
        java.util.Random r = new java.util.Random(3);
        char[] alphabet = {'a', '1', ',', ' ', '.', '-'};
        for (int n = 0; n < 2000; n++) {
            StringBuilder line = new StringBuilder();
            for (int k = r.nextInt(12); k > 0; k--) {
                line.append(alphabet[r.nextInt(alphabet.length)]);
            }
            assertThat(Observations.fields(line.toString()))
                    .as("'%s'", line)
                    .containsExactly(line.toString().split(",", -1));
        }
        assertThat(Observations.fields("")).containsExactly("");
        assertThat(Observations.fields(",")).containsExactly("", "");
        assertThat(Observations.fields("a,\"b,c\",\"say \"\"hi\"\"\",d"))
                .containsExactly("a", "b,c", "say \"hi\"", "d");
        assertThat(Observations.fields("a,\"open")).as("an unclosed quote").isNull();
    }
}
