package org.cadre.reporting.attack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.cadre.curriculum.fixtures.Seeds;
import org.cadre.reporting.EventReport;
import org.cadre.reporting.EventReports;
import org.cadre.reporting.ProgrammeReport;
import org.cadre.reporting.ProgrammeReports;
import org.cadre.reporting.demo.DemoResults;
import org.cadre.reporting.disclosure.Audience;
import org.cadre.reporting.disclosure.Disclosure;
import org.cadre.roster.Event;
import org.cadre.roster.EventId;
import org.cadre.roster.EventRoster;
import org.cadre.roster.Programme;
import org.cadre.roster.demo.DemoRoster;
import org.cadre.roster.fixtures.SyntheticProgrammes;
import org.cadre.roster.fixtures.SyntheticRosters;
import org.cadre.roster.pool.TrainerPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An attacker who holds every donor or public output and nothing else tries to work out withheld counts
 * ({@link ReportAttacker}, {@link LinearAttack}: another solver than the audit's, and every whole-number
 * assignment for small events). No withheld count may be pinned, and no count from 1 to k-1 may be shown
 * to be below k, in events and programmes of the shapes that gave figures away before, and in the demo.
 */
class IndependentAttackTest {

    static LongStream seeds() {
        return Seeds.seeds(Integer.getInteger("cadre.attack.cases", 20));
    }

    /** An event of one of the shapes, chosen by the seed. */
    static EventRoster shapedEvent(long seed) {
        Random rnd = new Random(seed);
        LocalDate first = LocalDate.of(2024, 3, 4);
        return switch (rnd.nextInt(6)) {
            case 0 -> ShapedRosters.event(seed, "delegations", Event.Kind.TOT, first, ShapedRosters.delegations(rnd, 3 + rnd.nextInt(12)), null);
            case 1 -> ShapedRosters.event(seed, "minority", Event.Kind.TOT, first,
                    ShapedRosters.minority(10 + rnd.nextInt(40), 1 + rnd.nextInt(4), 1 + rnd.nextInt(3), rnd), null);
            case 2 -> ShapedRosters.event(seed, "agencies", Event.Kind.CASCADE, first, ShapedRosters.onePerOrganisation(rnd, 5 + rnd.nextInt(25)), null);
            case 3 -> ShapedRosters.event(seed, "mixture", Event.Kind.CASCADE, first, ShapedRosters.mixture(rnd, 3 + rnd.nextInt(30)), null);
            case 4 -> SyntheticRosters.event(seed, 3 + rnd.nextInt(40), 3 + rnd.nextInt(10));
            default -> {
                List<EventRoster> rosters = SyntheticProgrammes.programme(seed).rosters();
                yield rosters.get(rnd.nextInt(rosters.size()));
            }
        };
    }

    private static Disclosure disclosure(Random rnd) {
        return rnd.nextBoolean() ? Disclosure.forAudience(Audience.DONOR) : Disclosure.forAudience(Audience.PUBLIC);
    }

