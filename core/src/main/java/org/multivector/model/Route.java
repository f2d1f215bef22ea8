package org.multivector.model;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * A piece of infrastructure (pipeline, railway, corridor, base) that ties a regional state to a
 * partner in one dimension from {@code opened} (until {@code closed}); {@code weight} is its size
 * relative to the state's other routes in that dimension. The partner is a pole, or another
 * regional state or actor (gas from a neighbour): in the tie shares such a partner belongs to the
 * rest of the world, so its routes count for the residual pole, and the two are a dyad of the model.
 */
public record Route(
        String id,
        String state,
        String partner,
        String dimension,
        int opened,
        OptionalInt closed,
        Quantity weight,
        Provenance provenance) {
    public Route {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(partner, "partner");
        Objects.requireNonNull(dimension, "dimension");
        Objects.requireNonNull(closed, "closed");
        Objects.requireNonNull(weight, "weight");
        Objects.requireNonNull(provenance, "provenance");
    }

    public boolean activeIn(int year) {
        return year >= opened && (closed.isEmpty() || year < closed.getAsInt());
    }
}
