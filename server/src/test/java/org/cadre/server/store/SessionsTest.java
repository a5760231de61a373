package org.cadre.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableSortedSet;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import org.cadre.server.store.AuditLog;
import org.cadre.server.store.Database;
import org.cadre.server.security.Passwords;
import org.cadre.server.security.UserAccount;
import org.cadre.server.store.Users;
import org.junit.jupiter.api.Test;

class SessionsTest {

    private static UserAccount user(boolean disabled) {
        return new UserAccount("coordinator", Passwords.hash("secret".toCharArray(), 1_000), UserAccount.Role.COORDINATOR,
                ImmutableSortedSet.of(), ImmutableSortedSet.of(), disabled);
    }

    @Test
    void a_token_lives_while_used_and_dies_after_thirty_idle_minutes() throws Exception {
        TestClock clock = new TestClock();
        try (Database db = Database.sqlite(Files.createTempDirectory("cadre-sessions").resolve("cadre.db"))) {
            Users users = new Users(db, new AuditLog(clock));
            users.add(user(false), "admin");
            Sessions sessions = new Sessions(db, clock, Duration.ofMinutes(30), Duration.ofHours(12));
            Sessions.Started started = sessions.start("coordinator");

            assertThat(started.expiresAt()).isEqualTo(Instant.parse("2024-03-11T08:30:00Z"));
            clock.advance(Duration.ofMinutes(29));
            assertThat(sessions.authenticate(started.token())).isPresent();
            clock.advance(Duration.ofMinutes(29));
            assertThat(sessions.authenticate(started.token())).as("renewed 29 minutes ago").isPresent();
            clock.advance(Duration.ofMinutes(31));
            assertThat(sessions.authenticate(started.token())).isEmpty();
        }
    }

    @Test
    void a_token_dies_after_twelve_hours_however_busy_and_at_once_when_the_user_is_disabled() throws Exception {
        TestClock clock = new TestClock();
        try (Database db = Database.sqlite(Files.createTempDirectory("cadre-sessions").resolve("cadre.db"))) {
            Users users = new Users(db, new AuditLog(clock));
            users.add(user(false), "admin");
            Sessions sessions = new Sessions(db, clock, Duration.ofMinutes(30), Duration.ofHours(12));
            Sessions.Started busy = sessions.start("coordinator");
            Sessions.Started other = sessions.start("coordinator");

            for (int i = 0; i < 24; i++) {
                clock.advance(Duration.ofMinutes(29));
                sessions.authenticate(busy.token());
            }
            assertThat(sessions.authenticate(busy.token())).as("11 h 36 min in").isPresent();
            clock.advance(Duration.ofMinutes(25));
            assertThat(sessions.authenticate(busy.token())).as("12 h 1 min in").isEmpty();
            assertThat(sessions.authenticate(other.token())).as("unused for hours").isEmpty();

            Sessions.Started fresh = sessions.start("coordinator");
            users.update(user(true), 1, "admin");
            assertThat(sessions.authenticate(fresh.token())).isEmpty();
        }
    }

    @Test
    void two_server_processes_on_one_database_see_each_others_logouts_disabled_users_and_renewals_at_once() throws Exception {
        TestClock clock = new TestClock();
        java.nio.file.Path file = Files.createTempDirectory("cadre-sessions").resolve("cadre.db");
        try (Database one = Database.sqlite(file); Database two = Database.sqlite(file)) {
            Users usersOne = new Users(one, new AuditLog(clock));
            usersOne.add(user(false), "admin");
            Sessions a = new Sessions(one, clock, Duration.ofMinutes(30), Duration.ofHours(12));
            Sessions b = new Sessions(two, clock, Duration.ofMinutes(30), Duration.ofHours(12));
            Sessions.Started renewed = a.start("coordinator");
            assertThat(a.authenticate(renewed.token())).as("known to the first process").isPresent();
            clock.advance(Duration.ofMinutes(20));
            assertThat(b.authenticate(renewed.token())).as("used in the second process, which renews it").isPresent();
            clock.advance(Duration.ofMinutes(20));
            assertThat(a.authenticate(renewed.token())).as("40 min after the first process last saw it, 20 after the second").isPresent();

            Sessions.Started loggedOut = a.start("coordinator");
            assertThat(a.authenticate(loggedOut.token())).isPresent();
            b.end(loggedOut.token());
            assertThat(a.authenticate(loggedOut.token())).as("logged out in the other process").isEmpty();

            new Users(two, new AuditLog(clock)).update(user(true), 1, "admin");
            assertThat(a.authenticate(renewed.token())).as("its user disabled in the other process").isEmpty();
        }
    }

