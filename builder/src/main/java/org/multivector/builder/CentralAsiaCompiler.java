package org.multivector.builder;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/*
 * Design: the default scenario is compiled, never typed. This class reads the datasets copied into
 * data/ (see data/SOURCES.md and data/central-asia/README.md) and the curated judgements in
 * data/central-asia-curated.yaml, computes every observed series, resolves "ref: FILE:LINE" into
 * the row's own source, and writes one YAML file. Re-running it on the same inputs gives the same
 * bytes (CentralAsiaCompilerTest checks that the shipped scenario is up to date).
 */

/** Compiles the embedded default scenario {@code central-asia} from the data folder. */
public final class CentralAsiaCompiler {
    static final int FIRST_YEAR = 1991;
    static final int LAST_DATA_YEAR = 2024;
    static final String[] REGIONAL = {"KAZ", "UZB", "KGZ", "TJK", "TKM"};
    static final String[] POLE_ACTORS = {"RUS", "CHN", "USA", "EU"};
    static final String[] OTHER = {"AFG"};
    /** Fewest shared roll calls for a year's agreement to count (fewer is treated as missing). */
    static final int MIN_ROLL_CALLS = 10;

    static final java.util.Set<Integer> FORMER_SOVIET = java.util.Set.of(365, 701, 702, 703, 704, 705);
    static final Map<String, String> ISO2 = Map.of("KAZ", "KZ", "UZB", "UZ", "KGZ", "KG", "TJK", "TJ", "TKM", "TM");

    private final Path data;
    private final Map<String, Object> curated;
    private final List<int[]> euMembers = new ArrayList<>(); // {cow, joined, left}
    private final CountryCodes codes;

    private CentralAsiaCompiler(Path data) {
        this.data = data;
        this.codes = CountryCodes.read(data.resolve("country-codes.csv"));
        try (InputStream in = Files.newInputStream(data.resolve("central-asia-curated.yaml"))) {
            Map<String, Object> m = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            this.curated = m;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read curated scenario part: " + e.getMessage(), e);
        }
        for (Csv.Row r : Csv.read(data.resolve("eu-members.csv"))) {
            euMembers.add(new int[] {
                Integer.parseInt(r.get("cow")),
                Integer.parseInt(r.get("joined")),
                r.get("left").isEmpty() ? 9999 : Integer.parseInt(r.get("left"))
            });
        }
    }

    /** The calibration overlay baked into the default scenario (written by scripts/calibrate-default.sh). */
    public static final String CALIBRATION = "central-asia-calibration.yaml";

    /**
     * Compiles the default scenario from the data folder: the curated parameters with the values of
     * {@link #CALIBRATION} (source: calibration id) where that file exists.
     */
    public static String compile(Path dataDir) {
        return new CentralAsiaCompiler(dataDir).build(true);
    }

    /** Compiles the prior scenario {@code central-asia-prior}: the curated parameter values, before calibration. */
    public static String compilePrior(Path dataDir) {
        return new CentralAsiaCompiler(dataDir).build(false);
    }

    /** Compiles and writes the default scenario and, next to it, the prior; returns the characters written. */
    public static int compileTo(Path dataDir, Path out) throws IOException {
        write(compilePrior(dataDir), out.resolveSibling("central-asia-prior.yaml"));
        return write(compile(dataDir), out);
    }

