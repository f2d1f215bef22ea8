package org.multivector.study;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.multivector.bargain.BargainingProblem;
import org.multivector.bargain.Perturbation;
import org.multivector.bargain.SmpHistory;
import org.multivector.engine.Trajectory;
import org.multivector.engine.Variable;
import org.multivector.model.Parameter;
import org.multivector.model.Scenario;
import org.multivector.validate.Calibration;
import org.multivector.validate.CalibrationTargets;
import org.multivector.validate.ForecastScores;

/**
 * What a finished study computed, per kind: the values its report, its tables and its console or JSON summary
 * are made from. Adapters and ports switch over the kinds exhaustively.
 */
public sealed interface StudyResult {
    /** Files of this kind that the study layer itself phrases (overlay, text summaries): name → content. */
    default Map<String, byte[]> files() {
        return Map.of();
    }

    /**
     * One trajectory, and the same run of the free model (ties never re-anchored to observations), which the report
     * sets against the observations.
     */
    record Run(Scenario scenario, Trajectory trajectory, Trajectory free) implements StudyResult {}

    /**
     * An ensemble's summary per year and variable; {@code posterior} names the posterior sample the runs drew their
     * parameters from (file and particles), or is null.
     */
    record Ensemble(
            Scenario scenario,
            List<Variable> variables,
            int firstYear,
            SeriesStats stats,
            boolean keptRuns,
            String posterior)
            implements StudyResult {
        public Ensemble {
            variables = List.copyOf(variables);
        }
    }

    /**
     * A comparison of strategies for one state: outcome means and paired differences per metric ({@code better}:
     * +1 when higher is better for stability), and bands over time of {@code bandVariables} per strategy;
     * {@code posterior} names the posterior sample the runs drew their parameters from, or is null.
     */
    record Comparison(
            Scenario scenario,
            String actor,
            int branchYear,
            List<String> strategies,
            List<String> metrics,
            List<Integer> better,
            List<Variable> variables,
            List<Variable> bandVariables,
            int firstYear,
            CompareStats stats,
            Decomposition decomposition,
            String posterior)
            implements StudyResult {
        public Comparison {
            strategies = List.copyOf(strategies);
            metrics = List.copyOf(metrics);
            better = List.copyOf(better);
            variables = List.copyOf(variables);
            bandVariables = List.copyOf(bandVariables);
        }
    }

    /**
     * What carries each strategy's ΔRSI ({@link Channels}): {@code carried[s][c]} is the part of strategy s's mean
     * ΔRSI against the baseline that channel c carries (ΔRSI − ΔRSI with the channel off, same random numbers);
     * {@code total[s]} the ΔRSI itself; the rest, total minus the sum of the parts, is the channels' interaction.
     * {@code runs} is the runs per strategy of the decomposition's comparisons: when fewer than the comparison's, the
     * ΔRSI split is that of a comparison of {@code runs} runs on the same seed, not the comparison's own.
     */
    record Decomposition(List<Channels.Channel> channels, double[] totals, double[][] carried, long runs) {
        public Decomposition {
            channels = List.copyOf(channels);
        }

        public double total(int strategy) {
            return totals[strategy];
        }

        public double interaction(int strategy) {
            double s = 0;
            for (double c : carried[strategy]) {
                s += c;
            }
            return total(strategy) - s;
        }

        /** The table printed by {@code compare}: channels by strategy, in RSI points. */
        public String text(List<String> strategies) {
            StringBuilder b = new StringBuilder(String.format(
                    java.util.Locale.ROOT,
                    "What carries each ΔRSI: the part each channel carries (ΔRSI − ΔRSI with the channel off, same"
                            + " random numbers), RSI points, over %,d runs%n  %-22s",
                    runs,
                    "channel"));
            for (int s = 1; s < strategies.size(); s++) {
                b.append(String.format(java.util.Locale.ROOT, " %15s", strategies.get(s)));
            }
            b.append('\n');
            for (int c = 0; c < channels.size(); c++) {
                b.append(String.format(
                        java.util.Locale.ROOT, "  %-22s", channels.get(c).id()));
                for (int s = 1; s < strategies.size(); s++) {
                    b.append(String.format(java.util.Locale.ROOT, " %+15.3f", carried[s][c]));
                }
                b.append('\n');
            }
            b.append(String.format(java.util.Locale.ROOT, "  %-22s", "interaction (rest)"));
            for (int s = 1; s < strategies.size(); s++) {
                b.append(String.format(java.util.Locale.ROOT, " %+15.3f", interaction(s)));
            }
            b.append(String.format(java.util.Locale.ROOT, "%n  %-22s", "ΔRSI"));
            for (int s = 1; s < strategies.size(); s++) {
                b.append(String.format(java.util.Locale.ROOT, " %+15.3f", total(s)));
            }
            return b.append('\n').toString();
        }
    }

