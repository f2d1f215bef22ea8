package org.multivector.builder;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * A region's curated facts (for example {@code data/mainland-southeast-asia-curated.yaml}) applied on top of the
 * draft {@code multivector init} makes from the datasets: title, description, focus and rivalry; salience and inertia
 * per dimension; each pole's behaviour; each state's fragility; the institutions kept (with their domain and lead
 * poles) and added; disputes, events, strategies (each with its provenance) and pole relations, which replace the
 * draft's TODOs. Numbers keep their {@code source} or
 * {@code assumption}; the scenario loader checks the result.
 */
public final class CuratedRegion {
    private final Map<String, Object> facts;
    private final String file;

    private CuratedRegion(String file, Map<String, Object> facts) {
        this.file = file;
        this.facts = facts;
    }

    @SuppressWarnings("unchecked")
    static CuratedRegion read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            Object o = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            return new CuratedRegion(file.getFileName().toString(), (Map<String, Object>) o);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Drafts the region of curated file {@code curated} from the datasets in {@code data} and applies the facts;
     * the parameters take the values of the file's {@code calibration:} overlay where it names one.
     */
    public static RegionBuilder.Draft compile(Path data, Path curated) {
        CuratedRegion c = read(curated);
        c.data = data;
        c.calibrated = true;
        return RegionBuilder.build(data, c.request(), c);
    }

    /**
     * The prior of a calibrated region ({@code NAME-prior}: the curated parameter values, before calibration), or
     * null when the curated file names no {@code calibration:} overlay.
     */
    public static RegionBuilder.Draft compilePrior(Path data, Path curated) {
        CuratedRegion c = read(curated);
        if (!c.facts.containsKey("calibration")) {
            return null;
        }
        c.data = data;
        c.calibrated = false;
        return RegionBuilder.build(data, c.request(), c);
    }

    private Path data;
    private boolean calibrated;

    /** The scenario id written: the request's name, with {@code -prior} for the prior of a calibrated region. */
    String name(String requested) {
        return facts.containsKey("calibration") && !calibrated ? requested + "-prior" : requested;
    }

