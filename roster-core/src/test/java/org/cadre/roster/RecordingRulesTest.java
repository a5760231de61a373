package org.cadre.roster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.cadre.curriculum.SessionCode;
import org.cadre.finding.Finding;
import org.cadre.finding.Result;
import org.cadre.roster.demo.DemoRoster;
import org.junit.jupiter.api.Test;

/**
 * The refusals that used to live in the web API's handlers, now rules of the library every door shares:
 * when certification may be dated, feedback on a session the package lacks, a roster row that cannot be
 * imported, and the idempotency key of an import.
 */
class RecordingRulesTest {

    private static final EventRoster ALMATY = DemoRoster.almatyTot();
    private static final Event EVENT = ALMATY.event();
    private static final LocalDate LAST = EVENT.courseDays().last();

    @Test
    void certification_is_dated_once_the_course_has_ended_and_not_after_today() {
        Result<LocalDate> early = Certification.decisionDay(EVENT, Optional.of(LAST.minusDays(1)), LAST.plusYears(1));
        Result<LocalDate> ahead = Certification.decisionDay(EVENT, Optional.of(LAST.plusDays(3)), LAST.plusDays(2));

        assertThat(early.refusal().stream().map(Finding::code)).containsExactly("command.before-course-end");
        assertThat(early.refusal().stream().map(Finding::message)).containsExactly("must not be before the last course day (" + LAST + ")");
        assertThat(ahead.refusal().stream().map(Finding::code)).containsExactly("command.dated-ahead");
        assertThat(Certification.decisionDay(EVENT, Optional.empty(), LAST.plusYears(1)).value()).isEqualTo(LAST);
        assertThat(Certification.decisionDay(EVENT, Optional.empty(), LAST.minusDays(1)).isOk())
                .as("undated while the course runs: today, which is before its end").isFalse();
    }

    @Test
    void an_event_whose_agenda_lists_no_session_is_not_certified() {
        Event bare = EVENT.toBuilder().agenda(List.of()).build();

        assertThat(Certification.withoutAgenda(EVENT)).isEmpty();
        assertThat(Certification.withoutAgenda(bare)).map(Finding::code).contains("command.certify-without-agenda");
        assertThat(Certification.withoutAgenda(bare)).map(Finding::subject).contains(bare.subject());
    }

    @Test
    void an_event_whose_agenda_lists_no_session_has_no_decision_to_report() {
        EventRoster demo = DemoRoster.almatyTot();
        EventRoster bare = demo.toBuilder().event(demo.event().toBuilder().agenda(List.of()).build()).build();

        assertThat(Certification.evaluate(demo)).hasSize(demo.seatedParticipants().size());
        assertThat(Certification.evaluate(bare)).isEmpty();
    }

    @Test
    void a_change_or_a_nomination_may_be_dated_today_but_not_tomorrow() {
        LocalDate today = LAST.plusYears(1);
        assertThat(BulkStatus.datedAhead("e/enrolment/p", today, today)).isEmpty();
        assertThat(BulkStatus.datedAhead("e/enrolment/p", LAST, today)).isEmpty();
        Finding ahead = BulkStatus.datedAhead("e/enrolment/p", today.plusDays(1), today).orElseThrow();
        assertThat(ahead.code()).isEqualTo("command.dated-ahead");
        assertThat(ahead.subject()).isEqualTo("e/enrolment/p");
        assertThat(ahead.message()).isEqualTo("dated " + today.plusDays(1) + ", after today (" + today + ") where the event takes place");
    }

