package org.cadre.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableSortedSet;
import io.javalin.Javalin;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.cadre.roster.Country;
import org.cadre.roster.EventRoster;
import org.cadre.roster.Rubric;
import org.cadre.roster.demo.DemoRoster;
import org.cadre.server.store.DemoData;
import org.cadre.documents.RosterDocs.EventDoc;
import org.cadre.documents.RosterDocs.SlotDoc;
import org.cadre.server.security.Passwords;
import org.cadre.server.store.Assessments;
import org.cadre.server.store.AuditLog;
import org.cadre.server.store.Database;
import org.cadre.server.store.Events;
import org.cadre.server.security.UserAccount;
import org.cadre.server.store.Users;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Delivery records that the event's own rules would flag are refused before they are stored: scores name
 * test questions and rubric criteria within their points, attendance is taken for sessions on the agenda.
 */
class DeliveryRecordsTest {

    private static final EventRoster DEMO = DemoRoster.almatyTot();
    private static Database db;
    private static Javalin app;
    private static ApiClient api;
    private static String token;

    @BeforeAll
    static void start() throws Exception {
        db = Database.sqlite(Files.createTempDirectory("cadre-delivery").resolve("cadre.db"));
        AuditLog audit = new AuditLog(Clock.systemUTC());
        DemoData.load(db, audit);
        new Users(db, audit).add(new UserAccount("kz", Passwords.hash("pw".toCharArray(), 1_000), UserAccount.Role.COORDINATOR,
                ImmutableSortedSet.of(Country.KAZAKHSTAN), ImmutableSortedSet.of(), false), "admin");
        // The same ToT under another id, its first agenda slot dropped.
        EventDoc e = EventDoc.of(DEMO.event());
        List<SlotDoc> shorter = new ArrayList<>(e.agenda().subList(1, e.agenda().size()));
        new Events(db, audit).add(new EventDoc("tot-almaty-short", e.title(), e.programme(), e.curriculum(), e.version(), e.kind(),
                e.city(), e.country(), e.zone(), e.courseDays(), e.travelWindow(), e.minParticipants(), e.maxParticipants(), e.quotas(),
                e.languages(), e.interpretation(), shorter, e.trainersFrom(), e.days(), e.modules(), null, null).toDomain(), "admin");
        new Users(db, audit).add(new UserAccount("mn", Passwords.hash("pw".toCharArray(), 1_000), UserAccount.Role.COORDINATOR,
                ImmutableSortedSet.of(Country.of("MN")), ImmutableSortedSet.of(), false), "admin");
        app = CadreApp.create(db).start("127.0.0.1", 0);
        api = new ApiClient(app.port());
        token = api.login("kz", "pw");
    }

    @AfterAll
    static void stop() {
        app.stop();
        db.close();
    }

    private static String participant() {
        return DEMO.seatedParticipants().get(0).person().value();
    }

    @Test
    void a_test_score_on_the_practical_task_or_above_an_items_maximum_is_refused_and_nothing_is_stored() throws Exception {
        int before = new Assessments(db, new AuditLog(Clock.systemUTC())).tests(DEMO.event().id()).size();

        HttpResponse<String> practical = api.send("POST", "/api/v1/events/tot-almaty-2023/tests", token,
                "{\"phase\": \"post\", \"scores\": [{\"person\": \"" + participant() + "\", \"points\": {\"Q1\": 1, \"P1\": 3}}]}");
        HttpResponse<String> tooMany = api.send("POST", "/api/v1/events/tot-almaty-2023/tests", token,
                "{\"phase\": \"post\", \"scores\": [{\"person\": \"" + participant() + "\", \"points\": {\"Q1\": 99}}]}");

        assertThat(practical.statusCode()).isEqualTo(400);
        assertThat(practical.body()).contains("scores[0]: scores P1, which is not a test question of the blueprint");
        assertThat(tooMany.statusCode()).isEqualTo(400);
        assertThat(tooMany.body()).contains("scores[0]: scores 99 on Q1, whose maximum is 2");
        assertThat(new Assessments(db, new AuditLog(Clock.systemUTC())).tests(DEMO.event().id())).hasSize(before);
    }

