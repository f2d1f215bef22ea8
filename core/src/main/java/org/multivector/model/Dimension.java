package org.multivector.model;

import java.util.Objects;

/**
 * A vector of a tie (trade, investment, energy, security, diplomacy). {@code salience} weights the
 * dimension in a state's objective and in the overall balance index; {@code inertia} is the share
 * of the gap to the target closed per year (trade and pipelines cannot jump).
 */
public record Dimension(String id, String name, Quantity salience, Quantity inertia) {
    public Dimension {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(salience, "salience");
        Objects.requireNonNull(inertia, "inertia");
    }
}
