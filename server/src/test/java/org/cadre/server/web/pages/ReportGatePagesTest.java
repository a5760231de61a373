package org.cadre.server.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.cadre.roster.demo.DemoRoster;
import org.cadre.server.app.Outcome;
import org.cadre.server.app.ReportGate;
import org.cadre.server.app.Settings;
import org.junit.jupiter.api.Test;

/**
 * A programme's report page while every turn to compute a report is taken: the page says the server is busy and
 * to try again (503, Retry-After), in the reader's language, and shows the report once a turn is free.
 */
class ReportGatePagesTest {

    /** Threads of their own for the held reports (the common pool may have a single thread, or none to spare). */
    private static final java.util.concurrent.ExecutorService THREADS = java.util.concurrent.Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "held-report");
        t.setDaemon(true);
        return t;
    });

    @Test
    void the_programme_report_page_says_busy_with_retry_after_while_every_turn_is_taken() throws Exception {
        ReportGate gate = new ReportGate(1, Duration.ofMillis(300));
        CountDownLatch release = new CountDownLatch(1);
        try (PageFixture server = new PageFixture(Settings.defaults().withReportGate(gate))) {
            CountDownLatch started = new CountDownLatch(1);
            CompletableFuture<Outcome<String>> other = CompletableFuture.supplyAsync(() -> gate.run("kz", () -> {
                started.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return Outcome.done("held");
            }), THREADS);
            assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
            PageClient c = new PageClient(server.base());
            assertThat(c.signIn("donor", PageFixture.PASSWORD).status()).isEqualTo(303);
            String page = "/programmes/" + DemoRoster.PROGRAMME.value() + "/reports?audience=donor";

            PageClient.Page busy = c.get(page);
            assertThat(busy.status()).isEqualTo(503);
            assertThat(busy.header("Retry-After")).contains("5");
            assertThat(busy.body()).contains("<title>Busy").contains("Try again in a few seconds.");
            c.post("/language", java.util.Map.of("lang", "ru", "back", "/"));
            PageClient.Page russian = c.get(page);
            assertThat(russian.status()).isEqualTo(503);
            assertThat(russian.body()).contains("Сервер занят").contains("Повторите через несколько секунд.");

            release.countDown();
            other.get(5, TimeUnit.SECONDS);
            assertThat(c.get(page).status()).isEqualTo(200);
        } finally {
            release.countDown();
        }
    }
}
