package org.multivector.bargain;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.multivector.scenario.Problem;
import org.multivector.scenario.ScenarioException;
import org.multivector.scenario.Suggestions;
import org.multivector.scenario.YamlDocument;

/**
 * Multivector's YAML issue format for the bargaining model (docs/BARGAINING.md, "Issue files").
 *
 * <pre>
 * issue: Caspian Sea legal status
 * description: …
 * seed: 1                       # optional (KTAB's default seed otherwise)
 * parameters: {VotingRule: Prop} # optional, KTAB's names
 * dimensions:
 *   - {name: seabed, low: "0 = condominium", high: "100 = national sectors"}
 * actors:
 *   - name: RUS
 *     description: Russia
 *     capability: 100
 *     position: {seabed: 30}
 *     salience: {seabed: 60}
 *     assumption: "why these numbers"   # or source:
 * accommodation:                # optional; identity otherwise; own weight = 1 − the others unless given
 *   - {actor: KAZ, toward: RUS, weight: 0.1, assumption: "…"}
 * </pre>
 *
 * Provenance rule (as for scenarios): every number sits in a block with exactly one of
 * {@code source:} or {@code assumption:}, or inside a block that has one — the actor, its
 * {@code position}/{@code salience} map, or the number written as {@code {value, source|assumption}}.
 */
final class BargainingYaml {
    private static final Set<String> TOP =
            Set.of("issue", "description", "seed", "parameters", "dimensions", "actors", "accommodation", "notes");
    private static final Set<String> DIMENSION = Set.of("name", "low", "high", "description");
    private static final Set<String> ACTOR =
            Set.of("name", "description", "capability", "position", "salience", "source", "assumption");
    private static final Set<String> ACCOMMODATION = Set.of("actor", "toward", "weight", "source", "assumption");
    private static final Set<String> VALUE = Set.of("value", "source", "assumption");

    private BargainingYaml() {}

    private static final class Located {
        final YamlDocument doc;
        final List<Problem> problems = new ArrayList<>();

        Located(YamlDocument doc) {
            this.doc = doc;
        }

        void at(String pointer, String path, String message) {
            at(pointer, path, message, null);
        }

        void at(String pointer, String path, String message, String hint) {
            int[] pos = doc.position(pointer);
            problems.add(new Problem(doc.file(), pos[0], pos[1], path, message, hint));
        }

        void atKey(String pointer, String path, String message, String hint) {
            int[] pos = doc.keyPosition(pointer);
            problems.add(new Problem(doc.file(), pos[0], pos[1], path, message, hint));
        }

        void throwIfAny() {
            if (!problems.isEmpty()) {
                throw new ScenarioException(problems.stream()
                        .distinct()
                        .sorted(Comparator.comparingInt(Problem::line).thenComparingInt(Problem::column))
                        .toList());
            }
        }
    }

