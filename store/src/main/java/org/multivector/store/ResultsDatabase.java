package org.multivector.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.multivector.engine.Trajectory;
import org.multivector.engine.Variable;
import org.multivector.study.CompareStats;
import org.multivector.study.SeriesStats;
import org.multivector.study.StudyRecord;
import org.multivector.study.StudyResult;

/**
 * The results database, {@code results.duckdb}: one file per output directory holding every study
 * written there. Tables (docs/RESULTS.md has their columns and example SQL):
 * <ul>
 *   <li>{@code studies}: one row per run, ensemble or comparison, with its manifest (JSON);
 *   <li>{@code run_values}: a single run's values, tidy (year × actor × variable);
 *   <li>{@code series}: ensemble and comparison summaries per strategy, year, actor and variable
 *       (count, mean, sd, min, 5/25/50/75/95 % quantiles, max);
 *   <li>{@code comparisons}: each strategy's mean outcome and paired difference from the baseline,
 *       with its 95 % confidence interval and P(better);
 *   <li>view {@code incidents}: incident and unrest frequencies per dyad/state and year.
 * </ul>
 * Each study is written in one transaction, so a reader never sees half a study; bulk rows go
 * through DuckDB's appender.
 */
public final class ResultsDatabase implements AutoCloseable {
    public static final String FILE = "results.duckdb";

    /** Tables with one or more rows per study (besides {@code studies}). */
    public static final List<String> STUDY_TABLES = List.of(
            "run_values",
            "series",
            "comparisons",
            "decomposition",
            "sensitivity",
            "discovery_trajectory",
            "discovery_box",
            "scores",
            "calibration",
            "calibration_trace",
            "bargain_positions",
            "bargain_outcomes",
            "sweep_points",
            "sweep_runs");

    private final Connection conn;

    /** What identifies a study. */
    public record Study(
            String studyId,
            String kind,
            String scenario,
            String scenarioHash,
            long seed,
            long runs,
            String executor,
            String manifestJson) {}

    private ResultsDatabase(Connection conn) {
        this.conn = conn;
    }

