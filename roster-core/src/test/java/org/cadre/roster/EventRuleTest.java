package org.cadre.roster;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.cadre.curriculum.ItemCode;
import org.cadre.curriculum.SessionCode;
import org.cadre.curriculum.demo.DemoCurricula;
import org.cadre.finding.Finding;
import org.cadre.finding.Findings;
import org.cadre.roster.demo.DemoRoster;
import org.cadre.roster.pool.TrainerPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Each event rule, shown firing on a broken copy of the demo roster and not firing on the demo. */
class EventRuleTest {

    private static final EventRoster DEMO = DemoRoster.almatyTot();
    private static final LocalDate DAY_1 = LocalDate.of(2023, 10, 23);

    /** The findings of the changed demo; each message is held to the API's words. */
    private static Findings check(UnaryOperator<EventRoster.Builder> change) {
        Findings findings = EventCheck.of(change.apply(DEMO.toBuilder()).build()).run();
        org.cadre.roster.fixtures.RosterWords.checkFindings(findings);
        return findings;
    }

    private static EventRoster.Builder withEvent(EventRoster.Builder b, UnaryOperator<Event.Builder> change) {
        return b.event(change.apply(DEMO.event().toBuilder()).build());
    }

    private static EventRoster.Builder withAgenda(EventRoster.Builder b, UnaryOperator<List<AgendaSlot>> change) {
        return withEvent(b, e -> e.agenda(change.apply(new ArrayList<>(DEMO.event().agenda()))));
    }

    private static AgendaSlot slot(String session) {
        return DEMO.event().agenda().stream().filter(s -> s.session().value().equals(session)).findFirst().orElseThrow();
    }

    private static Enrolment enrolled(String person, Role role, OrganisationId by, EnrolmentStatus... path) {
        Enrolment e = Enrolment.nominate(PersonId.of(person), DEMO.event().id(), role, by, LocalDate.of(2023, 9, 1));
        LocalDate day = LocalDate.of(2023, 9, 2);
        for (EnrolmentStatus s : path) {
            e = e.moveTo(s, day).value();
            day = day.plusDays(1);
        }
        return e;
    }

    @ParameterizedTest(name = "{0} does not fire on the demo ToT or cascade")
    @EnumSource(EventRule.class)
    void no_rule_fires_on_the_demo_rosters(EventRule rule) {
        assertThat(EventCheck.of(DEMO).run().withCode(rule.code())).isEmpty();
        assertThat(EventCheck.of(DemoRoster.dushanbeCascade()).run().withCode(rule.code())).isEmpty();
    }

    @Test
    void curriculum_mismatch_fires_when_the_event_delivers_another_version() {
        Findings findings = check(b -> EventRoster.builder(DEMO.event(), DEMO.programme(), DemoCurricula.revisedAfterAlmaty())
                .organisations(DEMO.organisations().values()).people(DEMO.people().values()).enrolments(DEMO.enrolments()));

        assertThat(findings.withCode("event.curriculum-mismatch")).extracting(Finding::message)
                .containsExactly("delivers tsp-countering-migrant-smuggling@1.0.0 but was checked against "
                        + "tsp-countering-migrant-smuggling@1.1.0");
    }

    @Test
    void dates_inconsistent_fires_when_the_course_starts_before_arrival() {
        Findings findings = check(b -> withEvent(b, e -> e.travelWindow(DateRange.of(DAY_1.plusDays(1), DAY_1.plusDays(5)))));

        assertThat(findings.withCode("event.dates-inconsistent")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("2023-10-23..2023-10-27").contains("2023-10-24..2023-10-28"));
    }

    @Test
    void capacity_exceeded_fires_with_26_seated_and_25_seats_and_not_with_26() {
        Findings findings = check(b -> withEvent(b, e -> e.participants(20, 25)));

        assertThat(findings.withCode("event.capacity-exceeded")).extracting(Finding::message)
                .containsExactly("26 participants hold a seat, the maximum is 25: 1 too many");
        assertThat(EventCheck.of(DEMO).run().withCode("event.capacity-exceeded")).isEmpty();
    }

