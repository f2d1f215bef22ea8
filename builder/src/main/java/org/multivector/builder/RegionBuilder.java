package org.multivector.builder;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.multivector.model.Scenario;
import org.multivector.numeric.PortableMath;
import org.multivector.scenario.ScenarioLoader;
import org.multivector.study.RequestException;
import org.multivector.validate.Observations;

/**
 * {@code multivector init}: drafts a scenario, and its observed-patterns file, for any regional states between any
 * poles from the bundled world-wide datasets (docs/SCENARIO.md, "Drafting a region"). What the datasets give is
 * written with its source (the file and the ccodes of the rows read): capabilities (World Bank GDP and population,
 * COW NMC military expenditure and CINC), ties per pole in trade (COW Dyadic Trade 4.0), security (ATOP v5.1
 * obligations) and diplomacy (UN General Assembly ideal points), Barbieri interdependence between the states,
 * contiguity (COW Direct Contiguity, land), the regional organisations of COW IGO v3 with their members and observer
 * seats, and pole relations (ATOP defence pacts between the poles' members); every year a dataset does not cover is
 * marked missing. What no dataset gives — disputes, events, strategies, fragility, pole behaviour, salience and
 * inertia, rivalry — is written as an assumption starting with {@code TODO}, with a default that validates, and
 * listed in {@link Draft#todo()}. The draft is checked by the scenario loader and its patterns against it before it
 * is returned.
 */
public final class RegionBuilder {
    /** A pole: its id and the actors (ISO3 codes, or {@code EU}) whose capabilities and ties make it up. */
    public record PoleSpec(String id, List<String> members) {
        /** {@code ID} (one state of that code) or {@code ID=A+B} (its members). */
        public static PoleSpec parse(String text) {
            String t = text.trim();
            int eq = t.indexOf('=');
            if (eq < 0) {
                return new PoleSpec(t, List.of(t));
            }
            return new PoleSpec(
                    t.substring(0, eq).trim(),
                    java.util.Arrays.stream(t.substring(eq + 1).split("\\+"))
                            .map(String::trim)
                            .toList());
        }
    }

    /**
     * What to draft: the regional states, the poles, other actors (spill-over sources such as Afghanistan for
     * Central Asia: kind {@code other}, with capabilities and a UCDP instability series) and the years.
     */
    public record Request(
            String name, List<String> states, List<PoleSpec> poles, List<String> others, int from, int to) {
        /** A request without other actors. */
        public Request(String name, List<String> states, List<PoleSpec> poles, int from, int to) {
            this(name, states, poles, List.of(), from, to);
        }
    }

    /** The scenario YAML, the observed-patterns CSV and what the draft still needs from its author. */
    public record Draft(String yaml, String observed, List<String> todo) {}

    static final String TODO = "TODO ";
    static final int TRADE_LAST = 2014;
    static final int ATOP_LAST = 2018;
    static final int IGO_LAST = 2014;
    static final int MID_LAST = 2014;
    static final int UCDP_LAST = 2024;
    /**
     * COW codes of the fifteen post-Soviet states: a recorded 0 both ways between two of them in 1992-94 is missing, not zero
     * trade (intra-CIS flows of the first years after independence were not captured by customs; COW Dyadic Trade 4.0
     * takes them from IMF DOTS).
     */
    static final Set<Integer> POST_SOVIET =
            Set.of(365, 366, 367, 368, 369, 370, 371, 372, 373, 701, 702, 703, 704, 705);

    static final int POST_SOVIET_GAP_LAST = 1994;
    /**
     * Belarus, Kazakhstan and Russia: the Customs Union abolished customs declarations between them from July 2010,
     * and the flows COW Dyadic Trade takes from IMF DOTS fell by half in 2010-11 (Kazakhstan-Russia flow1 + flow2: 12.4 bn USD
     * in 2009, 7.6 in 2010, 10.1 in 2011, 25.6 in 2012) before statistics on mutual trade replaced customs data; those
     * dyad-years are missing, not observed.
     */
    static final Set<Integer> CUSTOMS_UNION = Set.of(365, 370, 705);

    static final int CUSTOMS_UNION_GAP_FIRST = 2010;
    static final int CUSTOMS_UNION_GAP_LAST = 2011;
    /** An IGO with more members than this in a year is global (UN family, WTO), not one of the region's. */
    static final int REGIONAL_IGO_MAX_MEMBERS = 60;

    private final GlobalData data;
    private final Request req;
    private final Codes codes;
    private final Map<String, Integer> cow = new LinkedHashMap<>(); // actor id -> COW code (EU: none)
    private final Map<Integer, Set<Integer>> euByYear = new HashMap<>();
    private final List<String> todo = new ArrayList<>();
    private final List<String> observedRows = new ArrayList<>();
    private final int lastObserved;
    private CuratedRegion curated;

    private RegionBuilder(Path dir, Request req) {
        this.data = new GlobalData(dir);
        this.req = req;
        this.codes = Codes.read(data);
        this.lastObserved = Math.min(req.to(), 2023);
    }

    /** Checks the request against the datasets, drafts the scenario and returns it; user errors as RequestException. */
    public static Draft build(Path dataDir, Request r) {
        return build(dataDir, r, null);
    }

    /**
     * As {@link #build(Path, Request)}, with curated facts applied to the draft before it is checked
     * ({@link CuratedRegion}); null for none.
     */
    static Draft build(Path dataDir, Request r, CuratedRegion curated) {
        GlobalData d = new GlobalData(dataDir);
        List<String> missing = d.missing();
        if (!missing.isEmpty()) {
            throw RequestException.of(
                    "data",
                    dataDir + " lacks " + String.join(", ", missing)
                            + " (expected the layout of the project's data/ folder; docs/SCENARIO.md)");
        }
        RegionBuilder b = new RegionBuilder(dataDir, r);
        b.check();
        b.curated = curated;
        return b.draft();
    }

    // ---- request ------------------------------------------------------------------------------

