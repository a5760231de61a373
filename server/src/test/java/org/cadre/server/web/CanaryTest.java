package org.cadre.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableSortedSet;
import io.javalin.Javalin;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.util.List;
import org.cadre.roster.Country;
import org.cadre.roster.Person;
import org.cadre.server.DemoData;
import org.cadre.server.security.Passwords;
import org.cadre.server.store.AuditLog;
import org.cadre.server.store.Database;
import org.cadre.server.store.People;
import org.cadre.server.store.UserAccount;
import org.cadre.server.store.Users;
import org.junit.jupiter.api.Test;

/** A participant's name never reaches the logs or an error body, whatever a client sends. */
class CanaryTest {

    private static final String CANARY = "Zyzzyva Canaryname";

    @Test
    void a_canary_participant_name_appears_in_no_log_line_and_no_error_body() throws Exception {
        PrintStream realErr = System.err;
        ByteArrayOutputStream logs = new ByteArrayOutputStream();
        List<String> errorBodies = new java.util.ArrayList<>();
        try (Database db = Database.sqlite(Files.createTempDirectory("cadre-canary").resolve("cadre.db"))) {
            AuditLog audit = new AuditLog(Clock.systemUTC());
            DemoData.load(db, audit);
            new People(db, audit).add(Person.builder("p-canary", Country.KAZAKHSTAN).latinName(CANARY).build(), "setup");
            new Users(db, audit).add(new UserAccount("kz", Passwords.hash("kz password".toCharArray(), 1_000), UserAccount.Role.COORDINATOR,
                    ImmutableSortedSet.of(Country.KAZAKHSTAN), ImmutableSortedSet.of(), false), "setup");
            System.setErr(new PrintStream(logs, true, StandardCharsets.UTF_8));
            Javalin app = CadreApp.create(db).start("127.0.0.1", 0);
            try {
                ApiClient api = new ApiClient(app.port());
                String token = api.login("kz", "kz password");
                String encoded = URLEncoder.encode(CANARY, StandardCharsets.UTF_8);
                for (String path : List.of("/api/v1/events/tot-almaty-2023/report", "/api/v1/events/" + encoded + "/report",
                        "/api/v1/events/tot-almaty-2023/report?audience=" + encoded)) {
                    var response = api.send("GET", path, token, null);
                    if (response.statusCode() >= 400) {
                        errorBodies.add(response.body());
                    }
                }
                // An address the API does not have (and so the contract cannot check).
                errorBodies.add(java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://127.0.0.1:" + app.port() + "/api/v1/" + encoded)).build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString()).body());
                errorBodies.add(api.send("POST", "/api/v1/session", null, "{\"username\":\"" + CANARY + "\",\"password\":\"x\"}").body());
                errorBodies.add(api.send("POST", "/api/v1/users", token, "{\"username\":\"" + CANARY + "\"}").body());
            } finally {
                app.stop();
                System.setErr(realErr);
            }
        }

        assertThat(errorBodies).hasSizeGreaterThanOrEqualTo(4).allSatisfy(body -> assertThat(body).doesNotContain("Zyzzyva"));
        assertThat(logs.toString(StandardCharsets.UTF_8)).doesNotContain("Zyzzyva");
    }
}
