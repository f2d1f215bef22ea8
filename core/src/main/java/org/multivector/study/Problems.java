package org.multivector.study;

import java.util.ArrayList;
import java.util.List;

/** Collects a request's bad fields, then fails once with all of them ({@link RequestException}). */
final class Problems {
    private final List<RequestException.FieldProblem> list = new ArrayList<>();

    Problems add(String field, String message) {
        list.add(new RequestException.FieldProblem(field, message, null));
        return this;
    }

    Problems add(String field, String message, String hint) {
        list.add(new RequestException.FieldProblem(field, message, hint));
        return this;
    }

    /** Adds a problem unless {@code lo <= value <= hi}. */
    Problems range(String field, long value, long lo, long hi) {
        if (value < lo || value > hi) {
            add(field, value + " is outside " + lo + ".." + hi);
        }
        return this;
    }

    Problems range(String field, double value, double lo, double hi) {
        if (!(value >= lo && value <= hi)) {
            add(field, value + " is outside " + lo + ".." + hi);
        }
        return this;
    }

    boolean isEmpty() {
        return list.isEmpty();
    }

    void addAll(RequestException e) {
        list.addAll(e.problems());
    }

    void throwIfAny() {
        if (!list.isEmpty()) {
            throw new RequestException(list);
        }
    }
}
