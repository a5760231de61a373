package org.cadre.server.store;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;
import org.jooq.DSLContext;

/**
 * Group commit for SQLite: small writes that wait for the write lock at the same moment are committed in
 * one transaction, so they share its work and its sync to disk (SQLite syncs the log once per commit, with
 * {@code synchronous=FULL}; one writer at a time).
 *
 * <p>Each write waits in a queue and then for this process's write lock. Whoever takes the lock while
 * their own write is still queued runs the queued writes, in the order they came, up to {@link #MAX_GROUP},
 * as one {@link Database#inTransaction} (one change stamp; the topics of all); the writers whose writes were
 * taken find them done when the lock comes to them, and one whose write is still queued commits the next
 * groups until its own is done. A write is answered only once its transaction has
 * committed, so an answered write survives a crash as before, and one not yet answered may or may not
 * have been committed, as before.
 *
 * <p>If the shared transaction fails for any reason (one write's error, a full disk, a lost lock), it is
 * rolled back whole and each of its writes is run again alone, in order, in its own transaction: every
 * write ends as it would have without grouping (the one at fault fails with its own error; the others
 * commit). A write's work may therefore run twice; it must do nothing outside its transaction but compute
 * its result.
 */
final class GroupCommit {

    /** The most writes committed together: bounds how long one transaction holds the lock. */
    static final int MAX_GROUP = 64;

    private final Database db;
    private final ConcurrentLinkedQueue<Write<?>> queue = new ConcurrentLinkedQueue<>();

    GroupCommit(Database db) {
        this.db = db;
    }

    /** Runs {@code work} in a transaction shared with the writes waiting beside it; its result once committed. */
    <T> T run(Function<DSLContext, T> work) {
        Write<T> write = new Write<>(work);
        queue.add(write);
        try {
            db.oneWriterAtATime(() -> {
                // With the lock held, no other writer is running a group: this write is done or still queued
                // (behind at most the writes queued before it).
                while (!write.isDone()) {
                    commitWaiting();
                }
                return null;
            });
        } catch (RuntimeException lockNotTaken) {
            // No lock within the busy timeout (or interrupted): the write fails if it is still queued; if a
            // writer has taken it already, it ends as that writer's transaction does.
            if (queue.remove(write)) {
                throw lockNotTaken;
            }
        }
        return write.result();
    }

    /** How many writes wait in the queue now (for tests). */
    int waiting() {
        return queue.size();
    }

    /** With the write lock held: commits the writes queued now, up to {@link #MAX_GROUP}, in order. */
    private void commitWaiting() {
        List<Write<?>> group = new ArrayList<>();
        for (Write<?> w; group.size() < MAX_GROUP && (w = queue.poll()) != null; ) {
            group.add(w);
        }
        if (group.isEmpty()) {
            return;
        }
        if (group.size() > 1) {
            boolean[] committed = new boolean[1];
            try {
                List<Object> results = db.inTransaction(tx -> {
                    List<Object> done = new ArrayList<>(group.size());
                    for (Write<?> w : group) {
                        done.add(w.work.apply(tx));
                    }
                    return done;
                }, committed);
                for (int i = 0; i < group.size(); i++) {
                    group.get(i).succeed(results.get(i));
                }
                return;
            } catch (RuntimeException | Error sharedFailed) {
                if (committed[0]) {
                    // Committed, then failed on the way out: each write fails as it would have alone; none runs twice.
                    group.forEach(w -> w.fail(sharedFailed));
                    return;
                }
                // Rolled back whole: each write again on its own, below.
            }
        }
        for (Write<?> w : group) {
            try {
                w.succeed(db.inTransaction(w.work));
            } catch (RuntimeException | Error e) {
                w.fail(e);
            }
        }
    }

    /** One write waiting to be committed: its work, then its result or its failure. */
    private static final class Write<T> {
        private final Function<DSLContext, T> work;
        private final CountDownLatch done = new CountDownLatch(1);
        private Object result;
        private Throwable failure;

        Write(Function<DSLContext, T> work) {
            this.work = work;
        }

        boolean isDone() {
            return done.getCount() == 0;
        }

        void succeed(Object value) {
            result = value;
            done.countDown();
        }

        void fail(Throwable e) {
            failure = e;
            done.countDown();
        }

        /** The result, once committed (waits for the writer that took it); the write's own failure rethrown. */
        @SuppressWarnings("unchecked")
        T result() {
            try {
                done.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new org.jooq.exception.DataAccessException("interrupted while waiting for a write to commit", e);
            }
            if (failure instanceof RuntimeException r) {
                throw r;
            }
            if (failure instanceof Error e) {
                throw e;
            }
            return (T) result;
        }
    }
}