    private void check() {
        FieldProblems p = new FieldProblems();
        if (!req.name().matches("[a-z0-9][a-z0-9-]{0,63}")) {
            p.add("name", "'" + req.name() + "' is not a scenario id (expected lower-case letters, digits and '-')");
        }
        if (req.states().isEmpty()) {
            p.add("states", "no state (expected ISO3 codes such as ARM,AZE,GEO)");
        }
        if (req.poles().size() < 2) {
            p.add(
                    "poles",
                    "expected at least two poles (such as RUS,TUR,WEST=USA+EU), got "
                            + req.poles().size());
        }
        if (req.from() < 1946 || req.to() > 2100 || req.from() >= req.to()) {
            p.add("from", req.from() + ".." + req.to() + " is not a span of years in 1946..2100 (expected from < to)");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < req.states().size(); i++) {
            String s = req.states().get(i);
            if (!codes.known(s)) {
                p.add(
                        "states[" + i + "]",
                        "'" + s + "' is not an ISO3 code of the datasets",
                        org.multivector.scenario.Suggestions.didYouMean(s, codes.iso3()));
            } else if (!seen.add(s)) {
                p.add("states[" + i + "]", "'" + s + "' is listed twice");
            } else {
                cow.put(s, codes.cow(s));
            }
        }
        Set<String> poleIds = new HashSet<>();
        for (int i = 0; i < req.poles().size(); i++) {
            PoleSpec pole = req.poles().get(i);
            if (!pole.id().matches("[A-Z][A-Z0-9_]{1,15}") || pole.id().equals("OTHER")) {
                p.add(
                        "poles[" + i + "]",
                        "'" + pole.id() + "' is not a pole id (expected upper-case letters, not"
                                + " OTHER: the rest of the world is added as the residual pole)");
            } else if (!poleIds.add(pole.id()) || seen.contains(pole.id())) {
                p.add("poles[" + i + "]", "'" + pole.id() + "' is listed twice or is also a state");
            }
            for (String m : pole.members()) {
                if (m.equals("EU")) {
                    continue;
                }
                if (!codes.known(m)) {
                    p.add(
                            "poles[" + i + "]",
                            "member '" + m + "' is not an ISO3 code of the datasets (or EU)",
                            org.multivector.scenario.Suggestions.didYouMean(m, codes.iso3()));
                } else if (seen.contains(m)) {
                    p.add("poles[" + i + "]", "'" + m + "' is a regional state and a pole member");
                } else {
                    cow.putIfAbsent(m, codes.cow(m));
                }
            }
        }
        for (int i = 0; i < req.others().size(); i++) {
            String o = req.others().get(i);
            if (!codes.known(o)) {
                p.add(
                        "others[" + i + "]",
                        "'" + o + "' is not an ISO3 code of the datasets",
                        org.multivector.scenario.Suggestions.didYouMean(o, codes.iso3()));
            } else if (cow.containsKey(o) || poleIds.contains(o)) {
                p.add("others[" + i + "]", "'" + o + "' is already a state, a pole or a pole member");
            } else {
                cow.put(o, codes.cow(o));
            }
        }
        p.throwIfAny();
        for (GlobalData.Row r : rows(GlobalData.EU)) {
            int joined = r.integer("joined");
            int left = r.get("left").isEmpty() ? 9999 : r.integer("left");
            for (int y = joined; y < left && y <= 2100; y++) {
                euByYear.computeIfAbsent(y, k -> new LinkedHashSet<>()).add(r.integer("cow")); // file order
            }
        }
        if (req.poles().stream().anyMatch(pole -> pole.members().contains("EU"))) {
            for (String s : req.states()) {
                int first = euByYear.entrySet().stream()
                        .filter(e -> e.getKey() >= req.from() && e.getKey() <= req.to())
                        .filter(e -> e.getValue().contains(cow.get(s)))
                        .mapToInt(Map.Entry::getKey)
                        .min()
                        .orElse(0);
                if (first > 0) {
                    todo.add("poles: " + s + " is a regional state and, from " + first + ", an EU member, so its"
                            + " own capabilities count in the pole that includes the EU; drop the EU from that pole or"
                            + " the state from the region");
                }
            }
        }
    }

    private List<GlobalData.Row> rows(String file) {
        List<GlobalData.Row> out = new ArrayList<>();
        data.each(file, f -> true, out::add);
        return out;
    }

    /** The COW codes an actor (ISO3 or EU) stands for in a year. */
    private Set<Integer> cowOf(String actor, int year) {
        if (actor.equals("EU")) {
            return euByYear.getOrDefault(year, Set.of());
        }
        Integer c = cow.get(actor);
        return c == null ? Set.of() : Set.of(c);
    }

    /** The COW codes of a pole's members in a year, in the order of its members (the EU's in file order). */
    private Set<Integer> poleCow(PoleSpec p, int year) {
        Set<Integer> out = new LinkedHashSet<>();
        for (String m : p.members()) {
            out.addAll(cowOf(m, year));
        }
        return out;
    }

    private int stateCow(String s) {
        return cow.get(s);
    }

    // ---- draft --------------------------------------------------------------------------------

