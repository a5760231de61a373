package org.cadre.server.store;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import java.util.function.Supplier;

/**
 * Values read from the store, kept while the store's {@linkplain Database#changeStamp() change stamp}
 * stays the same: a value is served from memory only when no write has committed since it was read, by
 * any process. Read the stamp before loading, so a write racing the load makes the value stale, never
 * wrongly fresh.
 */
public final class StampedCache<K, V> {

    private record Entry<V>(long stamp, V value) {}

    private final Cache<K, Entry<V>> entries;

    /** A cache of at most {@code size} entries, the least recently used dropped first. */
    public StampedCache(int size) {
        this.entries = CacheBuilder.newBuilder().maximumSize(size).build();
    }

    /** The value kept for {@code key} at {@code stamp}, or the one {@code load} reads now (then kept). */
    public V get(K key, long stamp, Supplier<V> load) {
        Entry<V> kept = entries.getIfPresent(key);
        if (kept != null && kept.stamp() == stamp) {
            return kept.value();
        }
        V value = load.get();
        entries.put(key, new Entry<>(stamp, value));
        return value;
    }

    /** Replaces the value kept for {@code key} at {@code stamp}. */
    public void put(K key, long stamp, V value) {
        entries.put(key, new Entry<>(stamp, value));
    }

    public void forget(K key) {
        entries.invalidate(key);
    }

    /** Forgets everything kept. */
    public void clear() {
        entries.invalidateAll();
    }
}