    private static int write(String text, Path out) throws IOException {
        org.multivector.store.RunDirectory.writeFileAtomically(
                out, text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return text.length();
    }

    private boolean euMember(int cow, int year) {
        for (int[] m : euMembers) {
            if (m[0] == cow && year >= m[1] && year < m[2]) {
                return true;
            }
        }
        return false;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> parameters(boolean calibrated) {
        Map<String, Object> params = new LinkedHashMap<>((Map<String, Object>) curated.get("parameters"));
        Path file = data.resolve(CALIBRATION);
        if (!calibrated || !Files.exists(file)) {
            return params;
        }
        org.multivector.scenario.Overlay o;
        try {
            o = org.multivector.scenario.Overlay.parse(file.toString(), Files.readAllBytes(file));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        if (!o.scenario().equals("central-asia-prior")) {
            throw new IllegalArgumentException(file + ": expected an overlay for central-asia-prior (the curated"
                    + " values calibration starts from), found '" + o.scenario() + "'");
        }
        o.parameters().forEach((name, v) -> {
            Object before = params.get(name);
            if (!(before instanceof Map)) {
                throw new IllegalArgumentException(file + ": unknown parameter " + name);
            }
            Map<String, Object> p = new LinkedHashMap<>((Map<String, Object>) before);
            p.remove("source");
            p.remove("assumption");
            p.remove("ref");
            p.put("value", v.value());
            if (v.provenance().source() != null) {
                p.put("source", v.provenance().source());
            } else {
                p.put("assumption", v.provenance().assumption());
            }
            params.put(name, p);
        });
        return params;
    }

    @SuppressWarnings("unchecked")
    private String build(boolean calibrated) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("scenario", calibrated ? curated.get("scenario") : curated.get("scenario") + "-prior");
        s.put("format", 2);
        s.put(
                "title",
                calibrated
                        ? curated.get("title")
                        : curated.get("title") + " (prior parameter values, before calibration)");
        s.put(
                "description",
                ((String) curated.get("description")).trim() + " Strategies: " + curated.get("strategiesNote"));
        s.put("time", curated.get("time"));
        s.put("rivalry", curated.get("rivalry"));
        s.put("dimensions", curated.get("dimensions"));
        s.put("poles", curated.get("poles"));
        s.put("actors", actors());
        List<Map<String, Object>> ties = new ArrayList<>();
        ties.addAll(tradeTies());
        ties.addAll(diplomacyTies());
        List<Map<String, Object>> institutions = institutions();
        List<Map<String, Object>> routes = refs((List<Map<String, Object>>) curated.get("routes"));
        ties.addAll(securityTies(institutions, routes));
        ties.addAll(energyTies(routes));
        ties.addAll(investmentTies());
        ties.sort((a, b) ->
                (a.get("state") + "/" + a.get("dimension")).compareTo(b.get("state") + "/" + b.get("dimension")));
        s.put("ties", ties);
        s.put("interdependence", interdependence());
        s.put("institutions", institutions);
        s.put("borders", borders());
        s.put("disputes", refs((List<Map<String, Object>>) curated.get("disputes")));
        s.put("routes", routes);
        s.put("events", refs((List<Map<String, Object>>) curated.get("events")));
        s.put("poleRelations", curated.get("poleRelations"));
        s.put("focus", curated.get("focus"));
        s.put("strategies", curated.get("strategies"));
        s.put("parameters", parameters(calibrated));
        return YamlWriter.write(
                s,
                "# GENERATED by CentralAsiaCompiler from data/ - do not edit; edit data/central-asia-curated.yaml\n"
                        + "# and re-run: ./multivector compile-scenario (see docs/SCENARIO.md).\n");
    }

    // ---- references ---------------------------------------------------------------------------

    private final Map<String, List<Csv.Row>> factFiles = new HashMap<>();

    private String resolve(String ref) {
        int colon = ref.lastIndexOf(':');
        String file = ref.substring(0, colon);
        int line = Integer.parseInt(ref.substring(colon + 1));
        List<Csv.Row> rows = factFiles.computeIfAbsent(
                file, f -> Csv.read(data.resolve("central-asia").resolve(f)));
        for (Csv.Row r : rows) {
            if (r.line() == line) {
                return "central-asia/" + file + " line " + line + " (" + r.get("source") + ")";
            }
        }
        throw new IllegalStateException("reference " + ref + " names no row");
    }

    private List<Map<String, Object>> refs(List<Map<String, Object>> items) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> item : items) {
            Map<String, Object> m = new LinkedHashMap<>();
            for (Map.Entry<String, Object> e : item.entrySet()) {
                if (e.getKey().equals("ref")) {
                    m.put("source", resolve((String) e.getValue()));
                } else {
                    m.put(e.getKey(), e.getValue());
                }
            }
            out.add(m);
        }
        return out;
    }

    // ---- actors and capabilities --------------------------------------------------------------

