package org.multivector.builder;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The observed patterns the model is judged on (calibration, backtests), built from the datasets in
 * {@code data/} for every regional state and year, as a tidy CSV
 * {@code pattern,actor,partner,year,value,source}. Trade shares and UN voting agreement per pole
 * are the scenario's observed ties (see {@link CentralAsiaCompiler}); this adds:
 * <ul>
 *   <li>{@code mid.onset}, {@code mid.ongoing} — COW MID 5.0 directed dispute-dyad-years, for each
 *       regional state with each other regional state and with RUS, CHN, USA and AFG, 1992–2014 (0 where
 *       the dyad has no dispute that year);
 *   <li>{@code conflict} — UCDP/PRIO armed conflict located in the state: highest intensity level that
 *       year (0 none, 1 minor, 2 war), 1992–2024;
 *   <li>{@code conflict.interstate} — UCDP/PRIO interstate conflict (type 2) between two regional
 *       states, 0/1, 1992–2024;
 *   <li>{@code idealpoint.distance} — |ideal point of the state − ideal point of RUS, CHN or USA| in UN
 *       General Assembly votes (Bailey, Strezhnev &amp; Voeten, all votes), 1992–2024, missing where a
 *       state has no estimate;
 *   <li>{@code alliance} — any ATOP v5.1 obligation (defence, offence, neutrality, non-aggression,
 *       consultation) with RUS, CHN or USA, 0/1, 1992–2018;
 *   <li>{@code igo.shared} — number of shared IGO memberships with RUS, CHN or USA (COW IGO v3),
 *       1992–2014, where recorded.
 * </ul>
 * Country codes come from {@link CountryCodes} only.
 */
public final class ObservedPatterns {
    static final String[] REGIONAL = {"KAZ", "UZB", "KGZ", "TJK", "TKM"};
    static final String[] POLES = {"RUS", "CHN", "USA"};
    static final int FROM = 1992;

    private final Path data;
    private final CountryCodes codes;
    private final List<String> rows = new ArrayList<>();

    private ObservedPatterns(Path data) {
        this.data = data;
        this.codes = CountryCodes.read(data.resolve("country-codes.csv"));
    }

    /** Builds the patterns; returns the CSV text. */
    public static String build(Path data) {
        ObservedPatterns p = new ObservedPatterns(data);
        p.mids();
        p.conflicts();
        p.idealPoints();
        p.alliances();
        p.igos();
        StringBuilder b = new StringBuilder("pattern,actor,partner,year,value,source\n");
        p.rows.forEach(r -> b.append(r).append('\n'));
        return b.toString();
    }

    /** Writes the patterns to {@code out} atomically; returns the number of rows. */
    public static int buildTo(Path data, Path out) throws IOException {
        String csv = build(data);
        org.multivector.store.RunDirectory.writeFileAtomically(out, csv.getBytes(StandardCharsets.UTF_8));
        return (int) csv.chars().filter(c -> c == '\n').count() - 1;
    }

    /** Where the patterns of the embedded default scenario are shipped. */
    public static final String RESOURCE = "/org/multivector/scenario/builtin/central-asia.observed.csv";

    private void add(String pattern, String actor, String partner, int year, double value, String source) {
        String v = value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.6f", value);
        rows.add(pattern + "," + actor + "," + partner + "," + year + "," + v + ",\"" + source.replace("\"", "\"\"")
                + "\"");
    }

    private List<String> midPartners(String state) {
        List<String> out = new ArrayList<>();
        for (String r : REGIONAL) {
            if (!r.equals(state)) {
                out.add(r);
            }
        }
        out.addAll(List.of("RUS", "CHN", "USA", "AFG"));
        return out;
    }

    private void mids() {
        Set<String> onset = new HashSet<>();
        Set<String> ongoing = new HashSet<>();
        for (Csv.Row r : Csv.read(data.resolve("cow_mid/cow_mid_dirdisps_5.0_target_states.csv"))) {
            String key = r.get("ccode1") + "-" + r.get("ccode2") + "-" + r.get("year");
            if (r.get("disponset").equals("1")) {
                onset.add(key);
            }
            if (r.get("dispongoing").equals("1")) {
                ongoing.add(key);
            }
        }
        String src = "COW MID 5.0 directed dispute-dyad-years (data/cow_mid)";
        for (String s : REGIONAL) {
            for (String p : midPartners(s)) {
                for (int y = FROM; y <= 2014; y++) {
                    String key = codes.cow(s) + "-" + codes.cow(p) + "-" + y;
                    add("mid.onset", s, p, y, onset.contains(key) ? 1 : 0, src);
                    add("mid.ongoing", s, p, y, ongoing.contains(key) ? 1 : 0, src);
                }
            }
        }
    }

    private static Set<Integer> gwList(String field) {
        Set<Integer> out = new HashSet<>();
        for (String part : field.split(",")) {
            String t = part.trim();
            if (!t.isEmpty()) {
                out.add(Integer.parseInt(t));
            }
        }
        return out;
    }

