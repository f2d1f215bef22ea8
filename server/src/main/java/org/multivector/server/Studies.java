package org.multivector.server;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.multivector.store.ResultsDatabase;

/** Past studies, read from {@code DATA/results.duckdb} (the same file the command line writes). */
final class Studies {
    private final Path dir;
    private final Object dbLock;

    Studies(Path dataDir, Object dbLock) {
        this.dir = dataDir;
        this.dbLock = dbLock;
    }

    private volatile long version;
    private volatile long cachedVersion = -1;
    private volatile List<Map<String, Object>> cached = List.of();

    /** Called after every write by this server: the next list is read afresh (so are writes by others, by mtime). */
    void changed() {
        version++;
    }

    /**
     * Changes when another process (the command line) writes the database: the modification times of
     * the file and its write-ahead log.
     */
    private long fileStamp() {
        long stamp = 0;
        for (String f : new String[] {ResultsDatabase.FILE, ResultsDatabase.FILE + ".wal"}) {
            try {
                stamp += Files.getLastModifiedTime(dir.resolve(f)).toMillis();
            } catch (java.io.IOException e) {
                // absent: contributes nothing
            }
        }
        return stamp;
    }

    private final java.util.concurrent.locks.ReentrantLock refresh = new java.util.concurrent.locks.ReentrantLock();

    /**
     * The studies, newest first. Cached between this server's writes; while one request refreshes
     * the cache, others get the previous list rather than queueing on the database.
     */
    List<Map<String, Object>> list() throws Exception {
        long v = version + fileStamp();
        if (cachedVersion == v && v > 0) {
            return cached;
        }
        if (!Files.exists(dir.resolve(ResultsDatabase.FILE))) {
            return List.of();
        }
        if (!refresh.tryLock()) {
            if (cachedVersion >= 0) {
                return cached;
            }
            refresh.lock();
        }
        try {
            long now = version + fileStamp();
            if (cachedVersion == now && now > 0) {
                return cached;
            }
            List<Map<String, Object>> fresh;
            try {
                fresh = query(
                        "SELECT study_id, kind, scenario, scenario_hash, seed, runs, executor,"
                                + " CAST(created AS VARCHAR) AS created FROM studies ORDER BY created DESC, study_id LIMIT 500");
            } catch (org.multivector.model.StorageException e) {
                if (cachedVersion >= 0) {
                    return cached; // another process holds the database: the list as last read
                }
                throw e;
            }
            cached = List.copyOf(fresh);
            // Stamp after the read: opening the database touches its files (schema statements), and
            // a stamp taken before would make every waiting request read again.
            cachedVersion = version + fileStamp();
            return cached;
        } finally {
            refresh.unlock();
        }
    }

    /** The studies last read, served while another process holds the database longer than a read waits. */
    private final Map<String, Map<String, Object>> recent = Bounded.map(32);

    /**
     * One study: its row and what reopening it needs (RSI bands, comparison rows or run values). While another
     * process holds the database for longer than a read waits, the study as last read is served, if it was.
     */
    Map<String, Object> get(String id) throws Exception {
        try {
            Map<String, Object> out = read(id);
            recent.put(id, out);
            return out;
        } catch (org.multivector.model.StorageException e) {
            Map<String, Object> last = recent.get(id);
            if (last != null) {
                return last;
            }
            throw e;
        }
    }

    private Map<String, Object> read(String id) throws Exception {
        List<Map<String, Object>> rows = Files.exists(dir.resolve(ResultsDatabase.FILE))
                ? query(
                        "SELECT study_id, kind, scenario, scenario_hash, seed, runs, executor,"
                                + " CAST(created AS VARCHAR) AS created, CAST(manifest AS VARCHAR) AS manifest FROM studies"
                                + " WHERE study_id = ?",
                        id)
                : List.of();
        if (rows.isEmpty()) {
            throw new ApiException(404, "no study '" + id.replaceAll("[^\\x20-\\x7e]", "?") + "'");
        }
        Map<String, Object> out = new LinkedHashMap<>(rows.get(0));
        java.nio.file.Path summary = directory(out).resolve("summary.json");
        if (Files.isRegularFile(summary) && Files.size(summary) < 64L * 1024 * 1024) {
            // what the study's job showed, saved with it: the dashboard draws a reopened study as it drew the job
            out.put(
                    "summary",
                    new com.fasterxml.jackson.databind.ObjectMapper().readValue(summary.toFile(), Map.class));
        }
        String kind = String.valueOf(out.get("kind"));
        switch (kind) {
            case "ensemble", "backtest" ->
                out.put(
                        "rsi",
                        query(
                                "SELECT year, strategy, mean, p05, p25, p50, p75, p95 FROM series WHERE study_id = ? AND actor ="
                                        + " 'REGION' AND variable = 'rsi' ORDER BY strategy, year",
                                id));
            case "compare" ->
                out.put(
                        "comparisons",
                        query(
                                "SELECT strategy, metric, better, mean, diff, diff_lo, diff_hi, p_better FROM comparisons"
                                        + " WHERE study_id = ? ORDER BY metric, strategy",
                                id));
            case "run" ->
                out.put(
                        "rsi",
                        query(
                                "SELECT year, value AS p50 FROM run_values WHERE study_id = ? AND actor = 'REGION' AND variable ="
                                        + " 'rsi' ORDER BY year",
                                id));
            case "bargain" ->
                out.put(
                        "outcomes",
                        query(
                                "SELECT dimension, avg(outcome) AS mean, quantile_cont(outcome, 0.05) AS p05,"
                                        + " quantile_cont(outcome, 0.5) AS p50, quantile_cont(outcome, 0.95) AS p95"
                                        + " FROM bargain_outcomes WHERE study_id = ? GROUP BY dimension ORDER BY dimension",
                                id));
            default -> {
                // other kinds: the row and manifest only
            }
        }
        return out;
    }

