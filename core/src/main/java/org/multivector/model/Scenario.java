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
        Quantity initialRivalry,
        Map<String, StrategySpec> strategies,
        Map<String, Parameter> parameters,
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
        Objects.requireNonNull(initialRivalry, "initialRivalry");
        strategies = Map.copyOf(strategies);
        parameters = Map.copyOf(parameters);
        Objects.requireNonNull(hash, "hash");
    }

    /** Regional states in scenario order. */
    public List<Actor> regionalStates() {
        return actors.stream().filter(a -> a.kind() == ActorKind.REGIONAL).toList();
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

    public boolean contiguous(String a, String b) {
        return borders.stream().anyMatch(x -> x.joins(a, b));
    }

    /** A copy with one actor's strategy replaced (the strategy must already be valid here). */
    public Scenario withStrategy(String actor, StrategySpec strategy) {
        Map<String, StrategySpec> s = new java.util.LinkedHashMap<>(strategies);
        s.put(actor, strategy);
        return copy(time, s, hash + "+" + actor + "=" + strategy.text());
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

    /** A copy with one parameter's value replaced (widening its range if needed). */
    public Scenario withParameter(String name, double value) {
        Map<String, Parameter> ps = new java.util.LinkedHashMap<>(parameters);
        ps.put(name, parameter(name).withValue(value));
        Scenario c = copy(time, strategies, hash + "+" + name + "=" + value);
        return new Scenario(
                c.name,
                c.title,
                c.time,
                c.dimensions,
                c.poles,
                c.actors,
                c.ties,
                c.interdependence,
                c.institutions,
                c.borders,
                c.disputes,
                c.routes,
                c.events,
                c.initialRivalry,
                c.strategies,
                ps,
                c.hash);
    }

    private Scenario copy(TimeSpan newTime, Map<String, StrategySpec> newStrategies, String newHash) {
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
                disputes,
                routes,
                events,
                initialRivalry,
                newStrategies,
                parameters,
                newHash);
    }
}
