package org.multivector.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import org.multivector.model.Actor;
import org.multivector.model.ActorKind;
import org.multivector.model.Border;
import org.multivector.model.Dimension;
import org.multivector.model.Dispute;
import org.multivector.model.DisputeKind;
import org.multivector.model.DyadSeries;
import org.multivector.model.Effect;
import org.multivector.model.Event;
import org.multivector.model.Institution;
import org.multivector.model.InstitutionDomain;
import org.multivector.model.Membership;
import org.multivector.model.Parameter;
import org.multivector.model.ParameterKey;
import org.multivector.model.Pole;
import org.multivector.model.PoleBehaviour;
import org.multivector.model.PoleRelation;
import org.multivector.model.Provenance;
import org.multivector.model.Quantity;
import org.multivector.model.RelationStatus;
import org.multivector.model.Scenario;
import org.multivector.model.StrategySpec;
import org.multivector.model.TieSeries;
import org.multivector.model.TimeSpan;
import org.multivector.model.YearSeries;

/*
 * Design: runs after the schema check, so shapes and types are known to be right; what is left is
 * meaning. Each section is checked and bound in one pass that reports every problem it finds and
 * keeps going (with placeholders), so a user sees all problems at once. The Scenario is only
 * built when no problem was found.
 */

/** Semantic checks of a schema-valid scenario tree, and binding to {@link Scenario}. */
final class ScenarioBinder {
    private static final double SUM_TOLERANCE = 1e-9;
    private static final Provenance PLACEHOLDER = Provenance.assumption("placeholder for a reported problem");

    private final YamlDocument doc;
    private final ProblemCollector problems;
    private final JsonNode root;

    private TimeSpan time = new TimeSpan(1991, 2030, 1991);
    private int format = 1;
    private final Map<String, Dimension> dimensions = new LinkedHashMap<>();
    private final Map<String, Pole> poles = new LinkedHashMap<>();
    private final Map<String, Actor> actors = new LinkedHashMap<>();
    private final Set<String> disputeIds = new HashSet<>();
    private final List<Border> borders = new ArrayList<>();

    ScenarioBinder(YamlDocument doc, ProblemCollector problems) {
        this.doc = doc;
        this.problems = problems;
        this.root = doc.root();
    }

    Scenario bind(String hash) {
        checkProvenance(root, "", false);
        format = root.path("format").asInt(1);
        bindTime();
        bindDimensions();
        bindActors();
        bindPoles();
        List<TieSeries> ties = bindTies();
        List<DyadSeries> interdependence = bindInterdependence();
        List<Institution> institutions = bindInstitutions();
        bindBorders();
        List<Dispute> disputes = bindDisputes();
        List<org.multivector.model.Route> routes = bindRoutes();
        List<Event> events = bindEvents();
        List<PoleRelation> poleRelations = bindPoleRelations();
        Quantity rivalry = quantity(root.path("rivalry"), "/rivalry", null);
        unit(rivalry.value(), "/rivalry/value", "rivalry");
        Map<String, StrategySpec> strategies = bindStrategies();
        Map<String, Parameter> parameters = bindParameters();
        org.multivector.model.ScenarioDefaults defaults = bindDefaults();
        problems.throwIfAny();
        return new Scenario(
                root.path("scenario").asText(),
                root.path("title").asText(root.path("scenario").asText()),
                time,
                List.copyOf(dimensions.values()),
                List.copyOf(poles.values()),
                List.copyOf(actors.values()),
                ties,
                interdependence,
                institutions,
                borders,
                disputes,
                routes,
                events,
                poleRelations,
                rivalry,
                strategies,
                parameters,
                defaults,
                hash);
    }

    // ---- provenance ---------------------------------------------------------------------------

