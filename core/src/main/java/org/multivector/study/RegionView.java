package org.multivector.study;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.multivector.engine.CompiledScenario;
import org.multivector.engine.Engine;
import org.multivector.engine.Trajectory;
import org.multivector.metric.HerfindahlIndex;
import org.multivector.metric.NormalisedEntropyBalance;
import org.multivector.model.Actor;
import org.multivector.model.Dimension;
import org.multivector.model.Dispute;
import org.multivector.model.Institution;
import org.multivector.model.Pole;
import org.multivector.model.Scenario;
import org.multivector.model.TieSeries;

/**
 * "The region in year Y": what a scenario records about one year — institutions with their members, each state's
 * observed shares per pole and dimension (a missing observation is marked, never read as zero), open disputes —
 * and the model's metrics that year. The one definition {@code describe} prints and the dashboard's Explore view
 * shows, so both say the same thing, including which values are observed, estimated, missing or simulated.
 */
public final class RegionView {
    /** The seed of the one run the views show (the default master seed). */
    public static final long SEED = StudyRequest.SEED_DEFAULT;

    private RegionView() {}

    /** Where a tie value of a state, dimension and year comes from. */
    public enum Status {
        /** a dataset row ({@code source}) */
        OBSERVED,
        /** an estimate with a stated reason ({@code assumption}) */
        ESTIMATED,
        /** no observation that year, inside the observed period: the model's value is shown */
        MISSING,
        /** after the last observed year: the model's value */
        SIMULATED;

        public String json() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * An institution active in the year, with the states that are full members then (each once) and those that
     * belong with another status ({@code observer}, {@code suspended}), which the model does not count.
     */
    public record InstitutionYear(
            String id,
            String name,
            String domain,
            List<String> lead,
            List<String> members,
            Map<String, String> other) {}

    /** A state's observed shares on one dimension: per pole in scenario order, or missing with the reason. */
    public record SharesYear(
            String state, String dimension, Status status, Map<String, Double> shares, String missingNote) {
        public double balance() {
            return NormalisedEntropyBalance.of(
                    shares.values().stream().mapToDouble(Double::doubleValue).toArray());
        }

        public double hhi() {
            return HerfindahlIndex.of(
                    shares.values().stream().mapToDouble(Double::doubleValue).toArray());
        }
    }

    /**
     * A dispute's intensity at the end of {@code year}: its starting intensity, as the dated {@code dispute} effects
     * up to and including the year have set it ({@code byYear}: the events sorted by year, scenario order within a
     * year, as the engine applies them).
     */
    static double intensityAfterEvents(List<org.multivector.model.Event> byYear, Dispute d, int year) {
        double v = d.intensity().value();
        for (org.multivector.model.Event e : byYear) {
            if (e.year() > year) {
                break;
            }
            for (org.multivector.model.Effect f : e.effects()) {
                if (f instanceof org.multivector.model.Effect.DisputeIntensity di
                        && di.dispute().equals(d.id())) {
                    v = Math.max(0, Math.min(1, di.intensity().value()));
                }
            }
        }
        return v;
    }

    /** An open dispute, with its intensity after the year's events. */
    public record DisputeYear(
            String id, String a, String b, String kind, double intensity, int since, Integer settled) {}

    /** The year's institutions, shares and disputes, and the model's run (its metrics). */
    public record Year(
            int year,
            List<InstitutionYear> institutions,
            List<SharesYear> shares,
            List<DisputeYear> disputes,
            Trajectory model) {}

    /** The one run the views show: seed {@link #SEED}, run index 0, ties re-anchored to observations. */
    public static Trajectory trajectory(Scenario s) {
        return new Engine(CompiledScenario.of(s)).run(SEED, 0);
    }

