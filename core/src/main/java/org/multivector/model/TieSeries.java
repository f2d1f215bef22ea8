package org.multivector.model;

import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Observed or estimated shares of one regional state's ties in one dimension, per pole and year.
 * Shares over the non-residual poles sum to at most 1; the residual pole takes the rest. Years
 * absent from {@code shares} are missing; {@code missing} lists the years the pipeline detected as
 * gaps (with the reason in {@code missingNote}), so a reader can tell a gap from no data at all.
 */
public record TieSeries(
        String state,
        String dimension,
        Provenance provenance,
        NavigableMap<Integer, Map<String, Double>> shares,
        List<Integer> missing,
        String missingNote) {
    public TieSeries {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(dimension, "dimension");
        Objects.requireNonNull(provenance, "provenance");
        TreeMap<Integer, Map<String, Double>> copy = new TreeMap<>();
        shares.forEach((y, m) -> copy.put(y, Map.copyOf(m)));
        shares = java.util.Collections.unmodifiableNavigableMap(copy);
        missing = List.copyOf(missing);
    }
}
