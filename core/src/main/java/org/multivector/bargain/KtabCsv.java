package org.multivector.bargain;

import java.util.ArrayList;
import java.util.List;
import org.multivector.scenario.Problem;
import org.multivector.scenario.ScenarioException;

/**
 * Reads KTAB's SMP CSV format (SPEC §2.1) as KTAB's {@code smpc --csv} does, with KTAB's
 * validation rules reported as located problems.
 *
 * <pre>
 * scenarioName, scenarioDescription, N, D, [ignored…]
 * Actor, Description, Power, dim1 name, sal1 title, …, dimD name, salD title
 * name, description, capability, pos1, sal1, …, posD, salD      (N rows)
 * </pre>
 *
 * Fields may be double-quoted ({@code $$} inside a field stands for a comma); text fields keep their
 * spaces; numbers may be surrounded by spaces; extra trailing fields are ignored; a blank line ends
 * the table. Positions and saliences are divided by 100. Deviations from KTAB, all stricter: a
 * number followed by other text is rejected (KTAB silently reads its numeric prefix), rows beyond
 * the N declared ones are rejected, and capability and total salience must be positive (KTAB
 * accepts 0 and fails later).
 */
public final class KtabCsv {
    /** KTAB's limits. */
    static final int MIN_ACTORS = 3;

    static final int MAX_ACTORS = 250;
    static final int MAX_NAME = 25;
    static final int MAX_DESCRIPTION = 256;
    static final int MAX_SCENARIO_TEXT = 512;
    static final double MAX_CAPABILITY = 1e8;

    private KtabCsv() {}

    /** One parsed field with its 1-based column. */
    private record Field(String text, int column) {}

    /**
     * Refuses values beyond a row's {@code width} fields (KTAB would ignore them, so a shifted or mistyped row would
     * be read silently wrong); empty trailing fields — the commas KTAB's own files end their rows with — are fine.
     * Line 1 keeps KTAB's {@code [ignored...]} tail (its own dummyData_6Dim.csv has a value there).
     */
    private static void extraFields(
            List<Problem> problems, String file, int line, List<Field> row, int width, String what) {
        for (int k = width; k < row.size(); k++) {
            if (!row.get(k).text().isBlank()) {
                problems.add(new Problem(
                        file,
                        line,
                        row.get(k).column(),
                        "",
                        "field " + (k + 1) + " ('" + row.get(k).text().strip() + "') is beyond the " + width
                                + " fields of " + what + " (expected nothing after them, or empty fields)",
                        null));
                return;
            }
        }
    }

