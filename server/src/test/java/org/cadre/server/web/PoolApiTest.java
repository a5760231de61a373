package org.cadre.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.google.common.collect.ImmutableSortedSet;
import io.javalin.Javalin;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Clock;
import org.cadre.curriculum.demo.DemoCurricula;
import org.cadre.roster.Country;
import org.cadre.roster.Person;
import org.cadre.roster.Sex;
import org.cadre.server.store.DemoData;
import org.cadre.server.security.Passwords;
import org.cadre.server.store.AuditLog;
import org.cadre.server.store.Database;
import org.cadre.server.store.People;
import org.cadre.server.security.UserAccount;
import org.cadre.server.store.Users;
import org.junit.jupiter.api.Test;

/** Evidence moves a trainer through the pool over HTTP exactly as the pool's rules allow. */
class PoolApiTest {

    private static final String PATH = "/api/v1/trainers/pool-newcomer/" + DemoCurricula.almatyTot().id() + "/evidence";

    private static String evidence(String kind, String on) {
        return "{\"kind\": \"" + kind + "\", \"on\": \"" + on + "\", \"event\": \"tot-almaty-2023\"}";
    }

    /**
     * The demo, a coordinator "certifier" of the given countries, and a Kazakh newcomer who took part in the demo
     * ToT (evidence comes from an event the person was enrolled in).
     */
    private static void demoWithNewcomer(Database db, Country... countries) {
        AuditLog audit = new AuditLog(Clock.systemUTC());
        DemoData.load(db, audit);
        new Users(db, audit).add(new UserAccount("certifier", Passwords.hash("pw".toCharArray(), 1_000), UserAccount.Role.COORDINATOR,
                ImmutableSortedSet.copyOf(countries), ImmutableSortedSet.of(), false), "admin");
        new People(db, audit).add(Person.builder("pool-newcomer", Country.KAZAKHSTAN).latinName("New Trainer").sex(Sex.FEMALE).build(), "admin");
        // Confirmed: pool evidence needs a seat at its event (a declined one had made a co-trainer: the attacker's review of session 23).
        new org.cadre.server.store.Enrolments(db, audit).addAll(java.util.List.of(org.cadre.roster.Enrolment.nominate(
                org.cadre.roster.PersonId.of("pool-newcomer"), org.cadre.roster.demo.DemoRoster.ALMATY_TOT, org.cadre.roster.Role.PARTICIPANT,
                org.cadre.roster.demo.DemoRoster.KZ_BORDER_GUARD, java.time.LocalDate.of(2023, 9, 1))
                .moveTo(org.cadre.roster.EnrolmentStatus.APPROVED, java.time.LocalDate.of(2023, 9, 5)).value()
                .moveTo(org.cadre.roster.EnrolmentStatus.CONFIRMED, java.time.LocalDate.of(2023, 9, 10)).value()), "admin");
    }

    /** What a test does as the certifier, signed in to a server on a demo store with the newcomer enrolled in the ToT. */
    private interface AsCertifier {
        void run(ApiClient api, String token) throws Exception;
    }

    /** Runs {@code test} as the certifier scoped to {@code countries}, on a fresh store and server stopped after it. */
    private static void asCertifier(AsCertifier test, Country... countries) throws Exception {
        try (Database db = Database.sqlite(Files.createTempDirectory("cadre-pool").resolve("cadre.db"))) {
            demoWithNewcomer(db, countries);
            Javalin app = CadreApp.create(db).start("127.0.0.1", 0);
            try {
                ApiClient api = new ApiClient(app.port());
                test.run(api, api.login("certifier", "pw"));
            } finally {
                app.stop();
            }
        }
    }

