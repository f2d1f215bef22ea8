package org.multivector.study;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.multivector.model.UserInputException;

/**
 * A study request that cannot run as given: every bad field at once, each named as in the request
 * ({@code runs}, {@code strategies[1]}, {@code set.tension-base}), with what was expected. Adapters show field
 * names in their own spelling (the command line as its options, the API as JSON fields).
 */
public final class RequestException extends UserInputException {
    private static final long serialVersionUID = 1L;

    /**
     * One bad field.
     *
     * @param field the request field, camelCase, with an index or key where it helps ({@code strategies[2]})
     * @param message what is wrong and what was expected
     * @param hint a suggestion ("did you mean …"), or null
     */
    public record FieldProblem(String field, String message, String hint) {
        public FieldProblem {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(message, "message");
            // what a user or a file typed is echoed: never raw terminal controls or line breaks
            field = org.multivector.scenario.Problem.printable(field);
            message = org.multivector.scenario.Problem.printable(message);
            hint = hint == null ? null : org.multivector.scenario.Problem.printable(hint);
        }

        /** The field name without index or key: {@code strategies[2]} → {@code strategies}. */
        public String baseField() {
            int cut = field.length();
            for (char c : new char[] {'[', '.'}) {
                int i = field.indexOf(c);
                if (i > 0) {
                    cut = Math.min(cut, i);
                }
            }
            return field.substring(0, cut);
        }

        public String format() {
            return field + ": " + message + (hint == null || hint.isEmpty() ? "" : " (maybe: " + hint + ")");
        }
    }

    private final transient List<FieldProblem> problems;

    public RequestException(List<FieldProblem> problems) {
        super(render(problems));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a request exception needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    /** A request exception with one problem. */
    public static RequestException of(String field, String message) {
        return new RequestException(List.of(new FieldProblem(field, message, null)));
    }

    public List<FieldProblem> problems() {
        return problems;
    }

    private static String render(List<FieldProblem> problems) {
        return problems.stream().map(FieldProblem::format).collect(Collectors.joining(System.lineSeparator()));
    }
}
