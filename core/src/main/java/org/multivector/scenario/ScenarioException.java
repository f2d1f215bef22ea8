package org.multivector.scenario;

import java.util.List;
import java.util.stream.Collectors;
import org.multivector.model.UserInputException;

/** Bad user input: every problem found in a scenario, reported at once. */
public final class ScenarioException extends UserInputException {
    private static final long serialVersionUID = 1L;

    private final transient List<Problem> problems;

    public ScenarioException(List<Problem> problems) {
        super(render(problems));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }

    /** Most problems the message lists: a file with more is mostly one mistake repeated ({@link #problems()} has all). */
    public static final int MAX_LISTED = 200;

    private static String render(List<Problem> problems) {
        String head = problems.size() == 1 ? "1 problem" : problems.size() + " problems";
        String listed = problems.stream()
                .limit(MAX_LISTED)
                .map(Problem::format)
                .collect(Collectors.joining(System.lineSeparator()));
        return head
                + System.lineSeparator()
                + listed
                + (problems.size() > MAX_LISTED
                        ? System.lineSeparator() + "… and " + (problems.size() - MAX_LISTED) + " more problems"
                        : "");
    }
}
