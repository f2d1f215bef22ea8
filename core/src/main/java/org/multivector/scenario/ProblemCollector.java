package org.multivector.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects problems against a {@link YamlDocument}, locating each by its JSON Pointer. */
final class ProblemCollector {
    private final YamlDocument doc;
    private final List<Problem> problems = new ArrayList<>();

    ProblemCollector(YamlDocument doc) {
        this.doc = doc;
    }

    void at(String pointer, String message) {
        at(pointer, message, null);
    }

    void at(String pointer, String message, String hint) {
        int[] pos = doc.position(pointer);
        problems.add(new Problem(doc.file(), pos[0], pos[1], display(pointer), message, hint));
    }

    /** A problem with a member's name (located at its key rather than its value). */
    void atKey(String pointer, String message, String hint) {
        int[] pos = doc.keyPosition(pointer);
        problems.add(new Problem(doc.file(), pos[0], pos[1], display(pointer), message, hint));
    }

    boolean isEmpty() {
        return problems.isEmpty();
    }

    /** Problems in file order, without duplicates. */
    List<Problem> sorted() {
        return problems.stream()
                .distinct()
                .sorted(Comparator.comparingInt(Problem::line).thenComparingInt(Problem::column))
                .toList();
    }

    void throwIfAny() {
        if (!problems.isEmpty()) {
            throw new ScenarioException(sorted());
        }
    }

    /** {@code /ties/3/shares/1995/RUS} → {@code ties[3].shares.1995.RUS}. */
    String display(String pointer) {
        if (pointer.isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        JsonNode node = doc.root();
        for (String raw : pointer.substring(1).split("/", -1)) {
            String seg = raw.replace("~1", "/").replace("~0", "~");
            if (node != null && node.isArray()) {
                b.append('[').append(seg).append(']');
                node = node.path(Integer.parseInt(seg));
            } else {
                if (b.length() > 0) {
                    b.append('.');
                }
                b.append(seg);
                node = node == null ? null : node.get(seg);
            }
        }
        return b.toString();
    }
}
