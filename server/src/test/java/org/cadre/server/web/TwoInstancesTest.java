package org.cadre.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.google.common.collect.ImmutableSortedSet;
import io.javalin.Javalin;
import java.nio.file.Path;
import java.time.Clock;
import java.util.function.BooleanSupplier;
import org.cadre.roster.Country;
import org.cadre.server.security.Passwords;
import org.cadre.server.security.UserAccount;
import org.cadre.server.store.AuditLog;
import org.cadre.server.store.Changes;
import org.cadre.server.store.Database;
import org.cadre.server.store.DemoData;
import org.cadre.server.store.TestDatabases;
import org.cadre.server.store.Users;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Two server instances on one database, as a deployment behind a proxy runs them: each with its own
 * connection pool, caches and (on PostgreSQL) listening connection, none sharing memory with the other.
 * On SQLite the two share one file, as the command line shares it with a running server.
 */
class TwoInstancesTest {

    private static final String ROSTER = "/api/v1/events/tot-almaty-2023/enrolments";
    private static final String PASSWORD = "a long test password";

    /** Two instances on one database, with an administrator and a Kazakh coordinator. */
    private static final class Pair implements AutoCloseable {
        final Database dbA;
        final Database dbB;
        final Javalin a;
        final Javalin b;
        final ApiClient apiA;
        final ApiClient apiB;
        private boolean aStopped;

        Pair(TestDatabases.Kind kind) throws Exception {
            if (kind == TestDatabases.Kind.SQLITE) {
                Path file = java.nio.file.Files.createTempDirectory("cadre-two").resolve("cadre.db");
                dbA = Database.sqlite(file);
                dbB = Database.sqlite(file);
            } else {
                dbA = TestDatabases.fresh(kind);
                dbB = TestDatabases.sameSchema(dbA);
            }
            AuditLog audit = new AuditLog(Clock.systemUTC());
            DemoData.load(dbA, audit);
            Users users = new Users(dbA, audit);
            users.add(new UserAccount("admin", Passwords.hash(PASSWORD.toCharArray(), 1_000), UserAccount.Role.ADMIN,
                    ImmutableSortedSet.of(), ImmutableSortedSet.of(), false), "test");
            users.add(new UserAccount("kz", Passwords.hash(PASSWORD.toCharArray(), 1_000), UserAccount.Role.COORDINATOR,
                    ImmutableSortedSet.of(Country.KAZAKHSTAN), ImmutableSortedSet.of(), false), "test");
            a = CadreApp.create(dbA).start("127.0.0.1", 0);
            b = CadreApp.create(dbB).start("127.0.0.1", 0);
            apiA = new ApiClient(a.port());
            apiB = new ApiClient(b.port());
        }

        /** Stops instance A as a crash would leave things: its server and its pool gone, nothing ended. */
        void killA() {
            a.stop();
            dbA.close();
            aStopped = true;
        }

        @Override
        public void close() {
            if (!aStopped) {
                a.stop();
                dbA.close();
            }
            b.stop();
            dbB.close();
        }
    }