    public static BargainingProblem parse(String file, byte[] bytes) {
        String text = BargainingInputs.decode(file, bytes);
        List<Problem> problems = new ArrayList<>();
        String[] lines = text.split("\r\n|\n|\r", -1);
        List<List<Field>> rows = new ArrayList<>();
        for (String line : lines) {
            if (line.isBlank()) {
                break;
            }
            rows.add(split(line));
        }
        if (rows.isEmpty()) {
            throw new ScenarioException(List.of(new Problem(
                    file,
                    1,
                    1,
                    "",
                    "the file is empty or starts with a blank line"
                            + " (expected 'scenarioName, description, N, D' on line 1)",
                    null)));
        }
        List<Field> head = rows.get(0);
        if (head.size() < 4) {
            throw fail(
                    file,
                    1,
                    1,
                    "",
                    "line 1 has " + head.size() + " fields; expected 'scenarioName, description,"
                            + " number of actors, number of dimensions'");
        }
        String name = head.get(0).text();
        String description = head.get(1).text();
        checkLength(problems, file, 1, head.get(0), "scenario name", name, 0, MAX_SCENARIO_TEXT);
        checkLength(problems, file, 1, head.get(1), "scenario description", description, 0, MAX_SCENARIO_TEXT);
        Integer n = integer(problems, file, 1, head.get(2), "number of actors", MIN_ACTORS, MAX_ACTORS);
        Integer dims = integer(problems, file, 1, head.get(3), "number of dimensions", 1, 100);
        if (n == null || dims == null) {
            throw new ScenarioException(problems);
        }
        int width = 3 + 2 * dims;
        if (rows.size() < 2) {
            throw fail(
                    file,
                    2,
                    1,
                    "",
                    "missing the header row (expected 'Actor, Description, Power' and two titles" + " per dimension)");
        }
        List<Field> header = rows.get(1);
        if (header.size() < width) {
            throw fail(
                    file,
                    2,
                    1,
                    "",
                    "header row has " + header.size() + " fields; expected " + width
                            + " (3 + a position and a salience title for each of " + dims + " dimensions)");
        }
        extraFields(problems, file, 2, header, width, "the header row");
        List<String> dimNames = new ArrayList<>();
        for (int d = 0; d < dims; d++) {
            Field f = header.get(3 + 2 * d);
            checkLength(problems, file, 2, f, "dimension " + (d + 1) + " name", f.text(), 0, MAX_DESCRIPTION);
            dimNames.add(f.text().strip());
        }
        if (rows.size() - 2 < n) {
            int blankLine = rows.size() + 1;
            throw fail(
                    file,
                    Math.min(blankLine, lines.length),
                    1,
                    "",
                    "expected " + n + " actor rows (line 1 says N = "
                            + n + "), found " + (rows.size() - 2)
                            + (blankLine <= lines.length
                                    ? " before the blank line or end of file at line " + blankLine
                                    : ""));
        }
        if (rows.size() - 2 > n) {
            throw fail(file, n + 3, 1, "", "more actor rows than the " + n + " declared on line 1 (N)");
        }
        List<String> actors = new ArrayList<>();
        List<String> descriptions = new ArrayList<>();
        double[] cap = new double[n];
        double[][] pos = new double[n][dims];
        double[][] sal = new double[n][dims];
        for (int i = 0; i < n; i++) {
            int line = i + 3;
            List<Field> row = rows.get(i + 2);
            if (row.size() < width) {
                problems.add(new Problem(
                        file,
                        line,
                        1,
                        "",
                        "actor row has " + row.size() + " fields; expected " + width
                                + " (name, description, capability, then position and salience for each of " + dims
                                + " dimensions)",
                        null));
                actors.add("row" + line);
                descriptions.add("");
                continue;
            }
            extraFields(problems, file, line, row, width, "an actor row");
            String actor = row.get(0).text();
            checkLength(problems, file, line, row.get(0), "actor name", actor, 1, MAX_NAME);
            checkLength(
                    problems,
                    file,
                    line,
                    row.get(1),
                    "actor description",
                    row.get(1).text(),
                    0,
                    MAX_DESCRIPTION);
            actors.add(actor);
            descriptions.add(row.get(1).text());
            String who = actor.strip();
            Double c = number(problems, file, line, row.get(2), who + ".capability");
            if (c != null) {
                if (!(c > 0 && c <= MAX_CAPABILITY)) {
                    problems.add(problem(
                            file,
                            line,
                            row.get(2),
                            who + ".capability",
                            "capability " + c + " is outside (0, 1e8] (expected a positive number)"));
                }
                cap[i] = c;
            }
            double total = 0;
            for (int d = 0; d < dims; d++) {
                Field pf = row.get(3 + 2 * d);
                Field sf = row.get(4 + 2 * d);
                Double p = number(problems, file, line, pf, who + "." + dimNames.get(d) + ".position");
                Double s = number(problems, file, line, sf, who + "." + dimNames.get(d) + ".salience");
                if (p != null) {
                    if (!(p >= 0 && p <= 100)) {
                        problems.add(problem(
                                file,
                                line,
                                pf,
                                who + "." + dimNames.get(d) + ".position",
                                "position " + p + " is outside [0, 100]"));
                    }
                    pos[i][d] = p / 100.0;
                }
                if (s != null) {
                    if (!(s >= 0 && s <= 100)) {
                        problems.add(problem(
                                file,
                                line,
                                sf,
                                who + "." + dimNames.get(d) + ".salience",
                                "salience " + s + " is outside [0, 100]"));
                    }
                    total += s;
                    if (total > 100) {
                        problems.add(problem(
                                file,
                                line,
                                sf,
                                who + "." + dimNames.get(d) + ".salience",
                                "saliences of " + who + " add up to " + total + " by this column, more than 100"));
                        total = Double.NEGATIVE_INFINITY;
                    }
                    sal[i][d] = s / 100.0;
                }
            }
            if (total == 0) {
                problems.add(new Problem(
                        file,
                        line,
                        1,
                        who,
                        "every salience of " + who
                                + " is 0 (expected a positive total: an actor must care about some dimension)",
                        null));
            }
        }
        checkDuplicates(problems, file, actors, 3);
        if (!problems.isEmpty()) {
            throw new ScenarioException(problems);
        }
        return new BargainingProblem(
                name,
                description,
                file,
                dimNames,
                List.of(),
                actors,
                descriptions,
                cap,
                pos,
                sal,
                BargainingProblem.identity(n),
                Prng.DEFAULT_SEED,
                SmpParameters.DEFAULTS,
                false);
    }

