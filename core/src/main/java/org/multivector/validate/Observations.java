package org.multivector.validate;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Observed patterns a scenario is judged on, as written by {@code compile-scenario} next to an
 * embedded scenario ({@code <name>.observed.csv}: pattern, actor, partner, year, value, source).
 * Patterns: {@code mid.onset}, {@code mid.ongoing} (COW MID, directed dyad-years), {@code conflict}
 * (UCDP intensity, state-years), {@code conflict.interstate} (UCDP, pairs), {@code alliance},
 * {@code igo.shared}, {@code idealpoint.distance}. Trade shares and UN agreement are the scenario's
 * own observed ties.
 */
public final class Observations {
    private static final String RESOURCE_DIR = "/org/multivector/scenario/builtin/";
    private final Map<String, Double> values;

    private Observations(Map<String, Double> values) {
        this.values = values;
    }

    /**
     * The observations shipped for the embedded scenario whose {@code scenario:} name is {@code name}, if any
     * ({@code NAME-prior}, the same scenario before calibration, shares NAME's).
     */
    public static Optional<Observations> forScenario(String name) {
        if (!name.matches("[a-z0-9-]{1,64}")) {
            return Optional.empty();
        }
        String base = name.endsWith("-prior") ? name.substring(0, name.length() - "-prior".length()) : name;
        InputStream in = Observations.class.getResourceAsStream(RESOURCE_DIR + base + ".observed.csv");
        if (in == null) {
            return Optional.empty();
        }
        try (in) {
            return Optional.of(read(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Observations read(InputStream in) throws IOException {
        Map<String, Double> m = new HashMap<>();
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        r.readLine();
        String line;
        while ((line = r.readLine()) != null) {
            String[] f = line.split(",", 6);
            m.put(key(f[0], f[1], f[2], Integer.parseInt(f[3])), Double.parseDouble(f[4]));
        }
        return new Observations(m);
    }

    private static String key(String pattern, String actor, String partner, int year) {
        return pattern + "|" + actor + "|" + partner + "|" + year;
    }

    /** The value, or null when the pattern was not observed for that unit and year. */
    public Double get(String pattern, String actor, String partner, int year) {
        return values.get(key(pattern, actor, partner, year));
    }

    /** Whether either direction of a directed dyad pattern is positive; null when neither is observed. */
    public Double either(String pattern, String a, String b, int year) {
        Double x = get(pattern, a, b, year);
        Double y = get(pattern, b, a, year);
        if (x == null && y == null) {
            return null;
        }
        return (x != null && x > 0) || (y != null && y > 0) ? 1.0 : 0.0;
    }
}
