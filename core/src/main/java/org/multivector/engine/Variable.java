package org.multivector.engine;

import java.util.Objects;

/**
 * One recorded quantity of a trajectory: {@code actor} is a state id, a dyad {@code A-B} or
 * {@code REGION}; {@code name} is the variable, e.g. {@code share.trade.RUS}, {@code balance},
 * {@code tension}, {@code rsi}. docs/METRICS.md lists them all.
 */
public record Variable(String actor, String name) {
    public static final String REGION = "REGION";

    public Variable {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(name, "name");
    }
}