    private List<Map<String, Object>> actors() {
        Map<String, Csv.Row> states = new HashMap<>();
        for (Csv.Row r : Csv.read(data.resolve("central-asia/states.csv"))) {
            states.put(r.get("state_id"), r);
        }
        Map<String, Map<String, Object>> curatedActors = new HashMap<>();
        for (Object o : (List<?>) curated.get("actors")) {
            @SuppressWarnings("unchecked")
            Map<String, Object> m = (Map<String, Object>) o;
            curatedActors.put((String) m.get("id"), m);
        }
        Map<String, TreeMap<Integer, Double>> gdp = worldBank("gdp_current_usd.csv");
        Map<String, TreeMap<Integer, Double>> pop = worldBank("population_total.csv");
        Map<Integer, TreeMap<Integer, Double>> milex = new HashMap<>();
        Map<Integer, TreeMap<Integer, Double>> cinc = new HashMap<>();
        for (Csv.Row r : Csv.read(data.resolve("cow_nmc/NMC-70-abridged_via_peacesciencer.csv"))) {
            int year = Integer.parseInt(r.get("year"));
            if (year < FIRST_YEAR) {
                continue;
            }
            int cow = Integer.parseInt(r.get("ccode"));
            if (!r.get("milex").isEmpty()) {
                milex.computeIfAbsent(cow, k -> new TreeMap<>()).put(year, Double.parseDouble(r.get("milex")));
            }
            if (!r.get("cinc").isEmpty()) {
                cinc.computeIfAbsent(cow, k -> new TreeMap<>()).put(year, Double.parseDouble(r.get("cinc")));
            }
        }
        List<Map<String, Object>> out = new ArrayList<>();
        List<String> all = new ArrayList<>(List.of(REGIONAL));
        all.addAll(List.of(POLE_ACTORS));
        all.addAll(List.of(OTHER));
        for (String id : all) {
            Csv.Row st = states.get(id);
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("id", id);
            a.put("name", st.get("name"));
            String kind = List.of(REGIONAL).contains(id)
                    ? "regional"
                    : List.of(POLE_ACTORS).contains(id) ? "pole" : "other";
            a.put("kind", kind);
            if (codes.has(id)) {
                a.put("cow", codes.cow(id));
            }
            a.put("source", "central-asia/states.csv line " + st.line() + " (" + st.get("source") + ")");
            Map<String, Object> cm = curatedActors.get(id);
            if (cm != null && cm.containsKey("fragility")) {
                a.put("fragility", cm.get("fragility"));
            }
            Map<String, Object> caps = new LinkedHashMap<>();
            String wb = id.equals("EU") ? "EUU" : id;
            putSeries(
                    caps,
                    "gdp",
                    gdp.get(wb),
                    "current USD",
                    "World Bank WDI NY.GDP.MKTP.CD via data/worldbank/gdp_current_usd.csv (country code " + wb + ")");
            putSeries(
                    caps,
                    "population",
                    pop.get(wb),
                    "persons",
                    "World Bank WDI SP.POP.TOTL via data/worldbank/population_total.csv (country code " + wb + ")");
            if (id.equals("EU")) {
                putSeries(
                        caps,
                        "milex",
                        euSum(milex),
                        "thousands of current USD",
                        "COW NMC v7.0 via peacesciencer (data/cow_nmc), summed over the EU members of each year (data/eu-members.csv)");
                putSeries(
                        caps,
                        "cinc",
                        euSum(cinc),
                        "share of world capabilities",
                        "COW NMC v7.0 via peacesciencer (data/cow_nmc), summed over the EU members of each year (data/eu-members.csv)");
            } else if (codes.has(id)) {
                putSeries(
                        caps,
                        "milex",
                        milex.get(codes.cow(id)),
                        "thousands of current USD",
                        "COW NMC v7.0 via peacesciencer (data/cow_nmc), ccode " + codes.cow(id));
                putSeries(
                        caps,
                        "cinc",
                        cinc.get(codes.cow(id)),
                        "share of world capabilities",
                        "COW NMC v7.0 via peacesciencer (data/cow_nmc), ccode " + codes.cow(id));
            }
            if (id.equals("AFG")) {
                putSeries(
                        caps,
                        "instability",
                        afghanInstability(),
                        "0..1",
                        "UCDP/PRIO Armed Conflict v25.1 via peacesciencer (data/ucdp_acd): highest intensity of conflicts with Afghanistan (gwno 700) as a side, war = 1, minor = 0.5, none = 0");
            }
            a.put("capabilities", caps);
            out.add(a);
        }
        return out;
    }

    private TreeMap<Integer, Double> euSum(Map<Integer, TreeMap<Integer, Double>> byCow) {
        TreeMap<Integer, Double> out = new TreeMap<>();
        for (int year = FIRST_YEAR; year <= LAST_DATA_YEAR; year++) {
            double sum = 0;
            boolean complete = true;
            for (int[] m : euMembers) {
                if (!euMember(m[0], year)) {
                    continue;
                }
                TreeMap<Integer, Double> s = byCow.get(m[0]);
                Double v = s == null ? null : s.get(year);
                if (v == null) {
                    complete = false;
                    break;
                }
                sum += v;
            }
            if (complete) {
                out.put(year, sum);
            }
        }
        return out;
    }

    private static void putSeries(
            Map<String, Object> caps, String name, TreeMap<Integer, Double> values, String unit, String source) {
        if (values == null || values.isEmpty()) {
            return;
        }
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("unit", unit);
        s.put("source", source);
        Map<String, Object> v = new LinkedHashMap<>();
        values.forEach((y, x) -> {
            if (y >= FIRST_YEAR) {
                v.put(Integer.toString(y), x);
            }
        });
        s.put("values", v);
        caps.put(name, s);
    }

