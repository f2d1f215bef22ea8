package org.multivector.scenario;

import java.nio.file.Path;

/**
 * A child process for the cost tests: loads a scenario ({@code scenario FILE}), overlay or bargaining input and
 * prints its first line of problems; exits 0 if it loads, 2 if it is refused, 1 on anything else (an
 * OutOfMemoryError included).
 */
public final class LoadInput {
    private LoadInput() {}

    public static void main(String[] args) {
        try {
            Path p = Path.of(args[1]);
            switch (args[0]) {
                case "scenario" -> ScenarioLoader.load(p);
                case "overlay" -> Overlay.load(p);
                default -> org.multivector.bargain.BargainingInputs.load(p);
            }
            System.out.println("loaded");
            System.exit(0);
        } catch (ScenarioException e) {
            String m = e.getMessage();
            String[] lines = m.split("\\R", 3);
            System.out.println(lines.length > 1 ? lines[1] : m);
            System.exit(2);
        }
    }
}
