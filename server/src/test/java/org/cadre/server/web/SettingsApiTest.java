package org.cadre.server.web;

import org.cadre.server.app.Settings;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.google.common.collect.ImmutableSortedSet;
import io.javalin.Javalin;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.cadre.reporting.render.IatiRenderer;
import org.cadre.roster.Country;
import org.cadre.server.store.DemoData;
import org.cadre.server.security.Passwords;
import org.cadre.server.store.AuditLog;
import org.cadre.server.store.Database;
import org.cadre.server.security.UserAccount;
import org.cadre.server.store.Users;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What an operator configures reaches the answers: session lifetime, k per audience, the IATI publisher. */
class SettingsApiTest {

    private static final Instant NOW = Instant.parse("2024-03-01T09:00:00Z");
    private static Database db;
    private static Javalin defaults;
    private static Javalin configured;

    @BeforeAll
    static void start() throws Exception {
        db = Database.sqlite(Files.createTempDirectory("cadre-settings").resolve("cadre.db"));
        AuditLog audit = new AuditLog(Clock.systemUTC());
        DemoData.load(db, audit);
        new Users(db, audit).add(new UserAccount("kz-coordinator", Passwords.hash("pw".toCharArray(), 1_000), UserAccount.Role.COORDINATOR,
                ImmutableSortedSet.of(Country.KAZAKHSTAN), ImmutableSortedSet.of(), false), "admin");
        Settings fixedClock = Settings.defaults().withClock(Clock.fixed(NOW, ZoneOffset.UTC));
        defaults = CadreApp.create(db, fixedClock).start("127.0.0.1", 0);
        configured = CadreApp.create(db, fixedClock.withSessions(Duration.ofMinutes(5), Duration.ofHours(1)).withK(30, 40)
                .withPublisher(new IatiRenderer.Publisher("XM-DAC-47066", "International Organization for Migration", "40")))
                .start("127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        defaults.stop();
        configured.stop();
        db.close();
    }

    private static JsonNode json(String body) throws Exception {
        return JsonMapper.builder().build().readTree(body);
    }

    @Test
    void a_login_expires_after_the_configured_idle_time() throws Exception {
        var login = new ApiClient(configured.port()).send("POST", "/api/v1/session", null,
                "{\"username\": \"kz-coordinator\", \"password\": \"pw\"}");

        assertThat(login.statusCode()).isEqualTo(201);
        assertThat(json(login.body()).get("expiresAt").asText()).isEqualTo(NOW.plus(Duration.ofMinutes(5)).toString());
    }

    @Test
    void the_donor_k_decides_which_counts_a_donor_report_withholds() throws Exception {
        String path = "/api/v1/events/tot-almaty-2023/report?audience=donor";
        JsonNode usual = json(new ApiClient(defaults.port()).send("GET", path,
                new ApiClient(defaults.port()).login("kz-coordinator", "pw"), null).body());
        JsonNode strict = json(new ApiClient(configured.port()).send("GET", path,
                new ApiClient(configured.port()).login("kz-coordinator", "pw"), null).body());

        assertThat(usual.get("participants").get("value").asInt()).isEqualTo(26);
        assertThat(strict.get("participants").get("suppressed").asBoolean()).isTrue();
        assertThat(strict.get("participants").get("value").isNull()).isTrue();
        assertThat(strict.toString()).contains("fewer than 30 people");
    }

    @Test
    void iati_files_name_the_configured_publisher_and_otherwise_a_placeholder() throws Exception {
        String path = "/api/v1/programmes/iom-afghan-displacement-ca/report?format=iati";
        String usual = new ApiClient(defaults.port()).send("GET", path, new ApiClient(defaults.port()).login("kz-coordinator", "pw"), null).body();
        String named = new ApiClient(configured.port()).send("GET", path,
                new ApiClient(configured.port()).login("kz-coordinator", "pw"), null).body();

        assertThat(named).contains("ref=\"XM-DAC-47066\"").contains("International Organization for Migration").doesNotContain("UNCONFIGURED");
        assertThat(usual).contains("ref=\"XI-CADRE-UNCONFIGURED\"");
    }
}