    static void checkDuplicates(List<Problem> problems, String file, List<String> actors, int firstLine) {
        for (int i = 0; i < actors.size(); i++) {
            for (int j = 0; j < i; j++) {
                if (actors.get(i).strip().equals(actors.get(j).strip())
                        && !actors.get(i).isBlank()) {
                    problems.add(new Problem(
                            file,
                            firstLine < 0 ? 0 : firstLine + i,
                            1,
                            actors.get(i).strip(),
                            "actor name '" + actors.get(i).strip() + "' is used twice (also by actor " + (j + 1)
                                    + "); names must be unique",
                            null));
                }
            }
        }
    }

    /** Splits one CSV line like KTAB's minicsv reader: quotes group, {@code $$} → comma. */
    private static List<Field> split(String line) {
        List<Field> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        int start = 1;
        for (int c = 0; c < line.length(); c++) {
            char ch = line.charAt(c);
            if (ch == '"') {
                quoted = !quoted;
            } else if (ch == ',' && !quoted) {
                out.add(new Field(cur.toString().replace("$$", ","), start));
                cur.setLength(0);
                start = c + 2;
            } else {
                cur.append(ch);
            }
        }
        if (cur.length() > 0 || !line.endsWith(",")) {
            out.add(new Field(cur.toString().replace("$$", ","), start));
        }
        return out;
    }

    private static Double number(List<Problem> problems, String file, int line, Field f, String path) {
        String t = f.text().strip();
        try {
            double v = Double.parseDouble(t);
            if (t.isEmpty()
                    || !Double.isFinite(v)
                    || t.endsWith("d")
                    || t.endsWith("D")
                    || t.endsWith("f")
                    || t.endsWith("F")) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            problems.add(problem(file, line, f, path, "'" + BargainingInputs.shorten(f.text()) + "' is not a number"));
            return null;
        }
    }

    private static Integer integer(
            List<Problem> problems, String file, int line, Field f, String what, int lo, int hi) {
        String t = f.text().strip();
        int v;
        try {
            v = Integer.parseInt(t);
        } catch (NumberFormatException e) {
            problems.add(problem(
                    file,
                    line,
                    f,
                    what,
                    "'" + BargainingInputs.shorten(f.text()) + "' is not a whole number (expected the " + what + ")"));
            return null;
        }
        if (v < lo || v > hi) {
            problems.add(problem(file, line, f, what, what + " " + v + " is outside " + lo + ".." + hi));
            return null;
        }
        return v;
    }

    private static void checkLength(
            List<Problem> problems, String file, int line, Field f, String what, String value, int min, int max) {
        int len = value.codePointCount(0, value.length());
        if (len < min || len > max) {
            problems.add(
                    problem(file, line, f, what, what + " has " + len + " characters; expected " + min + ".." + max));
        }
        for (int k = 0; k < value.length(); k++) {
            char ch = value.charAt(k);
            if (Character.isISOControl(ch) && ch != '\t') {
                problems.add(problem(
                        file,
                        line,
                        f,
                        what,
                        what + " contains a control character (U+" + String.format("%04X", (int) ch) + ")"));
                break;
            }
        }
    }

    private static Problem problem(String file, int line, Field f, String path, String message) {
        return new Problem(file, line, f.column(), path, message, null);
    }

    private static ScenarioException fail(String file, int line, int column, String path, String message) {
        return new ScenarioException(List.of(new Problem(file, line, column, path, message, null)));
    }
}
