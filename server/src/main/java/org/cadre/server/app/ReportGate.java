package org.cadre.server.app;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.cadre.server.app.Outcome.Refusal;

/**
 * How many programme reports the process computes at once, and for whom. A programme report loads every
 * event of the programme and runs the disclosure audit over all its tables (over a second for a programme of
 * 20,000 events), so without a bound a few readers asking again and again, or one reader asking many
 * times at once, would keep every core busy and slow every other request. Each user computes one report at a
 * time: a second asked while the first is under way is refused at once, costing nothing. All users together
 * compute at most {@code atOnce} reports; one more waits up to {@code wait} for a turn, then is refused. Both
 * refusals are {@link Refusal#BUSY}: ask again in a few seconds. The bound is the process's: each server instance
 * has its own, as it has its own processors.
 */
public final class ReportGate {

    /** What a refused report says. */
    static final String YOURS_UNDER_WAY = "A report you asked for is still being computed; ask again once it is answered.";
    static final String ALL_BUSY = "The server is computing as many reports as it may at once; ask again in a few seconds.";

    private final Semaphore turns;
    private final Duration wait;
    private final Set<String> computing = ConcurrentHashMap.newKeySet();

    /** How long a report waits for a turn by default: longer than a report of a large programme takes. */
    public static final Duration WAIT = Duration.ofSeconds(10);

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
     * The report {@code work} computes for {@code username}, or {@link Refusal#BUSY} when that user's last report is
     * still under way or no turn came in time.
     *
     * @param username the user asking
     * @param work the report
     * @param <T> what the report is
     * @return the report's outcome, or the refusal
     */
    public <T> Outcome<T> run(String username, Supplier<Outcome<T>> work) {
        if (!computing.add(username)) {
            return Outcome.refused(Refusal.BUSY, YOURS_UNDER_WAY, List.of());
        }
        try {
            if (!turns.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                return Outcome.refused(Refusal.BUSY, ALL_BUSY, List.of());
            }
            try {
                return work.get();
            } finally {
                turns.release();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.refused(Refusal.BUSY, ALL_BUSY, List.of());
        } finally {
            computing.remove(username);
        }
    }
}
