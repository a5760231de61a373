package org.cadre.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.collect.ImmutableSet;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.cadre.curriculum.CertificationCriteria;
import org.cadre.curriculum.Curriculum;
import org.cadre.curriculum.ModuleCode;
import org.cadre.curriculum.demo.DemoCurricula;
import org.cadre.finding.Finding;
import org.cadre.finding.Findings;
import org.cadre.finding.Result;
import org.cadre.roster.demo.DemoRoster;
import org.cadre.roster.pool.Evidence;
import org.cadre.roster.pool.PoolStatus;
import org.cadre.roster.pool.TrainerPool;
import org.cadre.roster.pool.TrainerRecord;
import org.junit.jupiter.api.Test;

/**
 * Events of the shapes real trainings take: courses outside the trainer pool, weeks with weekends, mobile
 * courses across regions, part of a package, invited guest trainers, events entered after they happened,
 * bulk status changes, closing an event, and the pool steps events give by themselves.
 */
class EventShapesTest {

    private static final EventRoster DEMO = DemoRoster.almatyTot();
    private static final LocalDate FIRST = LocalDate.of(2023, 10, 23);
    private static final LocalDate LAST = LocalDate.of(2023, 10, 27);
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 5);

    private static Findings check(EventRoster roster) {
        Findings findings = EventCheck.of(roster).run();
        org.cadre.roster.fixtures.RosterWords.checkFindings(findings);
        return findings;
    }

    private static EventRoster withEvent(EventRoster roster, java.util.function.UnaryOperator<Event.Builder> change) {
        return roster.toBuilder().event(change.apply(roster.event().toBuilder()).build()).build();
    }

    // Kinds

    @Test
    void a_course_is_checked_without_the_trainer_pool() {
        EventRoster noPool = DEMO.toBuilder().pool(TrainerPool.empty()).build();
        assertThat(check(noPool).withCode("agenda.trainer-not-qualified")).hasSize(4); // a ToT: each trainer lacks a record

        EventRoster course = withEvent(noPool, e -> Event.builder(DEMO.event().id(), "Staff course", DEMO.event().programme(),
                DEMO.event().curriculum(), DEMO.event().version(), Event.Kind.COURSE)
                .venue("Almaty", Country.of("KZ"), DEMO.event().zone()).courseDays(DEMO.event().courseDays())
                .travelWindow(DEMO.event().travelWindow()).participants(20, 26).agenda(DEMO.event().agenda()));
        assertThat(check(course).withCode("agenda.trainer-not-qualified")).isEmpty();
        assertThat(Event.Kind.COURSE.needsPoolTrainers()).isFalse();
    }

    @Test
    void tot_without_certificate_fires_for_a_tot_of_a_package_that_certifies_no_one() {
        Curriculum noCertificate = DemoCurricula.almatyTot().toBuilder()
                .certification(new CertificationCriteria(0.8, 14, true, Optional.empty())).build();
        EventRoster tot = EventRoster.builder(DEMO.event(), DEMO.programme(), noCertificate).organisations(DEMO.organisations().values())
                .people(DEMO.people().values()).enrolments(DEMO.enrolments()).pool(DEMO.pool()).build();

        assertThat(check(tot).withCode("event.tot-without-certificate")).extracting(Finding::message)
                .containsExactly("is a ToT, but tsp-countering-migrant-smuggling@1.0.0 certifies no trainers (no certificate validity)");
        assertThat(check(DEMO).withCode("event.tot-without-certificate")).isEmpty();
        assertThat(noCertificate.certification().certifiesTrainers()).isFalse();
    }

    // Days and venues

    /** Four weeks of Monday to Friday, 4-29 March 2019, in Dushanbe. */
    private static Event.Builder fourWeeks(Event.Builder b) {
        LocalDate first = LocalDate.of(2019, 3, 4);
        LocalDate last = LocalDate.of(2019, 3, 29);
        b.courseDays(DateRange.of(first, last)).travelWindow(DateRange.of(first.minusDays(1), last.plusDays(1))).agenda(List.of());
        Venue dushanbe = Venue.of("Dushanbe", Country.of("TJ"), "Dushanbe");
        DateRange.of(first, last).stream().filter(d -> d.getDayOfWeek().getValue() <= 5).forEach(d -> b.day(d, dushanbe));
        return b;
    }

    @Test
    void four_weeks_of_five_days_are_twenty_course_days_not_twenty_six() {
        Event e = fourWeeks(DEMO.event().toBuilder()).build();

        assertThat(e.courseDays().days()).isEqualTo(26);
        assertThat(e.courseDayCount()).isEqualTo(20);
        assertThat(e.isCourseDay(LocalDate.of(2019, 3, 9))).isFalse(); // a Saturday
        assertThat(DEMO.event().courseDayCount()).isEqualTo(5);
        assertThat(DEMO.event().teachingDays()).extracting(CourseDay::venue).containsOnly(Venue.of("Almaty", Country.of("KZ")));
    }

    @Test
    void outside_course_days_fires_for_a_slot_on_a_weekend_of_a_multi_week_course() {
        var slot = DEMO.event().agenda().get(0);
        EventRoster weekend = withEvent(DEMO, e -> fourWeeks(e).slot(new AgendaSlot(slot.session(), LocalDate.of(2019, 3, 9),
                slot.start(), slot.end(), slot.trainers())));

        assertThat(check(weekend).withCode("agenda.outside-course-days")).extracting(Finding::message)
                .containsExactly("is placed on 2019-03-09, which is not one of the event's course days (no teaching is listed that day)");
    }

    @Test
    void listed_days_lie_within_the_span_in_order_from_its_first_to_its_last_day() {
        Venue v = Venue.of("Khorog", Country.of("TJ"), "Gorno-Badakhshan");
        assertThatThrownBy(() -> DEMO.event().toBuilder().day(FIRST.minusDays(1), v).day(LAST, v).build())
                .hasMessageContaining("outside the course days");
        assertThatThrownBy(() -> DEMO.event().toBuilder().day(FIRST, v).day(FIRST, v).day(LAST, v).build())
                .hasMessageContaining("once each, in order");
        assertThatThrownBy(() -> DEMO.event().toBuilder().day(FIRST, v).build())
                .hasMessageContaining("must begin on the first course day");
    }

    @Test
    void a_mobile_course_names_its_venues_in_the_order_it_reached_them() {
        Venue khorog = Venue.of("Khorog", Country.of("TJ"), "Gorno-Badakhshan");
        Venue kulob = Venue.of("Kulob", Country.of("TJ"), "Khatlon");
        Event mobile = DEMO.event().toBuilder().day(FIRST, khorog).day(FIRST.plusDays(1), khorog).day(FIRST.plusDays(3), kulob)
                .day(LAST, kulob).build();

        assertThat(mobile.venues()).containsExactly(khorog, kulob);
        assertThat(mobile.courseDayCount()).isEqualTo(4);
        assertThat(khorog.toString()).isEqualTo("Khorog, Gorno-Badakhshan, TJ");
    }

    // Part of a package

    @Test
    void a_part_of_the_package_is_checked_against_its_modules_only() {
        Set<ModuleCode> part = Set.of(ModuleCode.of("M1"), ModuleCode.of("M2"));
        Set<org.cadre.curriculum.SessionCode> ofPart = DemoCurricula.almatyTot().modules().stream()
                .filter(m -> part.contains(m.code())).flatMap(m -> m.sessions().stream()).map(s -> s.code()).collect(Collectors.toSet());
        List<AgendaSlot> agenda = DEMO.event().agenda().stream().filter(s -> ofPart.contains(s.session())).toList();
        EventRoster partial = withEvent(DEMO, e -> e.modules(part).agenda(agenda));

        assertThat(agenda).hasSizeLessThan(DEMO.event().agenda().size());
        assertThat(check(partial).withCode("agenda.session-missing")).isEmpty();
        assertThat(check(withEvent(DEMO, e -> e.agenda(agenda))).withCode("agenda.session-missing")).isNotEmpty();

        EventRoster strayed = withEvent(DEMO, e -> e.modules(part)); // the whole agenda, M3 included
        assertThat(check(strayed).withCode("agenda.unknown-session")).isNotEmpty().allSatisfy(f ->
                assertThat(f.message()).isEqualTo("is on the agenda but not in the modules this event delivers (M1, M2)"));
    }

    @Test
    void unknown_module_fires_for_a_module_the_package_lacks() {
        EventRoster wrong = withEvent(DEMO, e -> e.modules(Set.of(ModuleCode.of("M1"), ModuleCode.of("M9"))));

        assertThat(check(wrong).withCode("event.unknown-module")).extracting(Finding::message)
                .containsExactly("module M9 is not in tsp-countering-migrant-smuggling@1.0.0");
    }

    // Guests

    @Test
    void guest_trainer_is_listed_and_needs_no_pool_record() {
        Person expert = Person.builder("p-guest", Country.of("LV")).latinName("Anna Ozola").sex(Sex.FEMALE).build();
        Enrolment invited = Enrolment.nominate(expert.id(), DEMO.event().id(), Role.GUEST_TRAINER, DemoRoster.IOM,
                LocalDate.of(2023, 9, 1)).moveTo(EnrolmentStatus.APPROVED, LocalDate.of(2023, 9, 2))
                .then(x -> x.moveTo(EnrolmentStatus.CONFIRMED, LocalDate.of(2023, 9, 3))).value();
        var first = DEMO.event().agenda().get(0);
        List<AgendaSlot> agenda = new ArrayList<>(DEMO.event().agenda());
        agenda.set(0, new AgendaSlot(first.session(), first.day(), first.start(), first.end(), ImmutableSet.of(expert.id())));
        EventRoster withGuest = withEvent(DEMO.toBuilder().person(expert).enrolment(invited).build(), e -> e.agenda(agenda));

        Findings findings = check(withGuest);
        assertThat(findings.withCode("agenda.trainer-not-qualified")).isEmpty();
        assertThat(findings.withCode("agenda.trainer-not-enrolled")).isEmpty();
        assertThat(findings.withCode("agenda.guest-trainer")).extracting(Finding::message)
                .containsExactly("delivers as an invited guest trainer, for this event only; not a member of the trainer pool");
        assertThat(findings.withCode("agenda.guest-trainer")).extracting(Finding::subject).singleElement().asString()
                .endsWith("/trainer/" + expert.id().value());
        // As a lead trainer instead, the same expert needs a pool record.
        Enrolment asTrainer = new Enrolment(invited.person(), invited.event(), Role.TRAINER, invited.nominatedBy(), invited.history());
        EventRoster asLead = withEvent(DEMO.toBuilder().person(expert).enrolment(asTrainer).build(), e -> e.agenda(agenda));
        assertThat(check(asLead).withCode("agenda.trainer-not-qualified")).isNotEmpty();
    }

    // Dates

    @Test
    void status_changes_default_to_the_events_own_days_once_it_is_over() {
        Event e = DEMO.event();
        LocalDate longAfter = LocalDate.of(2026, 12, 5);
        LocalDate before = LocalDate.of(2023, 9, 15);

        assertThat(e.defaultDay(EnrolmentStatus.NOMINATED, longAfter, LocalDate.MIN)).isEqualTo(LocalDate.of(2023, 10, 22));
        assertThat(e.defaultDay(EnrolmentStatus.APPROVED, longAfter, LocalDate.MIN)).isEqualTo(LocalDate.of(2023, 10, 22));
        assertThat(e.defaultDay(EnrolmentStatus.ATTENDED, longAfter, LocalDate.MIN)).isEqualTo(FIRST);
        assertThat(e.defaultDay(EnrolmentStatus.NO_SHOW, longAfter, LocalDate.MIN)).isEqualTo(FIRST);
        assertThat(e.defaultDay(EnrolmentStatus.COMPLETED, longAfter, LocalDate.MIN)).isEqualTo(LAST);
        assertThat(e.defaultDay(EnrolmentStatus.NOT_COMPLETED, longAfter, LocalDate.MIN)).isEqualTo(LAST);
        // Ahead of the event: today.
        assertThat(e.defaultDay(EnrolmentStatus.APPROVED, before, LocalDate.MIN)).isEqualTo(before);
        // Never before the current status began.
        assertThat(e.defaultDay(EnrolmentStatus.APPROVED, longAfter, LocalDate.of(2023, 10, 24))).isEqualTo(LocalDate.of(2023, 10, 24));
    }

    // Bulk status changes

    private static Map<PersonId, Enrolment> nominated(int n) {
        Map<PersonId, Enrolment> out = new HashMap<>();
        for (int i = 1; i <= n; i++) {
            PersonId p = PersonId.of("p" + i);
            out.put(p, Enrolment.nominate(p, DEMO.event().id(), Role.PARTICIPANT, DemoRoster.KZ_BORDER_GUARD, LocalDate.of(2023, 9, 1)));
        }
        return out;
    }

    @Test
    void a_bulk_change_applies_all_or_nothing() {
        Map<PersonId, Enrolment> current = nominated(4);
        LocalDate today = LocalDate.of(2026, 12, 5);
        List<BulkStatus.Move> approveAll = List.of("p1", "p2", "p3").stream()
                .map(p -> new BulkStatus.Move(PersonId.of(p), EnrolmentStatus.APPROVED, Optional.empty())).toList();

        Result<com.google.common.collect.ImmutableList<Enrolment>> done = BulkStatus.apply(DEMO.event(), current, approveAll, today);
        assertThat(done.value()).extracting(Enrolment::status).containsOnly(EnrolmentStatus.APPROVED);
        assertThat(done.value()).extracting(Enrolment::since).containsOnly(LocalDate.of(2023, 10, 22));

        List<BulkStatus.Move> bad = new ArrayList<>(approveAll);
        bad.add(new BulkStatus.Move(PersonId.of("p9"), EnrolmentStatus.APPROVED, Optional.empty()));
        bad.add(new BulkStatus.Move(PersonId.of("p1"), EnrolmentStatus.DECLINED, Optional.empty()));
        bad.add(new BulkStatus.Move(PersonId.of("p4"), EnrolmentStatus.COMPLETED, Optional.empty()));
        // Someone not enrolled, named again: not enrolled once, named again the second time (attacker's re-check).
        bad.add(new BulkStatus.Move(PersonId.of("p9"), EnrolmentStatus.DECLINED, Optional.empty()));
        Result<?> refused = BulkStatus.apply(DEMO.event(), current, bad, today);
        assertThat(refused.isOk()).isFalse();
        assertThat(refused.refusal().stream().map(Finding::code)).containsExactlyInAnyOrder("command.not-enrolled", "command.named-twice",
                "command.named-twice", "enrolment.illegal-transition");
        Map<PersonId, Enrolment> two = nominated(2);
        assertThat(BulkStatus.apply(DEMO.event(), two, List.of(new BulkStatus.Move(PersonId.of("p1"), EnrolmentStatus.APPROVED,
                Optional.of(today.plusDays(1)))), today).refusal().stream().map(Finding::message))
                .containsExactly("dated 2026-12-06, after today (2026-12-05) where the event takes place");
        assertThat(refused.refusal().stream().map(Finding::message)).contains("is not enrolled in this event",
                "is named more than once; one change per person");
    }

    /** A nomination of a 2019 event entered years later is dated before the event ends (newcomer's re-check). */
    @Test
    void a_nomination_is_dated_neither_ahead_nor_after_the_event() {
        Event tot = DEMO.event(); // 23-27 October 2023
        String subject = tot.subject();
        assertThat(BulkStatus.nominationDay(subject, LAST, tot, TODAY)).isEmpty();
        assertThat(BulkStatus.nominationDay(subject, LocalDate.of(2023, 9, 1), tot, TODAY)).isEmpty();
        Finding after = BulkStatus.nominationDay(subject, LAST.plusDays(1), tot, TODAY).orElseThrow();
        assertThat(after.code()).isEqualTo("command.nominated-after-event");
        assertThat(after.message()).isEqualTo("dated 2023-10-28, after the event's last course day (2023-10-27); people are nominated before they attend");
        assertThat(BulkStatus.nominationDay(subject, TODAY.plusDays(1), tot, TODAY).orElseThrow().code()).isEqualTo("command.dated-ahead");
    }

    /** A cascade of 2019 entered years later cannot take its trainers from a ToT of 2023 (newcomer's review). */
    @Test
    void a_cascade_takes_its_trainers_from_a_tot_ended_by_its_first_day() {
        Event tot = DEMO.event(); // 23-27 October 2023
        java.util.function.Function<LocalDate, Event> cascadeFrom = first -> Event.builder(EventId.of("cascade-osh"), "Cascade",
                tot.programme(), tot.curriculum(), tot.version(), Event.Kind.CASCADE).venue("Osh", Country.of("KG"), java.time.ZoneId.of("Asia/Bishkek"))
                .courseDays(DateRange.of(first, first.plusDays(2))).travelWindow(DateRange.of(first.minusDays(1), first.plusDays(3)))
                .participants(5, 20).trainersFrom(tot.id()).build();

        assertThat(CascadeReach.totInTime(cascadeFrom.apply(LocalDate.of(2024, 3, 4)), tot)).isEmpty();
        assertThat(CascadeReach.totInTime(cascadeFrom.apply(LAST), tot)).as("begins the day the ToT ends").isEmpty();
        Finding early = CascadeReach.totInTime(cascadeFrom.apply(LAST.minusDays(1)), tot).orElseThrow();
        assertThat(early.code()).isEqualTo("command.tot-after-cascade");
        assertThat(CascadeReach.totInTime(cascadeFrom.apply(LocalDate.of(2019, 5, 14)), tot).orElseThrow().message())
                .isEqualTo("names a ToT that ends on 2023-10-27, after this event begins (2019-05-14); its trainers come from a ToT completed before it");
    }

    /** A ToT is not moved to end after a cascade that takes its trainers from it begins (newcomer's re-check of issue 16). */
    @Test
    void a_tot_moved_past_a_cascades_first_day_names_that_cascade() {
        Event tot = DEMO.event(); // 23-27 October 2023
        java.util.function.BiFunction<String, LocalDate, Event> cascade = (id, first) -> Event.builder(EventId.of(id), "Cascade",
                tot.programme(), tot.curriculum(), tot.version(), Event.Kind.CASCADE).venue("Osh", Country.of("KG"), java.time.ZoneId.of("Asia/Bishkek"))
                .courseDays(DateRange.of(first, first.plusDays(2))).travelWindow(DateRange.of(first.minusDays(1), first.plusDays(3)))
                .participants(5, 20).trainersFrom(tot.id()).build();
        Event onTheLastDay = cascade.apply("cascade-b", LAST);
        Event nextSpring = cascade.apply("cascade-a", LocalDate.of(2024, 3, 4));
        Event fromAnother = Event.builder(EventId.of("cascade-c"), "Cascade", tot.programme(), tot.curriculum(), tot.version(), Event.Kind.CASCADE)
                .venue("Osh", Country.of("KG"), java.time.ZoneId.of("Asia/Bishkek")).courseDays(DateRange.of(FIRST, FIRST))
                .travelWindow(DateRange.of(FIRST, FIRST)).participants(5, 20).trainersFrom(EventId.of("another-tot")).build();
        List<Event> events = List.of(nextSpring, onTheLastDay, fromAnother, tot);
        java.util.function.Function<LocalDate, Event> totEnding = last -> tot.toBuilder().courseDays(DateRange.of(FIRST, last))
                .travelWindow(DateRange.of(FIRST.minusDays(1), last.plusDays(1))).build();

        assertThat(CascadeReach.cascadesInTime(tot, events)).isEmpty();
        assertThat(CascadeReach.cascadesInTime(totEnding.apply(LAST.plusDays(1)), events)).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo("command.tot-after-cascade");
            assertThat(f.subject()).isEqualTo(tot.subject() + "/courseDays");
            assertThat(f.message()).isEqualTo("ends after cascade-b begins (2023-10-27), which takes its trainers from this ToT;"
                    + " a ToT is completed before its cascades");
        });
        assertThat(CascadeReach.cascadesInTime(totEnding.apply(LocalDate.of(2024, 3, 5)), events)).extracting(f -> f.message().split(" ")[2])
                .as("by the cascade's id; one naming another ToT is not judged").containsExactly("cascade-a", "cascade-b");
    }

    @Test
    void every_enrolment_in_a_status_and_role_is_chosen_and_no_other() {
        List<Enrolment> all = confirmedOnly(DEMO).enrolments();

        List<BulkStatus.Move> trainers = BulkStatus.every(all, EnrolmentStatus.CONFIRMED, Optional.of(Role.TRAINER),
                EnrolmentStatus.ATTENDED, Optional.empty());
        List<BulkStatus.Move> everyone = BulkStatus.every(all, EnrolmentStatus.CONFIRMED, Optional.empty(),
                EnrolmentStatus.ATTENDED, Optional.of(FIRST));

        assertThat(trainers).hasSize(4).allSatisfy(m -> assertThat(m.on()).isEmpty());
        assertThat(everyone).hasSize(all.size()).allSatisfy(m -> assertThat(m.on()).contains(FIRST));
        assertThat(BulkStatus.every(all, EnrolmentStatus.NOMINATED, Optional.empty(), EnrolmentStatus.APPROVED, Optional.empty())).isEmpty();
    }

    // Closing

    /** The demo ToT as it stood on its last day before anyone was moved on: everyone confirmed, attendance taken. */
    private static EventRoster confirmedOnly(EventRoster demo) {
        List<Enrolment> confirmed = demo.enrolments().stream().map(e -> new Enrolment(e.person(), e.event(), e.role(), e.nominatedBy(),
                e.history().subList(0, 3))).toList();
        return demo.toBuilder().replaceEnrolments(confirmed).build();
    }

    @Test
    void closing_moves_everyone_by_attendance_and_counts_the_trainers_deliveries() {
        EventRoster roster = confirmedOnly(DEMO);
        PersonId absent = PersonId.of("p-kz-01");
        roster = roster.toBuilder().replaceAttendance(roster.attendance().stream().filter(a -> !a.person().equals(absent)).toList()).build();
        Map<PersonId, Double> share = new HashMap<>();
        long sessions = roster.event().agenda().size();
        roster.seatedParticipants().forEach(e -> share.put(e.person(), 0.0));
        for (Attendance a : roster.attendance()) {
            if (a.mark().attended()) {
                share.merge(a.person(), 1.0 / sessions, Double::sum);
            }
        }

        EventClosure closed = EventClosure.close(roster, LAST.plusDays(3), TODAY).value();

        Map<PersonId, EnrolmentStatus> after = closed.enrolments().stream().collect(Collectors.toMap(Enrolment::person, Enrolment::status));
        assertThat(after.get(absent)).isEqualTo(EnrolmentStatus.NO_SHOW);
        for (Enrolment e : roster.seatedParticipants()) {
            if (!e.person().equals(absent)) {
                assertThat(after.get(e.person())).as(e.person().value()).isEqualTo(share.get(e.person()) >= 0.8 - 1e-9
                        ? EnrolmentStatus.COMPLETED : EnrolmentStatus.NOT_COMPLETED);
            }
        }
        assertThat(after.values()).contains(EnrolmentStatus.NOT_COMPLETED); // p-kz-18 attended too little
        assertThat(closed.enrolments()).filteredOn(e -> e.role() == Role.TRAINER).extracting(Enrolment::status)
                .hasSize(4).containsOnly(EnrolmentStatus.COMPLETED);
        assertThat(closed.enrolments()).filteredOn(e -> e.status() == EnrolmentStatus.COMPLETED)
                .extracting(Enrolment::since).containsOnly(LAST);
        // Each lead trainer's delivery is counted, naming the ToT and dated its last day.
        assertThat(closed.trainers()).hasSize(4).allSatisfy(r -> assertThat(r.history().get(r.history().size() - 1).evidence())
                .hasValueSatisfying(ev -> {
                    assertThat(ev.kind()).isEqualTo(Evidence.Kind.DELIVERY);
                    assertThat(ev.event()).contains(DEMO.event().id());
                    assertThat(ev.on()).isEqualTo(LAST);
                }));
        assertThat(closed.findings().withCode("trainers.step-recorded")).hasSize(4);
        org.cadre.roster.fixtures.RosterWords.checkFindings(closed.findings());
    }

    @Test
    void closing_refuses_before_the_last_course_day_and_leaves_the_never_seated_as_they_are() {
        assertThat(EventClosure.close(confirmedOnly(DEMO), LAST.minusDays(1), TODAY).refusal().stream().map(Finding::message))
                .containsExactly("an event is closed once it is over: 2023-10-26 is before its last course day 2023-10-27");

        Enrolment waiting = Enrolment.nominate(PersonId.of("p-kz-99"), DEMO.event().id(), Role.PARTICIPANT, DemoRoster.KZ_BORDER_GUARD,
                LocalDate.of(2023, 9, 1));
        Person p = Person.builder("p-kz-99", Country.of("KZ")).latinName("Aidar Nurlanov").sex(Sex.MALE).build();
        // An interpreter holding a seat keeps it, and is said to (the newcomer's review of session 13: left without a word).
        Enrolment interpreting = Enrolment.nominate(PersonId.of("p-kz-98"), DEMO.event().id(), Role.INTERPRETER, DemoRoster.KZ_BORDER_GUARD,
                LocalDate.of(2023, 9, 1)).moveTo(EnrolmentStatus.APPROVED, LocalDate.of(2023, 9, 2))
                .then(x -> x.moveTo(EnrolmentStatus.CONFIRMED, LocalDate.of(2023, 9, 3))).value();
        Person i = Person.builder("p-kz-98", Country.of("KZ")).latinName("Dana Serikova").sex(Sex.FEMALE).build();
        EventClosure closed = EventClosure.close(confirmedOnly(DEMO).toBuilder().person(p).enrolment(waiting).person(i).enrolment(interpreting)
                .build(), LAST, TODAY).value();

        assertThat(closed.findings().withCode("close.left-open")).extracting(Finding::message).containsExactlyInAnyOrder(
                "still nominated, never seated; left as it is",
                "an interpreter holding a seat; closing decides for participants and trainers only; left as confirmed");
        assertThat(closed.enrolments()).extracting(Enrolment::person).doesNotContain(waiting.person(), interpreting.person());
    }

    @Test
    void closing_refuses_a_day_ahead_of_today_and_an_event_where_nobody_holds_a_seat() {
        assertThat(EventClosure.close(confirmedOnly(DEMO), LAST, LAST).isOk()).as("closed on its last day").isTrue();
        assertThat(EventClosure.close(confirmedOnly(DEMO), LAST.plusDays(1), LAST).refusal().stream().map(Finding::code))
                .containsExactly("command.dated-ahead");
        EventRoster nobody = DEMO.toBuilder().replaceEnrolments(List.of()).replaceAttendance(List.of()).replaceTests(List.of())
                .replacePractice(List.of()).build();
        assertThat(EventClosure.close(nobody, LAST, TODAY).refusal().stream().map(Finding::message))
                .containsExactly("no participant was ever confirmed: confirm the roster before closing");
    }

    /**
     * An event entered without its agenda (an earlier ToT, from a list of its graduates) has no sessions to decide
     * attendance by: closing it would make everyone a no-show, so it is refused, naming what to record instead.
     */
    @Test
    void closing_an_event_whose_agenda_lists_no_session_is_refused_and_moves_nobody() {
        EventRoster confirmed = confirmedOnly(DEMO);
        EventRoster bare = confirmed.toBuilder().event(confirmed.event().toBuilder().agenda(List.of()).build())
                .replaceAttendance(List.of()).build();

        Result<EventClosure> refused = EventClosure.close(bare, LAST, TODAY);

        assertThat(refused.isOk()).isFalse();
        assertThat(refused.refusal()).extracting(Finding::code).containsExactly("close.without-agenda");
        assertThat(refused.refusal().stream().findFirst().orElseThrow().message()).startsWith("lists no session").contains("each participant's status by hand");
    }

    /**
     * An agenda with sessions but not one mark at any of them (sessions the package lacks, or attendance not entered
     * yet) would make everyone a no-show, which is final: refused (the attacker's review of session 15 closed such an
     * event and could not undo it). One absence recorded is a record: closing goes ahead.
     */
    @Test
    void closing_an_event_with_no_attendance_recorded_is_refused_and_moves_nobody() {
        EventRoster confirmed = confirmedOnly(DEMO);
        EventRoster unmarked = confirmed.toBuilder().replaceAttendance(List.of()).build();
        AgendaSlot first = confirmed.event().agenda().get(0);
        EventRoster oneAbsence = confirmed.toBuilder().replaceAttendance(List.of(new Attendance(
                confirmed.seatedParticipants().get(0).person(), first.session(), AttendanceMark.ABSENT))).build();

        Result<EventClosure> refused = EventClosure.close(unmarked, LAST, TODAY);

        assertThat(refused.refusal()).extracting(Finding::code).containsExactly("close.without-attendance");
        assertThat(EventClosure.close(oneAbsence, LAST, TODAY).isOk()).isTrue();
    }

    /**
     * An agenda slot for a session the package lacks (the checks' error agenda.unknown-session): closing would count the
     * marks and the teaching at it for good, so it is refused, naming the session, whatever the statuses; with the slot
     * taken off, the same event closes.
     */
    @Test
    void closing_an_event_whose_agenda_lists_a_session_the_package_lacks_is_refused_and_moves_nobody() {
        EventRoster confirmed = confirmedOnly(DEMO);
        AgendaSlot first = confirmed.event().agenda().get(0);
        AgendaSlot stranger = new AgendaSlot(org.cadre.curriculum.SessionCode.of("M9.S9"), first.day(), first.start(), first.end(), first.trainers());
        List<AgendaSlot> agenda = new java.util.ArrayList<>(confirmed.event().agenda());
        agenda.set(0, stranger);
        EventRoster strange = confirmed.toBuilder().event(confirmed.event().toBuilder().agenda(agenda).build()).build();

        Result<EventClosure> refused = EventClosure.close(strange, LAST, TODAY);

        assertThat(refused.refusal()).extracting(Finding::code, Finding::subject).containsExactly(
                org.assertj.core.groups.Tuple.tuple("close.unknown-session", "event/tot-almaty-2023"));
        assertThat(refused.refusal().all().get(0).message()).startsWith("lists M9.S9, not among the sessions of ")
                .endsWith("this event delivers; put the agenda right first (the event's checks name them: agenda.unknown-session)");
        assertThat(EventCheck.of(strange).run().withCode("agenda.unknown-session")).as("the checks' error it names").isNotEmpty();
        List<Enrolment> decided = strange.enrolments().stream().map(e -> e.role() != Role.PARTICIPANT ? e
                : e.moveTo(EnrolmentStatus.ATTENDED, FIRST).then(x -> x.moveTo(EnrolmentStatus.COMPLETED, LAST)).value()).toList();
        assertThat(EventClosure.close(strange.toBuilder().replaceEnrolments(decided).build(), LAST, TODAY).refusal())
                .as("the trainers' teaching at it would count too").extracting(Finding::code).containsExactly("close.unknown-session");
        agenda.remove(0);
        assertThat(EventClosure.close(confirmed.toBuilder().event(confirmed.event().toBuilder().agenda(agenda).build()).build(), LAST,
                TODAY).isOk()).isTrue();
    }

    /**
     * Where every participant's status was recorded by hand (an event entered later from its results, not its
     * attendance sheets), closing decides nobody and goes ahead, with or without an agenda: it counts the trainers'
     * teaching and records the day.
     */
    @Test
    void closing_goes_ahead_without_attendance_where_every_participant_was_decided_by_hand() {
        EventRoster confirmed = confirmedOnly(DEMO);
        List<Enrolment> decided = confirmed.enrolments().stream().map(e -> e.role() != Role.PARTICIPANT ? e
                : e.moveTo(EnrolmentStatus.ATTENDED, FIRST).then(x -> x.moveTo(EnrolmentStatus.COMPLETED, LAST)).value()).toList();
        EventRoster byHand = confirmed.toBuilder().replaceEnrolments(decided).replaceAttendance(List.of()).build();
        EventRoster byHandNoAgenda = byHand.toBuilder().event(byHand.event().toBuilder().agenda(List.of()).build()).build();

        EventClosure closed = EventClosure.close(byHand, LAST, TODAY).value();

        assertThat(closed.enrolments()).allSatisfy(e -> assertThat(e.role()).isNotEqualTo(Role.PARTICIPANT));
        assertThat(closed.trainers()).as("the trainers on the agenda still count their teaching").isNotEmpty();
        assertThat(EventClosure.close(byHandNoAgenda, LAST, TODAY).isOk()).isTrue();
    }

    @Test
    void closing_a_closed_roster_again_moves_nobody_and_counts_nothing_twice() {
        EventRoster roster = confirmedOnly(DEMO);
        EventClosure first = EventClosure.close(roster, LAST, TODAY).value();
        TrainerPool pool = roster.pool();
        for (TrainerRecord r : first.trainers()) {
            pool = pool.with(r);
        }
        EventRoster after = roster.toBuilder().replaceEnrolments(merge(roster.enrolments(), first.enrolments())).pool(pool).build();

        EventClosure second = EventClosure.close(after, LAST, TODAY).value();
        assertThat(second.enrolments()).isEmpty();
        assertThat(second.trainers()).isEmpty();
    }

    private static List<Enrolment> merge(List<Enrolment> all, List<Enrolment> moved) {
        Map<PersonId, Enrolment> byPerson = new java.util.LinkedHashMap<>();
        all.forEach(e -> byPerson.put(e.person(), e));
        moved.forEach(e -> byPerson.put(e.person(), e));
        return List.copyOf(byPerson.values());
    }

    @Test
    void a_delivery_the_pool_refuses_is_a_warning_and_the_rest_is_recorded() {
        EventRoster roster = confirmedOnly(DEMO);
        TrainerRecord lead = roster.pool().records().stream().filter(r -> r.status() == PoolStatus.LEAD_TRAINER).findFirst().orElseThrow();
        TrainerPool pool = roster.pool().with(lead.inactivate(LocalDate.of(2023, 10, 1), "on leave").value());

        EventClosure closed = EventClosure.close(roster.toBuilder().pool(pool).build(), LAST, TODAY).value();

        assertThat(closed.trainers()).hasSize(3).extracting(TrainerRecord::person).doesNotContain(lead.person());
        assertThat(closed.findings().withCode("trainers.step-refused")).singleElement().satisfies(f -> {
            assertThat(f.subject()).isEqualTo("pool/" + DEMO.event().curriculum() + "/" + lead.person());
            assertThat(f.message()).startsWith("is inactive since 2023-10-01");
        });
    }

    // Pool steps from events

    @Test
    void certifying_a_tot_makes_its_graduates_co_trainers_once() {
        TrainerPool trainersOnly = TrainerPool.of(DEMO.pool().records().stream()
                .filter(r -> r.status() == PoolStatus.LEAD_TRAINER).toList());
        EventRoster roster = DEMO.toBuilder().pool(trainersOnly).build();
        List<Certification.Decision> decisions = Certification.evaluate(roster);

        PoolFromEvents.Steps steps = PoolFromEvents.graduates(roster, decisions);

        assertThat(steps.records()).extracting(TrainerRecord::person).containsExactlyInAnyOrderElementsOf(DemoRoster.graduates());
        assertThat(steps.records()).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo(PoolStatus.CO_TRAINER);
            assertThat(r.history()).extracting(TrainerRecord.Entry::on).containsExactly(FIRST, LAST);
            assertThat(r.history()).allSatisfy(h -> assertThat(h.evidence().orElseThrow().event()).contains(DEMO.event().id()));
        });
        TrainerPool after = trainersOnly;
        for (TrainerRecord r : steps.records()) {
            after = after.with(r);
        }
        assertThat(PoolFromEvents.graduates(roster.toBuilder().pool(after).build(), decisions).records()).isEmpty();
        // A cascade certifies nobody into the pool.
        assertThat(PoolFromEvents.graduates(DemoRoster.dushanbeCascade(), Certification.evaluate(DemoRoster.dushanbeCascade()))
                .records()).isEmpty();
    }

    @Test
    void a_co_delivery_counts_for_being_active_but_promotes_no_one() {
        TrainerRecord coTrainer = DEMO.pool().record(PersonId.of("p-kz-03"), DEMO.event().curriculum()).orElseThrow();
        assertThat(coTrainer.status()).isEqualTo(PoolStatus.CO_TRAINER);
        LocalDate cascadeDay = LocalDate.of(2024, 6, 14);

        TrainerRecord after = coTrainer.apply(Evidence.of(Evidence.Kind.CO_DELIVERY, cascadeDay, EventId.of("cascade-shymkent-2024"),
                "co-delivered"), Optional.empty()).value();

        assertThat(after.status()).isEqualTo(PoolStatus.CO_TRAINER);
        assertThat(after.lastDelivery()).contains(cascadeDay);
        assertThat(after.taught()).isEqualTo(1);
        assertThat(after.deliveries()).isZero();
        assertThat(after.isActiveOn(cascadeDay.plusYears(2))).isTrue();
        assertThat(after.isActiveOn(cascadeDay.plusYears(2).plusDays(1))).isFalse();
        assertThat(coTrainer.isActiveOn(cascadeDay.plusYears(2))).isFalse(); // ToT in 2023, nothing since
        assertThat(after.inactivate(cascadeDay.plusDays(1), "left the service").value().isActiveOn(cascadeDay.plusDays(2))).isFalse();
        // A trainee cannot co-deliver.
        TrainerRecord trainee = TrainerRecord.admit(PersonId.of("p-x"), DEMO.event().curriculum(), Period.ofYears(3),
                Evidence.of(Evidence.Kind.TOT_ENROLLED, FIRST, DEMO.event().id(), "")).value();
        assertThat(trainee.apply(Evidence.of(Evidence.Kind.CO_DELIVERY, LAST, DEMO.event().id(), ""), Optional.empty()).isOk()).isFalse();
    }

    @Test
    void evidence_outside_event_fires_for_evidence_without_an_event_or_dated_outside_it() {
        Evidence inside = Evidence.of(Evidence.Kind.DELIVERY, LAST, DEMO.event().id(), "");
        Evidence after = Evidence.of(Evidence.Kind.DELIVERY, LAST.plusDays(30), DEMO.event().id(), "");
        Evidence none = new Evidence(Evidence.Kind.DELIVERY, LAST, Optional.empty(), "");

        assertThat(inside.checkAgainst(Optional.of(DEMO.event()), "pool/x")).isEmpty();
        assertThat(after.checkAgainst(Optional.of(DEMO.event()), "pool/x")).map(Finding::message)
                .contains("evidence dated 2023-11-26 is outside tot-almaty-2023 (2023-10-22..2023-10-28)");
        assertThat(none.checkAgainst(Optional.empty(), "pool/x")).map(Finding::code).contains("pool.evidence-outside-event");
    }

    @Test
    void evidence_wrong_event_fires_for_an_event_the_person_missed_a_course_and_a_tot_step_from_a_cascade() {
        Event tot = DEMO.event();
        Event cascade = DemoRoster.dushanbeCascade().event();
        Event course = Event.builder(tot.id(), "Staff course", tot.programme(), tot.curriculum(), tot.version(), Event.Kind.COURSE)
                .venue("Almaty", Country.of("KZ"), tot.zone()).courseDays(tot.courseDays()).travelWindow(tot.travelWindow())
                .participants(20, 26).build();

        EventRoster cascadeRoster = DemoRoster.dushanbeCascade();
        Enrolment participant = DEMO.enrolmentsAs(Role.PARTICIPANT).stream().filter(e -> e.status().wasPresent()).findFirst().orElseThrow();
        Enrolment leader = DEMO.enrolmentsAs(Role.TRAINER).stream().filter(e -> e.status().wasPresent()).findFirst().orElseThrow();
        Enrolment coTrainer = cascadeRoster.enrolmentsAs(Role.CO_TRAINER).stream().filter(e -> e.status().wasPresent()).findFirst().orElseThrow();
        Enrolment declined = Enrolment.nominate(coTrainer.person(), cascade.id(), Role.CO_TRAINER, coTrainer.nominatedBy().orElseThrow(),
                cascade.courseDays().first().minusDays(20)).moveTo(EnrolmentStatus.DECLINED, cascade.courseDays().first().minusDays(10)).value();
        Optional<TrainerRecord> none = Optional.empty();
        assertThat(Evidence.checkSource(Evidence.Kind.TOT_ENROLLED, tot, Optional.of(participant), none, "pool/x")).isEmpty();
        assertThat(Evidence.checkSource(Evidence.Kind.TOT_COMPLETED, tot, Optional.of(participant), none, "pool/x")).isEmpty();
        assertThat(Evidence.checkSource(Evidence.Kind.OBSERVED_CO_DELIVERY, cascade, Optional.of(coTrainer), none, "pool/x")).isEmpty();
        assertThat(Evidence.checkSource(Evidence.Kind.TOT_ENROLLED, cascade, Optional.empty(), none, "pool/x")).extracting(Finding::message)
                .containsExactly("the person is not enrolled in it", "is a cascade; ToT enrolment and completion come from a ToT");
        // Teaching is a trainer's or co-trainer's: a participant of the ToT gains nothing by it; a delivery is a trainer's.
        assertThat(Evidence.checkSource(Evidence.Kind.OBSERVED_CO_DELIVERY, tot, Optional.of(participant), none, "pool/x"))
                .extracting(Finding::message).containsExactly("the person is enrolled in it as participant; observed-co-delivery is "
                        + "evidence of a co-trainer there");
        assertThat(Evidence.checkSource(Evidence.Kind.DELIVERY, cascade, Optional.of(coTrainer), none, "pool/x")).hasSize(1);
        assertThat(Evidence.checkSource(Evidence.Kind.TOT_COMPLETED, tot, Optional.of(leader), none, "pool/x")).hasSize(1);
        // A seat declined is no teaching (a declined co-trainer had been made a lead trainer: the attacker's review of session 23).
        assertThat(Evidence.checkSource(Evidence.Kind.OBSERVED_CO_DELIVERY, cascade, Optional.of(declined), none, "pool/x"))
                .extracting(Finding::message).containsExactly("the person's enrolment in it is declined; observed-co-delivery needs a "
                        + "seat there (confirmed or later)");
        // One delivery an event: teaching there already on the record is not recorded again.
        TrainerRecord taught = DemoRoster.pool().record(coTrainer.person(), cascadeRoster.curriculum().id()).orElseThrow();
        assertThat(taught.history()).anyMatch(h -> h.evidence().flatMap(Evidence::event).equals(Optional.of(cascade.id())));
        assertThat(Evidence.checkSource(Evidence.Kind.CO_DELIVERY, cascade, Optional.of(coTrainer), Optional.of(taught), "pool/x"))
                .extracting(Finding::message).containsExactly("the person's teaching at it is on the record already; an event is one delivery");
        assertThat(Evidence.checkSource(Evidence.Kind.DELIVERY, course, Optional.of(leader), none, "pool/x")).extracting(Finding::code, Finding::message)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("pool.evidence-wrong-event",
                        "is a course; nobody joins or steps up in the trainer pool through a course"));
    }

    @Test
    void undated_evidence_takes_the_events_first_course_day_for_a_tot_enrolment_and_its_last_for_the_rest() {
        assertThat(Evidence.defaultDay(Evidence.Kind.TOT_ENROLLED, DEMO.event())).isEqualTo(FIRST);
        assertThat(Evidence.defaultDay(Evidence.Kind.TOT_COMPLETED, DEMO.event())).isEqualTo(LAST);
        assertThat(Evidence.defaultDay(Evidence.Kind.DELIVERY, DEMO.event())).isEqualTo(LAST);
    }
}
