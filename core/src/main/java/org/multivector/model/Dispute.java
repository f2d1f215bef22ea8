package org.multivector.model;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * An open question between two parties, active from {@code from} until {@code resolved} (the year of a settlement, if
 * any), with an intensity 0..1 that events may change; optionally with talks the simulation bargains out
 * ({@code negotiation}, null if none).
 */
public record Dispute(
        String id,
        String a,
        String b,
        DisputeKind kind,
        Quantity intensity,
        int from,
        OptionalInt resolved,
        Provenance provenance,
        Negotiation negotiation) {
    public Dispute {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(intensity, "intensity");
        Objects.requireNonNull(resolved, "resolved");
        Objects.requireNonNull(provenance, "provenance");
    }

    public Dispute(
            String id,
            String a,
            String b,
            DisputeKind kind,
            Quantity intensity,
            int from,
            OptionalInt resolved,
            Provenance provenance) {
        this(id, a, b, kind, intensity, from, resolved, provenance, null);
    }

    public boolean activeIn(int year) {
        return year >= from && (resolved.isEmpty() || year < resolved.getAsInt());
    }
}
