package org.cadre.server.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.cadre.server.app.Outcome.Refusal;
import org.junit.jupiter.api.Test;

/**
 * The bound on programme reports computed at once: each user's one after another (a few waiting, one more refused at
 * once), a few in all (one more waits for a turn, then is refused), and every turn given back however the report ends.
 */
class ReportGateTest {

    private static Outcome<String> report(ReportGate gate, String username) {
        return gate.run(username, () -> Outcome.done("report of " + username));
    }

    @Test
    void a_users_reports_are_computed_one_after_another_and_the_fifth_at_once_is_refused_while_another_user_gets_a_turn()
            throws Exception {
        // Turns enough for all: only the user's own order keeps their reports one at a time.
        ReportGate gate = new ReportGate(8, Duration.ofSeconds(30));
        AtomicBoolean released = new AtomicBoolean();
        AtomicBoolean overlapped = new AtomicBoolean();
        AtomicInteger computing = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        try (HeldReport first = HeldReport.of(gate, "donor")) {
            // The same user's next three (the other formats, a reload) wait behind the first rather than being refused.
            List<CompletableFuture<Outcome<String>>> waiting = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                waiting.add(HeldReport.async(() -> gate.run("donor", () -> {
                    overlapped.compareAndSet(false, !released.get());
                    mostAtOnce.accumulateAndGet(computing.incrementAndGet(), Math::max);
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    computing.decrementAndGet();
                    return Outcome.done("report of donor");
                })));
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (gate.asked("donor") < 4 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertThat(gate.asked("donor")).as("one under way, three waiting").isEqualTo(4);
            Outcome<String> fifth = report(gate, "donor");
            assertThat(fifth.refusal()).contains(Refusal.BUSY);
            assertThat(fifth.detail()).isEqualTo("You have 4 reports or duplicate searches under way or waiting already; ask again once they are answered.");
            assertThat(report(gate, "kz").get()).as("another user is not held up").isEqualTo("report of kz");

            released.set(true);
            assertThat(first.release().get()).isEqualTo("held report of donor");
            for (CompletableFuture<Outcome<String>> w : waiting) {
                assertThat(w.get(5, TimeUnit.SECONDS).get()).isEqualTo("report of donor");
            }
        }
        assertThat(overlapped).as("none began before the first was answered").isFalse();
        assertThat(mostAtOnce.get()).as("one of a user's reports computed at a time").isEqualTo(1);
        assertThat(gate.asked("donor")).isZero();
        assertThat(report(gate, "donor").get()).as("once answered, the user may ask again").isEqualTo("report of donor");
    }

    @Test
    void a_report_waiting_behind_the_same_users_earlier_one_is_refused_when_that_one_outlasts_the_wait() throws Exception {
        ReportGate gate = new ReportGate(2, Duration.ofMillis(200));
        try (HeldReport first = HeldReport.of(gate, "donor")) {
            Outcome<String> again = report(gate, "donor");
            assertThat(again.refusal()).contains(Refusal.BUSY);
            assertThat(again.detail()).isEqualTo("A report or duplicate search you asked for earlier is still being worked out; ask again once it is answered.");

            assertThat(first.release().get()).isEqualTo("held report of donor");
        }
        assertThat(report(gate, "donor").get()).isEqualTo("report of donor");
    }

    @Test
    void with_every_turn_taken_a_report_waits_and_is_refused_when_none_comes_and_served_when_one_does() throws Exception {
        ReportGate gate = new ReportGate(1, Duration.ofMillis(200));
        try (HeldReport first = HeldReport.of(gate, "kz")) {
            Outcome<String> waited = report(gate, "donor");
            assertThat(waited.refusal()).contains(Refusal.BUSY);
            assertThat(waited.detail()).isEqualTo("The server is working out as many reports and duplicate searches as it may at once; ask again in a few seconds.");

            ReportGate patient = new ReportGate(1, Duration.ofSeconds(30));
            try (HeldReport holder = HeldReport.of(patient, "kz")) {
                CompletableFuture<Outcome<String>> donor = HeldReport.async(() -> report(patient, "donor"));
                Thread.sleep(100);
                assertThat(donor).as("waiting for the turn").isNotDone();
                assertThat(holder.release().get()).isEqualTo("held report of kz");
                assertThat(donor.get(5, TimeUnit.SECONDS).get()).as("the turn given back within the wait").isEqualTo("report of donor");
            }
            assertThat(first.release().isDone()).isTrue();
        }
        assertThat(report(gate, "donor").get()).isEqualTo("report of donor");
    }

    /**
     * Turns go in the order asked: a reader asking again and again holds another user up by one report at most (the
     * re-check of session 16: with a report of 13 s and a wait of 10 s, one donor viewer kept every other reader refused).
     */
    @Test
    void turns_go_in_the_order_asked_so_a_user_asking_again_and_again_holds_another_up_by_one_report_at_most() throws Exception {
        ReportGate gate = new ReportGate(1, Duration.ofSeconds(30));
        List<String> served = java.util.Collections.synchronizedList(new ArrayList<>());
        try (HeldReport first = HeldReport.of(gate, "donor")) {
            CompletableFuture<Outcome<String>> other = HeldReport.async(() -> gate.run("kz", () -> {
                served.add("kz");
                return Outcome.done("report of kz");
            }));
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (gate.waitingForATurn() < 1 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertThat(gate.waitingForATurn()).as("kz waits for the turn").isEqualTo(1);
            CompletableFuture<Outcome<String>> again = HeldReport.async(() -> gate.run("donor", () -> {
                served.add("donor");
                return Outcome.done("report of donor");
            }));
            while (gate.asked("donor") < 2 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            first.release();
            assertThat(other.get(5, TimeUnit.SECONDS).get()).isEqualTo("report of kz");
            assertThat(again.get(5, TimeUnit.SECONDS).get()).isEqualTo("report of donor");
        }
        assertThat(served).containsExactly("kz", "donor");
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
        assertThat(gate.asked("kz")).isZero();
    }

    @Test
    void a_gate_lets_at_least_one_report_through_and_waits_no_negative_time() {
        assertThatThrownBy(() -> new ReportGate(0, Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReportGate(1, Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThat(report(ReportGate.forThisMachine(), "kz").get()).isEqualTo("report of kz");
    }
}
