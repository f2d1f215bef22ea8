package org.multivector.validate;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.multivector.model.Parameter;
import org.multivector.model.Scenario;
import org.multivector.model.StrategySpec;
import org.multivector.model.Structural;
import org.multivector.scenario.Problem;
import org.multivector.scenario.ScenarioException;
import org.multivector.scenario.Suggestions;

/**
 * A weighted posterior sample of parameter values, as {@code calibrate --method abc-smc} writes it
 * ({@code posterior.csv}: {@code particle,weight,distance,NAME...}, one row per particle), read so that studies can
 * run over it ({@code --posterior FILE} on ensemble, compare and sensitivity; docs/VALIDATION.md, "Studies over the
 * posterior").
 *
 * <p>Runs are assigned to particles by systematic resampling (Kitagawa 1996; Douc, Cappé &amp; Moulines 2005): run r
 * of N takes the particle whose cumulative weight first exceeds {@code (r + u)/N}, u in [0, 1) from the master seed.
 * So over N runs each particle is used within one of N times its weight, the assignment depends only on the seed, r
 * and N — any executor and thread count draws the same — and neighbouring runs share particles (a worker compiles a
 * particle's scenario once for its runs). Each run still draws its own history from its own random stream.
 *
 * <p>Columns {@code particle} and {@code distance} are optional and not used; every other column but {@code weight}
 * must name a parameter of the scenario with a range, and every value must lie in that range, or a structural
 * assumption ({@link Structural}): a dispute's starting intensity {@code intensity:ID} (0..1) or a regional state's
 * strategy {@code strategy:STATE}, whose cells are strategies as the CLI writes them ({@code neutral},
 * {@code bandwagon:RUS}, a dated schedule).
 */
