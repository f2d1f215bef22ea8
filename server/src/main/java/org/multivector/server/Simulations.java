package org.multivector.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.multivector.engine.CompiledScenario;
import org.multivector.engine.Engine;
import org.multivector.engine.Trajectory;
import org.multivector.engine.Variable;
import org.multivector.model.Actor;
import org.multivector.model.Scenario;
import org.multivector.model.StrategySpec;
import org.multivector.store.ResultsDatabase;
import org.multivector.study.CompareJob;
import org.multivector.study.CompareStats;
import org.multivector.study.EnsembleJob;
import org.multivector.study.ScenarioSpec;
import org.multivector.study.SeriesStats;
import org.multivector.study.StudyRunner;
import org.multivector.study.ThreadExecutor;

/**
 * The simulations a job can run — {@code run}, {@code ensemble}, {@code compare} — with the same
 * engine, study jobs and results database as the command line, so a study started in the browser
 * is the same study (same id, same bits) as its CLI twin.
 */
final class Simulations {
    private final Scenarios scenarios;
    private final ServerConfig config;
    private final Object dbLock;

    private final Runnable onWrite;

    Simulations(Scenarios scenarios, ServerConfig config, Object dbLock, Runnable onWrite) {
        this.scenarios = scenarios;
        this.config = config;
        this.dbLock = dbLock;
        this.onWrite = onWrite;
    }

