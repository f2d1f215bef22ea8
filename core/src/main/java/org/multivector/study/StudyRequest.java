package org.multivector.study;

/**
 * What a user asks for: one study of one kind with typed, validated fields. Every adapter — the command line,
 * the HTTP API and dashboard, a notebook — builds one of these and hands it to {@link StudyService}; the service
 * resolves scenario-dependent defaults, names the study ({@link StudyRecord}) and runs it on any
 * {@link StudyExecutor}. A field left null takes the default its record documents.
 *
 * <p>Field names are the request's vocabulary in messages ({@link RequestException}), in manifests and in the
 * API's JSON; the command line spells them as options ({@code runsPerPoint} → {@code --runs-per-point}).
 */
public sealed interface StudyRequest
        permits RunRequest,
                EnsembleRequest,
                CompareRequest,
                SensitivityRequest,
                DiscoverRequest,
                CalibrateRequest,
                BacktestRequest,
                BargainRequest,
                SweepRequest {
    /** The master seed of the model runs ({@link #SEED_DEFAULT}: the year of the multi-vector doctrine). */
    long SEED_DEFAULT = 1992;

    /** Most runs a study may ask for. */
    long RUNS_MAX = 1_000_000_000L;

    /** The study kind, as named on the command line and in the API: {@code run}, {@code ensemble}, … */
    String kind();

    /** The scenario and its configuration; null for kinds without one (bargain). */
    ScenarioChoice scenario();

    /** Every kind, in the order the documentation lists them. */
    static java.util.List<String> kinds() {
        return java.util.List.of(
                "run", "ensemble", "compare", "sensitivity", "discover", "calibrate", "backtest", "bargain", "sweep");
    }

    /** The request type of a kind, for adapters that read requests from JSON. */
    static Class<? extends StudyRequest> type(String kind) {
        return switch (kind) {
            case "run" -> RunRequest.class;
            case "ensemble" -> EnsembleRequest.class;
            case "compare" -> CompareRequest.class;
            case "sensitivity" -> SensitivityRequest.class;
            case "discover" -> DiscoverRequest.class;
            case "calibrate" -> CalibrateRequest.class;
            case "backtest" -> BacktestRequest.class;
            case "bargain" -> BargainRequest.class;
            case "sweep" -> SweepRequest.class;
            default ->
                throw new RequestException(java.util.List.of(new RequestException.FieldProblem(
                        "kind",
                        "'" + kind + "' is not a study kind (expected one of " + String.join(", ", kinds()) + ")",
                        org.multivector.scenario.Suggestions.didYouMean(kind, kinds()))));
        };
    }

    static long orDefault(Long v, long d) {
        return v != null ? v : d;
    }

    static int orDefault(Integer v, int d) {
        return v != null ? v : d;
    }
}
