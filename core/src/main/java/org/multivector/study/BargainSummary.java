package org.multivector.study;

import java.util.List;
import org.multivector.bargain.BargainingProblem;
import org.multivector.bargain.Distribution;

/**
 * What an ensemble forecasts, over its runs: turns, the share of runs that converged, the weighted outcome per
 * dimension, each actor's final position per dimension and the probability of its position.
 */
public record BargainSummary(
        Distribution turns,
        double convergedShare,
        List<Distribution> outcome,
        List<List<Distribution>> finalPosition,
        List<Distribution> winProbability,
        List<String> actors,
        List<String> dimensions) {
    public BargainSummary {
        outcome = List.copyOf(outcome);
        finalPosition = List.copyOf(finalPosition);
        winProbability = List.copyOf(winProbability);
        actors = List.copyOf(actors);
        dimensions = List.copyOf(dimensions);
    }

    public static BargainSummary of(BargainEnsembleJob job, BargainEnsembleJob.Rows total, BargainingProblem p) {
        int n = p.actorCount();
        int dims = p.dimensionCount();
        double[] conv = job.column(total, 1);
        double share = 0;
        for (double c : conv) {
            share += c;
        }
        List<Distribution> outcome = new java.util.ArrayList<>();
        for (int d = 0; d < dims; d++) {
            outcome.add(Distribution.of(job.column(total, 2 + d)));
        }
        List<List<Distribution>> fin = new java.util.ArrayList<>();
        List<Distribution> prob = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            List<Distribution> perDim = new java.util.ArrayList<>();
            for (int d = 0; d < dims; d++) {
                perDim.add(Distribution.of(job.column(total, 2 + dims + i * dims + d)));
            }
            fin.add(perDim);
            prob.add(Distribution.of(job.column(total, 2 + dims + n * dims + i)));
        }
        return new BargainSummary(
                Distribution.of(job.column(total, 0)),
                share / conv.length,
                outcome,
                fin,
                prob,
                p.actors().stream().map(String::strip).toList(),
                p.dimensions());
    }
}