    @Test
    void a_newcomer_is_admitted_on_tot_enrolment_then_steps_up_on_its_evidence_and_each_refusal_names_its_rule() throws Exception {
        asCertifier((api, token) -> {

            HttpResponse<String> notYetAdmitted = api.send("POST", PATH, token, evidence("tot-completed", "2023-10-27"));
            // No record yet: a version named for it matches nothing (the attacker's review: "99" admitted the person).
            HttpResponse<String> namedVersion = api.send("POST", PATH, token, evidence("tot-enrolled", "2023-10-23"), null, "\"99\"");
            // A step asked of the admission is refused, not dropped; a package not stored is not found before any version.
            HttpResponse<String> promoted = api.send("POST", PATH, token,
                    "{\"kind\": \"tot-enrolled\", \"on\": \"2023-10-23\", \"event\": \"tot-almaty-2023\", \"promoteTo\": \"co-trainer\"}");
            HttpResponse<String> noPackage = api.send("POST", "/api/v1/trainers/pool-newcomer/no-such-package/evidence", token,
                    evidence("tot-enrolled", "2023-10-23"), null, "\"1\"");
            HttpResponse<String> admitted = api.send("POST", PATH, token,
                    "{\"kind\": \"tot-enrolled\", \"on\": \"2023-10-23\", \"event\": \"tot-almaty-2023\", \"note\": \"Nominated by the academy\"}");
            // Evidence for a trainer on record changes their record: it names the version read (If-Match).
            String version = admitted.headers().firstValue("ETag").orElseThrow();
            HttpResponse<String> unversioned = api.send("POST", PATH, token, evidence("tot-completed", "2023-10-27"));
            HttpResponse<String> again = api.send("POST", PATH, token, evidence("tot-enrolled", "2023-10-24"), null, version);
            HttpResponse<String> skipped = api.send("POST", PATH, token, evidence("observed-co-delivery", "2023-10-25"), null, version);
            // The version is judged before what the evidence names (as for events and people): evidence both
            // unversioned (or stale) and wrong is told of its version first.
            HttpResponse<String> unversionedAndWrong = api.send("POST", PATH, token,
                    "{\"kind\": \"tot-completed\", \"event\": \"no-such-event\"}");
            HttpResponse<String> staleAndWrong = api.send("POST", PATH, token, evidence("tot-completed", "2023-11-30"), null, "\"99\"");
            HttpResponse<String> completed = api.send("POST", PATH, token, evidence("tot-completed", "2023-10-27"), null, version);

            assertThat(unversioned.statusCode()).isEqualTo(428);
            assertThat(namedVersion.statusCode()).as(namedVersion.body()).isEqualTo(412);
            assertThat(promoted.statusCode()).as(promoted.body()).isEqualTo(422);
            assertThat(promoted.body()).contains("pool.step-skipped").contains("admission makes a trainee, not a co-trainer");
            assertThat(noPackage.statusCode()).as(noPackage.body()).isEqualTo(404);
            assertThat(namedVersion.body()).contains("no record in this package's pool").contains("without If-Match");
            // The note sent with the evidence is read back with it (the newcomer's review: it was nowhere to be read).
            JsonNode admission = JsonMapper.builder().build().readTree(admitted.body()).get("history").get(0);
            assertThat(admission.get("evidenceNote").asText()).isEqualTo("Nominated by the academy");
            assertThat(admission.get("note").asText()).isNotEqualTo("Nominated by the academy");
            assertThat(unversionedAndWrong.statusCode()).as(unversionedAndWrong.body()).isEqualTo(428);
            assertThat(staleAndWrong.statusCode()).as(staleAndWrong.body()).isEqualTo(412);

            assertThat(notYetAdmitted.statusCode()).isEqualTo(422);
            assertThat(notYetAdmitted.body()).contains("pool.evidence-missing")
                    .contains("admission as trainee needs evidence of ToT enrolment (tot-enrolled), got tot-completed")
                    .doesNotContain("TOT_COMPLETED");
            assertThat(admitted.statusCode()).as(admitted.body()).isEqualTo(201);
            assertThat(again.statusCode()).isEqualTo(422);
            assertThat(again.body()).contains("pool.no-change");
            // Teaching is evidence from an event the person taught: a participant of the ToT had been made a certified
            // trainer by an "observed co-delivery" there (the attacker's review of session 23).
            assertThat(skipped.statusCode()).isEqualTo(422);
            assertThat(skipped.body()).contains("event: the person is enrolled in it as participant; observed-co-delivery is evidence "
                    + "of a co-trainer there");
            assertThat(completed.statusCode()).as(completed.body()).isEqualTo(201);
            JsonNode trainer = JsonMapper.builder().build().readTree(completed.body()).get("trainer");
            assertThat(trainer.get("status").asText()).isEqualTo("co-trainer");
        }, Country.KAZAKHSTAN);
    }

