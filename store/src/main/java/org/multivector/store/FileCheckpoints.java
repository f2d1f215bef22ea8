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
    /** Largest checkpoint read back at all (a Java array's limit, less a margin); each study asks for less. */
    static final long MAX_BYTES = Integer.MAX_VALUE - 64;

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
            public Optional<byte[]> read(long maxBytes) throws IOException {
                return readBounded(file, maxBytes);
            }

            @Override
            public void write(byte[] bytes) {
                try {
                    writeDurably(file, bytes);
                } catch (IOException e) {
                    throw new org.multivector.model.StorageException(
                            "cannot write the checkpoint " + file + ": " + reasonWithPath(e)
                                    + " (the previous checkpoint, if any, is kept)",
                            "cannot write the study's checkpoint: " + org.multivector.model.StorageException.reason(e),
                            e);
                }
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

    /**
     * The checkpoint's bytes, if there is one: a regular file (a FIFO, device, directory or a link to one is
     * refused at once, never opened) of at most {@code maxBytes} (and {@link #MAX_BYTES}), read no further than that
     * even if it grows.
     */
    static Optional<byte[]> readBounded(Path file, long maxBytes) throws IOException {
        long max = Math.min(maxBytes, MAX_BYTES);
        java.nio.file.attribute.BasicFileAttributes a;
        try {
            a = Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class);
        } catch (java.nio.file.NoSuchFileException e) {
            return Optional.empty();
        }
        if (!a.isRegularFile()) {
            throw new IOException("not a regular file (a checkpoint is one this tool wrote)");
        }
        if (a.size() > max) {
            throw new IOException(a.size() + " bytes, more than this study's checkpoint holds (" + max + ")");
        }
        try (var in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes((int) max + 1);
            if (bytes.length > max) {
                throw new IOException("grew beyond " + max + " bytes while being read");
            }
            return Optional.of(bytes);
        }
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

    /** An I/O failure with its path; "No space left on device" carries none, so the file is named by the caller. */
    private static String reasonWithPath(IOException e) {
        return e instanceof java.nio.file.FileSystemException
                ? org.multivector.model.StorageException.describe(e)
                : org.multivector.model.StorageException.reason(e);
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