    private void conflicts() {
        Map<String, Integer> intensity = new HashMap<>();
        Set<String> interstate = new HashSet<>();
        for (Csv.Row r : Csv.read(data.resolve("ucdp_acd/UcdpPrioConflict_v25_1.csv"))) {
            int year = Integer.parseInt(r.get("year"));
            if (year < FROM) {
                continue;
            }
            int level = Integer.parseInt(r.get("intensity_level"));
            for (int gw : gwList(r.get("gwno_loc"))) {
                intensity.merge(gw + "-" + year, level, Math::max);
            }
            if (r.get("type_of_conflict").equals("2")) {
                Set<Integer> a = gwList(r.get("gwno_a") + "," + r.get("gwno_a_2nd"));
                Set<Integer> b = gwList(r.get("gwno_b") + "," + r.get("gwno_b_2nd"));
                for (int x : a) {
                    for (int z : b) {
                        interstate.add(x + "-" + z + "-" + year);
                        interstate.add(z + "-" + x + "-" + year);
                    }
                }
            }
        }
        String src = "UCDP/PRIO Armed Conflict Dataset v25.1 (data/ucdp_acd/UcdpPrioConflict_v25_1.csv)";
        for (String s : REGIONAL) {
            int gw = codes.of(s).gw();
            for (int y = FROM; y <= 2024; y++) {
                add("conflict", s, "", y, intensity.getOrDefault(gw + "-" + y, 0), src);
            }
            for (String t : REGIONAL) {
                if (t.equals(s)) {
                    continue;
                }
                for (int y = FROM; y <= 2024; y++) {
                    boolean war = interstate.contains(gw + "-" + codes.of(t).gw() + "-" + y);
                    add("conflict.interstate", s, t, y, war ? 1 : 0, src);
                }
            }
        }
    }

    private void idealPoints() {
        Map<Integer, TreeMap<Integer, Double>> ip = new HashMap<>();
        for (Csv.Row r : Csv.read(data.resolve("unga/IdealpointsJuly2025.csv"))) {
            String v = r.get("idealpointall");
            if (v.isEmpty() || v.equals("NA")) {
                continue;
            }
            ip.computeIfAbsent(Integer.parseInt(r.get("ccode")), k -> new TreeMap<>())
                    .put(Integer.parseInt(r.get("year")), Double.parseDouble(v));
        }
        String src =
                "UN General Assembly ideal points, all votes (Bailey, Strezhnev & Voeten; data/unga/IdealpointsJuly2025.csv)";
        for (String s : REGIONAL) {
            for (String p : POLES) {
                for (int y = FROM; y <= 2024; y++) {
                    Double a = ip.getOrDefault(codes.cow(s), new TreeMap<>()).get(y);
                    Double b = ip.getOrDefault(codes.cow(p), new TreeMap<>()).get(y);
                    if (a != null && b != null) {
                        add("idealpoint.distance", s, p, y, Math.abs(a - b), src);
                    }
                }
            }
        }
    }

    private void alliances() {
        Set<String> allied = new HashSet<>();
        for (Csv.Row r : Csv.read(data.resolve("atop_alliance/atop_v5.1_ddy_target_states.csv"))) {
            boolean any = false;
            for (String c :
                    new String[] {"atop_defense", "atop_offense", "atop_neutral", "atop_nonagg", "atop_consul"}) {
                any |= r.get(c).equals("1");
            }
            if (any) {
                allied.add(r.get("ccode1") + "-" + r.get("ccode2") + "-" + r.get("year"));
            }
        }
        String src = "ATOP v5.1 directed dyad-years, any obligation (data/atop_alliance)";
        for (String s : REGIONAL) {
            for (String p : POLES) {
                for (int y = FROM; y <= 2018; y++) {
                    boolean a = allied.contains(codes.cow(s) + "-" + codes.cow(p) + "-" + y);
                    add("alliance", s, p, y, a ? 1 : 0, src);
                }
            }
        }
    }

    private void igos() {
        Map<String, Integer> shared = new HashMap<>();
        for (Csv.Row r : Csv.read(data.resolve("cow_igo/cow_igo_v3_ndy_shared_counts_target_states.csv"))) {
            shared.put(
                    r.get("ccode1") + "-" + r.get("ccode2") + "-" + r.get("year"), Integer.parseInt(r.get("dyadigos")));
        }
        String src = "COW IGO v3 shared memberships (data/cow_igo)";
        for (String s : REGIONAL) {
            for (String p : POLES) {
                for (int y = FROM; y <= 2014; y++) {
                    int a = codes.cow(s);
                    int b = codes.cow(p);
                    Integer n = shared.get(a + "-" + b + "-" + y);
                    if (n == null) {
                        n = shared.get(b + "-" + a + "-" + y);
                    }
                    if (n != null) {
                        add("igo.shared", s, p, y, n, src);
                    }
                }
            }
        }
    }
}
