package org.cadre.server.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * Keeps this process's read caches current with the store, whoever writes to it. Every committed write
 * transaction moves the change stamp by one and logs the {@linkplain Topic topics} it changed under its
 * stamp (V15__change_log_login_attempts.sql). {@link #sync()} reads the stamp (one small query); when it
 * moved, the topics of the stamps missed are gathered and given to every subscribed cache, which forgets
 * only what they name.
 *
 * <p>The topics come from what this process heard first: its own commits, and on PostgreSQL the
 * {@code NOTIFY} every commit sends to every instance ({@link Database#postgres}). Only when something
 * between the last stamp applied and the one read was not heard (a listening connection that died, a
 * write by a process that does not notify, a gap after a restart) are they read from the change log: the
 * stamp is the safety net, the notifications save the query.
 */
public final class Changes {

    /** Stamps further behind than this are not looked up one by one: everything is forgotten instead. */
    private static final long MAX_GAP = 10_000;

    /** How many heard stamps are kept ahead of the one applied. */
    private static final int MAX_HEARD = 50_000;

    private static final String READ_STAMPS = "SELECT id, stamp FROM change_stamp";
    private static final String READ_LOG = "SELECT stamp, topics FROM change_log WHERE stamp > ? AND stamp <= ?";

    private final DataSource pool;
    private final List<Consumer<Set<Topic>>> caches = new CopyOnWriteArrayList<>();
    private final ConcurrentSkipListMap<Long, List<String>> heard = new ConcurrentSkipListMap<>();
    private final AtomicLong fromHeard = new AtomicLong();
    private final AtomicLong fromLog = new AtomicLong();
    private final AtomicLong forgotAll = new AtomicLong();
    private long applied;

    Changes(DataSource pool) {
        this.pool = pool;
        this.applied = stamps()[0];
    }

    /** How this process learned what changed so far: for tests and the health endpoint. */
    public record Counts(long fromHeard, long fromLog, long forgotAll) {}

    public Counts counts() {
        return new Counts(fromHeard.get(), fromLog.get(), forgotAll.get());
    }

    /** Gives the cache the topics of every change from now on; "anything" comes as {@link Topic#ALL}. */
    public void subscribe(Consumer<Set<Topic>> forget) {
        caches.add(forget);
    }

    /**
     * Brings the caches up to the store's stamp now: when this returns, nothing they hold was changed by
     * a write committed before it was called. Read caches call it before reading.
     */
    public void sync() {
        long[] s = stamps();
        catchUp(s[0], s[1]);
    }

    /** A stamp's topics, heard from this process's own commit or a notification. */
    void heard(long stamp, List<String> topics) {
        if (heard.size() >= MAX_HEARD) {
            heard.pollFirstEntry(); // the gap it leaves is read from the log if ever needed
        }
        heard.put(stamp, topics);
    }

    /** A notification's payload: the stamp, then its topics, separated by spaces. */
    void heard(String payload) {
        String[] parts = payload.split(" ");
        try {
            heard(Long.parseLong(parts[0]), List.of(parts).subList(1, parts.length));
        } catch (NumberFormatException e) {
            // Not one of ours: nothing to learn from it; the stamp still tells whether anything changed.
        }
    }

    static String payload(long stamp, List<String> topics) {
        return stamp + (topics.isEmpty() ? "" : " " + String.join(" ", topics));
    }

    private synchronized void catchUp(long stamp, long keptFrom) {
        if (stamp <= applied) {
            return;
        }
        Set<Topic> topics = new HashSet<>();
        boolean complete = stamp - applied <= MAX_GAP;
        for (long k = applied + 1; complete && k <= stamp; k++) {
            List<String> t = heard.get(k);
            if (t == null) {
                complete = false;
            } else {
                t.forEach(name -> topics.add(new Topic(name)));
            }
        }
        if (complete) {
            fromHeard.incrementAndGet();
        } else if (stamp - applied > MAX_GAP || applied + 1 < keptFrom) {
            topics.clear();
            topics.add(Topic.ALL);
        } else {
            topics.clear();
            topics.addAll(logged(applied, stamp));
            fromLog.incrementAndGet();
        }
        if (topics.contains(Topic.ALL)) {
            forgotAll.incrementAndGet();
            topics.retainAll(Set.of(Topic.ALL));
        }
        if (!topics.isEmpty()) {
            Set<Topic> given = Set.copyOf(topics);
            caches.forEach(c -> c.accept(given));
        }
        applied = stamp;
        heard.headMap(stamp, true).clear();
    }

    /** The current stamp and the lowest stamp whose topics are still logged. */
    private long[] stamps() {
        long[] s = new long[2];
        try (Connection c = pool.getConnection(); PreparedStatement read = c.prepareStatement(READ_STAMPS); ResultSet r = read.executeQuery()) {
            while (r.next()) {
                s[r.getInt(1) - 1] = r.getLong(2);
            }
            return s;
        } catch (SQLException e) {
            throw new org.jooq.exception.DataAccessException("reading the change stamp: " + e.getMessage(), e);
        }
    }

    private Set<Topic> logged(long after, long upTo) {
        Set<Topic> found = new HashSet<>();
        try (Connection c = pool.getConnection(); PreparedStatement read = c.prepareStatement(READ_LOG)) {
            read.setLong(1, after);
            read.setLong(2, upTo);
            try (ResultSet r = read.executeQuery()) {
                while (r.next()) {
                    for (String name : r.getString(2).split(" ")) {
                        if (!name.isEmpty()) {
                            found.add(new Topic(name));
                        }
                    }
                }
            }
            return found;
        } catch (SQLException e) {
            throw new org.jooq.exception.DataAccessException("reading the change log: " + e.getMessage(), e);
        }
    }
}