    @Test
    void below_minimum_does_not_fire_when_withdrawals_leave_exactly_the_minimum() {
        Findings findings = check(b -> b.replaceEnrolments(DEMO.enrolments().stream()
                .map(e -> e.person().value().startsWith("p-kz") && e.person().value().compareTo("p-kz-12") > 0
                        ? enrolled(e.person().value(), Role.PARTICIPANT, e.nominatedBy().orElseThrow(), EnrolmentStatus.APPROVED,
                                EnrolmentStatus.CONFIRMED, EnrolmentStatus.WITHDRAWN)
                        : e)
                .toList()));

        assertThat(findings.withCode("event.below-minimum")).isEmpty();
    }

    @Test
    void below_minimum_fires_when_seven_withdraw() {
        Findings findings = check(b -> b.replaceEnrolments(DEMO.enrolments().stream()
                .map(e -> e.person().value().startsWith("p-kz") && e.person().value().compareTo("p-kz-11") > 0
                        ? enrolled(e.person().value(), Role.PARTICIPANT, e.nominatedBy().orElseThrow(), EnrolmentStatus.APPROVED,
                                EnrolmentStatus.CONFIRMED, EnrolmentStatus.WITHDRAWN)
                        : e)
                .toList()));

        assertThat(findings.withCode("event.below-minimum")).extracting(Finding::message)
                .containsExactly("only 19 participants hold a seat, the minimum is 20");
    }

    @Test
    void waitlist_order_fires_when_a_later_arrival_is_confirmed_first() {
        Enrolment early = Enrolment.nominate(PersonId.of("p-kz-01"), DEMO.event().id(), Role.PARTICIPANT,
                        DemoRoster.KZ_BORDER_GUARD, LocalDate.of(2023, 9, 1))
                .moveTo(EnrolmentStatus.APPROVED, LocalDate.of(2023, 9, 2))
                .then(e -> e.moveTo(EnrolmentStatus.WAITLISTED, LocalDate.of(2023, 9, 3))).value();
        Enrolment late = Enrolment.nominate(PersonId.of("p-kz-02"), DEMO.event().id(), Role.PARTICIPANT,
                        DemoRoster.KZ_BORDER_GUARD, LocalDate.of(2023, 9, 1))
                .moveTo(EnrolmentStatus.APPROVED, LocalDate.of(2023, 9, 2))
                .then(e -> e.moveTo(EnrolmentStatus.WAITLISTED, LocalDate.of(2023, 9, 10)))
                .then(e -> e.moveTo(EnrolmentStatus.CONFIRMED, LocalDate.of(2023, 9, 20))).value();

        Findings findings = check(b -> b.replaceEnrolments(DEMO.enrolments().stream()
                .map(e -> e.person().equals(early.person()) ? early : e.person().equals(late.person()) ? late : e).toList()));

        assertThat(findings.withCode("event.waitlist-order")).extracting(Finding::message)
                .containsExactly("left the waiting list (joined 2023-09-10) ahead of p-kz-01, waiting since 2023-09-03");
    }

    @Test
    void quota_exceeded_fires_when_a_country_sends_more_than_its_quota() {
        Findings findings = check(b -> withEvent(b, e -> e.quota(Country.KAZAKHSTAN, 17)));

        assertThat(findings.withCode("event.quota-exceeded")).extracting(Finding::message)
                .containsExactly("Kazakhstan has 18 participants holding a seat, its quota is 17");
    }

    @Test
    void unknown_person_fires_for_a_ghost_and_for_a_double_enrolment() {
        Findings findings = check(b -> b.enrolment(enrolled("p-ghost", Role.PARTICIPANT, DemoRoster.KZ_BORDER_GUARD))
                .enrolment(DEMO.enrolments().get(0)));

        assertThat(findings.withCode("enrolment.unknown-person")).extracting(Finding::message).containsExactly(
                "names a person who is not on the list of people", "the person is enrolled more than once");
    }

