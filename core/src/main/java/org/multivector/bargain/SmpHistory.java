package org.multivector.bargain;

import java.util.List;

/**
 * What one SMP run produced: every state's positions, ideals, risk attitudes and winning
 * probabilities, what happened in every turn, and why the run stopped.
 *
 * @param positions  per state t = 0..turns, {@code [actor][dim]} on the [0, 1] scale
 * @param ideals     per state, {@code [actor][dim]}
 * @param risk       per state, each actor's inferred risk attitude R_i
 * @param winProbability per state, the PCE probability of each actor's position (SPEC §13.1)
 * @param turnRecords per turn t = 0..turns−1, the bargaining that led from state t to t+1
 * @param change     per state t ≥ 1, {@code dist(S_t, S_{t−1}) / (dist(S_1, S_0) + 10⁻⁴)}
 * @param notes      where the run took a documented deviation from KTAB, and why
 */
public record SmpHistory(
        BargainingProblem problem,
        List<double[][]> positions,
        List<double[][]> ideals,
        List<double[]> risk,
        List<double[]> winProbability,
        List<Turn> turnRecords,
        List<Double> change,
        StopReason stopReason,
        List<String> notes) {

    /** Why a run ended. */
    public enum StopReason {
        /** Positions stopped moving: the turn's movement fell below 2 % of the first turn's. */
        CONVERGED("positions converged (movement below 2% of the first turn's)"),
        /** The turn limit was reached. */
        MAX_TURNS("turn limit reached");

        private final String text;

        StopReason(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }

    /**
     * One turn's bargaining.
     *
     * @param proposed  per initiator, the bargain(s) it proposed (empty if it found no target)
     * @param chosen    per actor, the bargain it adopted (its status quo if it stayed)
     * @param chosenProbability per actor, the PCE probability of the adopted bargain in its list
     */
    public record Turn(List<List<Bargain>> proposed, List<Bargain> chosen, double[] chosenProbability) {}

    /** Number of bargaining turns (states − 1). */
    public int turns() {
        return positions.size() - 1;
    }

    public double[][] finalPositions() {
        return positions.get(positions.size() - 1);
    }

    public double[] finalWinProbability() {
        return winProbability.get(winProbability.size() - 1);
    }

    /**
     * The capability-and-salience-weighted mean position per dimension in state t:
     * {@code Σ_i cap_i s_{i,d} x_{i,d} / Σ_i cap_i s_{i,d}} (the weighted-mean forecast of the
     * expected-utility tradition; Bueno de Mesquita 1994, "Political Forecasting").
     */
    public double[] weightedOutcome(int state) {
        return weightedMean(problem, positions.get(state));
    }

    public static double[] weightedMean(BargainingProblem p, double[][] x) {
        int dims = p.dimensionCount();
        double[] out = new double[dims];
        for (int d = 0; d < dims; d++) {
            double num = 0;
            double den = 0;
            for (int i = 0; i < p.actorCount(); i++) {
                double w = p.capability()[i] * p.salience()[i][d];
                num += w * x[i][d];
                den += w;
            }
            out[d] = den > 0 ? num / den : Double.NaN;
        }
        return out;
    }
}