    private Draft draft() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("scenario", req.name());
        s.put("format", 2);
        s.put(
                "title",
                "Draft: " + String.join(", ", req.states()) + " between "
                        + String.join(
                                ", ", req.poles().stream().map(PoleSpec::id).toList()) + ", " + req.from() + "-"
                        + req.to());
        s.put(
                "description",
                "Drafted by multivector init from the bundled datasets; every assumption starting"
                        + " with TODO needs the author's judgement (docs/SCENARIO.md, Drafting a region).");
        s.put(
                "time",
                map(
                        "start",
                        req.from(),
                        "end",
                        req.to(),
                        "lastObserved",
                        lastObserved,
                        "assumption",
                        "start and end as asked of init; " + lastObserved + ": the last year of the bundled World Bank"
                                + " series (ties are re-anchored only where observed)"));
        s.put(
                "rivalry",
                map(
                        "value",
                        0.3,
                        "assumption",
                        todo(
                                "rivalry",
                                "great-power rivalry (0..1) in the first year: no dataset measures it; 0.3 as in the first shipped"
                                        + " region")));
        s.put("dimensions", dimensions());
        s.put("poles", poles());
        s.put("actors", actors());
        List<Object> ties = new ArrayList<>();
        ties.addAll(tradeTies());
        ties.addAll(securityTies());
        ties.addAll(diplomacyTies());
        s.put("ties", ties);
        s.put("interdependence", interdependence());
        s.put("institutions", institutions());
        s.put("borders", borders());
        observed(); // the MIDs found name the pairs whose disputes the author must write
        s.put("disputes", List.of());
        s.put("routes", List.of());
        todo.add("disputes: none drafted; COW MID 5.0 records militarised disputes for " + midSummary()
                + " (see the observed-patterns file): write the questions behind them as disputes");
        s.put("events", List.of());
        todo.add("events: none drafted (wars, treaties, revolutions, sanctions shocks)");
        s.put("poleRelations", poleRelations());
        s.put("focus", req.states().get(0));
        Map<String, Object> strategies = new LinkedHashMap<>();
        for (String st : req.states()) {
            strategies.put(st, "multi-vector");
        }
        s.put("strategies", strategies);
        todo.add("strategies: every state is drafted multi-vector; write each state's rule (or schedule) with its"
                + " source");
        todo.add("focus: " + req.states().get(0) + " (the first state); set the state your question is about");
        todo.add("parameters: none given, so all come from the default parameter set; calibrate them to the"
                + " observed patterns");
        s.put("parameters", Map.of());
        String header = "# Drafted by multivector init (docs/SCENARIO.md, Drafting a region). Review every TODO.\n";
        if (curated != null) {
            curated.applyTo(s, todo);
            header = curated.header();
        }
        String yaml = YamlWriter.write(s, header);
        StringBuilder obs = new StringBuilder("pattern,actor,partner,year,value,source\n");
        observedRows.forEach(r -> obs.append(r).append('\n'));
        // the draft must load, and its patterns must match it
        Scenario sc = ScenarioLoader.parse(req.name() + ".yaml", yaml.getBytes(StandardCharsets.UTF_8));
        Observations.parse(req.name() + ".observed.csv", obs.toString().getBytes(StandardCharsets.UTF_8), sc);
        return new Draft(yaml, obs.toString(), List.copyOf(todo));
    }

    private String todo(String what, String reason) {
        todo.add(what + ": " + reason);
        return TODO + reason;
    }

    private static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    private List<Object> dimensions() {
        todo.add("dimensions: trade, security and diplomacy have datasets; investment and energy have none here"
                + " (add them with curated ties and routes)");
        return List.of(
                dim(
                        "trade",
                        "Trade",
                        "economic",
                        false,
                        true,
                        "share of a state's trade value (exports + imports)",
                        0.4,
                        0.2),
                dim(
                        "security",
                        "Security",
                        "security",
                        true,
                        false,
                        "share of security obligations (ATOP alliance commitments)",
                        0.3,
                        0.25),
                dim(
                        "diplomacy",
                        "Diplomacy",
                        "political",
                        false,
                        false,
                        "share of diplomatic closeness (UN General Assembly ideal points)",
                        0.3,
                        0.4));
    }

    private Map<String, Object> dim(
            String id,
            String name,
            String domain,
            boolean coercible,
            boolean inter,
            String unit,
            double sal,
            double inertia) {
        Map<String, Object> m = map("id", id, "name", name, "domain", domain);
        if (coercible) {
            m.put("coercible", true);
        }
        if (inter) {
            m.put("interdependence", true);
        }
        m.put("unit", unit);
        m.put(
                "salience",
                map(
                        "value",
                        sal,
                        "assumption",
                        todo(
                                "dimensions." + id + ".salience",
                                "weight of " + id + " in a state's objective; no dataset")));
        m.put(
                "inertia",
                map(
                        "value",
                        inertia,
                        "assumption",
                        todo(
                                "dimensions." + id + ".inertia",
                                "share of the gap to target closed per year; no dataset")));
        return m;
    }

    private List<Object> poles() {
        List<Object> out = new ArrayList<>();
        for (PoleSpec p : req.poles()) {
            Map<String, Object> interest = new LinkedHashMap<>();
            for (String d : List.of("trade", "security", "diplomacy")) {
                interest.put(d, 1);
            }
            out.add(map(
                    "id",
                    p.id(),
                    "name",
                    p.id(),
                    "members",
                    p.members(),
                    "behaviour",
                    map(
                            "interest",
                            interest,
                            "coercion",
                            0.5,
                            "assertiveness",
                            1,
                            "pressureThreshold",
                            0.1,
                            "assumption",
                            todo(
                                    "poles." + p.id() + ".behaviour",
                                    "interest per dimension, coercive potential, assertiveness and pressure threshold: no"
                                            + " dataset; neutral values"))));
        }
        out.add(map("id", "OTHER", "name", "Rest of the world", "residual", true));
        return out;
    }

    // ---- actors and capabilities --------------------------------------------------------------

    private List<Object> actors() {
        Map<String, Map<Integer, Double>> gdp = worldBank(GlobalData.GDP);
        Map<String, Map<Integer, Double>> pop = worldBank(GlobalData.POPULATION);
        Map<Integer, Map<Integer, double[]>> nmc = new HashMap<>();
        Set<Integer> wanted = new HashSet<>(cow.values());
        euByYear.values().forEach(wanted::addAll);
        data.each(GlobalData.NMC, f -> true, r -> {
            int c = r.integer("ccode");
            if (wanted.contains(c)) {
                nmc.computeIfAbsent(c, k -> new TreeMap<>())
                        .put(r.integer("year"), new double[] {r.number("milex"), r.number("cinc")});
            }
        });
        List<Object> out = new ArrayList<>();
        for (String s : req.states()) {
            Map<String, Object> a = map(
                    "id",
                    s,
                    "name",
                    codes.name(s),
                    "kind",
                    "regional",
                    "cow",
                    stateCow(s),
                    "source",
                    "ISO3 and COW code: " + GlobalData.IDEAL_POINTS + " (ccode, iso3c)");
            a.put(
                    "fragility",
                    map(
                            "value",
                            0.3,
                            "assumption",
                            todo(
                                    "actors." + s + ".fragility",
                                    "baseline internal fragility (0..1): no dataset bundled; 0.3 is mid-range")));
            a.put("capabilities", capabilities(List.of(s), gdp, pop, nmc));
            out.add(a);
        }
        Set<String> members = new LinkedHashSet<>();
        req.poles().forEach(p -> members.addAll(p.members()));
        for (String m : members) {
            Map<String, Object> a =
                    map("id", m, "name", m.equals("EU") ? "European Union" : codes.name(m), "kind", "pole");
            if (!m.equals("EU")) {
                a.put("cow", cow.get(m));
            }
            a.put(
                    "source",
                    m.equals("EU")
                            ? "the EU's members of each year: " + GlobalData.EU + "; capabilities summed over them"
                            : "ISO3 and COW code: " + GlobalData.IDEAL_POINTS + " (ccode, iso3c)");
            a.put("capabilities", capabilities(List.of(m), gdp, pop, nmc));
            out.add(a);
        }
        for (String o : req.others()) {
            Map<String, Object> a = map(
                    "id",
                    o,
                    "name",
                    codes.name(o),
                    "kind",
                    "other",
                    "cow",
                    cow.get(o),
                    "source",
                    "ISO3 and COW code: " + GlobalData.IDEAL_POINTS + " (ccode, iso3c)");
            Map<String, Object> caps = capabilities(List.of(o), gdp, pop, nmc);
            caps.put(
                    "instability",
                    map(
                            "unit",
                            "0..1",
                            "source",
                            "UCDP/PRIO Armed Conflict v25.1 (" + GlobalData.UCDP + "): highest intensity of"
                                    + " conflicts with " + codes.name(o) + " (gwno " + cow.get(o) + ") as a side, war"
                                    + " = 1, minor = 0.5, none = 0",
                            "values",
                            instability(cow.get(o))));
            a.put("capabilities", caps);
            out.add(a);
        }
        return out;
    }

    /** Per year, the highest UCDP intensity of an armed conflict with {@code gw} as a side (war 1, minor 0.5). */
    private Map<String, Object> instability(int gw) {
        Map<Integer, Double> level = new TreeMap<>();
        for (int y = req.from(); y <= Math.min(req.to(), UCDP_LAST); y++) {
            level.put(y, 0.0);
        }
        String code = Integer.toString(gw);
        data.each(GlobalData.UCDP, f -> true, r -> {
            int y = r.integer("year");
            if (!level.containsKey(y)) {
                return;
            }
            for (String side : List.of("gwno_a", "gwno_a_2nd", "gwno_b", "gwno_b_2nd")) {
                for (String g : r.get(side).split(",")) {
                    if (g.trim().equals(code)) {
                        level.merge(y, r.integer("intensity_level") == 2 ? 1.0 : 0.5, Math::max);
                    }
                }
            }
        });
        Map<String, Object> out = new LinkedHashMap<>();
        level.forEach((y, v) -> out.put(Integer.toString(y), v));
        return out;
    }

    private Map<String, Map<Integer, Double>> worldBank(String file) {
        Map<String, Map<Integer, Double>> out = new HashMap<>();
        Set<String> iso = new HashSet<>(cow.keySet());
        Map<Integer, String> isoOfCow = new HashMap<>();
        euByYear.values().forEach(set -> set.forEach(c -> isoOfCow.put(c, codes.isoOf(c))));
        iso.addAll(isoOfCow.values());
        data.each(file, f -> true, r -> {
            String c = r.get("Country Code");
            if (iso.contains(c) && !r.get("Value").isEmpty()) {
                out.computeIfAbsent(c, k -> new TreeMap<>()).put(r.integer("Year"), Double.parseDouble(r.get("Value")));
            }
        });
        return out;
    }

    private Map<String, Object> capabilities(
            List<String> actor,
            Map<String, Map<Integer, Double>> gdp,
            Map<String, Map<Integer, Double>> pop,
            Map<Integer, Map<Integer, double[]>> nmc) {
        String a = actor.get(0);
        boolean eu = a.equals("EU");
        Map<String, Object> caps = new LinkedHashMap<>();
        String[][] wb = {{"gdp", "current USD", GlobalData.GDP}, {"population", "persons", GlobalData.POPULATION}};
        for (String[] w : wb) {
            Map<String, Map<Integer, Double>> src = w[0].equals("gdp") ? gdp : pop;
            Map<String, Object> values = new LinkedHashMap<>();
            for (int y = req.from(); y <= req.to(); y++) {
                double sum = 0;
                boolean any = false;
                boolean all = true;
                for (int c : cowOf(a, y)) {
                    Double v =
                            src.getOrDefault(eu ? codes.isoOf(c) : a, Map.of()).get(y);
                    if (v == null) {
                        all = false;
                    } else {
                        sum += v;
                        any = true;
                    }
                }
                if (any && all) {
                    values.put(Integer.toString(y), sum);
                }
            }
            if (!values.isEmpty()) {
                caps.put(
                        w[0],
                        map(
                                "unit",
                                w[1],
                                "source",
                                "World Bank WDI via " + w[2] + " (country code "
                                        + (eu ? "of each EU member of the year, summed" : a) + ")",
                                "values",
                                values));
            }
        }
        String[][] nm = {{"milex", "thousands of current USD"}, {"cinc", "share of world capabilities"}};
        for (int k = 0; k < 2; k++) {
            Map<String, Object> values = new LinkedHashMap<>();
            for (int y = req.from(); y <= req.to(); y++) {
                double sum = 0;
                boolean all = !cowOf(a, y).isEmpty();
                for (int c : cowOf(a, y)) {
                    double[] v = nmc.getOrDefault(c, Map.of()).get(y);
                    if (v == null || Double.isNaN(v[k])) {
                        all = false;
                    } else {
                        sum += v[k];
                    }
                }
                if (all) {
                    values.put(Integer.toString(y), k == 1 ? round(sum, 8) : sum);
                }
            }
            if (!values.isEmpty()) {
                caps.put(
                        nm[k][0],
                        map(
                                "unit",
                                nm[k][1],
                                "source",
                                "COW NMC v7.0 via " + GlobalData.NMC + " (ccode "
                                        + (eu ? "of each EU member of the year, summed" : Integer.toString(cow.get(a)))
                                        + ")",
                                "values",
                                values));
            }
        }
        return caps;
    }

    private static double round(double v, int digits) {
        return new java.math.BigDecimal(v)
                .round(new java.math.MathContext(digits))
                .doubleValue();
    }

    // ---- ties -----------------------------------------------------------------------------------

    /**
     * Trade: (flow1 + flow2) with the pole's members over the sum over all partners with usable flows. A dyad-year
     * whose flow in either direction is missing (empty or -9) is missing, and so is a recorded 0 both ways between
     * two post-Soviet states in 1992-94 ({@link #POST_SOVIET}); a year is missing for a state when its dyad with any
     * pole member is. Shares are floored to 4 decimals, so a year's shares never sum to more than 1.
     */
    private List<Object> tradeTies() {
        Set<Integer> states = new HashSet<>();
        req.states().forEach(s -> states.add(stateCow(s)));
        // ccode of state -> year -> partner -> flow (NaN: missing)
        Map<Integer, Map<Integer, Map<Integer, Double>>> flows = new HashMap<>();
        data.each(GlobalData.TRADE, f -> true, r -> {
            int a = r.integer("ccode1");
            int b = r.integer("ccode2");
            if (!states.contains(a) && !states.contains(b)) {
                return;
            }
            int y = r.integer("year");
            if (y < req.from() || y > req.to()) {
                return;
            }
            double f1 = r.number("flow1");
            double f2 = r.number("flow2");
            boolean sovietGap = POST_SOVIET.contains(a)
                    && POST_SOVIET.contains(b)
                    && y <= POST_SOVIET_GAP_LAST
                    && f1 == 0
                    && f2 == 0;
            boolean customsGap = CUSTOMS_UNION.contains(a)
                    && CUSTOMS_UNION.contains(b)
                    && y >= CUSTOMS_UNION_GAP_FIRST
                    && y <= CUSTOMS_UNION_GAP_LAST;
            double v = Double.isNaN(f1) || Double.isNaN(f2) || sovietGap || customsGap ? Double.NaN : f1 + f2;
            for (int[] ab : new int[][] {{a, b}, {b, a}}) {
                if (states.contains(ab[0])) {
                    flows.computeIfAbsent(ab[0], k -> new HashMap<>())
                            .computeIfAbsent(y, k -> new HashMap<>())
                            .put(ab[1], v);
                }
            }
        });
        tradeFlows = flows;
        List<Object> out = new ArrayList<>();
        for (String s : req.states()) {
            Map<String, Object> shares = new LinkedHashMap<>();
            List<Integer> missing = new ArrayList<>();
            for (int y = req.from(); y <= Math.min(req.to(), TRADE_LAST); y++) {
                Map<Integer, Double> row =
                        flows.getOrDefault(stateCow(s), Map.of()).get(y);
                double total = tradeTotal(row);
                Map<String, Object> sh = new LinkedHashMap<>();
                for (PoleSpec p : req.poles()) {
                    double v = 0; // a sum of the members' shares, in member order (bit-stable)
                    for (int c : poleCow(p, y)) {
                        v += row == null ? 0 : row.getOrDefault(c, 0.0) / total;
                    }
                    sh.put(p.id(), round4(v));
                }
                if (!(total > 0) || sh.values().stream().anyMatch(v -> Double.isNaN((Double) v))) {
                    missing.add(y);
                    continue;
                }
                shares.put(Integer.toString(y), sh);
            }
            out.add(tie(
                    s,
                    "trade",
                    "COW Dyadic Trade 4.0 (" + GlobalData.TRADE + "): (flow1 + flow2) with the"
                            + " pole's members over the sum over all partners with usable flows, ccode "
                            + stateCow(s),
                    shares,
                    missing,
                    "no usable flows with a pole in COW Dyadic Trade 4.0 (not recorded, -9, a 0 between"
                            + " post-Soviet states in 1992-94, which customs did not capture, or trade inside the"
                            + " Belarus-Kazakhstan-Russia Customs Union in 2010-11, when customs declarations between"
                            + " them stopped; the data end in 2014)"));
        }
        return out;
    }

    /** The sum of a state's usable flows in a year (missing dyads left out); 0 when none. */
    private static double tradeTotal(Map<Integer, Double> row) {
        double total = 0;
        if (row != null) {
            for (double v : row.values()) {
                if (!Double.isNaN(v)) {
                    total += v;
                }
            }
        }
        return total;
    }

    private Map<Integer, Map<Integer, Map<Integer, Double>>> tradeFlows = Map.of();

    /**
     * Security: ATOP obligations of the state with the pole's members, weighted by what they oblige (Leeds et al.
     * 2002's types): defence or offence 1, neutrality or non-aggression 0.5, consultation 0.25 — the strongest with
     * any member counts for the pole.
     */
    private List<Object> securityTies() {
        Map<String, Map<Integer, Map<String, Double>>> score = new HashMap<>();
        Map<Integer, String> stateOf = new HashMap<>();
        req.states().forEach(s -> stateOf.put(stateCow(s), s));
        for (Atop r : atop()) {
            String s = stateOf.get(r.a());
            if (s == null) {
                continue;
            }
            int y = r.year();
            int partner = r.b();
            double obligation = r.defense() > 0 || r.offense() > 0
                    ? 1
                    : r.neutral() > 0 || r.nonaggression() > 0 ? 0.5 : r.consul() > 0 ? 0.25 : 0;
            if (obligation == 0) {
                continue;
            }
            for (PoleSpec p : req.poles()) {
                if (poleCow(p, y).contains(partner)) {
                    score.computeIfAbsent(s, k -> new HashMap<>())
                            .computeIfAbsent(y, k -> new HashMap<>())
                            .merge(p.id(), obligation, Math::max);
                }
            }
        }
        List<Object> out = new ArrayList<>();
        for (String s : req.states()) {
            Map<String, Object> shares = new LinkedHashMap<>();
            for (int y = req.from(); y <= Math.min(req.to(), ATOP_LAST); y++) {
                Map<String, Double> sc = score.getOrDefault(s, Map.of()).getOrDefault(y, Map.of());
                double total = 1
                        + sc.values().stream().mapToDouble(Double::doubleValue).sum();
                Map<String, Object> sh = new LinkedHashMap<>();
                for (PoleSpec p : req.poles()) {
                    sh.put(p.id(), round4(sc.getOrDefault(p.id(), 0.0) / total));
                }
                shares.put(Integer.toString(y), sh);
            }
            out.add(tie(
                    s,
                    "security",
                    "ATOP v5.1 (" + GlobalData.ATOP + "), ccode1 " + stateCow(s) + ": each pole counts the"
                            + " strongest obligation the state has with any of its members - defence or offence 1,"
                            + " neutrality or non-aggression 0.5, consultation 0.25 (Leeds et al. 2002's types) -,"
                            + " national self-reliance and other partners 1; shares = score / total",
                    shares,
                    List.of(),
                    ""));
        }
        return out;
    }

    /** One ATOP directed dyad-year: the obligations of state {@code a} to state {@code b}. */
    private record Atop(
            int a,
            int b,
            int year,
            double defense,
            double offense,
            double neutral,
            double nonaggression,
            double consul) {}

    private List<Atop> atopRows;

    /**
     * ATOP's rows whose first state is one of the scenario's actors, read once for the security ties and the pole
     * relations.
     */
    private List<Atop> atop() {
        if (atopRows == null) {
            Set<String> codes = new HashSet<>();
            cow.values().forEach(c -> codes.add(Integer.toString(c)));
            euByYear.values().forEach(set -> set.forEach(c -> codes.add(Integer.toString(c))));
            List<Atop> rows = new ArrayList<>();
            data.each(
                    GlobalData.ATOP,
                    f -> f.length > 0 && codes.contains(f[0]),
                    r -> rows.add(new Atop(
                            r.integer("ccode1"),
                            r.integer("ccode2"),
                            r.integer("year"),
                            zero(r.number("atop_defense")),
                            zero(r.number("atop_offense")),
                            zero(r.number("atop_neutral")),
                            zero(r.number("atop_nonagg")),
                            zero(r.number("atop_consul")))));
            atopRows = rows;
        }
        return atopRows;
    }

    private static double zero(double v) {
        return Double.isNaN(v) ? 0 : v;
    }

    /**
     * Diplomacy: closeness of UN ideal points (Bailey, Strezhnev and Voeten 2017), share with a pole ∝ exp(−d²/2), d the
     * distance between the state's and the pole's ideal points: the Gaussian utility of spatial voting models (Poole
     * and Rosenthal's NOMINATE, 1985), so a state far beyond every pole leans to the nearest. (An earlier exp(−d) gave
     * the same shares to every state on one side of all poles, whatever its distance.)
     */
    private List<Object> diplomacyTies() {
        Map<Integer, Map<Integer, Double>> ip = new HashMap<>();
        Set<Integer> wanted = new HashSet<>(cow.values());
        euByYear.values().forEach(wanted::addAll);
        data.each(GlobalData.IDEAL_POINTS, f -> true, r -> {
            int c = r.integer("ccode");
            String v = r.get("idealpointall");
            if (wanted.contains(c) && !v.isEmpty() && !v.equals("NA")) {
                ip.computeIfAbsent(c, k -> new HashMap<>()).put(r.integer("year"), Double.parseDouble(v));
            }
        });
        idealPoints = ip;
        List<Object> out = new ArrayList<>();
        for (String s : req.states()) {
            Map<String, Object> shares = new LinkedHashMap<>();
            List<Integer> missing = new ArrayList<>();
            for (int y = req.from(); y <= Math.min(req.to(), lastObserved); y++) {
                Double mine = ip.getOrDefault(stateCow(s), Map.of()).get(y);
                Map<String, Double> sim = new LinkedHashMap<>();
                double sum = 0;
                for (PoleSpec p : req.poles()) {
                    Double pole = poleIdealPoint(p, y);
                    if (mine == null || pole == null) {
                        sim.clear();
                        break;
                    }
                    double d = mine - pole;
                    double v = PortableMath.exp(-d * d / 2);
                    sim.put(p.id(), v);
                    sum += v;
                }
                if (sim.isEmpty()) {
                    missing.add(y);
                    continue;
                }
                Map<String, Object> sh = new LinkedHashMap<>();
                for (var e : sim.entrySet()) {
                    sh.put(e.getKey(), round4(e.getValue() / sum));
                }
                shares.put(Integer.toString(y), sh);
            }
            out.add(tie(
                    s,
                    "diplomacy",
                    "UN General Assembly ideal points (Bailey, Strezhnev and Voeten, "
                            + GlobalData.IDEAL_POINTS + ", idealpointall), ccode " + stateCow(s)
                            + ": a pole's ideal point is"
                            + " its members' mean; share with a pole ∝ exp(−d²/2), d the distance (the Gaussian utility of"
                            + " NOMINATE, Poole and Rosenthal 1985), over the poles",
                    shares,
                    missing,
                    "no ideal point for the state or a pole that year"));
        }
        return out;
    }

    private Map<Integer, Map<Integer, Double>> idealPoints = Map.of();

    private Double poleIdealPoint(PoleSpec p, int y) {
        double sum = 0;
        int n = 0;
        for (int c : poleCow(p, y)) {
            Double v = idealPoints.getOrDefault(c, Map.of()).get(y);
            if (v != null) {
                sum += v;
                n++;
            }
        }
        return n == 0 ? null : sum / n;
    }

    private Map<String, Object> tie(
            String state, String dim, String source, Map<String, Object> shares, List<Integer> missing, String note) {
        Map<String, Object> t = map("state", state, "dimension", dim, "source", source, "shares", shares);
        if (!missing.isEmpty()) {
            t.put("missing", missing);
            t.put("missingNote", note);
        }
        return t;
    }

    /** Floored to 4 decimals: shares normalised over poles then never sum to more than 1. */
    static double round4(double v) {
        return Math.floor(v * 10000) / 10000.0;
    }

    /** Barbieri interdependence (salience × symmetry) of each pair of states, from their trade shares. */
    private List<Object> interdependence() {
        List<Object> out = new ArrayList<>();
        List<String> st = req.states();
        for (int i = 0; i < st.size(); i++) {
            for (int j = i + 1; j < st.size(); j++) {
                Map<String, Object> values = new LinkedHashMap<>();
                for (int y = req.from(); y <= Math.min(req.to(), TRADE_LAST); y++) {
                    Map<Integer, Double> ri = tradeFlows
                            .getOrDefault(stateCow(st.get(i)), Map.of())
                            .get(y);
                    Map<Integer, Double> rj = tradeFlows
                            .getOrDefault(stateCow(st.get(j)), Map.of())
                            .get(y);
                    if (ri == null || rj == null) {
                        continue;
                    }
                    double ti = tradeTotal(ri);
                    double tj = tradeTotal(rj);
                    double f = ri.getOrDefault(stateCow(st.get(j)), 0.0);
                    if (ti <= 0 || tj <= 0 || Double.isNaN(f)) {
                        continue;
                    }
                    double sa = f / ti;
                    double sb = f / tj;
                    values.put(Integer.toString(y), round4(Math.sqrt(sa * sb) * (1 - Math.abs(sa - sb))));
                }
                if (!values.isEmpty()) {
                    out.add(map(
                            "pair",
                            List.of(st.get(i), st.get(j)),
                            "unit",
                            "Barbieri interdependence sqrt(a*b)*(1-|a-b|), a and b each side's trade share with the"
                                    + " other",
                            "source",
                            "Barbieri salience × symmetry"
                                    + " from COW Dyadic Trade 4.0 (" + GlobalData.TRADE + "), ccodes "
                                    + stateCow(st.get(i))
                                    + " and " + stateCow(st.get(j)),
                            "values",
                            values));
                }
            }
        }
        return out;
    }

    // ---- institutions, borders, relations ----------------------------------------------------------

    /**
     * COW IGO v3's organisation names carry a few letters as C1 control characters (U+0080–U+009F): Mac Roman bytes
     * converted as if they were Latin-1 upstream ("Nordens V\u008alf\u008ardscenter" for "Välfärdscenter"). Each is
     * decoded back as the Mac Roman letter of its byte; nothing else in a name is touched.
     */
    static String macRomanRepaired(String name) {
        StringBuilder b = null;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c >= 0x80 && c <= 0x9f) {
                if (b == null) {
                    b = new StringBuilder(name.substring(0, i));
                }
                b.append(new String(new byte[] {(byte) c}, java.nio.charset.Charset.forName("x-MacRoman")));
            } else if (b != null) {
                b.append(c);
            }
        }
        return b == null ? name : b.toString();
    }

    private List<Object> institutions() {
        Map<String, String> names = new HashMap<>();
        Map<String, Integer> founded = new HashMap<>();
        for (GlobalData.Row r : rows(GlobalData.IGO_NAMES)) {
            names.put(r.get("ioname").toLowerCase(Locale.ROOT), macRomanRepaired(r.get("orgname")));
            founded.put(r.get("ioname").toLowerCase(Locale.ROOT), r.integer("sdate"));
        }
        // actor -> igo -> year -> code (1 full, 2 associate, 3 observer)
        Map<String, Map<String, Map<Integer, Integer>>> codesBy = new LinkedHashMap<>();
        Map<String, Map<Integer, Integer>> size = new HashMap<>();
        Map<Integer, String> actorOf = new HashMap<>();
        cow.forEach((a, c) -> actorOf.put(c, a));
        String[][] header = {igoHeader()};
        data.each(GlobalData.IGO_STATE_YEAR, f -> true, r -> {
            int y = r.integer("year");
            if (y < req.from() || y > Math.min(req.to(), IGO_LAST)) {
                return;
            }
            String actor = actorOf.get(r.integer("ccode"));
            for (String igo : header[0]) {
                String v = r.get(igo);
                if (v.equals("1")) {
                    size.computeIfAbsent(igo, k -> new HashMap<>()).merge(y, 1, Integer::sum);
                }
                if (actor != null && (v.equals("1") || v.equals("2") || v.equals("3"))) {
                    codesBy.computeIfAbsent(igo, k -> new LinkedHashMap<>())
                            .computeIfAbsent(actor, k -> new TreeMap<>())
                            .put(y, Integer.parseInt(v));
                }
            }
        });
        List<Object> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (var e : new TreeMap<>(codesBy).entrySet()) {
            String igo = e.getKey();
            int regionalFull = 0;
            for (String s : req.states()) {
                if (e.getValue().getOrDefault(s, Map.of()).containsValue(1)) {
                    regionalFull++;
                }
            }
            int biggest = size.getOrDefault(igo, Map.of()).values().stream()
                    .mapToInt(Integer::intValue)
                    .max()
                    .orElse(0);
            if (regionalFull < 2 || biggest > REGIONAL_IGO_MAX_MEMBERS) {
                continue;
            }
            List<Object> members = new ArrayList<>();
            for (var m : e.getValue().entrySet()) {
                members.addAll(spells(m.getKey(), m.getValue(), igo));
            }
            String id = igo.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
            id = id.length() > 8 ? id.substring(0, 8) : id.length() < 2 ? id + "IGO" : id;
            while (ids.contains(id)) {
                id = id.substring(0, Math.min(id.length(), 7)) + (char) ('0' + ids.size() % 10);
            }
            ids.add(id);
            out.add(map(
                    "id",
                    id,
                    "name",
                    names.getOrDefault(igo, igo),
                    "domain",
                    "political",
                    "lead",
                    List.of(),
                    "founded",
                    Math.min(
                            Math.max(req.from(), founded.getOrDefault(igo, req.from())),
                            e.getValue().values().stream()
                                    .flatMap(years -> years.keySet().stream())
                                    .min(Integer::compare)
                                    .orElse(req.from())),
                    "source",
                    "COW IGO v3 (" + GlobalData.IGO_STATE_YEAR + ", column " + igo + "; founding year from "
                            + GlobalData.IGO_NAMES + "); founded is counted from the scenario's start at the"
                            + " earliest, and no later than the first membership the state-year file records",
                    "members",
                    members));
        }
        todo.add("institutions: " + out.size() + " regional organisations (at most " + REGIONAL_IGO_MAX_MEMBERS
                + " members, two or more of the states) drafted from COW IGO v3 with domain political and no lead"
                + " pole; set each one's domain (economic, security, political) and lead poles; COW IGO ends in"
                + " 2014, so memberships are carried on after it");
        return out;
    }

    private String[] igoHeader() {
        String[] h = data.header(GlobalData.IGO_STATE_YEAR);
        return java.util.Arrays.copyOfRange(h, Math.min(3, h.length), h.length); // after ccode, year, state
    }

    /** Consecutive years of membership as spells; associate and observer years as status changes inside them. */
    private List<Object> spells(String actor, Map<Integer, Integer> years, String igo) {
        List<Object> out = new ArrayList<>();
        Integer start = null;
        int prev = Integer.MIN_VALUE;
        List<Object> status = new ArrayList<>();
        int lastCode = 1;
        List<Map.Entry<Integer, Integer>> list = new ArrayList<>(years.entrySet());
        for (int k = 0; k <= list.size(); k++) {
            boolean end = k == list.size() || list.get(k).getKey() != prev + 1;
            if (end && start != null) {
                Map<String, Object> m = map("state", actor, "joined", start);
                if (prev < Math.min(req.to(), IGO_LAST)) {
                    m.put("left", prev + 1);
                }
                if (!status.isEmpty()) {
                    m.put("status", new ArrayList<>(status));
                }
                out.add(m);
                start = null;
                status.clear();
                lastCode = 1;
            }
            if (k == list.size()) {
                break;
            }
            int y = list.get(k).getKey();
            int code = list.get(k).getValue();
            if (start == null) {
                start = y;
                lastCode = 1;
            }
            if (code != lastCode) {
                status.add(map("from", y, "status", code == 1 ? "member" : "observer"));
                lastCode = code;
            }
            prev = y;
        }
        return out;
    }

    private List<Object> borders() {
        Map<Integer, String> actorOf = new HashMap<>();
        cow.forEach((a, c) -> actorOf.put(c, a));
        Set<Integer> states = new HashSet<>();
        req.states().forEach(s -> states.add(stateCow(s)));
        Map<String, int[]> spans = new LinkedHashMap<>();
        List<Integer> lines = new ArrayList<>();
        data.each(GlobalData.CONTIGUITY, f -> true, r -> {
            int a = r.integer("statelno");
            int b = r.integer("statehno");
            if (!r.get("conttype").equals("1") || !(states.contains(a) || states.contains(b))) {
                return;
            }
            String x = actorOf.get(a);
            String z = actorOf.get(b);
            if (x == null || z == null) {
                return;
            }
            int from = Integer.parseInt(r.get("begin").substring(0, 4));
            int until = Integer.parseInt(r.get("end").substring(0, 4));
            spans.put(x + "|" + z + "|" + r.line(), new int[] {from, until, r.line()});
        });
        List<Object> out = new ArrayList<>();
        Set<String> pairs = new HashSet<>();
        for (var e : spans.entrySet()) {
            String[] k = e.getKey().split("\\|");
            if (!pairs.add(k[0] + "|" + k[1])) {
                continue;
            }
            int[] v = e.getValue();
            Map<String, Object> b = map("pair", List.of(k[0], k[1]));
            if (v[0] > req.from()) {
                b.put("from", v[0]);
            }
            b.put(
                    "source",
                    "COW Direct Contiguity v3.2 (" + GlobalData.CONTIGUITY + " line " + v[2]
                            + ", land or river border from " + v[0]
                            + "; the data end in 2016 and the border is carried on)");
            out.add(b);
        }
        todo.add("borders: land borders from COW Direct Contiguity; maritime neighbours (COW types 2-5) and"
                + " borders with spill-over sources (actors of kind other) are for the author to add");
        return out;
    }

    /** Allied where any members of two poles have an ATOP defence pact that year, else rival (a TODO). */
    private List<Object> poleRelations() {
        Map<String, Set<Integer>> allied = new HashMap<>();
        for (Atop r : atop()) {
            if (r.defense() == 0) {
                continue;
            }
            int y = r.year();
            int a = r.a();
            int b = r.b();
            for (int i = 0; i < req.poles().size(); i++) {
                for (int j = i + 1; j < req.poles().size(); j++) {
                    PoleSpec p = req.poles().get(i);
                    PoleSpec q = req.poles().get(j);
                    if (poleCow(p, y).contains(a) && poleCow(q, y).contains(b)) {
                        allied.computeIfAbsent(p.id() + "|" + q.id(), k -> new HashSet<>())
                                .add(y);
                    }
                }
            }
        }
        List<Object> out = new ArrayList<>();
        String rival = TODO + "no dataset measures rivalry: two poles without a defence pact are drafted as rivals of"
                + " intensity 1 (the meaning of an undeclared pair in format 1); set allied, neutral or rival with"
                + " its intensity";
        boolean anyRival = false;
        for (int i = 0; i < req.poles().size(); i++) {
            for (int j = i + 1; j < req.poles().size(); j++) {
                String p = req.poles().get(i).id();
                String q = req.poles().get(j).id();
                Set<Integer> years = allied.getOrDefault(p + "|" + q, Set.of());
                Boolean current = null;
                int start = req.from();
                for (int y = req.from(); y <= req.to() + 1; y++) {
                    Boolean a = y > req.to() ? null : years.contains(y) || (y > ATOP_LAST && years.contains(ATOP_LAST));
                    if (current != null && !current.equals(a)) {
                        Map<String, Object> m = map(
                                "pair",
                                List.of(p, q),
                                "status",
                                current ? "allied" : "rival",
                                "intensity",
                                1,
                                "from",
                                start);
                        if (y <= req.to()) {
                            m.put("until", y);
                        }
                        if (current) {
                            m.put(
                                    "source",
                                    "ATOP v5.1 (" + GlobalData.ATOP + "): a defence obligation between"
                                            + " members of the two poles"
                                            + (y > ATOP_LAST + 1 ? "; carried on after 2018" : ""));
                        } else {
                            m.put("assumption", rival);
                            anyRival = true;
                        }
                        out.add(m);
                        start = y;
                    }
                    current = a;
                }
            }
        }
        if (anyRival) {
            todo.add("poleRelations: pairs of poles without an ATOP defence pact are drafted as rivals of"
                    + " intensity 1");
        }
        return out;
    }

    // ---- observed patterns --------------------------------------------------------------------------

    private String midSummary() {
        return midPairs.isEmpty() ? "none of the pairs" : String.join(", ", midPairs);
    }

    private final Set<String> midPairs = new java.util.TreeSet<>();

    private void observed() {
        Map<Integer, String> actorOf = new HashMap<>();
        cow.forEach((a, c) -> actorOf.put(c, a));
        Set<Integer> states = new HashSet<>();
        req.states().forEach(s -> states.add(stateCow(s)));
        // MIDs: every directed dyad-year of a state with another state or a pole member, 0 when no dispute
        Map<String, double[]> mids = new HashMap<>();
        data.each(GlobalData.MID, f -> true, r -> {
            String a = actorOf.get(r.integer("ccode1"));
            String b = actorOf.get(r.integer("ccode2"));
            if (a == null || b == null || !states.contains(r.integer("ccode1"))) {
                return;
            }
            String k = a + "," + b + "," + r.get("year");
            double[] v = mids.computeIfAbsent(k, x -> new double[2]);
            v[0] = Math.max(v[0], r.number("disponset") > 0 ? 1 : 0);
            v[1] = Math.max(v[1], r.number("dispongoing") > 0 ? 1 : 0);
            if (v[1] > 0) {
                midPairs.add(a + "-" + b);
            }
        });
        String midSrc = "COW MID 5.0 directed dispute-dyad-years (" + GlobalData.MID + ")";
        List<String> partners = new ArrayList<>(cow.keySet());
        for (String s : req.states()) {
            for (String p : partners) {
                if (p.equals(s)) {
                    continue;
                }
                for (int y = req.from(); y <= Math.min(req.to(), MID_LAST); y++) {
                    double[] v = mids.getOrDefault(s + "," + p + "," + y, new double[2]);
                    row("mid.onset", s, p, y, v[0], midSrc);
                    row("mid.ongoing", s, p, y, v[1], midSrc);
                }
            }
        }
        // UCDP: the highest intensity of an armed conflict located in the state (GW code = COW code here)
        Map<String, Integer> intensity = new HashMap<>();
        Set<String> interstate = new HashSet<>();
        data.each(GlobalData.UCDP, f -> true, r -> {
            int y = r.integer("year");
            int level = r.integer("intensity_level");
            if (r.get("type_of_conflict").equals("2")) {
                for (String ga : r.get("gwno_a").split(",")) {
                    for (String gb : r.get("gwno_b").split(",")) {
                        if (!ga.isBlank() && !gb.isBlank()) {
                            String a = actorOf.get(Integer.parseInt(ga.trim()));
                            String b = actorOf.get(Integer.parseInt(gb.trim()));
                            if (a != null && b != null) {
                                interstate.add(a + "," + b + "," + y);
                                interstate.add(b + "," + a + "," + y);
                            }
                        }
                    }
                }
            }
            for (String g : r.get("gwno_loc").split(",")) {
                String t = g.trim();
                if (!t.isEmpty() && states.contains(Integer.parseInt(t))) {
                    intensity.merge(actorOf.get(Integer.parseInt(t)) + "," + y, level, Math::max);
                }
            }
        });
        String ucdpSrc = "UCDP/PRIO Armed Conflict v25.1 (" + GlobalData.UCDP + "), gwno_loc";
        for (String s : req.states()) {
            for (int y = req.from(); y <= Math.min(req.to(), 2024); y++) {
                row("conflict", s, "", y, intensity.getOrDefault(s + "," + y, 0), ucdpSrc);
            }
        }
        String interSrc = "UCDP/PRIO Armed Conflict v25.1 (" + GlobalData.UCDP + "), interstate conflicts (type 2),"
                + " gwno_a and gwno_b";
        for (int i = 0; i < req.states().size(); i++) {
            for (int j = i + 1; j < req.states().size(); j++) {
                String a = req.states().get(i);
                String b = req.states().get(j);
                for (int y = req.from(); y <= Math.min(req.to(), 2024); y++) {
                    row("conflict.interstate", a, b, y, interstate.contains(a + "," + b + "," + y) ? 1 : 0, interSrc);
                }
            }
        }
        // ideal-point distance to each pole member with an ideal point
        for (String s : req.states()) {
            for (String p : partners) {
                if (p.equals(s) || p.equals("EU")) {
                    continue;
                }
                for (int y = req.from(); y <= Math.min(req.to(), 2024); y++) {
                    Double a = idealPoints.getOrDefault(stateCow(s), Map.of()).get(y);
                    Double b = idealPoints.getOrDefault(cow.get(p), Map.of()).get(y);
                    if (a != null && b != null) {
                        row(
                                "idealpoint.distance",
                                s,
                                p,
                                y,
                                Math.abs(a - b),
                                "UN ideal points (" + GlobalData.IDEAL_POINTS + ", idealpointall)");
                    }
                }
            }
        }
        // shared IGO memberships
        data.each(GlobalData.IGO_DYAD, f -> true, r -> {
            String a = actorOf.get(r.integer("ccode1"));
            String b = actorOf.get(r.integer("ccode2"));
            int y = r.integer("year");
            if (a == null
                    || b == null
                    || y < req.from()
                    || y > req.to()
                    || r.get("dyadigos").isEmpty()) {
                return;
            }
            double v = r.number("dyadigos");
            if (Double.isNaN(v)) {
                return;
            }
            String src = "COW IGO v3 shared memberships (" + GlobalData.IGO_DYAD + ")";
            if (states.contains(r.integer("ccode1"))) {
                row("igo.shared", a, b, y, v, src);
            } else if (states.contains(r.integer("ccode2"))) {
                row("igo.shared", b, a, y, v, src);
            }
        });
    }

    private void row(String pattern, String actor, String partner, int year, double value, String source) {
        String v = value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.6f", value);
        observedRows.add(pattern + "," + actor + "," + partner + "," + year + "," + v + ",\""
                + source.replace("\"", "\"\"") + "\"");
    }

    /** Every problem of a request, by field, thrown at once. */
    private static final class FieldProblems {
        private final List<RequestException.FieldProblem> list = new ArrayList<>();

        void add(String field, String message) {
            add(field, message, null);
        }

        void add(String field, String message, String hint) {
            list.add(new RequestException.FieldProblem(field, message, hint));
        }

        void throwIfAny() {
            if (!list.isEmpty()) {
                throw new RequestException(list);
            }
        }
    }

    // ---- country codes ------------------------------------------------------------------------

    /** ISO3 ↔ COW codes and names of every UN member, from the ideal-point file (ccode, iso3c, countryname). */
    static final class Codes {
        private final Map<String, Integer> cowOfIso = new HashMap<>();
        private final Map<Integer, String> isoOfCow = new HashMap<>();
        private final Map<String, String> names = new HashMap<>();

        static Codes read(GlobalData d) {
            Codes c = new Codes();
            d.each(GlobalData.IDEAL_POINTS, f -> true, r -> {
                String iso = r.get("iso3c");
                if (iso.isEmpty() || iso.equals("NA")) {
                    return;
                }
                int cow = r.integer("ccode");
                c.cowOfIso.put(iso, cow);
                c.isoOfCow.putIfAbsent(cow, iso);
                c.names.put(iso, r.get("countryname"));
            });
            return c;
        }

        boolean known(String iso) {
            return cowOfIso.containsKey(iso);
        }

        int cow(String iso) {
            return cowOfIso.get(iso);
        }

        String isoOf(int cow) {
            return isoOfCow.getOrDefault(cow, "COW" + cow);
        }

        String name(String iso) {
            return names.getOrDefault(iso, iso);
        }

        Set<String> iso3() {
            return new java.util.TreeSet<>(cowOfIso.keySet());
        }
    }
}
