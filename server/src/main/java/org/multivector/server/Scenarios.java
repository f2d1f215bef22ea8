package org.multivector.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.multivector.model.Scenario;
import org.multivector.scenario.Problem;
import org.multivector.scenario.ScenarioException;
import org.multivector.scenario.ScenarioLoader;

/**
 * The scenarios a server knows: the embedded ones and those uploaded into {@code DATA/scenarios/NAME.yaml}.
 * Names are plain ({@code [A-Za-z0-9._-]}, not starting with a dot), so no name reaches outside that
 * directory; the resolved path is checked as well.
 */
final class Scenarios {
    static final String NAME = "[A-Za-z0-9_-][A-Za-z0-9._-]{0,63}";

    private final Path dir;
    /** Parsed scenarios, at most {@link #CACHED} (least recently used dropped), keyed by name and content. */
    private final Map<String, Scenario> cache = Bounded.map(CACHED);

    /** Scenarios kept parsed: a long-lived server's memory does not grow with the uploads it has seen. */
    static final int CACHED = 32;

    Scenarios(Path dataDir) {
        this.dir = dataDir.resolve("scenarios").toAbsolutePath().normalize();
    }

    List<Map<String, Object>> list() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (String n : ScenarioLoader.builtInNames()) {
            out.add(Map.of("name", n, "builtIn", true));
        }
        if (Files.isDirectory(dir)) {
            try (Stream<Path> files = Files.list(dir)) {
                files.map(p -> p.getFileName().toString())
                        .filter(f -> f.endsWith(".yaml"))
                        .map(f -> f.substring(0, f.length() - 5))
                        .filter(n -> n.matches(NAME)
                                && !ScenarioLoader.builtInNames().contains(n))
                        .sorted()
                        .forEach(n -> out.add(Map.of("name", n, "builtIn", false)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    byte[] bytes(String name) {
        checkName(name);
        if (ScenarioLoader.builtInNames().contains(name)) {
            return ScenarioLoader.builtInBytes(name);
        }
        Path f = file(name);
        if (!Files.isRegularFile(f)) {
            throw new ApiException(404, "no scenario named '" + name + "'");
        }
        try {
            return Files.readAllBytes(f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The episodes beside scenario {@code name}: {@code NAME.episodes.csv}, or the embedded ones; empty if none. */
    java.util.Optional<byte[]> episodes(String name) {
        checkName(name);
        if (ScenarioLoader.builtInNames().contains(name)) {
            return org.multivector.validate.Episodes.builtInBytes(name);
        }
        return beside(name, ".episodes.csv", org.multivector.validate.Episodes.MAX_BYTES);
    }

    /**
     * The observed patterns beside scenario {@code name}: {@code NAME.observed.csv} in the data directory, or those
     * shipped with an embedded scenario; empty if none.
     */
    java.util.Optional<byte[]> observed(String name) {
        checkName(name);
        if (ScenarioLoader.builtInNames().contains(name)) {
            return org.multivector.validate.Observations.builtInBytes(name);
        }
        return beside(name, ".observed.csv", org.multivector.validate.Observations.MAX_BYTES);
    }

    /** {@code NAME + suffix} in the data directory, if it is a regular file there; 413 above {@code max} bytes. */
    private java.util.Optional<byte[]> beside(String name, String suffix, long max) {
        Path f = dir.resolve(name + suffix).toAbsolutePath().normalize();
        if (!f.getParent().equals(dir) || !Files.isRegularFile(f)) {
            return java.util.Optional.empty();
        }
        try {
            if (Files.size(f) > max) {
                throw new ApiException(413, name + suffix + " is larger than the limit of " + max + " bytes");
            }
            return java.util.Optional.of(Files.readAllBytes(f));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Scenario load(String name) {
        byte[] b = bytes(name);
        String key = name + ":" + java.util.Arrays.hashCode(b);
        return Bounded.computeIfAbsent(
                cache,
                key,
                k -> ScenarioLoader.builtInNames().contains(name)
                        ? ScenarioLoader.builtIn(name)
                        : ScenarioLoader.parse(name + ".yaml", b));
    }

    /** Validates YAML text; throws a 400 with every problem (line, column, path, message, hint). */
    static Scenario validate(String name, byte[] yaml) {
        try {
            return ScenarioLoader.parse(name + ".yaml", yaml);
        } catch (ScenarioException e) {
            throw new ApiException(400, problems(e));
        }
    }

    static Map<String, Object> problems(ScenarioException e) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (Problem p : e.problems()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("file", p.file());
            m.put("line", p.line());
            m.put("column", p.column());
            m.put("path", p.path());
            m.put("message", p.message());
            m.put("hint", p.hint());
            m.put("text", p.format());
            list.add(m);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", list.size() + (list.size() == 1 ? " problem" : " problems") + " in the scenario");
        body.put("problems", list);
        return body;
    }

    /** Saves a valid scenario under its name; built-in names cannot be replaced. */
    void save(String name, byte[] yaml) {
        checkName(name);
        if (ScenarioLoader.builtInNames().contains(name)) {
            throw new ApiException(409, "'" + name + "' is an embedded scenario; save under another name");
        }
        validate(name, yaml);
        try {
            org.multivector.store.RunDirectory.writeFileAtomically(file(name), yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path file(String name) {
        Path f = dir.resolve(name + ".yaml").toAbsolutePath().normalize();
        if (!f.getParent().equals(dir)) {
            throw new ApiException(400, "scenario name '" + name + "' leaves the data directory");
        }
        return f;
    }

    static void checkName(String name) {
        if (name == null || !name.matches(NAME)) {
            throw new ApiException(
                    400,
                    "'" + String.valueOf(name).replaceAll("[^\\x20-\\x7e]", "?")
                            + "' is not a scenario name (expected 1-64 letters, digits, '.', '_' or '-', not starting with"
                            + " '.')");
        }
    }

    static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
