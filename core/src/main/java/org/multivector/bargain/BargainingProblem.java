package org.multivector.bargain;

import java.util.List;
import java.util.Objects;

/**
 * A bargaining problem in the form KTAB's SMP takes it (SPEC §2): actors with a capability, a
 * position and a salience on each dimension, an accommodation ("ideal adjustment") matrix, model
 * parameters and a seed. Positions and saliences are on the [0, 1] scale (input values / 100).
 *
 * <p>Arrays are owned by the problem; callers must not modify them.
 *
 * @param source        a one-line note on where the numbers come from (file, or "generated")
 * @param scales        per dimension, what its 0 and 100 mean ("" when the input does not say)
 * @param accommodation A, N × N; ideals follow {@code ι_i ← Σ_j A_ij x_j + (1 − min(1, Σ_j A_ij)) ι_i}
 * @param riskNeutralFirstOutcomes KTAB's {@code --euSMP} quirk (SPEC §12): in turn 0 the bargain
 *                      outcome utilities use risk attitude 0
 */
public record BargainingProblem(
        String name,
        String description,
        String source,
        List<String> dimensions,
        List<String> scales,
        List<String> actors,
        List<String> actorDescriptions,
        double[] capability,
        double[][] position,
        double[][] salience,
        double[][] accommodation,
        long seed,
        SmpParameters parameters,
        boolean riskNeutralFirstOutcomes)
        implements java.io.Serializable {

    public BargainingProblem {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(parameters, "parameters");
        dimensions = List.copyOf(dimensions);
        scales = scales.isEmpty() ? java.util.Collections.nCopies(dimensions.size(), "") : List.copyOf(scales);
        if (scales.size() != dimensions.size()) {
            throw new IllegalArgumentException("one scale text per dimension");
        }
        actors = List.copyOf(actors);
        actorDescriptions = List.copyOf(actorDescriptions);
        int n = actors.size();
        if (capability.length != n || position.length != n || salience.length != n || accommodation.length != n) {
            throw new IllegalArgumentException("one capability, position, salience and accommodation row per actor");
        }
        for (int i = 0; i < n; i++) {
            if (position[i].length != dimensions.size()
                    || salience[i].length != dimensions.size()
                    || accommodation[i].length != n) {
                throw new IllegalArgumentException("actor " + actors.get(i) + ": wrong number of values");
            }
        }
    }

    public int actorCount() {
        return actors.size();
    }

    public int dimensionCount() {
        return dimensions.size();
    }

    /** The identity accommodation matrix (ideals equal positions), KTAB's CSV default. */
    public static double[][] identity(int n) {
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            a[i][i] = 1.0;
        }
        return a;
    }

    public boolean identityAccommodation() {
        for (int i = 0; i < accommodation.length; i++) {
            for (int j = 0; j < accommodation.length; j++) {
                if (accommodation[i][j] != (i == j ? 1.0 : 0.0)) {
                    return false;
                }
            }
        }
        return true;
    }

    public BargainingProblem withParameters(SmpParameters p) {
        return new BargainingProblem(
                name,
                description,
                source,
                dimensions,
                scales,
                actors,
                actorDescriptions,
                capability,
                position,
                salience,
                accommodation,
                seed,
                p,
                riskNeutralFirstOutcomes);
    }

    public BargainingProblem withSeed(long s) {
        return new BargainingProblem(
                name,
                description,
                source,
                dimensions,
                scales,
                actors,
                actorDescriptions,
                capability,
                position,
                salience,
                accommodation,
                s,
                parameters,
                riskNeutralFirstOutcomes);
    }

    /** A copy with other positions and saliences (same shape), e.g. a perturbed input. */
    public BargainingProblem withInputs(double[][] newPosition, double[][] newSalience) {
        return new BargainingProblem(
                name,
                description,
                source,
                dimensions,
                scales,
                actors,
                actorDescriptions,
                capability,
                newPosition,
                newSalience,
                accommodation,
                seed,
                parameters,
                riskNeutralFirstOutcomes);
    }
}
