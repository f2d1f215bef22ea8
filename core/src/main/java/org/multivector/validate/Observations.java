package org.multivector.validate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.multivector.scenario.Problem;
import org.multivector.scenario.ScenarioException;

/**
 * Observed patterns a scenario is judged on: a tidy CSV beside the scenario ({@code NAME.observed.csv} next to
 * {@code NAME.yaml}, or shipped with an embedded scenario): {@code pattern,actor,partner,year,value,source}, one
 * row per pattern, unit and year. Patterns: {@code mid.onset}, {@code mid.ongoing} (COW MID, directed dyad-years,
 * 0/1), {@code conflict} (UCDP intensity per state-year: 0 none, 1 minor, 2 war), {@code conflict.interstate}
 * (UCDP, pairs, 0/1), {@code alliance} (0/1), {@code igo.shared} (count), {@code idealpoint.distance} (≥ 0).
 * Trade shares and UN agreement are the scenario's own observed ties.
 */
public final class Observations {
    private static final String RESOURCE_DIR = "/org/multivector/scenario/builtin/";
    /** Largest observed-patterns file read (bytes). */
    public static final long MAX_BYTES = 64L * 1024 * 1024;

    private static final String HEADER = "pattern,actor,partner,year,value,source";
    private static final java.util.Set<String> BINARY =
            java.util.Set.of("mid.onset", "mid.ongoing", "conflict.interstate", "alliance");
    private static final java.util.List<String> PATTERNS = java.util.List.of(
            "mid.onset",
            "mid.ongoing",
            "conflict",
            "conflict.interstate",
            "alliance",
            "igo.shared",
            "idealpoint.distance");
    private static final int MAX_PROBLEMS = 50;

    private final Map<String, Double> values;
    private final java.util.Set<String> patterns;

    private Observations(Map<String, Double> values) {
        this.values = values;
        java.util.Set<String> ps = new java.util.TreeSet<>();
        values.keySet().forEach(k -> ps.add(k.substring(0, k.indexOf('|'))));
        this.patterns = java.util.Collections.unmodifiableSet(ps);
    }

