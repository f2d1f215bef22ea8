package org.multivector.model;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A state or bloc. Capability series are keyed by name ({@code gdp} in current USD,
 * {@code population} in persons, {@code milex} in thousands of current USD, {@code cinc} as a share,
 * {@code instability} 0..1 for spill-over sources). {@code fragility} is the state's baseline
 * internal fragility (0..1) for regional states.
 */
public record Actor(
        String id,
        String name,
        ActorKind kind,
        Integer cowCode,
        Map<String, YearSeries> capabilities,
        Optional<Quantity> fragility,
        Provenance provenance) {
    public Actor {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        capabilities = Map.copyOf(capabilities);
        Objects.requireNonNull(fragility, "fragility");
        Objects.requireNonNull(provenance, "provenance");
    }

    public Optional<YearSeries> capability(String name) {
        return Optional.ofNullable(capabilities.get(name));
    }
}
