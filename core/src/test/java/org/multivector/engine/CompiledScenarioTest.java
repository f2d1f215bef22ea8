package org.multivector.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.multivector.model.Parameter;
import org.multivector.model.Scenario;
import org.multivector.model.StrategySpec;
import org.multivector.scenario.ScenarioLoader;
import org.multivector.validate.Posterior;

/**
 * {@link CompiledScenario#withParameters} is {@link CompiledScenario#of}, field by field: for a posterior's particles
 * (parameters, dispute intensities and strategies), for every parameter moved at once, and for a scenario whose other
 * parts changed (then it compiles). A compile step that came to read a parameter without {@code withParameters}
 * recomputing it fails here.
 */
class CompiledScenarioTest {
    @Test
    void particlesOfTheShippedPosterior_compileAsOfWould_sharingTheParameterFreeParts() {
        Scenario s = ScenarioLoader.builtIn("central-asia");
        CompiledScenario base = CompiledScenario.of(s);
        Posterior p = Posterior.parse(
                "central-asia.posterior.csv",
                Posterior.builtInBytes("central-asia").orElseThrow(),
                s);
        int strategiesChanged = 0;
        int intensitiesChanged = 0;
        for (int k = 0; k < p.size(); k += 37) {
            Scenario particle = p.apply(s, k);
            CompiledScenario fast = base.withParameters(particle);
            assertSameFields(fast, CompiledScenario.of(particle), "particle " + k);
            // the fast path: the negotiations' bargaining and the capabilities are not recomputed
            assertThat(fast.talksOutcome).as("particle " + k).isSameAs(base.talksOutcome);
            assertThat(fast.capShare).isSameAs(base.capShare);
            strategiesChanged += Arrays.equals(fast.strategies, base.strategies) ? 0 : 1;
            intensitiesChanged += Arrays.equals(fast.disputeIntensity, base.disputeIntensity) ? 0 : 1;
            // and the runs it makes are the same, bit for bit
            assertThat(new Engine(fast).run(7, k).values())
                    .isEqualTo(
                            new Engine(CompiledScenario.of(particle)).run(7, k).values());
        }
        // the particles exercised what the fast path recomputes
        assertThat(strategiesChanged).isPositive();
        assertThat(intensitiesChanged).isPositive();
    }

    @Test
    void everyParameterMovedAtOnce_compilesAsOfWould() {
        Scenario s = ScenarioLoader.builtIn(ScenarioLoader.PRIOR_SCENARIO);
        Map<String, Double> moved = new LinkedHashMap<>();
        for (Parameter q : s.parameters().values()) {
            moved.put(q.name(), q.value() + 0.37 * (q.max() - q.value()) + (q.max() == q.value() ? 0.1 : 0));
        }
        Scenario all = s.withParameterValues(moved);
        CompiledScenario base = CompiledScenario.of(s);
        CompiledScenario fast = base.withParameters(all);
        assertSameFields(fast, CompiledScenario.of(all), "every parameter moved");
        assertThat(fast.capShareGamma).isNotEqualTo(base.capShareGamma); // the elasticity moved too
        assertThat(fast.capabilityOffer).isNotEqualTo(base.capabilityOffer); // and the offers' head with it
        // one copy is the same scenario, hash included, as one withParameter each
        Scenario oneByOne = s;
        for (Map.Entry<String, Double> e : moved.entrySet()) {
            oneByOne = oneByOne.withParameter(e.getKey(), e.getValue());
        }
        assertThat(all).isEqualTo(oneByOne);
    }

    @Test
    void anotherPartChanged_isCompiled() {
        Scenario s = ScenarioLoader.builtIn("central-asia");
        CompiledScenario base = CompiledScenario.of(s);
        Scenario shorter = s.withYears(s.time().start(), s.time().end() - 1);
        CompiledScenario c = base.withParameters(shorter);
        assertThat(c.talksOutcome).isNotSameAs(base.talksOutcome);
        assertSameFields(c, CompiledScenario.of(shorter), "shorter");
        Scenario neutral = s.withStrategy("KAZ", new StrategySpec.Neutral());
        assertSameFields(base.withParameters(neutral), CompiledScenario.of(neutral), "KAZ neutral");
    }

    /** Every instance field equal: arrays element by element (doubles by their bits), the layout's fields too. */
    static void assertSameFields(Object a, Object b, String what) {
        try {
            for (Field f : a.getClass().getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers())) {
                    continue;
                }
                f.setAccessible(true);
                Object x = f.get(a);
                Object y = f.get(b);
                String at = what + ": " + a.getClass().getSimpleName() + "." + f.getName();
                if (x instanceof VariableLayout) {
                    assertSameFields(x, y, what);
                } else if (x != null && x.getClass().isArray()) {
                    assertThat(Arrays.deepEquals(new Object[] {x}, new Object[] {y}))
                            .as(at)
                            .isTrue();
                } else {
                    assertThat(x).as(at).isEqualTo(y);
                }
            }
        } catch (IllegalAccessException e) {
            throw new AssertionError(e);
        }
    }
}
