package org.multivector.builder;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Ties a curated region computes from its own facts where the world-wide datasets are coarser or silent, chosen per
 * dimension in the curated file's {@code ties:} section ({@code method:}):
 *
 * <ul>
 *   <li>{@code un-vote-agreement}: agreement in UN General Assembly roll calls (Voeten, Strezhnev and Bailey's
 *       votes, {@code data/unga}) with each pole's voters (same vote 1, one abstains 0.5, opposite 0; a pole with
 *       several voters takes their mean), normalised over the poles; a year counts when the state shares at least
 *       {@code minRollCalls} roll calls with each pole's first voter.
 *   <li>{@code institution-index}: each full membership of a security institution adds 1 to its lead pole(s)
 *       (split when several lead), each security route (a foreign base) its weight; national self-reliance and
 *       other partners count 1; shares = score / total.
 *   <li>{@code routes}: capacity-weighted shares of the state's routes of that dimension active in the year; a
 *       route to a partner that is not a pole belongs to the rest of the world.
 *   <li>{@code initial}: the given shares in the first year only; the model runs free afterwards.
 * </ul>
 *
 * Shares are floored to 4 decimals like the builder's ({@link RegionBuilder#round4}).
 */
final class DerivedTies {
    private DerivedTies() {}

    static Map<String, Object> tie(
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

    private static Map<String, Object> row(List<String> poles, double[] v, double total) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int p = 0; p < poles.size(); p++) {
            m.put(poles.get(p), RegionBuilder.round4(v[p] / total));
        }
        return m;
    }

    private static String provKey(Map<String, Object> spec) {
        return spec.containsKey("source") ? "source" : "assumption";
    }

    private static int integer(Map<String, Object> spec, String key) {
        Object v = spec.get(key);
        if (!(v instanceof Integer i)) {
            throw new IllegalStateException("ties: expected an integer " + key + ", got " + v);
        }
        return i;
    }

    /** {@code un-vote-agreement} ties of every state. */
    @SuppressWarnings("unchecked")
    static List<Object> unVoteAgreement(
            Path data, String dim, Map<String, Object> spec, List<String> states, List<String> poles, int start) {
        Map<String, String> codes = (Map<String, String>) spec.get("codes");
        Map<String, List<String>> voters = (Map<String, List<String>>) spec.get("voters");
        Map<String, Integer> until = (Map<String, Integer>) spec.getOrDefault("until", Map.of());
        int min = integer(spec, "minRollCalls");
        int last = integer(spec, "last");
        Map<String, Integer> rcYear = new HashMap<>();
        for (Csv.Row r : Csv.read(data.resolve("unga/un_roll_calls.csv"))) {
            String date = r.get("date");
            if (date.length() >= 4) {
                rcYear.put(r.get("rcid"), Integer.parseInt(date.substring(0, 4)));
            }
        }
        Map<String, Map<String, String>> votes = new HashMap<>(); // rcid -> ISO2 -> vote
        for (Csv.Row r : Csv.read(data.resolve("unga/un_votes_selected_states.csv"))) {
            votes.computeIfAbsent(r.get("rcid"), k -> new HashMap<>()).put(r.get("country_code"), r.get("vote"));
        }
        List<String[]> partners = new ArrayList<>(); // {pole, voter}
        for (String p : poles) {
            for (String v : voters.get(p)) {
                partners.add(new String[] {p, v});
            }
        }
        List<Object> out = new ArrayList<>();
        for (String state : states) {
            String me = codes.get(state);
            Map<Integer, double[]> acc = new TreeMap<>(); // year -> agreement sum and count per partner
            for (Map.Entry<String, Map<String, String>> e : votes.entrySet()) {
                Integer year = rcYear.get(e.getKey());
                String mine = e.getValue().get(me);
                if (year == null || mine == null) {
                    continue;
                }
                double[] a = acc.computeIfAbsent(year, k -> new double[2 * partners.size()]);
                for (int p = 0; p < partners.size(); p++) {
                    String voter = partners.get(p)[1];
                    String theirs = e.getValue().get(voter);
                    if (theirs == null || year > until.getOrDefault(voter, 9999)) {
                        continue;
                    }
                    a[2 * p] += agreement(mine, theirs);
                    a[2 * p + 1] += 1;
                }
            }
            TreeMap<Integer, Map<String, Object>> shares = new TreeMap<>();
            for (Map.Entry<Integer, double[]> e : acc.entrySet()) {
                double[] a = e.getValue();
                if (e.getKey() < start) {
                    continue;
                }
                double[] v = new double[poles.size()];
                boolean enough = true;
                for (int q = 0; q < poles.size(); q++) {
                    double sum = 0;
                    int n = 0;
                    boolean first = true;
                    for (int p = 0; p < partners.size(); p++) {
                        if (!partners.get(p)[0].equals(poles.get(q))) {
                            continue;
                        }
                        if (first && a[2 * p + 1] < min) {
                            enough = false;
                        }
                        first = false;
                        if (a[2 * p + 1] > 0) {
                            sum += a[2 * p] / a[2 * p + 1];
                            n++;
                        }
                    }
                    v[q] = n > 0 ? sum / n : 0;
                }
                if (!enough) {
                    continue;
                }
                double total = 0;
                for (double x : v) {
                    total += x;
                }
                shares.put(e.getKey(), row(poles, v, total));
            }
            out.add(tie(state, dim, provKey(spec), (String) spec.get(provKey(spec)), shares, start, last, (String)
                    spec.get("missingNote")));
        }
        return out;
    }

    private static double agreement(String a, String b) {
        if (a.equals(b)) {
            return 1;
        }
        return a.equals("abstain") || b.equals("abstain") ? 0.5 : 0;
    }

    private static boolean active(Map<String, Object> dated, int y, String from, String to) {
        int opened = (Integer) dated.get(from);
        Integer closed = (Integer) dated.get(to);
        return y >= opened && (closed == null || y < closed);
    }

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

    /** {@code institution-index} ties: security institutions' lead poles and foreign bases (routes). */
    @SuppressWarnings("unchecked")
    static List<Object> institutionIndex(
            String dim,
            Map<String, Object> spec,
            List<String> states,
            List<String> poles,
            List<Object> institutions,
            List<Object> routes,
            int start) {
        int last = integer(spec, "last");
        List<Object> out = new ArrayList<>();
        for (String state : states) {
            TreeMap<Integer, Map<String, Object>> shares = new TreeMap<>();
            for (int y = start; y <= last; y++) {
                double[] score = new double[poles.size()];
                for (Object o : institutions) {
                    Map<String, Object> inst = (Map<String, Object>) o;
                    if (!dim.equals(inst.get("domain"))) {
                        continue;
                    }
                    List<String> lead = (List<String>) inst.get("lead");
                    boolean member = false;
                    for (Map<String, Object> m : (List<Map<String, Object>>) inst.get("members")) {
                        if (m.get("state").equals(state) && active(m, y, "joined", "left") && full(m, y)) {
                            member = true;
                        }
                    }
                    if (member) {
                        for (String l : lead) {
                            score[poles.indexOf(l)] += 1.0 / lead.size();
                        }
                    }
                }
                for (Object o : routes) {
                    Map<String, Object> r = (Map<String, Object>) o;
                    if (dim.equals(r.get("dimension"))
                            && state.equals(r.get("state"))
                            && active(r, y, "opened", "closed")
                            && poles.contains(r.get("pole"))) {
                        score[poles.indexOf(r.get("pole"))] += ((Number) r.get("weight")).doubleValue();
                    }
                }
                double total = 1.0;
                for (double s : score) {
                    total += s;
                }
                shares.put(y, row(poles, score, total));
            }
            out.add(tie(state, dim, provKey(spec), (String) spec.get(provKey(spec)), shares, start, last, ""));
        }
        return out;
    }

    /** {@code routes} ties: capacity-weighted shares of the routes of the dimension active in the year. */
    @SuppressWarnings("unchecked")
    static List<Object> routes(
            String dim,
            Map<String, Object> spec,
            List<String> states,
            List<String> poles,
            List<Object> routes,
            int start) {
        int last = integer(spec, "last");
        List<Object> out = new ArrayList<>();
        for (String state : states) {
            TreeMap<Integer, Map<String, Object>> shares = new TreeMap<>();
            for (int y = start; y <= last; y++) {
                double[] w = new double[poles.size() + 1]; // the last: the rest of the world
                for (Object o : routes) {
                    Map<String, Object> r = (Map<String, Object>) o;
                    if (dim.equals(r.get("dimension"))
                            && state.equals(r.get("state"))
                            && active(r, y, "opened", "closed")) {
                        int p = poles.indexOf(r.get("pole")); // a route to a partner: -1
                        w[p < 0 ? poles.size() : p] += ((Number) r.get("weight")).doubleValue();
                    }
                }
                double total = 0;
                for (double x : w) {
                    total += x;
                }
                if (total > 0) {
                    shares.put(y, row(poles, w, total));
                }
            }
            out.add(tie(state, dim, provKey(spec), (String) spec.get(provKey(spec)), shares, start, last, (String)
                    spec.get("missingNote")));
        }
        return out;
    }

    /** {@code initial} ties: the given shares in the first year only. */
    @SuppressWarnings("unchecked")
    static List<Object> initial(
            String dim, Map<String, Object> spec, List<String> states, List<String> poles, int start) {
        Map<String, Object> given = (Map<String, Object>) spec.get("shares");
        List<Object> out = new ArrayList<>();
        for (String state : states) {
            double[] v = new double[poles.size()];
            for (int p = 0; p < poles.size(); p++) {
                v[p] = ((Number) given.get(poles.get(p))).doubleValue();
            }
            TreeMap<Integer, Map<String, Object>> shares = new TreeMap<>();
            shares.put(start, row(poles, v, 1.0));
            out.add(tie(state, dim, provKey(spec), (String) spec.get(provKey(spec)), shares, start, start, ""));
        }
        return out;
    }
}