    /** The bytes of the observed patterns shipped beside embedded scenario {@code name}, if any. */
    public static Optional<byte[]> builtInBytes(String name) {
        if (!name.matches("[a-z0-9-]{1,64}")) {
            return Optional.empty();
        }
        String base = name.endsWith("-prior") ? name.substring(0, name.length() - "-prior".length()) : name;
        try (InputStream in = Observations.class.getResourceAsStream(RESOURCE_DIR + base + ".observed.csv")) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The observed patterns shipped for the embedded scenario whose {@code scenario:} name is {@code name}, if any
     * ({@code NAME-prior}, the same scenario before calibration, shares NAME's).
     */
    public static Optional<Observations> forScenario(String name) {
        return builtInBytes(name).map(b -> parse(name + ".observed.csv", b, null));
    }

    /**
     * Reads and checks an observed-patterns file: the header, six fields a row (the source may be quoted), a known
     * pattern, ids that the scenario {@code s} knows (its actors and poles; null skips that check), a four-digit
     * year, a finite value in the pattern's range, no row twice. Every problem is reported with its line (up to
     * {@value #MAX_PROBLEMS}), as a {@link ScenarioException}.
     */
    public static Observations parse(String file, byte[] bytes, org.multivector.model.Scenario s) {
        List<Problem> problems = new ArrayList<>();
        java.util.Set<String> ids = new java.util.HashSet<>();
        if (s != null) {
            s.actors().forEach(a -> ids.add(a.id()));
            s.poles().forEach(p -> ids.add(p.id()));
        }
        Map<String, Double> m = new HashMap<>();
        String[] lines = lines(file, bytes, MAX_BYTES, HEADER, "an observed-patterns CSV");
        for (int i = 1; i < lines.length && problems.size() < MAX_PROBLEMS; i++) {
            String line = lines[i];
            int n = i + 1;
            if (line.isEmpty()) {
                continue;
            }
            List<String> f = fields(line);
            if (f == null || f.size() != 6) {
                problems.add(fieldCount(file, n, HEADER, f));
                continue;
            }
            String pattern = f.get(0);
            if (!PATTERNS.contains(pattern)) {
                problems.add(new Problem(
                        file,
                        n,
                        1,
                        "pattern",
                        "'" + abbreviate(pattern) + "' is not a pattern" + " (expected one of "
                                + String.join(", ", PATTERNS) + ")",
                        org.multivector.scenario.Suggestions.didYouMean(pattern, PATTERNS)));
                continue;
            }
            String actor = f.get(1);
            String partner = f.get(2);
            if (actor.isEmpty() || (s != null && !ids.contains(actor))) {
                problems.add(new Problem(
                        file,
                        n,
                        1,
                        "actor",
                        actor.isEmpty()
                                ? "is empty (expected an actor id)"
                                : "unknown actor '" + abbreviate(actor)
                                        + "' (expected an actor or pole of the scenario)",
                        org.multivector.scenario.Suggestions.didYouMean(actor, ids)));
                continue;
            }
            if (!partner.isEmpty() && s != null && !ids.contains(partner)) {
                problems.add(new Problem(
                        file,
                        n,
                        1,
                        "partner",
                        "unknown partner '" + abbreviate(partner)
                                + "' (expected an actor or pole of the scenario, or nothing)",
                        org.multivector.scenario.Suggestions.didYouMean(partner, ids)));
                continue;
            }
            if (!f.get(3).matches("[0-9]{4}")) {
                problems.add(new Problem(
                        file,
                        n,
                        1,
                        "year",
                        "'" + abbreviate(f.get(3)) + "' is not a year (expected four digits)",
                        null));
                continue;
            }
            int year = Integer.parseInt(f.get(3));
            double v;
            try {
                v = Double.parseDouble(f.get(4));
            } catch (NumberFormatException e) {
                v = Double.NaN;
            }
            String range = BINARY.contains(pattern) ? "0 or 1" : pattern.equals("conflict") ? "0, 1 or 2" : ">= 0";
            boolean ok = Double.isFinite(v)
                    && (BINARY.contains(pattern)
                            ? v == 0 || v == 1
                            : pattern.equals("conflict") ? v == 0 || v == 1 || v == 2 : v >= 0);
            if (!ok) {
                problems.add(new Problem(
                        file,
                        n,
                        1,
                        "value",
                        "'" + abbreviate(f.get(4)) + "' is not a value of " + pattern + " (expected " + range + ")",
                        null));
                continue;
            }
            if (m.put(key(pattern, actor, partner, year), v) != null) {
                problems.add(new Problem(
                        file,
                        n,
                        1,
                        "",
                        "second row for " + pattern + " " + actor
                                + (partner.isEmpty() ? "" : "-" + partner) + " " + year + " (expected one per pattern,"
                                + " unit and year)",
                        null));
            }
        }
        if (!problems.isEmpty()) {
            throw new ScenarioException(problems);
        }
        return new Observations(m);
    }

    /** The fields of one CSV line (RFC 4180 quoting, no line break inside a field), or null for an unclosed quote. */
    /**
     * The lines of a small tidy CSV after the checks every such file gets before any row: at most {@code max} bytes,
     * UTF-8 text, the expected header (a byte-order mark allowed); each failure one problem with the file's name.
     */
    static String[] lines(String file, byte[] bytes, long max, String header, String what) {
        String[] lines = text(file, bytes, max, what).split("\r?\n", -1);
        if (!lines[0].replace("\uFEFF", "").equals(header)) {
            throw new ScenarioException(List.of(new Problem(
                    file, 1, 1, "", "header is '" + abbreviate(lines[0]) + "' (expected '" + header + "')", null)));
        }
        return lines;
    }

    /** The text of a small CSV: at most {@code max} bytes of UTF-8, else one problem with the file's name. */
    static String text(String file, byte[] bytes, long max, String what) {
        if (bytes.length > max) {
            throw new ScenarioException(List.of(new Problem(
                    file,
                    0,
                    0,
                    "",
                    "file is " + bytes.length + " bytes, larger than the limit of " + max + " bytes (expected " + what
                            + ")",
                    null)));
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(java.nio.ByteBuffer.wrap(bytes))
                    .toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new ScenarioException(
                    List.of(new Problem(file, 0, 0, "", "is not UTF-8 text (expected " + what + ")", null)));
        }
    }
    /** The problem of a row without one field per column of {@code header} ({@code f} null: an unclosed quote). */
    static Problem fieldCount(String file, int line, String header, List<String> f) {
        return new Problem(
                file,
                line,
                1,
                "",
                "expected " + header.split(",").length + " fields (" + header + "), found "
                        + (f == null ? "an unclosed quote" : Integer.toString(f.size())),
                null);
    }

    public static List<String> fields(String line) {
        List<String> out = new ArrayList<>();
        if (line.indexOf('"') < 0) {
            // no quoting: the fields are the text between commas (most lines of the large datasets; the loop below
            // gives the same fields a character at a time)
            int from = 0;
            for (int comma = line.indexOf(','); comma >= 0; comma = line.indexOf(',', from)) {
                out.add(line.substring(from, comma));
                from = comma + 1;
            }
            out.add(line.substring(from));
            return out;
        }
        StringBuilder b = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        b.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    b.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(b.toString());
                b.setLength(0);
            } else {
                b.append(c);
            }
        }
        if (quoted) {
            return null;
        }
        out.add(b.toString());
        return out;
    }

    static String abbreviate(String v) {
        return v.length() > 40 ? v.substring(0, 40) + "…" : v;
    }

    /** The patterns present. */
    public java.util.Set<String> patterns() {
        return patterns;
    }

    private static String key(String pattern, String actor, String partner, int year) {
        return pattern + "|" + actor + "|" + partner + "|" + year;
    }

    /** The value, or null when the pattern was not observed for that unit and year. */
    public Double get(String pattern, String actor, String partner, int year) {
        return values.get(key(pattern, actor, partner, year));
    }

    /** Whether either direction of a directed dyad pattern is positive; null when neither is observed. */
    public Double either(String pattern, String a, String b, int year) {
        Double x = get(pattern, a, b, year);
        Double y = get(pattern, b, a, year);
        if (x == null && y == null) {
            return null;
        }
        return (x != null && x > 0) || (y != null && y > 0) ? 1.0 : 0.0;
    }
}
