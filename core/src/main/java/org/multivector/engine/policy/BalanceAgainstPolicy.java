package org.multivector.engine.policy;

/**
 * Balancing against pole P (Waltz 1979; Walt 1987): the state keeps only a floor share with P and
 * spreads the rest over the other partners in proportion to their offers.
 */
public final class BalanceAgainstPolicy implements Policy {
    private final int pole;
    private final double floor;

    public BalanceAgainstPolicy(int pole, double floor) {
        if (floor < 0 || floor > 1) {
            throw new IllegalArgumentException("balance floor " + floor + " (expected 0..1)");
        }
        this.pole = pole;
        this.floor = floor;
    }

    @Override
    public void target(double[] offer, double[] coercion, double[] t) {
        Policy.proportional(offer, pole, 1 - floor, t);
        t[pole] = floor;
    }
}