    /** A sensitivity analysis: one row per output and parameter. */
    record Sensitivity(
            Scenario scenario,
            String method,
            int points,
            int runsPerPoint,
            String actor,
            String baseline,
            String alternative,
            int from,
            List<String> outputs,
            List<SensitivityRow> rows,
            List<String> warnings,
            String posterior)
            implements StudyResult {
        public Sensitivity {
            outputs = List.copyOf(outputs);
            rows = List.copyOf(rows);
            warnings = List.copyOf(warnings);
        }

        /** Output o's rows whose effects could be computed, most influential first. */
        public List<SensitivityRow> ranked(String output) {
            return rows.stream()
                    .filter(r -> r.output().equals(output) && r.note() == null)
                    .sorted(java.util.Comparator.comparingDouble(SensitivityRow::importance)
                            .reversed()
                            .thenComparing(SensitivityRow::parameter))
                    .toList();
        }

        /** Output o's rows whose effects could not be computed (each with its note): never ranked. */
        public List<SensitivityRow> unranked(String output) {
            return rows.stream()
                    .filter(r -> r.output().equals(output) && r.note() != null)
                    .toList();
        }
    }

    /**
     * A scenario discovery ({@link DiscoverStudy}): the design's parameter values ({@code values[point][parameter]},
     * sampled over {@code lo..hi}), the RSI under the baseline and the ΔRSI at each point, the ROPE and the answer at
     * the scenario's own values that judged them, PRIM's trajectory and box, and the tree (both null when no point had
     * a finite ΔRSI).
     */
    record Discovery(
            Scenario scenario,
            String actor,
            String baseline,
            String alternative,
            int from,
            String target,
            double rope,
            double referenceDelta,
            String referenceVerdict,
            List<String> parameters,
            double[] lo,
            double[] hi,
            double[][] values,
            double[] rsi,
            double[] delta,
            org.multivector.validate.Prim.Result prim,
            org.multivector.validate.Cart.Node tree,
            int runsPerPoint,
            List<String> warnings,
            String posterior)
            implements StudyResult {
        public Discovery {
            parameters = List.copyOf(parameters);
            warnings = List.copyOf(warnings);
        }

        /** Whether point j is a case (its ΔRSI the target answer; false when not finite). */
        public boolean isCase(int j) {
            return Double.isFinite(delta[j]) && DiscoverStudy.isCase(target, delta[j], rope);
        }

        /**
         * A range of parameter k as people read it: {@code [lo, hi]}, or for a categorical structural assumption (a
         * strategy) the categories whose values it covers, e.g. <code>{neutral, bandwagon:RUS}</code>.
         */
        public String range(int k, double from, double to) {
            List<String> cats = org.multivector.model.Structural.categories(scenario, parameters.get(k));
            if (cats.isEmpty()) {
                return String.format(java.util.Locale.ROOT, "[%.4g, %.4g]", from, to);
            }
            int a = org.multivector.model.Structural.category(from, cats.size());
            int b = org.multivector.model.Structural.category(Math.nextDown(to), cats.size());
            return "{" + String.join(", ", cats.subList(a, Math.max(a, b) + 1)) + "}";
        }

        /** The tree as rules. */
        public String treeText() {
            return tree == null ? "" : org.multivector.validate.Cart.text(tree, parameters);
        }

        @Override
        public Map<String, byte[]> files() {
            Map<String, byte[]> m = new LinkedHashMap<>();
            m.put("tree.txt", treeText().getBytes(StandardCharsets.UTF_8));
            return m;
        }
    }

    /**
     * One parameter's indices for one output (NaN where the method does not give them); {@code note} says why they
     * could not be computed (the model gave non-finite outputs at design points they rest on), else null.
     */
    record SensitivityRow(
            String output,
            String parameter,
            double mu,
            double muStar,
            double sigma,
            double s1,
            double s1Lo,
            double s1Hi,
            double st,
            double stLo,
            double stHi,
            String note) {
        /** μ* for Morris, the total index for Sobol: what the parameter is ranked by; NaN when not computed. */
        public double importance() {
            return note != null ? Double.NaN : Double.isNaN(muStar) ? st : muStar;
        }
    }

