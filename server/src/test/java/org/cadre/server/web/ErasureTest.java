package org.cadre.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.google.common.collect.ImmutableSortedSet;
import io.javalin.Javalin;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.cadre.server.store.DemoData;
import org.cadre.server.security.Passwords;
import org.cadre.server.store.AuditLog;
import org.cadre.server.store.Database;
import org.cadre.server.security.UserAccount;
import org.cadre.server.store.Users;
import org.junit.jupiter.api.Test;

/** Erasure erases: after it, the raw database file and its write-ahead log hold no byte of the person's names. */
class ErasureTest {

    private static final String CYRILLIC = "Зиязиева Канарейка";
    private static final String LATIN = "Ziyazieva Kanareyka";
    private static final String PHONE = "+7 701 555 0123";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Where the bytes of {@code text} occur in the files beside and including the database file. */
    private static List<String> traces(Path db, String text) throws Exception {
        byte[] needle = text.getBytes(StandardCharsets.UTF_8);
        List<String> found = new ArrayList<>();
        try (var files = Files.list(db.getParent())) {
            for (Path f : files.filter(p -> p.getFileName().toString().startsWith("cadre.db")).toList()) {
                byte[] hay = Files.readAllBytes(f);
                for (int i = 0; i + needle.length <= hay.length; i++) {
                    int j = 0;
                    while (j < needle.length && hay[i + j] == needle[j]) {
                        j++;
                    }
                    if (j == needle.length) {
                        found.add(f.getFileName() + "@" + i);
                    }
                }
            }
        }
        return found;
    }

