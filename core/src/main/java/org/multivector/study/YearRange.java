package org.multivector.study;

/**
 * Years {@code from..to}, both included; written {@code 1992-2008}.
 *
 * @param from first year
 * @param to last year, not before {@code from}
 */
public record YearRange(int from, int to) {
    public YearRange {
        if (from > to) {
            throw new IllegalArgumentException(from + "-" + to + ": the first year is after the last");
        }
    }

    /**
     * Parses {@code FROM-TO}.
     *
     * @param field the request field, for the message
     */
    public static YearRange parse(String field, String text) {
        if (text == null || !text.strip().matches("\\d{4}-\\d{4}")) {
            throw RequestException.of(field, "'" + text + "' is not a year range (expected e.g. 1992-2008)");
        }
        String t = text.strip();
        int a = Integer.parseInt(t.substring(0, 4));
        int b = Integer.parseInt(t.substring(5));
        if (a > b) {
            throw RequestException.of(field, "'" + text + "': the first year is after the last");
        }
        return new YearRange(a, b);
    }

    @com.fasterxml.jackson.annotation.JsonCreator
    static YearRange fromJson(String text) {
        return parse("years", text);
    }

    @com.fasterxml.jackson.annotation.JsonValue
    @Override
    public String toString() {
        return from + "-" + to;
    }
}