    private static List<String> attackEvent(EventRoster roster, Disclosure d) {
        LinearAttack attack = new LinearAttack();
        ReportAttacker.event(attack, "", roster, EventReports.of(roster, d), EventReports.of(roster, Disclosure.forAudience(Audience.INTERNAL)));
        return ReportAttacker.breaches(attack.solve(d.k()), d.k());
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void no_withheld_count_of_an_event_report_can_be_worked_out(long seed) {
        EventRoster roster = shapedEvent(seed);
        Disclosure d = disclosure(new Random(seed + 1));

        assertThat(attackEvent(roster, d)).as("seed %d, %s, %d seated", seed, d.audience(), roster.seatedParticipants().size()).isEmpty();
    }

    /**
     * A donor holds the public report too: the two together give away nothing that the donor report alone
     * does not (the public report withholds every cell the donor report withholds). Before, a session's
     * rating count published only in the public report, beside the donor report's count and mean, pinned the
     * other ratings.
     */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void a_donor_and_a_public_report_of_one_event_together_give_nothing_away(long seed) {
        EventRoster roster = shapedEvent(seed);
        EventReport truth = EventReports.of(roster, Disclosure.forAudience(Audience.INTERNAL));
        LinearAttack attack = new LinearAttack();
        ReportAttacker.event(attack, "donor ", roster, EventReports.of(roster, Disclosure.forAudience(Audience.DONOR)), truth);
        int donorUnknowns = attack.unknowns().size();
        ReportAttacker.event(attack, "public ", roster, EventReports.of(roster, Disclosure.forAudience(Audience.PUBLIC)), truth);
        // The same people, marks and ratings stand behind both reports.
        List<String> names = attack.unknowns();
        for (int i = 0; i < donorUnknowns; i++) {
            String same = "public " + names.get(i).substring("donor ".length());
            attack.equal(new LinearAttack.Sum().plus(names.get(i)).minus(new LinearAttack.Sum().plus(same)), 0);
        }

        // What the donor report withholds stays as open as it was; the public report's own withheld cells that
        // the donor report publishes are no secret to a donor.
        List<LinearAttack.Finding> donorSecrets = attack.solve(Audience.DONOR.defaultK()).stream().filter(f -> f.where().startsWith("donor ")).toList();
        assertThat(ReportAttacker.breaches(donorSecrets, Audience.DONOR.defaultK()))
                .as("seed %d, %d seated", seed, roster.seatedParticipants().size()).isEmpty();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void every_whole_number_assignment_of_a_small_event_keeps_its_withheld_people_counts_open(long seed) {
        Random rnd = new Random(seed);
        List<ShapedRosters.Seat> seats = switch (rnd.nextInt(3)) {
            case 0 -> ShapedRosters.delegations(rnd, 2 + rnd.nextInt(2));
            case 1 -> ShapedRosters.minority(5 + rnd.nextInt(4), 1, 1 + rnd.nextInt(2), rnd);
            default -> ShapedRosters.mixture(rnd, 3 + rnd.nextInt(4));
        };
        EventRoster roster = ShapedRosters.event(seed, "small", Event.Kind.CASCADE, LocalDate.of(2024, 3, 4), seats, null);
        Disclosure d = Disclosure.forAudience(rnd.nextBoolean() ? Audience.DONOR : Audience.PUBLIC, 3 + rnd.nextInt(3));
        LinearAttack attack = new LinearAttack();
        ReportAttacker.peopleOnly(attack, roster, EventReports.of(roster, d), EventReports.of(roster, Disclosure.forAudience(Audience.INTERNAL)));

        // Each count ranges up to the seats or k, whichever is more: a withheld total tells the attacker neither.
        List<LinearAttack.Finding> found = attack.bruteForce(Math.max(seats.size(), d.k()), 20_000_000L);
        assertThat(found).as("seed %d: the search finished", seed).isNotNull();
        assertThat(ReportAttacker.breaches(found, d.k())).as("seed %d, k %d, %d seated", seed, d.k(), seats.size()).isEmpty();
    }

    /** A programme of several shaped events: ToTs, cascades that name them, and a period that holds them. */
    record ShapedProgramme(Programme programme, List<EventRoster> rosters, TrainerPool pool, LocalDate from, LocalDate to) {}

    static ShapedProgramme shapedProgramme(long seed) {
        Random rnd = new Random(seed);
        if (rnd.nextInt(3) == 0) {
            var p = SyntheticProgrammes.programme(seed);
            return new ShapedProgramme(p.programme(), p.rosters(), p.pool(), p.firstDay(), p.lastDay());
        }
        int events = 2 + rnd.nextInt(5);
        List<EventRoster> rosters = new ArrayList<>();
        EventId tot = null;
        LocalDate day = LocalDate.of(2024, 1, 8);
        for (int e = 0; e < events; e++) {
            boolean isTot = tot == null || rnd.nextInt(4) == 0;
            List<ShapedRosters.Seat> seats = switch (rnd.nextInt(4)) {
                case 0 -> ShapedRosters.delegations(rnd, 2 + rnd.nextInt(6));
                case 1 -> ShapedRosters.minority(8 + rnd.nextInt(30), 1 + rnd.nextInt(3), 1 + rnd.nextInt(3), rnd);
                case 2 -> ShapedRosters.onePerOrganisation(rnd, 3 + rnd.nextInt(12));
                default -> ShapedRosters.mixture(rnd, 3 + rnd.nextInt(20));
            };
            String id = (isTot ? "tot-" : "cascade-") + e;
            rosters.add(ShapedRosters.event(seed + e, id, isTot ? Event.Kind.TOT : Event.Kind.CASCADE, day, seats, isTot ? null : tot));
            if (isTot) {
                tot = EventId.of(id);
            }
            day = day.plusDays(10 + rnd.nextInt(30));
        }
        return new ShapedProgramme(ShapedRosters.PROGRAMME, rosters, TrainerPool.empty(), LocalDate.of(2024, 1, 1), day);
    }

    private static List<String> attackProgramme(ShapedProgramme p, Disclosure d, ProgrammeReport shown) {
        Disclosure internal = Disclosure.forAudience(Audience.INTERNAL);
        ProgrammeReport truth = ProgrammeReports.of(p.programme(), p.rosters(), p.pool(), DemoResults.framework(), p.from(), p.to(), internal);
        List<EventRoster> inPeriod = p.rosters().stream()
                .filter(r -> r.event().programme().equals(p.programme().id()))
                .filter(r -> !r.event().courseDays().first().isBefore(p.from()) && !r.event().courseDays().first().isAfter(p.to()))
                .sorted(java.util.Comparator.comparing((EventRoster r) -> r.event().courseDays().first()).thenComparing(r -> r.event().id()))
                .toList();
        List<EventReport> events = inPeriod.stream().map(r -> EventReports.of(r, d)).toList();
        List<EventReport> eventTruths = inPeriod.stream().map(r -> EventReports.of(r, internal)).toList();
        LinearAttack attack = new LinearAttack();
        ReportAttacker.programme(attack, shown, truth, inPeriod, events, eventTruths);
        return ReportAttacker.breaches(attack.solve(d.k()), d.k());
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void no_withheld_count_of_a_programme_and_its_events_reports_can_be_worked_out(long seed) {
        ShapedProgramme p = shapedProgramme(seed);
        Disclosure d = programmeDisclosure(seed);

        assertThat(attackProgramme(p, d, shownReport(seed))).as("seed %d, %s, %d events", seed, d.audience(), p.rosters().size()).isEmpty();
    }

    /** The audience of the seed's programme report: donor or public. */
    static Disclosure programmeDisclosure(long seed) {
        return disclosure(new Random(seed + 2));
    }

    /**
     * The seed's donor or public programme report, with custom indicators beside the standard ones ({@link
     * #frameworkWithCustom}), protected once for every test that reads it: the attack here, and {@code FormatsAgreeTest}, whose
     * seeds are the first of these (the protection of a shaped programme takes up to a minute on a slow machine).
     */
    static ProgrammeReport shownReport(long seed) {
        return SHOWN.getUnchecked(seed);
    }

    private static final com.google.common.cache.LoadingCache<Long, ProgrammeReport> SHOWN = com.google.common.cache.CacheBuilder.newBuilder()
            .build(com.google.common.cache.CacheLoader.from(seed -> {
                ShapedProgramme p = shapedProgramme(seed);
                return ProgrammeReports.of(p.programme(), p.rosters(), p.pool(), frameworkWithCustom(p.from(), p.to()), p.from(), p.to(),
                        programmeDisclosure(seed));
            }));

    /**
     * The demo's framework and two custom indicators: one with an actual entered for the report's period (its note starting
     * like a formula), one with a target and no actual. Custom actuals are entered, not computed from the records, so they
     * tell an attacker nothing about the people.
     */
    static org.cadre.reporting.ResultsFramework frameworkWithCustom(LocalDate from, LocalDate to) {
        List<org.cadre.reporting.ResultsFramework.Indicator> all = new ArrayList<>(DemoResults.framework().indicators());
        all.add(org.cadre.reporting.ResultsFramework.Indicator.custom("C1", "Procedures adopted",
                org.cadre.reporting.ResultsFramework.Measure.COUNT, java.math.BigDecimal.ZERO, List.of(),
                List.of(org.cadre.reporting.ResultsFramework.ReportedActual.of(from, to, java.math.BigDecimal.valueOf(3)).withNote("=order 12"))));
        all.add(org.cadre.reporting.ResultsFramework.Indicator.custom("C2", "Posts applying them",
                org.cadre.reporting.ResultsFramework.Measure.PERCENTAGE, java.math.BigDecimal.ZERO,
                List.of(org.cadre.reporting.ResultsFramework.Target.of(from, to, java.math.BigDecimal.valueOf(50))), List.of()));
        return new org.cadre.reporting.ResultsFramework(com.google.common.collect.ImmutableList.copyOf(all));
    }

    /**
     * A period that holds only cascades of one ToT (held before it) has that ToT's officers for its officials: its officers
     * trained (20) beside one country's officials (16) gave the other country's 4, withheld everywhere else (the attacker's
     * review of session 23, on the demo programme with two cascades of 4 added).
     */
    @Test
    void a_period_of_only_one_tots_cascades_gives_no_country_away_through_its_officers() {
        java.util.Random rnd = new java.util.Random(23);
        EventRoster tot = ShapedRosters.event(2301, "tot-a", Event.Kind.TOT, LocalDate.of(2024, 1, 8), ShapedRosters.mixture(rnd, 12), null);
        List<ShapedRosters.Seat> many = seats("TJ", 16, i -> i % 3 == 0);
        List<ShapedRosters.Seat> few = List.of(new ShapedRosters.Seat("KZ", org.cadre.roster.Sex.FEMALE, 0),
                new ShapedRosters.Seat("KZ", org.cadre.roster.Sex.MALE, 0), new ShapedRosters.Seat("KZ", org.cadre.roster.Sex.MALE, 0),
                new ShapedRosters.Seat("KZ", org.cadre.roster.Sex.MALE, 0));
        EventRoster big = ShapedRosters.event(2302, "cascade-big", Event.Kind.CASCADE, LocalDate.of(2024, 3, 4), many, EventId.of("tot-a"));
        EventRoster small = ShapedRosters.event(2303, "cascade-small", Event.Kind.CASCADE, LocalDate.of(2024, 6, 3), few, EventId.of("tot-a"));
        ShapedProgramme p = new ShapedProgramme(ShapedRosters.PROGRAMME, List.of(tot, big, small), TrainerPool.empty(),
                LocalDate.of(2024, 2, 1), LocalDate.of(2024, 12, 31));
        for (Audience audience : List.of(Audience.DONOR, Audience.PUBLIC)) {
            Disclosure d = Disclosure.forAudience(audience);
            ProgrammeReport shown = ProgrammeReports.of(p.programme(), p.rosters(), p.pool(), DemoResults.framework(), p.from(), p.to(), d);
            assertThat(shown.cascades()).as("the ToT before the period is credited with its cascades").hasSize(1);
            assertThat(attackProgramme(p, d, shown)).as("%s programme report with its events'", audience).isEmpty();
        }
    }

    /**
     * Those who met a certification criterion are a count of people: a cascade of 10 with one post-test recorded published
     * "post-test missing 9" beside its 10 participants, so that one person took it (the attacker's second review of session
     * 23); here the demo cascade of 16 with one post-test. Whatever the report withholds now, the two are never both published 1 to 4 apart.
     */
    @Test
    void those_who_met_a_certification_criterion_are_not_given_away_by_those_who_missed_it() {
        EventRoster full = DemoRoster.dushanbeCascade();
        org.cadre.roster.PersonId first = full.seatedParticipants().get(0).person();
        java.util.Map<org.cadre.curriculum.ItemCode, Integer> top = new java.util.LinkedHashMap<>();
        full.curriculum().assessment().itemsOf(org.cadre.curriculum.ItemKind.TEST_QUESTION).forEach(q -> top.put(q.code(), q.maxPoints()));
        EventRoster onePost = full.toBuilder().tests(List.of(org.cadre.roster.TestScore.of(first, org.cadre.roster.TestScore.Phase.POST, top)))
                .build();
        for (Audience audience : List.of(Audience.DONOR, Audience.PUBLIC)) {
            EventReport report = EventReports.of(onePost, Disclosure.forAudience(audience));
            org.cadre.reporting.disclosure.Table unmet = report.certification().unmetCriteria();
            int row = unmet.rows().indexOf("certification.post-test-missing");
            org.cadre.reporting.disclosure.Cell missing = unmet.cell(row, 0);
            if (missing.isPublished() && report.participants().isPublished()) {
                long took = report.participants().get() - missing.get();
                assertThat(took < 1 || took >= Disclosure.forAudience(audience).k()).as(audience.label() + ": " + took + " took the post-test")
                        .isTrue();
            }
        }
    }

    /**
     * The events' lines less the officials count people at more than one event: two cascades of 8 sharing one officer beside
     * 15 officials trained said that one person attended both (the attacker's second review of session 23).
     */
    @Test
    void the_people_at_two_events_of_a_period_are_not_given_away_by_the_lines_and_the_officials() {
        java.util.Random rnd = new java.util.Random(24);
        EventRoster tot = ShapedRosters.event(2401, "tot-b", Event.Kind.TOT, LocalDate.of(2024, 1, 8), ShapedRosters.mixture(rnd, 12), null);
        List<ShapedRosters.Seat> eight = seats("KZ", 8, i -> i < 4);
        EventRoster a = ShapedRosters.event(2402, "cascade-a", Event.Kind.CASCADE, LocalDate.of(2024, 3, 4), eight, EventId.of("tot-b"));
        EventRoster b0 = ShapedRosters.event(2403, "cascade-b", Event.Kind.CASCADE, LocalDate.of(2024, 6, 3), eight.subList(0, 7), EventId.of("tot-b"));
        // cascade-a's first officer at cascade-b too, completed there.
        org.cadre.roster.Enrolment there = a.seatedParticipants().get(0);
        org.cadre.roster.Person person = a.people().get(there.person());
        org.cadre.roster.Enrolment again = new org.cadre.roster.Enrolment(there.person(), b0.event().id(), there.role(), there.nominatedBy(),
                com.google.common.collect.ImmutableList.copyOf(there.history().stream().map(h -> new org.cadre.roster.Enrolment.StatusChange(
                        h.status(), h.on().plusDays(java.time.temporal.ChronoUnit.DAYS.between(a.event().courseDays().first(),
                                b0.event().courseDays().first())))).toList()));
        EventRoster b = b0.toBuilder().organisations(a.organisations().values()).people(List.of(person)).enrolment(again).build();
        ShapedProgramme p = new ShapedProgramme(ShapedRosters.PROGRAMME, List.of(tot, a, b), TrainerPool.empty(),
                LocalDate.of(2024, 2, 1), LocalDate.of(2024, 12, 31));
        for (Audience audience : List.of(Audience.DONOR, Audience.PUBLIC)) {
            Disclosure d = Disclosure.forAudience(audience);
            ProgrammeReport shown = ProgrammeReports.of(p.programme(), p.rosters(), p.pool(), DemoResults.framework(), p.from(), p.to(), d);
            var lines = shown.events().stream().map(ProgrammeReport.EventLine::participantsPresent).toList();
            if (lines.stream().allMatch(org.cadre.reporting.disclosure.Cell::isPublished) && shown.officialsTrained().isPublished()) {
                long again2 = lines.stream().mapToLong(org.cadre.reporting.disclosure.Cell::get).sum() - shown.officialsTrained().get();
                assertThat(again2 < 1 || again2 >= d.k()).as(audience.label() + ": " + again2 + " present again").isTrue();
            }
        }
    }

    /** {@code n} seats of one country and organisation, the {@code i}-th a woman where {@code woman} says so, else a man. */
    private static List<ShapedRosters.Seat> seats(String country, int n, java.util.function.IntPredicate woman) {
        List<ShapedRosters.Seat> seats = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            seats.add(new ShapedRosters.Seat(country, woman.test(i) ? org.cadre.roster.Sex.FEMALE : org.cadre.roster.Sex.MALE, 0));
        }
        return seats;
    }

    @Test
    void nothing_withheld_in_the_demo_reports_can_be_worked_out() {
        ShapedProgramme demo = new ShapedProgramme(DemoRoster.programme(), List.of(DemoRoster.almatyTot(), DemoRoster.dushanbeCascade()),
                DemoRoster.pool(), LocalDate.of(2023, 1, 1), LocalDate.of(2024, 12, 31));
        for (Audience audience : List.of(Audience.DONOR, Audience.PUBLIC)) {
            Disclosure d = Disclosure.forAudience(audience);
            for (EventRoster r : demo.rosters()) {
                assertThat(attackEvent(r, d)).as("%s report of %s", audience, r.event().id()).isEmpty();
            }
            assertThat(attackProgramme(demo, d, ProgrammeReports.of(demo.programme(), demo.rosters(), demo.pool(), DemoResults.framework(),
                    demo.from(), demo.to(), d))).as("%s programme report with its events'", audience).isEmpty();
        }
    }
}
