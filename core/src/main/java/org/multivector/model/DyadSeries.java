package org.multivector.model;

import java.util.Objects;

/** A yearly series attached to a pair of actors (for example regional trade interdependence). */
public record DyadSeries(String a, String b, YearSeries series) {
    public DyadSeries {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        Objects.requireNonNull(series, "series");
    }
}
