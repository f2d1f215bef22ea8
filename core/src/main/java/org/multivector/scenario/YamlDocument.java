package org.multivector.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.StringReader;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/*
 * Design: SnakeYAML composes the file into a node graph that keeps each node's line and column;
 * the graph is converted to a Jackson tree (for the JSON Schema check and binding) while every
 * node's position is stored under its JSON Pointer. Hostile input is stopped early and cheaply:
 * size and encoding before parsing, SnakeYAML's limits (nesting depth, code points, aliases)
 * during it, and a node budget plus a ban on aliases and non-standard tags while converting, so
 * an alias bomb is never expanded.
 */

/** A YAML file read safely into a JSON tree with the source position of every node. */
public final class YamlDocument {
    /** Largest scenario file accepted, in bytes (the default scenario is about 0.5 MB). */
    public static final int MAX_BYTES_DEFAULT = 16 * 1024 * 1024;

    /** Deepest nesting accepted (the scenario format needs 6 levels). */
    public static final int MAX_DEPTH_DEFAULT = 40;

    /**
     * Most nodes (scalars, sequences, mappings, aliases) accepted in one file: the default scenario has about 12,500,
     * a drafted 16-state region about 30,000; a file with more is refused while it is scanned, before any tree is
     * built, so any file under the size limit is accepted or refused in bounded time and memory.
     */
    public static final int MAX_NODES_DEFAULT = 400_000;

    private static final Set<Tag> STANDARD_TAGS =
            Set.of(Tag.STR, Tag.INT, Tag.FLOAT, Tag.BOOL, Tag.NULL, Tag.MAP, Tag.SEQ, Tag.TIMESTAMP);

    private final String file;
    private final JsonNode root;
    private final Map<String, int[]> positions;
    private final Map<String, int[]> keyPositions;

    private YamlDocument(String file, JsonNode root, Map<String, int[]> positions, Map<String, int[]> keyPositions) {
        this.file = file;
        this.root = root;
        this.positions = positions;
        this.keyPositions = keyPositions;
    }

    public String file() {
        return file;
    }

    public JsonNode root() {
        return root;
    }

    /** Line and column (1-based) of the value at a JSON Pointer, or of its nearest located ancestor. */
    public int[] position(String pointer) {
        String p = pointer;
        while (true) {
            int[] pos = positions.get(p);
            if (pos != null) {
                return pos;
            }
            if (p.isEmpty()) {
                return new int[] {1, 1};
            }
            p = p.substring(0, p.lastIndexOf('/'));
        }
    }

    /** Position of the key naming the member at a pointer (falls back to the value's position). */
    public int[] keyPosition(String pointer) {
        int[] pos = keyPositions.get(pointer);
        return pos != null ? pos : position(pointer);
    }

