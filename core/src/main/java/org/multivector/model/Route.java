package org.multivector.model;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * A piece of infrastructure (pipeline, railway, corridor, base) that ties a regional state to a
 * partner in one dimension from {@code opened} (until {@code closed}); {@code weight} is its size
 * relative to the state's other routes in that dimension, in its {@link Unit} (the routes of one state and
 * dimension either all have a unit, and are compared in petajoules a year, or none). The partner is a pole, or another
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
        Unit unit,
        Provenance provenance) {
    /**
     * What a route's weight measures. Energy flows are compared in petajoules a year: crude oil at 41.868 PJ per Mt
     * (one tonne taken as one tonne of oil equivalent, IEA's 41.868 GJ/toe), natural gas at 36 PJ per bcm (0.86 Mtoe
     * per bcm, the conversion of the Energy Institute's Statistical Review of World Energy), electricity at 3.6 PJ
     * per TWh. {@code RELATIVE}: a size relative to the state's other routes in the dimension, no unit.
     */
    public enum Unit {
        RELATIVE("", 1),
        PJ("PJ", 1),
        MT_OIL("Mt oil", 41.868),
        BCM_GAS("bcm gas", 36),
        TWH("TWh", 3.6);

        private final String text;
        private final double pj;

        Unit(String text, double pj) {
            this.text = text;
            this.pj = pj;
        }

        /** As written in a scenario ({@code Mt oil}, {@code bcm gas}, {@code TWh}, {@code PJ}). */
        public String text() {
            return text;
        }

        public static java.util.Optional<Unit> parse(String text) {
            for (Unit u : values()) {
                if (u != RELATIVE && u.text.equals(text)) {
                    return java.util.Optional.of(u);
                }
            }
            return java.util.Optional.empty();
        }

        /** A weight in this unit in the common unit (PJ a year; a relative weight as it is). */
        public double common(double weight) {
            return weight * pj;
        }
    }

    /** A route whose weight has no unit. */
    public Route(
            String id,
            String state,
            String partner,
            String dimension,
            int opened,
            OptionalInt closed,
            Quantity weight,
            Provenance provenance) {
        this(id, state, partner, dimension, opened, closed, weight, Unit.RELATIVE, provenance);
    }

    public Route {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(partner, "partner");
        Objects.requireNonNull(dimension, "dimension");
        Objects.requireNonNull(closed, "closed");
        Objects.requireNonNull(weight, "weight");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(provenance, "provenance");
    }

    /** The weight in the common unit of its dimension's routes (PJ a year, or as given when relative). */
    public double commonWeight() {
        return unit.common(weight.value());
    }

    public boolean activeIn(int year) {
        return year >= opened && (closed.isEmpty() || year < closed.getAsInt());
    }
}
