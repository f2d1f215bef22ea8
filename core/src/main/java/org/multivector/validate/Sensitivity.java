package org.multivector.validate;

import java.util.function.ToDoubleFunction;
import org.apache.commons.math3.random.SobolSequenceGenerator;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.core.source64.XoRoShiRo128PlusPlus;

/**
 * Global sensitivity analysis of a model output over factors with ranges {@code [lo_i, hi_i]}.
 *
 * <p><b>Morris elementary effects</b> (Morris 1991; μ* of Campolongo, Cariboni &amp; Saltelli 2007):
 * r one-at-a-time trajectories on a p-level grid of the unit cube with step Δ = p / (2(p − 1)); the
 * elementary effect of factor i is {@code EE_i = (f(x + Δ e_i) − f(x)) / Δ} in unit-cube terms (so
 * effects of factors with different ranges are comparable). Reported: μ (mean EE), μ* (mean |EE|)
 * and σ (standard deviation of EE).
 *
 * <p><b>Sobol indices</b> by Saltelli sampling (Saltelli et al. 2010, <i>Comput. Phys. Commun.</i>
 * 181: 259–270): matrices A and B of N points each from a 2k-dimensional Sobol sequence, and AB_i = A
 * with column i from B. First-order {@code S_i = mean(f(B)·(f(AB_i) − f(A))) / V} and total
 * {@code ST_i = mean((f(A) − f(AB_i))²) / (2V)} (Jansen 1999), V the variance of f over A and B.
 * 95 % confidence intervals by bootstrap over the N rows (percentile method).
 */
public final class Sensitivity {
    private Sensitivity() {}

    /** Morris results per factor. */
    public record MorrisResult(double[] mu, double[] muStar, double[] sigma, int evaluations) {}

    /** Sobol results per factor, with bootstrap 95 % intervals. */
    public record SobolResult(
            double[] first,
            double[] firstLo,
            double[] firstHi,
            double[] total,
            double[] totalLo,
            double[] totalHi,
            int evaluations) {}

    private static double[] scale(double[] u, double[] lo, double[] hi) {
        double[] x = new double[u.length];
        for (int i = 0; i < u.length; i++) {
            x[i] = lo[i] + u[i] * (hi[i] - lo[i]);
        }
        return x;
    }

    /**
     * A Morris design in the unit cube: r trajectories of k + 1 points; point {@code t(k+1) + s + 1}
     * differs from the previous one in factor {@code factor[t*k + s]} by +Δ.
     */
    public record MorrisDesign(double[][] points, int[] factor, int k, int r, double delta) {}

    /**
     * @param r number of trajectories
     * @param levels grid levels p (even, e.g. 4)
     */
    public static MorrisDesign morrisDesign(int k, int r, int levels, long seed) {
        double delta = levels / (2.0 * (levels - 1));
        UniformRandomProvider rng = new XoRoShiRo128PlusPlus(seed, seed ^ 0x9E3779B97F4A7C15L);
        int lowLevels = levels / 2; // starting levels from which +Δ stays inside [0, 1]
        double[][] points = new double[r * (k + 1)][];
        int[] factor = new int[r * k];
        for (int t = 0; t < r; t++) {
            double[] u = new double[k];
            for (int i = 0; i < k; i++) {
                u[i] = rng.nextInt(lowLevels) / (double) (levels - 1);
            }
            int[] order = new int[k];
            for (int i = 0; i < k; i++) {
                order[i] = i;
            }
            for (int i = k - 1; i > 0; i--) {
                int j = rng.nextInt(i + 1);
                int tmp = order[i];
                order[i] = order[j];
                order[j] = tmp;
            }
            points[t * (k + 1)] = u.clone();
            for (int step = 0; step < k; step++) {
                u[order[step]] += delta;
                points[t * (k + 1) + step + 1] = u.clone();
                factor[t * k + step] = order[step];
            }
        }
        return new MorrisDesign(points, factor, k, r, delta);
    }

    /** Morris statistics from the outputs {@code y[j]} at the design's points. */
    public static MorrisResult morrisAnalyse(MorrisDesign d, double[] y) {
        int k = d.k();
        int r = d.r();
        double[] sum = new double[k];
        double[] sumAbs = new double[k];
        double[] sumSq = new double[k];
        for (int t = 0; t < r; t++) {
            for (int step = 0; step < k; step++) {
                int j = t * (k + 1) + step;
                double ee = (y[j + 1] - y[j]) / d.delta();
                int i = d.factor()[t * k + step];
                sum[i] += ee;
                sumAbs[i] += Math.abs(ee);
                sumSq[i] += ee * ee;
            }
        }
        double[] mu = new double[k];
        double[] muStar = new double[k];
        double[] sigma = new double[k];
        for (int i = 0; i < k; i++) {
            mu[i] = sum[i] / r;
            muStar[i] = sumAbs[i] / r;
            sigma[i] = r > 1 ? Math.sqrt(Math.max(0, (sumSq[i] - r * mu[i] * mu[i]) / (r - 1))) : Double.NaN;
        }
        return new MorrisResult(mu, muStar, sigma, y.length);
    }

    /** Scales unit-cube points to the factor ranges. */
    public static double[] toRanges(double[] u, double[] lo, double[] hi) {
        return scale(u, lo, hi);
    }

