package org.multivector.builder;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;

/**
 * The bundled world-wide datasets {@code multivector init} drafts a region from, read from a data folder laid out
 * as the project's {@code data/} (docs/SCENARIO.md lists the files; {@code --data DIR} points at a user's own copies
 * of the same datasets). Large tables are streamed row by row and only the rows of the region's states are kept.
 */
final class GlobalData {
    static final String TRADE = "global/cow_dyadic_trade_4.0_ndy.csv.gz";
    static final String ATOP = "global/atop_v5.1_ddy.csv.gz";
    static final String IGO_STATE_YEAR = "global/cow_igo_state_year_formatv3.csv.gz";
    static final String IGO_DYAD = "global/cow_igo_v3_ndy_shared_counts.csv.gz";
    static final String IGO_NAMES = "cow_igo/igo_v3_organizations.csv";
    static final String MID = "global/cow_mid_dirdisps_5.0.csv.gz";
    static final String CONTIGUITY = "cow_contiguity/contdir_v3.2.csv";
    static final String NMC = "cow_nmc/NMC-70-abridged_via_peacesciencer.csv";
    static final String GDP = "worldbank/gdp_current_usd.csv";
    static final String POPULATION = "worldbank/population_total.csv";
    static final String IDEAL_POINTS = "unga/IdealpointsJuly2025.csv";
    static final String UCDP = "ucdp_acd/UcdpPrioConflict_v25_1.csv";
    static final String EU = "eu-members.csv";

    final Path dir;

    GlobalData(Path dir) {
        this.dir = dir;
    }

    /** Every dataset init reads, so a missing one is named before any work. */
    static List<String> files() {
        return List.of(
                TRADE,
                ATOP,
                IGO_STATE_YEAR,
                IGO_DYAD,
                IGO_NAMES,
                MID,
                CONTIGUITY,
                NMC,
                GDP,
                POPULATION,
                IDEAL_POINTS,
                UCDP,
                EU);
    }

    /** The data files that are not there. */
    List<String> missing() {
        List<String> out = new ArrayList<>();
        for (String f : files()) {
            if (!Files.isRegularFile(dir.resolve(f))) {
                out.add(f);
            }
        }
        return out;
    }

    /**
     * One row: its physical line (1-based) and its fields, read by header through the file's column index, which all
     * its rows share (a map of its own per row, and CSV lines split a character at a time, made the default region's
     * build about 1.4 times as long).
     */
    record Row(int line, Map<String, Integer> columns, String[] values) {
        String get(String column) {
            Integer i = columns.get(column);
            return i == null || i >= values.length ? "" : values[i];
        }

        int integer(String column) {
            return Integer.parseInt(get(column));
        }

        /** The number in a column, or NaN when it is empty, NA or a COW missing code (negative). */
        double number(String column) {
            String v = get(column);
            if (v.isEmpty() || v.equals("NA")) {
                return Double.NaN;
            }
            double d = Double.parseDouble(v);
            return d < 0 ? Double.NaN : d;
        }
    }

    /** Streams the rows of {@code file} (gzip when it ends in .gz) whose fields pass {@code keep}. */
    void each(String file, java.util.function.Predicate<String[]> keep, Consumer<Row> row) {
        Path p = dir.resolve(file);
        try (InputStream raw = Files.newInputStream(p);
                InputStream in = file.endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16)) {
            String headerLine = r.readLine();
            if (headerLine == null) {
                throw new IllegalStateException(p + " is empty");
            }
            String[] header = split(headerLine.replace("\uFEFF", ""));
            Map<String, Integer> columns = new HashMap<>();
            for (int i = 0; i < header.length; i++) {
                columns.put(header[i], i); // a repeated name reads its last column, as a map of the fields did
            }
            String line;
            int n = 1;
            while ((line = r.readLine()) != null) {
                n++;
                String[] f;
                try {
                    f = split(line);
                } catch (IllegalStateException e) {
                    throw bad(p + ":" + n + ": " + e.getMessage());
                }
                if (!keep.test(f)) {
                    continue;
                }
                try {
                    row.accept(new Row(n, columns, f));
                } catch (RuntimeException e) {
                    throw bad(p + ":" + n + ": " + e.getMessage() + " (expected a row of the dataset " + file + ")");
                }
            }
        } catch (IOException | UncheckedIOException e) {
            throw bad(p + ": cannot be read: " + e.getMessage() + " (expected the dataset " + file + ")");
        }
    }

    /** A data file that is not what it should be: a user error of {@code --data}, named with its file and line. */
    static org.multivector.study.RequestException bad(String message) {
        return org.multivector.study.RequestException.of("data", message);
    }

    /** The header of {@code file}: its column names in order. */
    String[] header(String file) {
        Path p = dir.resolve(file);
        try (InputStream raw = Files.newInputStream(p);
                InputStream in = file.endsWith(".gz") ? new GZIPInputStream(raw) : raw;
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line = r.readLine();
            if (line == null) {
                throw bad(p + " is empty (expected the dataset " + file + ")");
            }
            return split(line.replace("\uFEFF", ""));
        } catch (IOException | RuntimeException e) {
            throw bad(p + ": cannot be read: " + e.getMessage() + " (expected the dataset " + file + ")");
        }
    }

    /** The fields of one line (RFC 4180 quoting; these files have no line break inside a field). */
    static String[] split(String line) {
        List<String> f = org.multivector.validate.Observations.fields(line);
        if (f == null) {
            throw new IllegalStateException("unclosed quote in a data file line: " + line);
        }
        return f.toArray(String[]::new);
    }
}
