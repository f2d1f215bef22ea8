package org.multivector.engine.policy;

/**
 * Neutrality, low engagement with every pole (Turkmenistan's "permanent neutrality", recognised by
 * the UN General Assembly in 1995): a share {@code w} stays with the residual, non-aligned
 * partner, the rest is split evenly over the poles, whatever they offer.
 */
public final class NeutralPolicy implements Policy {
    private final int residual;
    private final double disengagement;

    public NeutralPolicy(int residual, double disengagement) {
        if (disengagement < 0 || disengagement > 1) {
            throw new IllegalArgumentException("disengagement " + disengagement + " (expected 0..1)");
        }
        this.residual = residual;
        this.disengagement = disengagement;
    }

    @Override
    public void target(double[] offer, double[] coercion, double[] t) {
        int n = offer.length;
        if (residual < 0) {
            for (int p = 0; p < n; p++) {
                t[p] = 1.0 / n;
            }
            return;
        }
        for (int p = 0; p < n; p++) {
            t[p] = (1 - disengagement) / (n - 1);
        }
        t[residual] = disengagement;
    }
}