    private Map<String, TreeMap<Integer, Double>> worldBank(String file) {
        Map<String, TreeMap<Integer, Double>> out = new HashMap<>();
        for (Csv.Row r : Csv.read(data.resolve("worldbank").resolve(file))) {
            int year = Integer.parseInt(r.get("Year"));
            if (year >= FIRST_YEAR && !r.get("Value").isEmpty()) {
                out.computeIfAbsent(r.get("Country Code"), k -> new TreeMap<>())
                        .put(year, Double.parseDouble(r.get("Value")));
            }
        }
        return out;
    }

    private TreeMap<Integer, Double> afghanInstability() {
        TreeMap<Integer, Double> out = new TreeMap<>();
        for (int y = FIRST_YEAR; y <= LAST_DATA_YEAR; y++) {
            out.put(y, 0.0);
        }
        for (Csv.Row r : Csv.read(data.resolve("ucdp_acd/ucdp_acd_v25.1_via_peacesciencer.csv"))) {
            int year = Integer.parseInt(r.get("year"));
            boolean afg = List.of(r.get("gwno_a"), r.get("gwno_a_2nd"), r.get("gwno_b"), r.get("gwno_b_2nd")).stream()
                    .anyMatch(g -> List.of(g.split(",\\s*")).contains("700"));
            if (afg && year >= FIRST_YEAR && year <= LAST_DATA_YEAR) {
                double level = Integer.parseInt(r.get("intensity_level")) == 2 ? 1.0 : 0.5;
                out.merge(year, level, Math::max);
            }
        }
        return out;
    }

    // ---- ties -----------------------------------------------------------------------------------