    /** Every number must sit in a block that has, or is inside one that has, source or assumption. */
    private void checkProvenance(JsonNode node, String pointer, boolean covered) {
        if (pointer.equals("/format")) {
            return; // the file format's version, not a quantity
        }
        if (node.isObject()) {
            boolean hasSource = nonBlank(node.get("source"));
            boolean hasAssumption = nonBlank(node.get("assumption"));
            if (hasSource && hasAssumption) {
                problems.at(pointer, "gives both source and assumption (expected exactly one)");
            }
            boolean here = covered || hasSource || hasAssumption;
            for (Iterator<Map.Entry<String, JsonNode>> it = node.properties().iterator(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                checkProvenance(e.getValue(), pointer + "/" + YamlDocument.escape(e.getKey()), here);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                checkProvenance(node.get(i), pointer + "/" + i, covered);
            }
        } else if (node.isNumber() && !covered) {
            problems.at(
                    pointer,
                    node.asText()
                            + " has no provenance (expected source: or assumption: on this block or an enclosing one)");
        }
    }

    private static boolean nonBlank(JsonNode n) {
        return n != null && n.isTextual() && !n.asText().isBlank();
    }

    private static Provenance own(JsonNode node) {
        if (nonBlank(node.get("source"))) {
            return Provenance.source(node.get("source").asText());
        }
        if (nonBlank(node.get("assumption"))) {
            return Provenance.assumption(node.get("assumption").asText());
        }
        return null;
    }

    private static Provenance ownOr(JsonNode node, Provenance inherited) {
        Provenance p = own(node);
        return p != null ? p : inherited != null ? inherited : PLACEHOLDER;
    }

    /** A quantity written as {value, source|assumption} or as a bare number under {@code inherited}. */
    private Quantity quantity(JsonNode node, String pointer, Provenance inherited) {
        if (node.isObject()) {
            Integer knownFrom = node.has("knownFrom") ? node.get("knownFrom").asInt() : null;
            Quantity asOf = null;
            if (node.has("asOf")) {
                if (knownFrom == null) {
                    problems.at(pointer + "/asOf", "an asOf value needs the knownFrom year it stands before");
                }
                JsonNode a = node.get("asOf");
                asOf = quantity(a, pointer + "/asOf", PLACEHOLDER); // an earlier judgement may have its own asOf
                if (own(a) == null) {
                    problems.at(
                            pointer + "/asOf",
                            "has no source or assumption (expected the reason for the value" + " judged before "
                                    + knownFrom + ")");
                }
                if (asOf.knownFrom() != null && knownFrom != null && asOf.knownFrom() >= knownFrom) {
                    problems.at(
                            pointer + "/asOf/knownFrom",
                            asOf.knownFrom() + " is not before " + knownFrom
                                    + " (expected an earlier judgement to date from an earlier year)");
                }
            }
            return new Quantity(node.path("value").asDouble(), ownOr(node, inherited), knownFrom, asOf);
        }
        return new Quantity(node.asDouble(), inherited != null ? inherited : PLACEHOLDER);
    }

    // ---- sections -----------------------------------------------------------------------------

    private void bindTime() {
        JsonNode t = root.path("time");
        int start = t.path("start").asInt();
        int end = t.path("end").asInt();
        int last = t.path("lastObserved").asInt();
        boolean ok = true;
        if (end < start) {
            problems.at("/time/end", end + " is before the start year " + start + " (expected end >= start)");
            ok = false;
        }
        if (last < start - 1 || last > end) {
            problems.at(
                    "/time/lastObserved",
                    last + " is outside the time range " + start + ".." + end + " (expected a year from " + (start - 1)
                            + " to " + end + ")");
            ok = false;
        }
        if (ok) {
            time = new TimeSpan(start, end, last);
        }
    }

    private void year(int year, String pointer) {
        if (!time.contains(year)) {
            problems.at(pointer, "year " + year + " is outside the time range " + time.start() + ".." + time.end());
        }
    }

    private void unit(double v, String pointer, String what) {
        if (v < 0 || v > 1) {
            problems.at(pointer, v + " is not a " + what + " (expected 0..1)");
        }
    }

    private void bindDimensions() {
        JsonNode list = root.path("dimensions");
        for (int i = 0; i < list.size(); i++) {
            JsonNode d = list.get(i);
            String p = "/dimensions/" + i;
            String id = d.path("id").asText();
            Quantity salience = quantity(d.path("salience"), p + "/salience", null);
            Quantity inertia = quantity(d.path("inertia"), p + "/inertia", null);
            if (salience.value() < 0) {
                problems.at(p + "/salience/value", salience.value() + " is negative (expected a salience >= 0)");
            }
            if (inertia.value() <= 0 || inertia.value() > 1) {
                problems.at(
                        p + "/inertia/value",
                        inertia.value() + " is not an adjustment rate (expected 0 < inertia <= 1)");
            }
            Dimension dim = declared(d, p, id, salience, inertia);
            if (dimensions.putIfAbsent(id, dim) != null) {
                problems.at(p + "/id", "duplicate dimension id '" + id + "'");
            }
        }
        List<String> carriers = dimensions.values().stream()
                .filter(Dimension::interdependence)
                .map(Dimension::id)
                .toList();
        if (carriers.size() > 1) {
            problems.at(
                    "/dimensions",
                    "dimensions " + String.join(", ", carriers)
                            + " all declare interdependence: true (expected at most one: the trade shares behind"
                            + " sensitivity and Barbieri's measures)");
        }
    }

    /**
     * A dimension's declared semantics. Format 1 files may leave them out for the five ids the model
     * started with (the meaning it then gave them); any other id, and every id in format 2, must declare
     * at least its domain, so renaming a dimension can never silently change what it does.
     */
    private Dimension declared(JsonNode d, String p, String id, Quantity salience, Quantity inertia) {
        String name = d.path("name").asText(id);
        String unitText = d.path("unit").asText("");
        Legacy legacy = format == 1 ? Legacy.of(id) : null;
        InstitutionDomain domain;
        if (d.has("domain")) {
            domain = InstitutionDomain.valueOf(d.get("domain").asText().toUpperCase(java.util.Locale.ROOT));
        } else if (legacy != null) {
            domain = legacy.domain;
        } else {
            problems.at(
                    p,
                    "dimension '" + id + "' declares no domain (expected domain: economic, security or political,"
                            + (format == 1
                                    ? " and coercible: and interdependence: where true; format 1 infers them only for"
                                            + " the ids trade, investment, energy, security and diplomacy)"
                                    : " and coercible: and interdependence: where true)"));
            domain = InstitutionDomain.ECONOMIC;
        }
        boolean explicit = d.has("domain");
        boolean coercible =
                d.has("coercible") ? d.get("coercible").asBoolean() : !explicit && legacy != null && legacy.coercible;
        boolean interdependence = d.has("interdependence")
                ? d.get("interdependence").asBoolean()
                : !explicit && legacy != null && legacy.interdependence;
        boolean debt = d.path("debt").asBoolean(false);
        return new Dimension(id, name, salience, inertia, domain, coercible, interdependence, unitText, debt);
    }

    /** The semantics format 1 gave the model's first five dimension ids. */
    private enum Legacy {
        TRADE("trade", InstitutionDomain.ECONOMIC, false, true),
        INVESTMENT("investment", InstitutionDomain.ECONOMIC, false, false),
        ENERGY("energy", InstitutionDomain.ECONOMIC, true, false),
        SECURITY("security", InstitutionDomain.SECURITY, true, false),
        DIPLOMACY("diplomacy", InstitutionDomain.POLITICAL, false, false);

        final String id;
        final InstitutionDomain domain;
        final boolean coercible;
        final boolean interdependence;

        Legacy(String id, InstitutionDomain domain, boolean coercible, boolean interdependence) {
            this.id = id;
            this.domain = domain;
            this.coercible = coercible;
            this.interdependence = interdependence;
        }

        static Legacy of(String id) {
            for (Legacy l : values()) {
                if (l.id.equals(id)) {
                    return l;
                }
            }
            return null;
        }
    }

    private void bindActors() {
        JsonNode list = root.path("actors");
        for (int i = 0; i < list.size(); i++) {
            JsonNode a = list.get(i);
            String p = "/actors/" + i;
            String id = a.path("id").asText();
            ActorKind kind = ActorKind.valueOf(a.path("kind").asText().toUpperCase(java.util.Locale.ROOT));
            Provenance prov = ownOr(a, null);
            Map<String, YearSeries> caps = new LinkedHashMap<>();
            JsonNode c = a.path("capabilities");
            for (Iterator<String> it = c.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                YearSeries s = series(c.get(name), p + "/capabilities/" + name, prov, name.equals("instability"));
                if (s != null) {
                    caps.put(name, s);
                }
            }
            java.util.Optional<Quantity> fragility = java.util.Optional.empty();
            if (a.has("fragility")) {
                Quantity f = quantity(a.get("fragility"), p + "/fragility", prov);
                unit(f.value(), p + "/fragility/value", "fragility");
                if (f.asOf() != null) {
                    unit(f.asOf().value(), p + "/fragility/asOf/value", "fragility");
                }
                fragility = java.util.Optional.of(f);
            } else if (kind == ActorKind.REGIONAL) {
                problems.at(
                        p,
                        "regional state '" + id
                                + "' has no fragility (expected fragility: {value: 0..1, source|assumption})");
            }
            Integer cow = a.has("cow") ? a.get("cow").asInt() : null;
            Actor actor = new Actor(id, a.path("name").asText(id), kind, cow, caps, fragility, prov);
            if (actors.putIfAbsent(id, actor) != null) {
                problems.at(p + "/id", "duplicate actor id '" + id + "'");
            }
        }
        if (actors.values().stream().noneMatch(x -> x.kind() == ActorKind.REGIONAL)) {
            problems.at("/actors", "no regional state (expected at least one actor with kind: regional)");
        }
    }

    private YearSeries series(JsonNode s, String pointer, Provenance inherited, boolean unitRange) {
        JsonNode values = s.path("values");
        TreeMap<Integer, Double> sorted = new TreeMap<>();
        for (Iterator<String> it = values.fieldNames(); it.hasNext(); ) {
            String y = it.next();
            double v = values.get(y).asDouble();
            String vp = pointer + "/values/" + y;
            if (v < 0) {
                problems.at(vp, v + " is negative (expected a value >= 0)");
            } else if (unitRange && v > 1) {
                problems.at(vp, v + " is not in 0..1 (expected 0..1)");
            }
            sorted.put(Integer.parseInt(y), v);
        }
        if (sorted.isEmpty()) {
            return null;
        }
        int[] years = sorted.keySet().stream().mapToInt(Integer::intValue).toArray();
        double[] vals =
                sorted.values().stream().mapToDouble(Double::doubleValue).toArray();
        return new YearSeries(years, vals, ownOr(s, inherited));
    }

    private void bindPoles() {
        JsonNode list = root.path("poles");
        int residuals = 0;
        for (int i = 0; i < list.size(); i++) {
            JsonNode n = list.get(i);
            String p = "/poles/" + i;
            String id = n.path("id").asText();
            boolean residual = n.path("residual").asBoolean(false);
            List<String> members = new ArrayList<>();
            JsonNode m = n.path("members");
            for (int k = 0; k < m.size(); k++) {
                String member = m.get(k).asText();
                if (!actors.containsKey(member)) {
                    unknown(p + "/members/" + k, "actor", member, actors.keySet());
                } else if (actors.get(member).kind() == ActorKind.REGIONAL) {
                    problems.at(
                            p + "/members/" + k,
                            "'" + member + "' is a regional state (expected a pole or other actor as pole member)");
                }
                members.add(member);
            }
            if (residual) {
                residuals++;
            } else if (members.isEmpty()) {
                problems.at(
                        p, "pole '" + id + "' has no members (expected members: [actor ids] unless residual: true)");
            }
            PoleBehaviour behaviour;
            JsonNode b = n.path("behaviour");
            if (b.isObject()) {
                Provenance prov = ownOr(b, null);
                Map<String, Quantity> interest = new LinkedHashMap<>();
                for (Iterator<String> it = b.path("interest").fieldNames(); it.hasNext(); ) {
                    String dim = it.next();
                    if (!dimensions.containsKey(dim)) {
                        unknown(p + "/behaviour/interest/" + dim, "dimension", dim, dimensions.keySet());
                    }
                    interest.put(dim, new Quantity(b.path("interest").get(dim).asDouble(), prov));
                }
                for (String dim : dimensions.keySet()) {
                    if (!interest.containsKey(dim)) {
                        problems.at(
                                p + "/behaviour/interest",
                                "no interest for dimension '" + dim + "' (expected one per dimension)");
                    }
                }
                behaviour = new PoleBehaviour(
                        interest,
                        new Quantity(b.path("coercion").asDouble(), prov),
                        new Quantity(b.path("assertiveness").asDouble(), prov),
                        new Quantity(b.path("pressureThreshold").asDouble(), prov));
            } else {
                if (!residual) {
                    problems.at(
                            p,
                            "pole '" + id
                                    + "' has no behaviour (expected behaviour: {interest, coercion, assertiveness, pressureThreshold})");
                }
                Quantity zero = new Quantity(0, Provenance.assumption("the residual partner makes no pressure"));
                Map<String, Quantity> interest = new LinkedHashMap<>();
                for (String dim : dimensions.keySet()) {
                    interest.put(
                            dim,
                            new Quantity(
                                    1, Provenance.assumption("residual interest is set by parameter residual-offer")));
                }
                behaviour = new PoleBehaviour(interest, zero, zero, zero);
            }
            if (poles.putIfAbsent(id, new Pole(id, n.path("name").asText(id), members, residual, behaviour)) != null) {
                problems.at(p + "/id", "duplicate pole id '" + id + "'");
            }
            if (actors.containsKey(id) && actors.get(id).kind() == ActorKind.REGIONAL) {
                problems.at(
                        p + "/id",
                        "'" + id + "' is a regional state (expected a pole id distinct from regional states)");
            }
        }
        if (residuals > 1) {
            problems.at("/poles", residuals + " residual poles (expected at most one)");
        }
        if (poles.values().stream().filter(x -> !x.residual()).count() < 2) {
            problems.at("/poles", "fewer than two non-residual poles (expected at least two to balance between)");
        }
    }

    private void unknown(String pointer, String what, String given, Set<String> known) {
        problems.at(
                pointer,
                "unknown " + what + " '" + given + "' (expected one of " + String.join(", ", known) + ")",
                Suggestions.didYouMean(given, known));
    }

    private boolean regional(String pointer, String id) {
        Actor a = actors.get(id);
        if (a == null) {
            unknown(pointer, "actor", id, regionalIds());
            return false;
        }
        if (a.kind() != ActorKind.REGIONAL) {
            problems.at(
                    pointer,
                    "'" + id + "' is not a regional state (expected one of " + String.join(", ", regionalIds()) + ")");
            return false;
        }
        return true;
    }

    private Set<String> regionalIds() {
        Set<String> ids = new LinkedHashSet<>();
        actors.values().stream().filter(x -> x.kind() == ActorKind.REGIONAL).forEach(x -> ids.add(x.id()));
        return ids;
    }

    private void dimension(String pointer, String id) {
        if (!dimensions.containsKey(id)) {
            unknown(pointer, "dimension", id, dimensions.keySet());
        }
    }

    private List<TieSeries> bindTies() {
        JsonNode list = root.path("ties");
        List<TieSeries> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode t = list.get(i);
            String p = "/ties/" + i;
            String state = t.path("state").asText();
            String dim = t.path("dimension").asText();
            regional(p + "/state", state);
            dimension(p + "/dimension", dim);
            if (!seen.add(state + "/" + dim)) {
                problems.at(
                        p, "second tie series for " + state + " " + dim + " (expected one per state and dimension)");
            }
            NavigableMap<Integer, Map<String, Double>> shares = new TreeMap<>();
            JsonNode s = t.path("shares");
            for (Iterator<String> it = s.fieldNames(); it.hasNext(); ) {
                String y = it.next();
                String yp = p + "/shares/" + y;
                int year = Integer.parseInt(y);
                if (!time.contains(year)) {
                    problems.atKey(
                            yp,
                            "year " + year + " is outside the time range " + time.start() + ".." + time.end(),
                            null);
                }
                Map<String, Double> row = new LinkedHashMap<>();
                double sum = 0;
                double slack = SUM_TOLERANCE;
                for (Iterator<String> pit = s.get(y).fieldNames(); pit.hasNext(); ) {
                    String pole = pit.next();
                    JsonNode cell = s.get(y).get(pole);
                    String vp = yp + "/" + pole;
                    if (cell.isNull()) {
                        if (!poles.containsKey(pole) || poles.get(pole).residual()) {
                            problems.atKey(
                                    vp,
                                    "'" + pole + "' cannot be missing (expected one of "
                                            + String.join(", ", nonResidualPoles()) + " with a null share)",
                                    null);
                        }
                        row.put(pole, Double.NaN);
                        continue;
                    }
                    double v = cell.asDouble();
                    slack += 0.5 * StrictMath.pow(10, -decimals(cell));
                    if (!poles.containsKey(pole)) {
                        problems.atKey(
                                vp,
                                "unknown pole '" + pole + "' (expected one of " + String.join(", ", poles.keySet())
                                        + ")",
                                Suggestions.didYouMean(pole, poles.keySet()));
                    } else if (!poles.get(pole).residual()) {
                        sum += v;
                    }
                    if (v < 0 || v > 1) {
                        problems.at(vp, v + " is not a share (expected 0..1)");
                    }
                    row.put(pole, v);
                }
                if (sum > 1 + slack) {
                    problems.at(
                            yp,
                            "shares over poles sum to " + round(sum) + " (expected at most 1, give or take the rounding"
                                    + " of the printed digits: " + round(slack) + ")");
                }
                boolean anyObserved = false;
                for (String pole : nonResidualPoles()) {
                    if (!row.containsKey(pole)) {
                        // format 1 read an unnamed pole as 0; format 2 reads it as missing (a list of top partners)
                        row.put(pole, format == 1 ? 0.0 : Double.NaN);
                    }
                    anyObserved |= !Double.isNaN(row.get(pole));
                }
                if (!anyObserved) {
                    problems.atKey(
                            yp,
                            "no pole's share is observed in " + year
                                    + " (expected at least one share, or the year under missing:)",
                            null);
                }
                shares.put(year, row);
            }
            List<Integer> missing = new ArrayList<>();
            t.path("missing").forEach(m -> missing.add(m.asInt()));
            java.util.Set<Integer> listed = new java.util.HashSet<>();
            for (int k = 0; k < missing.size(); k++) {
                if (!listed.add(missing.get(k))) {
                    problems.at(
                            p + "/missing/" + k,
                            "year " + missing.get(k) + " is listed twice (expected each missing year once)");
                }
                if (shares.containsKey(missing.get(k))) {
                    problems.at(
                            p + "/missing/" + k,
                            "year " + missing.get(k) + " is marked missing but has shares (expected one or the other)");
                }
            }
            out.add(new TieSeries(
                    state,
                    dim,
                    ownOr(t, null),
                    shares,
                    missing,
                    t.path("missingNote").asText("")));
        }
        return out;
    }

