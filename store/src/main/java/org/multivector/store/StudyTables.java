package org.multivector.store;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.multivector.bargain.BargainingProblem;
import org.multivector.bargain.ShortestDouble;
import org.multivector.bargain.SmpHistory;
import org.multivector.engine.Variable;
import org.multivector.study.StudyRecord;
import org.multivector.study.StudyResult;

/**
 * The tidy CSV tables of a study directory, one per kind (docs/RESULTS.md): {@code results.csv} of a run,
 * {@code summary.csv} of an ensemble, {@code comparison.csv}, {@code sensitivity.csv}, and a bargaining run's
 * {@code positions.csv} (KTAB's reference layout) and {@code history.csv}, an ensemble's {@code runs.csv}. Every
 * row names its study, so tables of several studies can be concatenated.
 */
final class StudyTables {
    private StudyTables() {}

    /** Writes the tables of {@code result} into {@code dir}. */
    static void write(Path dir, StudyRecord record, StudyResult result) throws IOException {
        if (result instanceof StudyResult.Run r) {
            RunDirectory.writeCsv(dir.resolve("results.csv"), r.trajectory(), record.id());
        } else if (result instanceof StudyResult.Ensemble e) {
            summary(dir.resolve("summary.csv"), record, e.variables(), e.firstYear(), e.stats());
        } else if (result instanceof StudyResult.Comparison c) {
            comparison(dir.resolve("comparison.csv"), record.id(), c);
        } else if (result instanceof StudyResult.Sensitivity s) {
            sensitivity(dir.resolve("sensitivity.csv"), record.id(), s);
        } else if (result instanceof StudyResult.Discovery d) {
            discovery(dir.resolve("discover.csv"), dir.resolve("prim.csv"), record.id(), d);
        } else if (result instanceof StudyResult.Backtest b) {
            summary(dir.resolve("summary.csv"), record, b.variables(), b.firstYear(), b.stats());
        } else if (result instanceof StudyResult.Bargain b) {
            Files.write(dir.resolve("positions.csv"), positionsCsv(b.history()));
            history(dir.resolve("history.csv"), b.history());
        } else if (result instanceof StudyResult.BargainEnsemble b) {
            runs(dir.resolve("runs.csv"), b);
        } else if (result instanceof StudyResult.Sweep s) {
            sweep(dir.resolve("sweep.csv"), record.id(), s);
            parquet(dir.resolve("sweep.csv"), dir.resolve("sweep.parquet"));
        }
        // calibrations: overlay.yaml, calibration.txt and trace.csv come with the result's files
    }

