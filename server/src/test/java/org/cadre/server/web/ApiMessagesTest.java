package org.cadre.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.ImmutableSortedSet;
import io.javalin.Javalin;
import java.nio.file.Files;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.cadre.curriculum.demo.DemoCurricula;
import org.cadre.roster.demo.DemoRoster;
import org.cadre.roster.fixtures.RosterWords;
import org.cadre.server.store.DemoData;
import org.cadre.documents.CurriculumDoc;
import org.cadre.documents.RosterDocs;
import org.cadre.server.security.Passwords;
import org.cadre.server.store.AuditLog;
import org.cadre.server.store.Database;
import org.cadre.server.security.UserAccount;
import org.cadre.server.store.Users;
import org.junit.jupiter.api.Test;

/**
 * Refusals speak the API's words: each field named by its path in the document, each value as the API
 * spells it, never a Java type, field or constant (the domain's own messages name those).
 */
class ApiMessagesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void every_field_of_a_document_sent_as_null_is_refused_in_the_api_words() throws Exception {
        try (Database db = Database.sqlite(Files.createTempDirectory("cadre-messages").resolve("cadre.db"))) {
            AuditLog audit = new AuditLog(Clock.systemUTC());
            DemoData.load(db, audit);
            new Users(db, audit).add(new UserAccount("admin", Passwords.hash("pw".toCharArray(), 1_000), UserAccount.Role.ADMIN,
                    ImmutableSortedSet.of(), ImmutableSortedSet.of(), false), "setup");
            Javalin app = CadreApp.create(db).start("127.0.0.1", 0);
            try {
                ApiClient api = new ApiClient(app.port());
                String token = api.login("admin", "pw");
                List<String> messages = new ArrayList<>();
                // Each top-level field of an event, a package, a person and a programme document, in turn null.
                for (Object[] doc : List.of(
                        new Object[] {"/api/v1/events", JSON.valueToTree(RosterDocs.EventDoc.of(DemoRoster.almatyTot().event()))},
                        new Object[] {"/api/v1/curricula", JSON.valueToTree(CurriculumDoc.of(DemoCurricula.almatyTot()))},
                        new Object[] {"/api/v1/people", JSON.valueToTree(RosterDocs.PersonDoc.of(DemoRoster.almatyTrainers().get(0)))},
                        new Object[] {"/api/v1/programmes", JSON.valueToTree(RosterDocs.ProgrammeDoc.of(DemoRoster.programme()))})) {
                    ObjectNode whole = (ObjectNode) doc[1];
                    List<String> fields = new ArrayList<>();
                    whole.fieldNames().forEachRemaining(fields::add);
                    for (String field : fields) {
                        ObjectNode broken = whole.deepCopy();
                        broken.putNull(field);
                        var response = api.send("POST", (String) doc[0], token, JSON.writeValueAsString(broken));
                        if (response.statusCode() >= 400) {
                            JsonNode problem = JSON.readTree(response.body());
                            messages.add(problem.path("detail").asText());
                            problem.path("errors").forEach(e -> messages.add(e.asText()));
                        }
                    }
                }
                var event = (ObjectNode) JSON.valueToTree(RosterDocs.EventDoc.of(DemoRoster.almatyTot().event()));
                event.put("id", "another-event").putNull("curriculum");
                var missingPackage = JSON.readTree(api.send("POST", "/api/v1/events", token, JSON.writeValueAsString(event)).body());

                assertThat(missingPackage.path("errors").toString()).contains("curriculum: is required").doesNotContain("CurriculumId");
                assertThat(messages).hasSizeGreaterThan(20);
                RosterWords.check(messages);
            } finally {
                app.stop();
            }
        }
    }

    @Test
    void each_invalid_value_is_refused_under_its_own_field_in_the_api_words() throws Exception {
        try (Database db = Database.sqlite(Files.createTempDirectory("cadre-messages").resolve("cadre.db"))) {
            AuditLog audit = new AuditLog(Clock.systemUTC());
            new Users(db, audit).add(new UserAccount("admin", Passwords.hash("pw".toCharArray(), 1_000), UserAccount.Role.ADMIN,
                    ImmutableSortedSet.of(), ImmutableSortedSet.of(), false), "setup");
            Javalin app = CadreApp.create(db).start("127.0.0.1", 0);
            try {
                ApiClient api = new ApiClient(app.port());
                String token = api.login("admin", "pw");
                ObjectNode event = JSON.valueToTree(RosterDocs.EventDoc.of(DemoRoster.almatyTot().event()));
                ObjectNode person = JSON.valueToTree(RosterDocs.PersonDoc.of(DemoRoster.almatyTrainers().get(0)));
                ObjectNode programme = JSON.valueToTree(RosterDocs.ProgrammeDoc.of(DemoRoster.programme()));
                ObjectNode pkg = JSON.valueToTree(CurriculumDoc.of(DemoCurricula.almatyTot()));
                java.util.Map<String, String> expected = new java.util.LinkedHashMap<>();
                expected.put(errors(api, token, "/api/v1/events", event.deepCopy().put("maxParticipants", -3)), "maxParticipants: must be positive");
                int max = event.get("maxParticipants").asInt();
                expected.put(errors(api, token, "/api/v1/events", event.deepCopy().put("minParticipants", max + 1)),
                        "minParticipants: must not exceed maxParticipants (" + max + ")");
                expected.put(errors(api, token, "/api/v1/events", event.deepCopy().put("id", "e 11")),
                        "id: must be 1-64 letters, digits, dots, underscores or hyphens, starting with a letter or digit");
                expected.put(errors(api, token, "/api/v1/events", event.deepCopy().putNull("country")), "country: is required");
                expected.put(errors(api, token, "/api/v1/events", event.deepCopy().put("version", "one")), "version: must look like MAJOR.MINOR.PATCH (for example 1.2.0)");
                expected.put(errors(api, token, "/api/v1/people", person.deepCopy().put("nativeName", "  ")), "nativeName: must not be blank");
                ObjectNode badSdg = programme.deepCopy();
                badSdg.putArray("sdgs").add(18);
                expected.put(errors(api, token, "/api/v1/programmes", badSdg), "sdgs: must be between 1 and 17");
                ObjectNode badValidity = pkg.deepCopy();
                ((ObjectNode) badValidity.get("certification")).put("certificateValidity", "3 years");
                expected.put(errors(api, token, "/api/v1/curricula", badValidity),
                        "certification.certificateValidity: must be an ISO-8601 period such as P3Y (three years)");

                // Strict types: no value of one JSON type is read as another.
                expected.put(errors(api, token, "/api/v1/events", event.deepCopy().put("maxParticipants", "20")),
                        "maxParticipants: must be a whole number");
                expected.put(errors(api, token, "/api/v1/events", event.deepCopy().put("maxParticipants", 20.5)),
                        "maxParticipants: must be a whole number");
                expected.put(errors(api, token, "/api/v1/people", person.deepCopy().put("rank", 12)), "rank: must be text (a JSON string)");

                expected.forEach((got, want) -> assertThat(got).as(want).contains("\"" + want + "\""));
                String twice = JSON.writeValueAsString(person).replaceFirst("\\{", "{\"sex\": \"female\", ");
                assertThat(api.send("POST", "/api/v1/people", token, twice).statusCode()).as("a field given twice").isEqualTo(400);
            } finally {
                app.stop();
            }
        }
    }

    private static String errors(ApiClient api, String token, String path, ObjectNode doc) throws Exception {
        var response = api.send("POST", path, token, JSON.writeValueAsString(doc));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        return JSON.readTree(response.body()).path("errors").toString();
    }
}
