package org.cadre.server.store;

import com.google.common.collect.HashMultimap;
import com.google.common.collect.SetMultimap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Values read from the store, each kept until a write changes one of the {@linkplain Topic topics} it was
 * read from (an event's roster until that event or one of its people changes; a session until it ends or
 * its user changes), by this process or any other (see {@link Changes}). Call {@link Changes#sync()}
 * before {@link #get}, so the cache is current when it is read.
 *
 * <p>A value loaded while a change was being forgotten is given to its caller but not kept: it may have
 * been read before that change committed. At most {@code size} values are kept, the least recently used
 * dropped first.
 */
public final class TopicCache<K, V> {

    /** A value as loaded, with the topics whose change makes it stale. */
    public record Loaded<V>(V value, Set<Topic> topics) {
        public Loaded {
            topics = Set.copyOf(topics);
        }
    }

    private record Entry<V>(V value, Set<Topic> topics) {}

    private final Map<K, Entry<V>> entries;
    private final SetMultimap<Topic, K> byTopic = HashMultimap.create();
    private long generation;

    /** A cache of at most {@code size} values, forgetting what {@code changes} reports. */
    public TopicCache(Changes changes, int size) {
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, Entry<V>> eldest) {
                if (size() <= size) {
                    return false;
                }
                eldest.getValue().topics().forEach(t -> byTopic.remove(t, eldest.getKey()));
                return true;
            }
        };
        changes.subscribe(this::forget);
    }

    /** A load under way, and the generation it began in. */
    private record Flight<V>(long generation, java.util.concurrent.CompletableFuture<Loaded<V>> result) {}

    private final Map<K, Flight<V>> flights = new java.util.HashMap<>();

    /**
     * The value kept for {@code key}, or the one {@code load} reads now (kept unless a change came meanwhile).
     * Callers that miss while another's load of the same key is under way, and nothing was forgotten since
     * it began, wait for that load instead of reading the same rows again (after a write, all of a busy
     * roster's readers would otherwise miss and read it at once).
     */
    public V get(K key, Function<K, Loaded<V>> load) {
        Flight<V> mine;
        Flight<V> theirs = null;
        synchronized (this) {
            Entry<V> kept = entries.get(key);
            if (kept != null) {
                return kept.value();
            }
            Flight<V> under = flights.get(key);
            if (under != null && under.generation() == generation) {
                theirs = under;
                mine = null;
            } else {
                mine = new Flight<>(generation, new java.util.concurrent.CompletableFuture<>());
                flights.put(key, mine);
            }
        }
        if (theirs != null) {
            try {
                return theirs.result().join().value();
            } catch (java.util.concurrent.CompletionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
        }
        Loaded<V> loaded;
        try {
            loaded = load.apply(key);
        } catch (RuntimeException e) {
            synchronized (this) {
                flights.remove(key, mine);
            }
            mine.result().completeExceptionally(e);
            throw e;
        }
        synchronized (this) {
            flights.remove(key, mine);
            if (generation == mine.generation()) {
                keep(key, new Entry<>(loaded.value(), loaded.topics()));
            }
        }
        mine.result().complete(loaded);
        return loaded.value();
    }

    /** The value kept for {@code key}, if any. */
    public synchronized Optional<V> kept(K key) {
        return Optional.ofNullable(entries.get(key)).map(Entry::value);
    }

    /** Replaces a kept value (one newly written through this process), keeping the topics it was read from. */
    public synchronized void replace(K key, V value) {
        Entry<V> kept = entries.get(key);
        if (kept != null) {
            entries.put(key, new Entry<>(value, kept.topics()));
        }
    }

    public synchronized void forget(K key) {
        Entry<V> gone = entries.remove(key);
        if (gone != null) {
            gone.topics().forEach(t -> byTopic.remove(t, key));
        }
        generation++;
    }

    /** Forgets every value read from any of these topics (every value, for {@link Topic#ALL}). */
    synchronized void forget(Set<Topic> changed) {
        generation++;
        if (changed.contains(Topic.ALL)) {
            entries.clear();
            byTopic.clear();
            return;
        }
        for (Topic t : changed) {
            for (K key : byTopic.removeAll(t)) {
                Entry<V> gone = entries.remove(key);
                if (gone != null) {
                    gone.topics().forEach(other -> byTopic.remove(other, key));
                }
            }
        }
    }

    /** How many values are kept. */
    public synchronized int size() {
        return entries.size();
    }

    private void keep(K key, Entry<V> entry) {
        Entry<V> old = entries.put(key, entry);
        if (old != null) {
            old.topics().forEach(t -> byTopic.remove(t, key));
        }
        entry.topics().forEach(t -> byTopic.put(t, key));
    }
}
