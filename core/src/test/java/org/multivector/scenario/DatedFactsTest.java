package org.multivector.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.multivector.engine.CompiledScenario;
import org.multivector.engine.Engine;
import org.multivector.engine.Trajectory;
import org.multivector.model.MembershipStatus;
import org.multivector.model.Scenario;

/** Shares missing within a year, rounding of printed shares, and membership status over time. */
class DatedFactsTest {
    static String small() throws IOException {
        return new String(ScenarioLoaderTest.resource("valid-small.yaml"), StandardCharsets.UTF_8);
    }

    static Scenario parse(String yaml) {
        return ScenarioLoader.parse("small.yaml", yaml.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void sharesPrintedToFourDecimals_mayExceedOneByTheirRounding() throws IOException {
        String yaml = small().replace("2003: {RUS: 0.4, CHN: 0.3}", "2003: {RUS: 0.6667, CHN: 0.3334}");
        assertThat(parse(yaml).tie("AAA", "trade").orElseThrow().shares().get(2003))
                .containsEntry("RUS", 0.6667);
        String over = small().replace("2003: {RUS: 0.4, CHN: 0.3}", "2003: {RUS: 0.6667, CHN: 0.3343}");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> parse(over))
                .hasMessageContaining("ties[0].shares.2003: shares over poles sum to 1.001 (expected at most 1, give"
                        + " or take the rounding of the printed digits: 0.0001)");
    }

    @Test
    void aMissingPoleShare_isNeitherZeroNorAnchored() throws IOException {
        String yaml = small().replace("2003: {RUS: 0.4, CHN: 0.3}", "2003: {RUS: 0.4, CHN: null}");
        Scenario s = parse(yaml);
        assertThat(s.tie("AAA", "trade").orElseThrow().shares().get(2003).get("CHN"))
                .isNaN();
        Trajectory t = new Engine(CompiledScenario.of(s)).run(1, 0);
        assertThat(t.value(2003, "AAA", "share.trade.RUS")).isEqualTo(0.4);
        double chn = t.value(2003, "AAA", "share.trade.CHN");
        double other = t.value(2003, "AAA", "share.trade.OTHER");
        assertThat(chn).isGreaterThan(0.0);
        assertThat(chn + other).isCloseTo(0.6, org.assertj.core.data.Offset.offset(1e-12));
        // format 1 reads an unnamed pole as 0, format 2 as missing
        String partial = small().replace("2003: {RUS: 0.4, CHN: 0.3}", "2003: {RUS: 0.4}");
        assertThat(parse(partial)
                        .tie("AAA", "trade")
                        .orElseThrow()
                        .shares()
                        .get(2003)
                        .get("CHN"))
                .isEqualTo(0.0);
        String partial2 = partial.replace("scenario: small\n", "scenario: small\nformat: 2\n")
                .replace("{id: trade,", "{id: trade, domain: economic, interdependence: true,")
                .replace("{id: security,", "{id: security, domain: security, coercible: true,");
        assertThat(parse(partial2)
                        .tie("AAA", "trade")
                        .orElseThrow()
                        .shares()
                        .get(2003)
                        .get("CHN"))
                .isNaN();
    }

    @Test
    void anObserverOrSuspendedMember_isRecordedButNotCounted() throws IOException {
        String yaml = small().replace(
                        "      - {state: BBB, joined: 1996}",
                        "      - {state: BBB, joined: 1996, status: [{from: 2004, status: suspended}, {from: 2007, status:"
                                + " member}]}");
        assertThat(yaml).isNotEqualTo(small());
        Scenario s = parse(yaml);
        var m = s.institutions().get(0).members().get(1);
        assertThat(m.statusIn(2003)).isEqualTo(MembershipStatus.MEMBER);
        assertThat(m.statusIn(2005)).isEqualTo(MembershipStatus.SUSPENDED);
        assertThat(s.institutions().get(0).isMember("BBB", 2005)).isFalse();
        assertThat(s.institutions().get(0).isMember("BBB", 2008)).isTrue();
        Trajectory t = new Engine(CompiledScenario.of(s)).run(1, 0);
        Trajectory base = new Engine(CompiledScenario.of(parse(small()))).run(1, 0);
        assertThat(t.value(2005, "REGION", "rsi.institutions"))
                .isGreaterThan(base.value(2005, "REGION", "rsi.institutions"));
        assertThat(t.value(2003, "REGION", "rsi.institutions"))
                .isEqualTo(base.value(2003, "REGION", "rsi.institutions"));
        // known at 2004: the later return to full membership is not known yet
        assertThat(s.knownAt(2004).institutions().get(0).isMember("BBB", 2008)).isFalse();
    }

    @Test
    void aJudgementMadeWithLaterKnowledge_isMaskedBeforeItsKnownFromYear() throws IOException {
        String yaml = small().replace(
                        "fragility: {value: 0.3, assumption: test}",
                        "fragility: {value: 0.6, assumption: \"violent unrest in 2006\", knownFrom: 2006, asOf: {value:"
                                + " 0.35, assumption: \"judged earlier\"}}")
                .replace(
                        "fragility: {value: 0.4, assumption: test}",
                        "fragility: {value: 0.5, assumption: \"coup of 2007\", knownFrom: 2007}")
                .replace(
                        "intensity: {value: 0.5, assumption: test}",
                        "intensity: {value: 0.8, assumption: \"clashes of 2005\", knownFrom: 2005}");
        Scenario s = parse(yaml);
        assertThat(s.actor("AAA").orElseThrow().fragility().orElseThrow().value())
                .isEqualTo(0.6);
        Scenario cut = s.knownAt(2004);
        assertThat(cut.actor("AAA").orElseThrow().fragility().orElseThrow().value())
                .isEqualTo(0.35);
        assertThat(cut.actor("BBB").orElseThrow().fragility().orElseThrow()).isEqualTo(Scenario.NEUTRAL_FRAGILITY);
        assertThat(cut.disputes().get(0).intensity()).isEqualTo(Scenario.NEUTRAL_DISPUTE_INTENSITY);
        assertThat(s.knownAt(2007)
                        .actor("BBB")
                        .orElseThrow()
                        .fragility()
                        .orElseThrow()
                        .value())
                .isEqualTo(0.5);
        // hindsight: what still cites a later year, unmasked
        assertThat(s.hindsight(2004)).noneMatch(h -> h.startsWith("actors.") || h.startsWith("disputes."));
        assertThat(parse(small().replace(
                                        "fragility: {value: 0.4, assumption: test}",
                                        "fragility: {value: 0.5, assumption: \"coup of 2007\"}"))
                        .hindsight(2004))
                .filteredOn(h -> h.startsWith("actors.") || h.startsWith("disputes."))
                .containsExactly("actors.BBB.fragility: cites 2007");
    }

    @Test
    void anAsOfValue_needsItsKnownFromYearAReasonAndTheRange() throws IOException {
        for (String[] c : new String[][] {
            {
                "fragility: {value: 0.3, assumption: test, asOf: {value: 0.2, assumption: before}}",
                "actors[0].fragility.asOf: an asOf value needs the knownFrom year it stands before"
            },
            {
                "fragility: {value: 0.3, assumption: test, knownFrom: 2005, asOf: {value: 0.2}}",
                "actors[0].fragility.asOf: has no source or assumption (expected the reason for the value judged"
                        + " before 2005)"
            },
            {
                "fragility: {value: 0.3, assumption: test, knownFrom: 2005, asOf: {value: 1.5, assumption: before}}",
                "actors[0].fragility.asOf.value: 1.5 is not a fragility (expected 0..1)"
            }
        }) {
            String yaml = small().replace("fragility: {value: 0.3, assumption: test}", c[0]);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> parse(yaml))
                    .as(c[0])
                    .isInstanceOf(ScenarioException.class)
                    .hasMessageContaining(c[1]);
        }
    }
}