    /**
     * A sweep's tidy table: one row per run and output (summary) or per run, year and output (series), with every
     * factor as a column (numbers as numbers, a strategy as its label).
     */
    static void sweep(Path file, String studyId, StudyResult.Sweep s) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            StringBuilder head = new StringBuilder("study_id,point,replicate");
            for (String f : s.factors()) {
                head.append(',').append(RunDirectory.csv(f));
            }
            head.append(s.series() ? ",year" : ",from").append(",actor,variable,value\n");
            w.write(head.toString());
            String id = RunDirectory.csv(studyId);
            for (int p = 0; p < s.levels().length; p++) {
                StringBuilder levels = new StringBuilder();
                for (Object v : s.levels()[p]) {
                    levels.append(',')
                            .append(v instanceof Double d ? Double.toString(d) : RunDirectory.csv(v.toString()));
                }
                for (int k = 0; k < s.replicates(); k++) {
                    double[] row = s.rows()[p * s.replicates() + k];
                    String prefix = id + "," + p + "," + k + levels;
                    for (int o = 0; o < s.outputs().size(); o++) {
                        String[] av = s.outputs().get(o).split("\\.", 2);
                        String var = "," + RunDirectory.csv(av[0]) + "," + RunDirectory.csv(av[1]) + ",";
                        if (s.series()) {
                            for (int y = 0; y < s.years(); y++) {
                                double v = row[o * s.years() + y];
                                w.write(prefix + "," + (s.firstYear() + y) + var + (Double.isNaN(v) ? "" : v) + "\n");
                            }
                        } else {
                            double v = row[o];
                            w.write(prefix + "," + s.from() + var + (Double.isNaN(v) ? "" : v) + "\n");
                        }
                    }
                }
            }
        }
    }

    /** {@code csv} as Parquet, written by DuckDB (an in-memory connection: no results database involved). */
    static void parquet(Path csv, Path parquet) throws IOException {
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:duckdb:");
                java.sql.Statement st = c.createStatement()) {
            st.execute("COPY (SELECT * FROM read_csv('"
                    + csv.toAbsolutePath().toString().replace("'", "''")
                    + "', header = true)) TO '"
                    + parquet.toAbsolutePath().toString().replace("'", "''")
                    + "' (FORMAT parquet)");
        } catch (java.sql.SQLException e) {
            throw new IOException("cannot write " + parquet + ": " + e.getMessage(), e);
        }
    }

    static void summary(
            Path file, StudyRecord record, List<Variable> vars, int firstYear, org.multivector.study.SeriesStats st)
            throws IOException {
        int[] cols = st.columns();
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("study_id,scenario_hash,year,actor,variable,n,mean,sd,min,p05,p25,p50,p75,p95,max\n");
            String prefix = RunDirectory.csv(record.id()) + "," + RunDirectory.csv(record.scenarioHash()) + ",";
            for (int y = 0; y < st.years(); y++) {
                for (int k = 0; k < cols.length; k++) {
                    Variable v = vars.get(cols[k]);
                    w.write(prefix + (firstYear + y) + "," + RunDirectory.csv(v.actor()) + ","
                            + RunDirectory.csv(v.name()) + "," + st.count(y, k));
                    for (double x : st.summary(y, k)) {
                        w.write(',');
                        if (!Double.isNaN(x)) {
                            w.write(Double.toString(x));
                        }
                    }
                    w.write('\n');
                }
            }
        }
    }

    static void comparison(Path file, String studyId, StudyResult.Comparison c) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(
                    "study_id,actor,branch_year,strategy,baseline,metric,better,mean,diff,diff_lo,diff_hi,p_better,runs\n");
            for (int k = 0; k < c.strategies().size(); k++) {
                for (int m = 0; m < c.metrics().size(); m++) {
                    double d = c.stats().meanDiff(k, m);
                    double h = c.stats().diffHalfWidth(k, m);
                    w.write(String.join(
                                    ",",
                                    RunDirectory.csv(studyId),
                                    c.actor(),
                                    Integer.toString(c.branchYear()),
                                    RunDirectory.csv(c.strategies().get(k)),
                                    RunDirectory.csv(c.strategies().get(0)),
                                    RunDirectory.csv(c.metrics().get(m)),
                                    c.better().get(m) > 0 ? "higher" : "lower",
                                    Double.toString(c.stats().mean(k, m)),
                                    Double.toString(d),
                                    Double.isNaN(h) ? "" : Double.toString(d - h),
                                    Double.isNaN(h) ? "" : Double.toString(d + h),
                                    Double.toString(c.stats().pBetter(k, m)),
                                    Long.toString(c.stats().runs()))
                            + "\n");
                }
            }
        }
    }

    static void sensitivity(Path file, String studyId, StudyResult.Sensitivity s) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("study_id,output,parameter,mu,mu_star,sigma,s1,s1_lo,s1_hi,st,st_lo,st_hi,note\n");
            for (StudyResult.SensitivityRow r : s.rows()) {
                StringBuilder b = new StringBuilder(RunDirectory.csv(studyId) + "," + r.output() + "," + r.parameter());
                for (double v : new double[] {
                    r.mu(), r.muStar(), r.sigma(), r.s1(), r.s1Lo(), r.s1Hi(), r.st(), r.stLo(), r.stHi()
                }) {
                    b.append(',').append(Double.isNaN(v) ? "" : Double.toString(v));
                }
                b.append(',').append(r.note() == null ? "" : RunDirectory.csv(r.note()));
                w.write(b + "\n");
            }
        }
    }

    /**
     * A discovery's points (parameter values, RSI, ΔRSI, whether a case) and PRIM's trajectory (per step its coverage,
     * density, support and limits of every restricted parameter).
     */
    static void discovery(Path points, Path trajectory, String studyId, StudyResult.Discovery d) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(points, StandardCharsets.UTF_8)) {
            StringBuilder h = new StringBuilder("study_id,point");
            for (String n : d.parameters()) {
                h.append(',').append(RunDirectory.csv(n));
            }
            w.write(h + ",rsi,delta_rsi,is_case\n");
            String id = RunDirectory.csv(studyId);
            for (int j = 0; j < d.values().length; j++) {
                StringBuilder b = new StringBuilder(id).append(',').append(j);
                for (double v : d.values()[j]) {
                    b.append(',').append(v);
                }
                b.append(',').append(Double.isNaN(d.rsi()[j]) ? "" : Double.toString(d.rsi()[j]));
                b.append(',').append(Double.isNaN(d.delta()[j]) ? "" : Double.toString(d.delta()[j]));
                b.append(',').append(d.isCase(j));
                w.write(b + "\n");
            }
        }
        try (BufferedWriter w = Files.newBufferedWriter(trajectory, StandardCharsets.UTF_8)) {
            w.write("study_id,step,chosen,points,cases,coverage,density,support,parameter,lo,hi\n");
            if (d.prim() == null) {
                return;
            }
            String id = RunDirectory.csv(studyId);
            for (int t = 0; t < d.prim().trajectory().size(); t++) {
                org.multivector.validate.Prim.Box b = d.prim().trajectory().get(t);
                String head = id + "," + t + "," + (t == d.prim().chosen()) + "," + b.points() + "," + b.cases() + ","
                        + b.coverage() + "," + b.density() + "," + b.support() + ",";
                if (b.restricted().isEmpty()) {
                    w.write(head + ",,\n");
                }
                for (int k : b.restricted()) {
                    w.write(head + RunDirectory.csv(d.parameters().get(k)) + "," + b.lo()[k] + "," + b.hi()[k] + "\n");
                }
            }
        }
    }

    /** KTAB's reference layout: CRLF line ends, as the reference files (written by Python's csv module) have. */
    static byte[] positionsCsv(SmpHistory h) {
        StringBuilder b = new StringBuilder("turn,actor,dim,pos_0_100,ideal_0_100\r\n");
        for (int t = 0; t <= h.turns(); t++) {
            for (int i = 0; i < h.problem().actorCount(); i++) {
                for (int d = 0; d < h.problem().dimensionCount(); d++) {
                    b.append(t).append(',').append(i).append(',').append(d).append(',');
                    b.append(ShortestDouble.format(h.positions().get(t)[i][d] * 100))
                            .append(',');
                    b.append(ShortestDouble.format(h.ideals().get(t)[i][d] * 100))
                            .append("\r\n");
                }
            }
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void history(Path f, SmpHistory h) throws IOException {
        BargainingProblem p = h.problem();
        try (BufferedWriter w = Files.newBufferedWriter(f, StandardCharsets.UTF_8)) {
            w.write("turn,actor,dimension,position,ideal,win_probability,risk_attitude\n");
            for (int t = 0; t <= h.turns(); t++) {
                for (int i = 0; i < p.actorCount(); i++) {
                    for (int d = 0; d < p.dimensionCount(); d++) {
                        w.write(t + "," + RunDirectory.csv(p.actors().get(i).strip()) + ","
                                + RunDirectory.csv(p.dimensions().get(d)) + ","
                                + ShortestDouble.format(h.positions().get(t)[i][d] * 100) + ","
                                + ShortestDouble.format(h.ideals().get(t)[i][d] * 100) + ","
                                + ShortestDouble.format(h.winProbability().get(t)[i]) + ","
                                + ShortestDouble.format(h.risk().get(t)[i]) + "\n");
                    }
                }
            }
        }
    }

    private static void runs(Path f, StudyResult.BargainEnsemble e) throws IOException {
        BargainingProblem p = e.problem();
        int n = p.actorCount();
        int dims = p.dimensionCount();
        try (BufferedWriter w = Files.newBufferedWriter(f, StandardCharsets.UTF_8)) {
            StringBuilder head = new StringBuilder("run,turns,converged");
            for (String d : p.dimensions()) {
                head.append(',').append(RunDirectory.csv("outcome." + d));
            }
            for (String a : p.actors()) {
                for (String d : p.dimensions()) {
                    head.append(',').append(RunDirectory.csv("position." + a.strip() + "." + d));
                }
            }
            for (String a : p.actors()) {
                head.append(',').append(RunDirectory.csv("probability." + a.strip()));
            }
            w.write(head + "\n");
            for (int r = 0; r < e.runs(); r++) {
                double[] row = e.rows()[r];
                StringBuilder b = new StringBuilder();
                b.append(r).append(',').append((int) row[0]).append(',').append(row[1] == 1);
                for (int k = 2; k < 2 + dims + n * dims + n; k++) {
                    b.append(',').append(ShortestDouble.format(row[k]));
                }
                w.write(b + "\n");
            }
        }
    }
}
