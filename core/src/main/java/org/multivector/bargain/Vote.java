package org.multivector.bargain;

import org.multivector.bargain.SmpParameters.VotingRule;

/**
 * One actor's vote between two options (SPEC §4.1; KTAB {@code kmodel} {@code Model::vote}).
 *
 * <p>With weight w &gt; 0 and Δ = u_a − u_b, binary part b = clamp(Δ / 10⁻⁸, −1, 1):
 * Binary w·b; PropBin w·(0.8Δ + 0.2b); Prop w·Δ; PropCbc w·(0.5Δ + 0.5Δ³); Cubic w·Δ³;
 * ASymProsp w·Δ for Δ &lt; 0, 2wΔ/3 for Δ &gt; 0, 0 for Δ = 0 (prospect theory's loss aversion:
 * losses count 1.5 times gains). Positive votes favour option a. ASymProsp is not antisymmetric,
 * so callers must keep KTAB's argument order.
 */
public final class Vote {
    private Vote() {}

    public static double vote(VotingRule rule, double w, double ua, double ub) {
        if (!(w > 0)) {
            throw new BargainingException("vote weight must be positive, got " + w);
        }
        double d = ua - ub;
        switch (rule) {
            case BINARY:
                return w * binary(d);
            case PROP_BIN:
                return w * (0.8 * d + 0.2 * binary(d));
            case PROP:
                return w * d;
            case PROP_CBC:
                return w * (0.5 * d + 0.5 * (d * d * d));
            case CUBIC:
                return w * (d * d * d);
            case ASYM_PROSP:
                if (d < 0) {
                    return w * d;
                }
                if (d > 0) {
                    return 2 * w * d / 3;
                }
                return 0.0;
            default:
                throw new IllegalStateException(rule.toString());
        }
    }

    private static double binary(double d) {
        double b = d / 1e-8;
        return b > 1 ? 1.0 : (b < -1 ? -1.0 : b);
    }
}