    /** Morris screening of f, evaluated here. */
    public static MorrisResult morris(
            ToDoubleFunction<double[]> f, double[] lo, double[] hi, int r, int levels, long seed) {
        MorrisDesign d = morrisDesign(lo.length, r, levels, seed);
        double[] y = new double[d.points().length];
        for (int j = 0; j < y.length; j++) {
            y[j] = f.applyAsDouble(scale(d.points()[j], lo, hi));
        }
        return morrisAnalyse(d, y);
    }

    /**
     * A Saltelli design: for row j, point {@code j(k+2)} is A_j, {@code j(k+2)+1} is B_j and
     * {@code j(k+2)+2+i} is AB_i,j (A_j with factor i from B_j).
     */
    public record SobolDesign(double[][] points, int k, int n) {}

    public static SobolDesign sobolDesign(int k, int n) {
        SobolSequenceGenerator sobol = new SobolSequenceGenerator(2 * k);
        sobol.skipTo(1); // the first point is all zeros
        double[][] points = new double[n * (k + 2)][];
        for (int j = 0; j < n; j++) {
            double[] v = sobol.nextVector();
            double[] a = new double[k];
            double[] b = new double[k];
            System.arraycopy(v, 0, a, 0, k);
            System.arraycopy(v, k, b, 0, k);
            points[j * (k + 2)] = a;
            points[j * (k + 2) + 1] = b;
            for (int i = 0; i < k; i++) {
                double[] ab = a.clone();
                ab[i] = b[i];
                points[j * (k + 2) + 2 + i] = ab;
            }
        }
        return new SobolDesign(points, k, n);
    }

    /** Sobol indices and bootstrap intervals from the outputs {@code y[j]} at the design's points. */
    public static SobolResult sobolAnalyse(SobolDesign d, double[] y, int bootstrap, long seed) {
        int k = d.k();
        int n = d.n();
        double[] fa = new double[n];
        double[] fb = new double[n];
        double[][] fab = new double[k][n];
        for (int j = 0; j < n; j++) {
            fa[j] = y[j * (k + 2)];
            fb[j] = y[j * (k + 2) + 1];
            for (int i = 0; i < k; i++) {
                fab[i][j] = y[j * (k + 2) + 2 + i];
            }
        }
        int[] all = new int[n];
        for (int j = 0; j < n; j++) {
            all[j] = j;
        }
        double[] first = new double[k];
        double[] total = new double[k];
        indices(fa, fb, fab, all, first, total);
        double[][] bootFirst = new double[k][bootstrap];
        double[][] bootTotal = new double[k][bootstrap];
        UniformRandomProvider rng = new XoRoShiRo128PlusPlus(seed, ~seed);
        int[] rows = new int[n];
        double[] bf = new double[k];
        double[] bt = new double[k];
        for (int b = 0; b < bootstrap; b++) {
            for (int j = 0; j < n; j++) {
                rows[j] = rng.nextInt(n);
            }
            indices(fa, fb, fab, rows, bf, bt);
            for (int i = 0; i < k; i++) {
                bootFirst[i][b] = bf[i];
                bootTotal[i][b] = bt[i];
            }
        }
        double[] fLo = new double[k];
        double[] fHi = new double[k];
        double[] tLo = new double[k];
        double[] tHi = new double[k];
        for (int i = 0; i < k; i++) {
            fLo[i] = percentile(bootFirst[i], 0.025);
            fHi[i] = percentile(bootFirst[i], 0.975);
            tLo[i] = percentile(bootTotal[i], 0.025);
            tHi[i] = percentile(bootTotal[i], 0.975);
        }
        return new SobolResult(first, fLo, fHi, total, tLo, tHi, n * (k + 2));
    }

    /**
     * @param n base sample size N (cost N·(k + 2) evaluations)
     * @param bootstrap bootstrap resamples for the intervals (e.g. 500)
     */
    public static SobolResult sobol(
            ToDoubleFunction<double[]> f, double[] lo, double[] hi, int n, int bootstrap, long seed) {
        SobolDesign d = sobolDesign(lo.length, n);
        double[] y = new double[d.points().length];
        for (int j = 0; j < y.length; j++) {
            y[j] = f.applyAsDouble(scale(d.points()[j], lo, hi));
        }
        return sobolAnalyse(d, y, bootstrap, seed);
    }

    private static void indices(double[] fa, double[] fb, double[][] fab, int[] rows, double[] first, double[] total) {
        int n = rows.length;
        double mean = 0;
        for (int r : rows) {
            mean += fa[r] + fb[r];
        }
        mean /= 2 * n;
        double var = 0;
        for (int r : rows) {
            var += (fa[r] - mean) * (fa[r] - mean) + (fb[r] - mean) * (fb[r] - mean);
        }
        var /= 2 * n - 1;
        for (int i = 0; i < fab.length; i++) {
            double s = 0;
            double t = 0;
            for (int r : rows) {
                s += fb[r] * (fab[i][r] - fa[r]);
                double d = fa[r] - fab[i][r];
                t += d * d;
            }
            first[i] = var > 0 ? s / n / var : 0;
            total[i] = var > 0 ? t / (2.0 * n) / var : 0;
        }
    }

    private static double percentile(double[] v, double q) {
        double[] s = v.clone();
        java.util.Arrays.sort(s);
        double pos = q * (s.length - 1);
        int i = (int) Math.floor(pos);
        int j = Math.min(s.length - 1, i + 1);
        return s[i] + (pos - i) * (s[j] - s[i]);
    }
}