    @Test
    void an_erased_person_leaves_no_trace_in_the_database_file_or_its_log_and_the_audit_keeps_only_the_act() throws Exception {
        Path file = Files.createTempDirectory("cadre-erase").resolve("cadre.db");
        try (Database db = Database.sqlite(file)) {
            AuditLog audit = new AuditLog(Clock.systemUTC());
            DemoData.load(db, audit);
            new Users(db, audit).add(new UserAccount("admin", Passwords.hash("pw".toCharArray(), 1_000), UserAccount.Role.ADMIN,
                    ImmutableSortedSet.of(), ImmutableSortedSet.of(), false), "test");
            Javalin app = CadreApp.create(db).start("127.0.0.1", 0);
            try {
                ApiClient api = new ApiClient(app.port());
                String admin = api.login("admin", "pw");
                assertThat(api.send("POST", "/api/v1/people", admin, "{\"id\": \"p-canary\", \"nativeName\": \"" + CYRILLIC
                        + "\", \"latinName\": \"" + LATIN + "\", \"country\": \"KZ\", \"rank\": \"Captain\"}").statusCode()).isEqualTo(201);
                // Written more than once (changes, an enrolment, feedback in the person's words), as records are.
                assertThat(api.change("PUT", "/api/v1/people/p-canary", admin, "{\"id\": \"p-canary\", \"nativeName\": \"" + CYRILLIC
                        + "\", \"latinName\": \"" + LATIN + "\", \"country\": \"KZ\", \"rank\": \"Major\"}").statusCode()).isEqualTo(200);
                assertThat(api.send("POST", "/api/v1/events/tot-almaty-2023/enrolments", admin,
                        "{\"person\": \"p-canary\", \"role\": \"participant\", \"nominatedBy\": \"kz-border-academy\"}").statusCode()).isEqualTo(201);
                for (String[] step : new String[][] {{"nominated", "approved"}, {"approved", "confirmed"}}) {
                    var moved = api.send("POST", "/api/v1/events/tot-almaty-2023/enrolments/status", admin,
                            "{\"status\": \"" + step[1] + "\", \"every\": \"" + step[0] + "\"}");
                    assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
                }
                String comment = "{\"items\": [{\"session\": \"M1.S1\", \"rating\": 4, \"author\": \"p-canary\", \"comment\": \"I am "
                        + LATIN + "\", \"concerns\": {\"element\": \"session\", \"code\": \"M1.S1\"}}]}";
                assertThat(api.send("POST", "/api/v1/events/tot-almaty-2023/feedback", admin, comment,
                        java.util.Map.of("Idempotency-Key", "canary-1")).statusCode()).isEqualTo(201);
                // Staff's notes in the trainer pool may name the person too (the attacker's review of session 23).
                String pool = "/api/v1/trainers/p-canary/tsp-countering-migrant-smuggling";
                var admitted = api.send("POST", pool + "/evidence", admin, "{\"kind\": \"tot-enrolled\", \"event\": \"tot-almaty-2023\","
                        + " \"note\": \"" + LATIN + " home phone " + PHONE + "\"}");
                assertThat(admitted.statusCode()).as(admitted.body()).isEqualTo(201);
                assertThat(traces(file, PHONE)).as("written").isNotEmpty();
                assertThat(traces(file, LATIN)).as("written").isNotEmpty();
                // A roster file naming the person, checked on the import page and waiting for its confirmation.
                var uploads = new org.cadre.server.store.RosterUploads(db, Clock.systemUTC());
                uploads.keep("waiting", "admin", org.cadre.roster.EventId.of("tot-almaty-2023"),
                        ("person_id,country,role,latin_name\np-canary,KZ,participant," + LATIN + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));

                org.cadre.roster.names.NameKey remembered = org.cadre.roster.names.NameKey.of(CYRILLIC);

                var erased = api.send("POST", "/api/v1/people/p-canary/erasure", admin, null);

                assertThat(erased.statusCode()).as(erased.body()).isEqualTo(200);
                assertThat(uploads.checked("waiting", "admin", org.cadre.roster.EventId.of("tot-almaty-2023")))
                        .as("a waiting roster file, forgotten with the person").isEmpty();
                assertThat(org.cadre.roster.names.NameKey.of(CYRILLIC)).as("the name's key, no longer remembered by the process")
                        .isEqualTo(remembered).isNotSameAs(remembered);
                var person = JSON.readTree(api.send("GET", "/api/v1/people/p-canary", admin, null).body());
                assertThat(person.get("latinName").asText()).isEqualTo("(erased)");
                String progression = api.send("GET", pool, admin, null).body();
                assertThat(progression).as("the pool record keeps its steps, not the notes").contains("tot-almaty-2023").doesNotContain(PHONE);
                // An erased record takes no more evidence: its note would bring words about the person back.
                var more = api.send("POST", pool + "/evidence", admin, "{\"kind\": \"tot-completed\", \"event\": \"tot-almaty-2023\","
                        + " \"note\": \"again " + PHONE + "\"}", java.util.Map.of("If-Match", "\"1\""));
                assertThat(more.statusCode()).as(more.body()).isEqualTo(409);
                // Nor feedback in their name: their old items are anonymous now, so a new one would count them again.
                var rated = api.send("POST", "/api/v1/events/tot-almaty-2023/feedback", admin, "{\"items\": [{\"session\": \"M1.S1\","
                        + " \"rating\": 5, \"author\": \"p-canary\", \"comment\": \"" + PHONE + "\"}]}");
                assertThat(rated.statusCode()).as(rated.body()).isEqualTo(400);
                assertThat(rated.body()).contains("items[0].author: was erased; feedback is no longer recorded in their name");
                // The request kept under its key is forgotten: sent again, it is judged anew, not confirmed as sent before.
                var again = api.send("POST", "/api/v1/events/tot-almaty-2023/feedback", admin, comment,
                        java.util.Map.of("Idempotency-Key", "canary-1"));
                assertThat(again.headers().firstValue("Idempotent-Replayed")).isEmpty();
                assertThat(again.statusCode()).isEqualTo(400);
                assertThat(person.has("nativeName") && !person.get("nativeName").isNull()).isFalse();
            } finally {
                app.stop();
            }
            var log = new AuditLog(Clock.systemUTC()).of(db, "person", "p-canary");
            assertThat(log).extracting(AuditLog.Entry::action).contains("create", "update", "erase");
            assertThat(log.toString()).doesNotContain(LATIN).doesNotContain(CYRILLIC).doesNotContain("Major");
            assertThat(traces(file, LATIN)).as("the Latin name, in the open database").isEmpty();
            assertThat(traces(file, CYRILLIC)).as("the Cyrillic name, in the open database").isEmpty();
            assertThat(traces(file, PHONE)).as("the pool's note, in the open database").isEmpty();
        }
        assertThat(traces(file, LATIN)).as("the Latin name, closed").isEmpty();
        assertThat(traces(file, CYRILLIC)).as("the Cyrillic name, closed").isEmpty();
    }

