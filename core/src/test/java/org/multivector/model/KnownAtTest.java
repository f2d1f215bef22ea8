package org.multivector.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.multivector.engine.CompiledScenario;
import org.multivector.engine.Engine;
import org.multivector.scenario.ScenarioLoader;

/** Backtests must not see the test period: a scenario masked at a cut carries nothing dated after it. */
class KnownAtTest {
    static final int CUT = 2008;

    static Scenario base() {
        return ScenarioLoader.builtIn(ScenarioLoader.DEFAULT_SCENARIO);
    }

    /** The default scenario with every tie observation after the cut rewritten (halved shares). */
    static Scenario withDifferentFuture() {
        String yaml = new String(ScenarioLoader.builtInBytes(ScenarioLoader.DEFAULT_SCENARIO), StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("(?m)^(\\s+)(\\d{4}): \\{([^}]*)\\}$").matcher(yaml);
        StringBuilder b = new StringBuilder();
        int changed = 0;
        while (m.find()) {
            int year = Integer.parseInt(m.group(2));
            String body = m.group(3);
            if (year > CUT && body.contains(":")) {
                Matcher v = Pattern.compile("(\\w+): ([0-9.]+)").matcher(body);
                StringBuilder nb = new StringBuilder();
                while (v.find()) {
                    v.appendReplacement(nb, v.group(1) + ": " + Double.parseDouble(v.group(2)) / 2);
                }
                v.appendTail(nb);
                body = nb.toString();
                changed++;
            }
            m.appendReplacement(b, Matcher.quoteReplacement(m.group(1) + year + ": {" + body + "}"));
        }
        m.appendTail(b);
        assertThat(changed).as("post-cut observations rewritten").isGreaterThan(20);
        return ScenarioLoader.parse("central-asia.yaml", b.toString().getBytes(StandardCharsets.UTF_8));
    }

    static double[] run(Scenario s) {
        Engine e = new Engine(CompiledScenario.of(s));
        double[] out = new double[e.outputSize()];
        e.run(7, 0, out);
        return out;
    }

    @Test
    void aChainOfAsOfJudgements_resolvesToTheOneKnownAtTheCut() {
        Quantity neutral = new Quantity(0.3, Provenance.assumption("neutral"));
        Quantity early = new Quantity(0.2, Provenance.assumption("judged in 2000"), 2000, null);
        Quantity middle = new Quantity(0.35, Provenance.assumption("judged in 2010"), 2010, early);
        Quantity late = new Quantity(0.45, Provenance.assumption("judged in 2020"), 2020, middle);
        assertThat(late.knownAt(2021, neutral).value()).isEqualTo(0.45);
        assertThat(late.knownAt(2015, neutral).value()).isEqualTo(0.35);
        assertThat(late.knownAt(2005, neutral).value()).isEqualTo(0.2);
        assertThat(late.knownAt(1995, neutral).value()).isEqualTo(0.3);
    }

    @Test
    void nothingDatedAfterTheCutSurvives() {
        Scenario k = base().knownAt(CUT);
        assertThat(k.time().lastObserved()).isEqualTo(CUT);
        assertThat(k.events()).allMatch(e -> e.year() <= CUT);
        assertThat(k.events().size()).isLessThan(base().events().size());
        assertThat(k.ties()).allMatch(t -> t.shares().isEmpty() || t.shares().lastKey() <= CUT);
        assertThat(k.institutions()).allMatch(i -> i.founded() <= CUT);
        assertThat(k.institutions().stream().flatMap(i -> i.members().stream()))
                .allMatch(m ->
                        m.joined() <= CUT && (m.left().isEmpty() || m.left().getAsInt() <= CUT));
        assertThat(k.disputes())
                .allMatch(d -> d.from() <= CUT
                        && (d.resolved().isEmpty() || d.resolved().getAsInt() <= CUT));
        assertThat(k.routes())
                .allMatch(r ->
                        r.opened() <= CUT && (r.closed().isEmpty() || r.closed().getAsInt() <= CUT));
        assertThat(k.actors().stream().flatMap(a -> a.capabilities().values().stream()))
                .allMatch(ys -> ys.lastYear() <= CUT);
        assertThat(k.hash()).isNotEqualTo(base().hash());
    }

    @Test
    void datedFactsAfterTheCut_strategyPhasesStatusesBordersAndPoleRelations_areNotKnown() {
        Scenario sea = ScenarioLoader.builtIn(ScenarioLoader.SOUTHEAST_ASIA);
        assertThat(sea.strategies().get("MMR").text()).isEqualTo("neutral from 1991; bandwagon:CHN from 2021");
        assertThat(sea.knownAt(CUT).strategies().get("MMR").text()).isEqualTo("neutral");
        assertThat(sea.knownAt(2021).strategies().get("MMR"))
                .isEqualTo(sea.strategies().get("MMR"));
        // Uzbekistan's CSTO suspension (2013) is not known in 2008; its earlier spell still is
        Scenario ca = base();
        Scenario k = ca.knownAt(CUT);
        assertThat(k.institutions().stream()
                        .filter(i -> i.id().equals("CSTO"))
                        .flatMap(i -> i.members().stream())
                        .filter(m -> m.state().equals("UZB"))
                        .allMatch(m -> m.joined() <= CUT
                                && m.status().keySet().stream().allMatch(y -> y <= CUT)))
                .isTrue();
        assertThat(k.poleRelations()).allMatch(r -> r.from() <= CUT && r.until().orElse(0) <= CUT);
        assertThat(k.borders()).allMatch(b -> b.status().keySet().stream().allMatch(y -> y <= CUT));
    }

    @Test
    void aDifferentFutureDoesNotChangeTheMaskedRun() {
        Scenario other = withDifferentFuture();
        // Control: unmasked, the rewritten future changes the run (so the test can fail).
        assertThat(run(other)).isNotEqualTo(run(base()));
        // Masked at the cut, the two scenarios give bit-identical runs.
        assertThat(run(other.knownAt(CUT))).isEqualTo(run(base().knownAt(CUT)));
    }
}
