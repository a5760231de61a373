package org.cadre.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.ImmutableSet;
import com.google.common.collect.ImmutableSortedSet;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Clock;
import java.util.ArrayList;
import org.cadre.roster.AgendaSlot;
import org.cadre.roster.Country;
import org.cadre.roster.Person;
import org.cadre.roster.PersonId;
import org.cadre.roster.Programme;
import org.cadre.roster.ProgrammeId;
import org.cadre.roster.demo.DemoRoster;
import org.cadre.server.store.DemoData;
import org.cadre.documents.RosterDocs;
import org.cadre.server.security.Passwords;
import org.cadre.server.store.AuditLog;
import org.cadre.server.store.Database;
import org.cadre.server.store.People;
import org.cadre.server.store.Programmes;
import org.cadre.server.security.UserAccount;
import org.cadre.server.store.Users;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every id a request names, wherever it stands (a body, an agenda slot, a CSV row, a ToT, a piece of
 * evidence), is checked against the caller's scope, and one outside it is answered exactly as a missing
 * one. Records shared beyond one scope change only by an administrator.
 */
class ScopeTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static Database db;
    private static Javalin app;
    private static ApiClient api;
    private static String kz;
    private static String tj;
    private static String admin;
    private static String uz;
    private static String prog;
    private static String centralAsia;
    private static String mn;

    @BeforeAll
    static void start() throws Exception {
        db = Database.sqlite(Files.createTempDirectory("cadre-scope").resolve("cadre.db"));
        AuditLog audit = new AuditLog(Clock.systemUTC());
        DemoData.load(db, audit);
        Users users = new Users(db, audit);
        users.add(new UserAccount("admin", Passwords.hash("pw".toCharArray(), 1_000), UserAccount.Role.ADMIN, ImmutableSortedSet.of(),
                ImmutableSortedSet.of(), false), "test");
        users.add(new UserAccount("prog", Passwords.hash("pw".toCharArray(), 1_000), UserAccount.Role.COORDINATOR,
                ImmutableSortedSet.of(), ImmutableSortedSet.of(DemoRoster.PROGRAMME), false), "test");
        for (Country c : new Country[] {Country.KAZAKHSTAN, Country.TAJIKISTAN, Country.UZBEKISTAN}) {
            users.add(new UserAccount(c.code().toLowerCase(java.util.Locale.ROOT), Passwords.hash("pw".toCharArray(), 1_000),
                    UserAccount.Role.COORDINATOR, ImmutableSortedSet.of(c), ImmutableSortedSet.of(), false), "test");
        }
        users.add(new UserAccount("central-asia", Passwords.hash("pw".toCharArray(), 1_000), UserAccount.Role.M_AND_E,
                ImmutableSortedSet.of(Country.KAZAKHSTAN, Country.TAJIKISTAN, Country.UZBEKISTAN), ImmutableSortedSet.of(), false), "test");
        users.add(new UserAccount("mn", Passwords.hash("pw".toCharArray(), 1_000), UserAccount.Role.COORDINATOR,
                ImmutableSortedSet.of(Country.of("MN")), ImmutableSortedSet.of(), false), "test");
        // A Tajik officer on no roster, and a programme in Mongolia only.
        new People(db, audit).add(Person.builder("p-tj-alone", Country.TAJIKISTAN).latinName("Alone Officer").build(), "test");
        new Programmes(db, audit).add(new Programme(ProgrammeId.of("mn-programme"), "Border management in Mongolia", "Donor",
                ImmutableSet.of(Country.of("MN")), ImmutableSortedSet.of(16)), "test");
        app = CadreApp.create(db).start("127.0.0.1", 0);
        api = new ApiClient(app.port());
        kz = api.login("kz", "pw");
        tj = api.login("tj", "pw");
        uz = api.login("uz", "pw");
        prog = api.login("prog", "pw");
        admin = api.login("admin", "pw");
        centralAsia = api.login("central-asia", "pw");
        mn = api.login("mn", "pw");
    }

    @AfterAll
    static void stop() {
        app.stop();
        db.close();
    }

    private static String enrolment(String person) {
        return "{\"person\": \"" + person + "\", \"role\": \"participant\", \"nominatedBy\": \"kz-border-academy\"}";
    }

    @Test
    void enrolling_a_person_outside_the_scope_is_answered_as_enrolling_a_missing_one() throws Exception {
        HttpResponse<String> outside = api.send("POST", "/api/v1/events/tot-almaty-2023/enrolments", kz, enrolment("p-tj-alone"));
        HttpResponse<String> missing = api.send("POST", "/api/v1/events/tot-almaty-2023/enrolments", kz, enrolment("p-nobody"));

        assertThat(outside.statusCode()).isEqualTo(422);
        assertThat(outside.body()).isEqualTo(missing.body()).contains("person: no such person").doesNotContain("Alone", "TJ");
        assertThat(api.send("GET", "/api/v1/events/tot-almaty-2023/enrolments", kz, null).body()).doesNotContain("p-tj-alone");
    }

    private static String almatyWithTrainer(String trainer) throws Exception {
        var almaty = DemoRoster.almatyTot().event();
        var slots = new ArrayList<>(almaty.agenda());
        AgendaSlot first = slots.get(0);
        slots.set(0, new AgendaSlot(first.session(), first.day(), first.start(), first.end(), ImmutableSet.of(PersonId.of(trainer))));
        return JSON.writeValueAsString(RosterDocs.EventDoc.of(almaty.toBuilder().agenda(slots).build()));
    }

    @Test
    void an_agenda_slot_naming_a_trainer_outside_the_scope_or_no_one_is_refused_naming_the_slot() throws Exception {
        HttpResponse<String> outside = api.change("PUT", "/api/v1/events/tot-almaty-2023", kz, almatyWithTrainer("p-tj-alone"));
        HttpResponse<String> missing = api.change("PUT", "/api/v1/events/tot-almaty-2023", kz, almatyWithTrainer("p-nobody"));

        assertThat(outside.statusCode()).isEqualTo(422);
        assertThat(missing.statusCode()).isEqualTo(422);
        assertThat(outside.body()).isEqualTo(missing.body()).contains("agenda[0].trainers: no such person");
        assertThat(api.send("GET", "/api/v1/events/tot-almaty-2023/agenda", kz, null).body()).doesNotContain("p-tj-alone");
    }

    @Test
    void an_agenda_shows_the_name_of_a_trainer_only_to_those_whose_scope_covers_them() throws Exception {
        HttpResponse<String> placed = api.send("POST", "/api/v1/events", admin, JSON.writeValueAsString(
                ((ObjectNode) JSON.readTree(almatyWithTrainer("p-tj-alone"))).put("id", "tot-almaty-copy")));
        assertThat(placed.statusCode()).as(placed.body()).isEqualTo(201);

        String agenda = api.send("GET", "/api/v1/events/tot-almaty-copy/agenda", kz, null).body();

        assertThat(agenda).contains("\"id\":\"p-tj-alone\",\"name\":null").doesNotContain("Alone Officer");
        assertThat(api.send("GET", "/api/v1/events/tot-almaty-copy/agenda", admin, null).body()).contains("Alone Officer");
    }

    private static HttpResponse<String> importRaw(String event, String token, String csv) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port()
                        + "/api/v1/events/" + event + "/roster")).header("Authorization", "Bearer " + token).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(csv)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> importInto(String event, String token, String csv) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port()
                        + "/api/v1/events/" + event + "/roster")).header("Authorization", "Bearer " + token).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString("person_id,latin_name,country,role,nominated_by\r\n" + csv)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void a_roster_import_creates_no_one_outside_the_scope_and_shows_nothing_of_a_record_outside_it() throws Exception {
        HttpResponse<String> kazakh = importInto("cascade-dushanbe-2024", tj, "p-new-kz,New Officer,KZ,participant,tj-border-forces\r\n");
        HttpResponse<String> mongolian = importInto("cascade-dushanbe-2024", tj, "p-new-mn,New Officer,MN,participant,tj-border-forces\r\n");
        HttpResponse<String> recorded = importInto("cascade-dushanbe-2024", tj, "p-kz-01,Someone Else,KZ,participant,tj-border-forces\r\n");
        HttpResponse<String> ownCountry = importInto("cascade-dushanbe-2024", tj, "p-new-tj,New Officer,TJ,participant,tj-border-forces\r\n");

        assertThat(kazakh.statusCode()).isEqualTo(422);
        assertThat(kazakh.body()).contains("line 2: country: is outside your scope");
        assertThat(mongolian.body()).contains("line 2: country: is outside your scope");
        // A row the user may not record is refused alike whether its id is taken or not (the attacker's review of session
        // 22: "in use" for p-kz-01 beside "outside your scope" for p-new-kz told which ids of another country exist).
        assertThat(recorded.statusCode()).isEqualTo(422);
        assertThat(recorded.body()).contains("line 2: country: is outside your scope").doesNotContain("in use")
                .doesNotContain("differs");
        // Within the scope, a taken id is "in use", as creating a person under it is; nothing of the record is shown.
        HttpResponse<String> taken = importInto("cascade-dushanbe-2024", tj, "p-kz-01,Someone Else,TJ,participant,tj-border-forces\r\n");
        assertThat(taken.statusCode()).isEqualTo(422);
        assertThat(taken.body()).contains("line 2: person_id: is in use by another record; choose another id")
                .doesNotContain("Kazakhstan").doesNotContain("KZ");
        assertThat(ownCountry.statusCode()).as(ownCountry.body()).isEqualTo(201);
        assertThat(api.send("GET", "/api/v1/people/p-new-kz", admin, null).statusCode()).isEqualTo(404);
    }

    @Test
    void a_nominating_organisation_outside_the_scope_is_answered_as_a_missing_one() throws Exception {
        HttpResponse<String> csv = importInto("tot-almaty-2023", kz, "p-new-1,New Officer,KZ,participant,tj-border-forces\r\n");
        HttpResponse<String> json = api.send("POST", "/api/v1/events/tot-almaty-2023/enrolments", kz,
                "{\"person\": \"p-kz-01\", \"role\": \"observer\", \"nominatedBy\": \"tj-border-forces\"}");

        assertThat(csv.body()).contains("line 2: nominated_by: no such organisation");
        assertThat(json.body()).contains("nominatedBy: no such organisation");
    }

    @Test
    void shared_records_change_only_by_an_administrator() throws Exception {
        String iom = JSON.writeValueAsString(RosterDocs.OrganisationDoc.of(DemoRoster.organisations().stream()
                .filter(o -> o.id().equals(DemoRoster.IOM)).findFirst().orElseThrow()));
        var programme = DemoRoster.programme();
        String withoutKazakhstan = JSON.writeValueAsString(RosterDocs.ProgrammeDoc.of(new Programme(programme.id(), programme.title(),
                programme.donor(), ImmutableSet.copyOf(programme.countries().stream().filter(c -> !c.equals(Country.KAZAKHSTAN)).toList()),
                programme.sdgs())));
        String spanning = "{\"id\": \"tj-kz-programme\", \"title\": \"Two countries\", \"donor\": \"Donor\", \"countries\": [\"TJ\", \"KZ\"], \"sdgs\": [16]}";

        assertThat(api.send("PUT", "/api/v1/organisations/iom", tj, iom).statusCode()).isEqualTo(403);
        assertThat(api.send("PUT", "/api/v1/programmes/" + programme.id(), tj, withoutKazakhstan).statusCode()).isEqualTo(403);
        assertThat(api.send("POST", "/api/v1/programmes", tj, spanning).statusCode()).isEqualTo(403);
        assertThat(api.send("GET", "/api/v1/programmes/" + programme.id(), kz, null).statusCode()).isEqualTo(200);
        assertThat(api.change("PUT", "/api/v1/organisations/iom", admin, iom).statusCode()).isEqualTo(200);
    }

    @Test
    void an_event_goes_only_under_a_programme_and_after_a_tot_the_caller_can_see() throws Exception {
        ObjectNode underMongolia = JSON.valueToTree(RosterDocs.EventDoc.of(DemoRoster.almatyTot().event().toBuilder().agenda(java.util.List.of()).build()));
        underMongolia.put("id", "kz-event-1").put("programme", "mn-programme");
        ObjectNode afterDushanbe = JSON.valueToTree(RosterDocs.EventDoc.of(DemoRoster.dushanbeCascade().event().toBuilder()
                .venue("Shymkent", Country.KAZAKHSTAN, java.time.ZoneId.of("Asia/Almaty")).agenda(java.util.List.of()).build()));
        afterDushanbe.put("id", "kz-event-2").put("trainersFrom", "cascade-dushanbe-2024");
        ObjectNode afterNothing = afterDushanbe.deepCopy().put("id", "kz-event-3").put("trainersFrom", "no-such-tot");

        HttpResponse<String> programme = api.send("POST", "/api/v1/events", kz, JSON.writeValueAsString(underMongolia));
        HttpResponse<String> tot = api.send("POST", "/api/v1/events", kz, JSON.writeValueAsString(afterDushanbe));
        HttpResponse<String> missingTot = api.send("POST", "/api/v1/events", kz, JSON.writeValueAsString(afterNothing));

        assertThat(programme.statusCode()).isEqualTo(422);
        assertThat(programme.body()).contains("programme: no such programme");
        assertThat(tot.statusCode()).isEqualTo(422);
        assertThat(errors(tot)).isEqualTo(errors(missingTot)).contains("trainersFrom: no such event");
    }

    private static String errors(HttpResponse<String> r) throws Exception {
        JsonNode problem = JSON.readTree(r.body());
        return problem.get("errors").toString();
    }

    @Test
    void a_trainers_history_names_no_event_outside_the_readers_scope() throws Exception {
        // p-tj-01 trained at the Kazakh ToT and delivered the Tajik cascade: each coordinator sees the trainer, and
        // each step, but only the event of their own country (an event out of scope is answered as a missing one).
        String path = "/api/v1/trainers/p-tj-01/tsp-countering-migrant-smuggling";
        JsonNode all = JSON.readTree(api.send("GET", path, admin, null).body()).get("history");
        assertThat(all.toString()).contains("\"cascade-dushanbe-2024\"").contains("\"tot-almaty-2023\"");
        for (String[] reader : new String[][] {{kz, "cascade-dushanbe-2024"}, {tj, "tot-almaty-2023"}}) {
            HttpResponse<String> r = api.send("GET", path, reader[0], null);
            assertThat(r.statusCode()).isEqualTo(200);
            JsonNode seen = JSON.readTree(r.body()).get("history");
            assertThat(seen).hasSameSizeAs(all);
            for (int i = 0; i < all.size(); i++) {
                JsonNode step = all.get(i);
                JsonNode shown = seen.get(i);
                assertThat(shown.get("kind")).isEqualTo(step.get("kind"));
                assertThat(shown.get("on")).isEqualTo(step.get("on"));
                assertThat(shown.get("status")).isEqualTo(step.get("status"));
                if (reader[1].equals(step.get("event").asText())) {
                    assertThat(shown.get("event").isNull()).as(shown.toString()).isTrue();
                    assertThat(shown.get("note").asText()).isEmpty();
                } else {
                    assertThat(shown).isEqualTo(step);
                }
            }
        }
    }

    @Test
    void pool_evidence_names_only_an_event_the_caller_can_see() throws Exception {
        String outside = "{\"kind\": \"delivery\", \"on\": \"2024-03-15\", \"event\": \"cascade-dushanbe-2024\"}";
        String missing = "{\"kind\": \"delivery\", \"on\": \"2024-03-15\", \"event\": \"no-such-event\"}";

        // With the version named (any): the version is judged before the event evidence names.
        HttpResponse<String> a = api.send("POST", "/api/v1/trainers/t-kz-01/tsp-countering-migrant-smuggling/evidence", kz, outside, null, "*");
        HttpResponse<String> b = api.send("POST", "/api/v1/trainers/t-kz-01/tsp-countering-migrant-smuggling/evidence", kz, missing, null, "*");

        assertThat(a.statusCode()).isEqualTo(422);
        assertThat(a.body()).isEqualTo(b.body()).contains("event: no such event");
    }

    @Test
    void a_coordinator_scoped_by_programme_moves_no_one_and_nothing_out_of_the_programmes_countries() throws Exception {
        String moved = JSON.writeValueAsString(((ObjectNode) JSON.valueToTree(RosterDocs.PersonDoc.of(DemoRoster.almatyParticipants().get(17))))
                .put("country", "MN"));
        ObjectNode event = JSON.valueToTree(RosterDocs.EventDoc.of(DemoRoster.dushanbeCascade().event()));
        event.put("country", "MN").put("zone", "Asia/Ulaanbaatar");
        ObjectNode newEvent = event.deepCopy().put("id", "mn-cascade");
        String iomTrainer = JSON.writeValueAsString(((ObjectNode) JSON.valueToTree(RosterDocs.PersonDoc.of(DemoRoster.almatyTrainers().get(2))))
                .put("rank", "changed"));

        assertThat(api.send("PUT", "/api/v1/people/p-kz-18", prog, moved, null, "*").statusCode()).isEqualTo(403);
        assertThat(api.send("PUT", "/api/v1/events/cascade-dushanbe-2024", prog, JSON.writeValueAsString(event), null, "*").statusCode())
                .isEqualTo(403);
        assertThat(api.send("PUT", "/api/v1/events/cascade-dushanbe-2024", prog, JSON.writeValueAsString(event)).statusCode())
                .as("who may hold the event where is judged before the version named").isEqualTo(403);
        assertThat(api.send("POST", "/api/v1/events", prog, JSON.writeValueAsString(newEvent)).statusCode()).isEqualTo(403);
        assertThat(api.send("PUT", "/api/v1/people/t-iom-01", prog, iomTrainer, null, "*").statusCode())
                .as("international staff are shared records").isEqualTo(403);
        assertThat(api.send("GET", "/api/v1/people/p-kz-18", admin, null).body()).contains("\"country\":\"KZ\"");
    }

    /**
     * A programme's internal report holds the exact counts of all its events, so it is read only by those whose scope
     * covers every one of them (the attacker's review of session 19: a coordinator of one country read the others' counts
     * by sex). The rest read its donor report, by default.
     */
    @Test
    void a_programmes_internal_report_is_read_only_by_those_whose_scope_covers_every_event_of_it() throws Exception {
        String report = "/api/v1/programmes/" + DemoRoster.PROGRAMME + "/report";
        HttpResponse<String> asTajik = api.send("GET", report, tj, null);
        HttpResponse<String> internal = api.send("GET", report + "?audience=internal", tj, null);

        assertThat(asTajik.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(asTajik.body()).get("audience").asText()).as("the donor report by default").isEqualTo("donor");
        assertThat(asTajik.body()).doesNotContain("Abdulloev").doesNotContain("Абдуллоев");
        assertThat(internal.statusCode()).isEqualTo(403);
        assertThat(errors(internal)).contains("audience: must be donor or public for this programme");
        assertThat(api.send("GET", report + "?audience=internal&format=csv", uz, null).statusCode()).isEqualTo(403);
        for (String whole : new String[] {prog, centralAsia, admin}) {
            HttpResponse<String> read = api.send("GET", report, whole, null);
            assertThat(JSON.readTree(read.body()).get("audience").asText()).isEqualTo("internal");
            assertThat(read.body()).contains("Farkhod Abdulloev");
        }

        // An event of a programme held outside the programme's countries (an administrator may hold one there): a
        // coordinator of all the programme's countries no longer covers every event, and reads the donor report.
        String mongolian = "/api/v1/programmes/mn-programme/report?from=2023-01-01&to=2023-12-31";
        assertThat(api.send("GET", mongolian + "&audience=internal", mn, null).statusCode()).isEqualTo(200);
        ObjectNode inKyrgyzstan = JSON.valueToTree(RosterDocs.EventDoc.of(DemoRoster.almatyTot().event().toBuilder()
                .venue("Bishkek", Country.of("KG"), java.time.ZoneId.of("Asia/Bishkek")).agenda(java.util.List.of()).build()));
        inKyrgyzstan.put("id", "kg-event-1").put("programme", "mn-programme");
        assertThat(api.send("POST", "/api/v1/events", admin, JSON.writeValueAsString(inKyrgyzstan)).statusCode()).isEqualTo(201);

        assertThat(api.send("GET", mongolian + "&audience=internal", mn, null).statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(api.send("GET", mongolian, mn, null).body()).get("audience").asText()).isEqualTo("donor");
    }

    @Test
    void feedback_about_a_trainer_or_practice_by_an_assessor_names_only_people_of_the_event() throws Exception {
        String feedback = "{\"items\": [{\"session\": \"M1.S1\", \"rating\": 3, \"trainer\": \"%s\"}]}";
        String practice = "{\"results\": [{\"person\": \"p-tj-c01\", \"task\": \"P1\", \"scores\": {}, \"assessor\": \"%s\"}]}";

        HttpResponse<String> outside = api.send("POST", "/api/v1/events/cascade-dushanbe-2024/feedback", tj, feedback.formatted("p-kz-01"));
        HttpResponse<String> missing = api.send("POST", "/api/v1/events/cascade-dushanbe-2024/feedback", tj, feedback.formatted("nobody"));
        HttpResponse<String> assessedOutside = api.send("POST", "/api/v1/events/cascade-dushanbe-2024/practice", tj, practice.formatted("p-kz-01"));
        HttpResponse<String> assessedMissing = api.send("POST", "/api/v1/events/cascade-dushanbe-2024/practice", tj, practice.formatted("nobody"));

        assertThat(outside.statusCode()).isEqualTo(400);
        assertThat(assessedOutside.statusCode()).as("as a test score or a mark naming someone not enrolled").isEqualTo(400);
        assertThat(outside.body()).isEqualTo(missing.body()).contains("items[0].trainer: is not enrolled in this event");
        assertThat(errors(assessedOutside)).isEqualTo(errors(assessedMissing)).contains("results[0].assessor: is not enrolled in this event");
        // Feedback on a trainer names one who delivers the event, not a participant (the attacker's re-check).
        HttpResponse<String> participant = api.send("POST", "/api/v1/events/cascade-dushanbe-2024/feedback", tj, feedback.formatted("p-tj-c01"));
        assertThat(participant.statusCode()).isEqualTo(400);
        assertThat(errors(participant)).contains("items[0].trainer: is enrolled as participant, not as a trainer of this event");
    }

    @Test
    void a_national_officer_is_not_recorded_across_a_border_as_staff_of_an_international_organisation() throws Exception {
        HttpResponse<String> disguised = importRaw("cascade-dushanbe-2024", tj, "person_id,latin_name,country,role,organisation\r\n"
                + "p-disguised,Injected Kazakh,KZ,participant,iom\r\n");
        HttpResponse<String> international = importRaw("cascade-dushanbe-2024", tj, "person_id,latin_name,country,role,organisation\r\n"
                + "p-swiss,Swiss Expert,CH,observer,iom\r\n");

        assertThat(disguised.statusCode()).isEqualTo(422);
        assertThat(disguised.body()).contains("country: is outside your scope");
        assertThat(international.statusCode()).as(international.body()).isEqualTo(201);
    }

    @Test
    void a_coordinator_saves_their_cascade_unchanged_though_its_tot_is_another_countrys() throws Exception {
        String cascade = api.send("GET", "/api/v1/events/cascade-dushanbe-2024", tj, null).body();

        assertThat(api.change("PUT", "/api/v1/events/cascade-dushanbe-2024", tj, cascade).statusCode()).isEqualTo(200);

        // Its days moved before that ToT's end are not judged against it: the answer would tell the ToT's days, which
        // the coordinator cannot read (the attacker's re-check found the end day by moving the cascade a day at a time).
        // An administrator, who reads both, is refused.
        com.fasterxml.jackson.databind.node.ObjectNode moved = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(cascade);
        moved.set("agenda", JSON.createArrayNode());
        moved.remove("days");
        moved.remove("totalCourseDays");
        moved.remove("closedOn");
        moved.putObject("courseDays").put("first", "2023-10-24").put("last", "2023-10-26");
        moved.putObject("travelWindow").put("first", "2023-10-23").put("last", "2023-10-27");
        var asTj = api.change("PUT", "/api/v1/events/cascade-dushanbe-2024", tj, moved.toString());
        assertThat(asTj.statusCode()).as(asTj.body()).isEqualTo(200);
        assertThat(asTj.body()).doesNotContain("tot-after-cascade");
        var asAdmin = api.change("PUT", "/api/v1/events/cascade-dushanbe-2024", admin, moved.toString());
        assertThat(asAdmin.statusCode()).as(asAdmin.body()).isEqualTo(422);
        assertThat(asAdmin.body()).contains("command.tot-after-cascade");
        assertThat(api.change("PUT", "/api/v1/events/cascade-dushanbe-2024", admin, cascade).statusCode()).isEqualTo(200);
    }

    @Test
    void a_tot_moved_past_its_cascades_is_refused_naming_only_those_the_user_may_read() throws Exception {
        String tot = api.send("GET", "/api/v1/events/tot-almaty-2023", kz, null).body();
        String cascadeFirst = JSON.readTree(api.send("GET", "/api/v1/events/cascade-dushanbe-2024", admin, null).body())
                .at("/courseDays/first").asText();
        java.time.LocalDate last = java.time.LocalDate.parse(cascadeFirst).plusDays(1);
        com.fasterxml.jackson.databind.node.ObjectNode moved = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(tot);
        moved.set("agenda", JSON.createArrayNode());
        moved.remove("days");
        moved.remove("totalCourseDays");
        moved.remove("closedOn");
        moved.putObject("courseDays").put("first", "2023-10-23").put("last", last.toString());
        moved.putObject("travelWindow").put("first", "2023-10-22").put("last", last.plusDays(1).toString());

        // The version named is judged first (newcomer: a 422 came where the README promises 428).
        assertThat(api.send("PUT", "/api/v1/events/tot-almaty-2023", admin, moved.toString()).statusCode()).isEqualTo(428);
        assertThat(api.send("PUT", "/api/v1/events/tot-almaty-2023", admin, moved.toString(), null, "\"999\"").statusCode()).isEqualTo(412);
        // An administrator reads the Tajik cascade that takes its trainers from the Almaty ToT: the move is refused, naming it.
        var asAdmin = api.change("PUT", "/api/v1/events/tot-almaty-2023", admin, moved.toString());
        assertThat(asAdmin.statusCode()).as(asAdmin.body()).isEqualTo(422);
        assertThat(JSON.readTree(asAdmin.body()).get("errors").get(0).asText()).isEqualTo("courseDays: ends after cascade-dushanbe-2024 begins ("
                + cascadeFirst + "), which takes its trainers from this ToT; a ToT is completed before its cascades");
        assertThat(JSON.readTree(asAdmin.body()).at("/findings/0/code").asText()).isEqualTo("command.tot-after-cascade");
        assertThat(api.send("GET", "/api/v1/events/tot-almaty-2023", kz, null).body()).isEqualTo(tot);
        // The Kazakh coordinator cannot read that cascade: the move is not judged against it (its days would be learnt).
        var asKz = api.change("PUT", "/api/v1/events/tot-almaty-2023", kz, moved.toString());
        assertThat(asKz.statusCode()).as(asKz.body()).isEqualTo(200);
        assertThat(asKz.body()).doesNotContain("cascade-dushanbe-2024").doesNotContain("tot-after-cascade");
        // Whoever reads both events is told by their checks, from either side (the attacker's re-check: nothing said it);
        // a coordinator who reads only one of them is told nothing of the other.
        assertThat(api.send("GET", "/api/v1/events/tot-almaty-2023/checks", admin, null).body())
                .contains("\"subject\":\"event/tot-almaty-2023/courseDays\"").contains("ends after cascade-dushanbe-2024 begins");
        assertThat(api.send("GET", "/api/v1/events/cascade-dushanbe-2024/checks", admin, null).body())
                .contains("names a ToT that ends on " + last + ", after this event begins (" + cascadeFirst + ")");
        assertThat(api.send("GET", "/api/v1/events/tot-almaty-2023/checks", kz, null).body()).doesNotContain("tot-after-cascade");
        assertThat(api.send("GET", "/api/v1/events/cascade-dushanbe-2024/checks", tj, null).body()).doesNotContain("tot-after-cascade");
        assertThat(api.change("PUT", "/api/v1/events/tot-almaty-2023", kz, tot).statusCode()).isEqualTo(200);
        assertThat(api.send("GET", "/api/v1/events/cascade-dushanbe-2024/checks", admin, null).body()).doesNotContain("tot-after-cascade");
    }
}
