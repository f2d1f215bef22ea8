package org.multivector.study;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A study's identity and manifest, built in one place for every kind and adapter. The id is a function of what
 * determines the result — the kind, the configured scenario's id ({@link ConfiguredScenario#id()}) or the issue's
 * content, and every request field after defaults — so a study asked for from the command line and from the API
 * has the same id; the executor, the thread count and where results go do not enter it.
 *
 * <p>The manifest records the tool, the version from the build, the study id, the resolved request, the scenario
 * (source, base hash, configured hash, years, strategies, every parameter's value, range and provenance), the
 * seed, and after the run the executor, the wall time and what the kind adds (fitted values, scores).
 *
 * @param id the study id, {@code <kind>-<scenario or issue>-<12 hex digits>}; also the default directory name
 * @param kind the study kind ({@link StudyRequest#kind()})
 * @param scenario the scenario's name, or the for bargaining
 * @param scenarioHash the configured scenario's id, or the issue input's hash
 * @param seed the master seed (bargaining: the unsigned 64-bit seed's bits)
 * @param runs model runs the study made
 * @param executor how it ran ({@code threads(2)}, {@code spark(local[2])}, {@code single})
 * @param manifest the manifest, in the order it is written
 */
public record StudyRecord(
        String id,
        String kind,
        String scenario,
        String scenarioHash,
        long seed,
        long runs,
        String executor,
        Map<String, Object> manifest) {
    public StudyRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        manifest = Collections.unmodifiableMap(new LinkedHashMap<>(manifest));
    }

    /** The manifest as JSON (one line). */
    public String manifestJson() {
        try {
            return new ObjectMapper().writeValueAsString(manifest);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("manifest of " + id + " is not JSON", e);
        }
    }

    /** Manifest fields that differ between two runs of the same study: who ran it, when, how fast. */
    public static final java.util.List<String> VOLATILE_FIELDS =
            java.util.List.of("tool", "createdAt", "seconds", "java");
}
