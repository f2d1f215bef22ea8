package org.multivector.model;

import java.util.Map;
import java.util.Objects;

/**
 * How a pole treats the middle states: its interest per dimension (scales its offers), its coercive
 * potential {@code coercion} (the k of dependence risk), its {@code assertiveness} (strength of
 * pressure) and the {@code pressureThreshold} of alignment drift past which it presses.
 */
public record PoleBehaviour(
        Map<String, Quantity> interest, Quantity coercion, Quantity assertiveness, Quantity pressureThreshold) {
    public PoleBehaviour {
        interest = Map.copyOf(interest);
        Objects.requireNonNull(coercion, "coercion");
        Objects.requireNonNull(assertiveness, "assertiveness");
        Objects.requireNonNull(pressureThreshold, "pressureThreshold");
    }
}