    /**
     * Admissions sent at once under {@code If-Match: *} are each judged on the record as it stands: one admits, the others
     * are told the person is in the pool already; none is told to send the evidence again with an ETag it never needed (the
     * attacker's second review of session 23).
     */
    @Test
    void admissions_at_once_under_any_version_admit_once_and_tell_the_rest_why() throws Exception {
        asCertifier((api, token) -> {
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
            java.util.List<Integer> statuses = new java.util.ArrayList<>();
            try {
                java.util.List<java.util.concurrent.Future<HttpResponse<String>>> sent = new java.util.ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    sent.add(pool.submit(() -> api.send("POST", PATH, token, evidence("tot-enrolled", "2023-10-23"), null, "*")));
                }
                for (var response : sent) {
                    statuses.add(response.get().statusCode());
                    if (response.get().statusCode() != 201) {
                        assertThat(response.get().body()).contains("pool.no-change");
                    }
                }
            } finally {
                pool.shutdown();
            }
            assertThat(statuses).containsOnly(201, 422).filteredOn(s -> s == 201).hasSize(1);
        }, Country.KAZAKHSTAN);
    }

    @Test
    void evidence_names_its_event_and_a_day_within_it() throws Exception {
        asCertifier((api, token) -> {

            HttpResponse<String> noEvent = api.send("POST", PATH, token, "{\"kind\": \"tot-enrolled\", \"on\": \"2023-10-23\"}");
            HttpResponse<String> afterIt = api.send("POST", PATH, token, evidence("tot-enrolled", "2023-11-30"));
            HttpResponse<String> unknown = api.send("POST", PATH, token,
                    "{\"kind\": \"tot-enrolled\", \"event\": \"no-such-event\"}");
            HttpResponse<String> fromCascade = api.send("POST", PATH, token,
                    "{\"kind\": \"tot-enrolled\", \"event\": \"cascade-dushanbe-2024\"}");
            HttpResponse<String> someoneElse = api.send("POST", "/api/v1/trainers/t-iom-01/" + DemoCurricula.almatyTot().id() + "/evidence",
                    token, "{\"kind\": \"recertification\", \"event\": \"tot-almaty-2023\"}", null, "*");
            HttpResponse<String> undated = api.send("POST", PATH, token, "{\"kind\": \"tot-enrolled\", \"event\": \"tot-almaty-2023\"}");

            assertThat(noEvent.statusCode()).isEqualTo(400);
            assertThat(noEvent.body()).contains("event: is required");
            assertThat(afterIt.statusCode()).isEqualTo(422);
            assertThat(afterIt.body()).contains("on: evidence dated 2023-11-30 is outside tot-almaty-2023 (2023-10-22..2023-10-28)");
            assertThat(unknown.statusCode()).isEqualTo(422);
            assertThat(unknown.body()).contains("event: no such event");
            assertThat(fromCascade.statusCode()).isEqualTo(422);
            assertThat(fromCascade.body()).contains("event: the person is not enrolled in it")
                    .contains("event: is a cascade; ToT enrolment and completion come from a ToT");
            assertThat(someoneElse.statusCode()).as("international staff: an administrator's to change").isEqualTo(403);
            assertThat(undated.statusCode()).as(undated.body()).isEqualTo(201);
            JsonNode entry = JsonMapper.builder().build().readTree(undated.body()).get("history").get(0);
            assertThat(entry.get("on").asText()).as("a ToT enrolment: the ToT's first course day").isEqualTo("2023-10-23");
            assertThat(entry.get("event").asText()).isEqualTo("tot-almaty-2023");
        }, Country.KAZAKHSTAN, Country.TAJIKISTAN);
    }
}
