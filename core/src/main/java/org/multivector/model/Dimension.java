package org.multivector.model;

import java.util.Objects;

/**
 * A vector of a tie (trade, investment, energy, security, diplomacy). {@code salience} weights the
 * dimension in a state's objective and in the overall balance index; {@code inertia} is the share
 * of the gap to the target closed per year (trade and pipelines cannot jump).
 *
 * <p>What the dimension means to the model is declared, never read from its id: {@code domain} says
 * which institutions feed it and which capability share backs a pole's offers in it (security: military
 * expenditure; political: the mean of economic and military; economic: GDP); {@code coercible} says a
 * pole's pressure raises its offers there (coercive inducement: bases, pipelines); {@code interdependence}
 * marks the one dimension whose shares are the trade shares behind Keohane–Nye sensitivity and Barbieri's
 * salience and symmetry; {@code unit} is what a share in it measures (for reports); {@code debt} says ties in it
 * (loans, investment) accumulate as a debt stock that raises the partner's coercive potential.
 */
public record Dimension(
        String id,
        String name,
        Quantity salience,
        Quantity inertia,
        InstitutionDomain domain,
        boolean coercible,
        boolean interdependence,
        String unit,
        boolean debt) {
    public Dimension(
            String id,
            String name,
            Quantity salience,
            Quantity inertia,
            InstitutionDomain domain,
            boolean coercible,
            boolean interdependence,
            String unit) {
        this(id, name, salience, inertia, domain, coercible, interdependence, unit, false);
    }

    public Dimension {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(salience, "salience");
        Objects.requireNonNull(inertia, "inertia");
        Objects.requireNonNull(domain, "domain");
        unit = unit == null ? "" : unit;
    }
}
