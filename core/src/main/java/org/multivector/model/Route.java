package org.multivector.model;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * A piece of infrastructure (pipeline, railway, corridor, base) that ties a regional state to a
 * pole in one dimension from {@code opened} (until {@code closed}); {@code weight} is its size
 * relative to the state's other routes in that dimension.
 */
public record Route(
        String id,
        String state,
        String pole,
        String dimension,
        int opened,
        OptionalInt closed,
        Quantity weight,
        Provenance provenance) {
    public Route {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(pole, "pole");
        Objects.requireNonNull(dimension, "dimension");
        Objects.requireNonNull(closed, "closed");
        Objects.requireNonNull(weight, "weight");
        Objects.requireNonNull(provenance, "provenance");
    }

    public boolean activeIn(int year) {
        return year >= opened && (closed.isEmpty() || year < closed.getAsInt());
    }
}
