package org.multivector.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.multivector.engine.CompiledScenario;
import org.multivector.engine.Variable;
import org.multivector.model.Scenario;
import org.multivector.scenario.ScenarioLoader;

/** The index's stressors against observed series: rank correlations that can come out either way. */
class StabilityValidityTest {
    static final Scenario S = ScenarioLoader.builtIn(ScenarioLoader.DEFAULT_SCENARIO);
    static final CompiledScenario C = CompiledScenario.of(S);

    /** Observed conflict: Tajikistan at war in 1992-1996 and minor in 1997-1998, nothing else, 1992-2001. */
    static Observations observed() {
        StringBuilder b = new StringBuilder("pattern,actor,partner,year,value,source\n");
        for (var a : S.regionalStates()) {
            for (int y = 1992; y <= 2001; y++) {
                int v = a.id().equals("TJK") ? (y <= 1996 ? 2 : y <= 1998 ? 1 : 0) : 0;
                b.append("conflict,")
                        .append(a.id())
                        .append(",,")
                        .append(y)
                        .append(',')
                        .append(v)
                        .append(",test\n");
            }
        }
        return Observations.parse("t.csv", b.toString().getBytes(StandardCharsets.UTF_8), S);
    }

    @Test
    void aStressorThatRisesWithObservedConflict_supportsTheIndex_oneThatFallsDoesNot() {
        int unrest = C.variables().indexOf(new Variable(Variable.REGION, "rsi.unrest"));
        int polar = C.variables().indexOf(new Variable(Variable.REGION, "rsi.polarisation"));
        int rsi = C.variables().indexOf(new Variable(Variable.REGION, "rsi"));
        // unrest follows the war (higher in 1992-1998), polarisation the opposite, the RSI falls with the war
        StabilityValidity.Means m = (y, k) -> {
            int year = C.firstYear() + y;
            double war = year <= 1996 ? 1 : year <= 1998 ? 0.5 : 0;
            if (k == unrest) {
                return 0.1 + war + year * 1e-4; // strictly ordered, no ties
            }
            if (k == polar) {
                return 1 - war - year * 1e-4;
            }
            if (k == rsi) {
                return 50 - 10 * war;
            }
            return 0.5;
        };
        List<StabilityValidity.Row> rows = StabilityValidity.of(S, C, m, observed(), 1992, 2001);
        StabilityValidity.Row u = rows.stream()
                .filter(r -> r.measure().equals("rsi.unrest"))
                .findFirst()
                .orElseThrow();
        StabilityValidity.Row p = rows.stream()
                .filter(r -> r.measure().equals("rsi.polarisation"))
                .findFirst()
                .orElseThrow();
        StabilityValidity.Row r =
                rows.stream().filter(x -> x.measure().equals("rsi")).findFirst().orElseThrow();
        assertThat(u.n()).isEqualTo(10);
        // observed: 5 tied years of war, 2 of minor conflict, 3 calm (mid-ranks 8, 4.5, 2); the model ranks 1..10 in
        // the same order: sum of rank products about the means 70, sums of squares 82.5 and 70, rho = sqrt(70/82.5)
        assertThat(u.rho()).isCloseTo(Math.sqrt(70 / 82.5), within(1e-12));
        assertThat(u.p()).isLessThan(0.001);
        assertThat(u.supports()).isTrue();
        assertThat(p.rho()).isCloseTo(-Math.sqrt(70 / 82.5), within(1e-12));
        assertThat(p.supports()).isFalse();
        assertThat(r.rho()).isCloseTo(-1.0, within(1e-9)); // the RSI is expected to fall with instability
        assertThat(r.supports()).isTrue();
        // no MID records in this file: the hazard stressor has no observed series to be checked against
        assertThat(rows.stream()
                        .filter(x -> x.measure().equals("rsi.hazard"))
                        .findFirst()
                        .orElseThrow()
                        .n())
                .isZero();
    }
}
