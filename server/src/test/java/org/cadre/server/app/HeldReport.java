package org.cadre.server.app;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A report computed through a {@link ReportGate} that holds its turn until released, for tests of what others get
 * meanwhile: it runs on a thread of its own (the common pool may have one thread, or none to spare) and is under way
 * once {@link #of} returns.
 */
public final class HeldReport implements AutoCloseable {

    private static final ExecutorService THREADS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "held-report");
        t.setDaemon(true);
        return t;
    });

    private final CountDownLatch release = new CountDownLatch(1);
    private final CompletableFuture<Outcome<String>> answer;

    private HeldReport(ReportGate gate, String username) throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        answer = CompletableFuture.supplyAsync(() -> gate.run(username, () -> {
            started.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Outcome.done("held report of " + username);
        }), THREADS);
        if (!started.await(5, TimeUnit.SECONDS)) {
            throw new AssertionError("the held report got no turn in 5 s");
        }
    }

    /** A report of {@code username} under way through {@code gate}, holding its turn. */
    public static HeldReport of(ReportGate gate, String username) throws InterruptedException {
        return new HeldReport(gate, username);
    }

    /** Any other work on the same threads: a report that waits its turn, say. */
    static <T> CompletableFuture<T> async(java.util.function.Supplier<T> work) {
        return CompletableFuture.supplyAsync(work, THREADS);
    }

    /** Releases the turn and waits for the report's answer. */
    public Outcome<String> release() throws Exception {
        release.countDown();
        return answer.get(5, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        release.countDown();
    }
}
