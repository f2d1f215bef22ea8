package org.multivector.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import org.multivector.study.CheckpointStore;

/**
 * Checkpoints as hidden files next to the study directories: {@code DIR/.<key>.checkpoint}. A write goes to a
 * temporary sibling, every byte of it (a short write is continued, a full disk fails the write), is forced to
 * disk and renamed over the old one, so after a crash the file holds the previous checkpoint or the new one, whole.
 */
public final class FileCheckpoints implements CheckpointStore {
    /** Largest checkpoint read back: a bigger file is not one of ours. */
    static final long MAX_BYTES = 1L << 30;

    private final Path dir;
    private final boolean existed;

    public FileCheckpoints(Path dir) {
        this.dir = dir;
        this.existed = Files.exists(dir);
    }

    @Override
    public Slot slot(String key) {
        if (!key.matches("[A-Za-z0-9._-]{1,120}") || key.startsWith(".")) {
            throw new IllegalArgumentException("not a checkpoint key: '" + key + "'");
        }
        Path file = dir.resolve("." + key + ".checkpoint");
        return new Slot() {
            @Override
            public Optional<byte[]> read() throws IOException {
                if (!Files.isRegularFile(file)) {
                    return Optional.empty();
                }
                if (Files.size(file) > MAX_BYTES) {
                    throw new IOException(file + ": " + Files.size(file) + " bytes, not a checkpoint of this tool");
                }
                return Optional.of(Files.readAllBytes(file));
            }

            @Override
            public void write(byte[] bytes) throws IOException {
                writeDurably(file, bytes);
            }

            @Override
            public void delete() throws IOException {
                Files.deleteIfExists(file);
                removeIfCreatedAndEmpty();
            }

            @Override
            public String describe() {
                return file.toString();
            }
        };
    }

    /** The folder, if this store created it and nothing else is in it (a study that stopped on a user error). */
    private void removeIfCreatedAndEmpty() throws IOException {
        if (existed || !Files.isDirectory(dir)) {
            return;
        }
        try (var entries = Files.list(dir)) {
            if (entries.findAny().isEmpty()) {
                Files.deleteIfExists(dir);
            }
        }
    }

    /** Writes {@code file} whole or not at all: temporary sibling, every byte, fsync, rename. */
    static void writeDurably(Path file, byte[] bytes) throws IOException {
        Path abs = file.toAbsolutePath();
        Files.createDirectories(abs.getParent());
        Path tmp = abs.resolveSibling(abs.getFileName() + ".tmp");
        try {
            try (FileChannel ch = FileChannel.open(
                    tmp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
                ByteBuffer buf = ByteBuffer.wrap(bytes);
                while (buf.hasRemaining()) {
                    if (ch.write(buf) == 0 && buf.hasRemaining()) {
                        Thread.onSpinWait();
                    }
                }
                ch.force(true);
                if (ch.size() != bytes.length) {
                    throw new IOException(tmp + ": wrote " + ch.size() + " of " + bytes.length + " bytes");
                }
            }
            try {
                Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
