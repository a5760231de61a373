package org.cadre.server.web;

import org.cadre.server.app.Settings;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.google.common.collect.ImmutableSortedSet;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.cadre.server.store.DemoData;
import org.cadre.server.security.Passwords;
import org.cadre.server.store.AuditLog;
import org.cadre.server.store.Database;
import org.cadre.server.security.UserAccount;
import org.cadre.server.store.Users;
import org.junit.jupiter.api.Test;

/** Administrators manage users over the API; every change holds from the very next request, in every process. */
class UserAdministrationApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PASSWORD = "a long enough password";

    private interface Check {
        void run(Database db, ApiClient api, String admin, int port) throws Exception;
    }

    private static void withApp(Settings settings, Check check) throws Exception {
        try (Database db = Database.sqlite(Files.createTempDirectory("cadre-users").resolve("cadre.db"))) {
            AuditLog audit = new AuditLog(Clock.systemUTC());
            DemoData.load(db, audit);
            new Users(db, audit).add(new UserAccount("admin", Passwords.hash("admin password".toCharArray(), 1_000), UserAccount.Role.ADMIN,
                    ImmutableSortedSet.of(), ImmutableSortedSet.of(), false), "test");
            Javalin app = CadreApp.create(db, settings).start("127.0.0.1", 0);
            try {
                ApiClient api = new ApiClient(app.port());
                check.run(db, api, api.login("admin", "admin password"), app.port());
            } finally {
                app.stop();
            }
        }
    }

    private static void create(ApiClient api, String admin, String username) throws Exception {
        var r = api.send("POST", "/api/v1/users", admin, "{\"username\": \"" + username + "\", \"password\": \"" + PASSWORD
                + "\", \"role\": \"coordinator\", \"countries\": [\"KZ\"]}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    }

    @Test
    void disabling_a_user_ends_their_sessions_at_once_and_enabling_lets_them_back() throws Exception {
        withApp(Settings.defaults(), (db, api, admin, port) -> {
            create(api, admin, "aigerim");
            String token = api.login("aigerim", PASSWORD);
            assertThat(api.send("GET", "/api/v1/events/tot-almaty-2023", token, null).statusCode()).isEqualTo(200);

            assertThat(api.change("PUT", "/api/v1/users/aigerim", admin, "{\"disabled\": true}").statusCode()).isEqualTo(200);
            assertThat(api.send("GET", "/api/v1/events/tot-almaty-2023", token, null).statusCode()).isEqualTo(401);
            assertThat(api.send("POST", "/api/v1/session", null, "{\"username\": \"aigerim\", \"password\": \"" + PASSWORD + "\"}")
                    .statusCode()).isEqualTo(401);

            assertThat(api.change("PUT", "/api/v1/users/aigerim", admin, "{\"disabled\": false}").statusCode()).isEqualTo(200);
            assertThat(api.send("GET", "/api/v1/events/tot-almaty-2023", api.login("aigerim", PASSWORD), null).statusCode()).isEqualTo(200);
        });
    }

    @Test
    void a_new_role_or_scope_holds_from_the_next_request_and_a_change_without_if_match_is_refused() throws Exception {
        withApp(Settings.defaults(), (db, api, admin, port) -> {
            create(api, admin, "aigerim");
            String token = api.login("aigerim", PASSWORD);

            assertThat(api.send("PUT", "/api/v1/users/aigerim", admin, "{\"countries\": [\"MN\"]}").statusCode()).isEqualTo(428);
            assertThat(api.change("PUT", "/api/v1/users/aigerim", admin, "{\"countries\": [\"MN\"]}").statusCode()).isEqualTo(200);
            assertThat(api.send("GET", "/api/v1/events/tot-almaty-2023", token, null).statusCode()).isEqualTo(404);
            assertThat(api.change("PUT", "/api/v1/users/aigerim", admin, "{\"role\": \"donor-viewer\", \"countries\": [\"KZ\"]}")
                    .statusCode()).isEqualTo(200);
            assertThat(api.send("GET", "/api/v1/events/tot-almaty-2023", token, null).statusCode()).isEqualTo(403);
            JsonNode user = JSON.readTree(api.send("GET", "/api/v1/users/aigerim", admin, null).body());
            assertThat(user.get("role").asText()).isEqualTo("donor-viewer");
            assertThat(user.toString()).doesNotContain("hash").doesNotContain("pbkdf2");
        });
    }

    @Test
    void a_password_reset_ends_every_session_and_only_the_new_password_logs_in() throws Exception {
        withApp(Settings.defaults(), (db, api, admin, port) -> {
            create(api, admin, "aigerim");
            String first = api.login("aigerim", PASSWORD);
            String second = api.login("aigerim", PASSWORD);

            assertThat(api.send("PUT", "/api/v1/users/aigerim/password", admin, "{\"password\": \"short\"}").statusCode()).isEqualTo(400);
            assertThat(api.send("PUT", "/api/v1/users/aigerim/password", admin, "{\"password\": \"aigerim\"}").body())
                    .contains("must not be the username");
            assertThat(api.send("PUT", "/api/v1/users/aigerim/password", admin, "{\"password\": \"another long password\"}")
                    .statusCode()).isEqualTo(204);

            assertThat(api.send("GET", "/api/v1/events", first, null).statusCode()).isEqualTo(401);
            assertThat(api.send("GET", "/api/v1/events", second, null).statusCode()).isEqualTo(401);
            assertThat(api.send("POST", "/api/v1/session", null, "{\"username\": \"aigerim\", \"password\": \"" + PASSWORD + "\"}")
                    .statusCode()).isEqualTo(401);
            api.login("aigerim", "another long password");
        });
    }

    /**
     * A user locked out by five wrong passwords (theirs, or someone guessing) signs in with the password an administrator
     * resets, at once, not after the 15 minutes (the newcomer's review of session 16: the reset left the lock).
     */
    @Test
    void a_password_reset_lifts_the_usernames_lock() throws Exception {
        withApp(Settings.defaults(), (db, api, admin, port) -> {
            create(api, admin, "aigerim");
            try (LogCapture logs = new LogCapture()) {
                for (int i = 0; i < 5; i++) {
                    assertThat(api.send("POST", "/api/v1/session", null, "{\"username\": \"aigerim\", \"password\": \"wrong guess " + i + "\"}")
                            .statusCode()).isEqualTo(401);
                }
                assertThat(api.send("POST", "/api/v1/session", null, "{\"username\": \"aigerim\", \"password\": \"" + PASSWORD + "\"}")
                        .statusCode()).as("locked").isEqualTo(429);
                // Who and from where, for an operator telling a guesser from a proxy set up wrong (the newcomer's review).
                assertThat(logs.lines()).anyMatch(l -> l.contains("login failed user=aigerim from=127.0.0.1"))
                        .anyMatch(l -> l.contains("login throttled user=aigerim from=127.0.0.1"));
            }

            assertThat(api.send("PUT", "/api/v1/users/aigerim/password", admin, "{\"password\": \"another long password\"}")
                    .statusCode()).isEqualTo(204);
            api.login("aigerim", "another long password");
        });
    }

    @Test
    void a_users_sessions_come_in_pages_of_50_newest_first_as_every_list_does() throws Exception {
        withApp(Settings.defaults(), (db, api, admin, port) -> {
            create(api, admin, "aigerim");
            for (int k = 0; k < 52; k++) { // begun a millisecond apart, within the idle limit
                new org.cadre.server.store.Sessions(db, Clock.offset(Clock.systemUTC(), java.time.Duration.ofMillis(-k)),
                        java.time.Duration.ofHours(1), java.time.Duration.ofHours(8)).start("aigerim");
            }

            JsonNode first = JSON.readTree(api.send("GET", "/api/v1/users/aigerim/sessions", admin, null).body());
            assertThat(first.get("items")).hasSize(50);
            assertThat(first.get("next").isNull()).isFalse();
            var r = api.send("GET", "/api/v1/users/aigerim/sessions?cursor="
                    + java.net.URLEncoder.encode(first.get("next").asText(), java.nio.charset.StandardCharsets.UTF_8), admin, null);
            JsonNode second = JSON.readTree(r.body());
            assertThat(second.get("items")).hasSize(2);
            assertThat(second.get("next").isNull()).isTrue();

            List<java.time.Instant> created = new ArrayList<>();
            java.util.Set<String> ids = new java.util.HashSet<>();
            for (JsonNode p : List.of(first, second)) {
                p.get("items").forEach(s -> {
                    created.add(java.time.Instant.parse(s.get("createdAt").asText()));
                    ids.add(s.get("id").asText());
                });
            }
            assertThat(ids).hasSize(52);
            assertThat(created).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        });
    }

    @Test
    void an_administrator_lists_and_ends_a_users_sessions_one_or_all() throws Exception {
        withApp(Settings.defaults(), (db, api, admin, port) -> {
            create(api, admin, "aigerim");
            String first = api.login("aigerim", PASSWORD);
            String second = api.login("aigerim", PASSWORD);

            JsonNode page = JSON.readTree(api.send("GET", "/api/v1/users/aigerim/sessions", admin, null).body());
            assertThat(page.get("next").isNull()).isTrue();
            JsonNode live = page.get("items");
            assertThat(live).hasSize(2);
            assertThat(live.toString()).doesNotContain(first).doesNotContain(second);
            List<Integer> after = new ArrayList<>();
            assertThat(api.send("DELETE", "/api/v1/users/aigerim/sessions/" + live.get(0).get("id").asText(), admin, null).statusCode())
                    .isEqualTo(204);
            after.add(api.send("GET", "/api/v1/events", first, null).statusCode());
            after.add(api.send("GET", "/api/v1/events", second, null).statusCode());
            assertThat(after).containsExactlyInAnyOrder(200, 401);

            assertThat(api.send("DELETE", "/api/v1/users/aigerim/sessions", admin, null).statusCode()).isEqualTo(204);
            assertThat(api.send("GET", "/api/v1/events", first, null).statusCode()).isEqualTo(401);
            assertThat(api.send("GET", "/api/v1/events", second, null).statusCode()).isEqualTo(401);
            assertThat(api.send("DELETE", "/api/v1/users/aigerim/sessions/0000000000000000", admin, null).statusCode()).isEqualTo(404);
        });
    }

    @Test
    void the_last_active_administrator_stays_one_and_usernames_are_unique_whatever_their_case() throws Exception {
        withApp(Settings.defaults(), (db, api, admin, port) -> {
            assertThat(api.change("PUT", "/api/v1/users/admin", admin, "{\"disabled\": true}").statusCode()).isEqualTo(409);
            assertThat(api.change("PUT", "/api/v1/users/admin", admin, "{\"role\": \"coordinator\", \"countries\": [\"KZ\"]}").statusCode())
                    .isEqualTo(409);
            create(api, admin, "aigerim");

            var twin = api.send("POST", "/api/v1/users", admin, "{\"username\": \"Aigerim\", \"password\": \"" + PASSWORD
                    + "\", \"role\": \"coordinator\", \"countries\": [\"KZ\"]}");
            assertThat(twin.statusCode()).isEqualTo(409);
            api.login("AIGERIM", PASSWORD);
            var weak = api.send("POST", "/api/v1/users", admin, "{\"username\": \"dana\", \"password\": \"              \","
                    + " \"role\": \"trainer\", \"countries\": [\"KZ\"]}");
            assertThat(weak.body()).contains("password: must not be only white space");
        });
    }

    @Test
    void a_change_made_by_another_process_holds_at_the_next_request() throws Exception {
        Path file = Files.createTempDirectory("cadre-two").resolve("cadre.db");
        try (Database one = Database.sqlite(file); Database two = Database.sqlite(file)) {
            AuditLog audit = new AuditLog(Clock.systemUTC());
            DemoData.load(one, audit);
            new Users(one, audit).add(new UserAccount("admin", Passwords.hash("admin password".toCharArray(), 1_000), UserAccount.Role.ADMIN,
                    ImmutableSortedSet.of(), ImmutableSortedSet.of(), false), "test");
            Javalin a = CadreApp.create(one).start("127.0.0.1", 0);
            Javalin b = CadreApp.create(two).start("127.0.0.1", 0);
            try {
                ApiClient apiA = new ApiClient(a.port());
                ApiClient apiB = new ApiClient(b.port());
                String admin = apiA.login("admin", "admin password");
                create(apiA, admin, "aigerim");
                String token = apiB.login("aigerim", PASSWORD);
                assertThat(apiB.send("GET", "/api/v1/events", token, null).statusCode()).isEqualTo(200);

                assertThat(apiA.change("PUT", "/api/v1/users/aigerim", admin, "{\"disabled\": true}").statusCode()).isEqualTo(200);

                assertThat(apiB.send("GET", "/api/v1/events", token, null).statusCode()).isEqualTo(401);
            } finally {
                a.stop();
                b.stop();
            }
        }
    }

    private static int login(int port, String username, String password, String forwardedFor) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/session"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\": \"" + username + "\", \"password\": \"" + password + "\"}"));
        if (forwardedFor != null) {
            b.header("X-Forwarded-For", forwardedFor);
        }
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    @Test
    void parallel_wrong_passwords_get_five_tries_and_then_even_the_right_one_waits() throws Exception {
        withApp(Settings.defaults(), (db, api, admin, port) -> {
            create(api, admin, "aigerim");
            ExecutorService pool = Executors.newFixedThreadPool(40);
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                answers.add(pool.submit((Callable<Integer>) () -> login(port, "aigerim", "wrong password " + Math.random(), null)));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : answers) {
                statuses.add(f.get());
            }
            pool.shutdown();

            assertThat(statuses.stream().filter(s -> s == 401).count()).isLessThanOrEqualTo(5);
            assertThat(statuses).containsOnly(401, 429);
            assertThat(login(port, "aigerim", PASSWORD, null)).isEqualTo(429);
        });
    }

    @Test
    void behind_a_trusted_proxy_clients_are_told_apart_by_x_forwarded_for_and_otherwise_it_is_ignored() throws Exception {
        withApp(Settings.defaults().withTrustedProxies(java.util.Set.of("127.0.0.1")), (db, api, admin, port) -> {
            create(api, admin, "aigerim");
            for (int i = 0; i < 20; i++) {
                assertThat(login(port, "sprayed-" + i, "guess guess guess", "203.0.113.5")).isEqualTo(401);
            }
            assertThat(login(port, "aigerim", PASSWORD, "203.0.113.5")).as("the spraying client").isEqualTo(429);
            assertThat(login(port, "aigerim", PASSWORD, "203.0.113.6")).as("another client behind the proxy").isEqualTo(201);
        });
        withApp(Settings.defaults(), (db, api, admin, port) -> {
            create(api, admin, "aigerim");
            for (int i = 0; i < 20; i++) {
                login(port, "sprayed-" + i, "guess guess guess", "203.0.113." + i);
            }
            assertThat(login(port, "aigerim", PASSWORD, "198.51.100.1")).as("X-Forwarded-For from an untrusted peer is ignored")
                    .isEqualTo(429);
        });
    }

    @Test
    void a_username_of_a_megabyte_is_refused_before_it_is_used_for_anything() throws Exception {
        withApp(Settings.defaults(), (db, api, admin, port) -> {
            // A megabyte is not read at all: a sign-in, which anyone may send, takes at most 4 KiB.
            HttpResponse<String> mega = api.send("POST", "/api/v1/session", null, "{\"username\": \"" + "x".repeat(1_000_000)
                    + "\", \"password\": \"p\"}");
            assertThat(mega.statusCode()).isEqualTo(413);
            assertThat(mega.body()).contains("A sign-in is limited to 4096 bytes.");
            HttpResponse<String> r = api.send("POST", "/api/v1/session", null, "{\"username\": \"" + "x".repeat(3_000)
                    + "\", \"password\": \"p\"}");
            assertThat(r.statusCode()).isEqualTo(400);
            assertThat(r.body()).contains("username: must be at most 64 characters");
        });
    }
}
