package org.cadre.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.google.common.collect.ImmutableSortedSet;
import io.javalin.Javalin;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import org.cadre.roster.Country;
import org.cadre.roster.demo.DemoRoster;
import org.cadre.server.app.HeldReport;
import org.cadre.server.app.ReportGate;
import org.cadre.server.app.Settings;
import org.cadre.server.security.Passwords;
import org.cadre.server.security.UserAccount;
import org.cadre.server.store.AuditLog;
import org.cadre.server.store.Database;
import org.cadre.server.store.DemoData;
import org.cadre.server.store.Users;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Programme reports and the duplicate search over HTTP while the server works out as many as it may: 503 with Retry-After and the problem
 * type {@code busy}, as docs/openapi.yaml says, whether every turn is taken or the same user's earlier report outlasts
 * the wait; a report of a programme the user cannot see is still 404 (the scope is asked first, no turn taken);
 * once a turn is free the report is served.
 */
class ReportGateApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String REPORT = "/api/v1/programmes/" + DemoRoster.PROGRAMME.value() + "/report?audience=donor";
    private static final ReportGate GATE = new ReportGate(1, Duration.ofMillis(300));
    private static Database db;
    private static Javalin app;
    private static ApiClient api;
    private static String donor;
    private static String coordinator;

    @BeforeAll
    static void start() throws Exception {
        db = Database.sqlite(Files.createTempDirectory("cadre-report-gate").resolve("cadre.db"));
        AuditLog audit = new AuditLog(Clock.systemUTC());
        DemoData.load(db, audit);
        new Users(db, audit).add(new UserAccount("donor", Passwords.hash("pw".toCharArray(), 1_000), UserAccount.Role.DONOR_VIEWER,
                ImmutableSortedSet.of(Country.KAZAKHSTAN), ImmutableSortedSet.of(), false), "test");
        app = CadreApp.create(db, Settings.defaults().withReportGate(GATE)).start("127.0.0.1", 0);
        api = new ApiClient(app.port());
        donor = api.login("donor", "pw");
        new Users(db, audit).add(new UserAccount("kz", Passwords.hash("pw".toCharArray(), 1_000), UserAccount.Role.COORDINATOR,
                ImmutableSortedSet.of(Country.KAZAKHSTAN), ImmutableSortedSet.of(), false), "test");
        coordinator = api.login("kz", "pw");
    }

    @AfterAll
    static void stop() {
        app.stop();
        db.close();
    }

    private static void busy(HttpResponse<String> answer, String detail) throws Exception {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(503);
        assertThat(answer.headers().firstValue("Retry-After")).contains("5");
        JsonNode problem = JSON.readTree(answer.body());
        assertThat(problem.get("type").asText()).endsWith("/busy");
        assertThat(problem.get("detail").asText()).isEqualTo(detail);
    }

    @Test
    void a_report_that_finds_every_turn_taken_is_503_busy_and_served_once_one_is_free() throws Exception {
        try (HeldReport other = HeldReport.of(GATE, "kz")) {
            busy(api.send("GET", REPORT, donor, null),
                    "The server is working out as many reports and duplicate searches as it may at once; ask again in a few seconds.");
            assertThat(api.send("GET", "/api/v1/programmes/elsewhere/report?audience=donor", donor, null).statusCode())
                    .as("a programme the donor cannot see is not found, busy or not").isEqualTo(404);
            other.release();
        }
        HttpResponse<String> served = api.send("GET", REPORT, donor, null);
        assertThat(served.statusCode()).as(served.body()).isEqualTo(200);
        assertThat(JSON.readTree(served.body()).path("programme").path("id").asText()).isEqualTo(DemoRoster.PROGRAMME.value());
    }

    @Test
    void the_duplicate_search_goes_through_the_same_gate_behind_the_users_report_and_every_turn() throws Exception {
        try (HeldReport mine = HeldReport.of(GATE, "kz")) {
            busy(api.send("GET", "/api/v1/people/duplicates", coordinator, null),
                    "A report or duplicate search you asked for earlier is still being worked out; ask again once it is answered.");
            mine.release();
        }
        try (HeldReport other = HeldReport.of(GATE, "donor")) {
            busy(api.send("GET", "/api/v1/people/duplicates", coordinator, null),
                    "The server is working out as many reports and duplicate searches as it may at once; ask again in a few seconds.");
            other.release();
        }
        HttpResponse<String> served = api.send("GET", "/api/v1/people/duplicates", coordinator, null);
        assertThat(served.statusCode()).as(served.body()).isEqualTo(200);
        assertThat(api.send("GET", "/api/v1/people/duplicates", donor, null).statusCode())
                .as("one who may not read records is refused before any turn is taken").isEqualTo(403);
    }

    @Test
    void a_report_waiting_behind_the_same_users_last_beyond_the_wait_is_503_busy() throws Exception {
        try (HeldReport mine = HeldReport.of(GATE, "donor")) {
            busy(api.send("GET", REPORT + "&format=iati", donor, null),
                    "A report or duplicate search you asked for earlier is still being worked out; ask again once it is answered.");
            mine.release();
        }
        assertThat(api.send("GET", REPORT + "&format=iati", donor, null).statusCode()).isEqualTo(200);
    }
}
