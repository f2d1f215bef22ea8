package org.multivector.bargain;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.multivector.scenario.Problem;
import org.multivector.scenario.ScenarioException;

/** Reads a bargaining problem from a KTAB CSV, a KTAB XML or a Multivector YAML file, chosen by extension. */
public final class BargainingInputs {
    /** Largest input accepted (KTAB's largest shipped input is 9 KB; 250 actors in XML fit in well under 1 MB). */
    public static final int MAX_BYTES = 4 * 1024 * 1024;

    private BargainingInputs() {}

    public static BargainingProblem load(Path path) {
        return parse(path.toString(), read(path));
    }

    /** The bytes of an input file, refused (located problem) when missing, unreadable or over {@link #MAX_BYTES}. */
    public static byte[] read(Path path) {
        return org.multivector.scenario.InputFile.read(path, MAX_BYTES, "a bargaining input");
    }

    /** Parses by the file name's extension: {@code .csv}, {@code .xml}, {@code .yaml}/{@code .yml}. */
    public static BargainingProblem parse(String file, byte[] bytes) {
        String lower = file.toLowerCase(Locale.ROOT);
        if (bytes.length > MAX_BYTES) {
            throw new ScenarioException(List.of(new Problem(
                    file,
                    0,
                    0,
                    "",
                    "file is " + bytes.length + " bytes, larger than the limit of " + MAX_BYTES + " bytes",
                    null)));
        }
        if (lower.endsWith(".csv")) {
            return KtabCsv.parse(file, bytes);
        }
        if (lower.endsWith(".xml")) {
            return KtabXml.parse(file, bytes);
        }
        if (lower.endsWith(".yaml") || lower.endsWith(".yml")) {
            return BargainingYaml.parse(file, bytes);
        }
        throw new ScenarioException(List.of(new Problem(
                file,
                0,
                0,
                "",
                "unknown input format (expected a file ending"
                        + " in .csv or .xml (KTAB's formats) or .yaml (Multivector's issue format))",
                null)));
    }

    /** UTF-8 text without a byte-order mark; NUL bytes and invalid UTF-8 are reported. */
    static String decode(String file, byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                throw new ScenarioException(List.of(new Problem(
                        file,
                        0,
                        0,
                        "",
                        "file contains a NUL byte at offset " + i + " (expected text, not a binary file)",
                        null)));
            }
        }
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new ScenarioException(List.of(
                    new Problem(file, 0, 0, "", "file is not valid UTF-8 text (" + e.getMessage() + ")", null)));
        }
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /** A value quoted in a message, cut to 60 characters. */
    static String shorten(String s) {
        String t = s.length() > 60 ? s.substring(0, 57) + "..." : s;
        StringBuilder b = new StringBuilder();
        for (char c : t.toCharArray()) {
            b.append(Character.isISOControl(c) ? '?' : c);
        }
        return b.toString();
    }
}