    static BargainingProblem parse(String file, byte[] bytes) {
        YamlDocument doc = YamlDocument.parse(file, bytes);
        Located c = new Located(doc);
        JsonNode root = doc.root();
        if (root == null || !root.isObject()) {
            c.at("", "", "expected a mapping with issue, dimensions and actors");
            c.throwIfAny();
        }
        unknownKeys(c, root, "", "", TOP);
        String name = text(c, root, "/issue", "issue", true);
        String description = root.has("description") ? text(c, root, "/description", "description", false) : "";
        long seed = Prng.DEFAULT_SEED;
        if (root.has("seed")) {
            JsonNode s = root.get("seed");
            try {
                seed = Long.parseUnsignedLong(s.asText().strip());
            } catch (NumberFormatException e) {
                c.at(
                        "/seed",
                        "seed",
                        "'" + BargainingInputs.shorten(s.asText())
                                + "' is not a whole number in 0..18446744073709551615");
            }
        }
        SmpParameters params = SmpParameters.DEFAULTS;
        JsonNode pn = root.path("parameters");
        if (!pn.isMissingNode()) {
            if (!pn.isObject()) {
                c.at("/parameters", "parameters", "expected a mapping of KTAB parameter names to values");
            } else {
                for (Map.Entry<String, JsonNode> e : pn.properties()) {
                    try {
                        String key = SmpParameters.canonicalName(e.getKey());
                        params = params.with(key, e.getValue().asText());
                    } catch (IllegalArgumentException ex) {
                        c.at(
                                "/parameters/" + esc(e.getKey()),
                                "parameters." + e.getKey(),
                                ex.getMessage(),
                                Suggestions.didYouMean(e.getKey(), SmpParameters.NAMES));
                    }
                }
            }
        }
        List<String> dims = new ArrayList<>();
        List<String> scales = new ArrayList<>();
        JsonNode dn = root.path("dimensions");
        if (!dn.isArray() || dn.isEmpty()) {
            c.at(
                    dn.isMissingNode() ? "" : "/dimensions",
                    "dimensions",
                    "expected a list of at least one dimension" + " ({name, low, high})");
        } else {
            for (int d = 0; d < dn.size(); d++) {
                String p = "/dimensions/" + d;
                JsonNode node = dn.get(d);
                if (!node.isObject()) {
                    c.at(p, "dimensions[" + d + "]", "expected {name, low, high}");
                    dims.add("");
                    scales.add("");
                    continue;
                }
                unknownKeys(c, node, p, "dimensions[" + d + "]", DIMENSION);
                String dname = text(c, node, p + "/name", "dimensions[" + d + "].name", true);
                if (dims.contains(dname) && !dname.isEmpty()) {
                    c.at(p + "/name", "dimensions[" + d + "].name", "dimension '" + dname + "' is listed twice");
                }
                dims.add(dname);
                scales.add(scale(c, node, p, d));
            }
        }
        JsonNode an = root.path("actors");
        if (!an.isArray()) {
            c.at(an.isMissingNode() ? "" : "/actors", "actors", "expected a list of actors");
            c.throwIfAny();
        }
        int n = an.size();
        if (n < KtabCsv.MIN_ACTORS || n > KtabCsv.MAX_ACTORS) {
            c.at(
                    "/actors",
                    "actors",
                    "found " + n + " actors; expected " + KtabCsv.MIN_ACTORS + ".." + KtabCsv.MAX_ACTORS);
        }
        c.throwIfAny();
        int dcount = dims.size();
        List<String> names = new ArrayList<>();
        List<String> descriptions = new ArrayList<>();
        double[] cap = new double[n];
        double[][] pos = new double[n][dcount];
        double[][] sal = new double[n][dcount];
        for (int i = 0; i < n; i++) {
            String p = "/actors/" + i;
            JsonNode a = an.get(i);
            if (!a.isObject()) {
                c.at(
                        p,
                        "actors[" + i + "]",
                        "expected an actor {name, capability, position, salience, source|assumption}");
                names.add("");
                descriptions.add("");
                continue;
            }
            unknownKeys(c, a, p, "actors[" + i + "]", ACTOR);
            String aname = text(c, a, p + "/name", "actors[" + i + "].name", true);
            if (aname.length() > KtabCsv.MAX_NAME) {
                c.at(
                        p + "/name",
                        "actors[" + i + "].name",
                        "name has " + aname.length() + " characters; expected 1.." + KtabCsv.MAX_NAME);
            }
            if (names.contains(aname) && !aname.isEmpty()) {
                c.at(p + "/name", "actors[" + i + "].name", "actor '" + aname + "' is listed twice");
            }
            names.add(aname);
            descriptions.add(
                    a.has("description") ? text(c, a, p + "/description", "actors[" + i + "].description", false) : "");
            String who = aname.isEmpty() ? "actors[" + i + "]" : aname;
            boolean covered = provenance(c, a, p, who);
            Double cv = number(c, a.get("capability"), p + "/capability", who + ".capability", covered);
            if (cv != null && !(cv > 0 && cv <= KtabCsv.MAX_CAPABILITY)) {
                c.at(p + "/capability", who + ".capability", "capability " + cv + " is outside (0, 1e8]");
            }
            cap[i] = cv == null ? 0 : cv;
            double[] position = perDimension(c, a, p, who, "position", dims, covered);
            double[] salience = perDimension(c, a, p, who, "salience", dims, covered);
            double total = 0;
            for (int d = 0; d < dcount; d++) {
                total += salience[d];
                pos[i][d] = position[d] / 100.0;
                sal[i][d] = salience[d] / 100.0;
            }
            if (total > 100) {
                c.at(p + "/salience", who + ".salience", "saliences add up to " + total + ", more than 100");
            } else if (total == 0 && a.path("salience").isObject()) {
                c.at(p + "/salience", who + ".salience", "every salience is 0 (expected a positive total)");
            }
        }
        double[][] acc = BargainingProblem.identity(n);
        JsonNode ac = root.path("accommodation");
        if (!ac.isMissingNode()) {
            if (!ac.isArray()) {
                c.at(
                        "/accommodation",
                        "accommodation",
                        "expected a list of {actor, toward, weight, source|assumption}");
            } else {
                boolean[] ownGiven = new boolean[n];
                for (int k = 0; k < ac.size(); k++) {
                    String p = "/accommodation/" + k;
                    String path = "accommodation[" + k + "]";
                    JsonNode e = ac.get(k);
                    if (!e.isObject()) {
                        c.at(p, path, "expected {actor, toward, weight, source|assumption}");
                        continue;
                    }
                    unknownKeys(c, e, p, path, ACCOMMODATION);
                    boolean covered = provenance(c, e, p, path);
                    int r = actor(c, e, p + "/actor", path + ".actor", names);
                    int col = actor(c, e, p + "/toward", path + ".toward", names);
                    Double w = number(c, e.get("weight"), p + "/weight", path + ".weight", covered);
                    if (w != null && !(w >= 0 && w <= 1)) {
                        c.at(p + "/weight", path + ".weight", "weight " + w + " is outside [0, 1]");
                    } else if (w != null && r >= 0 && col >= 0) {
                        acc[r][col] = w;
                        ownGiven[r] |= r == col;
                    }
                }
                for (int r = 0; r < n; r++) {
                    if (!ownGiven[r]) {
                        // unless given, an actor's own weight is what the others leave
                        double others = 0;
                        for (int col = 0; col < n; col++) {
                            others += col == r ? 0 : acc[r][col];
                        }
                        acc[r][r] = Math.max(0, 1 - others);
                    }
                    double sum = 0;
                    for (int col = 0; col < n; col++) {
                        sum += acc[r][col];
                    }
                    if (sum > 1 + 1e-10) {
                        c.at(
                                "/accommodation",
                                "accommodation",
                                "the weights of " + names.get(r) + " (own ideal 1 unless" + " given) add up to " + sum
                                        + ", more than 1");
                    }
                }
            }
        }
        c.throwIfAny();
        return new BargainingProblem(
                name, description, file, dims, scales, names, descriptions, cap, pos, sal, acc, seed, params, false);
    }

