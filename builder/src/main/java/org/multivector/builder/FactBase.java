package org.multivector.builder;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A region's curated fact base: a folder of sourced CSV files beside the datasets ({@code data/central-asia/} is the
 * first; its README documents the columns). Curated facts point at its rows with {@code ref: FILE:LINE}, which
 * becomes {@code source: FOLDER/FILE line LINE (the row's own source)}; {@code memberships.csv} gives dated
 * institution memberships with their statuses and {@code borders.csv} land borders with their lengths, where a fact
 * base is more precise than COW IGO (which ends in 2014) and COW contiguity (which has no lengths).
 */
final class FactBase {
    private final Path dir;
    private final String folder;
    private final Map<String, List<Csv.Row>> files = new HashMap<>();

    FactBase(Path data, String folder) {
        this.dir = data.resolve(folder);
        this.folder = folder;
    }

    private List<Csv.Row> rows(String file) {
        return files.computeIfAbsent(file, f -> Csv.read(dir.resolve(f)));
    }

    /** {@code FILE:LINE} as the source text of that row. */
    String resolve(String ref) {
        int colon = ref.lastIndexOf(':');
        String file = ref.substring(0, colon);
        int line = Integer.parseInt(ref.substring(colon + 1));
        for (Csv.Row r : rows(file)) {
            if (r.line() == line) {
                return folder + "/" + file + " line " + line + " (" + r.get("source") + ")";
            }
        }
        throw new IllegalStateException("reference " + ref + " names no row of " + folder + "/" + file);
    }

    /** The items with each {@code ref} replaced by its {@code source}, keys in their order. */
    List<Object> refs(List<?> items) {
        List<Object> out = new ArrayList<>();
        for (Object o : items) {
            @SuppressWarnings("unchecked")
            Map<String, Object> item = (Map<String, Object>) o;
            Map<String, Object> m = new LinkedHashMap<>();
            for (Map.Entry<String, Object> e : item.entrySet()) {
                if (e.getKey().equals("ref")) {
                    m.put("source", resolve((String) e.getValue()));
                } else {
                    m.put(e.getKey(), e.getValue());
                }
            }
            out.add(m);
        }
        return out;
    }

    /** The year a dated change counts from: its year, or the next one if it came in the second half. */
    static int effectiveYear(String date) {
        int y = Integer.parseInt(date.substring(0, 4));
        int month = date.length() >= 7 ? Integer.parseInt(date.substring(5, 7)) : 1;
        return month >= 7 ? y + 1 : y;
    }

    /**
     * The curated institutions (id, name, domain, lead, founded and the {@code rows}: the organisation names of
     * {@code memberships.csv} that make it up) with their members among {@code actors}: the first row per spell
     * (a membership counts from its year of joining up to the year it ended, or the next year if it ended in the
     * second half), and observer seats, associate memberships and suspensions as statuses.
     */
    @SuppressWarnings("unchecked")
    List<Object> institutions(List<?> curated, Set<String> actors, String curatedFile) {
        List<Csv.Row> rows = rows("memberships.csv");
        List<Object> out = new ArrayList<>();
        for (Object o : curated) {
            Map<String, Object> c = (Map<String, Object>) o;
            List<String> orgRows = (List<String>) c.get("rows");
            List<Map<String, Object>> members = new ArrayList<>();
            List<Csv.Row> partial = new ArrayList<>();
            for (Csv.Row r : rows) {
                String status = r.get("status").toLowerCase(Locale.ROOT);
                if (!orgRows.contains(r.get("organization"))
                        || !actors.contains(r.get("state"))
                        || r.get("joined").isEmpty()) {
                    continue;
                }
                if (!status.matches(".*(member|partner|participant|participating|signatory).*")
                        || status.matches(
                                ".*(observer|dialogue|associate|never|suspended|withdrawal|single customs|chairmanship).*")) {
                    if (status.matches("(observer|associate member|suspended)")) {
                        partial.add(r);
                    }
                    continue;
                }
                int joined = Integer.parseInt(r.get("joined").substring(0, 4));
                Integer left = r.get("left").isEmpty() ? null : effectiveYear(r.get("left"));
                boolean overlaps = false;
                for (Map<String, Object> m : members) {
                    Integer ml = (Integer) m.get("left");
                    int mj = (Integer) m.get("joined");
                    boolean sameState = m.get("state").equals(r.get("state"));
                    if (sameState && joined < (ml == null ? 9999 : ml) && mj < (left == null ? 9999 : left)) {
                        overlaps = true;
                    }
                }
                if (overlaps) {
                    continue; // a variant row of a spell already recorded (the README lists the conflicts)
                }
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("state", r.get("state"));
                m.put("joined", joined);
                if (left != null) {
                    m.put("left", left);
                }
                m.put("source", folder + "/memberships.csv line " + r.line() + " (" + r.get("source") + ")");
                members.add(m);
            }
            statuses(members, partial);
            Map<String, Object> inst = new LinkedHashMap<>();
            inst.put("id", c.get("id"));
            inst.put("name", c.get("name"));
            inst.put("domain", c.get("domain"));
            inst.put("lead", c.get("lead"));
            inst.put("founded", c.get("founded"));
            if (c.containsKey("effectiveness")) {
                inst.put("effectiveness", c.get("effectiveness"));
            }
            inst.put(
                    "source",
                    "Organisation and lead pole(s) as curated in data/" + curatedFile + "; members from " + folder
                            + "/memberships.csv (first row per spell; a membership counts from its year of joining and"
                            + " up to the year it ended, or the next year if it ended in the second half)");
            inst.put("members", members);
            out.add(inst);
        }
        return out;
    }

    /**
     * Observer seats, associate memberships and suspensions: a status change inside the state's full-membership
     * spell, or a membership of that status from its year when the state has no spell then (the model counts only
     * full membership).
     */
    @SuppressWarnings("unchecked")
    private void statuses(List<Map<String, Object>> members, List<Csv.Row> partial) {
        for (Csv.Row r : partial) {
            String given = r.get("status").toLowerCase(Locale.ROOT);
            String status = given.equals("suspended") ? "suspended" : "observer";
            int from = effectiveYear(r.get("joined"));
            String source = folder + "/memberships.csv line " + r.line() + " (" + given + "; " + r.get("source") + ")";
            Map<String, Object> spell = null;
            for (Map<String, Object> m : members) {
                Integer left = (Integer) m.get("left");
                if (m.get("state").equals(r.get("state"))
                        && (Integer) m.get("joined") <= from
                        && (left == null || from < left)) {
                    spell = m;
                }
            }
            Map<String, Object> change = new LinkedHashMap<>();
            change.put("from", from);
            change.put("status", status);
            change.put("source", source);
            if (spell != null) {
                ((List<Map<String, Object>>) spell.computeIfAbsent("status", k -> new ArrayList<>())).add(change);
                continue;
            }
            boolean later = members.stream()
                    .anyMatch(m -> m.get("state").equals(r.get("state")) && (Integer) m.get("joined") >= from);
            if (later) {
                continue; // a status before a later full membership: the membership's own row covers it
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("state", r.get("state"));
            m.put("joined", from);
            if (!r.get("left").isEmpty()) {
                m.put("left", effectiveYear(r.get("left")));
            }
            m.put("status", new ArrayList<>(List.of(change)));
            m.put("source", source);
            members.add(m);
        }
    }

    /**
     * Land borders between {@code actors} from {@code borders.csv} with their lengths: the first row of each pair
     * (the current Factbook value; variants are listed in the fact base).
     */
    List<Object> borders(Set<String> actors) {
        List<Object> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Csv.Row r : rows("borders.csv")) {
            String a = r.get("state_a");
            String b = r.get("state_b");
            if (!r.get("border_type").equals("land")
                    || !actors.contains(a)
                    || !actors.contains(b)
                    || r.get("length_km").isEmpty()) {
                continue;
            }
            if (!seen.add(a.compareTo(b) < 0 ? a + b : b + a)) {
                continue;
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("pair", List.of(a, b));
            m.put("lengthKm", Double.parseDouble(r.get("length_km")));
            m.put("source", folder + "/borders.csv line " + r.line() + " (" + r.get("source") + ")");
            out.add(m);
        }
        return out;
    }
}
