package org.multivector.engine.policy;

/**
 * Bandwagoning with pole P (Walt 1987; Schweller 1994): a share {@code w} of every tie goes to P,
 * the rest follows the offers: {@code t = w e_P + (1 − w) o / Σ o}.
 */
public final class BandwagonPolicy implements Policy {
    private final int pole;
    private final double weight;

    public BandwagonPolicy(int pole, double weight) {
        if (weight < 0 || weight > 1) {
            throw new IllegalArgumentException("bandwagon weight " + weight + " (expected 0..1)");
        }
        this.pole = pole;
        this.weight = weight;
    }

    @Override
    public void target(double[] offer, double[] coercion, double[] t) {
        Policy.proportional(offer, -1, 1 - weight, t);
        t[pole] += weight;
    }
}