    /**
     * The session, its user and the user's scope are read in one joined query, a row per pair of a country and a
     * programme: every country and programme comes back once, on either store, and a change of scope is seen on
     * the next request.
     */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.MethodSource("org.cadre.server.store.TestDatabases#kinds")
    void a_session_brings_its_user_with_every_country_and_programme_of_their_scope(TestDatabases.Kind kind) throws Exception {
        TestClock clock = new TestClock();
        try (Database db = TestDatabases.fresh(kind)) {
            AuditLog audit = new AuditLog(clock);
            Programmes programmes = new Programmes(db, audit);
            java.util.List<org.cadre.roster.ProgrammeId> ids = new java.util.ArrayList<>();
            for (String id : java.util.List.of("prog-a", "prog-b", "prog-c")) {
                ids.add(programmes.add(org.cadre.roster.Programme.of(org.cadre.roster.ProgrammeId.of(id), "Programme " + id, "Donor",
                        java.util.List.of(org.cadre.roster.Country.KAZAKHSTAN), java.util.List.of(16)), "admin").value().id());
            }
            Users users = new Users(db, audit);
            UserAccount scoped = new UserAccount("coordinator", Passwords.hash("secret".toCharArray(), 1_000), UserAccount.Role.COORDINATOR,
                    ImmutableSortedSet.of(org.cadre.roster.Country.KAZAKHSTAN, org.cadre.roster.Country.TAJIKISTAN),
                    ImmutableSortedSet.copyOf(ids), false);
            users.add(scoped, "admin");
            Sessions sessions = new Sessions(db, clock, Duration.ofMinutes(30), Duration.ofHours(12));
            Sessions.Started started = sessions.start("coordinator");

            assertThat(sessions.authenticate(started.token())).contains(scoped);

            UserAccount narrowed = new UserAccount("coordinator", scoped.passwordHash(), UserAccount.Role.COORDINATOR,
                    ImmutableSortedSet.of(org.cadre.roster.Country.TAJIKISTAN), ImmutableSortedSet.of(), false);
            users.update(narrowed, 1, "admin");
            assertThat(sessions.authenticate(started.token())).as("after the scope changed").contains(narrowed);
        }
    }

    @Test
    void only_a_hash_of_the_token_is_stored() throws Exception {
        TestClock clock = new TestClock();
        try (Database db = Database.sqlite(Files.createTempDirectory("cadre-sessions").resolve("cadre.db"))) {
            Users users = new Users(db, new AuditLog(clock));
            users.add(user(false), "admin");
            Sessions.Started started = new Sessions(db, clock, Duration.ofMinutes(30), Duration.ofHours(12)).start("coordinator");

            assertThat(db.dsl().selectFrom(org.cadre.server.store.schema.Tables.LOGIN_SESSION).fetch().toString())
                    .doesNotContain(started.token());
        }
    }

    @Test
    void passwords_are_salted_slow_hashes_that_verify() {
        String a = Passwords.hash("secret".toCharArray(), 1_000);
        String b = Passwords.hash("secret".toCharArray(), 1_000);

        assertThat(a).startsWith("pbkdf2-sha256$1000$").isNotEqualTo(b).doesNotContain("secret");
        assertThat(Passwords.matches("secret".toCharArray(), a)).isTrue();
        assertThat(Passwords.matches("Secret".toCharArray(), a)).isFalse();
        assertThat(Passwords.hash("x".toCharArray())).startsWith("pbkdf2-sha256$600000$");
    }

    @Test
    void a_token_used_every_five_seconds_never_dies_of_idleness_whatever_the_idle_setting() throws Exception {
        TestClock clock = new TestClock();
        try (Database db = Database.sqlite(Files.createTempDirectory("cadre-sessions").resolve("cadre.db"))) {
            Users users = new Users(db, new AuditLog(clock));
            users.add(user(false), "admin");
            Sessions sessions = new Sessions(db, clock, Duration.ofMinutes(1), Duration.ofHours(12));
            Sessions.Started started = sessions.start("coordinator");

            for (int second = 5; second <= 600; second += 5) {
                clock.advance(Duration.ofSeconds(5));
                assertThat(sessions.authenticate(started.token())).as("at %d s", second).isPresent();
            }
            clock.advance(Duration.ofSeconds(61));
            assertThat(sessions.authenticate(started.token())).as("a minute unused").isEmpty();
        }
    }

    private static long lastSeen(Database db) { // the only session stored
        return db.dsl().select(org.cadre.server.store.schema.Tables.LOGIN_SESSION.LAST_SEEN_MS).from(org.cadre.server.store.schema.Tables.LOGIN_SESSION)
                .fetchSingle().value1();
    }

    /**
     * A request whose session is due for renewal is answered at once while a writer holds SQLite's lock, of this
     * process (a roster import) or of another (the command line), and the renewal waits for a later request (the
     * attacker's review: a read waited seconds for a roster import, 503 after 10 s).
     */
    @Test
    void a_session_due_for_renewal_is_answered_at_once_while_a_writer_holds_the_lock_and_renewed_later() throws Exception {
        TestClock clock = new TestClock();
        java.nio.file.Path file = Files.createTempDirectory("cadre-sessions").resolve("cadre.db");
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try (Database db = Database.sqlite(file)) {
            Users users = new Users(db, new AuditLog(clock));
            users.add(user(false), "admin");
            Sessions sessions = new Sessions(db, clock, Duration.ofMinutes(30), Duration.ofHours(12));
            Sessions.Started started = sessions.start("coordinator");
            long first = lastSeen(db);

            // This process's writer holds the lock.
            try (AutoCloseable lock = TestDatabases.holdingTheWriteLock(db)) {
                clock.advance(Duration.ofMinutes(2));
                assertThat(pool.submit(() -> sessions.authenticate(started.token())).get(5, java.util.concurrent.TimeUnit.SECONDS))
                        .as("answered while this process's writer holds the lock").isPresent();
            }
            assertThat(lastSeen(db)).as("not renewed while the lock was held").isEqualTo(first);

            // Another process holds SQLite's write lock.
            try (java.sql.Connection other = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file)) {
                other.createStatement().execute("BEGIN IMMEDIATE");
                clock.advance(Duration.ofMinutes(2));
                assertThat(pool.submit(() -> sessions.authenticate(started.token())).get(5, java.util.concurrent.TimeUnit.SECONDS))
                        .as("answered while another process holds SQLite's lock").isPresent();
                assertThat(lastSeen(db)).isEqualTo(first);
                other.createStatement().execute("ROLLBACK");
            }

            assertThat(sessions.authenticate(started.token())).isPresent();
            assertThat(lastSeen(db)).as("renewed by the next request").isEqualTo(clock.millis());
        } finally {
            pool.shutdownNow();
        }
    }
}
