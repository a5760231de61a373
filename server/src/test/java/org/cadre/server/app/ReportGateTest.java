package org.cadre.server.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.cadre.server.app.Outcome.Refusal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The bound on programme reports computed at once: one per user (a second refused at once), a few in all (one more
 * waits for a turn, then is refused), and every turn given back however the report ends.
 */
class ReportGateTest {

    /** Threads of their own for the held reports (the common pool may have a single thread, or none to spare). */
    private static final java.util.concurrent.ExecutorService THREADS = java.util.concurrent.Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "held-report");
        t.setDaemon(true);
        return t;
    });

    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void releaseHeldReports() {
        release.countDown();
    }

    /** A report by {@code username} that holds its turn until the test releases it; answers once it has a turn. */
    private CompletableFuture<Outcome<String>> held(ReportGate gate, String username) throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        CompletableFuture<Outcome<String>> report = CompletableFuture.supplyAsync(() -> gate.run(username, () -> {
            started.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Outcome.done("report of " + username);
        }), THREADS);
        assertThat(started.await(5, TimeUnit.SECONDS)).as("the held report got its turn").isTrue();
        return report;
    }

    private static Outcome<String> report(ReportGate gate, String username) {
        return gate.run(username, () -> Outcome.done("report of " + username));
    }

    @Test
    void a_user_whose_last_report_is_under_way_is_refused_at_once_while_another_user_gets_a_turn() throws Exception {
        ReportGate gate = new ReportGate(2, Duration.ofSeconds(30));
        CompletableFuture<Outcome<String>> first = held(gate, "donor");

        long start = System.nanoTime();
        Outcome<String> again = report(gate, "donor");
        assertThat(again.refusal()).contains(Refusal.BUSY);
        assertThat(again.detail()).isEqualTo("A report you asked for is still being computed; ask again once it is answered.");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("refused without waiting for a turn").isLessThan(Duration.ofSeconds(5));
        assertThat(report(gate, "kz").get()).isEqualTo("report of kz");

        release.countDown();
        assertThat(first.get(5, TimeUnit.SECONDS).get()).isEqualTo("report of donor");
        assertThat(report(gate, "donor").get()).as("once answered, the user may ask again").isEqualTo("report of donor");
    }

    @Test
    void with_every_turn_taken_a_report_waits_and_is_refused_when_none_comes_and_served_when_one_does() throws Exception {
        ReportGate gate = new ReportGate(1, Duration.ofMillis(200));
        CompletableFuture<Outcome<String>> first = held(gate, "kz");

        Outcome<String> waited = report(gate, "donor");
        assertThat(waited.refusal()).contains(Refusal.BUSY);
        assertThat(waited.detail()).isEqualTo("The server is computing as many reports as it may at once; ask again in a few seconds.");

        ReportGate patient = new ReportGate(1, Duration.ofSeconds(30));
        CountDownLatch holding = new CountDownLatch(1);
        CompletableFuture<Outcome<String>> holder = CompletableFuture.supplyAsync(() -> patient.run("kz", () -> {
            holding.countDown();
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Outcome.done("report of kz");
        }), THREADS);
        assertThat(holding.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(report(patient, "donor").get()).as("the turn given back within the wait").isEqualTo("report of donor");
        assertThat(holder.get(5, TimeUnit.SECONDS).get()).isEqualTo("report of kz");

        release.countDown();
        assertThat(first.get(5, TimeUnit.SECONDS).isDone()).isTrue();
        assertThat(report(gate, "donor").get()).isEqualTo("report of donor");
    }

    @Test
    void a_report_that_fails_or_is_refused_gives_its_turn_and_its_user_back() {
        ReportGate gate = new ReportGate(1, Duration.ofMillis(100));
        assertThatThrownBy(() -> gate.run("kz", () -> {
            throw new IllegalStateException("the store failed");
        })).hasMessage("the store failed");
        assertThat(gate.<String>run("kz", () -> Outcome.refused(Refusal.NOT_FOUND, "There is no such programme that you can see."))
                .refusal()).contains(Refusal.NOT_FOUND);
        assertThat(report(gate, "kz").get()).isEqualTo("report of kz");
        assertThat(report(gate, "donor").get()).isEqualTo("report of donor");
    }

    @Test
    void a_gate_lets_at_least_one_report_through_and_waits_no_negative_time() {
        assertThatThrownBy(() -> new ReportGate(0, Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReportGate(1, Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThat(report(ReportGate.forThisMachine(), "kz").get()).isEqualTo("report of kz");
    }
}