    /** A validated request: everything a job needs, or a 400 naming the bad field. */
    record Request(
            String kind,
            String scenario,
            long seed,
            long runs,
            String actor,
            List<String> strategies,
            int from,
            Map<String, String> overrides) {
        Map<String, Object> json() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("kind", kind);
            m.put("scenario", scenario);
            m.put("seed", seed);
            m.put("runs", runs);
            if (!overrides.isEmpty()) {
                m.put("overrides", overrides);
            }
            if (kind.equals("compare")) {
                m.put("actor", actor);
                m.put("strategies", strategies);
                m.put("from", from);
            }
            return m;
        }
    }

    Request parse(Map<String, Object> body) {
        String kind = string(body, "kind", "ensemble");
        if (!List.of("run", "ensemble", "compare").contains(kind)) {
            throw new ApiException(400, "kind: '" + kind + "' is not run, ensemble or compare");
        }
        String scenario = string(body, "scenario", "central-asia");
        Scenario s = scenarios.load(scenario);
        long seed = number(body, "seed", 1992, Long.MIN_VALUE, Long.MAX_VALUE);
        long runs = kind.equals("run") ? 1 : number(body, "runs", 1000, 1, config.maxRuns());
        String actor = string(body, "actor", "KAZ");
        List<String> strategies = new ArrayList<>();
        int from = 0;
        if (kind.equals("compare")) {
            int dflt = Math.max(s.time().start() + 1, Math.min(2024, s.time().end()));
            from = (int)
                    number(body, "from", dflt, s.time().start() + 1, s.time().end());
            if (s.regionalStates().stream().map(Actor::id).noneMatch(actor::equals)) {
                throw new ApiException(400, "actor: '" + actor + "' is not a regional state of " + s.name());
            }
            Object raw = body.getOrDefault(
                    "strategies",
                    List.of("multi-vector", "bandwagon:RUS", "bandwagon:CHN", "bandwagon:WEST", "neutral"));
            if (!(raw instanceof List<?> list) || list.size() < 2 || list.size() > 8) {
                throw new ApiException(400, "strategies: expected a list of 2 to 8 strategies");
            }
            for (Object o : list) {
                String text = String.valueOf(o);
                strategy(s, "strategies", text);
                strategies.add(text);
            }
        }
        Map<String, String> overrides = new LinkedHashMap<>();
        Object rawOverrides = body.get("overrides");
        if (rawOverrides != null) {
            if (!(rawOverrides instanceof Map<?, ?> map)) {
                throw new ApiException(400, "overrides: expected {STATE: STRATEGY, ...}");
            }
            for (Map.Entry<?, ?> e : map.entrySet()) {
                String state = String.valueOf(e.getKey());
                String text = String.valueOf(e.getValue());
                if (s.regionalStates().stream().map(Actor::id).noneMatch(state::equals)) {
                    throw new ApiException(400, "overrides: '" + state + "' is not a regional state of " + s.name());
                }
                if (kind.equals("compare") && state.equals(actor)) {
                    throw new ApiException(
                            400,
                            "overrides: " + state + " is the compared actor; its strategies are" + " the comparison's");
                }
                strategy(s, "overrides." + state, text);
                overrides.put(state, text);
            }
        }
        return new Request(kind, scenario, seed, runs, actor, strategies, from, overrides);
    }

    /** A strategy valid in this scenario (known kind, existing pole), or a 400 naming the field. */
    private static StrategySpec strategy(Scenario s, String field, String text) {
        try {
            StrategySpec spec = StrategySpec.parse(text);
            if (spec.pole() != null && s.poles().stream().noneMatch(p -> p.id().equals(spec.pole()) && !p.residual())) {
                throw new IllegalArgumentException("unknown pole '" + spec.pole() + "'");
            }
            return spec;
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, field + ": '" + text + "': " + e.getMessage());
        }
    }

    JobManager.Work work(Request r) {
        return job -> switch (r.kind()) {
            case "run" -> run(r, job);
            case "ensemble" -> ensemble(r, job);
            default -> compare(r, job);
        };
    }

    /** The scenario with the request's strategy overrides (its hash, and so the study id, records them). */
    private Scenario configured(Request r) {
        Scenario s = scenarios.load(r.scenario());
        for (Map.Entry<String, String> e : r.overrides().entrySet()) {
            s = s.withStrategy(e.getKey(), StrategySpec.parse(e.getValue()));
        }
        return s;
    }

    private ScenarioSpec spec(Request r) {
        return new ScenarioSpec(r.scenario() + ".yaml", scenarios.bytes(r.scenario()), 0, 0, r.overrides(), Map.of());
    }

    private Map<String, Object> run(Request r, JobManager.Job job) throws Exception {
        Scenario s = configured(r);
        job.progress(0, 1);
        Trajectory t = new Engine(CompiledScenario.of(s)).run(r.seed(), 0);
        String studyId = s.hash() + "-" + r.seed();
        write(db -> db.writeRun(study(studyId, "run", s, r, "single"), t));
        Map<String, Object> out = base(studyId, s, r);
        List<Integer> years = new ArrayList<>();
        for (int y = t.firstYear(); y <= t.lastYear(); y++) {
            years.add(y);
        }
        out.put("years", years);
        out.put("rsi", series(t, Variable.REGION, "rsi"));
        Map<String, Object> balance = new LinkedHashMap<>();
        for (Actor a : s.regionalStates()) {
            balance.put(a.id(), series(t, a.id(), "balance"));
        }
        out.put("balance", balance);
        job.progress(1, 1);
        return out;
    }

    private Map<String, Object> ensemble(Request r, JobManager.Job job) throws Exception {
        Scenario s = configured(r);
        ScenarioSpec spec = spec(r);
        EnsembleJob ej = new EnsembleJob(spec, r.seed(), r.runs());
        SeriesStats st;
        try (ThreadExecutor ex = new ThreadExecutor(config.threads())) {
            st = StudyRunner.run(ej, ex, "api", null, false, 0, job::progress, job::stopRequested);
        }
        String studyId = s.hash() + "-ensemble-" + r.seed() + "-" + r.runs();
        CompiledScenario c = spec.compiled();
        List<Variable> vars = c.variables();
        write(db -> db.writeEnsemble(
                study(studyId, "ensemble", s, r, "threads(" + config.threads() + ")"),
                "scenario",
                vars,
                c.firstYear(),
                st));
        Map<String, Object> out = base(studyId, s, r);
        List<Integer> years = new ArrayList<>();
        for (int y = 0; y < st.years(); y++) {
            years.add(c.firstYear() + y);
        }
        out.put("years", years);
        out.put("rsi", bands(st, vars.indexOf(new Variable(Variable.REGION, "rsi"))));
        Map<String, Object> balance = new LinkedHashMap<>();
        for (Actor a : s.regionalStates()) {
            balance.put(a.id(), bands(st, vars.indexOf(new Variable(a.id(), "balance"))));
        }
        out.put("balance", balance);
        return out;
    }

    private Map<String, Object> compare(Request r, JobManager.Job job) throws Exception {
        Scenario s = configured(r);
        ScenarioSpec spec = spec(r);
        CompareJob cj = new CompareJob(spec, r.actor(), r.strategies(), r.from(), r.seed(), r.runs());
        CompareStats st;
        try (ThreadExecutor ex = new ThreadExecutor(config.threads())) {
            st = StudyRunner.run(cj, ex, "api", null, false, 0, job::progress, job::stopRequested);
        }
        String studyId = s.hash() + "-compare-" + r.actor() + "-" + r.from() + "-" + r.seed() + "-" + r.runs() + "-"
                + Integer.toHexString(String.join(",", r.strategies()).hashCode());
        CompiledScenario c = spec.compiled();
        write(db -> db.writeComparison(
                study(studyId, "compare", s, r, "threads(" + config.threads() + ")"),
                cj,
                c.variables(),
                c.firstYear(),
                st));
        Map<String, Object> out = base(studyId, s, r);
        List<Map<String, Object>> rows = new ArrayList<>();
        List<String> metrics = cj.metricNames();
        for (int k = 0; k < r.strategies().size(); k++) {
            for (int m = 0; m < metrics.size(); m++) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("strategy", r.strategies().get(k));
                row.put("metric", metrics.get(m));
                row.put("better", cj.better()[m] > 0 ? "higher" : "lower");
                row.put("mean", finite(st.mean(k, m)));
                row.put("diff", k == 0 ? null : finite(st.meanDiff(k, m)));
                row.put("lo", k == 0 ? null : finite(st.meanDiff(k, m) - st.diffHalfWidth(k, m)));
                row.put("hi", k == 0 ? null : finite(st.meanDiff(k, m) + st.diffHalfWidth(k, m)));
                row.put("pBetter", k == 0 ? null : finite(st.pBetter(k, m)));
                rows.add(row);
            }
        }
        out.put("baseline", r.strategies().get(0));
        out.put("rows", rows);
        return out;
    }

    private interface DbAction {
        void run(ResultsDatabase db) throws Exception;
    }

    private void write(DbAction a) throws Exception {
        synchronized (dbLock) {
            ResultsDatabase.with(config.dataDir(), db -> {
                try {
                    a.run(db);
                } catch (java.sql.SQLException | RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        }
        onWrite.run();
    }

    private ResultsDatabase.Study study(String id, String kind, Scenario s, Request r, String executor)
            throws Exception {
        Map<String, Object> manifest = new LinkedHashMap<>(r.json());
        manifest.put("tool", "multivector serve");
        manifest.put("scenarioHash", s.hash());
        return new ResultsDatabase.Study(
                id,
                kind,
                s.name(),
                s.hash(),
                r.seed(),
                r.runs(),
                executor,
                new ObjectMapper().writeValueAsString(manifest));
    }

    private static Map<String, Object> base(String studyId, Scenario s, Request r) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("studyId", studyId);
        out.put("scenario", s.name());
        out.put("scenarioHash", s.hash());
        out.put("request", r.json());
        return out;
    }

    private static Map<String, Object> bands(SeriesStats st, int k) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (double q : new double[] {0.05, 0.25, 0.5, 0.75, 0.95}) {
            List<Double> v = new ArrayList<>();
            for (int y = 0; y < st.years(); y++) {
                v.add(finite(st.quantile(y, k, q)));
            }
            m.put(String.format("p%02d", Math.round(q * 100)), v);
        }
        List<Double> mean = new ArrayList<>();
        for (int y = 0; y < st.years(); y++) {
            mean.add(finite(st.mean(y, k)));
        }
        m.put("mean", mean);
        return m;
    }

    private static List<Double> series(Trajectory t, String actor, String name) {
        int k = t.indexOf(actor, name);
        List<Double> v = new ArrayList<>();
        for (int y = t.firstYear(); y <= t.lastYear(); y++) {
            v.add(finite(t.value(y, k)));
        }
        return v;
    }

    static Double finite(double x) {
        return Double.isFinite(x) ? x : null;
    }

    private static String string(Map<String, Object> body, String key, String dflt) {
        Object v = body.get(key);
        if (v == null) {
            return dflt;
        }
        if (!(v instanceof String s)) {
            throw new ApiException(400, key + ": expected text");
        }
        return s;
    }

    private static long number(Map<String, Object> body, String key, long dflt, long lo, long hi) {
        Object v = body.get(key);
        if (v == null) {
            return dflt;
        }
        if (!(v instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
            throw new ApiException(400, key + ": expected a whole number");
        }
        long x = n.longValue();
        if (x < lo || x > hi) {
            throw new ApiException(400, key + ": " + x + " is outside " + lo + ".." + hi);
        }
        return x;
    }
}