    @Test
    void practice_teaching_scored_beyond_the_rubric_is_refused_naming_the_criterion_limit() throws Exception {
        Rubric.Criterion first = DEMO.rubric().orElseThrow().criteria().get(0);
        int over = first.maxPoints() + 1;

        HttpResponse<String> response = api.send("POST", "/api/v1/events/tot-almaty-2023/practice", token,
                "{\"results\": [{\"person\": \"" + participant() + "\", \"task\": \"" + DEMO.rubric().orElseThrow().task()
                        + "\", \"scores\": {\"" + first.name() + "\": " + over + "}}]}");

        // Refused as a test score beyond its maximum is: a field of the request, 400.
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("results[0].scores: scores " + over + " on").contains("whose maximum is " + first.maxPoints());
    }

    @Test
    void a_sessions_attendance_reads_back_as_put_by_person_id_and_is_not_found_off_the_agenda_or_out_of_scope() throws Exception {
        String session = DEMO.event().agenda().get(1).session().value();
        List<String> people = DEMO.seatedParticipants().stream().map(e -> e.person().value()).sorted().toList();
        String first = people.get(0);
        String last = people.get(people.size() - 1);
        String marks = "{\"marks\": [{\"person\": \"" + last + "\", \"mark\": \"late\"}, {\"person\": \"" + first
                + "\", \"mark\": \"excused\"}]}";
        assertThat(api.send("PUT", "/api/v1/events/tot-almaty-2023/attendance/" + session, token, marks).statusCode()).isEqualTo(200);

        HttpResponse<String> read = api.send("GET", "/api/v1/events/tot-almaty-2023/attendance/" + session, token, null);

        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        com.fasterxml.jackson.databind.JsonNode body = new com.fasterxml.jackson.databind.ObjectMapper().readTree(read.body());
        assertThat(body.get("event").asText()).isEqualTo("tot-almaty-2023");
        assertThat(body.get("session").asText()).isEqualTo(session);
        List<String> persons = new ArrayList<>();
        java.util.Map<String, String> byPerson = new java.util.HashMap<>();
        body.get("marks").forEach(m -> {
            persons.add(m.get("person").asText());
            byPerson.put(m.get("person").asText(), m.get("mark").asText());
        });
        assertThat(persons).isSorted().doesNotHaveDuplicates();
        assertThat(byPerson).containsEntry(first, "excused").containsEntry(last, "late");

        String dropped = DEMO.event().agenda().get(0).session().value();
        HttpResponse<String> offAgenda = api.send("GET", "/api/v1/events/tot-almaty-short/attendance/" + dropped, token, null);
        assertThat(offAgenda.statusCode()).isEqualTo(404);
        // Out of the caller's scope reads as a missing event: the same status and words.
        String outsider = api.login("mn", "pw");
        HttpResponse<String> outOfScope = api.send("GET", "/api/v1/events/tot-almaty-2023/attendance/" + session, outsider, null);
        HttpResponse<String> missing = api.send("GET", "/api/v1/events/no-such-event/attendance/" + session, outsider, null);
        assertThat(outOfScope.statusCode()).isEqualTo(404);
        assertThat(outOfScope.body()).isEqualTo(missing.body()).doesNotContain(first);
    }

    @Test
    void attendance_is_taken_only_for_sessions_on_the_events_agenda() throws Exception {
        String dropped = DEMO.event().agenda().get(0).session().value();
        String marks = "{\"marks\": [{\"person\": \"" + participant() + "\", \"mark\": \"present\"}]}";

        HttpResponse<String> onAgenda = api.send("PUT", "/api/v1/events/tot-almaty-2023/attendance/" + dropped, token, marks);
        HttpResponse<String> offAgenda = api.send("PUT", "/api/v1/events/tot-almaty-short/attendance/" + dropped, token, marks);

        assertThat(onAgenda.statusCode()).as(onAgenda.body()).isEqualTo(200);
        assertThat(offAgenda.statusCode()).isEqualTo(404);
    }
}
