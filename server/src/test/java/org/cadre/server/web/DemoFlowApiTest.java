package org.cadre.server.web;

import org.cadre.server.app.Settings;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.google.common.collect.ImmutableSortedSet;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.cadre.curriculum.demo.DemoCurricula;
import org.cadre.reporting.EventReports;
import org.cadre.reporting.disclosure.Audience;
import org.cadre.reporting.disclosure.Disclosure;
import org.cadre.reporting.render.JsonRenderer;
import org.cadre.roster.Attendance;
import org.cadre.roster.Certification;
import org.cadre.roster.Enrolment;
import org.cadre.roster.EventRoster;
import org.cadre.roster.Person;
import org.cadre.roster.TestScore;
import org.cadre.roster.demo.DemoRoster;
import org.cadre.documents.CurriculumDoc;
import org.cadre.documents.Labels;
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
 * The whole demo flow over HTTP, as a coordinator would do it, on SQLite and on PostgreSQL: create the
 * programme and organisations, store the package, create the event, import its roster from CSV, move
 * every enrolment through its statuses, set the agenda (with If-Match), mark attendance for five days,
 * record tests, practice teaching and feedback, certify, and read the report in all three formats. The
 * report must carry the same figures as the report computed directly from the demo roster.
 */
class DemoFlowApiTest {

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    static List<TestDatabases.Kind> kinds() {
        return TestDatabases.kinds();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void a_coordinator_runs_the_almaty_tot_end_to_end_and_reads_the_same_figures_as_the_library_computes(TestDatabases.Kind kind)
            throws Exception {
        EventRoster demo = DemoRoster.almatyTot();
        try (Database db = TestDatabases.fresh(kind)) {
            new Users(db, new AuditLog(Clock.systemUTC())).add(new UserAccount("admin", Passwords.hash("admin-password".toCharArray(), 1_000),
                    UserAccount.Role.ADMIN, ImmutableSortedSet.of(), ImmutableSortedSet.of(), false), "test");
            Javalin app = CadreApp.create(db, Settings.defaults()).start("127.0.0.1", 0);
            try {
                ApiClient api = new ApiClient(app.port());
                String admin = api.login("admin", "admin-password");
                created(api.send("POST", "/api/v1/users", admin, """
                        {"username": "aigerim", "password": "a long enough password", "role": "coordinator",
                         "countries": ["KZ", "TJ", "UZ"]}"""));
                String coordinator = api.login("aigerim", "a long enough password");

                // Programme, organisations, package. The programme (it spans countries beyond the coordinator's) and
                // the international organisation and donor are shared records: an administrator records them.
                created(api.send("POST", "/api/v1/programmes", admin, json(RosterDocs.ProgrammeDoc.of(demo.programme()))));
                for (var o : demo.organisations().values()) {
                    boolean shared = o.kind() == org.cadre.roster.Organisation.Kind.INTERNATIONAL_ORGANISATION
                            || o.kind() == org.cadre.roster.Organisation.Kind.DONOR;
                    created(api.send("POST", "/api/v1/organisations", shared ? admin : coordinator, json(RosterDocs.OrganisationDoc.of(o))));
                }
                HttpResponse<String> stored = created(api.send("POST", "/api/v1/curricula?days=5&hoursPerDay=6", coordinator,
                        json(CurriculumDoc.of(DemoCurricula.almatyTot()))));
                assertThat(JSON.readTree(stored.body()).get("findings")).as("the demo package checks clean").isEmpty();

                // The event without its agenda first: the trainers are not on record yet.
                var withoutAgenda = demo.event().toBuilder().agenda(List.of()).build();
                HttpResponse<String> event = created(api.send("POST", "/api/v1/events", coordinator, json(RosterDocs.EventDoc.of(withoutAgenda))));
                String etag = event.headers().firstValue("ETag").orElseThrow();

                // Roster import from CSV, twice with the same key: the second answer is the first, nothing doubles.
                String csv = csv(demo);
                HttpResponse<String> imported = csvImport(app.port(), coordinator, csv, "almaty-roster-1");
                assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
                assertThat(JSON.readTree(imported.body()).get("enrolled").asInt()).isEqualTo(30);
                HttpResponse<String> again = csvImport(app.port(), coordinator, csv, "almaty-roster-1");
                assertThat(again.statusCode()).isEqualTo(201);
                assertThat(again.body()).isEqualTo(imported.body());
                assertThat(again.headers().firstValue("Idempotent-Replayed")).contains("true");
                // The same key with another file is refused, and stores nothing.
                String oneMoreRow = csv + "\"p-extra\",\"\",\"Extra Officer\",\"male\",\"KZ\",\"\",\"\",\"participant\",\"kz-nsc-border-guard\"\r\n";
                HttpResponse<String> otherBody = csvImport(app.port(), coordinator, oneMoreRow, "almaty-roster-1");
                assertThat(otherBody.statusCode()).as(otherBody.body()).isEqualTo(422);
                assertThat(JSON.readTree(otherBody.body()).get("errors").toString()).contains("Idempotency-Key: was used with another request");
                assertThat(JSON.readTree(ok(api.send("GET", "/api/v1/events/tot-almaty-2023/enrolments", coordinator, null)).body())
                        .get("items")).hasSize(30);
                assertThat(api.send("GET", "/api/v1/people/p-extra", coordinator, null).statusCode()).isEqualTo(404);

                // Statuses, replaying the demo's history through legal transitions.
                // Each change names the version it starts from: 1 after the import, then the ETag of the last answer.
                for (Enrolment e : demo.enrolments()) {
                    String version = "\"1\"";
                    for (Enrolment.StatusChange change : e.history().subList(1, e.history().size())) {
                        version = ok(api.send("POST", "/api/v1/events/tot-almaty-2023/enrolments/" + e.person() + "/status", coordinator,
                                "{\"status\": \"" + Labels.of(change.status()) + "\", \"on\": \"" + change.on() + "\"}", null, version))
                                .headers().firstValue("ETag").orElseThrow();
                    }
                }

                // The agenda, with the ETag read at creation: the change is accepted once, then that ETag is stale.
                String withAgenda = json(RosterDocs.EventDoc.of(demo.event()));
                HttpResponse<String> updated = send(app.port(), "PUT", "/api/v1/events/tot-almaty-2023", coordinator, withAgenda, etag);
                assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);
                HttpResponse<String> stale = send(app.port(), "PUT", "/api/v1/events/tot-almaty-2023", coordinator, withAgenda, etag);
                assertThat(stale.statusCode()).isEqualTo(412);

                // Attendance, one request per session over the five days.
                Map<String, List<Attendance>> bySession = demo.attendance().stream()
                        .collect(Collectors.groupingBy(a -> a.session().value(), LinkedHashMap::new, Collectors.toList()));
                for (var session : bySession.entrySet()) {
                    List<Map<String, String>> marks = session.getValue().stream()
                            .map(a -> Map.of("person", a.person().value(), "mark", Labels.of(a.mark()))).toList();
                    ok(api.send("PUT", "/api/v1/events/tot-almaty-2023/attendance/" + session.getKey(), coordinator,
                            JSON.writeValueAsString(Map.of("marks", marks))));
                }
                assertThat(demo.event().agenda().stream().map(s -> s.day()).distinct()).hasSize(5);

                // Tests, rubric, practice teaching, feedback.
                for (TestScore.Phase phase : TestScore.Phase.values()) {
                    List<Map<String, Object>> scores = demo.tests().stream().filter(t -> t.phase() == phase).map(t -> Map.<String, Object>of(
                            "person", t.person().value(), "points", t.points().entrySet().stream()
                                    .collect(Collectors.toMap(x -> x.getKey().value(), Map.Entry::getValue)))).toList();
                    ok(api.send("POST", "/api/v1/events/tot-almaty-2023/tests", coordinator,
                            JSON.writeValueAsString(Map.of("phase", Labels.of(phase), "scores", scores))));
                }
                ok(api.send("PUT", "/api/v1/events/tot-almaty-2023/rubric", coordinator, json(RosterDocs.RubricDoc.of(demo.rubric().orElseThrow()))));
                List<Map<String, Object>> practice = demo.practice().stream().map(p -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("person", p.person().value());
                    m.put("task", p.task().value());
                    m.put("scores", p.scores());
                    m.put("assessor", p.assessor().map(Object::toString).orElse(null));
                    return m;
                }).toList();
                ok(api.send("POST", "/api/v1/events/tot-almaty-2023/practice", coordinator, JSON.writeValueAsString(Map.of("results", practice))));
                List<Map<String, Object>> feedback = demo.feedback().stream().map(f -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("author", f.author().map(Object::toString).orElse(null));
                    m.put("session", f.session().value());
                    m.put("trainer", f.trainer().map(Object::toString).orElse(null));
                    m.put("rating", f.rating());
                    m.put("comment", f.comment().orElse(null));
                    m.put("concerns", Map.of("element", Labels.of(f.concerns().element()), "code", f.concerns().code()));
                    return m;
                }).toList();
                created(api.send("POST", "/api/v1/events/tot-almaty-2023/feedback", coordinator, JSON.writeValueAsString(Map.of("items", feedback))));

                // Certification: the decisions recorded are the library's.
                HttpResponse<String> certified = created(api.send("POST", "/api/v1/events/tot-almaty-2023/certification", coordinator,
                        "{\"on\": \"2023-10-27\"}"));
                long expectedCertified = Certification.evaluate(demo).stream().filter(Certification.Decision::certified).count();
                assertThat(JSON.readTree(certified.body()).get("certified").asLong()).isEqualTo(expectedCertified).isPositive();

                // The report in three formats; the JSON carries the library's figures for the same roster.
                HttpResponse<String> report = ok(api.send("GET", "/api/v1/events/tot-almaty-2023/report?audience=donor", coordinator, null));
                JsonNode got = JSON.readTree(report.body());
                JsonNode expected = JSON.readTree(JsonRenderer.render(EventReports.of(demo, Disclosure.forAudience(Audience.DONOR))));
                assertThat(got.get("participants")).isEqualTo(expected.get("participants"));
                assertThat(got.get("participants").get("value").asInt()).isEqualTo(26);
                // Every section, field by field (so a failure names the section), and no section more or less.
                List<String> sections = new ArrayList<>();
                expected.fieldNames().forEachRemaining(sections::add);
                List<String> gotSections = new ArrayList<>();
                got.fieldNames().forEachRemaining(gotSections::add);
                assertThat(gotSections).containsExactlyElementsOf(sections);
                assertThat(sections).contains("attendance", "attendanceBySession", "knowledge", "practice", "certification", "feedback");
                for (String section : sections) {
                    assertThat(got.get(section)).as("report section %s", section).isEqualTo(expected.get(section));
                }
                // The recorded tests and practice made it into the report: it is not two empty sections that agree.
                assertThat(got.get("knowledge").get("pairs").get("value").asInt()).isPositive();
                assertThat(got.get("practice").get("scored").get("value").asInt()).isPositive();
                HttpResponse<String> csvReport = ok(api.send("GET", "/api/v1/events/tot-almaty-2023/report?format=csv&audience=donor", coordinator, null));
                assertThat(csvReport.body()).contains("#country +code").contains("KZ");
                HttpResponse<String> html = ok(api.send("GET", "/api/v1/events/tot-almaty-2023/report", coordinator, null, "text/html"));
                assertThat(html.body()).contains("<svg").contains("Almaty");

                // The roster as staff read it, and the event's checks.
                JsonNode roster = JSON.readTree(ok(api.send("GET", "/api/v1/events/tot-almaty-2023/enrolments", coordinator, null)).body());
                assertThat(roster.get("items")).hasSize(30);
                for (JsonNode item : roster.get("items")) {
                    assertThat(item.get("status").asText()).as(item.get("person").asText()).isEqualTo(Labels.of(
                            demo.enrolment(org.cadre.roster.PersonId.of(item.get("person").asText())).orElseThrow().status()));
                }
                JsonNode checks = JSON.readTree(ok(api.send("GET", "/api/v1/events/tot-almaty-2023/checks", coordinator, null)).body());
                assertThat(checks.get("findings").toString()).doesNotContain("enrolment.illegal-transition");
            } finally {
                app.stop();
            }
        }
    }

    private static String json(Object value) throws Exception {
        return JSON.writeValueAsString(value);
    }

    private static HttpResponse<String> created(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return r;
    }

    private static HttpResponse<String> ok(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return r;
    }

    /** The demo roster's people and roles as the CSV a coordinator would prepare. */
    static String csv(EventRoster demo) {
        StringBuilder out = new StringBuilder("person_id,native_name,latin_name,sex,country,organisation,rank,role,nominated_by\r\n");
        for (Enrolment e : demo.enrolments()) {
            Person p = demo.people().get(e.person());
            List<String> cells = new ArrayList<>(List.of(p.id().value(), p.nativeName().orElse(""), p.latinName().orElse(""),
                    Labels.of(p.sex()), p.country().code(), p.organisation().map(Object::toString).orElse(""), p.rank().orElse(""),
                    Labels.of(e.role()), e.nominatedBy().map(Object::toString).orElse("")));
            out.append(cells.stream().map(c -> "\"" + c.replace("\"", "\"\"") + "\"").collect(Collectors.joining(","))).append("\r\n");
        }
        return out.toString();
    }

    static HttpResponse<String> csvImport(int port, String token, String csv, String key) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/events/tot-almaty-2023/roster?on="
                        + DemoRoster.almatyTot().enrolments().get(0).history().get(0).on()))
                .header("Authorization", "Bearer " + token).header("Content-Type", "text/csv; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(csv));
        if (key != null) {
            b.header("Idempotency-Key", key);
        }
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        var report = ApiClient.CONTRACT.validateResponse("/api/v1/events/tot-almaty-2023/roster",
                com.atlassian.oai.validator.model.Request.Method.POST,
                com.atlassian.oai.validator.model.SimpleResponse.Builder.status(r.statusCode()).withBody(r.body())
                        .withContentType(r.headers().firstValue("Content-Type").orElse("").split(";")[0]).build());
        assertThat(report.getMessages()).as(r.body()).isEmpty();
        return r;
    }

    static HttpResponse<String> send(int port, String method, String path, String token, String body, String ifMatch) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body));
        if (ifMatch != null) {
            b.header("If-Match", ifMatch);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
