package org.multivector.server;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/** Caches of a long-lived server that keep at most a fixed number of entries, the least recently used dropped. */
final class Bounded {
    private Bounded() {}

    /** A synchronized access-ordered map of at most {@code size} entries. */
    static <K, V> Map<K, V> map(int size) {
        return Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > size;
            }
        });
    }

    /**
     * The value of {@code key}, computed outside the map's lock when absent (so a slow computation does not block
     * readers of other keys; two threads may compute the same value once each).
     */
    static <K, V> V computeIfAbsent(Map<K, V> map, K key, Function<K, V> compute) {
        V v = map.get(key);
        if (v == null) {
            v = compute.apply(key);
            map.put(key, v);
        }
        return v;
    }
}
