package org.multivector.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.BufferedWriter;
import java.io.IOException;
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
 * Study directories on disk: written into a hidden sibling directory and renamed into place ({@link Staged}),
 * single files replaced atomically, and the tidy {@code results.csv} of a run (one row per year × actor ×
 * variable, with run id, seed and scenario hash on every row). A killed write leaves the previous directory or
 * none, never a partial one.
 */
public final class RunDirectory {
    private RunDirectory() {}

    /** Writes files into a directory. */
    public interface Filler {
        void fill(Path dir) throws Exception;
    }

    /**
     * Creates {@code parent/name} atomically ({@link Staged}): the filler writes into a hidden sibling directory,
     * which is then renamed into place (replacing a previous directory of that name). If the filler fails, the
     * hidden directory is removed and nothing is left behind.
     */
    public static Path writeAtomically(Path parent, String name, Filler filler) {
        try (Staged s = Staged.begin(parent, name)) {
            fill(s, filler);
            s.markComplete();
            return s.commit();
        } catch (IOException e) {
            throw new org.multivector.model.StorageException(
                    "cannot write " + parent.resolve(name) + ": " + org.multivector.model.StorageException.describe(e),
                    "cannot write the results: " + org.multivector.model.StorageException.reason(e),
                    e);
        }
    }

    /** Runs the filler on the staged directory; a checked exception becomes an I/O exception naming the directory. */
    static void fill(Staged s, Filler filler) throws IOException {
        try {
            filler.fill(s.dir);
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /**
     * A study directory being written: a hidden sibling {@code .NAME.partial-T} filled first, and beside it a lock
     * file {@code .NAME.partial-T.lock} that this process holds locked from start to end (the operating system
     * releases the lock when a process dies, so a partial directory whose lock can be taken is a killed run's) and
     * into which {@link #markComplete} writes {@code complete} once every file is in. {@link #commit} renames the
     * directory into place (a previous directory of that name goes to {@code .NAME.old-T} first, then is removed).
     * {@link StudyDirectories} recovers what a kill at any moment leaves.
     */
    static final class Staged implements AutoCloseable {
        final Path parent;
        final String name;
        final String token;
        final Path dir;
        final Path lockFile;
        private final java.nio.channels.FileChannel channel;
        private boolean committed;

        private Staged(Path parent, String name, String token, java.nio.channels.FileChannel channel) {
            this.parent = parent;
            this.name = name;
            this.token = token;
            this.dir = partial(parent, name, token);
            this.lockFile = lockFile(parent, name, token);
            this.channel = channel;
        }

        /** Starts writing {@code parent/name}: the lock file, locked, then the empty partial directory. */
        static Staged begin(Path parent, String name) throws IOException {
            Files.createDirectories(parent);
            for (int attempt = 0; ; attempt++) {
                String token = Long.toUnsignedString(RANDOM.nextLong(), 36);
                java.nio.channels.FileChannel ch;
                try {
                    ch = java.nio.channels.FileChannel.open(
                            lockFile(parent, name, token),
                            java.nio.file.StandardOpenOption.CREATE_NEW,
                            java.nio.file.StandardOpenOption.WRITE);
                } catch (java.nio.file.FileAlreadyExistsException e) {
                    if (attempt > 100) {
                        throw e;
                    }
                    continue;
                }
                try {
                    ch.lock();
                    if (!Files.exists(lockFile(parent, name, token))) {
                        // removed by another process's recovery between its creation and our lock: start again
                        ch.close();
                        continue;
                    }
                    Staged s = new Staged(parent, name, token, ch);
                    Files.createDirectory(s.dir);
                    return s;
                } catch (IOException | RuntimeException e) {
                    ch.close();
                    Files.deleteIfExists(lockFile(parent, name, token));
                    throw e;
                }
            }
        }

        /** Records that every file is in the partial directory. */
        void markComplete() throws IOException {
            java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(COMPLETE);
            while (b.hasRemaining()) {
                channel.write(b);
            }
            channel.force(true);
        }

        /** Renames the partial directory into place, replacing a previous one of that name. */
        Path commit() throws IOException {
            Path target = parent.resolve(name);
            Path old = null;
            if (Files.exists(target, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                old = parent.resolve("." + name + ".old-" + token);
                move(target, old);
            }
            move(dir, target);
            committed = true;
            if (old != null) {
                deleteTree(old);
            }
            return target;
        }

        /** Removes the partial directory unless it was committed, then the lock file (releasing the lock). */
        @Override
        public void close() throws IOException {
            try {
                if (!committed && Files.exists(dir)) {
                    deleteTree(dir);
                }
            } finally {
                try {
                    Files.deleteIfExists(lockFile);
                } finally {
                    channel.close();
                }
            }
        }
    }

    static final byte[] COMPLETE = "complete\n".getBytes(StandardCharsets.US_ASCII);

    static Path partial(Path parent, String name, String token) {
        return parent.resolve("." + name + ".partial-" + token);
    }

    static Path lockFile(Path parent, String name, String token) {
        return parent.resolve("." + name + ".partial-" + token + ".lock");
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

    static void move(Path from, Path to) throws IOException {
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