    public static ResultsDatabase open(Path file) throws SQLException {
        Connection c = DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath());
        ResultsDatabase db = new ResultsDatabase(c);
        db.createSchema();
        return db;
    }

    /** Something done with the open database. */
    public interface Action {
        void run(ResultsDatabase db) throws SQLException;
    }

    /** Thrown when another process held the database for longer than {@link #lockWaitMillis()}. */
    public static final class Locked extends SQLException {
        private static final long serialVersionUID = 1L;

        Locked(SQLException cause) {
            super("held by another process", cause);
        }
    }

    /**
     * How long a process waits for another's lock on the database: 60 s, or the system property
     * {@code multivector.lockWaitSeconds} (0..3600).
     */
    public static long lockWaitMillis() {
        long s = Long.getLong("multivector.lockWaitSeconds", 60);
        return Math.max(0, Math.min(3600, s)) * 1000;
    }

    /** Whether a DuckDB error says another process (or connection) holds the file. */
    static boolean isLockConflict(SQLException e) {
        String m = String.valueOf(e.getMessage());
        return m.contains("lock") || m.contains("Conflicting");
    }

    /**
     * Whether an open may succeed if tried again: the file is held, or is being created by another process (DuckDB
     * creates the file before it writes its header, and an open in between finds "not a valid DuckDB database
     * file").
     */
    static boolean isTransient(SQLException e) {
        return isLockConflict(e) || String.valueOf(e.getMessage()).contains("not a valid DuckDB database file");
    }

    /**
     * Opens {@code dir/results.duckdb} and runs the action. DuckDB allows one writing process at a time; while
     * another process holds the file, this waits and retries (with back-off from 10 ms to 500 ms) for up to
     * {@link #lockWaitMillis()}, then throws {@link Locked}.
     */
    public static void with(Path dir, Action action) throws SQLException {
        try (ResultsDatabase db = waiting(() -> open(dir.resolve(FILE)), lockWaitMillis(), 500)) {
            action.run(db);
        }
    }

    /**
     * Opens {@code file} for reading only, which other readers may share but no writer; waits like {@link #with}
     * (back-off up to 200 ms) for at most {@code waitMillis}, then throws {@link Locked}.
     */
    public static ResultsDatabase openReadOnly(Path file, long waitMillis) throws SQLException {
        java.util.Properties p = new java.util.Properties();
        p.setProperty("duckdb.read_only", "true");
        // a reader (the server) answers small queries: it needs neither DuckDB's default memory (80 % of the
        // machine's) nor a thread per core
        p.setProperty("memory_limit", "64MB");
        p.setProperty("threads", "1");
        return waiting(
                () -> new ResultsDatabase(DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath(), p)),
                waitMillis,
                200);
    }

    private interface Opener {
        ResultsDatabase open() throws SQLException;
    }

    /** Opens, retrying while another process holds the file, with doubling pauses up to {@code maxPause} ms. */
    private static ResultsDatabase waiting(Opener opener, long waitMillis, long maxPause) throws SQLException {
        long deadline = System.nanoTime() + waitMillis * 1_000_000L;
        long pause = 10;
        while (true) {
            try {
                return opener.open();
            } catch (SQLException e) {
                if (!isTransient(e)) {
                    throw e;
                }
                if (System.nanoTime() >= deadline) {
                    throw isLockConflict(e) ? new Locked(e) : e;
                }
                try {
                    Thread.sleep(pause);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw new Locked(e);
                }
                pause = Math.min(maxPause, pause * 2);
            }
        }
    }

    /** The manifest (JSON) stored for a study, or null. */
    public String manifest(String studyId) throws SQLException {
        try (PreparedStatement ps =
                conn.prepareStatement("SELECT CAST(manifest AS VARCHAR) FROM studies WHERE study_id = ?")) {
            ps.setString(1, studyId);
            try (var rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    public Connection connection() {
        return conn;
    }

    private void createSchema() throws SQLException {
        try (Statement s = conn.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS studies (study_id VARCHAR PRIMARY KEY, kind VARCHAR NOT NULL,"
                    + " scenario VARCHAR, scenario_hash VARCHAR, seed BIGINT, runs BIGINT, executor VARCHAR,"
                    + " created TIMESTAMP DEFAULT current_timestamp, manifest JSON)");
            s.execute("CREATE TABLE IF NOT EXISTS run_values (study_id VARCHAR, run_index BIGINT, year INTEGER,"
                    + " actor VARCHAR, variable VARCHAR, value DOUBLE)");
            s.execute("CREATE TABLE IF NOT EXISTS series (study_id VARCHAR, strategy VARCHAR, year INTEGER,"
                    + " actor VARCHAR, variable VARCHAR, n BIGINT, mean DOUBLE, sd DOUBLE, min DOUBLE, p05 DOUBLE,"
                    + " p25 DOUBLE, p50 DOUBLE, p75 DOUBLE, p95 DOUBLE, max DOUBLE)");
            s.execute("CREATE TABLE IF NOT EXISTS comparisons (study_id VARCHAR, actor VARCHAR, branch_year INTEGER,"
                    + " strategy VARCHAR, baseline VARCHAR, metric VARCHAR, better VARCHAR, mean DOUBLE,"
                    + " diff DOUBLE, diff_lo DOUBLE, diff_hi DOUBLE, p_better DOUBLE, runs BIGINT)");
            s.execute("CREATE TABLE IF NOT EXISTS decomposition (study_id VARCHAR, strategy VARCHAR, baseline VARCHAR,"
                    + " channel VARCHAR, carried DOUBLE, delta_rsi DOUBLE, runs BIGINT)");
            // a database written before the decomposition had its own runs gains the column (null in its rows)
            s.execute("ALTER TABLE decomposition ADD COLUMN IF NOT EXISTS runs BIGINT");
            s.execute("CREATE TABLE IF NOT EXISTS sensitivity (study_id VARCHAR, method VARCHAR, output VARCHAR,"
                    + " parameter VARCHAR, mu DOUBLE, mu_star DOUBLE, sigma DOUBLE, s1 DOUBLE, s1_lo DOUBLE,"
                    + " s1_hi DOUBLE, st DOUBLE, st_lo DOUBLE, st_hi DOUBLE)");
            s.execute("CREATE TABLE IF NOT EXISTS discovery_trajectory (study_id VARCHAR, step INTEGER,"
                    + " chosen BOOLEAN, points INTEGER, cases INTEGER, coverage DOUBLE, density DOUBLE, support DOUBLE,"
                    + " restricted INTEGER)");
            s.execute("CREATE TABLE IF NOT EXISTS discovery_box (study_id VARCHAR, parameter VARCHAR, lo DOUBLE,"
                    + " hi DOUBLE, range_lo DOUBLE, range_hi DOUBLE, quasi_p DOUBLE)");
            s.execute("CREATE TABLE IF NOT EXISTS scores (study_id VARCHAR, pattern VARCHAR, forecast VARCHAR,"
                    + " n BIGINT, metric VARCHAR, value DOUBLE)");
            s.execute("CREATE TABLE IF NOT EXISTS calibration (study_id VARCHAR, parameter VARCHAR, start DOUBLE,"
                    + " fitted DOUBLE, min DOUBLE, max DOUBLE)");
            s.execute("CREATE TABLE IF NOT EXISTS calibration_trace (study_id VARCHAR, evaluation INTEGER,"
                    + " loss DOUBLE, best DOUBLE)");
            s.execute("CREATE TABLE IF NOT EXISTS bargain_positions (study_id VARCHAR, run_index BIGINT,"
                    + " turn INTEGER, actor VARCHAR, dimension VARCHAR, position DOUBLE, ideal DOUBLE,"
                    + " win_probability DOUBLE)");
            s.execute("CREATE TABLE IF NOT EXISTS bargain_outcomes (study_id VARCHAR, run_index BIGINT,"
                    + " turns INTEGER, converged BOOLEAN, dimension VARCHAR, outcome DOUBLE)");
            s.execute("CREATE TABLE IF NOT EXISTS sweep_points (study_id VARCHAR, point INTEGER, factor VARCHAR,"
                    + " value DOUBLE, label VARCHAR)");
            s.execute("CREATE TABLE IF NOT EXISTS sweep_runs (study_id VARCHAR, point INTEGER, replicate INTEGER,"
                    + " year INTEGER, actor VARCHAR, variable VARCHAR, value DOUBLE)");
            s.execute("CREATE OR REPLACE VIEW incidents AS SELECT study_id, strategy, year, actor,"
                    + " variable, n, mean AS frequency FROM series"
                    + " WHERE variable IN ('incident', 'unrest', 'hazard', 'unrest.p')");
        }
    }

    private void begin(Study study) throws SQLException {
        try (Statement s = conn.createStatement()) {
            s.execute("BEGIN TRANSACTION");
        }
        try (PreparedStatement del = conn.prepareStatement("DELETE FROM studies WHERE study_id = ?")) {
            del.setString(1, study.studyId());
            del.executeUpdate();
        }
        for (String table : STUDY_TABLES) {
            try (PreparedStatement del = conn.prepareStatement("DELETE FROM " + table + " WHERE study_id = ?")) {
                del.setString(1, study.studyId());
                del.executeUpdate();
            }
        }
        try (PreparedStatement ins = conn.prepareStatement("INSERT INTO studies (study_id, kind, scenario,"
                + " scenario_hash, seed, runs, executor, manifest) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            ins.setString(1, study.studyId());
            ins.setString(2, study.kind());
            ins.setString(3, study.scenario());
            ins.setString(4, study.scenarioHash());
            ins.setLong(5, study.seed());
            ins.setLong(6, study.runs());
            ins.setString(7, study.executor());
            ins.setString(8, study.manifestJson());
            ins.executeUpdate();
        }
    }

    /** The body of a study's write, run inside its transaction. */
    private interface Body {
        void run() throws SQLException;
    }

    /** Replaces the study's rows and runs {@code body} in one transaction; any failure rolls everything back. */
    private void write(Study study, Body body) throws SQLException {
        try {
            begin(study);
            body.run();
            commit();
        } catch (SQLException | RuntimeException e) {
            rollbackQuietly();
            throw e;
        }
    }

    private void commit() throws SQLException {
        try (Statement s = conn.createStatement()) {
            s.execute("COMMIT");
        }
    }

    private void rollbackQuietly() {
        try (Statement s = conn.createStatement()) {
            s.execute("ROLLBACK");
        } catch (SQLException ignored) {
            // the original failure is what matters
        }
    }

    /** Writes a single run. */
    public void writeRun(Study study, Trajectory t) throws SQLException {
        write(study, () -> {
            List<Variable> vars = t.variables();
            try (DuckDBAppender a =
                    ((DuckDBConnection) conn).createAppender(DuckDBConnection.DEFAULT_SCHEMA, "run_values")) {
                for (int y = t.firstYear(); y <= t.lastYear(); y++) {
                    for (int v = 0; v < vars.size(); v++) {
                        double x = t.value(y, v);
                        a.beginRow();
                        a.append(study.studyId());
                        a.append(t.runIndex());
                        a.append(y);
                        a.append(vars.get(v).actor());
                        a.append(vars.get(v).name());
                        if (Double.isNaN(x)) {
                            a.appendNull();
                        } else {
                            a.append(x);
                        }
                        a.endRow();
                    }
                }
            }
        });
    }

    /** Writes an ensemble's summary (strategy column: the label given, e.g. "scenario"). */
    public void writeEnsemble(Study study, String strategy, List<Variable> vars, int firstYear, SeriesStats s)
            throws SQLException {
        write(study, () -> {
            appendSeries(study.studyId(), strategy, vars, firstYear, s);
        });
    }

    /** Writes a comparison: the outcome table and the bands of each strategy. */
    public void writeComparison(Study study, StudyResult.Comparison c) throws SQLException {
        write(study, () -> {
            List<String> strategies = c.strategies();
            List<String> metrics = c.metrics();
            CompareStats s = c.stats();
            try (DuckDBAppender a =
                    ((DuckDBConnection) conn).createAppender(DuckDBConnection.DEFAULT_SCHEMA, "comparisons")) {
                for (int st = 0; st < strategies.size(); st++) {
                    for (int m = 0; m < metrics.size(); m++) {
                        double diff = s.meanDiff(st, m);
                        double half = s.diffHalfWidth(st, m);
                        a.beginRow();
                        a.append(study.studyId());
                        a.append(c.actor());
                        a.append(c.branchYear());
                        a.append(strategies.get(st));
                        a.append(strategies.get(0));
                        a.append(metrics.get(m));
                        a.append(c.better().get(m) > 0 ? "higher" : "lower");
                        a.append(s.mean(st, m));
                        a.append(diff);
                        appendNullable(a, diff - half);
                        appendNullable(a, diff + half);
                        a.append(s.pBetter(st, m));
                        a.append(s.runs());
                        a.endRow();
                    }
                }
            }
            for (int st = 0; st < strategies.size(); st++) {
                appendSeries(study.studyId(), strategies.get(st), c.variables(), c.firstYear(), s.bands(st));
            }
            StudyResult.Decomposition d = c.decomposition();
            if (d != null) {
                try (DuckDBAppender a =
                        ((DuckDBConnection) conn).createAppender(DuckDBConnection.DEFAULT_SCHEMA, "decomposition")) {
                    for (int st = 1; st < strategies.size(); st++) {
                        for (int ch = 0; ch <= d.channels().size(); ch++) {
                            a.beginRow();
                            a.append(study.studyId());
                            a.append(strategies.get(st));
                            a.append(strategies.get(0));
                            a.append(
                                    ch < d.channels().size()
                                            ? d.channels().get(ch).id()
                                            : "interaction");
                            appendNullable(a, ch < d.channels().size() ? d.carried()[st][ch] : d.interaction(st));
                            appendNullable(a, d.total(st));
                            a.append(d.runs());
                            a.endRow();
                        }
                    }
                }
            }
        });
    }

    /** Writes any finished study: its row in {@code studies} and the rows of its kind, in one transaction. */
    public void write(StudyRecord r, StudyResult result) throws SQLException {
        Study study = new Study(
                r.id(), r.kind(), r.scenario(), r.scenarioHash(), r.seed(), r.runs(), r.executor(), r.manifestJson());
        if (result instanceof StudyResult.Run x) {
            writeRun(study, x.trajectory());
        } else if (result instanceof StudyResult.Ensemble x) {
            writeEnsemble(study, "scenario", x.variables(), x.firstYear(), x.stats());
        } else if (result instanceof StudyResult.Comparison x) {
            writeComparison(study, x);
        } else if (result instanceof StudyResult.Sensitivity x) {
            writeSensitivity(study, x.method(), x.rows());
        } else if (result instanceof StudyResult.Discovery x) {
            writeDiscovery(study, x);
        } else if (result instanceof StudyResult.Fit x) {
            writeFit(study, x);
        } else if (result instanceof StudyResult.Backtest x) {
            List<ScoreRow> rows = new java.util.ArrayList<>();
            for (StudyResult.Scored sc : x.scores()) {
                List<String> metrics = sc.metrics();
                sc.scores().forEach((forecast, v) -> {
                    for (int m = 0; m < metrics.size(); m++) {
                        rows.add(new ScoreRow(sc.pattern(), forecast, sc.n(), metrics.get(m), v[m]));
                    }
                });
            }
            writeBacktest(study, "known-at-" + x.cut(), x.variables(), x.firstYear(), x.stats(), rows);
        } else if (result instanceof StudyResult.Bargain x) {
            writeBargain(study, x);
        } else if (result instanceof StudyResult.BargainEnsemble x) {
            writeBargain(study, x);
        } else if (result instanceof StudyResult.Sweep x) {
            writeSweep(study, x);
        } else {
            throw new IllegalStateException("no table for " + result.getClass());
        }
    }

    /**
     * A sweep: its design in {@code sweep_points} (one row per point and factor: a number in {@code value}, a
     * strategy in {@code label}) and its runs in {@code sweep_runs} ({@code year} null for a summary row, the mean
     * from the study's {@code from}); docs/RESULTS.md shows the PIVOT that puts the factors in columns.
     */
    private void writeSweep(Study study, StudyResult.Sweep s) throws SQLException {
        write(study, () -> {
            try (DuckDBAppender a =
                    ((DuckDBConnection) conn).createAppender(DuckDBConnection.DEFAULT_SCHEMA, "sweep_points")) {
                for (int p = 0; p < s.levels().length; p++) {
                    for (int f = 0; f < s.factors().size(); f++) {
                        Object v = s.levels()[p][f];
                        a.beginRow();
                        a.append(study.studyId());
                        a.append(p);
                        a.append(s.factors().get(f));
                        if (v instanceof Double d) {
                            a.append(d);
                            a.appendNull();
                        } else {
                            a.appendNull();
                            a.append(String.valueOf(v));
                        }
                        a.endRow();
                    }
                }
            }
            try (DuckDBAppender a =
                    ((DuckDBConnection) conn).createAppender(DuckDBConnection.DEFAULT_SCHEMA, "sweep_runs")) {
                for (int p = 0; p < s.levels().length; p++) {
                    for (int k = 0; k < s.replicates(); k++) {
                        double[] row = s.rows()[p * s.replicates() + k];
                        for (int o = 0; o < s.outputs().size(); o++) {
                            String[] av = s.outputs().get(o).split("\\.", 2);
                            int years = s.series() ? s.years() : 1;
                            for (int y = 0; y < years; y++) {
                                a.beginRow();
                                a.append(study.studyId());
                                a.append(p);
                                a.append(k);
                                if (s.series()) {
                                    a.append(s.firstYear() + y);
                                } else {
                                    a.appendNull();
                                }
                                a.append(av[0]);
                                a.append(av[1]);
                                a.append(row[o * years + y]);
                                a.endRow();
                            }
                        }
                    }
                }
            }
        });
    }

    private void writeFit(Study study, StudyResult.Fit f) throws SQLException {
        org.multivector.validate.Calibration.Result r = f.search();
        List<ScoreRow> scores = new java.util.ArrayList<>();
        for (int p = 0; p < f.targets().patterns().size(); p++) {
            org.multivector.validate.CalibrationTargets.Pattern pt =
                    f.targets().patterns().get(p);
            String metric = pt.binary() ? "brier" : "mae";
            scores.add(new ScoreRow(pt.id(), "start", pt.n(), metric, r.start().losses()[p]));
            scores.add(new ScoreRow(pt.id(), "fitted", pt.n(), metric, r.best().losses()[p]));
            scores.add(new ScoreRow(pt.id(), "climatology", pt.n(), metric, pt.reference()));
        }
        List<FittedParameter> params = new java.util.ArrayList<>();
        for (int i = 0; i < f.fitted().size(); i++) {
            org.multivector.model.Parameter p = f.fitted().get(i);
            params.add(new FittedParameter(p.name(), p.value(), r.best().values()[i], p.min(), p.max()));
        }
        double[] losses = r.log().stream()
                .mapToDouble(org.multivector.validate.Calibration.Evaluation::combined)
                .toArray();
        writeCalibration(study, scores, params, losses, f.bestSoFar());
    }

    private void writeBargain(Study study, StudyResult.Bargain b) throws SQLException {
        org.multivector.bargain.SmpHistory h = b.history();
        org.multivector.bargain.BargainingProblem p = b.problem();
        List<BargainPosition> rows = new java.util.ArrayList<>();
        for (int t = 0; t <= h.turns(); t++) {
            for (int i = 0; i < p.actorCount(); i++) {
                for (int d = 0; d < p.dimensionCount(); d++) {
                    rows.add(new BargainPosition(
                            0,
                            t,
                            p.actors().get(i).strip(),
                            p.dimensions().get(d),
                            h.positions().get(t)[i][d] * 100,
                            h.ideals().get(t)[i][d] * 100,
                            h.winProbability().get(t)[i]));
                }
            }
        }
        List<BargainOutcome> outcomes = new java.util.ArrayList<>();
        double[] outcome = h.weightedOutcome(h.turns());
        for (int d = 0; d < p.dimensionCount(); d++) {
            outcomes.add(new BargainOutcome(
                    0,
                    h.turns(),
                    h.stopReason() == org.multivector.bargain.SmpHistory.StopReason.CONVERGED,
                    p.dimensions().get(d),
                    outcome[d] * 100));
        }
        writeBargain(study, rows, outcomes);
    }

    private void writeBargain(Study study, StudyResult.BargainEnsemble e) throws SQLException {
        org.multivector.bargain.BargainingProblem p = e.problem();
        List<BargainPosition> rows = new java.util.ArrayList<>();
        List<BargainOutcome> outcomes = new java.util.ArrayList<>();
        int n = p.actorCount();
        int dims = p.dimensionCount();
        for (int r = 0; r < e.runs(); r++) {
            double[] row = e.rows()[r];
            int turns = (int) row[0];
            for (int d = 0; d < dims; d++) {
                outcomes.add(
                        new BargainOutcome(r, turns, row[1] == 1, p.dimensions().get(d), row[2 + d]));
            }
            for (int i = 0; i < n; i++) {
                for (int d = 0; d < dims; d++) {
                    rows.add(new BargainPosition(
                            r,
                            turns,
                            p.actors().get(i).strip(),
                            p.dimensions().get(d),
                            row[2 + dims + i * dims + d],
                            Double.NaN,
                            row[2 + dims + n * dims + i]));
                }
            }
        }
        writeBargain(study, rows, outcomes);
    }

    /** One score of one forecast (model or a baseline) on one observed pattern. */
    public record ScoreRow(String pattern, String forecast, long n, String metric, double value) {}

    /** Writes a backtest: the ensemble's summary and its scores. */
    public void writeBacktest(
            Study study, String strategy, List<Variable> vars, int firstYear, SeriesStats s, List<ScoreRow> scores)
            throws SQLException {
        write(study, () -> {
            appendSeries(study.studyId(), strategy, vars, firstYear, s);
            appendScores(study.studyId(), scores);
        });
    }

    /** One fitted parameter: where the search started, where it ended, and the range. */
    public record FittedParameter(String parameter, double start, double fitted, double min, double max) {}

    /** Writes a calibration: scores per pattern (start and fitted), parameters, and the loss of every evaluation. */
    public void writeCalibration(
            Study study, List<ScoreRow> scores, List<FittedParameter> parameters, double[] loss, double[] best)
            throws SQLException {
        write(study, () -> {
            appendScores(study.studyId(), scores);
            try (DuckDBAppender a =
                    ((DuckDBConnection) conn).createAppender(DuckDBConnection.DEFAULT_SCHEMA, "calibration")) {
                for (FittedParameter p : parameters) {
                    a.beginRow();
                    a.append(study.studyId());
                    a.append(p.parameter());
                    a.append(p.start());
                    a.append(p.fitted());
                    a.append(p.min());
                    a.append(p.max());
                    a.endRow();
                }
            }
            try (DuckDBAppender a =
                    ((DuckDBConnection) conn).createAppender(DuckDBConnection.DEFAULT_SCHEMA, "calibration_trace")) {
                for (int i = 0; i < loss.length; i++) {
                    a.beginRow();
                    a.append(study.studyId());
                    a.append(i);
                    a.append(loss[i]);
                    a.append(best[i]);
                    a.endRow();
                }
            }
        });
    }

    /** One actor's position on one dimension in one state of a bargaining run (0–100 scale). */
    public record BargainPosition(
            long run, int turn, String actor, String dimension, double position, double ideal, double winProbability) {}

    /** A bargaining run's forecast on one dimension: the capability-and-salience-weighted outcome. */
    public record BargainOutcome(long run, int turns, boolean converged, String dimension, double outcome) {}

    /** Writes a bargaining run or ensemble (docs/RESULTS.md). */
    public void writeBargain(Study study, List<BargainPosition> positions, List<BargainOutcome> outcomes)
            throws SQLException {
        write(study, () -> {
            try (DuckDBAppender a =
                    ((DuckDBConnection) conn).createAppender(DuckDBConnection.DEFAULT_SCHEMA, "bargain_positions")) {
                for (BargainPosition r : positions) {
                    a.beginRow();
                    a.append(study.studyId());
                    a.append(r.run());
                    a.append(r.turn());
                    a.append(r.actor());
                    a.append(r.dimension());
                    a.append(r.position());
                    appendNullable(a, r.ideal());
                    appendNullable(a, r.winProbability());
                    a.endRow();
                }
            }
            try (DuckDBAppender a =
                    ((DuckDBConnection) conn).createAppender(DuckDBConnection.DEFAULT_SCHEMA, "bargain_outcomes")) {
                for (BargainOutcome r : outcomes) {
                    a.beginRow();
                    a.append(study.studyId());
                    a.append(r.run());
                    a.append(r.turns());
                    a.append(r.converged());
                    a.append(r.dimension());
                    a.append(r.outcome());
                    a.endRow();
                }
            }
        });
    }

    private void appendScores(String studyId, List<ScoreRow> rows) throws SQLException {
        try (DuckDBAppender a = ((DuckDBConnection) conn).createAppender(DuckDBConnection.DEFAULT_SCHEMA, "scores")) {
            for (ScoreRow r : rows) {
                a.beginRow();
                a.append(studyId);
                a.append(r.pattern());
                a.append(r.forecast());
                a.append(r.n());
                a.append(r.metric());
                appendNullable(a, r.value());
                a.endRow();
            }
        }
    }

    /** Writes a scenario discovery: PRIM's trajectory and its chosen box's limits. */
    public void writeDiscovery(Study study, StudyResult.Discovery d) throws SQLException {
        write(study, () -> {
            if (d.prim() == null) {
                return;
            }
            try (DuckDBAppender a =
                    ((DuckDBConnection) conn).createAppender(DuckDBConnection.DEFAULT_SCHEMA, "discovery_trajectory")) {
                for (int t = 0; t < d.prim().trajectory().size(); t++) {
                    org.multivector.validate.Prim.Box b = d.prim().trajectory().get(t);
                    a.beginRow();
                    a.append(study.studyId());
                    a.append(t);
                    a.append(t == d.prim().chosen());
                    a.append(b.points());
                    a.append(b.cases());
                    appendNullable(a, b.coverage());
                    appendNullable(a, b.density());
                    appendNullable(a, b.support());
                    a.append(b.restricted().size());
                    a.endRow();
                }
            }
            try (DuckDBAppender a =
                    ((DuckDBConnection) conn).createAppender(DuckDBConnection.DEFAULT_SCHEMA, "discovery_box")) {
                org.multivector.validate.Prim.Box b = d.prim().box();
                for (int k : b.restricted()) {
                    a.beginRow();
                    a.append(study.studyId());
                    a.append(d.parameters().get(k));
                    appendNullable(a, b.lo()[k]);
                    appendNullable(a, b.hi()[k]);
                    appendNullable(a, d.lo()[k]);
                    appendNullable(a, d.hi()[k]);
                    appendNullable(a, d.prim().quasiP()[k]);
                    a.endRow();
                }
            }
        });
    }

    /** Writes a sensitivity analysis. */
    public void writeSensitivity(Study study, String method, List<StudyResult.SensitivityRow> rows)
            throws SQLException {
        write(study, () -> {
            try (DuckDBAppender a =
                    ((DuckDBConnection) conn).createAppender(DuckDBConnection.DEFAULT_SCHEMA, "sensitivity")) {
                for (StudyResult.SensitivityRow r : rows) {
                    a.beginRow();
                    a.append(study.studyId());
                    a.append(method);
                    a.append(r.output());
                    a.append(r.parameter());
                    for (double v : new double[] {
                        r.mu(), r.muStar(), r.sigma(), r.s1(), r.s1Lo(), r.s1Hi(), r.st(), r.stLo(), r.stHi()
                    }) {
                        appendNullable(a, v);
                    }
                    a.endRow();
                }
            }
        });
    }

    private void appendSeries(String studyId, String strategy, List<Variable> vars, int firstYear, SeriesStats s)
            throws SQLException {
        int[] cols = s.columns();
        try (DuckDBAppender a = ((DuckDBConnection) conn).createAppender(DuckDBConnection.DEFAULT_SCHEMA, "series")) {
            for (int y = 0; y < s.years(); y++) {
                for (int k = 0; k < cols.length; k++) {
                    Variable v = vars.get(cols[k]);
                    a.beginRow();
                    a.append(studyId);
                    a.append(strategy);
                    a.append(firstYear + y);
                    a.append(v.actor());
                    a.append(v.name());
                    a.append(s.count(y, k));
                    for (double x : s.summary(y, k)) {
                        appendNullable(a, x);
                    }
                    a.endRow();
                }
            }
        }
    }

    private static void appendNullable(DuckDBAppender a, double v) throws SQLException {
        if (Double.isNaN(v)) {
            a.appendNull();
        } else {
            a.append(v);
        }
    }

    /** Copies every table to {@code dir/<table>.<format>} (format parquet or csv). */
    public List<Path> export(Path dir, String format) throws SQLException {
        if (!format.equals("parquet") && !format.equals("csv")) {
            throw new IllegalArgumentException("--format must be parquet or csv, got '" + format + "'");
        }
        List<String> tables = new java.util.ArrayList<>(List.of("studies"));
        tables.addAll(STUDY_TABLES);
        List<Path> out = new java.util.ArrayList<>();
        try (Statement s = conn.createStatement()) {
            for (String t : tables) {
                Path file = dir.resolve(t + "." + format);
                String options = format.equals("parquet") ? "(FORMAT PARQUET)" : "(FORMAT CSV, HEADER)";
                s.execute(
                        "COPY " + t + " TO '" + file.toAbsolutePath().toString().replace("'", "''") + "' " + options);
                out.add(file);
            }
        }
        return out;
    }

    @Override
    public void close() throws SQLException {
        conn.close();
    }
}
