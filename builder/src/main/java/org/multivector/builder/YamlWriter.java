package org.multivector.builder;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Map;

/**
 * Writes a tree of maps, lists, strings and numbers as block YAML, with maps and lists whose
 * members are all scalars in flow style (one line each). Strings are double-quoted JSON-style;
 * numbers are written without exponents so every YAML 1.1 reader parses them the same way.
 */
final class YamlWriter {
    private final StringBuilder out = new StringBuilder();

    static String write(Map<String, Object> root, String header) {
        YamlWriter w = new YamlWriter();
        w.out.append(header);
        w.map(root, 0);
        return w.out.toString();
    }

    private void map(Map<String, Object> m, int indent) {
        for (Map.Entry<String, Object> e : m.entrySet()) {
            pad(indent);
            out.append(key(e.getKey())).append(':');
            value(e.getValue(), indent);
        }
    }

    private void value(Object v, int indent) {
        if (isFlow(v)) {
            out.append(' ').append(flow(v)).append('\n');
        } else if (v instanceof Map<?, ?> m) {
            out.append('\n');
            @SuppressWarnings("unchecked")
            Map<String, Object> mm = (Map<String, Object>) m;
            map(mm, indent + 2);
        } else {
            out.append('\n');
            for (Object item : (List<?>) v) {
                pad(indent + 2);
                out.append("-");
                if (item instanceof Map<?, ?> im && !isFlow(item)) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> mm = (Map<String, Object>) im;
                    boolean first = true;
                    for (Map.Entry<String, Object> e : mm.entrySet()) {
                        if (first) {
                            out.append(' ');
                            first = false;
                        } else {
                            pad(indent + 4);
                        }
                        out.append(key(e.getKey())).append(':');
                        value(e.getValue(), indent + 4);
                    }
                } else {
                    out.append(' ').append(flow(item)).append('\n');
                }
            }
        }
    }

    private static boolean isFlow(Object v) {
        if (v instanceof Map<?, ?> m) {
            return m.values().stream().allMatch(YamlWriter::isScalarOrFlatList) && m.size() <= 60;
        }
        if (v instanceof List<?> l) {
            return l.stream().allMatch(YamlWriter::isScalar);
        }
        return true;
    }

    private static boolean isScalarOrFlatList(Object v) {
        return isScalar(v) || (v instanceof List<?> l && l.stream().allMatch(YamlWriter::isScalar) && l.size() <= 4);
    }

    private static boolean isScalar(Object v) {
        return !(v instanceof Map) && !(v instanceof List);
    }

    private static String flow(Object v) {
        if (v instanceof Map<?, ?> m) {
            StringBuilder b = new StringBuilder("{");
            boolean first = true;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (!first) {
                    b.append(", ");
                }
                first = false;
                b.append(key(String.valueOf(e.getKey()))).append(": ").append(flow(e.getValue()));
            }
            return b.append('}').toString();
        }
        if (v instanceof List<?> l) {
            StringBuilder b = new StringBuilder("[");
            for (int i = 0; i < l.size(); i++) {
                if (i > 0) {
                    b.append(", ");
                }
                b.append(flow(l.get(i)));
            }
            return b.append(']').toString();
        }
        return scalar(v);
    }

    static String scalar(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof Boolean) {
            return v.toString();
        }
        if (v instanceof Integer || v instanceof Long) {
            return v.toString();
        }
        if (v instanceof Double d) {
            return number(d);
        }
        return quote(v.toString());
    }

    /** Six significant digits, plain notation. */
    static String number(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        String s =
                new BigDecimal(d).round(new MathContext(6)).stripTrailingZeros().toPlainString();
        return s.contains(".") ? s : s + ".0";
    }

    private static String key(String k) {
        return k.matches("[A-Za-z0-9][A-Za-z0-9_-]*") ? k : quote(k);
    }

    static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                default -> {
                    if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029' || c == '\ufeff') {
                        // never a raw control character in the file (YAML refuses them): an escape
                        b.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    private void pad(int n) {
        out.append(" ".repeat(n));
    }
}