    /** "description; low; high" of a dimension, from whichever of the three it gives. */
    private static String scale(Located c, JsonNode node, String p, int d) {
        List<String> parts = new ArrayList<>();
        for (String key : List.of("description", "low", "high")) {
            if (node.has(key)) {
                String t = text(c, node, p + "/" + key, "dimensions[" + d + "]." + key, false);
                if (!t.isEmpty()) {
                    parts.add(t);
                }
            }
        }
        return String.join("; ", parts);
    }

    private static double[] perDimension(
            Located c, JsonNode actor, String p, String who, String key, List<String> dims, boolean covered) {
        double[] out = new double[dims.size()];
        JsonNode m = actor.get(key);
        String mp = p + "/" + key;
        // keys are escaped as JSON Pointer tokens below
        if (m == null || !m.isObject()) {
            c.at(
                    m == null ? p : mp,
                    who + "." + key,
                    (m == null ? "missing " : "") + key + ": expected a mapping" + " from each dimension " + dims
                            + " to a number in 0..100");
            return out;
        }
        boolean mapCovered = covered || provenance(c, m, mp, who + "." + key);
        for (Map.Entry<String, JsonNode> e : m.properties()) {
            if (e.getKey().equals("source") || e.getKey().equals("assumption")) {
                continue;
            }
            int d = dims.indexOf(e.getKey());
            if (d < 0) {
                c.atKey(
                        mp + "/" + esc(e.getKey()),
                        who + "." + key + "." + e.getKey(),
                        "unknown dimension '" + BargainingInputs.shorten(e.getKey()) + "' (expected one of " + dims
                                + ")",
                        Suggestions.didYouMean(e.getKey(), dims));
                continue;
            }
            Double v =
                    number(c, e.getValue(), mp + "/" + esc(e.getKey()), who + "." + key + "." + e.getKey(), mapCovered);
            if (v != null) {
                if (!(v >= 0 && v <= 100)) {
                    c.at(
                            mp + "/" + esc(e.getKey()),
                            who + "." + key + "." + e.getKey(),
                            key + " " + v + " is outside [0, 100]");
                }
                out[d] = v;
            }
        }
        for (String d : dims) {
            if (!m.has(d) && !d.isEmpty()) {
                c.at(mp, who + "." + key, "no " + key + " on dimension '" + d + "'");
            }
        }
        return out;
    }

