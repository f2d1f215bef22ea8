package org.multivector.server;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.multivector.engine.Trajectory;
import org.multivector.model.Actor;
import org.multivector.model.Dimension;
import org.multivector.model.Pole;
import org.multivector.model.Scenario;
import org.multivector.study.RegionView;

/**
 * What the Explore view shows: one run of a scenario (observed ties up to its last observed year,
 * simulated after) — each state's shares per pole and dimension and its balance index over time, the
 * RSI — plus, for a chosen year, the institutions with their members and the open disputes.
 */
final class Explore {

    /** The JSON of at most {@link Scenarios#CACHED} scenario versions (least recently used dropped). */
    private final Map<String, byte[]> json = Bounded.map(Scenarios.CACHED);

    /** The time series of a scenario as JSON bytes (computed and serialised once per scenario version). */
    byte[] json(Scenario s) {
        return Bounded.computeIfAbsent(json, s.hash(), h -> {
            try {
                return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsBytes(compute(s));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static Map<String, Object> compute(Scenario s) {
        Trajectory t = RegionView.trajectory(s);
        List<Integer> years = new ArrayList<>();
        for (int y = t.firstYear(); y <= t.lastYear(); y++) {
            years.add(y);
        }
        List<String> poles = s.poles().stream().map(Pole::id).toList();
        List<String> dims = s.dimensions().stream().map(Dimension::id).toList();
        Map<String, Object> states = new LinkedHashMap<>();
        for (Actor a : s.regionalStates()) {
            Map<String, Object> st = new LinkedHashMap<>();
            st.put("name", a.name());
            Map<String, Object> shares = new LinkedHashMap<>();
            for (String d : dims) {
                Map<String, Object> perPole = new LinkedHashMap<>();
                for (String p : poles) {
                    perPole.put(p, values(t, a.id(), "share." + d + "." + p));
                }
                shares.put(d, perPole);
            }
            st.put("shares", shares);
            Map<String, Object> status = new LinkedHashMap<>();
            for (String d : dims) {
                List<String> perYear = new ArrayList<>();
                for (int y = t.firstYear(); y <= t.lastYear(); y++) {
                    perYear.add(RegionView.status(s, a.id(), d, y).json());
                }
                status.put(d, perYear);
            }
            st.put("status", status);
            st.put("balance", values(t, a.id(), "balance"));
            states.put(a.id(), st);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("scenario", s.name());
        out.put("title", s.title());
        out.put("hash", s.hash());
        out.put("seed", RegionView.SEED);
        out.put("years", years);
        out.put("lastObserved", s.time().lastObserved());
        out.put("focus", s.focus());
        out.put(
                "dimensions",
                s.dimensions().stream()
                        .map(d -> Map.of("id", d.id(), "name", d.name()))
                        .toList());
        out.put(
                "poles",
                s.poles().stream()
                        .map(p -> Map.of("id", p.id(), "name", p.name(), "residual", p.residual()))
                        .toList());
        out.put("states", states);
        out.put("rsi", values(t, "REGION", "rsi"));
        return out;
    }

    /** The year views last asked for, as JSON bytes, by scenario version and year (a view runs the model to it). */
    private final Map<String, byte[]> years = Bounded.map(4 * Scenarios.CACHED);

    /** {@link #year} as JSON bytes, computed once per scenario version and year. */
    byte[] yearJson(Scenario s, int year) {
        return Bounded.computeIfAbsent(years, s.hash() + "@" + year, k -> {
            try {
                return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsBytes(year(s, year));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** Institutions with their members, and open disputes, in one year ({@link RegionView}, as describe prints). */
    static Map<String, Object> year(Scenario s, int year) {
        RegionView.Year v = RegionView.of(s, year);
        List<Map<String, Object>> inst = new ArrayList<>();
        for (RegionView.InstitutionYear i : v.institutions()) {
            inst.add(Map.of(
                    "id",
                    i.id(),
                    "name",
                    i.name(),
                    "domain",
                    i.domain(),
                    "lead",
                    i.lead(),
                    "members",
                    i.members(),
                    "other",
                    new java.util.TreeMap<>(i.other())));
        }
        List<Map<String, Object>> disputes = new ArrayList<>();
        for (RegionView.DisputeYear d : v.disputes()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", d.id());
            m.put("a", d.a());
            m.put("b", d.b());
            m.put("kind", d.kind());
            m.put("intensity", d.intensity());
            m.put("since", d.since());
            m.put("settled", d.settled());
            disputes.add(m);
        }
        return Map.of("year", year, "institutions", inst, "disputes", disputes);
    }

    private static List<Double> values(Trajectory t, String actor, String name) {
        List<Double> v = new ArrayList<>();
        int k = t.indexOf(actor, name);
        for (int y = t.firstYear(); y <= t.lastYear(); y++) {
            double x = k < 0 ? Double.NaN : t.value(y, k);
            v.add(Double.isNaN(x) ? null : x);
        }
        return v;
    }
}