public final class Posterior implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final String RESOURCE_DIR = "/org/multivector/scenario/builtin/";
    /** Largest posterior file read (bytes), most particles and most parameter columns. */
    public static final long MAX_BYTES = 32L * 1024 * 1024;

    public static final int MAX_PARTICLES = 100_000;
    public static final int MAX_COLUMNS = 1000;
    private static final int MAX_PROBLEMS = 50;

    private final String file;
    private final String[] names;
    private final double[][] values; // [particle][parameter]; a categorical column holds the index of its label
    private final String[][] categories; // [parameter]: a categorical column's labels in first-seen order, else null
    private final double[] weights; // normalised
    private final double[] cumulative;
    private final String hash;

    private Posterior(
            String file, String[] names, String[][] categories, double[][] values, double[] raw, String hash) {
        this.file = file;
        this.names = names;
        this.categories = categories;
        this.values = values;
        double total = 0;
        for (double w : raw) {
            total += w;
        }
        weights = new double[raw.length];
        cumulative = new double[raw.length];
        double c = 0;
        for (int k = 0; k < raw.length; k++) {
            weights[k] = raw[k] / total;
            c += weights[k];
            cumulative[k] = c;
        }
        cumulative[raw.length - 1] = 1; // rounding must not leave the last position uncovered
        this.hash = hash;
    }

    /** The bytes of the posterior shipped with embedded scenario {@code name} ({@code -prior} shares it), if any. */
    public static Optional<byte[]> builtInBytes(String name) {
        if (!name.matches("[a-z0-9-]{1,64}")) {
            return Optional.empty();
        }
        String base = name.endsWith("-prior") ? name.substring(0, name.length() - "-prior".length()) : name;
        try (InputStream in = Posterior.class.getResourceAsStream(RESOURCE_DIR + base + ".posterior.csv")) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads and checks a posterior file against scenario {@code s}: a header with {@code weight} and at least one
     * parameter of the scenario (each once, each with a range), one number per column a row, weights finite and
     * non-negative with a positive sum, values inside their parameter's range. Every problem with its line.
     */
    public static Posterior parse(String file, byte[] bytes, Scenario s) {
        String[] lines =
                Observations.text(file, bytes, MAX_BYTES, "a posterior CSV").split("\r?\n", -1);
        List<Problem> problems = new ArrayList<>();
        List<String> header = Observations.fields(lines[0].replace("\uFEFF", ""));
        if (header == null || header.size() > MAX_COLUMNS) {
            throw new ScenarioException(List.of(new Problem(
                    file,
                    1,
                    1,
                    "",
                    header == null
                            ? "header has an unclosed quote (expected particle,weight,distance,NAME...)"
                            : "header has " + header.size() + " columns, more than " + MAX_COLUMNS,
                    null)));
        }
        int weightColumn = -1;
        List<Integer> paramColumns = new ArrayList<>();
        List<String> names = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int c = 0; c < header.size(); c++) {
            String h = header.get(c);
            if (!seen.add(h)) {
                problems.add(new Problem(file, 1, c + 1, h, "column '" + Observations.abbreviate(h) + "' twice", null));
                continue;
            }
            if (h.equals("weight")) {
                weightColumn = c;
            } else if (h.equals("particle") || h.equals("distance")) {
                continue;
            } else {
                Parameter p = s.variable(h).orElse(null);
                if (p == null) {
                    problems.add(new Problem(
                            file,
                            1,
                            c + 1,
                            h,
                            "'" + Observations.abbreviate(h) + "' is not a parameter or structural assumption of "
                                    + s.name()
                                    + " (expected particle, weight, distance, a parameter name, intensity:DISPUTE or"
                                    + " strategy:STATE)",
                            Suggestions.didYouMean(h, s.variableNames())));
                } else if (!(p.max() > p.min())) {
                    problems.add(new Problem(
                            file, 1, c + 1, h, "parameter '" + h + "' has no range in " + s.name() + " (fixed)", null));
                } else {
                    paramColumns.add(c);
                    names.add(h);
                }
            }
        }
        if (weightColumn < 0) {
            problems.add(
                    new Problem(file, 1, 1, "", "header has no 'weight' column (expected particle,weight,...)", null));
        }
        if (problems.isEmpty() && names.isEmpty()) {
            problems.add(new Problem(
                    file, 1, 1, "", "header names no parameter (expected weight and parameter names)", null));
        }
        if (!problems.isEmpty()) {
            throw new ScenarioException(problems);
        }
        List<double[]> rows = new ArrayList<>();
        List<Double> w = new ArrayList<>();
        List<List<String>> labels = new ArrayList<>();
        for (String name : names) {
            labels.add(Structural.categories(s, name).isEmpty() ? null : new ArrayList<>());
        }
        for (int i = 1; i < lines.length && problems.size() < MAX_PROBLEMS; i++) {
            String line = lines[i];
            int n = i + 1;
            if (line.isEmpty()) {
                continue;
            }
            if (rows.size() >= MAX_PARTICLES) {
                problems.add(new Problem(file, n, 1, "", "more than " + MAX_PARTICLES + " particles", null));
                break;
            }
            List<String> f = Observations.fields(line);
            if (f == null || f.size() != header.size()) {
                problems.add(new Problem(
                        file,
                        n,
                        1,
                        "",
                        "expected " + header.size() + " fields as in the header, found "
                                + (f == null ? "an unclosed quote" : Integer.toString(f.size())),
                        null));
                continue;
            }
            double weight = number(f.get(weightColumn));
            if (!(weight >= 0) || !Double.isFinite(weight)) {
                problems.add(new Problem(
                        file,
                        n,
                        weightColumn + 1,
                        "weight",
                        "'" + Observations.abbreviate(f.get(weightColumn)) + "' is not a weight (expected a finite"
                                + " number >= 0)",
                        null));
                continue;
            }
            double[] v = new double[names.size()];
            boolean ok = true;
            for (int j = 0; j < names.size() && ok; j++) {
                int c = paramColumns.get(j);
                if (labels.get(j) != null) {
                    String label = f.get(c).strip();
                    int at = labels.get(j).indexOf(label);
                    if (at < 0) {
                        String bad = strategyProblem(s, label);
                        if (bad != null) {
                            problems.add(new Problem(
                                    file,
                                    n,
                                    c + 1,
                                    names.get(j),
                                    "'" + Observations.abbreviate(label) + "' is not a strategy of " + s.name() + ": "
                                            + bad + " (expected e.g. "
                                            + String.join(", ", Structural.categories(s, names.get(j))) + ")",
                                    null));
                            ok = false;
                            continue;
                        }
                        labels.get(j).add(label);
                        at = labels.get(j).size() - 1;
                    }
                    v[j] = at;
                    continue;
                }
                Parameter p = s.variable(names.get(j)).orElseThrow();
                v[j] = number(f.get(c));
                if (!(v[j] >= p.min() && v[j] <= p.max())) {
                    problems.add(new Problem(
                            file,
                            n,
                            c + 1,
                            names.get(j),
                            "'" + Observations.abbreviate(f.get(c)) + "' is outside " + names.get(j) + "'s range "
                                    + p.min() + ".." + p.max(),
                            null));
                    ok = false;
                }
            }
            if (ok) {
                rows.add(v);
                w.add(weight);
            }
        }
        if (problems.isEmpty() && rows.isEmpty()) {
            problems.add(new Problem(file, 2, 1, "", "has no particles (expected one row per particle)", null));
        }
        double total = w.stream().mapToDouble(Double::doubleValue).sum();
        if (problems.isEmpty() && !(total > 0 && Double.isFinite(total))) {
            problems.add(new Problem(
                    file, 2, weightColumn + 1, "weight", "weights sum to " + total + " (expected > 0)", null));
        }
        if (!problems.isEmpty()) {
            throw new ScenarioException(problems);
        }
        return new Posterior(
                file,
                names.toArray(String[]::new),
                labels.stream()
                        .map(l -> l == null ? null : l.toArray(String[]::new))
                        .toArray(String[][]::new),
                rows.toArray(double[][]::new),
                w.stream().mapToDouble(Double::doubleValue).toArray(),
                sha256(bytes).substring(0, 16));
    }

    /** Why {@code text} is not a strategy in {@code s} (its rule, or a pole it names), or null if it is one. */
    private static String strategyProblem(Scenario s, String text) {
        StrategySpec spec;
        try {
            spec = StrategySpec.parse(text);
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        return s.unknownPole(spec).map(p -> "it names unknown pole '" + p + "'").orElse(null);
    }

    private static double number(String s) {
        String t = s.strip();
        if (t.isEmpty() || t.length() > 40 || !t.matches("[-+]?[0-9.]+([eE][-+]?[0-9]+)?")) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(t);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static String sha256(byte[] b) {
        try {
            return java.util.HexFormat.of()
                    .formatHex(
                            java.security.MessageDigest.getInstance("SHA-256").digest(b));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** How reports name the sample: its file, particles, effective sample size and parameters. */
    public String describe() {
        return file + " (" + size() + " particles, ESS " + Math.round(ess()) + ", " + names.length + " parameters)";
    }

    /** Where the sample was read from (for messages and reports). */
    public String file() {
        return file;
    }

    /** The first 16 hex digits of the file's SHA-256: what a study's id records. */
    public String hash() {
        return hash;
    }

    /** The parameters the sample holds, in file order. */
    public List<String> names() {
        return List.of(names);
    }

    /** Number of particles. */
    public int size() {
        return weights.length;
    }

    /** Normalised weight of particle k. */
    public double weight(int k) {
        return weights[k];
    }

    /** Value of parameter i at particle k (for a categorical column, the index of its label in {@link #categories}). */
    public double value(int k, int i) {
        return values[k][i];
    }

    /** The labels of a categorical column (a strategy) in first-seen order, or an empty list for a numeric one. */
    public List<String> categories(int i) {
        return categories[i] == null ? List.of() : List.of(categories[i]);
    }

    /** The label of categorical column i at particle k. */
    public String label(int k, int i) {
        return categories[i][(int) values[k][i]];
    }

    /** The posterior share of each label of categorical column i, in label order. */
    public double[] shares(int i) {
        double[] out = new double[categories[i].length];
        for (int k = 0; k < weights.length; k++) {
            out[(int) values[k][i]] += weights[k];
        }
        return out;
    }

    /** Kish's effective sample size of the weights, (Σw)²/Σw². */
    public double ess() {
        double sq = 0;
        for (double w : weights) {
            sq += w * w;
        }
        return 1 / sq;
    }

    /**
     * The weighted q-quantile of parameter i (the smallest value whose cumulative weight reaches q); not defined for a
     * categorical column (see {@link #shares}).
     */
    public double quantile(int i, double q) {
        if (categories[i] != null) {
            throw new IllegalArgumentException(names[i] + " is categorical: it has shares, not quantiles");
        }
        Integer[] order = new Integer[weights.length];
        for (int k = 0; k < order.length; k++) {
            order[k] = k;
        }
        Arrays.sort(order, (a, b) -> Double.compare(values[a][i], values[b][i]));
        double c = 0;
        for (Integer k : order) {
            c += weights[k];
            if (c >= q - 1e-12) {
                return values[k][i];
            }
        }
        return values[order[order.length - 1]][i];
    }

    /**
     * The particle run {@code run} of {@code runs} takes (systematic resampling; see the class comment). The offset u
     * comes from {@code seed} alone.
     */
    public int particleOf(long seed, long run, long runs) {
        if (run < 0 || run >= runs) {
            throw new IllegalArgumentException("run " + run + " is outside 0.." + (runs - 1));
        }
        double u = (mix(seed ^ 0x5DEECE66DL) >>> 11) * 0x1.0p-53;
        double position = (run + u) / runs;
        int k = Arrays.binarySearch(cumulative, position);
        k = k >= 0 ? k + 1 : -k - 1; // the first cumulative weight above the position
        k = Math.min(k, cumulative.length - 1);
        while (k < cumulative.length - 1 && weights[k] == 0) {
            k++; // a zero-weight particle is never drawn
        }
        while (k > 0 && weights[k] == 0) {
            k--; // (the last ones, where rounding left the sum a hair below 1)
        }
        return k;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** {@code base} with particle k's parameter values. */
    public Scenario apply(Scenario base, int k) {
        Scenario s = base;
        // the parameters between structural assumptions in one copy each (Scenario.withParameterValues: the same
        // scenario as one withParameter each); the structural assumptions in their place, one by one
        Map<String, Double> pending = new java.util.LinkedHashMap<>();
        for (int i = 0; i < names.length; i++) {
            if (categories[i] == null && s.parameters().containsKey(names[i]) && !pending.containsKey(names[i])) {
                pending.put(names[i], values[k][i]);
                continue;
            }
            s = s.withParameterValues(pending);
            pending.clear();
            s = categories[i] == null
                    ? s.withParameter(names[i], values[k][i])
                    : Structural.withCategory(s, names[i], label(k, i));
        }
        return s.withParameterValues(pending);
    }

    /** The sample without the named parameters (they stay as the scenario sets them), or this if it holds none. */
    public Posterior without(java.util.Collection<String> drop) {
        List<Integer> keep = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            if (!drop.contains(names[i])) {
                keep.add(i);
            }
        }
        if (keep.size() == names.length) {
            return this;
        }
        String[] n = new String[keep.size()];
        String[][] cats = new String[keep.size()][];
        double[][] v = new double[values.length][keep.size()];
        for (int j = 0; j < keep.size(); j++) {
            n[j] = names[keep.get(j)];
            cats[j] = categories[keep.get(j)];
            for (int k = 0; k < values.length; k++) {
                v[k][j] = values[k][keep.get(j)];
            }
        }
        return new Posterior(file, n, cats, v, weights, hash);
    }
}
