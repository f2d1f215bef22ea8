package org.multivector.bargain;

import org.multivector.bargain.SmpParameters.VictoryProbModel;

/**
 * Pairwise victory probabilities from coalition strengths (SPEC §4.3; KTAB
 * {@code Model::vProb}).
 *
 * <p>For a &gt; b with s₁ = C[a][b], s₂ = C[b][a] and x = f(s) — Linear s, Square s², Quartic
 * s·s·s·s, Octic (s⁴)² — {@code P[a][b] = x₁/(x₁+x₂)}, {@code P[b][a] = x₂/(x₁+x₂)} (two divisions).
 * Binary uses a threshold t = 1.1: the side at least t times stronger wins outright (1 against
 * 10⁻⁶); in between x₁ = (r·(t+1) − 1)/(t − 1) with r = s₁/(s₁+s₂), x₂ = 1 − x₁. The diagonal
 * is ½. The contest-success-function form follows Tullock (1980); KTAB's SMP documentation
 * (Wise et al. 2015) describes the variants.
 */
public final class VictoryProbability {
    private static final double BINARY_THRESHOLD = 1.10;

    private VictoryProbability() {}

    public static double[][] pairwise(VictoryProbModel model, double[][] c) {
        int m = c.length;
        double[][] p = new double[m][m];
        for (int a = 0; a < m; a++) {
            p[a][a] = 0.5;
            for (int b = 0; b < a; b++) {
                double s1 = c[a][b];
                double s2 = c[b][a];
                double x1;
                double x2;
                if (model == VictoryProbModel.BINARY) {
                    double t = BINARY_THRESHOLD;
                    if (s1 >= t * s2) {
                        x1 = 1.0;
                        x2 = 1e-6;
                    } else if (s2 >= t * s1) {
                        x1 = 1e-6;
                        x2 = 1.0;
                    } else {
                        double r = s1 / (s1 + s2);
                        x1 = (r * (t + 1) - 1) / (t - 1);
                        x2 = 1 - x1;
                    }
                } else {
                    x1 = transform(model, s1);
                    x2 = transform(model, s2);
                }
                p[a][b] = x1 / (x1 + x2);
                p[b][a] = x2 / (x1 + x2);
            }
        }
        return p;
    }

    private static double transform(VictoryProbModel model, double s) {
        switch (model) {
            case LINEAR:
                return s;
            case SQUARE:
                return s * s;
            case QUARTIC:
                return s * s * s * s;
            case OCTIC:
                double q = s * s * s * s;
                return q * q;
            default:
                throw new IllegalStateException(model.toString());
        }
    }
}
