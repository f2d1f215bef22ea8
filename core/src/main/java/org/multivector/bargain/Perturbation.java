package org.multivector.bargain;

import java.io.Serializable;
import java.util.Locale;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Input uncertainty for a bargaining ensemble: Gaussian noise on positions, saliences and
 * capabilities, e.g. {@code positions=5,salience=10%,capability=20%}. A plain number is a
 * standard deviation in points of the 0–100 scale (positions, saliences) or in capability units;
 * a number with {@code %} is relative to each value. Perturbed positions are clipped to [0, 100];
 * saliences to [0, 100] and, if an actor's total then exceeds 100, scaled down to 100 (a total of
 * 0 keeps the original saliences); capabilities are floored at 1 % of the original.
 *
 * <p>Normal deviates come from the Box–Muller transform with {@link StrictMath} on a per-run
 * stream, so a run's inputs depend only on (seed, run index), on any machine.
 */
public record Perturbation(Spread positions, Spread salience, Spread capability) implements Serializable {
    /** A standard deviation, absolute or relative. */
    public record Spread(double sd, boolean relative) implements Serializable {
        static final Spread NONE = new Spread(0, false);

        double apply(double v, double z) {
            return v + (relative ? v * sd / 100.0 : sd) * z;
        }

        @Override
        public String toString() {
            return sd == 0 ? "0" : trim(sd) + (relative ? "%" : "");
        }
    }

    public static final Perturbation NONE = new Perturbation(Spread.NONE, Spread.NONE, Spread.NONE);

    public boolean isNone() {
        return positions.sd == 0 && salience.sd == 0 && capability.sd == 0;
    }

    /** Parses {@code name=sd[%],...} with names positions, salience, capability. */
    public static Perturbation parse(String text) {
        Spread p = Spread.NONE;
        Spread s = Spread.NONE;
        Spread c = Spread.NONE;
        if (text == null || text.isBlank()) {
            return NONE;
        }
        for (String part : text.split(",")) {
            int eq = part.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException(
                        "'" + part.strip() + "' is not NAME=SD (expected e.g. positions=5,salience=10%)");
            }
            String name = part.substring(0, eq).strip().toLowerCase(Locale.ROOT);
            String v = part.substring(eq + 1).strip();
            boolean rel = v.endsWith("%");
            double sd;
            try {
                sd = Double.parseDouble(rel ? v.substring(0, v.length() - 1).strip() : v);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + v + "' is not a number or a percentage for " + name);
            }
            if (!(sd >= 0 && sd <= (rel ? 1000 : 100)) || !Double.isFinite(sd)) {
                throw new IllegalArgumentException(name + "=" + v + " is outside 0.." + (rel ? "1000%" : "100"));
            }
            Spread spread = new Spread(sd, rel);
            switch (name) {
                case "positions", "position" -> p = spread;
                case "salience", "saliences" -> s = spread;
                case "capability", "capabilities" -> c = spread;
                default ->
                    throw new IllegalArgumentException(
                            "unknown input '" + name + "' (expected positions, salience or capability)");
            }
        }
        return new Perturbation(p, s, c);
    }

    /** The problem with perturbed inputs drawn from {@code rng}. */
    public BargainingProblem apply(BargainingProblem base, UniformRandomProvider rng) {
        int n = base.actorCount();
        int dims = base.dimensionCount();
        double[][] pos = new double[n][dims];
        double[][] sal = new double[n][dims];
        double[] cap = new double[n];
        for (int i = 0; i < n; i++) {
            double total = 0;
            for (int d = 0; d < dims; d++) {
                double x = positions.apply(base.position()[i][d] * 100, gaussian(rng));
                pos[i][d] = Math.min(100, Math.max(0, x)) / 100.0;
                double s = salience.apply(base.salience()[i][d] * 100, gaussian(rng));
                sal[i][d] = Math.min(100, Math.max(0, s));
                total += sal[i][d];
            }
            for (int d = 0; d < dims; d++) {
                if (total == 0) {
                    sal[i][d] = base.salience()[i][d];
                } else {
                    sal[i][d] = (total > 100 ? sal[i][d] * 100 / total : sal[i][d]) / 100.0;
                }
            }
            double c0 = base.capability()[i];
            cap[i] = Math.max(c0 * 0.01, capability.apply(c0, gaussian(rng)));
        }
        return new BargainingProblem(
                base.name(),
                base.description(),
                base.source(),
                base.dimensions(),
                base.scales(),
                base.actors(),
                base.actorDescriptions(),
                cap,
                pos,
                sal,
                base.accommodation(),
                base.seed(),
                base.parameters(),
                base.riskNeutralFirstOutcomes());
    }

    /** Box–Muller (one deviate per call; the sine partner is discarded for simplicity of the stream). */
    static double gaussian(UniformRandomProvider rng) {
        double u1 = rng.nextDouble();
        double u2 = rng.nextDouble();
        return StrictMath.sqrt(-2 * StrictMath.log(1 - u1)) * StrictMath.cos(2 * StrictMath.PI * u2);
    }

    @Override
    public String toString() {
        return "positions=" + positions + ",salience=" + salience + ",capability=" + capability;
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
