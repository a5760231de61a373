package org.cadre.roster.names;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The remembered values of a pure function, shared by every thread of the process and bounded: when it
 * holds {@code most} values it forgets them all and starts again. A read is one look-up in a concurrent
 * map, without the bookkeeping of a cache that orders its entries by use (for the name keys of 10,000
 * people that bookkeeping cost more than the look-ups); forgetting everything at once is crude, but a
 * value forgotten is only worked out again, and a server's rosters hold far fewer distinct names than
 * the bound. Threads asking for the same key at once get the same value (the first stored), so equal
 * inputs share one result, except across a forgetting: a value worked out before it and stored after it
 * is a second, equal value. It changes no result and reads no clock.
 *
 * @param <K> the input
 * @param <V> the value worked out from it
 */
final class Memo<K, V> {

    private final ConcurrentHashMap<K, V> values = new ConcurrentHashMap<>();
    private final int most;
    private final Function<K, V> function;

    Memo(int most, Function<K, V> function) {
        this.most = most;
        this.function = function;
    }

    V get(K key) {
        V known = values.get(key);
        if (known != null) {
            return known;
        }
        V worked = function.apply(key);
        if (values.size() >= most) {
            values.clear();
        }
        V first = values.putIfAbsent(key, worked);
        return first != null ? first : worked;
    }

    /** Forgets every value. */
    void clear() {
        values.clear();
    }

    /** {@return how many values are remembered now} */
    int size() {
        return values.size();
    }
}