    @Test
    void not_eligible_fires_for_a_non_authority_an_unknown_organisation_and_a_country_outside_scope() {
        Organisation russian = new Organisation(OrganisationId.of("ru-border"), "Border Service of the Russian Federation",
                Country.of("RU"), Organisation.Kind.BORDER_GUARD, true);
        Findings findings = check(b -> b.organisations(List.of(russian)).replaceEnrolments(DEMO.enrolments().stream()
                .map(e -> switch (e.person().value()) {
                    case "p-kz-01" -> new Enrolment(e.person(), e.event(), e.role(), Optional.of(DemoRoster.IOM), e.history());
                    case "p-kz-02" -> new Enrolment(e.person(), e.event(), e.role(), Optional.of(OrganisationId.of("nobody")), e.history());
                    case "p-kz-03" -> new Enrolment(e.person(), e.event(), e.role(), Optional.of(russian.id()), e.history());
                    case "p-kz-04" -> new Enrolment(e.person(), e.event(), e.role(), Optional.empty(), e.history());
                    default -> e;
                }).toList()));

        assertThat(findings.withCode("enrolment.not-eligible")).extracting(Finding::message).containsExactly(
                "was nominated by International Organization for Migration, which is not a recognised nominating authority",
                "was nominated by nobody, an unknown organisation",
                "was nominated by Border Service of the Russian Federation of Russia, a country outside the programme's scope",
                "has no nominating organisation");
    }

    @Test
    void illegal_transition_fires_for_a_history_that_jumps_from_nominated_to_confirmed() {
        Enrolment e = DEMO.enrolments().get(0);
        Enrolment jumped = new Enrolment(e.person(), e.event(), e.role(), e.nominatedBy(), ImmutableList.of(
                new Enrolment.StatusChange(EnrolmentStatus.NOMINATED, LocalDate.of(2023, 9, 1)),
                new Enrolment.StatusChange(EnrolmentStatus.CONFIRMED, LocalDate.of(2023, 9, 5)),
                new Enrolment.StatusChange(EnrolmentStatus.ATTENDED, LocalDate.of(2023, 9, 4))));

        Findings findings = check(b -> b.replaceEnrolments(DEMO.enrolments().stream().map(x -> x == e ? jumped : x).toList()));

        assertThat(findings.withCode("enrolment.illegal-transition")).extracting(Finding::message).containsExactly(
                "moved from nominated to confirmed on 2023-09-05, which is not allowed",
                "moved to attended on 2023-09-04, before it became confirmed on 2023-09-05");
    }

    @Test
    void session_missing_fires_when_a_session_is_left_off_the_agenda() {
        Findings findings = check(b -> withAgenda(b, a -> {
            a.remove(slot("M2.S3"));
            return a;
        }));

        assertThat(findings.withCode("agenda.session-missing")).singleElement()
                .satisfies(f -> assertThat(f.message()).startsWith("session M2.S3 \"Technical equipment"));
    }

    @Test
    void unknown_session_fires_for_a_session_not_in_the_version_and_for_a_session_placed_twice() {
        Findings findings = check(b -> withAgenda(b, a -> {
            a.add(AgendaSlot.of("M2.S7", DAY_1.plusDays(4), LocalTime.of(16, 0), 60));
            a.add(AgendaSlot.of("M3.S5", DAY_1.plusDays(4), LocalTime.of(17, 30), 45));
            return a;
        }));

        assertThat(findings.withCode("agenda.unknown-session")).extracting(Finding::message).containsExactly(
                "is on the agenda but not in tsp-countering-migrant-smuggling@1.0.0", "is placed on the agenda more than once");
    }

    @Test
    void outside_course_days_fires_for_a_session_on_the_departure_day() {
        AgendaSlot closing = slot("M3.S5");
        Findings findings = check(b -> withAgenda(b, a -> {
            a.set(a.indexOf(closing), new AgendaSlot(closing.session(), LocalDate.of(2023, 10, 28), closing.start(),
                    closing.end(), closing.trainers()));
            return a;
        }));

        assertThat(findings.withCode("agenda.outside-course-days")).extracting(Finding::message)
                .containsExactly("is placed on 2023-10-28, outside the course days 2023-10-23..2023-10-27");
    }

