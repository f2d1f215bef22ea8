package org.multivector.metric;

/**
 * Barbieri's (1996) dyadic trade measures, from each side's trade share with the other
 * ({@code a} = share of A's total trade that is with B, {@code b} = the converse):
 * salience {@code sqrt(a·b)}, symmetry {@code 1 - |a - b|}, interdependence = salience × symmetry.
 * Barbieri, K. (1996) "Economic Interdependence: A Path to Peace or a Source of Interstate
 * Conflict?" Journal of Peace Research 33(1): 29–49.
 */
public final class BarbieriInterdependence {
    private BarbieriInterdependence() {}

    public static double salience(double a, double b) {
        return Math.sqrt(Math.max(0, a) * Math.max(0, b));
    }

    public static double symmetry(double a, double b) {
        return 1 - Math.abs(a - b);
    }

    public static double interdependence(double a, double b) {
        return salience(a, b) * symmetry(a, b);
    }
}