    /** A number, or {value, source|assumption}; reports a missing provenance unless covered. */
    private static Double number(Located c, JsonNode node, String pointer, String path, boolean covered) {
        if (node == null) {
            c.at(
                    pointer.substring(0, pointer.lastIndexOf('/')),
                    path,
                    "missing " + path.substring(path.lastIndexOf('.') + 1) + " (expected a number)");
            return null;
        }
        boolean ok = covered;
        JsonNode v = node;
        if (node.isObject()) {
            unknownKeys(c, node, pointer, path, VALUE);
            ok = provenance(c, node, pointer, path) || covered;
            v = node.get("value");
            pointer = pointer + "/value";
            if (v == null) {
                c.at(
                        pointer.substring(0, pointer.lastIndexOf('/')),
                        path,
                        "missing value (expected {value: NUMBER," + " source|assumption: TEXT})");
                return null;
            }
        }
        if (!v.isNumber()) {
            c.at(pointer, path, "'" + BargainingInputs.shorten(v.asText()) + "' is not a number");
            return null;
        }
        if (!ok) {
            c.at(
                    pointer,
                    path,
                    "number without provenance (expected a 'source:' or 'assumption:' on it, its map or"
                            + " its actor)");
        }
        double d = v.asDouble();
        return Double.isFinite(d) ? d : null;
    }

    /** Whether the block has exactly one of source/assumption (reports both-given and blank). */
    private static boolean provenance(Located c, JsonNode block, String pointer, String path) {
        boolean s = block.has("source");
        boolean a = block.has("assumption");
        if (s && a) {
            c.at(pointer, path, "gives both source and assumption (expected exactly one)");
            return true;
        }
        String key = s ? "source" : "assumption";
        if ((s || a) && block.get(key).asText().isBlank()) {
            c.at(pointer + "/" + key, path + "." + key, "empty " + key + " (expected a reason or a reference)");
        }
        return s || a;
    }

    private static int actor(Located c, JsonNode e, String pointer, String path, List<String> names) {
        JsonNode v = e.get(pointer.substring(pointer.lastIndexOf('/') + 1));
        if (v == null) {
            c.at(pointer.substring(0, pointer.lastIndexOf('/')), path, "missing actor name");
            return -1;
        }
        int k = names.indexOf(v.asText());
        if (k < 0) {
            c.at(
                    pointer,
                    path,
                    "unknown actor '" + BargainingInputs.shorten(v.asText()) + "' (expected one of the"
                            + " actors' names)",
                    Suggestions.didYouMean(v.asText(), names));
        }
        return k;
    }

    private static String text(Located c, JsonNode parent, String pointer, String path, boolean required) {
        JsonNode v = parent.get(pointer.substring(pointer.lastIndexOf('/') + 1));
        if (v == null || v.isNull() || (required && v.asText().isBlank())) {
            if (required) {
                c.at(
                        v == null ? pointer.substring(0, pointer.lastIndexOf('/')) : pointer,
                        path,
                        "missing " + path + " (expected text)");
            }
            return "";
        }
        if (!v.isValueNode()) {
            c.at(pointer, path, "expected text, found a " + (v.isArray() ? "list" : "mapping"));
            return "";
        }
        String t = v.asText().strip();
        for (int k = 0; k < t.length(); k++) {
            if (Character.isISOControl(t.charAt(k)) && t.charAt(k) != '\n' && t.charAt(k) != '\t') {
                c.at(pointer, path, "contains a control character");
                break;
            }
        }
        if (t.length() > KtabCsv.MAX_SCENARIO_TEXT * 8) {
            c.at(
                    pointer,
                    path,
                    "text of " + t.length() + " characters is too long (expected at most "
                            + KtabCsv.MAX_SCENARIO_TEXT * 8 + ")");
        }
        return t;
    }

    private static void unknownKeys(Located c, JsonNode node, String pointer, String path, Set<String> known) {
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            if (!known.contains(e.getKey())) {
                c.atKey(
                        pointer + "/" + esc(e.getKey()),
                        path.isEmpty() ? e.getKey() : path + "." + e.getKey(),
                        "unknown field '" + BargainingInputs.shorten(e.getKey()) + "' (expected one of "
                                + known.stream().sorted().toList() + ")",
                        Suggestions.didYouMean(e.getKey(), known));
            }
        }
    }

    private static String esc(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }
}
