package org.cadre.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cadre.server.store.schema.Tables.AUDIT_LOG;
import static org.cadre.server.store.schema.Tables.ENROLMENT;
import static org.cadre.server.store.schema.Tables.ENROLMENT_STATUS;
import static org.cadre.server.store.schema.Tables.PERSON;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.common.collect.ImmutableSortedSet;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.cadre.roster.Country;
import org.cadre.roster.Enrolment;
import org.cadre.roster.Person;
import org.cadre.roster.PersonId;
import org.cadre.roster.Role;
import org.cadre.roster.demo.DemoRoster;
import org.cadre.server.app.Failure;
import org.cadre.server.security.Passwords;
import org.cadre.server.security.UserAccount;
import org.cadre.server.store.AuditLog;
import org.cadre.server.store.Database;
import org.cadre.server.store.DemoData;
import org.cadre.server.store.RosterImports;
import org.cadre.server.store.TestDatabases;
import org.cadre.server.store.Users;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Large roster imports (issue 16): 50,000 rows go in through the API in one all-or-nothing transaction,
 * stored in chunks; a failure in a later chunk leaves nothing; racing imports of the same people get one
 * 201; a roster file has a body limit of its own (16 MiB) while every other body keeps 1 MiB.
 */
class LargeImportTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static List<TestDatabases.Kind> kinds() {
        return TestDatabases.kinds();
    }

    private static void admin(Database db) {
        new Users(db, new AuditLog(Clock.systemUTC())).add(new UserAccount("admin", Passwords.hash("pw".toCharArray(), 1_000),
                UserAccount.Role.ADMIN, ImmutableSortedSet.of(), ImmutableSortedSet.of(), false), "test");
    }

    /** What a test does with the demo database, an administrator "admin" signed in, and the app serving it. */
    interface Served {
        void run(Database db, Javalin app, ApiClient api, String token) throws Exception;
    }

    /** Runs {@code test} on a fresh database of {@code kind} holding the demo, served, with the administrator's token. */
    private static void served(TestDatabases.Kind kind, Served test) throws Exception {
        try (Database db = TestDatabases.fresh(kind)) {
            DemoData.load(db, new AuditLog(Clock.systemUTC()));
            admin(db);
            Javalin app = CadreApp.create(db).start("127.0.0.1", 0);
            try {
                ApiClient api = new ApiClient(app.port());
                test.run(db, app, api, api.login("admin", "pw"));
            } finally {
                app.stop();
            }
        }
    }

    /** A roster file of {@code rows} new people of Kazakhstan, ids {@code prefix-0} on. */
    static String roster(String prefix, int rows) {
        StringBuilder csv = new StringBuilder("person_id,latin_name,country,role,nominated_by\r\n");
        for (int i = 0; i < rows; i++) {
            csv.append(prefix).append('-').append(i).append(",Officer Number ").append(i).append(",KZ,participant,kz-border-academy\r\n");
        }
        return csv.toString();
    }

    private static int count(Database db, String prefix) {
        return db.dsl().fetchCount(PERSON, PERSON.ID.like(prefix + "-%"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void fifty_thousand_rows_go_in_through_the_api_each_with_its_history_and_two_audit_entries(TestDatabases.Kind kind) throws Exception {
        served(kind, (db, app, api, token) -> {
            String csv = roster("big", 50_000);
            assertThat(csv.length()).isGreaterThan((int) CadreApp.MAX_REQUEST_BYTES);

            HttpResponse<String> r = api.csv("/api/v1/events/tot-almaty-2023/roster", token, csv);

            assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
            assertThat(JSON.readTree(r.body()).get("enrolled").asInt()).isEqualTo(50_000);
            assertThat(count(db, "big")).isEqualTo(50_000);
            assertThat(db.dsl().fetchCount(ENROLMENT, ENROLMENT.PERSON_ID.like("big-%"))).isEqualTo(50_000);
            assertThat(db.dsl().fetchCount(ENROLMENT_STATUS, ENROLMENT_STATUS.PERSON_ID.like("big-%"))).isEqualTo(50_000);
            assertThat(db.dsl().fetchCount(AUDIT_LOG, AUDIT_LOG.ENTITY_ID.like("big-%"))).isEqualTo(50_000);
            assertThat(db.dsl().fetchCount(AUDIT_LOG, AUDIT_LOG.ENTITY_ID.like("tot-almaty-2023/big-%"))).isEqualTo(50_000);
            // The same audit content as one row at a time wrote it.
            assertThat(db.dsl().select(AUDIT_LOG.ACTION, AUDIT_LOG.ACTOR, AUDIT_LOG.OLD_VALUE).from(AUDIT_LOG)
                    .where(AUDIT_LOG.ENTITY.eq("enrolment").and(AUDIT_LOG.ENTITY_ID.eq("tot-almaty-2023/big-49999"))).fetchOne().intoList())
                    .containsExactly("create", "admin", null);
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void bad_rows_in_later_chunks_refuse_the_file_naming_every_bad_row_and_nothing_of_the_good_chunks_is_kept(TestDatabases.Kind kind)
            throws Exception {
        served(kind, (db, app, api, token) -> {
            // 6,000 rows go in chunks of 300: the first bad row is on line 4,002 (chunk 14, after 13 chunks stored), another
            // repeats line 2's person in the last chunk, and one more names no country on the file's last line.
            StringBuilder csv = new StringBuilder(roster("late", 6_000));
            int line4002 = nthLine(csv, 4_002);
            csv.replace(line4002, csv.indexOf("\r\n", line4002), "late-4000,Officer Number 4000,ZZ,participant,kz-border-academy");
            int line5901 = nthLine(csv, 5_901);
            csv.replace(line5901, csv.indexOf("\r\n", line5901), "late-0,Officer Number 0,KZ,participant,kz-border-academy");
            csv.append("late-extra,Officer Extra,,participant,kz-border-academy\r\n");

            HttpResponse<String> r = api.csv("/api/v1/events/tot-almaty-2023/roster", token, csv.toString());

            assertThat(r.statusCode()).as(r.body()).isEqualTo(422);
            assertThat(JSON.readTree(r.body()).get("errors")).extracting(com.fasterxml.jackson.databind.JsonNode::asText).containsExactly(
                    "line 4002: country: is not a country's ISO 3166-1 alpha-2 code (two capitals that name a country, such as KZ)",
                    "line 5901: person_id: appears on line 2 already; list each person once",
                    "line 6002: country: is required");
            assertThat(count(db, "late")).isZero();
            assertThat(db.dsl().fetchCount(ENROLMENT, ENROLMENT.PERSON_ID.like("late-%"))).isZero();
            assertThat(db.dsl().fetchCount(AUDIT_LOG, AUDIT_LOG.ENTITY_ID.like("%late-%"))).isZero();

            // The same file mended goes in whole.
            HttpResponse<String> mended = api.csv("/api/v1/events/tot-almaty-2023/roster", token, roster("late", 6_000));
            assertThat(mended.statusCode()).as(mended.body()).isEqualTo(201);
            assertThat(count(db, "late")).isEqualTo(6_000);
        });
    }

    /**
     * A fault after which nothing can be read (a quote left open, bytes that are not UTF-8) is answered with the faults
     * of the rows before it, in one answer (the attacker's review: line 2 came only after line 4 was mended).
     */
    @Test
    void a_fault_that_ends_the_reading_is_answered_with_the_bad_rows_before_it() throws Exception {
        served(TestDatabases.Kind.SQLITE, (db, app, api, token) -> {
            String head = "person_id,latin_name,sex,country,role,nominated_by\r\n"
                    + "open-1,Officer One,alien,KZ,participant,kz-border-academy\r\n"
                    + "open-2,Officer Two,male,KZ,participant,kz-border-academy\r\n";

            HttpResponse<String> quote = api.csv("/api/v1/events/tot-almaty-2023/roster", token,
                    head + "open-3,\"Officer Three,male,KZ,participant,kz-border-academy\r\n");
            byte[] bytes = (head + "open-3,Officer X,male,KZ,participant,kz-border-academy\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
            bytes[bytes.length - 40] = (byte) 0xFF; // within line 4
            HttpResponse<String> utf8 = post(app.port(), token, "text/csv", HttpRequest.BodyPublishers.ofByteArray(bytes));

            assertThat(quote.statusCode()).as(quote.body()).isEqualTo(422);
            assertThat(JSON.readTree(quote.body()).get("errors")).extracting(com.fasterxml.jackson.databind.JsonNode::asText).containsExactly(
                    "line 2: sex: must be one of female, male, another, not-recorded",
                    "line 4: a quoted cell is not closed (a \" that no \" closes, on this line or a later one); nothing after it could be read");
            assertThat(utf8.statusCode()).as(utf8.body()).isEqualTo(422);
            assertThat(JSON.readTree(utf8.body()).get("errors")).extracting(com.fasterxml.jackson.databind.JsonNode::asText).containsExactly(
                    "line 2: sex: must be one of female, male, another, not-recorded",
                    "line 4: is not valid UTF-8; save the file as UTF-8");
            assertThat(count(db, "open")).isZero();
        });
    }

    /** The chunk of {@link RosterImports#CHUNK_ROWS} people and their enrolments from {@code from}. */
    private static RosterImports.Chunk chunk(List<Person> people, List<Enrolment> enrolments, int from) {
        int to = Math.min(people.size(), from + RosterImports.CHUNK_ROWS);
        return new RosterImports.Chunk(people.subList(from, to), enrolments.subList(from, to));
    }

    /** Where the 1-based line {@code n} of the text begins. */
    private static int nthLine(CharSequence text, int n) {
        String all = text.toString();
        int at = 0;
        for (int line = 1; line < n; line++) {
            at = all.indexOf('\n', at) + 1;
        }
        return at;
    }

    @Test
    void a_full_disk_in_a_later_chunk_leaves_nothing_of_the_import_stored() throws Exception {
        Path file = Files.createTempDirectory("cadre-full-later").resolve("cadre.db");
        long pages;
        try (Database db = Database.sqlite(file)) {
            DemoData.load(db, new AuditLog(Clock.systemUTC()));
            pages = ((Number) db.dsl().fetchValue("PRAGMA page_count")).longValue();
        }
        List<Person> people = new ArrayList<>();
        List<Enrolment> enrolments = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            people.add(Person.builder("late-" + i, Country.KAZAKHSTAN).latinName("Officer Number " + i + " of a long roster")
                    .organisation(DemoRoster.KZ_BORDER_ACADEMY).build());
            enrolments.add(Enrolment.nominate(PersonId.of("late-" + i), DemoRoster.ALMATY_TOT, Role.PARTICIPANT, DemoRoster.KZ_BORDER_ACADEMY,
                    LocalDate.of(2023, 9, 20)));
        }
        // Room for a few chunks of 1,000 rows, not for 20 of them.
        try (Database db = Database.sqlite(file, (int) pages + 800)) {
            AtomicInteger stored = new AtomicInteger();
            RosterImports imports = new RosterImports(db, new AuditLog(Clock.systemUTC()), Clock.systemUTC());

            java.util.Iterator<Integer> chunks = java.util.stream.IntStream.range(0, 20).iterator();
            java.util.function.Supplier<java.util.Optional<RosterImports.Chunk>> next = () -> chunks.hasNext()
                    ? java.util.Optional.of(chunk(people, enrolments, chunks.next() * RosterImports.CHUNK_ROWS)) : java.util.Optional.empty();

            assertThatThrownBy(() -> imports.store(next, "test", java.util.Optional.empty(), () -> null, stored::set))
                    .satisfies(e -> assertThat(Failure.of(e)).isEqualTo(Failure.FULL));

            assertThat(stored.get()).as("chunks stored before the disk was full").isGreaterThanOrEqualTo(2 * RosterImports.CHUNK_ROWS)
                    .isLessThan(20_000);
            assertThat(count(db, "late")).isZero();
            assertThat(db.dsl().fetchCount(ENROLMENT, ENROLMENT.PERSON_ID.like("late-%"))).isZero();
            assertThat(db.dsl().fetchCount(AUDIT_LOG, AUDIT_LOG.ENTITY_ID.like("%late-%"))).isZero();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void racing_imports_of_the_same_people_store_one_of_them_whole_and_refuse_the_others(TestDatabases.Kind kind) throws Exception {
        served(kind, (db, app, api, token) -> {
            String csv = roster("race", 3_000);
            ExecutorService pool = Executors.newFixedThreadPool(4);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                answers.add(pool.submit(() -> {
                    go.await();
                    return post(app.port(), token, "text/csv", csv).statusCode();
                }));
            }
            go.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : answers) {
                statuses.add(f.get());
            }
            pool.shutdown();

            // 409: refused while the first was storing; 422: checked after it, every row enrolled already.
            assertThat(statuses).containsOnlyOnce(201).allSatisfy(s -> assertThat(s).isIn(201, 409, 422));
            assertThat(count(db, "race")).isEqualTo(3_000);
            assertThat(db.dsl().fetchCount(ENROLMENT, ENROLMENT.PERSON_ID.like("race-%"))).isEqualTo(3_000);
        });
    }

    private static HttpResponse<String> post(int port, String token, String type, String body) throws Exception {
        return post(port, token, type, HttpRequest.BodyPublishers.ofString(body));
    }

    /** A roster ({@code text/csv}) or a person (JSON) posted as sent, its bytes unchecked. */
    private static HttpResponse<String> post(int port, String token, String type, HttpRequest.BodyPublisher body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + (type.equals("text/csv") ? "/api/v1/events/tot-almaty-2023/roster" : "/api/v1/people")))
                .header("Authorization", "Bearer " + token).header("Content-Type", type)
                .POST(body).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void a_roster_over_its_16_mib_limit_is_refused_413_naming_that_limit_and_nothing_is_stored() throws Exception {
        served(TestDatabases.Kind.SQLITE, (db, app, api, token) -> {
            String csv = roster("over", 10) + "x".repeat((int) CadreApp.MAX_ROSTER_BYTES);

            HttpResponse<String> r = api.csv("/api/v1/events/tot-almaty-2023/roster", token, csv);

            assertThat(r.statusCode()).isEqualTo(413);
            assertThat(r.body()).contains("Roster files are limited to 16777216 bytes (16 MiB)");
            assertThat(count(db, "over")).isZero();
        });
    }

    @Test
    void a_json_body_keeps_its_1_mib_limit_beside_the_roster_one() throws Exception {
        try (Database db = TestDatabases.fresh(TestDatabases.Kind.SQLITE)) {
            admin(db);
            Javalin app = CadreApp.create(db).start("127.0.0.1", 0);
            try {
                ApiClient api = new ApiClient(app.port());
                String token = api.login("admin", "pw");
                String json = "{\"id\":\"p-big\",\"latinName\":\"" + "x".repeat(2 * 1024 * 1024) + "\",\"country\":\"KZ\"}";

                HttpResponse<String> r = api.send("POST", "/api/v1/people", token, json);

                assertThat(r.statusCode()).isEqualTo(413);
                assertThat(r.body()).contains("Request bodies are limited to 1048576 bytes.");
                // A sign-in, which anyone may send and which never waits for memory, takes a few kilobytes at most.
                HttpResponse<String> signIn = api.send("POST", "/api/v1/session", null,
                        "{\"username\": \"admin\", \"password\": \"" + "x".repeat(5000) + "\"}");
                assertThat(signIn.statusCode()).isEqualTo(413);
                assertThat(signIn.body()).contains("A sign-in is limited to 4096 bytes.");
            } finally {
                app.stop();
            }
        }
    }
}
