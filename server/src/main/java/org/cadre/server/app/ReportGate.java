package org.cadre.server.app;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.cadre.server.app.Outcome.Refusal;

/**
 * How many costly requests the process works out at once, and for whom: programme reports and the duplicate search. A
 * programme report loads every event of the programme and runs the disclosure audit over all its tables (over a second
 * for a programme of 20,000 events, seconds to tens of seconds for ten events of many small groups); the duplicate
 * search compares every person in the user's scope (seconds where thousands share a name). Without a bound a few
 * users asking again and again, or one asking many times at once, would keep every core busy and slow every other
 * request. Each user's are worked out one after another: a second asked while the first is under way (a report's four
 * formats at once, a page reloaded while its report is still being computed) waits for it, and at most
 * {@value #MOST_ASKED} of one user's are under way or waiting at a time (one more is refused at once, costing nothing).
 * All users together work out at most {@code atOnce}. One waits up to {@code wait} in all for its turn, then is refused.
 * Every refusal is {@link Refusal#BUSY}: ask again in a few seconds. The bound is the process's: each server instance has
 * its own, as it has its own processors.
 */
public final class ReportGate {

    /** What a refused request says. */
    static final String YOURS_UNDER_WAY = "A report or duplicate search you asked for earlier is still being worked out; ask again "
            + "once it is answered.";
    static final String TOO_MANY_OF_YOURS = "You have " + ReportGate.MOST_ASKED + " reports or duplicate searches under way or "
            + "waiting already; ask again once they are answered.";
    static final String ALL_BUSY = "The server is working out as many reports and duplicate searches as it may at once; ask again "
            + "in a few seconds.";

    /** How many seconds a report refused for want of a turn is told to wait before asking again (Retry-After), in every door. */
    public static final int RETRY_AFTER_SECONDS = 5;

    /** The most reports of one user under way or waiting at a time: one being computed, the others waiting behind it. */
    public static final int MOST_ASKED = 4;

    private final Semaphore turns;
    private final Duration wait;
    /** Each user's reports under way or waiting, one computed at a time; a user's entry goes when the last is answered. */
    private final Map<String, Lane> lanes = new ConcurrentHashMap<>();

    /** One user's reports: one computed at a time, {@code asked} under way or waiting (changed only in the map's compute). */
    private static final class Lane {
        final Semaphore one = new Semaphore(1, true);
        int asked;
    }

    /**
     * How long a report waits for a turn by default: longer than most reports take (a wait of 10 s let one reader asking
     * again and again keep everyone else's reports refused: the re-check of session 16). Turns go in the order asked, so
     * such a reader holds others up by one report at most. The slowest measured since, a public report of six events of 40
     * people from 20 agencies each, takes 35 s on 2 cores (session 17), longer than this wait.
     */
    public static final Duration WAIT = Duration.ofSeconds(30);

    /**
     * A gate letting {@code atOnce} reports be computed at once, a report waiting up to {@code wait} for its turn.
     *
     * @param atOnce how many reports at once, at least 1
     * @param wait how long a report waits for a turn, not negative
     */
    public ReportGate(int atOnce, Duration wait) {
        if (atOnce < 1) {
            throw new IllegalArgumentException("at least one report must be computed at once: " + atOnce);
        }
        if (wait.isNegative()) {
            throw new IllegalArgumentException("a report cannot wait a negative time: " + wait);
        }
        this.turns = new Semaphore(atOnce, true);
        this.wait = wait;
    }

    /**
     * Half this machine's processors at once (at least one), so that reports leave the rest to every other request,
     * waiting up to {@link #WAIT}.
     *
     * @return the gate
     */
    public static ReportGate forThisMachine() {
        return new ReportGate(Math.max(1, Runtime.getRuntime().availableProcessors() / 2), WAIT);
    }

    /**
     * The report {@code work} computes for {@code username} once that user's earlier reports are answered and a turn is
     * free, or {@link Refusal#BUSY} when the user has {@value #MOST_ASKED} under way or waiting already, or no turn came
     * in time.
     *
     * @param username the user asking
     * @param work the report
     * @param <T> what the report is
     * @return the report's outcome, or the refusal
     */
    public <T> Outcome<T> run(String username, Supplier<Outcome<T>> work) {
        int[] place = new int[1];
        Lane lane = lanes.compute(username, (k, l) -> {
            Lane mine = l == null ? new Lane() : l;
            place[0] = ++mine.asked;
            return mine;
        });
        try {
            if (place[0] > MOST_ASKED) {
                return Outcome.refused(Refusal.BUSY, TOO_MANY_OF_YOURS, List.of());
            }
            long deadline = System.nanoTime() + wait.toNanos();
            if (!lane.one.tryAcquire(wait.toNanos(), TimeUnit.NANOSECONDS)) {
                return Outcome.refused(Refusal.BUSY, YOURS_UNDER_WAY, List.of());
            }
            try {
                if (!turns.tryAcquire(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                    return Outcome.refused(Refusal.BUSY, ALL_BUSY, List.of());
                }
                try {
                    return work.get();
                } finally {
                    turns.release();
                }
            } finally {
                lane.one.release();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.refused(Refusal.BUSY, ALL_BUSY, List.of());
        } finally {
            lanes.computeIfPresent(username, (k, l) -> --l.asked == 0 ? null : l);
        }
    }

    /** How many of the user's reports are under way or waiting. */
    int asked(String username) {
        int[] asked = new int[1];
        lanes.computeIfPresent(username, (k, l) -> {
            asked[0] = l.asked; // read where it is written: in the map's compute
            return l;
        });
        return asked[0];
    }

    /** How many reports wait for a turn (an estimate, as the semaphore gives it). */
    int waitingForATurn() {
        return turns.getQueueLength();
    }
}