    private static JsonNode json(java.net.http.HttpResponse<String> r) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JsonMapper.builder().build().readTree(r.body());
    }

    /** Waits up to {@code millis} for the condition; how long it took, or -1 if it never held. */
    private static long within(long millis, BooleanSupplier condition) throws InterruptedException {
        long start = System.nanoTime();
        while (System.nanoTime() - start < millis * 1_000_000) {
            if (condition.getAsBoolean()) {
                return (System.nanoTime() - start) / 1_000_000;
            }
            Thread.sleep(10);
        }
        return -1;
    }

    private static String rename(ApiClient api, String token, String latin) throws Exception {
        var r = api.change("PUT", "/api/v1/people/p-kz-01", token, "{\"id\": \"p-kz-01\", \"latinName\": \"" + latin
                + "\", \"country\": \"KZ\", \"sex\": \"male\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return latin;
    }

    private static boolean rosterNames(ApiClient api, String token, String text) {
        try {
            return json(api.send("GET", ROSTER, token, null)).toString().contains(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void a_write_through_one_instance_is_seen_through_the_other_at_once(TestDatabases.Kind kind) throws Exception {
        try (Pair two = new Pair(kind)) {
            String onA = two.apiA.login("admin", PASSWORD);
            String onB = two.apiB.login("kz", PASSWORD);
            int before = json(two.apiB.send("GET", ROSTER, onB, null)).get("items").size();
            // B keeps what attendance is checked against (the event, its agenda, who is enrolled) once it has taken some.
            String attendance = "/api/v1/events/tot-almaty-2023/attendance/M1.S1";
            String markTwo = "{\"marks\": [{\"person\": \"p-two\", \"mark\": \"present\"}]}";
            assertThat(two.apiB.send("PUT", attendance, onB, markTwo).statusCode()).as("p-two before being enrolled").isEqualTo(400);

            assertThat(two.apiA.send("POST", "/api/v1/people", onA, "{\"id\": \"p-two\", \"latinName\": \"Two Instances\","
                    + " \"country\": \"KZ\"}").statusCode()).isEqualTo(201);
            assertThat(two.apiA.send("POST", "/api/v1/events/tot-almaty-2023/enrolments", onA,
                    "{\"person\": \"p-two\", \"role\": \"participant\", \"nominatedBy\": \"kz-border-academy\"}").statusCode()).isEqualTo(201);
            long enrolmentSeen = within(1_000, () -> {
                try {
                    return json(two.apiB.send("GET", ROSTER, onB, null)).get("items").size() == before + 1;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            var marked = two.apiB.send("PUT", attendance, onB, markTwo);
            assertThat(marked.statusCode()).as("the enrolment made through A, marked through B: " + marked.body()).isEqualTo(200);
            String renamed = rename(two.apiA, onA, "Renamed Through A");
            long renameSeen = within(1_000, () -> rosterNames(two.apiB, onB, renamed));

            assertThat(enrolmentSeen).as("the enrolment made through A, read through B (ms)").isBetween(0L, 1_000L);
            assertThat(renameSeen).as("the rename made through A, read through B (ms)").isBetween(0L, 1_000L);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void a_user_disabled_through_one_instance_is_refused_by_the_other_on_the_next_request(TestDatabases.Kind kind) throws Exception {
        try (Pair two = new Pair(kind)) {
            String admin = two.apiA.login("admin", PASSWORD);
            String kz = two.apiB.login("kz", PASSWORD);
            assertThat(two.apiB.send("GET", ROSTER, kz, null).statusCode()).as("the session is read and kept by B").isEqualTo(200);
            assertThat(two.apiB.send("GET", ROSTER, kz, null).statusCode()).isEqualTo(200);

            assertThat(two.apiA.change("PUT", "/api/v1/users/kz", admin, "{\"disabled\": true}").statusCode()).isEqualTo(200);

            assertThat(two.apiB.send("GET", ROSTER, kz, null).statusCode()).isEqualTo(401);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void wrong_passwords_spread_over_both_instances_meet_one_throttle(TestDatabases.Kind kind) throws Exception {
        try (Pair two = new Pair(kind)) {
            String wrong = "{\"username\": \"kz\", \"password\": \"not the password\"}";
            for (int i = 0; i < 5; i++) {
                ApiClient api = i % 2 == 0 ? two.apiA : two.apiB;
                assertThat(api.send("POST", "/api/v1/session", null, wrong).statusCode()).as("attempt %d", i + 1).isEqualTo(401);
            }
            String right = "{\"username\": \"kz\", \"password\": \"" + PASSWORD + "\"}";
            assertThat(two.apiB.send("POST", "/api/v1/session", null, right).statusCode()).as("the sixth, right or not").isEqualTo(429);
            assertThat(two.apiA.send("POST", "/api/v1/session", null, right).statusCode()).isEqualTo(429);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void killing_one_instance_logs_no_one_out_of_the_other(TestDatabases.Kind kind) throws Exception {
        try (Pair two = new Pair(kind)) {
            String signedInOnA = two.apiA.login("kz", PASSWORD);
            assertThat(two.apiA.send("GET", ROSTER, signedInOnA, null).statusCode()).isEqualTo(200);

            two.killA();

            assertThat(two.apiB.send("GET", ROSTER, signedInOnA, null).statusCode()).isEqualTo(200);
            assertThat(two.apiB.send("GET", "/api/v1/events", signedInOnA, null).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void on_postgresql_changes_are_heard_and_when_the_listening_connection_is_killed_the_stamp_still_tells() throws Exception {
        try (Pair two = new Pair(TestDatabases.Kind.POSTGRES)) {
            String admin = two.apiA.login("admin", PASSWORD);
            String kz = two.apiB.login("kz", PASSWORD);
            assertThat(within(5_000, two.dbB::listening)).as("B listens").isNotNegative();
            assertThat(rosterNames(two.apiB, kz, "Heard")).isFalse();

            Changes.Counts beforeHeard = two.dbB.changes().counts();
            rename(two.apiA, admin, "Heard Through Notify");
            Thread.sleep(300); // the notification's way from A's commit to B's listening connection
            assertThat(rosterNames(two.apiB, kz, "Heard Through Notify")).isTrue();
            Changes.Counts afterHeard = two.dbB.changes().counts();
            assertThat(afterHeard.fromHeard()).as("B learned what changed from the notification").isGreaterThan(beforeHeard.fromHeard());
            assertThat(afterHeard.fromLog()).as("without reading the log").isEqualTo(beforeHeard.fromLog());

            String schema = two.dbB.dsl().fetchValue("SELECT current_schema()").toString();
            long killed = ((Number) two.dbA.dsl().fetchValue("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
                    + " WHERE application_name = 'cadre-listener' AND query LIKE 'LISTEN %" + schema + "'")).longValue();
            assertThat(killed).as("both instances' listening connections").isEqualTo(2L);
            assertThat(within(3_000, () -> !two.dbB.listening())).as("B knows it no longer listens").isNotNegative();
            rename(two.apiA, admin, "Seen Through The Stamp");
            assertThat(rosterNames(two.apiB, kz, "Seen Through The Stamp")).as("the next read, with no one listening").isTrue();
            assertThat(two.dbB.changes().counts().fromLog()).as("learned from the change log").isGreaterThan(afterHeard.fromLog());

            assertThat(within(5_000, two.dbB::listening)).as("B listens again").isNotNegative();
        }
    }
}
