package org.multivector.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import org.multivector.engine.Trajectory;
import org.multivector.engine.Variable;

/**
 * Study directories on disk: written into a hidden sibling directory and renamed into place
 * ({@link #writeAtomically}), single files replaced atomically, and the tidy {@code results.csv} of a run
 * (one row per year × actor × variable, with run id, seed and scenario hash on every row). A killed write
 * leaves the previous directory or none, never a partial one.
 */
public final class RunDirectory {
    private RunDirectory() {}

    /** Writes files into a directory. */
    public interface Filler {
        void fill(Path dir) throws Exception;
    }

    /**
     * Creates {@code parent/name} atomically: the filler writes into a hidden sibling directory, which
     * is then renamed into place (replacing a previous directory of that name). If the filler fails,
     * the hidden directory is removed and nothing is left behind.
     */
    public static Path writeAtomically(Path parent, String name, Filler filler) {
        try {
            Files.createDirectories(parent);
            Path target = parent.resolve(name);
            Path tmp = newSibling(parent, "." + name + ".partial-");
            try {
                filler.fill(tmp);
            } catch (Exception e) {
                deleteTree(tmp);
                if (e instanceof RuntimeException re) {
                    throw re;
                }
                throw new IOException(e.getMessage(), e);
            }
            Path old = null;
            if (Files.exists(target)) {
                old = parent.resolve("." + name + ".old-" + Long.toUnsignedString(RANDOM.nextLong(), 36));
                move(target, old);
            }
            move(tmp, target);
            if (old != null) {
                deleteTree(old);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write results under " + parent + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes {@code file} atomically: a hidden temporary sibling, then renamed over it, so a reader
     * sees the old content or the new, never a partial file. Creates missing parent directories.
     */
    public static void writeFileAtomically(Path file, byte[] bytes) throws IOException {
        FileCheckpoints.writeDurably(file, bytes);
    }

    /** Writes a JSON file. */
    public static void writeJson(Path file, Object value) throws IOException {
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), value);
    }

    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    /**
     * A new empty directory {@code prefix<random>} in {@code parent}, created with the process's umask (unlike
     * {@link Files#createTempDirectory}, which makes it private to the owner).
     */
    private static Path newSibling(Path parent, String prefix) throws IOException {
        for (int attempt = 0; ; attempt++) {
            Path p = parent.resolve(prefix + Long.toUnsignedString(RANDOM.nextLong(), 36));
            try {
                return Files.createDirectory(p);
            } catch (java.nio.file.FileAlreadyExistsException e) {
                if (attempt > 100) {
                    throw e;
                }
            }
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    static void writeCsv(Path file, Trajectory t, String runId) throws IOException {
        List<Variable> vars = t.variables();
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("run_id,seed,scenario_hash,year,actor,variable,value\n");
            String prefix = csv(runId) + "," + t.seed() + "," + csv(t.scenarioHash()) + ",";
            for (int y = t.firstYear(); y <= t.lastYear(); y++) {
                for (int v = 0; v < vars.size(); v++) {
                    double x = t.value(y, v);
                    w.write(prefix);
                    w.write(Integer.toString(y));
                    w.write(',');
                    w.write(csv(vars.get(v).actor()));
                    w.write(',');
                    w.write(csv(vars.get(v).name()));
                    w.write(',');
                    if (!Double.isNaN(x)) {
                        w.write(Double.toString(x));
                    }
                    w.write('\n');
                }
            }
        }
    }

    public static String csv(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    public static void deleteTree(Path root) throws IOException {
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