    @Test
    void duration_mismatch_fires_for_a_shortened_slot() {
        AgendaSlot s = slot("M2.S1");
        Findings findings = check(b -> withAgenda(b, a -> {
            a.set(a.indexOf(s), new AgendaSlot(s.session(), s.day(), s.start(), s.start().plusMinutes(60), s.trainers()));
            return a;
        }));

        assertThat(findings.withCode("agenda.duration-mismatch")).extracting(Finding::message)
                .containsExactly("is given 60 minutes on the agenda on " + s.day() + " at " + s.start() + "; the curriculum plans 90");
    }

    @Test
    void trainer_double_booked_fires_for_overlapping_slots_and_not_for_back_to_back_ones() {
        AgendaSlot opening = slot("M1.S1");
        AgendaSlot next = slot("M1.S2");
        Findings overlapping = check(b -> withAgenda(b, a -> {
            a.set(a.indexOf(next), new AgendaSlot(next.session(), next.day(), opening.end().minusMinutes(30),
                    opening.end().plusMinutes(60), next.trainers()));
            return a;
        }));
        Findings touching = check(b -> withAgenda(b, a -> {
            a.set(a.indexOf(next), new AgendaSlot(next.session(), next.day(), opening.end(),
                    opening.end().plusMinutes(90), next.trainers()));
            return a;
        }));

        assertThat(overlapping.withCode("agenda.trainer-double-booked")).extracting(Finding::subject)
                .containsExactly("event/tot-almaty-2023/trainer/t-kz-01", "event/tot-almaty-2023/trainer/t-kz-02");
        assertThat(touching.withCode("agenda.trainer-double-booked")).isEmpty();
    }

    @Test
    void trainer_not_enrolled_fires_for_a_guest_speaker_on_the_agenda() {
        AgendaSlot s = slot("M2.S5");
        Findings findings = check(b -> withAgenda(b, a -> {
            a.set(a.indexOf(s), new AgendaSlot(s.session(), s.day(), s.start(), s.end(),
                    ImmutableSet.<PersonId>builder().addAll(s.trainers()).add(PersonId.of("t-guest")).build()));
            return a;
        }));

        assertThat(findings.withCode("agenda.trainer-not-enrolled")).extracting(Finding::subject)
                .containsExactly("event/tot-almaty-2023/trainer/t-guest");
    }

    @Test
    void trainer_not_qualified_fires_without_pool_records_and_for_a_certified_trainer_leading_a_tot() {
        Findings noPool = check(b -> b.pool(TrainerPool.empty()));
        Findings graduateLeads = check(b -> b.enrolment(enrolled("p-tj-01", Role.TRAINER, DemoRoster.TJ_BORDER_INSTITUTES,
                EnrolmentStatus.APPROVED, EnrolmentStatus.CONFIRMED)).replaceEnrolments(DEMO.enrolments().stream()
                .map(e -> e.person().value().equals("p-tj-01")
                        ? enrolled("p-tj-01", Role.TRAINER, DemoRoster.TJ_BORDER_INSTITUTES, EnrolmentStatus.APPROVED, EnrolmentStatus.CONFIRMED)
                        : e).toList()));

        assertThat(noPool.withCode("agenda.trainer-not-qualified")).hasSize(4)
                .allSatisfy(f -> assertThat(f.message()).startsWith("has no trainer-pool record"));
        assertThat(graduateLeads.withCode("agenda.trainer-not-qualified")).extracting(Finding::message)
                .containsExactly("is enrolled as trainer of a tot event but on 2023-10-23 is a trainee; record their next step or"
                        + " recertification in the trainer pool, or enrol them in a role their status allows (a guest trainer needs none)");
    }

