package org.multivector.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A complete, validated scenario: the regional system, its history and the rules its actors
 * follow. Instances come from {@code org.multivector.scenario.ScenarioLoader}, which guarantees
 * that every reference resolves and every number carries provenance.
 */
public record Scenario(
        String name,
        String title,
        TimeSpan time,
        List<Dimension> dimensions,
        List<Pole> poles,
        List<Actor> actors,
        List<TieSeries> ties,
        List<DyadSeries> interdependence,
        List<Institution> institutions,
        List<Border> borders,
        List<Dispute> disputes,
        List<Route> routes,
        List<Event> events,
        List<PoleRelation> poleRelations,
        Quantity initialRivalry,
        Map<String, StrategySpec> strategies,
        Map<String, Parameter> parameters,
        ScenarioDefaults defaults,
        String hash) {
    public Scenario {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(time, "time");
        dimensions = List.copyOf(dimensions);
        poles = List.copyOf(poles);
        actors = List.copyOf(actors);
        ties = List.copyOf(ties);
        interdependence = List.copyOf(interdependence);
        institutions = List.copyOf(institutions);
        borders = List.copyOf(borders);
        disputes = List.copyOf(disputes);
        routes = List.copyOf(routes);
        events = List.copyOf(events);
        poleRelations = List.copyOf(poleRelations);
        Objects.requireNonNull(initialRivalry, "initialRivalry");
        strategies = Map.copyOf(strategies);
        parameters = Map.copyOf(parameters);
        defaults = defaults == null ? ScenarioDefaults.NONE : defaults;
        Objects.requireNonNull(hash, "hash");
    }

    /** The state the scenario's question is about: its declared focus, else its first regional state. */
    public String focus() {
        return defaults.focus()
                .orElseGet(() -> regionalStates().isEmpty()
                        ? ""
                        : regionalStates().get(0).id());
    }

    /** Regional states in scenario order. */
    public List<Actor> regionalStates() {
        return actors.stream().filter(a -> a.kind() == ActorKind.REGIONAL).toList();
    }

    /** The dimension that declares {@code interdependence: true} (its shares are the trade shares), if any. */
    public Optional<Dimension> interdependenceDimension() {
        return dimensions.stream().filter(Dimension::interdependence).findFirst();
    }

    public Optional<Actor> actor(String id) {
        return actors.stream().filter(a -> a.id().equals(id)).findFirst();
    }

    public Optional<TieSeries> tie(String state, String dimension) {
        return ties.stream()
                .filter(t -> t.state().equals(state) && t.dimension().equals(dimension))
                .findFirst();
    }

    public Parameter parameter(String name) {
        Parameter p = parameters.get(name);
        if (p == null) {
            throw new IllegalArgumentException("unknown parameter " + name);
        }
        return p;
    }

    /** True when {@code a} and {@code b} share a border in some year. */
    public boolean contiguous(String a, String b) {
        return borders.stream().anyMatch(x -> x.joins(a, b));
    }

    /** The border between {@code a} and {@code b}, if any. */
    public Optional<Border> border(String a, String b) {
        return borders.stream().filter(x -> x.joins(a, b)).findFirst();
    }

    /** The poles a strategy may name: every pole but the residual one. */
    public List<String> strategyPoles() {
        return poles.stream().filter(p -> !p.residual()).map(Pole::id).toList();
    }

    /** The first pole {@code strategy} names that is not one of {@link #strategyPoles()}, if any. */
    public Optional<String> unknownPole(StrategySpec strategy) {
        List<String> known = strategyPoles();
        return strategy.rules().stream()
                .map(StrategySpec::pole)
                .filter(p -> p != null && !known.contains(p))
                .findFirst();
    }

    /** True when the scenario declares how its poles stand to each other ({@code poleRelations}). */
    public boolean declaresPoleRelations() {
        return !poleRelations.isEmpty();
    }

    /** A copy with one actor's strategy replaced (the strategy must already be valid here). */
    public Scenario withStrategy(String actor, StrategySpec strategy) {
        Map<String, StrategySpec> s = new java.util.LinkedHashMap<>(strategies);
        s.put(actor, strategy);
        return copy(time, s, hash + "+" + actor + "=" + strategy.text());
    }

    /**
     * A copy with another identity: a configured scenario names the whole configuration (base scenario and every
     * edit) with one hash that does not depend on the order of the edits.
     */
    public Scenario withHash(String newHash) {
        return copy(time, strategies, newHash);
    }

    /** A copy re-anchored to observations only up to {@code lastObserved} (start − 1 = a free run). */
    public Scenario withLastObserved(int lastObserved) {
        TimeSpan t = new TimeSpan(time.start(), time.end(), lastObserved);
        return copy(t, strategies, hash + "~obs" + lastObserved);
    }

    /** A copy with the simulated years narrowed to {@code from..to}. */
    public Scenario withYears(int from, int to) {
        TimeSpan t = new TimeSpan(from, to, Math.max(from - 1, Math.min(time.lastObserved(), to)));
        return copy(t, strategies, hash + "@" + from + "-" + to);
    }

    /**
     * The scenario as it was known at the end of {@code cut}, for backtests: nothing dated after the
     * cut survives. Tie observations, interdependence and capability series end at the cut (the
     * engine then projects capabilities from their trend); events after the cut are dropped;
     * institutions founded, memberships joined, disputes opened, routes opened, borders drawn and pole
     * relations begun after it are dropped, and departures, resolutions, closures, border status changes
     * and ends of relations after it are forgotten; re-anchoring stops
     * at the cut. A strategy schedule loses the phases that begin after the cut; parameters are kept.
     */
    /**
     * The baseline fragility a backtest uses for a state whose judged value dates from after the cut and gives no
     * {@code asOf} value: mid-range, as {@code multivector init} drafts it, the same for every state.
     */
    public static final Quantity NEUTRAL_FRAGILITY = new Quantity(
            0.3,
            Provenance.assumption("neutral default (knownAt): the judged value dates from after the cut; mid-range,"
                    + " the same for every state"));

    /** The intensity a backtest uses for a dispute whose judged intensity dates from after the cut. */
    public static final Quantity NEUTRAL_DISPUTE_INTENSITY = new Quantity(
            0.3,
            Provenance.assumption("neutral default (knownAt): the judged intensity dates from after the cut; the most"
                    + " common intensity of the shipped disputes"));

    /**
     * Assumptions whose reason cites a year after {@code cut} and that {@link #knownAt} does not mask (no
     * {@code knownFrom}, or one at or before the cut): where hindsight can reach a backtest. Each as
     * {@code "path: cites YEAR"}; fragility, dispute intensities, pole behaviour, salience and inertia, parameters.
     */
    public List<String> hindsight(int cut) {
        List<String> out = new java.util.ArrayList<>();
        for (Actor a : actors) {
            a.fragility().ifPresent(f -> cites(out, "actors." + a.id() + ".fragility", f, cut));
        }
        for (Dispute d : disputes) {
            if (d.from() <= cut) {
                cites(out, "disputes." + d.id() + ".intensity", d.intensity(), cut);
            }
        }
        for (Dimension d : dimensions) {
            cites(out, "dimensions." + d.id() + ".salience", d.salience(), cut);
        }
        for (Institution in : institutions) {
            if (in.effectiveness() != null && in.founded() <= cut) {
                cites(out, "institutions." + in.id() + ".effectiveness", in.effectiveness(), cut);
            }
        }
        for (Pole p : poles) {
            if (p.behaviour() != null && p.behaviour().coercion() != null) {
                cites(out, "poles." + p.id() + ".behaviour", p.behaviour().coercion(), cut);
            }
        }
        parameters.forEach((name, p) -> {
            String why = p.provenance().assumption();
            int y = latestYear(why);
            if (y > cut) {
                out.add("parameters." + name + ": cites " + y);
            }
        });
        return out;
    }

    private static void cites(List<String> out, String path, Quantity q, int cut) {
        Quantity known = q.knownAt(cut, null);
        if (known == null) {
            return; // masked: the neutral default replaces it
        }
        int y = latestYear(known.provenance().assumption());
        if (y > cut) {
            out.add(path + ": cites " + y);
        }
    }

    private static final java.util.regex.Pattern YEAR =
            java.util.regex.Pattern.compile("(?<![0-9])(19|20)[0-9]{2}(?![0-9])");

    /** The latest year 1900-2099 named in a text (0 if none, or null text). */
    static int latestYear(String text) {
        if (text == null) {
            return 0;
        }
        int latest = 0;
        java.util.regex.Matcher m = YEAR.matcher(text);
        while (m.find()) {
            latest = Math.max(latest, Integer.parseInt(m.group()));
        }
        return latest;
    }

    public Scenario knownAt(int cut) {
        TimeSpan t = new TimeSpan(time.start(), time.end(), Math.min(time.lastObserved(), cut));
        List<TieSeries> newTies = new java.util.ArrayList<>();
        for (TieSeries ts : ties) {
            java.util.NavigableMap<Integer, Map<String, Double>> shares =
                    new java.util.TreeMap<>(ts.shares().headMap(cut, true));
            List<Integer> missing = ts.missing().stream().filter(y -> y <= cut).toList();
            newTies.add(new TieSeries(ts.state(), ts.dimension(), ts.provenance(), shares, missing, ts.missingNote()));
        }
        List<DyadSeries> newInter = new java.util.ArrayList<>();
        for (DyadSeries d : interdependence) {
            d.series().until(cut).ifPresent(ys -> newInter.add(new DyadSeries(d.a(), d.b(), ys)));
        }
        List<Actor> newActors = new java.util.ArrayList<>();
        for (Actor a : actors) {
            Map<String, YearSeries> caps = new java.util.LinkedHashMap<>();
            a.capabilities().forEach((k, v) -> v.until(cut).ifPresent(ys -> caps.put(k, ys)));
            newActors.add(new Actor(
                    a.id(),
                    a.name(),
                    a.kind(),
                    a.cowCode(),
                    caps,
                    a.fragility().map(f -> f.knownAt(cut, NEUTRAL_FRAGILITY)),
                    a.provenance()));
        }
        List<Institution> newInst = new java.util.ArrayList<>();
        for (Institution in : institutions) {
            if (in.founded() > cut) {
                continue;
            }
            List<Membership> ms = new java.util.ArrayList<>();
            for (Membership m : in.members()) {
                if (m.joined() > cut) {
                    continue;
                }
                ms.add(m.knownAt(cut));
            }
            newInst.add(new Institution(
                    in.id(),
                    in.name(),
                    in.domain(),
                    in.lead(),
                    in.founded(),
                    ms,
                    in.provenance(),
                    in.effectiveness() == null ? null : in.effectiveness().knownAt(cut, null)));
        }
        List<Dispute> newDisp = new java.util.ArrayList<>();
        for (Dispute d : disputes) {
            if (d.from() > cut) {
                continue;
            }
            boolean resolvedKnown = d.resolved().isPresent() && d.resolved().getAsInt() <= cut;
            newDisp.add(new Dispute(
                    d.id(),
                    d.a(),
                    d.b(),
                    d.kind(),
                    d.intensity().knownAt(cut, NEUTRAL_DISPUTE_INTENSITY),
                    d.from(),
                    resolvedKnown ? d.resolved() : java.util.OptionalInt.empty(),
                    d.provenance(),
                    d.negotiation() != null && d.negotiation().from() <= cut ? d.negotiation() : null));
        }
        List<Route> newRoutes = new java.util.ArrayList<>();
        for (Route r : routes) {
            if (r.opened() > cut) {
                continue;
            }
            boolean closedKnown = r.closed().isPresent() && r.closed().getAsInt() <= cut;
            newRoutes.add(new Route(
                    r.id(),
                    r.state(),
                    r.partner(),
                    r.dimension(),
                    r.opened(),
                    closedKnown ? r.closed() : java.util.OptionalInt.empty(),
                    r.weight(),
                    r.unit(),
                    r.provenance()));
        }
        List<Event> newEvents = events.stream().filter(e -> e.year() <= cut).toList();
        Map<String, StrategySpec> newStrategies = new java.util.LinkedHashMap<>();
        strategies.forEach((state, spec) -> newStrategies.put(state, knownAt(spec, cut)));
        List<Border> newBorders = borders.stream()
                .filter(b -> b.from() <= cut)
                .map(b -> b.knownAt(cut))
                .toList();
        List<PoleRelation> newRelations = new java.util.ArrayList<>();
        for (PoleRelation r : poleRelations) {
            if (r.from() > cut) {
                continue;
            }
            boolean endKnown = r.until().isPresent() && r.until().getAsInt() <= cut;
            newRelations.add(new PoleRelation(
                    r.a(),
                    r.b(),
                    r.status(),
                    r.intensity(),
                    r.from(),
                    endKnown ? r.until() : java.util.OptionalInt.empty(),
                    r.provenance()));
        }
        return new Scenario(
                name,
                title,
                t,
                dimensions,
                poles,
                newActors,
                newTies,
                newInter,
                newInst,
                newBorders,
                newDisp,
                newRoutes,
                newEvents,
                newRelations,
                initialRivalry,
                newStrategies,
                parameters,
                defaults,
                hash + "|known" + cut);
    }

    /** A strategy as known at the end of {@code cut}: a schedule loses the phases that begin after it. */
    private static StrategySpec knownAt(StrategySpec spec, int cut) {
        if (!(spec instanceof StrategySpec.Schedule sc)) {
            return spec;
        }
        List<StrategySpec.Phase> known = sc.phases().stream()
                .filter(p -> p.from() == Integer.MIN_VALUE || p.from() <= cut)
                .toList();
        if (known.isEmpty()) {
            return sc.phases().get(0).strategy();
        }
        return known.size() == 1 ? known.get(0).strategy() : new StrategySpec.Schedule(known);
    }

    /**
     * A copy with one parameter's value replaced (widening its range if needed), or with one structural assumption
     * set ({@link Structural}: a dispute's starting intensity, a regional state's strategy by category).
     */
    public Scenario withParameter(String name, double value) {
        if (!parameters.containsKey(name) && Structural.named(name)) {
            return Structural.apply(this, name, value);
        }
        return withParameter(parameter(name).withValue(value));
    }

    /** The parameter or structural assumption {@code name} (seen as a parameter), if the scenario has it. */
    public Optional<Parameter> variable(String name) {
        Parameter p = name == null ? null : parameters.get(name);
        return p != null ? Optional.of(p) : Structural.find(this, name);
    }

    /** The names of every parameter and structural assumption, for suggestions. */
    public java.util.Set<String> variableNames() {
        java.util.Set<String> out = new java.util.TreeSet<>(parameters.keySet());
        out.addAll(Structural.of(this).keySet());
        return out;
    }

    /** A copy whose dispute {@code id} starts at {@code intensity} (a structural assumption set by a study). */
    public Scenario withDisputeIntensity(String id, double intensity) {
        List<Dispute> ds = new java.util.ArrayList<>();
        boolean found = false;
        for (Dispute d : disputes) {
            if (d.id().equals(id)) {
                found = true;
                d = new Dispute(
                        d.id(),
                        d.a(),
                        d.b(),
                        d.kind(),
                        new Quantity(intensity, Provenance.assumption("set by the study (structural assumption)")),
                        d.from(),
                        d.resolved(),
                        d.provenance(),
                        d.negotiation());
            }
            ds.add(d);
        }
        if (!found) {
            throw new IllegalArgumentException("unknown dispute " + id);
        }
        return withPartsOf(ds, parameters, hash + "+" + Structural.INTENSITY + id + "=" + intensity);
    }

    /**
     * A copy with several parameters' values replaced in one copy: the same scenario, hash included, as {@link
     * #withParameter(String, double)} applied in the map's order would make (structural assumptions are not parameters
     * here: an unknown name is refused).
     */
    public Scenario withParameterValues(Map<String, Double> values) {
        if (values.isEmpty()) {
            return this;
        }
        Map<String, Parameter> ps = new java.util.LinkedHashMap<>(parameters);
        StringBuilder h = new StringBuilder(hash);
        for (Map.Entry<String, Double> e : values.entrySet()) {
            Parameter p = parameter(e.getKey()).withValue(e.getValue());
            ps.put(p.name(), p);
            h.append('+').append(p.name()).append('=').append(p.value());
        }
        return withPartsOf(disputes, ps, h.toString());
    }

    /** A copy with one parameter replaced (value, range and provenance), e.g. from a calibration overlay. */
    public Scenario withParameter(Parameter p) {
        parameter(p.name());
        Map<String, Parameter> ps = new java.util.LinkedHashMap<>(parameters);
        ps.put(p.name(), p);
        return withPartsOf(disputes, ps, hash + "+" + p.name() + "=" + p.value());
    }

    /** A copy with other disputes and parameters and another hash. */
    private Scenario withPartsOf(List<Dispute> newDisputes, Map<String, Parameter> newParameters, String newHash) {
        return copy(time, strategies, newDisputes, newParameters, newHash);
    }

    private Scenario copy(TimeSpan newTime, Map<String, StrategySpec> newStrategies, String newHash) {
        return copy(newTime, newStrategies, disputes, parameters, newHash);
    }

    /** The one place a copy is made: every other part is shared (all are immutable). */
    private Scenario copy(
            TimeSpan newTime,
            Map<String, StrategySpec> newStrategies,
            List<Dispute> newDisputes,
            Map<String, Parameter> newParameters,
            String newHash) {
        return new Scenario(
                name,
                title,
                newTime,
                dimensions,
                poles,
                actors,
                ties,
                interdependence,
                institutions,
                borders,
                newDisputes,
                routes,
                events,
                poleRelations,
                initialRivalry,
                newStrategies,
                newParameters,
                defaults,
                newHash);
    }
}