    /** The number of decimal places a number was written with (0.1525 → 4). */
    private static int decimals(JsonNode n) {
        try {
            return Math.max(
                    0, new java.math.BigDecimal(n.asText()).stripTrailingZeros().scale());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String round(double v) {
        return java.math.BigDecimal.valueOf(v)
                .setScale(4, java.math.RoundingMode.HALF_EVEN)
                .stripTrailingZeros()
                .toPlainString();
    }

    /** A pair of actors (a border): both known, two different ones. */
    private boolean pair(String pointer, JsonNode pair) {
        String a = pair.path(0).asText();
        String b = pair.path(1).asText();
        boolean ok = true;
        if (!actors.containsKey(a)) {
            unknown(pointer + "/0", "actor", a, actors.keySet());
            ok = false;
        }
        if (!actors.containsKey(b)) {
            unknown(pointer + "/1", "actor", b, actors.keySet());
            ok = false;
        }
        if (a.equals(b)) {
            problems.at(pointer, "pair names '" + a + "' twice (expected two different actors)");
            ok = false;
        }
        return ok;
    }

    /**
     * A pair of parties to a relation (dispute, tension, confidence-building, interdependence): each a regional state,
     * a pole (by its id) or another actor, two different ones, at least one of them regional (relations between poles
     * are declared under poleRelations).
     */
    private boolean relationPair(String pointer, JsonNode pair) {
        String a = pair.path(0).asText();
        String b = pair.path(1).asText();
        boolean ok = party(pointer + "/0", a) & party(pointer + "/1", b);
        if (a.equals(b)) {
            problems.at(pointer, "pair names '" + a + "' twice (expected two different parties)");
            return false;
        }
        if (ok && !isRegional(a) && !isRegional(b)) {
            problems.at(
                    pointer,
                    "neither " + a + " nor " + b
                            + " is a regional state (expected at least one; relations between poles go under"
                            + " poleRelations)");
            ok = false;
        }
        return ok;
    }

    private boolean isRegional(String id) {
        Actor a = actors.get(id);
        return a != null && a.kind() == ActorKind.REGIONAL;
    }

    /** A party to a relation: a regional state, a (non-residual) pole id, or an actor of kind other. */
    private boolean party(String pointer, String id) {
        Pole pole = poles.get(id);
        if (pole != null) {
            if (pole.residual()) {
                problems.at(
                        pointer,
                        "'" + id + "' is the residual pole, the rest of the world (expected a regional state, a pole"
                                + " or another actor)");
                return false;
            }
            return true;
        }
        Actor a = actors.get(id);
        if (a == null) {
            Set<String> known = new LinkedHashSet<>(regionalIds());
            known.addAll(nonResidualPoles());
            actors.values().stream().filter(x -> x.kind() == ActorKind.OTHER).forEach(x -> known.add(x.id()));
            problems.at(
                    pointer,
                    "unknown party '" + id + "' (expected a regional state, a pole or another actor: "
                            + String.join(", ", known) + ")",
                    Suggestions.didYouMean(id, known));
            return false;
        }
        if (a.kind() == ActorKind.POLE) {
            String of = poles.values().stream()
                    .filter(x -> x.members().contains(id))
                    .map(Pole::id)
                    .findFirst()
                    .orElse(null);
            problems.at(
                    pointer,
                    of == null
                            ? "'" + id + "' is a pole member that belongs to no pole (expected a regional state, a pole"
                                    + " or another actor)"
                            : "'" + id + "' is a member of pole " + of + " (expected the pole id " + of
                                    + " for a relation with the pole)");
            return false;
        }
        return true;
    }

    /** The actors a party stands for: a pole's members, or the actor itself. */
    private List<String> membersOf(String party) {
        Pole pole = poles.get(party);
        return pole != null ? pole.members() : List.of(party);
    }

    /** True when two parties share a border in some year (a pole through any of its members). */
    private boolean partiesContiguous(String a, String b) {
        for (String x : membersOf(a)) {
            for (String y : membersOf(b)) {
                if (borders.stream().anyMatch(br -> br.joins(x, y))) {
                    return true;
                }
            }
        }
        return false;
    }

    private List<DyadSeries> bindInterdependence() {
        JsonNode list = root.path("interdependence");
        List<DyadSeries> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode d = list.get(i);
            String p = "/interdependence/" + i;
            relationPair(p + "/pair", d.path("pair"));
            String a = d.path("pair").path(0).asText();
            String b = d.path("pair").path(1).asText();
            if (!seen.add(key(a, b))) {
                problems.at(
                        p + "/pair", "second interdependence series for " + a + "-" + b + " (expected one per pair)");
            }
            YearSeries s = series(d, p, null, true);
            if (s != null) {
                for (int k = 0; k < s.size(); k++) {
                    year(s.yearAt(k), p + "/values/" + s.yearAt(k));
                }
                out.add(new DyadSeries(a, b, s));
            }
        }
        return out;
    }

    private static String key(String a, String b) {
        return a.compareTo(b) < 0 ? a + "-" + b : b + "-" + a;
    }

    private List<Institution> bindInstitutions() {
        JsonNode list = root.path("institutions");
        List<Institution> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode n = list.get(i);
            String p = "/institutions/" + i;
            String id = n.path("id").asText();
            if (!ids.add(id)) {
                problems.at(p + "/id", "duplicate institution id '" + id + "'");
            }
            Provenance prov = ownOr(n, null);
            List<String> lead = new ArrayList<>();
            JsonNode l = n.path("lead");
            for (int k = 0; k < l.size(); k++) {
                String pole = l.get(k).asText();
                if (!poles.containsKey(pole) || poles.get(pole).residual()) {
                    unknown(p + "/lead/" + k, "pole", pole, nonResidualPoles());
                }
                lead.add(pole);
            }
            int founded = n.path("founded").asInt();
            List<Membership> members = new ArrayList<>();
            JsonNode m = n.path("members");
            for (int k = 0; k < m.size(); k++) {
                JsonNode mm = m.get(k);
                String mp = p + "/members/" + k;
                String state = mm.path("state").asText();
                if (!actors.containsKey(state)) {
                    unknown(mp + "/state", "actor", state, actors.keySet());
                }
                int joined = mm.path("joined").asInt();
                if (joined < founded) {
                    problems.at(
                            mp + "/joined",
                            "joined " + joined + ", before " + id + " was founded in " + founded
                                    + " (expected joined >= " + founded + ")");
                }
                OptionalInt left = OptionalInt.empty();
                if (mm.has("left")) {
                    left = OptionalInt.of(mm.get("left").asInt());
                    if (left.getAsInt() < joined) {
                        problems.at(
                                mp + "/left",
                                "left " + left.getAsInt() + ", before joining in " + joined
                                        + " (expected left >= joined)");
                    }
                }
                TreeMap<Integer, org.multivector.model.MembershipStatus> status = new TreeMap<>();
                JsonNode st = mm.path("status");
                for (int k2 = 0; k2 < st.size(); k2++) {
                    String sp = mp + "/status/" + k2;
                    int y = st.get(k2).path("from").asInt();
                    boolean inside = y >= joined && (left.isEmpty() || y < left.getAsInt());
                    if (!inside) {
                        problems.at(
                                sp + "/from",
                                "status from " + y + " lies outside the membership " + joined + ".."
                                        + (left.isPresent() ? Integer.toString(left.getAsInt() - 1) : "")
                                        + " (expected a year the state belongs to " + id + ")");
                    } else if (!status.isEmpty() && y <= status.lastKey()) {
                        problems.at(
                                sp + "/from",
                                y + " is not after the previous status change in " + status.lastKey()
                                        + " (expected status changes in year order)");
                    }
                    status.put(
                            y,
                            org.multivector.model.MembershipStatus.valueOf(
                                    st.get(k2).path("status").asText().toUpperCase(java.util.Locale.ROOT)));
                }
                members.add(new Membership(state, joined, left, status, ownOr(mm, prov)));
            }
            InstitutionDomain domain =
                    InstitutionDomain.valueOf(n.path("domain").asText().toUpperCase(java.util.Locale.ROOT));
            Quantity effectiveness = null;
            if (n.has("effectiveness")) {
                effectiveness = quantity(n.get("effectiveness"), p + "/effectiveness", null);
                String ep = p + "/effectiveness";
                for (Quantity q = effectiveness; q != null; q = q.asOf(), ep += "/asOf") {
                    unit(q.value(), ep + "/value", "valid effectiveness");
                }
            }
            out.add(new Institution(
                    id, n.path("name").asText(id), domain, lead, founded, members, prov, effectiveness));
        }
        return out;
    }