    /**
     * A study's directory: the one its manifest names ({@code directory}), else its id; never outside the data
     * directory.
     */
    private java.nio.file.Path directory(Map<String, Object> row) {
        String name = String.valueOf(row.get("study_id"));
        Object manifest = row.get("manifest");
        if (manifest != null) {
            try {
                com.fasterxml.jackson.databind.JsonNode m =
                        new com.fasterxml.jackson.databind.ObjectMapper().readTree(String.valueOf(manifest));
                if (m.path("directory").isTextual()) {
                    name = m.path("directory").asText();
                }
            } catch (java.io.IOException e) {
                // an unreadable manifest: fall back to the id
            }
        }
        java.nio.file.Path root = dir.toAbsolutePath().normalize();
        java.nio.file.Path d = root.resolve(name).normalize();
        if (!name.matches("[A-Za-z0-9._-]{1,120}") || name.startsWith(".") || !root.equals(d.getParent())) {
            return root.resolve(".no-such-study");
        }
        return d;
    }

    /** A study's {@code report.html}, from its directory. */
    byte[] report(String id) throws Exception {
        List<Map<String, Object>> rows = Files.exists(dir.resolve(ResultsDatabase.FILE))
                ? query("SELECT study_id, CAST(manifest AS VARCHAR) AS manifest FROM studies WHERE study_id = ?", id)
                : List.of();
        if (rows.isEmpty()) {
            throw new ApiException(404, "no study '" + id.replaceAll("[^\\x20-\\x7e]", "?") + "'");
        }
        java.nio.file.Path f = directory(rows.get(0)).resolve("report.html");
        if (!Files.isRegularFile(f)) {
            throw new ApiException(404, "study '" + id + "' has no report in this server's data directory");
        }
        return Files.readAllBytes(f);
    }

    /**
     * How long a read waits for another process that writes the database (a command-line study saving its rows
     * holds it for well under a second): 10 s, or the system property {@code multivector.readWaitSeconds}.
     */
    static long readWaitMillis() {
        return Math.max(0, Math.min(600, Long.getLong("multivector.readWaitSeconds", 10))) * 1000;
    }

    /**
     * The database opened for reading only, waiting (with back-off) while another process writes it; if the other
     * process holds it longer, a 503 that the client may retry, naming no path or process.
     */
    private ResultsDatabase readOnly() throws java.sql.SQLException {
        try {
            return ResultsDatabase.openReadOnly(dir.resolve(ResultsDatabase.FILE), readWaitMillis());
        } catch (ResultsDatabase.Locked e) {
            throw new org.multivector.model.StorageException(
                    dir.resolve(ResultsDatabase.FILE) + " is held by another process",
                    "the results database is held by another process (a study being saved, or a DuckDB session);"
                            + " try again shortly",
                    e);
        } catch (java.sql.SQLException e) {
            throw new org.multivector.model.StorageException(
                    "cannot read " + dir.resolve(ResultsDatabase.FILE) + ": " + e.getMessage(),
                    "the results database cannot be read (the server's log has the details)",
                    e);
        }
    }

    private List<Map<String, Object>> query(String sql, Object... args) throws Exception {
        synchronized (dbLock) {
            List<Map<String, Object>> out = new ArrayList<>();
            try (ResultsDatabase db = readOnly()) {
                Connection c = db.connection();
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    for (int i = 0; i < args.length; i++) {
                        ps.setObject(i + 1, args[i]);
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        ResultSetMetaData md = rs.getMetaData();
                        while (rs.next()) {
                            Map<String, Object> row = new LinkedHashMap<>();
                            for (int k = 1; k <= md.getColumnCount(); k++) {
                                Object v = rs.getObject(k);
                                if (v instanceof Double d && !Double.isFinite(d)) {
                                    v = null;
                                }
                                if (v instanceof Number && md.getColumnLabel(k).equals("seed")) {
                                    // as text: JavaScript numbers are exact only up to 2^53, seeds to 2^63 - 1
                                    v = v.toString();
                                } else if (v instanceof java.math.BigInteger || v instanceof java.math.BigDecimal) {
                                    v = ((Number) v).doubleValue();
                                }
                                row.put(md.getColumnLabel(k), v);
                            }
                            out.add(row);
                        }
                    }
                }
            }
            return out;
        }
    }
}