    /**
     * Parses {@code bytes} as a single YAML document.
     *
     * @throws ScenarioException with every problem found, located in {@code file}
     */
    public static YamlDocument parse(String file, byte[] bytes) {
        if (bytes.length > MAX_BYTES_DEFAULT) {
            throw fileProblem(
                    file,
                    "file is " + bytes.length + " bytes, larger than the limit of " + MAX_BYTES_DEFAULT
                            + " bytes (expected a scenario file)");
        }
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                throw fileProblem(
                        file, "file contains a NUL byte at offset " + i + " (expected YAML text, not a binary file)");
            }
        }
        String text = decodeUtf8(file, bytes);
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(50);
        options.setNestingDepthLimit(MAX_DEPTH_DEFAULT);
        options.setCodePointLimit(MAX_BYTES_DEFAULT);
        options.setAllowRecursiveKeys(false);
        options.setTagInspector(tag -> false);
        ScalarConstructor constructor = new ScalarConstructor(options);
        Yaml yaml = new Yaml(
                constructor,
                new org.yaml.snakeyaml.representer.Representer(new org.yaml.snakeyaml.DumperOptions()),
                new org.yaml.snakeyaml.DumperOptions(),
                options);
        Node node;
        try {
            if (text.length() > 2L * MAX_NODES_DEFAULT) {
                // only a file this long can hold more nodes than the budget (a node takes at least two
                // characters, "1,"); shorter ones are composed at once and the converter's count bounds them
                countNodes(file, yaml, text);
            }
            node = yaml.compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String what = e.getProblem() != null ? e.getProblem() : e.getMessage();
            if (what != null && what.startsWith("Global tag is not allowed")) {
                throw new ScenarioException(List.of(new Problem(
                        file,
                        m == null ? 0 : m.getLine() + 1,
                        m == null ? 0 : m.getColumn() + 1,
                        "",
                        "type tag " + what.substring(what.indexOf(':') + 1).trim()
                                + " is not allowed (expected plain YAML values)",
                        null)));
            }
            String context = e.getContext() != null ? e.getContext() + ": " : "";
            throw new ScenarioException(List.of(new Problem(
                    file,
                    m == null ? 0 : m.getLine() + 1,
                    m == null ? 0 : m.getColumn() + 1,
                    "",
                    "malformed YAML: " + context + what + " (expected valid YAML)",
                    null)));
        } catch (YAMLException e) {
            throw fileProblem(file, "malformed YAML: " + firstLine(e.getMessage()) + " (expected valid YAML)");
        } catch (StackOverflowError e) {
            throw fileProblem(file, "YAML nested too deeply (expected at most " + MAX_DEPTH_DEFAULT + " levels)");
        }
        if (node == null) {
            throw fileProblem(file, "file is empty (expected a scenario mapping)");
        }
        Converter c = new Converter(file, constructor);
        JsonNode root = c.convert(node, "", 0);
        if (!c.problems.isEmpty()) {
            throw new ScenarioException(c.problems);
        }
        return new YamlDocument(file, root, c.positions, c.keyPositions);
    }

    /**
     * The keys of the top-level mapping of {@code bytes}, read from the parser's events (no node graph, no tree, at
     * most {@link #MAX_NODES_DEFAULT} nodes): enough to tell a scenario from an overlay or a bargaining issue without
     * building the document twice. Empty when the text is not a YAML mapping, is malformed, or is too large to read:
     * the loader that then reads the file reports its problems with their places.
     */
    public static Set<String> topLevelKeys(byte[] bytes) {
        if (bytes.length > MAX_BYTES_DEFAULT) {
            return Set.of();
        }
        String text;
        try {
            text = decodeUtf8("", bytes);
        } catch (ScenarioException e) {
            return Set.of();
        }
        LoaderOptions options = new LoaderOptions();
        options.setNestingDepthLimit(MAX_DEPTH_DEFAULT);
        options.setCodePointLimit(MAX_BYTES_DEFAULT);
        Yaml yaml = new Yaml(options);
        Set<String> keys = new java.util.LinkedHashSet<>();
        int depth = 0;
        boolean key = true; // in the top-level mapping: the next node at depth 1 is a key
        long nodes = 0;
        try {
            for (org.yaml.snakeyaml.events.Event e : yaml.parse(new StringReader(text))) {
                if (e instanceof org.yaml.snakeyaml.events.DocumentEndEvent) {
                    break; // the first document is the file's
                }
                boolean node = isNode(e);
                if (node && ++nodes > MAX_NODES_DEFAULT) {
                    return Set.of();
                }
                if (depth == 0) {
                    if (node && !(e instanceof org.yaml.snakeyaml.events.MappingStartEvent)) {
                        return Set.of(); // a scalar or a list: no keys
                    }
                } else if (depth == 1 && node) {
                    if (key && e instanceof org.yaml.snakeyaml.events.ScalarEvent sc) {
                        keys.add(sc.getValue());
                    }
                    key = !key;
                }
                if (e instanceof org.yaml.snakeyaml.events.CollectionStartEvent) {
                    depth++;
                } else if (e instanceof org.yaml.snakeyaml.events.CollectionEndEvent) {
                    depth--;
                }
            }
        } catch (YAMLException | StackOverflowError e) {
            return Set.of();
        }
        return keys;
    }

    /**
     * Streams the file's parser events (constant memory: no node graph, no tree) and refuses it at the first node
     * beyond {@link #MAX_NODES_DEFAULT}, naming its line.
     */
    private static void countNodes(String file, Yaml yaml, String text) {
        long n = 0;
        for (org.yaml.snakeyaml.events.Event e : yaml.parse(new StringReader(text))) {
            if (isNode(e)) {
                if (++n > MAX_NODES_DEFAULT) {
                    Mark m = e.getStartMark();
                    throw new ScenarioException(List.of(new Problem(
                            file,
                            m == null ? 0 : m.getLine() + 1,
                            m == null ? 0 : m.getColumn() + 1,
                            "",
                            "more than " + MAX_NODES_DEFAULT + " values in one file (expected a scenario; the"
                                    + " largest regions have tens of thousands)",
                            null)));
                }
            }
        }
    }

    /** Whether a parser event is a node the budget counts: a scalar, a list or mapping, an alias. */
    private static boolean isNode(org.yaml.snakeyaml.events.Event e) {
        return e instanceof org.yaml.snakeyaml.events.ScalarEvent
                || e instanceof org.yaml.snakeyaml.events.CollectionStartEvent
                || e instanceof org.yaml.snakeyaml.events.AliasEvent;
    }

    private static String decodeUtf8(String file, byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        try {
            String s = decoder.decode(in).toString();
            return s.startsWith("\uFEFF") ? s.substring(1) : s;
        } catch (MalformedInputException e) {
            throw fileProblem(file, "bytes at offset " + in.position() + " are not UTF-8 (expected UTF-8 text)");
        } catch (CharacterCodingException e) {
            throw fileProblem(file, "file is not UTF-8 text (expected UTF-8 text)");
        }
    }

    static ScenarioException fileProblem(String file, String message) {
        return new ScenarioException(List.of(new Problem(file, 0, 0, "", message, null)));
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unreadable input";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /** Escapes one JSON Pointer segment (RFC 6901). */
    static String escape(String segment) {
        return segment.replace("~", "~0").replace("/", "~1");
    }

    /** Exposes SnakeYAML's scalar resolution (YAML 1.1 ints, floats, booleans) without building objects. */
    private static final class ScalarConstructor extends SafeConstructor {
        ScalarConstructor(LoaderOptions options) {
            super(options);
        }

        Object scalar(ScalarNode node) {
            return constructObject(node);
        }
    }

    private static final class Converter {
        private final String file;
        private final ScalarConstructor constructor;
        private final Map<String, int[]> positions = new HashMap<>();
        private final Map<String, int[]> keyPositions = new HashMap<>();
        private final Set<Node> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        private final List<Problem> problems = new java.util.ArrayList<>();
        private int nodes;
        private boolean aliasReported;

        Converter(String file, ScalarConstructor constructor) {
            this.file = file;
            this.constructor = constructor;
        }

        JsonNode convert(Node node, String pointer, int depth) {
            if (++nodes > MAX_NODES_DEFAULT) {
                if (nodes == MAX_NODES_DEFAULT + 1) {
                    add(
                            node,
                            "file has more than " + MAX_NODES_DEFAULT
                                    + " nodes (expected a scenario of reasonable size)");
                }
                return JsonNodeFactory.instance.nullNode();
            }
            if (!seen.add(node)) {
                if (!aliasReported) {
                    aliasReported = true;
                    add(node, "YAML aliases (*name) are not supported (expected each value written out)");
                }
                return JsonNodeFactory.instance.nullNode();
            }
            Mark m = node.getStartMark();
            positions.put(pointer, new int[] {m.getLine() + 1, m.getColumn() + 1});
            if (!STANDARD_TAGS.contains(node.getTag())) {
                add(node, "type tag " + node.getTag().getValue() + " is not allowed (expected plain YAML values)");
                return JsonNodeFactory.instance.nullNode();
            }
            if (node instanceof MappingNode map) {
                ObjectNode obj = JsonNodeFactory.instance.objectNode();
                for (NodeTuple t : map.getValue()) {
                    if (!(t.getKeyNode() instanceof ScalarNode key)) {
                        add(t.getKeyNode(), "mapping keys must be plain scalars");
                        continue;
                    }
                    String k = key.getValue();
                    String child = pointer + "/" + escape(k);
                    Mark km = key.getStartMark();
                    if (obj.has(k)) {
                        add(
                                key,
                                "duplicate key '" + k + "' (first given on line "
                                        + keyPositions.get(child)[0] + "; expected each key once)");
                        continue;
                    }
                    keyPositions.put(child, new int[] {km.getLine() + 1, km.getColumn() + 1});
                    obj.set(k, convert(t.getValueNode(), child, depth + 1));
                }
                return obj;
            }
            if (node instanceof SequenceNode seq) {
                ArrayNode arr = JsonNodeFactory.instance.arrayNode();
                int i = 0;
                for (Node item : seq.getValue()) {
                    arr.add(convert(item, pointer + "/" + i, depth + 1));
                    i++;
                }
                return arr;
            }
            ScalarNode scalar = (ScalarNode) node;
            Object value;
            try {
                value = constructor.scalar(scalar);
            } catch (RuntimeException e) {
                add(
                        node,
                        "'" + scalar.getValue() + "' is not a valid "
                                + scalar.getTag().getValue().replace("tag:yaml.org,2002:", ""));
                return JsonNodeFactory.instance.nullNode();
            }
            if (value == null) {
                return JsonNodeFactory.instance.nullNode();
            }
            if (value instanceof Boolean b) {
                return JsonNodeFactory.instance.booleanNode(b);
            }
            if (value instanceof Integer i) {
                return JsonNodeFactory.instance.numberNode(i.longValue());
            }
            if (value instanceof Long l) {
                return JsonNodeFactory.instance.numberNode(l);
            }
            if (value instanceof BigInteger big) {
                return JsonNodeFactory.instance.numberNode(big.doubleValue());
            }
            if (value instanceof Double d) {
                if (!Double.isFinite(d)) {
                    add(node, "'" + scalar.getValue() + "' is not a finite number");
                    return JsonNodeFactory.instance.nullNode();
                }
                return JsonNodeFactory.instance.numberNode(d);
            }
            // timestamps and everything else stay text, exactly as written
            return JsonNodeFactory.instance.textNode(scalar.getValue());
        }

        private void add(Node node, String message) {
            Mark m = node.getStartMark();
            problems.add(new Problem(file, m.getLine() + 1, m.getColumn() + 1, "", message, null));
        }
    }
}