    @Test
    void the_retention_policy_lists_or_erases_those_due_and_only_an_administrator_applies_it() throws Exception {
        Path file = Files.createTempDirectory("cadre-retention").resolve("cadre.db");
        try (Database db = Database.sqlite(file)) {
            AuditLog audit = new AuditLog(Clock.systemUTC());
            DemoData.load(db, audit);
            Users users = new Users(db, audit);
            users.add(new UserAccount("admin", Passwords.hash("pw".toCharArray(), 1_000), UserAccount.Role.ADMIN,
                    ImmutableSortedSet.of(), ImmutableSortedSet.of(), false), "test");
            users.add(new UserAccount("kz", Passwords.hash("pw".toCharArray(), 1_000), UserAccount.Role.COORDINATOR,
                    ImmutableSortedSet.of(org.cadre.roster.Country.KAZAKHSTAN), ImmutableSortedSet.of(), false), "test");
            Javalin app = CadreApp.create(db).start("127.0.0.1", 0);
            try {
                ApiClient api = new ApiClient(app.port());
                String admin = api.login("admin", "pw");

                var dry = JSON.readTree(api.send("POST", "/api/v1/retention", admin, "{\"on\": \"2031-01-01\", \"dryRun\": true}").body());
                var none = JSON.readTree(api.send("POST", "/api/v1/retention", admin, "{\"on\": \"2024-01-01\", \"dryRun\": true}").body());
                assertThat(api.send("POST", "/api/v1/retention", api.login("kz", "pw"), "{\"on\": \"2031-01-01\"}").statusCode()).isEqualTo(403);

                assertThat(dry.get("people")).isNotEmpty();
                assertThat(dry.get("people").toString()).contains("p-kz-14").doesNotContain("p-tj-01"); // p-tj-01 is in the trainer pool
                assertThat(none.get("people")).isEmpty();
                assertThat(JSON.readTree(api.send("GET", "/api/v1/people/p-kz-14", admin, null).body()).get("latinName").asText())
                        .as("a dry run erases no one").isNotEqualTo("(erased)");
                // A run that erases judges no day ahead: a mistyped year would erase everyone out of the pool (the attacker's
                // review of session 23). A dry run looks ahead, as above.
                var ahead = api.send("POST", "/api/v1/retention", admin, "{\"on\": \"2031-01-01\"}");
                assertThat(ahead.statusCode()).isEqualTo(400);
                assertThat(JSON.readTree(ahead.body()).get("errors").get(0).asText()).startsWith("on: must not be after today (");
                assertThat(JSON.readTree(api.send("GET", "/api/v1/people/p-kz-14", admin, null).body()).get("latinName").asText())
                        .as("a refused run erases no one").isNotEqualTo("(erased)");
                var dryToday = JSON.readTree(api.send("POST", "/api/v1/retention", admin, "{\"keepYears\": 1, \"dryRun\": true}").body());
                assertThat(dryToday.get("people").toString()).contains("p-kz-14");
                var applied = JSON.readTree(api.send("POST", "/api/v1/retention", admin, "{\"keepYears\": 1}").body());
                assertThat(applied.get("people")).isEqualTo(dryToday.get("people"));
                assertThat(JSON.readTree(api.send("GET", "/api/v1/people/p-kz-14", admin, null).body()).get("latinName").asText())
                        .isEqualTo("(erased)");
            } finally {
                app.stop();
            }
        }
    }

    @Test
    void the_command_line_erases_and_applies_retention_as_the_api_does() throws Exception {
        Path dir = Files.createTempDirectory("cadre-erase-cli");
        try (Database db = Database.sqlite(dir.resolve("cadre.db"))) {
            DemoData.load(db, new AuditLog(Clock.systemUTC()));
        }
        java.io.StringWriter out = new java.io.StringWriter();
        java.io.StringWriter err = new java.io.StringWriter();
        java.io.PrintWriter o = new java.io.PrintWriter(out, true);
        java.io.PrintWriter e = new java.io.PrintWriter(err, true);

        assertThat(org.cadre.server.Cadre.run(o, e, "erase", "p-kz-01", "--data", dir.toString())).isZero();
        assertThat(org.cadre.server.Cadre.run(o, e, "erase", "p-nobody", "--data", dir.toString())).isEqualTo(1);
        assertThat(org.cadre.server.Cadre.run(o, e, "retention", "--dry-run", "--on", "2031-01-01", "--data", dir.toString())).isZero();

        assertThat(out.toString()).contains("Erased p-kz-01.").contains("Due for erasure on 2031-01-01:").contains("p-kz-14");
        assertThat(err.toString()).contains("There is no such person.");
        try (Database db = Database.sqlite(dir.resolve("cadre.db"))) {
            assertThat(new org.cadre.server.store.People(db, new AuditLog(Clock.systemUTC())).get(org.cadre.roster.PersonId.of("p-kz-14"))
                    .orElseThrow().value().latinName()).as("a dry run erases no one").isNotEqualTo(java.util.Optional.of("(erased)"));
            assertThat(new AuditLog(Clock.systemUTC()).of(db, "person", "p-kz-01")).extracting(AuditLog.Entry::actor).contains("command-line");
        }
    }
}
