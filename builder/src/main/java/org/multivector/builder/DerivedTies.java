package org.multivector.builder;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Ties a curated region computes from its own facts where the world-wide datasets are coarser or silent, chosen per
 * dimension in the curated file's {@code ties:} section ({@code method:}):
 *
 * <ul>
 *   <li>{@code institution-index}: each full membership of a security institution adds its obligation to its lead
 *       pole(s) (split when several lead; {@code obligations: {ID: w}}, default 1, on ATOP's scale: defence 1,
 *       non-aggression or neutrality 0.5, consultation 0.25; Leeds et al. 2002), each security route (a foreign base)
 *       its weight; national self-reliance and other partners count 1; shares = score / total.
 *   <li>{@code routes}: capacity-weighted shares of the state's routes of that dimension active in the year, in PJ a
 *       year where the routes give a unit ({@link org.multivector.model.Route.Unit}); a route to a partner that is
 *       not a pole belongs to the rest of the world.
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
        Map<String, Object> obligations =
                spec.get("obligations") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
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
                        Object w = obligations.get(inst.get("id"));
                        double weight = w instanceof Number n ? n.doubleValue() : 1.0;
                        for (String l : lead) {
                            score[poles.indexOf(l)] += weight / lead.size();
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
                        w[p < 0 ? poles.size() : p] += unit(r).common(((Number) r.get("weight")).doubleValue());
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

    /** A route's unit: PJ a year after conversion (as the engine compares routes), or relative. */
    private static org.multivector.model.Route.Unit unit(Map<String, Object> route) {
        Object u = route.get("unit");
        if (u == null) {
            return org.multivector.model.Route.Unit.RELATIVE;
        }
        return org.multivector.model.Route.Unit.parse(u.toString())
                .orElseThrow(() -> new IllegalStateException("route " + route.get("id") + ": unknown unit " + u));
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
