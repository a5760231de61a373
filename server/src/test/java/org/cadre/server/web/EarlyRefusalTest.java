package org.cadre.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import org.cadre.server.store.Database;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A request refused before its body is read (too large for its route, a charset nobody knows, a
 * form without its page's token) is still answered while
 * the client is sending that body: the server reads the rest and drops it before it answers. Closing the connection
 * with the body half read made the kernel reset it, and the client, still sending, lost the answer it had earned
 * (CI's fuzz run: a sign-in of 533,379 bytes got no answer at all).
 */
class EarlyRefusalTest {

    private static final int TRIES = 30;
    private static Database db;
    private static Javalin app;

    @BeforeAll
    static void start() throws Exception {
        db = Database.sqlite(Files.createTempDirectory("cadre-early").resolve("cadre.db"));
        app = CadreApp.create(db).start("127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        app.stop();
        db.close();
    }

    @ParameterizedTest(name = "{0} {1} with {3} bytes of {2}")
    @CsvSource({
        "POST, /api/v1/session, application/json, 2000000, 413",
        "POST, /api/v1/session, text/csv, 533379, 413",
        "POST, /api/v1/people, application/json, 6000000, 413",
        "POST, /api/v1/people, application/json; charset=klingon, 2000000, 415",
        "PUT, /api/v1/events/tot-almaty-2023, application/json; charset=klingon, 2000000, 415",
        "POST, /api/v1/people, multipart/form-data; boundary=x, 1000000, 401",
        "POST, /events/tot-almaty-2023/import/check, multipart/form-data; boundary=x, 16000000, 400",
    })
    void a_large_body_refused_unread_still_gets_its_answer(String method, String path, String type, int bytes, int status)
            throws Exception {
        byte[] body = new byte[bytes];
        java.util.Arrays.fill(body, (byte) 'x');
        for (int i = 0; i < TRIES; i++) {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
                    .header("Content-Type", type).method(method, HttpRequest.BodyPublishers.ofByteArray(body)).build();
            HttpResponse<String> answer;
            try {
                // A client of its own each time: a fresh connection, as the fuzz run's retry had.
                answer = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
            } catch (java.io.IOException lost) {
                throw new AssertionError("try " + i + ": no answer (" + lost.getMessage() + ")", lost);
            }
            assertThat(answer.statusCode()).as("try %d: %s", i, answer.body()).isEqualTo(status);
            if (path.startsWith("/api/")) {
                assertThat(answer.body()).contains("\"status\":" + status);
            }
        }
    }
}
