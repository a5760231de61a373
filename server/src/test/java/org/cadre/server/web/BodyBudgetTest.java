package org.cadre.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Bodies are admitted while the memory reading them may take fits the budget: one more waits, then is answered 503 with
 * Retry-After (never a 500 from memory run out); a request without a body is never held; a share is given back however
 * its request ended, a fault included.
 */
class BodyBudgetTest {

    private static final String KIB = "[" + "0,".repeat(511) + "0]"; // about 1 KiB of JSON

    private final CountDownLatch release = new CountDownLatch(1);
    private final CountDownLatch entered = new CountDownLatch(1);
    private Javalin app;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() {
        // Room for one 1 KiB JSON body (its share 48 KiB), not two, in each pool; a short wait. "Signed in": a header says so.
        BodyBudget budget = new BodyBudget(72 * 1024, 72 * 1024, Duration.ofMillis(300), request -> request.getHeader("X-Signed-In") != null);
        app = Javalin.create(config -> {
            config.jetty.modifyServletContextHandler(handler -> handler.addFilter(
                    new org.eclipse.jetty.ee10.servlet.FilterHolder(budget), "/*", java.util.EnumSet.of(jakarta.servlet.DispatcherType.REQUEST)));
            config.routes.post("/slow", ctx -> {
                ctx.body();
                entered.countDown();
                release.await(10, TimeUnit.SECONDS);
                ctx.result("slow");
            });
            config.routes.post("/fast", ctx -> ctx.result("fast " + ctx.body().length()));
            config.routes.post("/api/v1/session", ctx -> ctx.result("signed in"));
            config.routes.get("/fast", ctx -> ctx.result("read"));
            config.routes.post("/fail", ctx -> {
                throw new IllegalStateException("a fault while the body is read");
            });
        }).start("127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        release.countDown();
        app.stop();
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A request without a session that holds its budget until {@link #release} (its body read, its handler waiting). */
    private CompletableFuture<HttpResponse<String>> holdingTheBudget() throws InterruptedException {
        CompletableFuture<HttpResponse<String>> slow = CompletableFuture.supplyAsync(() -> {
            try {
                return post("/slow", KIB);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
        return slow;
    }

    private HttpResponse<String> postSignedIn(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path)).header("Content-Type", "application/json")
                .header("X-Signed-In", "yes").POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * A client without a live session who holds the budget of its kind (slow uploads, sent by anyone) makes only others
     * of its kind wait: a signed-in user's body is read meanwhile (the attacker's review: anonymous uploads held open made
     * a coordinator's import answer 503).
     */
    @Test
    void bodies_without_a_live_session_wait_apart_from_signed_in_users() throws Exception {
        CompletableFuture<HttpResponse<String>> slow = holdingTheBudget();

        assertThat(post("/fast", KIB).statusCode()).isEqualTo(503);
        assertThat(postSignedIn("/fast", KIB).statusCode()).isEqualTo(200);
        // Signing in never waits: no one holding the budget keeps users out.
        assertThat(post("/api/v1/session", "{\"username\": \"a\", \"password\": \"b\"}").body()).isEqualTo("signed in");

        release.countDown();
        assertThat(slow.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
    }

    @Test
    void a_body_beyond_the_budget_waits_then_is_answered_503_while_requests_without_a_body_pass() throws Exception {
        CompletableFuture<HttpResponse<String>> slow = holdingTheBudget();

        HttpResponse<String> busy = post("/fast", KIB);
        HttpResponse<String> read = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/fast")).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(busy.statusCode()).isEqualTo(503);
        assertThat(busy.headers().firstValue("Retry-After")).contains("5");
        assertThat(busy.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith(Problem.CONTENT_TYPE));
        assertThat(busy.body()).contains("The server is reading other large requests just now; nothing was done.");
        assertThat(read.statusCode()).isEqualTo(200);

        release.countDown();
        assertThat(slow.get(10, TimeUnit.SECONDS).body()).isEqualTo("slow");
        assertThat(post("/fast", KIB).body()).isEqualTo("fast " + KIB.length());
    }

    @Test
    void a_share_is_given_back_when_its_request_fails_and_a_body_larger_than_the_budget_runs_alone() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(post("/fail", KIB).statusCode()).isEqualTo(500);
        }
        assertThat(post("/fast", KIB).statusCode()).isEqualTo(200);
        // 64 KiB of JSON would take 3 MiB, more than the whole budget: it takes the whole, and runs.
        String large = "[" + "0,".repeat(32 * 1024 - 1) + "0]";
        assertThat(post("/fast", large).body()).isEqualTo("fast " + large.length());
    }

    @Test
    void a_roster_file_takes_a_smaller_share_of_its_length_than_json() {
        BodyBudget budget = new BodyBudget(1L << 30, 1L << 20, Duration.ZERO, request -> true);
        assertThat(budget.share(1024 * 1024, "text/csv; charset=utf-8")).isEqualTo(BodyBudget.FILE_FACTOR * 1024);
        assertThat(budget.share(1024 * 1024, "multipart/form-data; boundary=x")).isEqualTo(BodyBudget.FILE_FACTOR * 1024);
        assertThat(budget.share(1024 * 1024, "application/json")).isEqualTo(BodyBudget.TREE_FACTOR * 1024);
        assertThat(budget.share(1024 * 1024, null)).isEqualTo(BodyBudget.TREE_FACTOR * 1024);
        assertThat(budget.share(1, "application/json")).isEqualTo(1);
    }
}