    @Test
    void feedback_on_a_session_the_package_lacks_is_named_by_its_item() {
        SessionCode known = ALMATY.curriculum().modules().get(0).sessions().get(0).code();
        List<Feedback> items = List.of(Feedback.onSession(known, 4, "clear"), Feedback.onSession(SessionCode.of("M9.S9"), 5, "fine"));

        assertThat(Feedback.unknownSessions(items, ALMATY.curriculum())).extracting(Finding::code, Finding::subject)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("feedback.unknown-session", "feedback/1"));
    }

    /**
     * Feedback rates a trainer who delivers its session by the agenda; a session whose slots name no trainer takes any
     * (the newcomer's review of session 13: a trainer of another session was taken).
     */
    @Test
    void feedback_on_a_trainer_of_another_session_is_named_by_its_item() {
        AgendaSlot first = ALMATY.event().agenda().get(0);
        PersonId delivers = first.trainers().iterator().next();
        PersonId other = ALMATY.event().agenda().stream().flatMap(s -> s.trainers().stream()).filter(t -> !first.trainers().contains(t))
                .findFirst().orElseThrow();
        Feedback.Concern onFirst = new Feedback.Concern(org.cadre.curriculum.CurriculumDiff.Element.SESSION, first.session().value());
        List<Feedback> items = List.of(new Feedback(Optional.empty(), first.session(), Optional.of(delivers), 4, Optional.empty(), onFirst),
                new Feedback(Optional.empty(), first.session(), Optional.of(other), 4, Optional.empty(), onFirst),
                new Feedback(Optional.empty(), first.session(), Optional.empty(), 4, Optional.empty(), onFirst));

        assertThat(Feedback.trainersNotDelivering(items, ALMATY.event())).extracting(Finding::code, Finding::subject)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("feedback.trainer-not-delivering", "feedback/1"));
        // A session whose slots name no trainer takes any.
        List<AgendaSlot> bare = ALMATY.event().agenda().stream().map(s -> s.session().equals(first.session())
                ? new AgendaSlot(s.session(), s.day(), s.start(), s.end(), com.google.common.collect.ImmutableSet.of()) : s).toList();
        Event open = ALMATY.event().toBuilder().agenda(bare).build();
        assertThat(Feedback.trainersNotDelivering(items, open)).isEmpty();
    }

    /**
     * Feedback may concern a module, an outcome or an item of the package, not a code it lacks (the attacker's re-check:
     * "m1" beside "M1" let one author rate a session twice in one list).
     */
    @Test
    void feedback_concerning_an_element_the_package_lacks_is_named_by_its_item() {
        SessionCode session = ALMATY.curriculum().modules().get(0).sessions().get(0).code();
        String module = ALMATY.curriculum().modules().get(0).code().value();
        Feedback.Concern known = new Feedback.Concern(org.cadre.curriculum.CurriculumDiff.Element.MODULE, module);
        Feedback.Concern lower = new Feedback.Concern(org.cadre.curriculum.CurriculumDiff.Element.MODULE, module.toLowerCase(java.util.Locale.ROOT));
        Feedback.Concern outcome = new Feedback.Concern(org.cadre.curriculum.CurriculumDiff.Element.OUTCOME, module);
        List<Feedback> items = java.util.stream.Stream.of(known, lower, outcome).map(c -> new Feedback(java.util.Optional.empty(), session,
                java.util.Optional.empty(), 4, java.util.Optional.empty(), c)).toList();

        assertThat(Feedback.unknownConcerns(items, ALMATY.curriculum())).extracting(Finding::code, Finding::subject, Finding::message)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("feedback.unknown-element", "feedback/1", "names no module of the package"),
                        org.assertj.core.groups.Tuple.tuple("feedback.unknown-element", "feedback/2", "names no outcome of the package"));
        assertThat(Feedback.unknownConcerns(List.of(Feedback.onSession(session, 3, null)), ALMATY.curriculum())).isEmpty();
    }

    @Test
    void an_idempotency_key_is_short_and_plain_and_names_one_request() {
        byte[] file = "person_id\r\n".getBytes(StandardCharsets.UTF_8);
        String hash = ImportRequest.hash(EVENT.id(), LAST, file);

        assertThat(ImportRequest.keyRefusal("import-2023-10-01_a:1")).isEmpty();
        assertThat(ImportRequest.keyRefusal("two words")).map(Finding::code).contains("import.idempotency-key");
        assertThat(ImportRequest.keyRefusal("x".repeat(129))).isPresent();
        assertThat(ImportRequest.reuseRefusal(hash, ImportRequest.hash(EVENT.id(), LAST, file))).isEmpty();
        assertThat(ImportRequest.reuseRefusal(hash, ImportRequest.hash(EVENT.id(), LAST.plusDays(1), file)))
                .map(Finding::message).contains("was used with another request (another file, event or day nominated); use a new key for a new request");
    }

    @Test
    void a_row_is_refused_by_its_line_and_the_whole_file_with_it() {
        RosterRows.Known nothing = new RosterRows.Known(Map.of(), Set.of(), Set.of(DemoRoster.KZ_BORDER_ACADEMY), Set.of(),
                (p, r) -> true, (p, r) -> true);
        RosterRows.Row good = new RosterRows.Row(2, Map.of("person_id", "p-1", "latin_name", "Aidos Serikbayev", "country", "KZ",
                "role", "participant", "organisation", DemoRoster.KZ_BORDER_ACADEMY.value()), false, List.of());
        RosterRows.Row unknownOrganisation = new RosterRows.Row(3, Map.of("person_id", "p-2", "latin_name", "Bolat Omarov",
                "country", "KZ", "role", "participant", "organisation", "nowhere"), false, List.of());

        RosterRows.Plan plan = RosterRows.plan(List.of(good, unknownOrganisation), EVENT, LAST, nothing);

        assertThat(plan.ok()).isFalse();
        assertThat(plan.enrolments()).as("all or nothing").isEmpty();
        assertThat(plan.refusals()).extracting(Finding::code).containsOnly("import.row-refused");
        assertThat(plan.errors()).containsExactly("line 3: organisation: no such organisation");
        assertThat(RosterRows.plan(List.of(good), EVENT, LAST, nothing).newPeople()).extracting(p -> p.id().value()).containsExactly("p-1");
        assertThat(RosterRows.plan(List.of(), EVENT, LAST, nothing).refusals()).extracting(Finding::code)
                .containsExactly("import.file-refused");
    }

    @Test
    void a_score_beyond_the_blueprint_is_a_finding_of_the_score_rule() {
        TestScore beyond = TestScore.of(PersonId.of("p-1"), TestScore.Phase.POST, Map.of(org.cadre.curriculum.ItemCode.of("no-such-item"), 1));

        assertThat(ScoreLimits.of(beyond, ALMATY.curriculum())).extracting(Finding::code, Finding::subject)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("assessment.score-out-of-range", "test/p-1"));
    }

    /**
     * The rubric scores one practical task: a result for another task is refused by the score rule (the newcomer's
     * review: it was stored where nobody reads it, and counted in certification).
     */
    @Test
    void practice_teaching_for_a_task_other_than_the_rubrics_is_a_finding_of_the_score_rule() {
        Rubric rubric = ALMATY.rubric().orElseThrow();
        String criterion = rubric.criteria().get(0).name();
        PracticeTeaching other = new PracticeTeaching(PersonId.of("p-1"), org.cadre.curriculum.ItemCode.of("Q1"),
                com.google.common.collect.ImmutableMap.of(criterion, 1), java.util.Optional.empty());
        PracticeTeaching same = new PracticeTeaching(PersonId.of("p-1"), rubric.task(),
                com.google.common.collect.ImmutableMap.of(criterion, 1), java.util.Optional.empty());

        assertThat(ScoreLimits.of(other, ALMATY.rubric())).extracting(Finding::code, Finding::message).containsExactly(
                org.assertj.core.groups.Tuple.tuple("assessment.score-out-of-range", "scores task Q1, which is not the rubric's task " + rubric.task()));
        assertThat(ScoreLimits.of(same, ALMATY.rubric())).isEmpty();
    }
}
