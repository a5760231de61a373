package org.cadre.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.google.common.collect.ImmutableSortedSet;
import io.javalin.Javalin;
import java.nio.file.Files;
import java.time.Clock;
import org.cadre.roster.demo.DemoRoster;
import org.cadre.server.security.Passwords;
import org.cadre.server.store.AuditLog;
import org.cadre.server.store.Database;
import org.cadre.server.store.Programmes;
import org.cadre.server.security.UserAccount;
import org.cadre.server.store.Users;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class UsersApiTest {

    private static Database db;
    private static Javalin app;
    private static ApiClient api;

    @BeforeAll
    static void start() throws Exception {
        db = Database.sqlite(Files.createTempDirectory("cadre-users").resolve("cadre.db"));
        new Programmes(db, new AuditLog(Clock.systemUTC())).add(DemoRoster.programme(), "setup");
        new Users(db, new AuditLog(Clock.systemUTC())).add(new UserAccount("root", Passwords.hash("root password!".toCharArray(), 1_000),
                UserAccount.Role.ADMIN, ImmutableSortedSet.of(), ImmutableSortedSet.of(), false), "setup");
        app = CadreApp.create(db).start("127.0.0.1", 0);
        api = new ApiClient(app.port());
    }

    @AfterAll
    static void stop() {
        app.stop();
        db.close();
    }

    private static JsonNode json(String body) throws Exception {
        return JsonMapper.builder().build().readTree(body);
    }

    @Test
    void an_administrator_creates_a_scoped_coordinator_who_may_not_manage_users() throws Exception {
        String admin = api.login("root", "root password!");

        var created = api.send("POST", "/api/v1/users", admin, "{\"username\":\"tj-coordinator\",\"password\":\"a long password\","
                + "\"role\":\"coordinator\",\"countries\":[\"TJ\"],\"programmes\":[\"iom-afghan-displacement-ca\"]}");

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(json(created.body()).toString())
                .isEqualTo("{\"username\":\"tj-coordinator\",\"role\":\"coordinator\",\"countries\":[\"TJ\"],"
                        + "\"programmes\":[\"iom-afghan-displacement-ca\"],\"disabled\":false}");
        String coordinator = api.login("tj-coordinator", "a long password");
        assertThat(api.send("GET", "/api/v1/users", coordinator, null).statusCode()).isEqualTo(403);
        assertThat(api.send("POST", "/api/v1/users", admin, "{\"username\":\"tj-coordinator\",\"password\":\"another long one\","
                + "\"role\":\"trainer\",\"countries\":[\"TJ\"]}").statusCode()).isEqualTo(409);
    }

    @Test
    void every_invalid_field_is_named_at_once() throws Exception {
        String admin = api.login("root", "root password!");

        var bad = api.send("POST", "/api/v1/users", admin, "{\"username\":\"bad name\",\"password\":\"short\",\"role\":\"boss\","
                + "\"countries\":[\"Tajikistan\"]}");

        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(json(bad.body()).get("errors").toString()).contains("username:").contains("password: must be at least 12 characters")
                .contains("role: must be admin, coordinator, trainer, m-and-e or donor-viewer")
                .contains("countries: each must be an ISO 3166-1 alpha-2 code in upper case, such as KZ")
                .doesNotContain("boss").doesNotContain("Tajikistan");
    }

    @Test
    void users_are_listed_fifty_a_page_with_a_cursor_to_the_next() throws Exception {
        String admin = api.login("root", "root password!");
        for (int i = 0; i < 55; i++) {
            assertThat(api.send("POST", "/api/v1/users", admin, String.format(java.util.Locale.ROOT,
                    "{\"username\":\"page-%02d\",\"password\":\"a long password\",\"role\":\"m-and-e\",\"countries\":[\"KZ\"]}", i))
                    .statusCode()).isEqualTo(201);
        }

        JsonNode first = json(api.send("GET", "/api/v1/users", admin, null).body());
        JsonNode second = json(api.send("GET", "/api/v1/users?cursor=" + first.get("next").asText(), admin, null).body());

        assertThat(first.get("items")).hasSize(50);
        assertThat(second.get("next").isNull()).isTrue();
        java.util.Set<String> seen = new java.util.HashSet<>();
        first.get("items").forEach(u -> seen.add(u.get("username").asText()));
        second.get("items").forEach(u -> assertThat(seen.add(u.get("username").asText())).as("listed once").isTrue());
        assertThat(seen).contains("root", "page-00", "page-54");
        assertThat(first.toString()).doesNotContain("pbkdf2");
    }
}