    private static Map<String, Object> tie(
            String state,
            String dim,
            String provKey,
            String prov,
            TreeMap<Integer, Map<String, Object>> shares,
            int from,
            int to,
            String missingNote) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("state", state);
        t.put("dimension", dim);
        t.put(provKey, prov);
        Map<String, Object> sh = new LinkedHashMap<>();
        shares.forEach((y, m) -> sh.put(Integer.toString(y), m));
        t.put("shares", sh);
        List<Object> missing = new ArrayList<>();
        for (int y = from; y <= to; y++) {
            if (!shares.containsKey(y)) {
                missing.add(y);
            }
        }
        if (!missing.isEmpty()) {
            t.put("missing", missing);
            t.put("missingNote", missingNote);
        }
        return t;
    }

    private static Map<String, Object> row(double rus, double chn, double west) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("RUS", round4(rus));
        m.put("CHN", round4(chn));
        m.put("WEST", round4(west));
        return m;
    }

    static double round4(double v) {
        return Math.floor(v * 10000) / 10000.0; // floor keeps normalised shares summing to at most 1
    }

    /** Dyadic trade totals {@code (state cow, partner cow, year) -> flow1 + flow2} in millions of current USD. */
    private Map<Long, Double> cowTrade() {
        Map<Long, Double> out = new HashMap<>();
        for (Csv.Row r : Csv.read(data.resolve("cow_trade/cow_dyadic_trade_4.0_ndy_target_states.csv"))) {
            int year = Integer.parseInt(r.get("year"));
            if (year < FIRST_YEAR) {
                continue;
            }
            int a = Integer.parseInt(r.get("ccode1"));
            int b = Integer.parseInt(r.get("ccode2"));
            double f1 = r.get("flow1").isEmpty() ? -9 : Double.parseDouble(r.get("flow1"));
            double f2 = r.get("flow2").isEmpty() ? -9 : Double.parseDouble(r.get("flow2"));
            boolean sovietPair = FORMER_SOVIET.contains(a) && FORMER_SOVIET.contains(b);
            if (f1 < 0 || f2 < 0 || (sovietPair && f1 == 0 && f2 == 0)) {
                // -9 or empty is missing; so is a recorded 0 between two former Soviet republics
                // (intra-CIS flows of 1992-93 were not captured by customs), never zero trade
                out.put(key(a, b, year), Double.NaN);
                out.put(key(b, a, year), Double.NaN);
                continue;
            }
            out.merge(key(a, b, year), f1 + f2, Double::sum);
            out.merge(key(b, a, year), f1 + f2, Double::sum);
            out.merge(key(a, 0, year), f1 + f2, Double::sum);
            out.merge(key(b, 0, year), f1 + f2, Double::sum);
        }
        return out;
    }

    private static long key(int a, int b, int year) {
        return ((long) a * 1000 + b) * 10000 + year;
    }

    private Map<Long, Double> trade;

    private double tradeShare(int state, int partner, int year) {
        Double total = trade.get(key(state, 0, year));
        if (total == null || total <= 0) {
            return Double.NaN;
        }
        // a dyad absent from the file had no recorded trade; a dyad present with missing flows is NaN
        return trade.getOrDefault(key(state, partner, year), 0.0) / total;
    }

    private List<Map<String, Object>> tradeTies() {
        trade = cowTrade();
        List<Map<String, Object>> out = new ArrayList<>();
        for (String id : REGIONAL) {
            int c = codes.cow(id);
            TreeMap<Integer, Map<String, Object>> shares = new TreeMap<>();
            for (int y = FIRST_YEAR; y <= 2014; y++) {
                double rus = tradeShare(c, 365, y);
                if (Double.isNaN(rus)) {
                    continue;
                }
                double west = tradeShare(c, 2, y);
                for (int[] m : euMembers) {
                    if (euMember(m[0], y)) {
                        west += tradeShare(c, m[0], y);
                    }
                }
                shares.put(y, row(rus, tradeShare(c, 710, y), west));
            }
            out.add(
                    tie(
                            id,
                            "trade",
                            "source",
                            "COW Dyadic Trade 4.0 (data/cow_trade): (flow1 + flow2) with the pole over the sum over all partners with non-missing flows; WEST = USA + EU members of the year (data/eu-members.csv)",
                            shares,
                            FIRST_YEAR,
                            2014,
                            "COW Dyadic Trade has no usable flows with a pole in these years (not yet recorded, -9, or 0 between former Soviet republics, which customs did not capture in 1992-93); 2015-2023 left missing rather than splicing Factbook top-partner lists into a COW series"));
        }
        return out;
    }

    private List<Map<String, Object>> interdependence() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (int i = 0; i < REGIONAL.length; i++) {
            for (int j = i + 1; j < REGIONAL.length; j++) {
                int a = codes.cow(REGIONAL[i]);
                int b = codes.cow(REGIONAL[j]);
                Map<String, Object> values = new LinkedHashMap<>();
                for (int y = FIRST_YEAR; y <= 2014; y++) {
                    double sa = tradeShare(a, b, y);
                    double sb = tradeShare(b, a, y);
                    if (Double.isNaN(sa) || Double.isNaN(sb)) {
                        continue;
                    }
                    double salience = Math.sqrt(sa * sb);
                    values.put(Integer.toString(y), round4(salience * (1 - Math.abs(sa - sb))));
                }
                if (values.isEmpty()) {
                    continue;
                }
                Map<String, Object> d = new LinkedHashMap<>();
                d.put("pair", List.of(REGIONAL[i], REGIONAL[j]));
                d.put(
                        "unit",
                        "Barbieri interdependence sqrt(a*b)*(1-|a-b|), a and b each side's trade share with the other");
                d.put(
                        "source",
                        "COW Dyadic Trade 4.0 (data/cow_trade), computed by CentralAsiaCompiler; held at the 2014 value afterwards");
                d.put("values", values);
                out.add(d);
            }
        }
        return out;
    }

    private List<Map<String, Object>> diplomacyTies() {
        Map<String, Integer> rcYear = new HashMap<>();
        for (Csv.Row r : Csv.read(data.resolve("unga/un_roll_calls.csv"))) {
            String date = r.get("date");
            if (date.length() >= 4) {
                rcYear.put(r.get("rcid"), Integer.parseInt(date.substring(0, 4)));
            }
        }
        Map<String, Map<String, String>> votes = new HashMap<>(); // rcid -> iso2 -> vote
        for (Csv.Row r : Csv.read(data.resolve("unga/un_votes_selected_states.csv"))) {
            votes.computeIfAbsent(r.get("rcid"), k -> new HashMap<>()).put(r.get("country_code"), r.get("vote"));
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (String id : REGIONAL) {
            String me = ISO2.get(id);
            Map<Integer, double[]> acc = new TreeMap<>(); // year -> sums and counts for RU, CN, US, FR, DE, GB
            String[] partners = {"RU", "CN", "US", "FR", "DE", "GB"};
            for (Map.Entry<String, Map<String, String>> e : votes.entrySet()) {
                Integer year = rcYear.get(e.getKey());
                String mine = e.getValue().get(me);
                if (year == null || mine == null) {
                    continue;
                }
                double[] a = acc.computeIfAbsent(year, k -> new double[12]);
                for (int p = 0; p < partners.length; p++) {
                    String theirs = e.getValue().get(partners[p]);
                    if (theirs == null || (partners[p].equals("GB") && year >= 2020)) {
                        continue;
                    }
                    a[2 * p] += agreement(mine, theirs);
                    a[2 * p + 1] += 1;
                }
            }
            TreeMap<Integer, Map<String, Object>> shares = new TreeMap<>();
            for (Map.Entry<Integer, double[]> e : acc.entrySet()) {
                double[] a = e.getValue();
                if (a[1] < MIN_ROLL_CALLS
                        || a[3] < MIN_ROLL_CALLS
                        || a[5] < MIN_ROLL_CALLS
                        || e.getKey() < FIRST_YEAR) {
                    continue;
                }
                double rus = a[0] / a[1];
                double chn = a[2] / a[3];
                double westSum = 0;
                int westN = 0;
                for (int p = 2; p < 6; p++) {
                    if (a[2 * p + 1] > 0) {
                        westSum += a[2 * p] / a[2 * p + 1];
                        westN++;
                    }
                }
                double west = westN > 0 ? westSum / westN : 0;
                double sum = rus + chn + west;
                shares.put(e.getKey(), row(rus / sum, chn / sum, west / sum));
            }
            out.add(
                    tie(
                            id,
                            "diplomacy",
                            "source",
                            "UN General Assembly roll calls (Voeten et al., data/unga): agreement with each pole (same vote 1, one abstains 0.5, opposite 0) normalised over the three poles; WEST = mean of USA, France, Germany and the UK (to 2019)",
                            shares,
                            FIRST_YEAR,
                            2020,
                            "Fewer than 10 roll calls shared with Russia, China or the USA in these years (not yet a member, absent, or the data end)"));
        }
        return out;
    }

    private static double agreement(String a, String b) {
        if (a.equals(b)) {
            return 1;
        }
        return a.equals("abstain") || b.equals("abstain") ? 0.5 : 0;
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> securityTies(
            List<Map<String, Object>> institutions, List<Map<String, Object>> routes) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (String id : REGIONAL) {
            TreeMap<Integer, Map<String, Object>> shares = new TreeMap<>();
            for (int y = FIRST_YEAR; y <= LAST_DATA_YEAR; y++) {
                double[] score = new double[3];
                for (Map<String, Object> inst : institutions) {
                    if (!"security".equals(inst.get("domain"))) {
                        continue;
                    }
                    List<String> lead = (List<String>) inst.get("lead");
                    boolean member = false;
                    for (Map<String, Object> m : (List<Map<String, Object>>) inst.get("members")) {
                        int joined = (Integer) m.get("joined");
                        Integer left = (Integer) m.get("left");
                        if (m.get("state").equals(id) && y >= joined && (left == null || y < left) && full(m, y)) {
                            member = true;
                        }
                    }
                    if (member) {
                        for (String l : lead) {
                            score[poleIndex(l)] += 1.0 / lead.size();
                        }
                    }
                }
                for (Map<String, Object> r : routes) {
                    if (!"security".equals(r.get("dimension")) || !id.equals(r.get("state"))) {
                        continue;
                    }
                    int opened = (Integer) r.get("opened");
                    Integer closed = (Integer) r.get("closed");
                    if (y >= opened && (closed == null || y < closed) && poleIndex((String) r.get("pole")) >= 0) {
                        score[poleIndex((String) r.get("pole"))] += ((Number) r.get("weight")).doubleValue();
                    }
                }
                double total = score[0] + score[1] + score[2] + 1.0;
                shares.put(y, row(score[0] / total, score[1] / total, score[2] / total));
            }
            out.add(tie(
                    id,
                    "security",
                    "assumption",
                    "Index built from dated facts: each membership of a security institution adds 1 to its lead pole(s) (split when two lead), each foreign base adds its weight (routes below); national self-reliance and other partners count 1; shares = score / total. Memberships: central-asia/memberships.csv; bases: central-asia/infrastructure.csv",
                    shares,
                    FIRST_YEAR,
                    LAST_DATA_YEAR,
                    ""));
        }
        return out;
    }

    private static int poleIndex(String pole) {
        if (pole == null) {
            return -1; // a route to a regional supplier (partner:)
        }
        return switch (pole) {
            case "RUS" -> 0;
            case "CHN" -> 1;
            case "WEST" -> 2;
            default -> -1;
        };
    }

    private List<Map<String, Object>> energyTies(List<Map<String, Object>> routes) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (String id : REGIONAL) {
            TreeMap<Integer, Map<String, Object>> shares = new TreeMap<>();
            for (int y = FIRST_YEAR; y <= LAST_DATA_YEAR; y++) {
                double[] w = new double[4];
                for (Map<String, Object> r : routes) {
                    if (!"energy".equals(r.get("dimension")) || !id.equals(r.get("state"))) {
                        continue;
                    }
                    int opened = (Integer) r.get("opened");
                    Integer closed = (Integer) r.get("closed");
                    if (y >= opened && (closed == null || y < closed)) {
                        // a route to a regional supplier (partner:) belongs to the rest of the world
                        int p = r.containsKey("pole") ? poleIndex((String) r.get("pole")) : -1;
                        w[p < 0 ? 3 : p] += ((Number) r.get("weight")).doubleValue();
                    }
                }
                double total = w[0] + w[1] + w[2] + w[3];
                if (total > 0) {
                    shares.put(y, row(w[0] / total, w[1] / total, w[2] / total));
                }
            }
            out.add(tie(
                    id,
                    "energy",
                    "assumption",
                    "Capacity-weighted shares of the state's energy export (or, for importers, supply) routes active in the year, from the routes section (central-asia/infrastructure.csv and stated assumptions)",
                    shares,
                    FIRST_YEAR,
                    LAST_DATA_YEAR,
                    "No energy route recorded"));
        }
        return out;
    }

    private List<Map<String, Object>> investmentTies() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (String id : REGIONAL) {
            TreeMap<Integer, Map<String, Object>> shares = new TreeMap<>();
            shares.put(FIRST_YEAR, row(0.6, 0.02, 0.1));
            Map<String, Object> t = tie(
                    id,
                    "investment",
                    "assumption",
                    "No investment dataset is shipped: in 1991 capital ties were Soviet (Russia 0.6), Western majors were only arriving (Tengiz-Chevron 1993), China was absent (0.02); the rest (0.28) other partners. Only the initial year is set; the model runs free afterwards",
                    shares,
                    FIRST_YEAR,
                    FIRST_YEAR,
                    "");
            out.add(t);
        }
        return out;
    }

    // ---- institutions and borders -------------------------------------------------------------

    /** True when a membership is full (no observer or suspended status) in year {@code y}. */
    @SuppressWarnings("unchecked")
    private static boolean full(Map<String, Object> membership, int y) {
        String status = "member";
        for (Map<String, Object> c : (List<Map<String, Object>>) membership.getOrDefault("status", List.of())) {
            if ((Integer) c.get("from") <= y) {
                status = (String) c.get("status");
            }
        }
        return status.equals("member");
    }

    /** The year a dated change counts from: its year, or the next one if it came in the second half. */
    private static int effectiveYear(String date) {
        int y = Integer.parseInt(date.substring(0, 4));
        int month = date.length() >= 7 ? Integer.parseInt(date.substring(5, 7)) : 1;
        return month >= 7 ? y + 1 : y;
    }

    /**
     * Observer seats, associate memberships and suspensions: a status change inside the state's full-membership
     * spell, or a membership of that status from its year when the state has no spell then (the model counts only
     * full membership).
     */
    @SuppressWarnings("unchecked")
    private static void statuses(List<Map<String, Object>> members, List<Csv.Row> partial) {
        for (Csv.Row r : partial) {
            if (r.get("joined").isEmpty()) {
                continue;
            }
            String given = r.get("status").toLowerCase(java.util.Locale.ROOT);
            String status = given.equals("suspended") ? "suspended" : "observer";
            int from = effectiveYear(r.get("joined"));
            String source =
                    "central-asia/memberships.csv line " + r.line() + " (" + given + "; " + r.get("source") + ")";
            Map<String, Object> spell = null;
            for (Map<String, Object> m : members) {
                Integer left = (Integer) m.get("left");
                if (m.get("state").equals(r.get("state"))
                        && (Integer) m.get("joined") <= from
                        && (left == null || from < left)) {
                    spell = m;
                }
            }
            Map<String, Object> change = new LinkedHashMap<>();
            change.put("from", from);
            change.put("status", status);
            change.put("source", source);
            if (spell != null) {
                ((List<Map<String, Object>>) spell.computeIfAbsent("status", k -> new ArrayList<>())).add(change);
                continue;
            }
            boolean later = members.stream()
                    .anyMatch(m -> m.get("state").equals(r.get("state")) && (Integer) m.get("joined") >= from);
            if (later) {
                continue; // a status before a later full membership: the membership's own row covers it
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("state", r.get("state"));
            m.put("joined", from);
            if (!r.get("left").isEmpty()) {
                m.put("left", effectiveYear(r.get("left")));
            }
            m.put("status", new ArrayList<>(List.of(change)));
            m.put("source", source);
            members.add(m);
        }
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> institutions() {
        List<Csv.Row> rows = Csv.read(data.resolve("central-asia/memberships.csv"));
        List<String> actors = new ArrayList<>(List.of(REGIONAL));
        actors.addAll(List.of(POLE_ACTORS));
        actors.addAll(List.of(OTHER));
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object o : (List<?>) curated.get("institutions")) {
            Map<String, Object> c = (Map<String, Object>) o;
            List<String> orgRows = (List<String>) c.get("rows");
            List<Map<String, Object>> members = new ArrayList<>();
            List<Csv.Row> partial = new ArrayList<>();
            for (Csv.Row r : rows) {
                String status = r.get("status").toLowerCase(java.util.Locale.ROOT);
                if (!orgRows.contains(r.get("organization"))
                        || !actors.contains(r.get("state"))
                        || r.get("joined").isEmpty()) {
                    continue;
                }
                if (!status.matches(".*(member|partner|participant|participating|signatory).*")
                        || status.matches(
                                ".*(observer|dialogue|associate|never|suspended|withdrawal|single customs|chairmanship).*")) {
                    if (status.matches("(observer|associate member|suspended)")) {
                        partial.add(r);
                    }
                    continue;
                }
                int joined = Integer.parseInt(r.get("joined").substring(0, 4));
                Integer left = null;
                String l = r.get("left");
                if (!l.isEmpty()) {
                    int ly = Integer.parseInt(l.substring(0, 4));
                    int month = l.length() >= 7 ? Integer.parseInt(l.substring(5, 7)) : 1;
                    left = month >= 7 ? ly + 1 : ly;
                }
                boolean overlaps = false;
                for (Map<String, Object> m : members) {
                    Integer ml = (Integer) m.get("left");
                    int mj = (Integer) m.get("joined");
                    boolean sameState = m.get("state").equals(r.get("state"));
                    if (sameState && joined < (ml == null ? 9999 : ml) && mj < (left == null ? 9999 : left)) {
                        overlaps = true;
                    }
                }
                if (overlaps) {
                    continue; // a variant row of a spell already recorded (the README lists the conflicts)
                }
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("state", r.get("state"));
                m.put("joined", joined);
                if (left != null) {
                    m.put("left", left);
                }
                m.put("source", "central-asia/memberships.csv line " + r.line() + " (" + r.get("source") + ")");
                members.add(m);
            }
            statuses(members, partial);
            Map<String, Object> inst = new LinkedHashMap<>();
            inst.put("id", c.get("id"));
            inst.put("name", c.get("name"));
            inst.put("domain", c.get("domain"));
            inst.put("lead", c.get("lead"));
            inst.put("founded", c.get("founded"));
            inst.put(
                    "source",
                    "Organisation and lead pole(s) as curated in data/central-asia-curated.yaml; members from central-asia/memberships.csv (first row per spell; a membership counts from its year of joining and up to the year it ended, or the next year if it ended in the second half)");
            inst.put("members", members);
            out.add(inst);
        }
        return out;
    }

    private List<Map<String, Object>> borders() {
        List<String> actors = new ArrayList<>(List.of(REGIONAL));
        actors.addAll(List.of(POLE_ACTORS));
        actors.addAll(List.of(OTHER));
        List<Map<String, Object>> out = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (Csv.Row r : Csv.read(data.resolve("central-asia/borders.csv"))) {
            String a = r.get("state_a");
            String b = r.get("state_b");
            if (!r.get("border_type").equals("land")
                    || !actors.contains(a)
                    || !actors.contains(b)
                    || r.get("length_km").isEmpty()) {
                continue;
            }
            String k = a.compareTo(b) < 0 ? a + b : b + a;
            if (!seen.add(k)) {
                continue; // first row is the current Factbook value; variants are listed in the fact base
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("pair", List.of(a, b));
            m.put("lengthKm", Double.parseDouble(r.get("length_km")));
            m.put("source", "central-asia/borders.csv line " + r.line() + " (" + r.get("source") + ")");
            out.add(m);
        }
        return out;
    }

    /** Entry point for the build: {@code CentralAsiaCompiler DATA_DIR OUT_FILE}. */
    public static void main(String[] args) throws IOException {
        Path dataDir = Path.of(args.length > 0 ? args[0] : "data");
        Path out = Path.of(
                args.length > 1
                        ? args[1]
                        : "core/src/main/resources/org/multivector/scenario/builtin/central-asia.yaml");
        int n = compileTo(dataDir, out);
        System.out.println("wrote " + out + " (" + n + " characters)");
    }
}
