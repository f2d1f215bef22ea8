package org.multivector.model;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * How two poles stand to each other from {@code from} up to (excluding) {@code until}: allied, neutral or rival, with
 * an {@code intensity} 0..1. A rival pair's intensity scales the system's rivalry between the two (the cost of a
 * state's ties diverging across them); allied and neutral pairs do not polarise. In the signed network an allied pair
 * is a positive tie, a rival pair a negative one once rivalry × intensity reaches {@code rivalry-sign-threshold}, and a
 * neutral pair no tie.
 */
public record PoleRelation(
        String a,
        String b,
        RelationStatus status,
        Quantity intensity,
        int from,
        OptionalInt until,
        Provenance provenance) {
    public PoleRelation {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(intensity, "intensity");
        Objects.requireNonNull(until, "until");
        Objects.requireNonNull(provenance, "provenance");
    }

    public boolean activeIn(int year) {
        return year >= from && (until.isEmpty() || year < until.getAsInt());
    }

    public boolean joins(String x, String y) {
        return (a.equals(x) && b.equals(y)) || (a.equals(y) && b.equals(x));
    }
}