    /** A trainer's standing reads as words, with a certificate that ran out said as such (newcomer's review). */
    @Test
    void a_trainers_standing_is_told_in_words() {
        LocalDate day = LocalDate.of(2026, 10, 19);
        org.cadre.roster.pool.TrainerRecord trainee = org.cadre.roster.pool.TrainerRecord.admit(PersonId.of("p-x"), DEMO.event().curriculum(),
                java.time.Period.ofYears(3), org.cadre.roster.pool.Evidence.of(org.cadre.roster.pool.Evidence.Kind.TOT_ENROLLED,
                        LocalDate.of(2023, 10, 23), DEMO.event().id(), "")).value();
        org.cadre.roster.pool.TrainerRecord lapsed = trainee.promote(org.cadre.roster.pool.PoolStatus.CO_TRAINER,
                org.cadre.roster.pool.Evidence.of(org.cadre.roster.pool.Evidence.Kind.TOT_COMPLETED, LocalDate.of(2023, 10, 27), DEMO.event().id(), ""))
                .then(r -> r.promote(org.cadre.roster.pool.PoolStatus.CERTIFIED_TRAINER, org.cadre.roster.pool.Evidence.of(
                        org.cadre.roster.pool.Evidence.Kind.OBSERVED_CO_DELIVERY, LocalDate.of(2024, 3, 15), EventId.of("cascade-x"), "")))
                .value();

        assertThat(EventRule.standing(Optional.empty(), day)).isEqualTo("not yet in the pool");
        assertThat(EventRule.standing(Optional.of(trainee), day)).isEqualTo("a trainee");
        assertThat(EventRule.standing(lapsed.asOf(LocalDate.of(2024, 6, 1)), LocalDate.of(2024, 6, 1)))
                .startsWith("a certified-trainer, certified until ");
        assertThat(EventRule.standing(lapsed.asOf(LocalDate.of(2099, 1, 1)), LocalDate.of(2099, 1, 1)))
                .startsWith("a certified-trainer, whose certificate ran out on ").doesNotContain("pool/");
    }

    @Test
    void cascade_trainer_not_from_tot_fires_when_the_cascade_names_another_tot() {
        EventRoster cascade = DemoRoster.dushanbeCascade();
        EventRoster other = cascade.toBuilder().event(cascade.event().toBuilder().trainersFrom(EventId.of("tot-other")).build()).build();

        assertThat(EventCheck.of(other).run().withCode("cascade.trainer-not-from-tot")).extracting(Finding::subject)
                .containsExactly("event/cascade-dushanbe-2024/trainer/p-tj-01", "event/cascade-dushanbe-2024/trainer/p-tj-02");
    }

    @Test
    void trainer_ratio_fires_above_the_chosen_ratio_and_not_at_it() {
        assertThat(EventCheck.of(DEMO).withMaxParticipantsPerTrainer(6).run().withCode("event.trainer-ratio"))
                .extracting(Finding::message).containsExactly("26 participants for 4 trainers is 6.5 per trainer; at most 6 allowed");
        assertThat(EventCheck.of(DEMO).withMaxParticipantsPerTrainer(7).run().withCode("event.trainer-ratio")).isEmpty();
    }

    @Test
    void attendance_not_enrolled_fires_for_someone_not_on_the_roster() {
        Findings findings = check(b -> b.attendance(List.of(new Attendance(PersonId.of("p-ghost"), SessionCode.of("M1.S1"), AttendanceMark.PRESENT))));

        assertThat(findings.withCode("attendance.not-enrolled")).extracting(Finding::subject)
                .containsExactly("event/tot-almaty-2023/attendance/p-ghost");
    }

    @Test
    void attendance_unknown_session_fires_for_a_session_off_the_agenda_and_a_mark_recorded_twice() {
        PersonId p = PersonId.of("p-uz-01");
        Findings findings = check(b -> b.attendance(List.of(new Attendance(p, SessionCode.of("M9.S1"), AttendanceMark.PRESENT),
                new Attendance(p, SessionCode.of("M1.S1"), AttendanceMark.LATE))));

        assertThat(findings.withCode("attendance.unknown-session")).extracting(Finding::message).containsExactly(
                "attendance for session M1.S1 is recorded more than once",
                "attendance is recorded for session M9.S1, which is not on the agenda");
    }

