package org.multivector.model;

import java.util.Objects;

/**
 * Talks on a dispute, simulated with the SMP bargaining model (docs/BARGAINING.md) from {@code from} on: the two
 * parties' positions on the issue (0..1; 0 one party's claim, 1 the other's) and the salience each gives it (0..1).
 * Capabilities are the parties' in each simulated year.
 */
public record Negotiation(
        int from, double positionA, double positionB, double salienceA, double salienceB, Provenance provenance) {
    public Negotiation {
        Objects.requireNonNull(provenance, "provenance");
    }
}