    private Set<String> nonResidualPoles() {
        Set<String> ids = new LinkedHashSet<>();
        poles.values().stream().filter(x -> !x.residual()).forEach(x -> ids.add(x.id()));
        return ids;
    }

    private void bindBorders() {
        JsonNode list = root.path("borders");
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode n = list.get(i);
            String p = "/borders/" + i;
            pair(p + "/pair", n.path("pair"));
            String a = n.path("pair").path(0).asText();
            String b = n.path("pair").path(1).asText();
            if (!seen.add(key(a, b))) {
                problems.at(p + "/pair", "second border for " + a + "-" + b + " (expected one per pair)");
            }
            int from = n.has("from") ? n.get("from").asInt() : Integer.MIN_VALUE;
            OptionalInt until = n.has("until") ? OptionalInt.of(n.get("until").asInt()) : OptionalInt.empty();
            if (until.isPresent() && until.getAsInt() <= (n.has("from") ? from : time.start())) {
                problems.at(
                        p + "/until",
                        "until " + until.getAsInt() + ", not after the border's first year "
                                + (n.has("from") ? from : time.start()) + " (expected until > from)");
            }
            TreeMap<Integer, org.multivector.model.BorderStatus> status = new TreeMap<>();
            JsonNode st = n.path("status");
            for (int k = 0; k < st.size(); k++) {
                int y = st.get(k).path("from").asInt();
                String sp = p + "/status/" + k;
                year(y, sp + "/from");
                if (status.containsKey(y)) {
                    problems.at(sp + "/from", "second status for " + y + " (expected one status change per year)");
                } else if (!status.isEmpty() && y < status.lastKey()) {
                    problems.at(
                            sp + "/from",
                            y + " comes before the previous status change in " + status.lastKey()
                                    + " (expected status changes in year order)");
                }
                status.put(
                        y,
                        org.multivector.model.BorderStatus.valueOf(
                                st.get(k).path("status").asText().toUpperCase(java.util.Locale.ROOT)));
            }
            Quantity length = n.has("lengthKm")
                    ? quantity(n.path("lengthKm"), p + "/lengthKm", ownOr(n, null))
                    : null; // not given: the model does not use it
            borders.add(new Border(a, b, length, from, until, status));
        }
    }

    private List<PoleRelation> bindPoleRelations() {
        JsonNode list = root.path("poleRelations");
        List<PoleRelation> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode n = list.get(i);
            String p = "/poleRelations/" + i;
            String a = n.path("pair").path(0).asText();
            String b = n.path("pair").path(1).asText();
            boolean ok = true;
            for (int k = 0; k < 2; k++) {
                String id = k == 0 ? a : b;
                if (!poles.containsKey(id) || poles.get(id).residual()) {
                    unknown(p + "/pair/" + k, "pole", id, nonResidualPoles());
                    ok = false;
                }
            }
            if (a.equals(b)) {
                problems.at(p + "/pair", "pair names '" + a + "' twice (expected two different poles)");
                ok = false;
            }
            Provenance prov = ownOr(n, null);
            Quantity intensity = quantity(n.path("intensity"), p + "/intensity", prov);
            unit(intensity.value(), p + "/intensity/value", "relation intensity");
            int from = n.path("from").asInt();
            year(from, p + "/from");
            OptionalInt until = n.has("until") ? OptionalInt.of(n.get("until").asInt()) : OptionalInt.empty();
            if (until.isPresent() && until.getAsInt() <= from) {
                problems.at(
                        p + "/until",
                        "until " + until.getAsInt() + ", not after it began in " + from + " (expected until > from)");
            }
            RelationStatus status =
                    RelationStatus.valueOf(n.path("status").asText().toUpperCase(java.util.Locale.ROOT));
            PoleRelation r = new PoleRelation(a, b, status, intensity, from, until, prov);
            if (ok) {
                for (int k = 0; k < out.size(); k++) {
                    PoleRelation o = out.get(k);
                    int end = until.orElse(Integer.MAX_VALUE);
                    int oEnd = o.until().orElse(Integer.MAX_VALUE);
                    if (o.joins(a, b) && from < oEnd && o.from() < end) {
                        problems.at(
                                p + "/from",
                                a + "-" + b + " from " + from + " overlaps the relation listed from " + o.from()
                                        + " (expected one relation per pair and year: end the earlier one with until:)");
                        break;
                    }
                }
                out.add(r);
            }
        }
        return out;
    }

    private List<Dispute> bindDisputes() {
        JsonNode list = root.path("disputes");
        List<Dispute> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode n = list.get(i);
            String p = "/disputes/" + i;
            String id = n.path("id").asText();
            if (!disputeIds.add(id)) {
                problems.at(p + "/id", "duplicate dispute id '" + id + "'");
            }
            boolean ok = relationPair(p + "/pair", n.path("pair"));
            String a = n.path("pair").path(0).asText();
            String b = n.path("pair").path(1).asText();
            DisputeKind kind = DisputeKind.valueOf(n.path("kind").asText().toUpperCase(java.util.Locale.ROOT));
            if (ok && kind == DisputeKind.BORDER && !partiesContiguous(a, b)) {
                problems.at(
                        p + "/kind",
                        "border dispute between " + a + " and " + b
                                + ", which share no border (expected a pair listed under borders)");
            }
            Provenance prov = ownOr(n, null);
            Quantity intensity = quantity(n.path("intensity"), p + "/intensity", prov);
            unit(intensity.value(), p + "/intensity/value", "dispute intensity");
            if (intensity.asOf() != null) {
                unit(intensity.asOf().value(), p + "/intensity/asOf/value", "dispute intensity");
            }
            int from = n.path("from").asInt();
            if (from > time.end()) {
                problems.at(
                        p + "/from",
                        "year " + from + " is after the end of the time range " + time.start() + ".." + time.end());
            }
            OptionalInt resolved = OptionalInt.empty();
            if (n.has("resolved")) {
                resolved = OptionalInt.of(n.get("resolved").asInt());
                if (resolved.getAsInt() <= from) {
                    problems.at(
                            p + "/resolved",
                            "resolved " + resolved.getAsInt() + ", not after it began in " + from
                                    + " (expected resolved > from)");
                }
            }
            org.multivector.model.Negotiation talks = null;
            if (n.has("negotiation")) {
                JsonNode t = n.get("negotiation");
                String tp = p + "/negotiation";
                Provenance tprov = own(t);
                if (tprov == null) {
                    problems.at(
                            tp,
                            "talks without source or assumption (expected one, saying where the positions and"
                                    + " saliences come from)");
                    tprov = PLACEHOLDER;
                }
                int tFrom = t.path("from").asInt();
                if (tFrom < from || tFrom > time.end()) {
                    problems.at(
                            tp + "/from",
                            "talks from " + tFrom + ", outside the dispute's years " + from + ".." + time.end());
                }
                double[] pos = new double[2];
                double[] sal = new double[2];
                for (int k = 0; k < 2; k++) {
                    pos[k] = t.path("positions").path(k).asDouble();
                    sal[k] = t.path("saliences").path(k).asDouble();
                    unit(pos[k], tp + "/positions/" + k, "position");
                    if (!(sal[k] > 0 && sal[k] <= 1)) {
                        problems.at(tp + "/saliences/" + k, "salience " + sal[k] + " (expected a number in (0, 1])");
                    }
                }
                if (pos[0] == pos[1]) {
                    problems.at(
                            tp + "/positions",
                            "both parties at " + pos[0] + ": nothing to negotiate (expected" + " different positions)");
                }
                talks = new org.multivector.model.Negotiation(tFrom, pos[0], pos[1], sal[0], sal[1], tprov);
            }
            out.add(new Dispute(id, a, b, kind, intensity, from, resolved, prov, talks));
        }
        return out;
    }

    private List<org.multivector.model.Route> bindRoutes() {
        JsonNode list = root.path("routes");
        List<org.multivector.model.Route> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode n = list.get(i);
            String p = "/routes/" + i;
            String id = n.path("id").asText();
            if (!ids.add(id)) {
                problems.at(p + "/id", "duplicate route id '" + id + "'");
            }
            String state = n.path("state").asText();
            regional(p + "/state", state);
            String pole;
            if (n.has("pole") == n.has("partner")) {
                problems.at(
                        p,
                        "a route names " + (n.has("pole") ? "both pole and partner" : "no partner")
                                + " (expected one of them: a pole, or a regional state or other actor that supplies it)");
                pole = "";
            } else if (n.has("pole")) {
                pole = n.path("pole").asText();
                if (!poles.containsKey(pole)) {
                    unknown(p + "/pole", "pole", pole, poles.keySet());
                }
            } else {
                pole = n.path("partner").asText();
                if (!poles.containsKey(pole)) {
                    Actor a = actors.get(pole);
                    if (a == null || a.kind() == ActorKind.POLE || pole.equals(state)) {
                        Set<String> known = new LinkedHashSet<>(poles.keySet());
                        actors.values().stream()
                                .filter(x -> x.kind() != ActorKind.POLE && !x.id().equals(state))
                                .forEach(x -> known.add(x.id()));
                        problems.at(
                                p + "/partner",
                                "'" + pole + "' is not a partner of " + state + " (expected a pole, or another regional"
                                        + " state or other actor: " + String.join(", ", known) + ")",
                                Suggestions.didYouMean(pole, known));
                    } else if (poles.values().stream().noneMatch(Pole::residual)) {
                        problems.at(
                                p + "/partner",
                                "a route to " + pole + ", which is no pole, needs a residual pole to count for"
                                        + " (expected a pole with residual: true)");
                    }
                }
            }
            dimension(p + "/dimension", n.path("dimension").asText());
            Provenance prov = ownOr(n, null);
            Quantity weight = quantity(n.path("weight"), p + "/weight", prov);
            if (weight.value() <= 0) {
                problems.at(p + "/weight", weight.value() + " is not a positive weight (expected > 0)");
            }
            int opened = n.path("opened").asInt();
            OptionalInt closed =
                    n.has("closed") ? OptionalInt.of(n.get("closed").asInt()) : OptionalInt.empty();
            if (closed.isPresent() && closed.getAsInt() <= opened) {
                problems.at(
                        p + "/closed",
                        "closed " + closed.getAsInt() + ", not after opening in " + opened
                                + " (expected closed > opened)");
            }
            org.multivector.model.Route.Unit unit = org.multivector.model.Route.Unit.RELATIVE;
            if (n.has("unit")) {
                String u = n.get("unit").asText();
                var parsed = org.multivector.model.Route.Unit.parse(u);
                if (parsed.isEmpty()) {
                    problems.at(
                            p + "/unit",
                            "'" + u + "' is not a unit of a route (expected PJ, Mt oil, bcm gas or TWh, a year)");
                } else {
                    unit = parsed.get();
                }
            }
            String key = state + "/" + n.path("dimension").asText();
            Boolean before = routeUnits.putIfAbsent(key, unit != org.multivector.model.Route.Unit.RELATIVE);
            if (before != null && before != (unit != org.multivector.model.Route.Unit.RELATIVE)) {
                problems.at(
                        p + "/unit",
                        "the routes of " + state + " in " + n.path("dimension").asText() + " mix weights with and"
                                + " without a unit (expected a unit on every one, or on none)");
            }
            out.add(new org.multivector.model.Route(
                    id, state, pole, n.path("dimension").asText(), opened, closed, weight, unit, prov));
        }
        return out;
    }

    private final java.util.Map<String, Boolean> routeUnits = new java.util.HashMap<>();

    private List<Event> bindEvents() {
        JsonNode list = root.path("events");
        List<Event> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode n = list.get(i);
            String p = "/events/" + i;
            String id = n.path("id").asText();
            if (!ids.add(id)) {
                problems.at(p + "/id", "duplicate event id '" + id + "'");
            }
            int year = n.path("year").asInt();
            year(year, p + "/year");
            Provenance prov = ownOr(n, null);
            List<Effect> effects = new ArrayList<>();
            JsonNode es = n.path("effects");
            for (int k = 0; k < es.size(); k++) {
                Effect e = effect(es.get(k), p + "/effects/" + k, prov);
                if (e != null) {
                    effects.add(e);
                }
            }
            out.add(new Event(id, year, n.path("title").asText(id), prov, effects));
        }
        return out;
    }

    private Effect effect(JsonNode e, String p, Provenance inherited) {
        String type = e.path("type").asText();
        Provenance prov = ownOr(e, inherited);
        List<String> needed = switch (type) {
            case "rivalry" -> List.of("delta");
            case "tension" -> List.of("pair", "delta");
            case "fragility" -> List.of("state", "delta");
            case "offer" -> List.of("pole", "dimension", "factor");
            case "dispute" -> List.of("dispute", "intensity");
            case "cbm" -> List.of("pair", "level");
            case "mediation" -> List.of("state", "effort");
            case "hub" -> List.of("state", "delta");
            case "defence" -> List.of("state", "level");
            case "identity" -> List.of("state", "level");
            default -> List.of();
        };
        boolean complete = true;
        for (String f : needed) {
            if (!e.has(f)) {
                problems.at(p, "a " + type + " effect needs '" + f + "' (expected " + String.join(", ", needed) + ")");
                complete = false;
            }
        }
        if (!complete) {
            return null;
        }
        return switch (type) {
            case "rivalry" -> new Effect.Rivalry(new Quantity(e.get("delta").asDouble(), prov));
            case "tension" -> {
                relationPair(p + "/pair", e.get("pair"));
                yield new Effect.Tension(
                        e.get("pair").get(0).asText(),
                        e.get("pair").get(1).asText(),
                        new Quantity(e.get("delta").asDouble(), prov));
            }
            case "fragility" -> {
                regional(p + "/state", e.get("state").asText());
                yield new Effect.Fragility(
                        e.get("state").asText(), new Quantity(e.get("delta").asDouble(), prov));
            }
            case "offer" -> {
                String pole = e.get("pole").asText();
                if (!poles.containsKey(pole)) {
                    unknown(p + "/pole", "pole", pole, poles.keySet());
                }
                dimension(p + "/dimension", e.get("dimension").asText());
                String state = e.has("state") ? e.get("state").asText() : null;
                if (state != null) {
                    regional(p + "/state", state);
                }
                yield new Effect.Offer(
                        pole,
                        e.get("dimension").asText(),
                        state,
                        new Quantity(e.get("factor").asDouble(), prov));
            }
            case "dispute" -> {
                String d = e.get("dispute").asText();
                if (!disputeIds.contains(d)) {
                    unknown(p + "/dispute", "dispute", d, disputeIds);
                }
                yield new Effect.DisputeIntensity(
                        d, new Quantity(e.get("intensity").asDouble(), prov));
            }
            case "cbm" -> {
                relationPair(p + "/pair", e.get("pair"));
                yield new Effect.ConfidenceBuilding(
                        e.get("pair").get(0).asText(),
                        e.get("pair").get(1).asText(),
                        new Quantity(e.get("level").asDouble(), prov));
            }
            case "mediation" -> {
                regional(p + "/state", e.get("state").asText());
                yield new Effect.Mediation(
                        e.get("state").asText(), new Quantity(e.get("effort").asDouble(), prov));
            }
            case "hub" -> {
                regional(p + "/state", e.get("state").asText());
                yield new Effect.Hub(
                        e.get("state").asText(), new Quantity(e.get("delta").asDouble(), prov));
            }
            case "defence" -> {
                regional(p + "/state", e.get("state").asText());
                yield new Effect.Defence(
                        e.get("state").asText(), new Quantity(e.get("level").asDouble(), prov));
            }
            case "identity" -> {
                regional(p + "/state", e.get("state").asText());
                yield new Effect.Identity(
                        e.get("state").asText(), new Quantity(e.get("level").asDouble(), prov));
            }
            default -> null;
        };
    }

    private Map<String, StrategySpec> bindStrategies() {
        JsonNode s = root.path("strategies");
        Map<String, StrategySpec> out = new LinkedHashMap<>();
        for (Iterator<String> it = s.fieldNames(); it.hasNext(); ) {
            String actor = it.next();
            String p = "/strategies/" + YamlDocument.escape(actor);
            if (!regionalIds().contains(actor)) {
                problems.atKey(
                        p,
                        "unknown regional state '" + actor + "' (expected one of " + String.join(", ", regionalIds())
                                + ")",
                        Suggestions.didYouMean(actor, regionalIds()));
                continue;
            }
            JsonNode value = s.get(actor);
            if (value.isArray()) {
                StrategySpec spec = schedule(value, p);
                if (spec != null) {
                    out.put(actor, spec);
                }
                continue;
            }
            StrategySpec spec = rule(value.asText(), p);
            if (spec != null) {
                for (StrategySpec.Phase ph :
                        spec instanceof StrategySpec.Schedule sc ? sc.phases() : List.<StrategySpec.Phase>of()) {
                    if (ph.from() != Integer.MIN_VALUE) {
                        year(ph.from(), p);
                    }
                }
                out.put(actor, spec);
            }
        }
        for (String id : regionalIds()) {
            if (!out.containsKey(id) && !s.has(id)) {
                problems.at(
                        "/strategies",
                        "no strategy for regional state '" + id + "' (expected " + id
                                + ": multi-vector, neutral, bandwagon:POLE or balance-against:POLE)");
            }
        }
        return out;
    }

    /** {@code focus} (a regional state) and {@code comparison} (2..12 distinct strategies, the first the baseline). */
    private org.multivector.model.ScenarioDefaults bindDefaults() {
        java.util.Optional<String> focus = java.util.Optional.empty();
        if (root.has("focus")) {
            String f = root.get("focus").asText();
            if (regional("/focus", f)) {
                focus = java.util.Optional.of(f);
            }
        }
        List<String> comparison = new ArrayList<>();
        JsonNode c = root.path("comparison");
        for (int k = 0; k < c.size(); k++) {
            StrategySpec r = rule(c.get(k).asText(), "/comparison/" + k);
            if (r == null) {
                continue;
            }
            if (comparison.contains(r.text())) {
                problems.at("/comparison/" + k, "'" + r.text() + "' is listed twice (expected distinct strategies)");
            }
            comparison.add(r.text());
        }
        return new org.multivector.model.ScenarioDefaults(focus, comparison);
    }

    /** A strategy's text (a rule or phases separated by ';'), each named pole checked; null after a problem. */
    private StrategySpec rule(String text, String p) {
        try {
            StrategySpec spec = StrategySpec.parse(text);
            boolean ok = true;
            for (StrategySpec r : spec.rules()) {
                String pole = r.pole();
                if (pole != null && (!poles.containsKey(pole) || poles.get(pole).residual())) {
                    problems.at(
                            p,
                            "strategy '" + text + "' names unknown pole '" + pole + "' (expected one of "
                                    + String.join(", ", nonResidualPoles()) + ")",
                            Suggestions.didYouMean(pole, nonResidualPoles()));
                    ok = false;
                }
            }
            return ok ? spec : null;
        } catch (IllegalArgumentException e) {
            problems.at(
                    p,
                    e.getMessage(),
                    Suggestions.didYouMean(text, List.of("multi-vector", "neutral", "bandwagon:", "balance-against:")));
            return null;
        }
    }

    /**
     * A strategy schedule: {@code [{from: YEAR, strategy: RULE}, …]} in year order, each phase holding until the
     * next one's year; the first holds from the start of the scenario whatever its year.
     */
    private StrategySpec schedule(JsonNode list, String p) {
        List<StrategySpec.Phase> phases = new ArrayList<>();
        boolean ok = true;
        for (int k = 0; k < list.size(); k++) {
            JsonNode n = list.get(k);
            String pk = p + "/" + k;
            int from = n.path("from").asInt();
            year(from, pk + "/from");
            String text = n.path("strategy").asText();
            StrategySpec r = rule(text, pk + "/strategy");
            if (r instanceof StrategySpec.Schedule) {
                problems.at(pk + "/strategy", "'" + text + "' is itself a schedule (expected one rule per phase)");
                r = null;
            }
            if (!phases.isEmpty() && from <= phases.get(phases.size() - 1).from()) {
                problems.at(
                        pk + "/from",
                        "phase " + (k + 1) + " starts in " + from + ", not after phase " + k + " ("
                                + phases.get(phases.size() - 1).from()
                                + "): the phases overlap (expected each phase to start in a later year)");
                ok = false;
            }
            if (r == null) {
                ok = false;
                continue;
            }
            phases.add(new StrategySpec.Phase(from, r));
        }
        if (!ok) {
            return null;
        }
        return phases.size() == 1 ? phases.get(0).strategy() : new StrategySpec.Schedule(phases);
    }

    private Map<String, Parameter> bindParameters() {
        JsonNode ps = root.path("parameters");
        Map<String, Parameter> out = new HashMap<>();
        Set<String> known = new LinkedHashSet<>();
        for (ParameterKey k : ParameterKey.values()) {
            known.add(k.id());
        }
        for (Iterator<String> it = ps.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            String p = "/parameters/" + YamlDocument.escape(name);
            JsonNode n = ps.get(name);
            if (!known.contains(name)) {
                problems.atKey(p, "unknown parameter '" + name + "'", Suggestions.didYouMean(name, known));
                continue;
            }
            double v = n.path("value").asDouble();
            double min = n.path("min").asDouble();
            double max = n.path("max").asDouble();
            if (min > max) {
                problems.at(p + "/min", "range " + min + ".." + max + " is empty (expected min <= max)");
            } else if (v < min || v > max) {
                problems.at(
                        p + "/value",
                        v + " is outside its range " + min + ".." + max + " (expected min <= value <= max)");
            } else {
                String meaning = n.path("meaning")
                        .asText(ParameterKey.fromId(name)
                                .map(ParameterKey::meaning)
                                .orElse(""));
                out.put(name, new Parameter(name, v, min, max, meaning, ownOr(n, null)));
            }
        }
        for (String k : known) {
            if (!ps.has(k)) {
                out.put(k, DefaultParameters.get(k));
            }
        }
        return out;
    }
}
