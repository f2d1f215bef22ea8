package org.multivector.study;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Checkpoints in memory, for tests of resumption without files. */
final class MemoryCheckpoints implements CheckpointStore {
    private final Map<String, byte[]> slots = new ConcurrentHashMap<>();
    /** Checkpoints written, by slot. */
    final Map<String, Integer> writes = new ConcurrentHashMap<>();

    @Override
    public Slot slot(String key) {
        return new Slot() {
            @Override
            public Optional<byte[]> read(long maxBytes) throws java.io.IOException {
                byte[] b = slots.get(key);
                if (b != null && b.length > maxBytes) {
                    throw new java.io.IOException(b.length + " bytes, more than " + maxBytes);
                }
                return Optional.ofNullable(b).map(byte[]::clone);
            }

            @Override
            public void write(byte[] bytes) {
                slots.put(key, bytes.clone());
                writes.merge(key, 1, Integer::sum);
            }

            @Override
            public void delete() {
                slots.remove(key);
            }

            @Override
            public String describe() {
                return "memory:" + key;
            }
        };
    }

    boolean isEmpty() {
        return slots.isEmpty();
    }
}