    /**
     * A calibration: the fitted parameters, the search, the loss per pattern, and its overlay (a parameter
     * overlay file other studies apply), text summary and trace.
     */
    record Fit(
            Scenario scenario,
            YearRange train,
            String method,
            CalibrationTargets targets,
            Calibration.Result search,
            List<Parameter> fitted,
            String overlayYaml,
            String text,
            String traceCsv,
            String posteriorCsv)
            implements StudyResult {
        public Fit {
            fitted = List.copyOf(fitted);
        }

        /** The best loss so far after each evaluation. */
        public double[] bestSoFar() {
            double[] out = new double[search.log().size()];
            for (int i = 0; i < out.length; i++) {
                double l = search.log().get(i).combined();
                out[i] = i == 0 ? l : Math.min(out[i - 1], l);
            }
            return out;
        }

        @Override
        public Map<String, byte[]> files() {
            Map<String, byte[]> m = new LinkedHashMap<>();
            m.put("overlay.yaml", overlayYaml.getBytes(StandardCharsets.UTF_8));
            m.put("calibration.txt", text.getBytes(StandardCharsets.UTF_8));
            m.put("trace.csv", traceCsv.getBytes(StandardCharsets.UTF_8));
            if (posteriorCsv != null) {
                m.put("posterior.csv", posteriorCsv.getBytes(StandardCharsets.UTF_8));
            }
            return m;
        }
    }

    /** A backtest: the ensemble run with nothing known after {@code cut}, and its scores against baselines. */
    record Backtest(
            Scenario scenario,
            YearRange train,
            YearRange test,
            int cut,
            List<Variable> variables,
            int firstYear,
            SeriesStats stats,
            List<Scored> scores,
            boolean observedAvailable,
            String text)
            implements StudyResult {
        public Backtest {
            variables = List.copyOf(variables);
            scores = List.copyOf(scores);
        }

        @Override
        public Map<String, byte[]> files() {
            return Map.of("backtest.txt", text.getBytes(StandardCharsets.UTF_8));
        }
    }

    /**
     * One scored pattern: forecasts of the model and of baselines against outcomes.
     *
     * @param kind {@code continuous} (scores MAE, RMSE, coverage of the model's 90 % interval) or {@code binary}
     *     (Brier, Brier skill against unit climatology, log, AUROC) or {@code episode} (the model's risk, rank among
     *     the peers and percentile; n: the number of peers)
     * @param scores forecast name → scores in the order of {@link #metrics()}
     * @param reliability the model's reliability diagram (binary patterns), or null
     */
    record Scored(
            String pattern,
            String kind,
            int n,
            Map<String, double[]> scores,
            List<ForecastScores.ReliabilityBin> reliability) {
        public Scored {
            scores = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(scores));
            reliability = reliability == null ? null : List.copyOf(reliability);
        }

        public List<String> metrics() {
            return switch (kind) {
                case "continuous" -> List.of("mae", "rmse", "coverage90");
                case "episode" -> List.of("risk", "rank", "percentile");
                case "validity" -> List.of("spearman", "p");
                case "count" -> List.of("crps", "mae");
                default -> List.of("brier", "brier_skill", "log", "auroc");
            };
        }
    }

    /** One bargaining run: the whole history. */
    record Bargain(BargainingProblem problem, SmpHistory history, int maxTurns) implements StudyResult {}

    /**
     * A sweep: the design ({@code levels[point][factor]}, a Double or a category's label) and every run's row
     * ({@code rows[point * replicates + replicate]}: per output its mean over {@code from..} (summary) or its value
     * in every year, output-major (series)).
     */
    record Sweep(
            Scenario scenario,
            String design,
            List<String> factors,
            Object[][] levels,
            int replicates,
            List<String> outputs,
            String table,
            int from,
            int firstYear,
            int years,
            double[][] rows)
            implements StudyResult {
        public boolean series() {
            return table.equals("series");
        }

        /** Output o's mean over the replicates of point p (summary tables; NaN runs skipped). */
        public double mean(int p, int o) {
            double s = 0;
            int n = 0;
            for (int k = 0; k < replicates; k++) {
                double v = rows[p * replicates + k][o];
                if (!Double.isNaN(v)) {
                    s += v;
                    n++;
                }
            }
            return n == 0 ? Double.NaN : s / n;
        }
    }

    /**
     * A bargaining ensemble: every run's row ({@code rows[r]}: turns, converged (1/0), weighted outcome per
     * dimension, final position per actor and dimension (actor-major, 0–100), final probability per actor) and the
     * distributions over runs.
     */
    record BargainEnsemble(
            BargainingProblem problem, Perturbation perturbation, double[][] rows, BargainSummary summary)
            implements StudyResult {
        public int runs() {
            return rows.length;
        }
    }
}
