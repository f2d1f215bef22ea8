package org.multivector.study;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.multivector.engine.Variable;

/**
 * Which recorded variables an ensemble summarises. By default the {@linkplain #isStandard standard set}: what the
 * ensemble's report, terminal table, dashboard and the database's {@code incidents} view read, and the RSI's parts —
 * the RSI and every region-wide variable; each state's balance (overall and per dimension), HHI, coercion exposure,
 * fragility, pressure, unrest (probability and episode) and status; each dyad's tension, hazard and incident; each
 * negotiation's {@code open}. Left out unless asked for: the ties themselves ({@code share.*}), the interdependence
 * measures per pole ({@code sensitivity.*}, {@code vulnerability.*}, {@code barbieri.*}), drift, volatility and the
 * dyads' S-scores. On request, a list of patterns adds more: {@code all} (every variable), or globs ({@code *} for
 * any run of characters) over a variable's name ({@code share.trade.*}) or over {@code ACTOR:NAME}
 * ({@code KAZ:share.*}).
 */
public final class SummaryVariables {
    private SummaryVariables() {}

    /** The word for every variable. */
    public static final String ALL = "all";

    private static final Set<String> STANDARD_NAMES = Set.of(
            "balance",
            "hhi",
            "exposure",
            "fragility",
            "pressure",
            "unrest",
            "unrest.p",
            "status",
            "tension",
            "hazard",
            "incident",
            "open");

    /** Whether {@code v} is summarised by default. */
    public static boolean isStandard(Variable v) {
        return v.actor().equals(Variable.REGION)
                || STANDARD_NAMES.contains(v.name())
                || v.name().startsWith("balance.");
    }

    /**
     * The output columns to summarise: the standard set plus every variable a pattern names, in output order.
     *
     * @param patterns null or empty for the standard set; {@link #ALL}; or globs over {@code NAME} or {@code ACTOR:NAME}
     * @throws RequestException naming {@code field} and the pattern that matches no variable
     */
    public static int[] columns(List<Variable> variables, List<String> patterns, String field) {
        boolean[] keep = new boolean[variables.size()];
        for (int c = 0; c < keep.length; c++) {
            keep[c] = isStandard(variables.get(c));
        }
        Problems p = new Problems();
        if (patterns != null) {
            for (int i = 0; i < patterns.size(); i++) {
                String pattern = patterns.get(i);
                String at = field + "[" + i + "]";
                if (pattern == null || pattern.isBlank()) {
                    p.add(at, "is empty (expected " + ALL + ", a variable name or a glob such as share.trade.*)");
                    continue;
                }
                Pattern re = glob(pattern.strip());
                boolean matched = false;
                for (int c = 0; c < keep.length; c++) {
                    Variable v = variables.get(c);
                    if (pattern.strip().equals(ALL)
                            || re.matcher(v.name()).matches()
                            || re.matcher(v.actor() + ":" + v.name()).matches()) {
                        keep[c] = true;
                        matched = true;
                    }
                }
                if (!matched) {
                    p.add(
                            at,
                            "'" + pattern + "' matches no recorded variable (expected " + ALL + ", a name or ACTOR:NAME"
                                    + " such as " + example(variables) + ", or a glob with *;"
                                    + " docs/METRICS.md lists them)");
                }
            }
        }
        p.throwIfAny();
        List<Integer> out = new ArrayList<>();
        for (int c = 0; c < keep.length; c++) {
            if (keep[c]) {
                out.add(c);
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Patterns as the request keeps them: stripped, {@code all} alone when it is among them, null for none. */
    static List<String> normalise(List<String> patterns) {
        if (patterns == null || patterns.isEmpty()) {
            return null;
        }
        List<String> out = new ArrayList<>();
        for (String s : patterns) {
            String t = s == null ? "" : s.strip();
            if (t.toLowerCase(Locale.ROOT).equals(ALL)) {
                return List.of(ALL);
            }
            out.add(t);
        }
        return List.copyOf(out);
    }

    private static Pattern glob(String g) {
        String[] parts = g.split("\\*", -1);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                b.append(".*");
            }
            b.append(Pattern.quote(parts[i]));
        }
        return Pattern.compile(b.toString());
    }

    private static String example(List<Variable> variables) {
        for (Variable v : variables) {
            if (v.name().startsWith("share.")) {
                return v.actor() + ":" + v.name();
            }
        }
        return variables.isEmpty()
                ? "REGION:rsi"
                : variables.get(0).actor() + ":" + variables.get(0).name();
    }
}
