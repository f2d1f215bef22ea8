package org.multivector.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;

/**
 * Reads an input file a user names (scenario, overlay, bargaining issue, observed patterns, posterior, episodes)
 * the one careful way: it must be a regular file — a directory, FIFO, device or socket is refused from its
 * attributes, never opened, so a FIFO cannot hang the reader and {@code /dev/zero} cannot fill the heap — of at most
 * a given size, and it is read no further than that even if it grows meanwhile. Every refusal is a located problem
 * ({@code file: message}, exit 2).
 */
public final class InputFile {
    private InputFile() {}

    /**
     * The bytes of {@code path}.
     *
     * @param max the largest size accepted, in bytes
     * @param what what the file should be, for messages ("a scenario YAML file")
     * @param missing the message for a file that does not exist (null: "no such file (expected WHAT)")
     */
    public static byte[] read(Path path, long max, String what, String missing) {
        String file = path.toString();
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(path, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            throw problem(file, missing != null ? missing : "no such file (expected " + what + ")");
        } catch (IOException e) {
            throw problem(file, "cannot be read: " + reason(e) + " (expected " + what + ")");
        }
        if (a.isDirectory()) {
            throw problem(file, "is a directory (expected " + what + ")");
        }
        if (!a.isRegularFile()) {
            throw problem(file, "is a FIFO, device or socket, not a regular file (expected " + what + ")");
        }
        if (a.size() > max) {
            throw problem(
                    file,
                    "file is " + a.size() + " bytes, larger than the limit of " + max + " bytes (expected " + what
                            + ")");
        }
        try (InputStream in = Files.newInputStream(path)) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
            if (bytes.length > max) {
                throw problem(file, "grew beyond the limit of " + max + " bytes while being read");
            }
            return bytes;
        } catch (IOException e) {
            throw problem(file, "cannot be read: " + reason(e));
        }
    }

    /** The bytes of {@code path}, with the default message for a missing file. */
    public static byte[] read(Path path, long max, String what) {
        return read(path, max, what, null);
    }

    private static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return String.valueOf(e.getMessage());
    }

    private static ScenarioException problem(String file, String message) {
        return new ScenarioException(List.of(new Problem(file, 0, 0, "", message, null)));
    }
}