    @Test
    void records_without_seat_fire_for_marks_present_and_scores_of_someone_holding_no_seat() {
        OrganisationId by = DEMO.enrolments().get(0).nominatedBy().orElseThrow();
        TestScore aTest = DEMO.tests().get(0);
        PracticeTeaching aPractice = DEMO.practice().get(0);
        Findings findings = check(b -> {
            for (String id : List.of("p-declined", "p-withdrawn", "p-no-show", "p-absent")) {
                b.person(Person.builder(id, Country.KAZAKHSTAN).latinName("Officer " + id.substring(2)).build());
            }
            return b.enrolment(enrolled("p-declined", Role.PARTICIPANT, by, EnrolmentStatus.DECLINED))
                    .enrolment(enrolled("p-withdrawn", Role.PARTICIPANT, by, EnrolmentStatus.APPROVED, EnrolmentStatus.CONFIRMED,
                            EnrolmentStatus.WITHDRAWN))
                    .enrolment(enrolled("p-no-show", Role.PARTICIPANT, by, EnrolmentStatus.APPROVED, EnrolmentStatus.CONFIRMED,
                            EnrolmentStatus.NO_SHOW))
                    .enrolment(enrolled("p-absent", Role.PARTICIPANT, by, EnrolmentStatus.APPROVED, EnrolmentStatus.CONFIRMED,
                            EnrolmentStatus.NO_SHOW))
                    .attendance(List.of(new Attendance(PersonId.of("p-declined"), SessionCode.of("M1.S1"), AttendanceMark.ABSENT),
                            new Attendance(PersonId.of("p-declined"), SessionCode.of("M1.S2"), AttendanceMark.LATE),
                            new Attendance(PersonId.of("p-absent"), SessionCode.of("M1.S1"), AttendanceMark.ABSENT)))
                    .tests(List.of(new TestScore(PersonId.of("p-withdrawn"), TestScore.Phase.PRE, aTest.points()),
                            new TestScore(PersonId.of("p-withdrawn"), TestScore.Phase.POST, aTest.points())))
                    .practice(List.of(new PracticeTeaching(PersonId.of("p-no-show"), aPractice.task(), aPractice.scores(), aPractice.assessor())));
        });

        // A no-show marked absent is what the status says: not a finding. A score counts once a person, not once a test.
        assertThat(findings.withCode("enrolment.records-without-seat")).extracting(Finding::subject, Finding::message).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("event/tot-almaty-2023/attendance/p-declined",
                        "is marked present or late at a session but holds no seat (declined); reports and certification leave the marks out"),
                org.assertj.core.groups.Tuple.tuple("event/tot-almaty-2023/test/p-withdrawn",
                        "has a test score but holds no seat (withdrawn); reports leave the score out"),
                org.assertj.core.groups.Tuple.tuple("event/tot-almaty-2023/practice/p-no-show",
                        "has a practice-teaching score but holds no seat (no-show); reports and certification leave the score out"));
    }

    /**
     * Someone whose status says they came but whose every mark says absent or excused: the register and the status
     * disagree (the newcomer's review of session 17). Silent for one with a single session present, for one without any
     * mark (an event entered without its register), and for a no-show marked absent.
     */
    @Test
    void present_by_status_only_fires_for_one_present_by_status_whose_every_mark_says_absent() {
        List<Enrolment> participants = DEMO.enrolmentsAs(Role.PARTICIPANT);
        PersonId allAbsent = participants.get(0).person();
        PersonId oneLate = participants.get(1).person();
        PersonId unmarked = participants.get(2).person();
        List<SessionCode> sessions = DEMO.event().agenda().stream().map(AgendaSlot::session).distinct().toList();
        Findings findings = check(b -> {
            List<Attendance> marks = new java.util.ArrayList<>();
            for (Attendance a : DEMO.attendance()) {
                if (a.person().equals(allAbsent)) {
                    marks.add(new Attendance(a.person(), a.session(), a.session().equals(sessions.get(0)) ? AttendanceMark.EXCUSED
                            : AttendanceMark.ABSENT));
                } else if (a.person().equals(oneLate)) {
                    marks.add(new Attendance(a.person(), a.session(), a.session().equals(sessions.get(1)) ? AttendanceMark.LATE
                            : AttendanceMark.ABSENT));
                } else if (!a.person().equals(unmarked)) {
                    marks.add(a);
                }
            }
            return b.replaceAttendance(marks);
        });

        assertThat(findings.withCode("attendance.present-by-status-only")).extracting(Finding::subject, Finding::message).containsExactly(
                org.assertj.core.groups.Tuple.tuple("event/tot-almaty-2023/attendance/" + allAbsent.value(),
                        "is completed but marked absent or excused at every session they have a mark for"));
        assertThat(EventCheck.of(DEMO).run().withCode("attendance.present-by-status-only")).as("the demo as it is").isEmpty();
    }

    /**
     * A final status the register contradicts: completed below the package's minimum share of sessions, or not-completed
     * at or above it (the newcomer's review of session 20: the demo's p-kz-18, 9 of 14 sessions, counted among 26
     * graduates). Silent for one without any mark (an event entered from its final list alone) and for statuses not final.
     */
    @Test
    void completion_disagrees_fires_for_a_final_status_the_register_contradicts() {
        List<Enrolment> participants = DEMO.enrolmentsAs(Role.PARTICIPANT);
        PersonId fewSessions = participants.get(0).person();
        PersonId unmarked = participants.get(2).person();
        PersonId lowButAttended = participants.get(3).person();
        PersonId kz18 = PersonId.of("p-kz-18");
        List<SessionCode> sessions = DEMO.event().agenda().stream().map(AgendaSlot::session).distinct().toList();
        Findings findings = check(b -> {
            List<Attendance> marks = new java.util.ArrayList<>();
            for (Attendance a : DEMO.attendance()) {
                if (a.person().equals(fewSessions)) {
                    // 11 of 14: 78.6 %, below 80 %; a mark repeated does not count twice.
                    boolean away = sessions.indexOf(a.session()) < 3;
                    marks.add(new Attendance(a.person(), a.session(), away ? AttendanceMark.ABSENT : AttendanceMark.PRESENT));
                    if (!away && sessions.indexOf(a.session()) == 3) {
                        marks.add(new Attendance(a.person(), a.session(), AttendanceMark.LATE));
                    }
                } else if (a.person().equals(kz18)) {
                    marks.add(new Attendance(a.person(), a.session(), AttendanceMark.PRESENT));
                } else if (a.person().equals(lowButAttended)) {
                    marks.add(new Attendance(a.person(), a.session(), sessions.indexOf(a.session()) < 2 ? AttendanceMark.EXCUSED
                            : AttendanceMark.LATE));
                } else if (!a.person().equals(unmarked)) {
                    marks.add(a);
                }
            }
            return b.replaceAttendance(marks);
        });

        assertThat(findings.withCode("attendance.completion-disagrees")).extracting(Finding::subject, Finding::message).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("event/tot-almaty-2023/attendance/" + fewSessions.value(),
                        "is completed but attended 11 of 14 sessions on the agenda (78.6 %), and the package's minimum is 80 %"),
                org.assertj.core.groups.Tuple.tuple("event/tot-almaty-2023/attendance/p-kz-18",
                        "is not-completed but attended 14 of 14 sessions on the agenda (100 %), and the package's minimum is 80 %"));
        assertThat(sessions).hasSize(14);
    }

    /**
     * An event that is over with seats still undecided: the cause of a refused donor report (session 15), said by the
     * checks once they know the day. Silent without a day, on the last course day, and once every status is final.
     */
    @Test
    void undecided_after_event_fires_once_the_course_is_over_and_seats_are_still_confirmed_or_attended() {
        OrganisationId by = DEMO.enrolments().get(0).nominatedBy().orElseThrow();
        EventRoster.Builder b = DEMO.toBuilder();
        for (String id : List.of("p-confirmed", "p-attended", "p-approved")) {
            b.person(Person.builder(id, Country.KAZAKHSTAN).latinName("Officer " + id.substring(2)).build());
        }
        EventRoster roster = b.enrolment(enrolled("p-confirmed", Role.PARTICIPANT, by, EnrolmentStatus.APPROVED, EnrolmentStatus.CONFIRMED))
                .enrolment(enrolled("p-attended", Role.PARTICIPANT, by, EnrolmentStatus.APPROVED, EnrolmentStatus.CONFIRMED,
                        EnrolmentStatus.ATTENDED))
                .enrolment(enrolled("p-approved", Role.PARTICIPANT, by, EnrolmentStatus.APPROVED))
                .build();
        LocalDate last = roster.event().courseDays().last();
        String code = EventRule.UNDECIDED_AFTER_EVENT.code();

        assertThat(EventCheck.of(roster).run().withCode(code)).as("no day given: the library reads no clock").isEmpty();
        assertThat(EventCheck.of(roster).on(last).run().withCode(code)).as("the last course day: not over yet").isEmpty();
        Findings over = EventCheck.of(roster).on(last.plusDays(1)).run();
        org.cadre.roster.fixtures.RosterWords.checkFindings(over);
        assertThat(over.withCode(code)).extracting(Finding::subject, Finding::severity, Finding::message).containsExactly(
                org.assertj.core.groups.Tuple.tuple("event/tot-almaty-2023", org.cadre.finding.Severity.WARNING,
                        "the course ended on 2023-10-27 and 2 participants still hold a seat without a final status (1 confirmed, "
                                + "1 attended): close the event, or record each status by hand (completed, not-completed, no-show); "
                                + "until then a programme's donor report may be refused"));
        assertThat(EventCheck.of(roster).on(last.plusDays(1)).withMaxParticipantsPerTrainer(8).run().withCode(code))
                .as("another limit keeps the day").hasSize(1);
        assertThat(EventCheck.of(DEMO).on(last.plusYears(3)).run().withCode(code)).as("the demo: every status final").isEmpty();
    }

    @Test
    void unpaired_test_fires_when_a_post_test_is_missing() {
        Findings findings = check(b -> b.replaceTests(DEMO.tests().stream()
                .filter(t -> !(t.person().value().equals("p-tj-03") && t.phase() == TestScore.Phase.POST)).toList()));

        assertThat(findings.withCode("assessment.unpaired-test")).extracting(Finding::message)
                .containsExactly("has a pre-test but no post-test");
    }

    @Test
    void score_out_of_range_fires_for_too_many_points_an_unknown_item_and_an_unknown_criterion() {
        PersonId p = PersonId.of("p-uz-02");
        Findings findings = check(b -> b.tests(List.of(TestScore.of(p, TestScore.Phase.PRE, ImmutableMap.of(ItemCode.of("Q1"), 5, ItemCode.of("P1"), 1))))
                .practice(List.of(new PracticeTeaching(p, ItemCode.of("P1"), ImmutableMap.of("Charisma", 3, "Ivan Petrov", 1), Optional.empty()))));
        int criteria = DEMO.rubric().orElseThrow().criteria().size();

        // The criteria the rubric lacks are counted, never named back: a name sent is free text.
        assertThat(findings.withCode("assessment.score-out-of-range")).extracting(Finding::message).containsExactly(
                "scores 2 criteria the rubric does not have (of its " + criteria + ")",
                "scores 5 on Q1, whose maximum is 2", "scores P1, which is not a test question of the blueprint");
    }

    @Test
    void likely_duplicate_fires_for_the_same_officer_written_in_latin_initials() {
        Findings findings = check(b -> b.person(Person.builder("p-tj-99", Country.TAJIKISTAN).latinName("ABDULLOEV F.").build()));

        assertThat(findings.withCode("person.likely-duplicate")).singleElement().satisfies(f -> {
            assertThat(f.subject()).isEqualTo("event/tot-almaty-2023/person/p-tj-01");
            assertThat(f.message()).startsWith("may be the same person as p-tj-99").endsWith("Фарход Абдуллоев (Farkhod Abdulloev) / ABDULLOEV F.");
        });
    }
}
