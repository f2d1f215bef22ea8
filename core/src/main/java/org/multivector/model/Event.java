package org.multivector.model;

import java.util.List;
import java.util.Objects;

/** A dated exogenous shock: what happened (sourced) and what it changes in the model. */
public record Event(String id, int year, String title, Provenance provenance, List<Effect> effects) {
    public Event {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(provenance, "provenance");
        effects = List.copyOf(effects);
    }
}