    /**
     * The curated parameters, with the values of the {@code calibration:} overlay (written by a calibration of the
     * prior, for example scripts/calibrate-default.sh) when compiling the calibrated scenario.
     */
    @SuppressWarnings("unchecked")
    private Map<String, Object> parameters() {
        Map<String, Object> params = new LinkedHashMap<>((Map<String, Object>) facts.get("parameters"));
        Object cal = facts.get("calibration");
        if (!calibrated || cal == null || !Files.exists(data.resolve(cal.toString()))) {
            return params;
        }
        Path f = data.resolve(cal.toString());
        org.multivector.scenario.Overlay o;
        try {
            o = org.multivector.scenario.Overlay.parse(f.toString(), Files.readAllBytes(f));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        String prior = request().name() + "-prior";
        if (!o.scenario().equals(prior)) {
            throw new IllegalArgumentException(f + ": expected an overlay for " + prior + " (the curated values"
                    + " calibration starts from), found '" + o.scenario() + "'");
        }
        o.parameters().forEach((name, v) -> {
            Object before = params.get(name);
            if (!(before instanceof Map)) {
                throw new IllegalArgumentException(f + ": unknown parameter " + name);
            }
            Map<String, Object> q = new LinkedHashMap<>((Map<String, Object>) before);
            q.remove("source");
            q.remove("assumption");
            q.remove("ref");
            q.put("value", v.value());
            if (v.provenance().source() != null) {
                q.put("source", v.provenance().source());
            } else {
                q.put("assumption", v.provenance().assumption());
            }
            params.put(name, q);
        });
        return params;
    }

    /** The init request the facts belong to ({@code request:} section). */
    @SuppressWarnings("unchecked")
    RegionBuilder.Request request() {
        Map<String, Object> r = (Map<String, Object>) facts.get("request");
        List<RegionBuilder.PoleSpec> poles = new ArrayList<>();
        for (Object p : (List<Object>) r.get("poles")) {
            poles.add(RegionBuilder.PoleSpec.parse(p.toString()));
        }
        return new RegionBuilder.Request(
                (String) r.get("name"),
                (List<String>) r.get("states"),
                poles,
                (List<String>) r.getOrDefault("others", List.of()),
                (Integer) r.get("from"),
                (Integer) r.get("to"));
    }

    private static Map<String, Object> quantity(Object value, String assumption) {
        Map<String, Object> q = new LinkedHashMap<>(); // in this order, whatever the JVM: the file is compared
        q.put("value", value);
        q.put("assumption", assumption);
        return q;
    }

    String header() {
        return "# GENERATED by multivector init plus data/" + file + " - do not edit; edit the curated file\n"
                + "# and re-run: ./multivector compile-scenario (see docs/SCENARIO.md).\n";
    }

    /** Applies the facts to the draft {@code s}; removes the TODOs they settle from {@code todo}. */
    @SuppressWarnings("unchecked")
    void applyTo(Map<String, Object> s, List<String> todo) {
        FactBase base = facts.containsKey("factBase") ? new FactBase(data, (String) facts.get("factBase")) : null;
        s.put("scenario", name((String) s.get("scenario")));
        for (String k : List.of("title", "description", "focus", "rivalry", "time")) {
            if (facts.containsKey(k)) {
                s.put(k, facts.get(k));
                todo.removeIf(t -> t.startsWith(k + ":"));
            }
        }
        if (!s.get("scenario").equals(request().name())) {
            s.put("title", s.get("title") + " (prior parameter values, before calibration)");
        }
        Object dims = facts.getOrDefault("dimensions", Map.of());
        if (dims instanceof List<?> declared) {
            s.put("dimensions", declared); // the region's own declarations replace the draft's three
            todo.removeIf(t -> t.startsWith("dimensions"));
        } else {
            for (Object o : (List<Object>) s.get("dimensions")) {
                Map<String, Object> d = (Map<String, Object>) o;
                Map<String, Object> c = (Map<String, Object>) ((Map<String, Object>) dims).get(d.get("id"));
                if (c != null) {
                    String why = (String) c.get("assumption");
                    d.put("salience", quantity(c.get("salience"), why));
                    d.put("inertia", quantity(c.get("inertia"), why));
                    todo.removeIf(t -> t.startsWith("dimensions." + d.get("id") + "."));
                }
            }
        }
        Object poles = facts.getOrDefault("poles", Map.of());
        if (poles instanceof List<?> declared) {
            List<Object> drafted = (List<Object>) s.get("poles");
            List<String> ids = new ArrayList<>();
            for (Object o : drafted) {
                ids.add((String) ((Map<String, Object>) o).get("id"));
            }
            List<String> mine = new ArrayList<>();
            for (Object o : declared) {
                Map<String, Object> p = (Map<String, Object>) o;
                mine.add((String) p.get("id"));
                int i = ids.indexOf(p.get("id"));
                Object members = i < 0 ? null : ((Map<String, Object>) drafted.get(i)).get("members");
                if (i < 0 || !java.util.Objects.equals(members, p.get("members"))) {
                    throw new IllegalStateException(file + ": pole " + p.get("id") + " with members " + p.get("members")
                            + " is not the request's (" + drafted + ")");
                }
            }
            if (!mine.equals(ids)) {
                throw new IllegalStateException(file + ": poles " + mine + " are not the request's " + ids);
            }
            s.put("poles", declared);
            todo.removeIf(t -> t.startsWith("poles."));
        } else {
            for (Object o : (List<Object>) s.get("poles")) {
                Map<String, Object> p = (Map<String, Object>) o;
                Object b = ((Map<String, Object>) poles).get(p.get("id"));
                if (b != null) {
                    p.put("behaviour", b);
                    todo.removeIf(t -> t.startsWith("poles." + p.get("id") + "."));
                }
            }
        }
        Map<String, Object> fragility = (Map<String, Object>) facts.getOrDefault("fragility", Map.of());
        List<String> actors = new ArrayList<>();
        for (Object o : (List<Object>) s.get("actors")) {
            Map<String, Object> a = (Map<String, Object>) o;
            actors.add((String) a.get("id"));
            Object f = fragility.get(a.get("id"));
            if (f != null) {
                a.put("fragility", f);
                todo.removeIf(t -> t.startsWith("actors." + a.get("id") + ".fragility"));
            }
        }
        Object institutions = facts.get("institutions");
        if (institutions instanceof List<?> list) {
            s.put(
                    "institutions",
                    factBase(base, "institutions").institutions(list, new java.util.HashSet<>(actors), file));
            todo.removeIf(t -> t.startsWith("institutions:"));
        } else if (institutions != null) {
            Map<String, Object> inst = (Map<String, Object>) institutions;
            Map<String, Object> keep = (Map<String, Object>) inst.getOrDefault("keep", Map.of());
            List<Object> out = new ArrayList<>();
            for (Object o : (List<Object>) s.get("institutions")) {
                Map<String, Object> i = (Map<String, Object>) o;
                Map<String, Object> c = (Map<String, Object>) keep.get(i.get("id"));
                if (c != null) {
                    i.put("domain", c.get("domain"));
                    i.put("lead", c.get("lead"));
                    out.add(i);
                }
            }
            for (String id : keep.keySet()) {
                if (out.stream().noneMatch(o -> id.equals(((Map<String, Object>) o).get("id")))) {
                    throw new IllegalStateException(file + ": institution " + id + " is not among the draft's");
                }
            }
            out.addAll((List<Object>) inst.getOrDefault("add", List.of()));
            s.put("institutions", out);
            todo.removeIf(t -> t.startsWith("institutions:"));
        }
        if ("fact-base".equals(facts.get("borders"))) {
            s.put("borders", factBase(base, "borders").borders(new java.util.HashSet<>(actors)));
            todo.removeIf(t -> t.startsWith("borders:"));
        }
        for (String k : List.of("disputes", "routes", "events", "poleRelations")) {
            if (facts.containsKey(k)) {
                List<?> items = (List<?>) facts.get(k);
                s.put(k, base == null ? items : base.refs(items));
                todo.removeIf(t -> t.startsWith(k + ":"));
            }
        }
        if (facts.containsKey("strategies")) {
            Map<String, Object> out = new LinkedHashMap<>();
            ((Map<String, Object>) facts.get("strategies")).forEach((state, v) -> {
                if (v instanceof Map<?, ?> m) {
                    Map<String, Object> phase = new LinkedHashMap<>();
                    phase.put("from", ((Map<String, Object>) s.get("time")).get("start"));
                    phase.putAll((Map<String, Object>) m);
                    out.put(state, List.of(phase));
                } else {
                    out.put(state, v);
                }
            });
            s.put("strategies", out);
            todo.removeIf(t -> t.startsWith("strategies:"));
        }
        if (facts.containsKey("parameters")) {
            s.put("parameters", parameters());
            todo.removeIf(t -> t.startsWith("parameters:"));
        }
        ties(s);
    }

    private FactBase factBase(FactBase base, String section) {
        if (base == null) {
            throw new IllegalStateException(file + ": " + section + " from the fact base needs factBase: FOLDER");
        }
        return base;
    }

    /**
     * The {@code ties:} section: per dimension, ties computed from the region's own facts ({@link DerivedTies})
     * replace the draft's; ties of dimensions the region does not declare are dropped. Ties are ordered by state,
     * then dimension, as declared.
     */
    @SuppressWarnings("unchecked")
    private void ties(Map<String, Object> s) {
        Map<String, Object> specs = (Map<String, Object>) facts.getOrDefault("ties", Map.of());
        List<String> states = request().states();
        List<String> poles = new ArrayList<>();
        for (Object o : (List<Object>) s.get("poles")) {
            Map<String, Object> p = (Map<String, Object>) o;
            if (!Boolean.TRUE.equals(p.get("residual"))) {
                poles.add((String) p.get("id"));
            }
        }
        List<String> dims = new ArrayList<>();
        for (Object o : (List<Object>) s.get("dimensions")) {
            dims.add((String) ((Map<String, Object>) o).get("id"));
        }
        int start = (Integer) ((Map<String, Object>) s.get("time")).get("start");
        List<Object> ties = new ArrayList<>((List<Object>) s.get("ties"));
        for (Map.Entry<String, Object> e : specs.entrySet()) {
            String dim = e.getKey();
            Map<String, Object> spec = (Map<String, Object>) e.getValue();
            ties.removeIf(t -> dim.equals(((Map<String, Object>) t).get("dimension")));
            String method = String.valueOf(spec.get("method"));
            ties.addAll(
                    switch (method) {
                        case "institution-index" ->
                            DerivedTies.institutionIndex(
                                    dim,
                                    spec,
                                    states,
                                    poles,
                                    (List<Object>) s.get("institutions"),
                                    (List<Object>) s.getOrDefault("routes", List.of()),
                                    start);
                        case "routes" ->
                            DerivedTies.routes(
                                    dim,
                                    spec,
                                    states,
                                    poles,
                                    (List<Object>) s.getOrDefault("routes", List.of()),
                                    start);
                        case "initial" -> DerivedTies.initial(dim, spec, states, poles, start);
                        default ->
                            throw new IllegalStateException(file + ": ties." + dim + ".method '" + method
                                    + "' is not one of institution-index, routes, initial");
                    });
        }
        ties.removeIf(t -> !dims.contains(((Map<String, Object>) t).get("dimension")));
        ties.sort(java.util.Comparator.comparingInt(
                        (Object t) -> states.indexOf(((Map<String, Object>) t).get("state")))
                .thenComparingInt(t -> dims.indexOf(((Map<String, Object>) t).get("dimension"))));
        s.put("ties", ties);
    }
}