    /** Where the value of {@code state}'s tie on {@code dimension} in {@code year} comes from. */
    public static Status status(Scenario s, String state, String dimension, int year) {
        if (year > s.time().lastObserved()) {
            return Status.SIMULATED;
        }
        TieSeries t = s.tie(state, dimension).orElse(null);
        if (t == null || t.shares().get(year) == null) {
            return Status.MISSING;
        }
        return t.provenance().isAssumption() ? Status.ESTIMATED : Status.OBSERVED;
    }

    /**
     * The region in {@code year}.
     *
     * @throws RequestException on field {@code year} when the year is outside the scenario's
     */
    public static Year of(Scenario s, int year) {
        if (!s.time().contains(year)) {
            throw RequestException.of(
                    "year",
                    year + " is outside the scenario's years " + s.time().start() + ".."
                            + s.time().end());
        }
        List<InstitutionYear> inst = new ArrayList<>();
        for (Institution i : s.institutions()) {
            if (year < i.founded()) {
                continue;
            }
            List<String> members = new ArrayList<>();
            Map<String, String> other = new LinkedHashMap<>();
            i.members().stream().filter(m -> m.activeIn(year)).forEach(m -> {
                if (m.memberIn(year)) {
                    if (!members.contains(m.state())) {
                        members.add(m.state());
                    }
                } else {
                    other.put(m.state(), m.statusIn(year).name().toLowerCase(java.util.Locale.ROOT));
                }
            });
            members.forEach(other::remove);
            if (!members.isEmpty() || !other.isEmpty()) {
                inst.add(new InstitutionYear(
                        i.id(),
                        i.name(),
                        i.domain().name().toLowerCase(java.util.Locale.ROOT),
                        List.copyOf(i.lead()),
                        List.copyOf(members),
                        Map.copyOf(other)));
            }
        }
        List<Pole> poles = s.poles().stream().filter(p -> !p.residual()).toList();
        List<SharesYear> shares = new ArrayList<>();
        for (Actor a : s.regionalStates()) {
            for (Dimension d : s.dimensions()) {
                TieSeries t = s.tie(a.id(), d.id()).orElse(null);
                Map<String, Double> row = t == null ? null : t.shares().get(year);
                if (row == null) {
                    String note = t != null && t.missing().contains(year) ? t.missingNote() : "no observation";
                    shares.add(new SharesYear(a.id(), d.id(), Status.MISSING, Map.of(), note));
                    continue;
                }
                Map<String, Double> v = new LinkedHashMap<>();
                List<String> unobserved = new ArrayList<>();
                for (Pole p : poles) {
                    double x = row.getOrDefault(p.id(), 0.0);
                    if (Double.isNaN(x)) {
                        unobserved.add(p.id());
                    } else {
                        v.put(p.id(), x);
                    }
                }
                if (!unobserved.isEmpty()) {
                    shares.add(new SharesYear(
                            a.id(),
                            d.id(),
                            Status.MISSING,
                            v,
                            "only part of the partners observed: no share for " + String.join(", ", unobserved)));
                    continue;
                }
                shares.add(new SharesYear(
                        a.id(),
                        d.id(),
                        t.provenance().isAssumption() ? Status.ESTIMATED : Status.OBSERVED,
                        java.util.Collections.unmodifiableMap(v),
                        null));
            }
        }
        List<DisputeYear> disputes = new ArrayList<>();
        List<org.multivector.model.Event> byYear = new ArrayList<>(s.events());
        byYear.sort(java.util.Comparator.comparingInt(org.multivector.model.Event::year));
        for (Dispute d : s.disputes()) {
            if (d.activeIn(year)) {
                disputes.add(new DisputeYear(
                        d.id(),
                        d.a(),
                        d.b(),
                        d.kind().name().toLowerCase(java.util.Locale.ROOT),
                        intensityAfterEvents(byYear, d, year),
                        d.from(),
                        d.resolved().isPresent() ? d.resolved().getAsInt() : null));
            }
        }
        return new Year(year, List.copyOf(inst), List.copyOf(shares), List.copyOf(disputes), trajectory(s));
    }
}
