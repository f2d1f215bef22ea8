package org.multivector.validate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.multivector.model.ActorKind;
import org.multivector.model.Scenario;
import org.multivector.scenario.Problem;
import org.multivector.scenario.ScenarioException;

/**
 * Named episodes a backtest asks the model about (docs/VALIDATION.md, "Episodes"): a CSV beside the scenario
 * ({@code NAME.episodes.csv}, or shipped with an embedded scenario) or given with {@code backtest --episodes FILE}:
 * {@code episode,kind,unit,partner,year,source}, one row per episode. {@code unrest}: a regional state ({@code unit},
 * no partner) in the year, judged by the model's unrest probability; {@code incident}: a dyad of the scenario
 * ({@code unit} and {@code partner}, in either order), judged by the dyad's incident hazard. Each is scored the year
 * before: the scenario cut at {@code year - 1} (nothing later known), and the unit's modelled risk in {@code year}
 * ranked among its peers (all regional states, or all dyads). Every row needs its source: a UCDP row where UCDP codes
 * the episode, a cited fact otherwise.
 */
public final class Episodes {
    private static final String RESOURCE_DIR = "/org/multivector/scenario/builtin/";
    /** Largest episode file read (bytes) and most rows. */
    public static final long MAX_BYTES = 1024L * 1024;

    public static final int MAX_EPISODES = 1000;
    static final String HEADER = "episode,kind,unit,partner,year,source";
    private static final int MAX_PROBLEMS = 50;

    /** What an episode is judged by. */
    public enum Kind {
        UNREST,
        INCIDENT
    }

    /** One episode; {@code partner} is empty for unrest. */
    public record Episode(String id, Kind kind, String unit, String partner, int year, String source, int line) {}

    private Episodes() {}

    /** The bytes of the episodes shipped beside embedded scenario {@code name} ({@code -prior} shares them). */
    public static Optional<byte[]> builtInBytes(String name) {
        if (!name.matches("[a-z0-9-]{1,64}")) {
            return Optional.empty();
        }
        String base = name.endsWith("-prior") ? name.substring(0, name.length() - "-prior".length()) : name;
        try (InputStream in = Episodes.class.getResourceAsStream(RESOURCE_DIR + base + ".episodes.csv")) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads and checks an episode file against scenario {@code s}: the header, six fields a row, a unique episode id,
     * a known kind, a regional state (unrest) or a dyad of the scenario (incident), a year after the scenario's first
     * (the cut is the year before) and by its last observed year, a non-empty source. Every problem with its line.
     */
    public static List<Episode> parse(String file, byte[] bytes, Scenario s, List<List<String>> dyads) {
        String[] lines = Observations.lines(file, bytes, MAX_BYTES, HEADER, "an episode CSV");
        Set<String> states = new HashSet<>();
        s.actors().stream().filter(a -> a.kind() == ActorKind.REGIONAL).forEach(a -> states.add(a.id()));
        List<Problem> problems = new ArrayList<>();
        List<Episode> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int first = s.time().start() + 1;
        int last = s.time().lastObserved();
        for (int i = 1; i < lines.length && problems.size() < MAX_PROBLEMS; i++) {
            String line = lines[i];
            int n = i + 1;
            if (line.isEmpty()) {
                continue;
            }
            if (out.size() >= MAX_EPISODES) {
                problems.add(new Problem(file, n, 1, "", "more than " + MAX_EPISODES + " episodes", null));
                break;
            }
            List<String> f = Observations.fields(line);
            if (f == null || f.size() != 6) {
                problems.add(Observations.fieldCount(file, n, HEADER, f));
                continue;
            }
            String id = f.get(0);
            String kindText = f.get(1);
            String unit = f.get(2);
            String partner = f.get(3);
            if (!id.matches("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}")) {
                problems.add(new Problem(
                        file,
                        n,
                        1,
                        "episode",
                        "'" + Observations.abbreviate(id) + "' is not an episode id (expected"
                                + " letters, digits, '-', '_' or '.', at most 64)",
                        null));
                continue;
            }
            if (!seen.add(id)) {
                problems.add(new Problem(file, n, 1, "episode", "episode '" + id + "' is listed twice", null));
                continue;
            }
            Kind kind;
            if (kindText.equals("unrest")) {
                kind = Kind.UNREST;
            } else if (kindText.equals("incident")) {
                kind = Kind.INCIDENT;
            } else {
                problems.add(new Problem(
                        file,
                        n,
                        1,
                        "kind",
                        "'" + Observations.abbreviate(kindText) + "' is not a kind (expected unrest or incident)",
                        org.multivector.scenario.Suggestions.didYouMean(kindText, List.of("unrest", "incident"))));
                continue;
            }
            if (kind == Kind.UNREST && (!states.contains(unit) || !partner.isEmpty())) {
                problems.add(new Problem(
                        file,
                        n,
                        1,
                        "unit",
                        "'" + Observations.abbreviate(unit) + (partner.isEmpty() ? "" : "," + partner)
                                + "' is not a regional state without a partner (an unrest episode is a state's)",
                        partner.isEmpty() ? org.multivector.scenario.Suggestions.didYouMean(unit, states) : null));
                continue;
            }
            if (kind == Kind.INCIDENT
                    && dyads.stream()
                            .noneMatch(d -> d.contains(unit) && d.contains(partner) && !unit.equals(partner))) {
                problems.add(new Problem(
                        file,
                        n,
                        1,
                        "partner",
                        "'" + Observations.abbreviate(unit) + "-" + Observations.abbreviate(partner)
                                + "' is not a dyad of the scenario (expected two actors with a border, a dispute or a"
                                + " declared relation)",
                        null));
                continue;
            }
            if (!f.get(4).matches("[0-9]{4}")
                    || Integer.parseInt(f.get(4)) < first
                    || Integer.parseInt(f.get(4)) > last) {
                problems.add(new Problem(
                        file,
                        n,
                        1,
                        "year",
                        "'" + Observations.abbreviate(f.get(4)) + "' is not a year in " + first + ".." + last
                                + " (the cut is the year before; expected by the last observed year)",
                        null));
                continue;
            }
            if (f.get(5).isBlank()) {
                problems.add(new Problem(file, n, 1, "source", "is empty (expected a UCDP row or a cited fact)", null));
                continue;
            }
            out.add(new Episode(id, kind, unit, partner, Integer.parseInt(f.get(4)), f.get(5), n));
        }
        if (!problems.isEmpty()) {
            throw new ScenarioException(problems);
        }
        return List.copyOf(out);
    }
}
