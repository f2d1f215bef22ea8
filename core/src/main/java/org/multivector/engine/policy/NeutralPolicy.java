package org.multivector.engine.policy;

/**
 * Neutrality, low engagement with every pole (Turkmenistan's "permanent neutrality", recognised by
 * the UN General Assembly in 1995): a share {@code w} stays with the residual, non-aligned
 * partner; the engaged rest goes to the poles in proportion to what they offer, so a neutral state
 * still trades with whoever offers more, but joins no bloc and yields to no pressure (coercion is
 * ignored). Earlier versions split the rest evenly whatever the offers, which made neutrality the
 * most balanced strategy by definition. With no offers at all the rest is split evenly. A neutral state does not
 * emulate its neighbours (Turkmenistan's self-isolation: its policy is declared, not learnt).
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
    public boolean emulates() {
        return false;
    }

    @Override
    public void target(double[] offer, double[] coercion, double[] t) {
        int n = offer.length;
        double sum = 0;
        for (int p = 0; p < n; p++) {
            if (p != residual) {
                sum += Math.max(0, offer[p]);
            }
        }
        double engaged = residual < 0 ? 1 : 1 - disengagement;
        int poles = residual < 0 ? n : n - 1;
        for (int p = 0; p < n; p++) {
            if (p != residual) {
                t[p] = sum > 0 ? engaged * Math.max(0, offer[p]) / sum : engaged / poles;
            }
        }
        if (residual >= 0) {
            t[residual] = disengagement;
        }
    }
}
