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
import org.cadre.server.store.Enrolments;
import org.cadre.server.store.FeedbackItems;
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
        new Users(db, audit).add(new UserAccount("kz-trainer", Passwords.hash("pw".toCharArray(), 1_000), UserAccount.Role.TRAINER,
                ImmutableSortedSet.of(Country.KAZAKHSTAN), ImmutableSortedSet.of(), false), "admin");
        new Users(db, audit).add(new UserAccount("kz-me", Passwords.hash("pw".toCharArray(), 1_000), UserAccount.Role.M_AND_E,
                ImmutableSortedSet.of(Country.KAZAKHSTAN), ImmutableSortedSet.of(), false), "admin");
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

    /**
     * An item of a delivery list that cannot be read (a misspelt field, a value of the wrong type, an id that is none)
     * is named in one 400 with what the rules say of the other items, in the list's order, and nothing is stored. Before,
     * such an item was a 400 of its own that hid every other item's fault: a trainer fixing it learned of the next only
     * then.
     */
    @Test
    void an_unreadable_item_of_any_delivery_list_is_named_with_the_other_items_faults_in_the_lists_order() throws Exception {
        String event = "/api/v1/events/tot-almaty-2023";
        String session = DEMO.event().agenda().get(2).session().value();
        String trainer = DEMO.enrolments().stream().filter(e -> e.role().delivers()).findFirst().orElseThrow().person().value();
        String p = participant();
        Rubric.Criterion criterion = DEMO.rubric().orElseThrow().criteria().get(0);
        Stored before = stored(session);

        HttpResponse<String> attendance = api.send("PUT", event + "/attendance/" + session, token, """
                {"marks": [{"person": "%s", "mark": "present", "mrak": "late"}, {"person": "p-nobody", "mark": "present"},
                           {"person": "%s", "mark": 3}, 7]}""".formatted(p, trainer));
        assertThat(attendance.statusCode()).isEqualTo(400);
        assertThat(errors(attendance)).containsExactly(
                "marks[0].mrak: is not a known field",
                "marks[1].person: is not enrolled in this event",
                "marks[2].mark: must be text (a JSON string)",
                "marks[3]: must be an object");

        HttpResponse<String> scores = api.send("POST", event + "/tests", token, """
                {"phase": "pre", "scores": [{"person": "%s", "points": {"Q1": "two"}}, {"person": "p-nobody", "points": {"Q1": 1}},
                                            {"person": "%s", "points": {"Q1": 1}, "phase": "post"}]}""".formatted(p, trainer));
        assertThat(scores.statusCode()).isEqualTo(400);
        assertThat(errors(scores)).containsExactly(
                "scores[0].points.Q1: must be a whole number",
                "scores[1].person: is not enrolled in this event",
                "scores[2].phase: is not a known field");

        HttpResponse<String> results = api.send("POST", event + "/practice", token, """
                {"results": [{"person": "%1$s", "task": "%2$s", "scores": {"%3$s": 1}, "asessor": "%4$s"},
                             {"person": "p-nobody", "task": "%2$s", "scores": {"%3$s": 1}},
                             {"person": "%1$s", "task": "no task", "scores": {"%3$s": 1}}, null,
                             {"person": "%1$s", "task": "%2$s", "scores": {"%3$s": null}}]}"""
                .formatted(p, DEMO.rubric().orElseThrow().task(), criterion.name(), trainer));
        assertThat(results.statusCode()).isEqualTo(400);
        assertThat(errors(results)).containsExactly(
                "results[0].asessor: is not a known field",
                "results[1].person: is not enrolled in this event",
                "results[2].task: must be 1-64 letters, digits, dots, underscores or hyphens, starting with a letter or digit",
                "results[3]: is required",
                "results[4].scores: points must be whole numbers from 0");

        HttpResponse<String> rated = api.send("POST", event + "/feedback", token, """
                {"items": [{"session": "%1$s", "rating": "five"}, {"session": "%1$s", "rating": 4, "author": "p-nobody"},
                           {"session": "%1$s", "rating": 9}]}""".formatted(session));
        assertThat(rated.statusCode()).isEqualTo(400);
        assertThat(errors(rated)).containsExactly(
                "items[0].rating: must be a whole number",
                "items[1].author: is not enrolled in this event",
                "items[2].rating: must be between 1 and 5");

        assertThat(stored(session)).isEqualTo(before);
    }

    /**
     * An item read in part (a misspelt or mistyped field taken out) is judged on the rest, and every fault of it is named
     * at its own field in one answer: a misspelt field hid the person not enrolled, the points over their maximum, the
     * task the rubric does not score (the newcomer's review). A criterion the rubric lacks is counted, never named back.
     */
    @Test
    void an_item_read_in_part_is_judged_on_the_rest_with_every_fault_at_its_own_field() throws Exception {
        String event = "/api/v1/events/tot-almaty-2023";
        String session = DEMO.event().agenda().get(0).session().value();
        Rubric rubric = DEMO.rubric().orElseThrow();
        Rubric.Criterion criterion = rubric.criteria().get(0);
        int criteria = rubric.criteria().size();
        Stored before = stored(session);

        HttpResponse<String> marks = api.send("PUT", event + "/attendance/" + session, token, """
                {"marks": [{"person": "p-nobody", "mark": "sleeping", "mrak": 1}]}""");
        assertThat(errors(marks)).hasSize(3).startsWith("marks[0].mrak: is not a known field", "marks[0].person: is not enrolled in this event");
        assertThat(errors(marks).get(2)).startsWith("marks[0].mark: must be one of");

        HttpResponse<String> scores = api.send("POST", event + "/tests", token, """
                {"phase": "pre", "scores": [{"person": "p-nobody", "points": {"Q1": 3}, "phase": "post"},
                                            {"person": "%s", "points": {"Q1": -1, "Q2": 9, "Q 3": 1}}]}""".formatted(participant()));
        // A negative point or a code that is none hides none of the others (Q2 over its maximum was left unsaid).
        assertThat(errors(scores)).containsExactly("scores[0].phase: is not a known field", "scores[0].person: is not enrolled in this event",
                "scores[0]: scores 3 on Q1, whose maximum is 2", "scores[1].points.Q1: must be a whole number from 0",
                "scores[1].points.(a field): is not a test question's code", "scores[1]: scores 9 on Q2, whose maximum is 2");

        HttpResponse<String> results = api.send("POST", event + "/practice", token, """
                {"results": [{"person": "p-nobody", "task": "Q1", "scores": {"%s": 99, "Ivan Petrov, Astana": 1}, "asessor": "x"}]}"""
                .formatted(criterion.name()));
        assertThat(errors(results)).containsExactly("results[0].asessor: is not a known field",
                "results[0].person: is not enrolled in this event",
                "results[0].task: scores task Q1, which is not the rubric's task " + rubric.task(),
                "results[0].scores: scores a criterion the rubric does not have (of its " + criteria + ")",
                "results[0].scores: scores 99 on '" + criterion.name() + "', whose maximum is " + criterion.maxPoints());
        assertThat(results.body()).doesNotContain("Ivan");

        HttpResponse<String> rated = api.send("POST", event + "/feedback", token, """
                {"items": [{"session": "M9.S9", "rating": 4, "author": "p-nobody", "ratting": 5},
                           {"session": "M9.S9", "rating": 9, "trainer": "p-nobody"}, {"session": "M9.S9", "rating": "five"}]}""");
        assertThat(errors(rated)).hasSize(8).startsWith("items[0].ratting: is not a known field").contains(
                "items[0].author: is not enrolled in this event").anySatisfy(e -> assertThat(e).startsWith("items[0].session: "));
        // A rating at fault hides none of the item's other faults (they were said only once the rating was mended).
        assertThat(errors(rated).subList(3, 8)).containsExactly("items[1].rating: must be between 1 and 5",
                errors(rated).get(1).replace("items[0]", "items[1]"), "items[1].trainer: is not enrolled in this event",
                "items[2].rating: must be a whole number", errors(rated).get(1).replace("items[0]", "items[2]"));

        assertThat(List.of(marks.statusCode(), scores.statusCode(), results.statusCode(), rated.statusCode())).containsOnly(400);
        assertThat(stored(session)).isEqualTo(before);
    }

    /**
     * A record that would replace an earlier one with nothing, or that nobody would read, is refused with every fault
     * named (the newcomer's and the attacker's reviews: a score without points erased a stored post-test and
     * un-certified its person with a 200; a practice result for another task, or of no criterion, was stored; a person
     * twice in one practice list kept only the later; one author's feedback counted as often as sent in one list).
     */
    @Test
    void a_record_that_would_erase_an_earlier_one_or_that_nobody_reads_is_refused_with_every_fault_named() throws Exception {
        String event = "/api/v1/events/tot-almaty-2023";
        List<String> people = DEMO.seatedParticipants().stream().map(e -> e.person().value()).toList();
        Rubric rubric = DEMO.rubric().orElseThrow();
        String criterion = rubric.criteria().get(0).name();
        String session = DEMO.event().agenda().get(0).session().value();
        String module = DEMO.curriculum().modules().get(0).code().value();
        Stored before = stored(session);

        HttpResponse<String> scores = api.send("POST", event + "/tests", token, """
                {"phase": "post", "scores": [{"person": "%s"}, {"person": "%s", "points": {}},
                                             {"person": "%s", "points": {"Q1": 99, "Q99": 1}}]}"""
                .formatted(people.get(0), people.get(1), people.get(2)));
        assertThat(scores.statusCode()).isEqualTo(400);
        assertThat(errors(scores)).containsExactly(
                "scores[0].points: is required",
                "scores[1].points: must name at least one test question",
                "scores[2]: scores 99 on Q1, whose maximum is 2",
                "scores[2]: scores Q99, which is not a test question of the blueprint");

        HttpResponse<String> results = api.send("POST", event + "/practice", token, """
                {"results": [{"person": "%1$s", "task": "Q1", "scores": {"%3$s": 1}},
                             {"person": "%2$s", "task": "%4$s", "scores": {}},
                             {"person": "%1$s", "task": "%4$s", "scores": {"%3$s": 1}},
                             {"person": "%1$s", "task": "%4$s", "scores": {"%3$s": 0}}]}"""
                .formatted(people.get(0), people.get(1), criterion, rubric.task()));
        assertThat(results.statusCode()).isEqualTo(400);
        assertThat(errors(results)).containsExactly(
                "results[0].task: scores task Q1, which is not the rubric's task " + rubric.task(),
                "results[1].scores: must name at least one criterion of the rubric",
                "results[3].person: appears twice for this task; send one result per person");

        HttpResponse<String> rated = api.send("POST", event + "/feedback", token, """
                {"items": [{"session": "%1$s", "rating": 4, "author": "%2$s"}, {"session": "%1$s", "rating": 5},
                           {"session": "%1$s", "rating": 1, "author": "%2$s"}, {"session": "%1$s", "rating": 9, "author": "p-nobody"},
                           {"session": "%1$s", "rating": 2, "author": "%2$s", "concerns": {"element": "module", "code": "%3$s"}},
                           {"session": "%1$s", "rating": 2, "author": "%2$s", "concerns": {"element": "module", "code": "%4$s"}}]}"""
                .formatted(session, people.get(0), module, module.toLowerCase(java.util.Locale.ROOT)));
        assertThat(rated.statusCode()).isEqualTo(400);
        assertThat(errors(rated)).containsExactly(
                "items[2].author: rates the same thing twice in this list (the session, trainer and element of an item before it); "
                        + "send one item per author and thing rated",
                "items[3].rating: must be between 1 and 5",
                "items[3].author: is not enrolled in this event",
                "items[5].concerns.code: names no module of the package");

        HttpResponse<String> marks = api.send("PUT", event + "/attendance/" + session, token, """
                {"marks": [{"person": "p-nobody", "mark": "sleeping"}, {"person": null, "mark": null}]}""");
        assertThat(marks.statusCode()).isEqualTo(400);
        assertThat(errors(marks)).hasSize(4).contains("marks[0].person: is not enrolled in this event", "marks[1].person: is required")
                .anySatisfy(e -> assertThat(e).startsWith("marks[0].mark: ")).anySatisfy(e -> assertThat(e).startsWith("marks[1].mark: "));

        assertThat(stored(session)).isEqualTo(before);
    }

    /**
     * A rubric scores a practical task of the package, and its task's fault is named under its own field (the newcomer's
     * review: a test question's code was taken, and an empty task read "rubric: must be ...").
     */
    @Test
    void a_rubric_for_a_code_that_is_no_practical_task_of_the_package_is_refused_naming_the_task() throws Exception {
        Rubric rubric = DEMO.rubric().orElseThrow();
        String criteria = "[{\"name\": \"" + rubric.criteria().get(0).name() + "\", \"maxPoints\": 5}]";
        HttpResponse<String> question = api.send("PUT", "/api/v1/events/tot-almaty-2023/rubric", token,
                "{\"task\": \"Q1\", \"criteria\": " + criteria + ", \"passMark\": 3}");
        assertThat(question.statusCode()).isEqualTo(400);
        assertThat(errors(question)).containsExactly("task: is not a practical task of the package's assessment blueprint");
        HttpResponse<String> empty = api.send("PUT", "/api/v1/events/tot-almaty-2023/rubric", token,
                "{\"task\": \"\", \"criteria\": " + criteria + ", \"passMark\": 3}");
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(errors(empty)).singleElement().asString().startsWith("task: ");
        // Every fault at once: the task, a criterion named twice, the pass mark beyond the points (it took three tries).
        HttpResponse<String> three = api.send("PUT", "/api/v1/events/tot-almaty-2023/rubric", token,
                "{\"task\": \"P9\", \"criteria\": [{\"name\": \"A\", \"maxPoints\": 5}, {\"name\": \"A\", \"maxPoints\": 5}], \"passMark\": 30}");
        assertThat(three.statusCode()).isEqualTo(400);
        assertThat(errors(three)).containsExactly("task: is not a practical task of the package's assessment blueprint",
                "criteria: must name each criterion once", "passMark: must be between 0 and 10");
        assertThat(new Assessments(db, new AuditLog(Clock.systemUTC())).rubric(DEMO.event().id())).contains(rubric);
    }

    /**
     * Feedback on a session's trainer names one who delivers it by the agenda (the newcomer's review of session 13: a trainer
     * of another session was taken); nothing is stored. One who delivers it is taken (the read-back test below).
     */
    @Test
    void feedback_on_a_sessions_trainer_names_one_who_delivers_it_by_the_agenda() throws Exception {
        org.cadre.roster.AgendaSlot first = DEMO.event().agenda().get(0);
        String other = DEMO.event().agenda().stream().flatMap(s -> s.trainers().stream()).filter(t -> !first.trainers().contains(t))
                .findFirst().orElseThrow().value();
        Stored before = stored(first.session().value());

        HttpResponse<String> rated = api.send("POST", "/api/v1/events/tot-almaty-2023/feedback", token, """
                {"items": [{"session": "%s", "rating": 4, "trainer": "%s"}]}""".formatted(first.session().value(), other));

        assertThat(rated.statusCode()).isEqualTo(400);
        assertThat(errors(rated)).containsExactly("items[0].trainer: does not deliver this session by the event's agenda (if they "
                + "stood in, put the agenda right first)");
        assertThat(stored(first.session().value())).isEqualTo(before);
    }

    /**
     * A named author's item on one thing (a session, the trainer it names or none, the element it concerns) replaces
     * their earlier item on it, whichever request sent it, so the author is one response there: sent in two requests, one
     * author's rating of a session had been counted twice in its n (the newcomer's review of session 23). A session and
     * its trainer are two things, so one list may rate both (it was refused as "twice", against the docs); anonymous items
     * are added.
     */
    @Test
    void a_named_authors_item_on_a_thing_replaces_their_earlier_one_and_anonymous_items_are_added() throws Exception {
        org.cadre.roster.AgendaSlot slot = DEMO.event().agenda().stream().filter(s -> !s.trainers().isEmpty()).skip(4).findFirst().orElseThrow();
        String session = slot.session().value();
        String trainer = slot.trainers().iterator().next().value();
        String author = DEMO.seatedParticipants().get(5).person().value();
        String path = "/api/v1/events/tot-almaty-2023/feedback";
        FeedbackItems store = new FeedbackItems(db, new AuditLog(Clock.systemUTC()));
        java.util.function.Supplier<List<Integer>> authors = () -> store.ofEvent(DEMO.event().id()).stream()
                .filter(f -> f.session().value().equals(session) && f.author().map(a -> a.value().equals(author)).orElse(false))
                .map(f -> f.trainer().isPresent() ? 10 + f.rating() : f.rating()).sorted().toList();
        java.util.function.Supplier<Long> anonymous = () -> store.ofEvent(DEMO.event().id()).stream()
                .filter(f -> f.session().value().equals(session) && f.author().isEmpty()).count();
        long anonymousBefore = anonymous.get();

        HttpResponse<String> both = api.send("POST", path, token, """
                {"items": [{"session": "%1$s", "rating": 4, "author": "%2$s"}, {"session": "%1$s", "rating": 2, "author": "%2$s", "trainer": "%3$s"},
                           {"session": "%1$s", "rating": 5}]}""".formatted(session, author, trainer));
        assertThat(both.statusCode()).as(both.body()).isEqualTo(201);
        assertThat(authors.get()).containsExactly(4, 12);

        HttpResponse<String> again = api.send("POST", path, token, """
                {"items": [{"session": "%1$s", "rating": 1, "author": "%2$s", "comment": "On reflection"}, {"session": "%1$s", "rating": 5}]}"""
                .formatted(session, author));
        assertThat(again.statusCode()).as(again.body()).isEqualTo(201);
        assertThat(authors.get()).as("the session's rating replaced, the trainer's kept").containsExactly(1, 12);
        assertThat(anonymous.get()).isEqualTo(anonymousBefore + 2);
        // The author's replaced item goes to the end, as a new response: the read-back keeps the order given.
        var read = new com.fasterxml.jackson.databind.ObjectMapper().readTree(api.send("GET", path, token, null).body()).get("items");
        assertThat(read.get(read.size() - 2).get("comment").asText()).isEqualTo("On reflection");

        // A trainer reads items without their authors, so names none: naming each participant in turn would overwrite
        // their ratings, and not replacing them counted an author twice (the attacker's reviews of session 23).
        String trainerToken = api.login("kz-trainer", "pw");
        String five = "{\"items\": [{\"session\": \"%s\", \"rating\": 5, \"author\": \"%s\"}]}".formatted(session, author);
        HttpResponse<String> named = api.send("POST", path, trainerToken, five);
        assertThat(named.statusCode()).isEqualTo(400);
        assertThat(errors(named)).containsExactly("items[0].author: only a coordinator or administrator records feedback with its "
                + "author; leave author out");
        assertThat(authors.get()).containsExactly(1, 12);
        assertThat(api.send("POST", path, trainerToken, "{\"items\": [{\"session\": \"%s\", \"rating\": 5}]}".formatted(session))
                .statusCode()).isEqualTo(201);
        // An item concerns its own session (one on another session was counted in this one's n), and no trainer rates themselves.
        HttpResponse<String> odd = api.send("POST", path, token, """
                {"items": [{"session": "%1$s", "rating": 5, "concerns": {"element": "session", "code": "M1.S1"}},
                           {"session": "%1$s", "rating": 5, "author": "%2$s", "trainer": "%2$s"}]}""".formatted(session, trainer));
        assertThat(odd.statusCode()).isEqualTo(400);
        assertThat(errors(odd)).containsExactly("items[0].concerns.code: names session M1.S1, but the item is on session " + session
                + "; an item concerns its own session or an element other than a session",
                "items[1].trainer: is the author; a trainer does not rate themselves");
    }

    /**
     * Tests, the rubric, practice and feedback read back through the API as the store holds them, in the words their
     * writes take; out of scope they read as a missing event. Before, only a session's attendance could be read back:
     * a client that recorded scores had no way to see what was stored.
     */
    @Test
    void tests_the_rubric_practice_and_feedback_read_back_as_stored_and_only_coordinators_read_feedbacks_authors() throws Exception {
        String event = "/api/v1/events/tot-almaty-2023";
        List<String> people = DEMO.seatedParticipants().stream().map(e -> e.person().value()).toList();
        String someone = people.get(4);
        Rubric rubric = DEMO.rubric().orElseThrow();
        String criterion = rubric.criteria().get(0).name();
        String session = DEMO.event().agenda().get(0).session().value();
        // A trainer who delivers the session by the agenda: feedback on a trainer names one.
        String trainer = DEMO.event().agenda().get(0).trainers().iterator().next().value();
        assertThat(api.send("POST", event + "/tests", token, """
                {"phase": "post", "scores": [{"person": "%s", "points": {"Q1": 2, "Q2": 0}}]}""".formatted(someone)).statusCode())
                .isEqualTo(200);
        assertThat(api.send("POST", event + "/tests", token, """
                {"phase": "pre", "scores": [{"person": "%s", "points": {"Q1": 1}}]}""".formatted(someone)).statusCode()).isEqualTo(200);
        assertThat(api.send("POST", event + "/practice", token, """
                {"results": [{"person": "%s", "task": "%s", "scores": {"%s": 1}, "assessor": "%s"}]}"""
                .formatted(someone, rubric.task(), criterion, trainer)).statusCode()).isEqualTo(200);
        assertThat(api.send("POST", event + "/feedback", token, """
                {"items": [{"session": "%1$s", "rating": 2, "author": "%2$s", "trainer": "%3$s", "comment": "Too fast"},
                           {"session": "%1$s", "rating": 5}]}""".formatted(session, someone, trainer)).statusCode()).isEqualTo(201);
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        AuditLog audit = new AuditLog(Clock.systemUTC());
        Assessments assessments = new Assessments(db, audit);

        com.fasterxml.jackson.databind.JsonNode tests = json.readTree(read(event + "/tests", token));
        List<List<Object>> listed = new ArrayList<>();
        tests.get("scores").forEach(t -> {
            java.util.Map<String, Integer> points = new java.util.TreeMap<>();
            t.get("points").properties().forEach(p -> points.put(p.getKey(), p.getValue().asInt()));
            listed.add(List.of(t.get("person").asText(), t.get("phase").asText(), points));
        });
        List<List<Object>> stored = assessments.tests(DEMO.event().id()).stream()
                .sorted(java.util.Comparator.comparing((org.cadre.roster.TestScore t) -> t.person().value()).thenComparing(t -> t.phase()))
                .map(t -> {
                    java.util.Map<String, Integer> points = new java.util.TreeMap<>();
                    t.points().forEach((item, n) -> points.put(item.value(), n));
                    return List.<Object>of(t.person().value(), org.cadre.documents.Labels.of(t.phase()), points);
                }).toList();
        // Points in the blueprint's order: Q2 before Q10 (they read Q1, Q10, Q2 in the order of their codes as text).
        List<String> blueprint = DEMO.curriculum().assessment().items().stream().map(i -> i.code().value()).toList();
        tests.get("scores").forEach(t -> {
            List<String> codes = new ArrayList<>();
            t.get("points").properties().forEach(p -> codes.add(p.getKey()));
            assertThat(codes).isSortedAccordingTo(java.util.Comparator.comparing(blueprint::indexOf));
        });
        assertThat(listed).isEqualTo(stored).contains(List.of(someone, "pre", java.util.Map.of("Q1", 1)),
                List.of(someone, "post", java.util.Map.of("Q1", 2, "Q2", 0)));
        com.fasterxml.jackson.databind.JsonNode post = json.readTree(read(event + "/tests?phase=post", token));
        assertThat(post.get("scores")).isNotEmpty().allSatisfy(t -> assertThat(t.get("phase").asText()).isEqualTo("post"));
        assertThat(post.get("scores")).hasSize((int) stored.stream().filter(t -> t.get(1).equals("post")).count());
        HttpResponse<String> during = api.send("GET", event + "/tests?phase=during", token, null);
        assertThat(during.statusCode()).isEqualTo(400);
        assertThat(errors(during)).singleElement().asString().startsWith("phase: must be one of pre, post");

        assertThat(json.readTree(read(event + "/rubric", token))).isEqualTo(json.valueToTree(
                org.cadre.documents.RosterDocs.RubricDoc.of(assessments.rubric(DEMO.event().id()).orElseThrow())));
        HttpResponse<String> none = api.send("GET", "/api/v1/events/tot-almaty-short/rubric", token, null);
        assertThat(none.statusCode()).isEqualTo(404);
        assertThat(none.body()).contains("No rubric is set for this event.");
        // An address no route takes keeps the generic words (the newcomer's review: it read "The request could not be handled").
        HttpResponse<String> nowhere = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://127.0.0.1:" + app.port() + event + "/tests/extra")).header("Authorization", "Bearer " + token)
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(nowhere.statusCode()).isEqualTo(404);
        assertThat(nowhere.body()).contains("There is nothing at this address; the API is listed at /openapi.yaml.");
        // The phase is read once: sent twice, which of the two counted would depend on who reads it.
        HttpResponse<String> twice = api.send("GET", event + "/tests?phase=pre&phase=post", token, null);
        assertThat(twice.statusCode()).isEqualTo(400);
        assertThat(errors(twice)).containsExactly("phase: is sent more than once; send it once");

        com.fasterxml.jackson.databind.JsonNode practice = json.readTree(read(event + "/practice", token));
        assertThat(practice.get("results")).isEqualTo(json.valueToTree(assessments.practice(DEMO.event().id()).stream()
                .map(org.cadre.documents.RosterDocs.PracticeDoc::of).toList()));
        // Scores in the rubric's order of criteria, which is not the order of their names.
        List<String> rubricOrder = rubric.criteria().stream().map(Rubric.Criterion::name).toList();
        assertThat(practice.get("results")).isNotEmpty().allSatisfy(r -> {
            List<String> names = new ArrayList<>();
            r.get("scores").properties().forEach(c -> names.add(c.getKey()));
            assertThat(names).isSortedAccordingTo(java.util.Comparator.comparing(rubricOrder::indexOf));
        });
        assertThat(practice.get("results")).anySatisfy(r -> assertThat(r.get("scores").size()).isGreaterThan(1));
        assertThat(practice.get("results").toString()).contains("\"person\":\"" + someone + "\"", "\"assessor\":\"" + trainer + "\"");

        List<org.cadre.roster.Feedback> items = new FeedbackItems(db, audit).ofEvent(DEMO.event().id());
        com.fasterxml.jackson.databind.JsonNode coordinator = json.readTree(read(event + "/feedback", token));
        assertThat(coordinator.get("authorsShown").asBoolean()).isTrue();
        assertThat(coordinator.get("items")).isEqualTo(json.valueToTree(items.stream().map(org.cadre.documents.RosterDocs.FeedbackDoc::of).toList()));
        assertThat(coordinator.get("items").toString()).contains("\"author\":\"" + someone + "\"", "Too fast");
        for (String reader : List.of("kz-trainer", "kz-me")) {
            com.fasterxml.jackson.databind.JsonNode read = json.readTree(read(event + "/feedback", api.login(reader, "pw")));
            assertThat(read.get("authorsShown").asBoolean()).as(reader).isFalse();
            assertThat(read.get("items")).as(reader).hasSize(items.size()).allSatisfy(i -> assertThat(i.get("author").isNull()).isTrue());
            assertThat(read.get("items").toString()).as(reader).doesNotContain(someone).contains("Too fast");
        }

        String outsider = api.login("mn", "pw");
        for (String path : List.of("/tests", "/rubric", "/practice", "/feedback")) {
            HttpResponse<String> outOfScope = api.send("GET", event + path, outsider, null);
            HttpResponse<String> missing = api.send("GET", "/api/v1/events/no-such-event" + path, outsider, null);
            assertThat(outOfScope.statusCode()).as(path).isEqualTo(404);
            assertThat(outOfScope.body()).as(path).isEqualTo(missing.body()).doesNotContain(someone);
        }
    }

    /**
     * Feedback is added, so a retry after a lost answer would add its items twice: with an Idempotency-Key the same items
     * sent again get the first answer and add nothing, other items under the key are refused, and retries sent at once
     * store the items once, each answered as the first was (a race is no 500).
     */
    @Test
    void feedback_sent_again_under_its_idempotency_key_is_added_once() throws Exception {
        String path = "/api/v1/events/tot-almaty-2023/feedback";
        String session = DEMO.event().agenda().get(2).session().value();
        String items = "{\"items\": [{\"session\": \"" + session + "\", \"rating\": 3, \"comment\": \"Retried\"}, "
                + "{\"session\": \"" + session + "\", \"rating\": 4}]}";
        FeedbackItems stored = new FeedbackItems(db, new AuditLog(Clock.systemUTC()));
        int before = stored.ofEvent(DEMO.event().id()).size();

        HttpResponse<String> first = api.send("POST", path, token, items, java.util.Map.of("Idempotency-Key", "fb-retry-1"));
        HttpResponse<String> again = api.send("POST", path, token, items, java.util.Map.of("Idempotency-Key", "fb-retry-1"));

        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        assertThat(first.body()).contains("\"recorded\":2");
        assertThat(first.headers().firstValue("Idempotent-Replayed")).isEmpty();
        assertThat(again.statusCode()).isEqualTo(201);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(stored.ofEvent(DEMO.event().id())).hasSize(before + 2);

        HttpResponse<String> other = api.send("POST", path, token, items.replace("\"rating\": 4", "\"rating\": 5"),
                java.util.Map.of("Idempotency-Key", "fb-retry-1"));
        assertThat(other.statusCode()).isEqualTo(422);
        assertThat(errors(other)).singleElement().asString().startsWith("Idempotency-Key: was used with another request");
        HttpResponse<String> badKey = api.send("POST", path, token, items, java.util.Map.of("Idempotency-Key", "two words"));
        assertThat(badKey.statusCode()).isEqualTo(400);
        assertThat(errors(badKey)).singleElement().asString().startsWith("Idempotency-Key: ");
        assertThat(stored.ofEvent(DEMO.event().id())).hasSize(before + 2);

        // Eight retries at once under a new key: one adds the items, every one answers as it did.
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<HttpResponse<String>>> sent = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                sent.add(pool.submit(() -> api.send("POST", path, token, items, java.util.Map.of("Idempotency-Key", "fb-retry-2"))));
            }
            for (var response : sent) {
                assertThat(response.get().statusCode()).as(response.get().body()).isEqualTo(201);
                assertThat(response.get().body()).isEqualTo(first.body());
            }
        } finally {
            pool.shutdown();
        }
        assertThat(stored.ofEvent(DEMO.event().id())).hasSize(before + 4);
    }

    /**
     * A body cut off before the length it announced (the client hung up) is answered 400, signed in or not, and nothing is
     * stored: it was a 500 with a stack trace in the log (the attacker's review).
     */
    @Test
    void a_body_cut_off_before_its_announced_length_is_a_400_not_a_500() throws Exception {
        int before = new FeedbackItems(db, new AuditLog(Clock.systemUTC())).ofEvent(DEMO.event().id()).size();
        for (String authorization : new String[] {"Authorization: Bearer " + token + "\r\n", ""}) {
            try (java.net.Socket socket = new java.net.Socket("127.0.0.1", app.port())) {
                socket.setSoTimeout(10_000);
                java.io.OutputStream out = socket.getOutputStream();
                out.write(("POST /api/v1/events/tot-almaty-2023/feedback HTTP/1.1\r\nHost: 127.0.0.1\r\n" + authorization
                        + "Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"items\": [").getBytes(java.nio.charset.StandardCharsets.UTF_8));
                out.flush();
                socket.shutdownOutput();
                String answer = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                assertThat(answer).as(answer).startsWith("HTTP/1.1 400").contains("The request's body ended before the length it announced")
                        .doesNotContain("Internal error");
            }
        }
        assertThat(new FeedbackItems(db, new AuditLog(Clock.systemUTC())).ofEvent(DEMO.event().id())).hasSize(before);
    }

    private static String read(String path, String token) throws Exception {
        HttpResponse<String> response = api.send("GET", path, token, null);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return response.body();
    }

    /** What the store holds of the demo ToT's delivery: one session's marks, the tests, practice and feedback. */
    record Stored(java.util.Set<Object> marks, java.util.Set<Object> tests, java.util.Set<Object> practice, List<Object> feedback) {}

    private static Stored stored(String session) {
        AuditLog audit = new AuditLog(Clock.systemUTC());
        Assessments assessments = new Assessments(db, audit);
        return new Stored(java.util.Set.copyOf(new Enrolments(db, audit).attendance(DEMO.event().id(),
                org.cadre.curriculum.SessionCode.of(session))), java.util.Set.copyOf(assessments.tests(DEMO.event().id())),
                java.util.Set.copyOf(assessments.practice(DEMO.event().id())), List.copyOf(new FeedbackItems(db, audit).ofEvent(DEMO.event().id())));
    }

    private static List<String> errors(HttpResponse<String> response) throws Exception {
        List<String> out = new ArrayList<>();
        new com.fasterxml.jackson.databind.ObjectMapper().readTree(response.body()).get("errors").forEach(e -> out.add(e.asText()));
        return out;
    }
}
