package org.cadre.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableSortedSet;
import io.javalin.Javalin;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.cadre.roster.Country;
import org.cadre.roster.Person;
import org.cadre.server.store.DemoData;
import org.cadre.server.security.Passwords;
import org.cadre.server.store.AuditLog;
import org.cadre.server.store.Database;
import org.cadre.server.store.People;
import org.cadre.server.security.UserAccount;
import org.cadre.server.store.Users;
import org.junit.jupiter.api.Test;

/**
 * A participant's name never reaches the logs or an error body, whatever a client sends. Every log line
 * of every logger and level is captured ({@link LogCapture}), so a line that is off by default is held
 * to the same rule.
 */
class CanaryTest {

    private static final String CANARY = "Zyzzyva Canaryname";

    @Test
    void a_canary_participant_name_appears_in_no_log_line_and_no_error_body() throws Exception {
        List<String> errorBodies = new java.util.ArrayList<>();
        List<String> logs;
        Path data = Files.createTempDirectory("cadre-canary").resolve("cadre.db");
        try (Database db = Database.sqlite(data); LogCapture capture = new LogCapture()) {
            AuditLog audit = new AuditLog(Clock.systemUTC());
            DemoData.load(db, audit);
            new People(db, audit).add(Person.builder("p-canary", Country.KAZAKHSTAN).latinName(CANARY).build(), "setup");
            new Users(db, audit).add(new UserAccount("kz", Passwords.hash("kz password".toCharArray(), 1_000), UserAccount.Role.COORDINATOR,
                    ImmutableSortedSet.of(Country.KAZAKHSTAN), ImmutableSortedSet.of(), false), "setup");
            Javalin app = CadreApp.create(db).start("127.0.0.1", 0);
            try {
                ApiClient api = new ApiClient(app.port());
                String token = api.login("kz", "kz password");
                String encoded = URLEncoder.encode(CANARY, StandardCharsets.UTF_8);
                for (String path : List.of("/api/v1/events/tot-almaty-2023/report", "/api/v1/events/" + encoded + "/report",
                        "/api/v1/events/tot-almaty-2023/report?audience=" + encoded, "/api/v1/people/p-canary",
                        "/api/v1/people?q=" + encoded)) {
                    var response = api.send("GET", path, token, null);
                    if (response.statusCode() >= 400) {
                        errorBodies.add(response.body());
                    }
                }
                // An address the API does not have (and so the contract cannot check).
                errorBodies.add(HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + app.port() + "/api/v1/" + encoded)).build(),
                        HttpResponse.BodyHandlers.ofString()).body());
                errorBodies.add(api.send("POST", "/api/v1/session", null, "{\"username\":\"" + CANARY + "\",\"password\":\"x\"}").body());
                errorBodies.add(api.send("POST", "/api/v1/users", token, "{\"username\":\"" + CANARY + "\"}").body());
                // The internal-error path: the database goes away under the server, and a request whose path
                // carries the name fails with 500, which is logged with its cause.
                db.close();
                HttpResponse<String> failed = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + app.port() + "/api/v1/events/" + encoded + "/report"))
                        .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(failed.statusCode()).as(failed.body()).isEqualTo(500);
                errorBodies.add(failed.body());
            } finally {
                app.stop();
            }
            logs = capture.lines();
        }

        assertThat(errorBodies).hasSizeGreaterThanOrEqualTo(5).allSatisfy(body -> assertThat(body).doesNotContain("Zyzzyva"));
        // The capture is live: the request log and the internal-error line were seen, at the levels the
        // server writes them in production (INFO and ERROR)...
        assertThat(logs).anySatisfy(line -> assertThat(line).startsWith("INFO cadre.http").contains("GET /api/v1/events/{id}/report 404"));
        assertThat(logs).anySatisfy(line -> assertThat(line).startsWith("ERROR cadre.http")
                .contains("unexpected failure on GET /api/v1/events/{id}/report").contains("caused by"));
        // ...and not one line, of any logger at any level, names the participant.
        assertThat(logs).hasSizeGreaterThan(20).allSatisfy(line -> assertThat(line).doesNotContain("Zyzzyva"));
    }
}
