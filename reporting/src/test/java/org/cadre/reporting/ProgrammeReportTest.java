package org.cadre.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.cadre.reporting.demo.DemoResults;
import org.cadre.reporting.disclosure.Audience;
import org.cadre.reporting.disclosure.Cell;
import org.cadre.reporting.disclosure.Disclosure;
import org.cadre.roster.DateRange;
import org.cadre.roster.EventId;
import org.cadre.roster.EventRoster;
import org.cadre.roster.demo.DemoRoster;
import org.junit.jupiter.api.Test;

/** Programme figures against expectations computed by hand from the demo rosters. */
class ProgrammeReportTest {

    private static final EventRoster ALMATY = DemoRoster.almatyTot();
    private static final EventRoster CASCADE = DemoRoster.dushanbeCascade();
    private static final LocalDate FROM = LocalDate.of(2023, 1, 1);
    private static final LocalDate TO = LocalDate.of(2024, 12, 31);

    private static ProgrammeReport report(List<EventRoster> rosters, LocalDate from, LocalDate to, Audience audience) {
        return ProgrammeReports.of(DemoRoster.programme(), rosters, DemoRoster.pool(), DemoResults.framework(), from, to,
                Disclosure.forAudience(audience));
    }

    /** A second ToT with the very same 26 participants a month later. */
    private static EventRoster repeatOfAlmaty() {
        var event = ALMATY.event();
        var later = org.cadre.roster.Event.builder(EventId.of("tot-almaty-2023-b"), event.title(), event.programme(),
                        event.curriculum(), event.version(), event.kind())
                .venue(event.city(), event.country(), event.zone())
                .courseDays(DateRange.of(LocalDate.of(2023, 11, 20), LocalDate.of(2023, 11, 24)))
                .travelWindow(DateRange.of(LocalDate.of(2023, 11, 19), LocalDate.of(2023, 11, 25)))
                .participants(20, 26).agenda(event.agenda()).build();
        return ALMATY.toBuilder().event(later).build();
    }

    @Test
    void a_person_at_two_events_counts_once() {
        ProgrammeReport r = report(List.of(ALMATY, repeatOfAlmaty()), FROM, TO, Audience.INTERNAL);

        assertThat(r.events()).hasSize(2);
        assertThat(r.events()).extracting(e -> e.participantsPresent().get()).containsExactly(26L, 26L);
        assertThat(r.officialsTrained().get()).isEqualTo(26);
        assertThat(r.officialsBySexAndCountry().total().get()).isEqualTo(26);
    }

    @Test
    void officials_of_the_tot_and_its_cascade_add_up_with_their_disaggregations() {
        ProgrammeReport r = report(List.of(ALMATY, CASCADE), FROM, TO, Audience.INTERNAL);

        // 26 at Almaty + 16 at Dushanbe; 6 + 3 women.
        assertThat(r.officialsTrained().get()).isEqualTo(42);
        assertThat(r.officialsBySexAndCountry().get("TJ", "female").get()).isEqualTo(1 + 3);
        assertThat(r.officialsBySexAndCountry().columnTotals().get(0).get()).isEqualTo(9);
        assertThat(r.officialsBySexAndCountry().rowTotals()).extracting(Cell::get).containsExactly(18L, 20L, 4L);
    }

    @Test
    void indicators_publish_numerator_and_denominator() {
        ProgrammeReport r = report(List.of(ALMATY, CASCADE), FROM, TO, Audience.INTERNAL);

        assertThat(r.indicators()).extracting(ProgrammeReport.IndicatorResult::id).containsExactly("I1", "I2", "I3", "I4", "I5", "I6");
        assertThat(r.indicators().get(0).count().orElseThrow().get()).isEqualTo(42);
        assertThat(r.indicators().get(1).actual().orElseThrow().text()).isEqualTo("9 of 42 (21.4 %)");
        assertThat(r.indicators().get(2).actual().orElseThrow().text()).isEqualTo("24 of 26 (92.3 %)");
        assertThat(r.indicators().get(3).actual().orElseThrow().text()).isEqualTo("25 of 26 (96.2 %)");
        // 4 lead trainers and the 2 graduates certified after the cascade.
        assertThat(r.indicators().get(4).count().orElseThrow().get()).isEqualTo(6);
        assertThat(r.indicators().get(5).count().orElseThrow().get()).isEqualTo(16);
    }

    /**
     * A ToT entered without its agenda (an earlier ToT, from the list of its graduates) certifies nobody: its report
     * shows no decision rather than 26 refusals for want of records, and the certification indicator leaves it out
     * (the newcomer's review of session 15 read 0 of 3 certified, 0.0 %, for graduates in the pool).
     */
    @Test
    void a_tot_without_an_agenda_decides_for_nobody_and_the_certification_indicator_leaves_it_out() {
        EventRoster repeat = repeatOfAlmaty();
        EventRoster bare = repeat.toBuilder().event(repeat.event().toBuilder().agenda(List.of()).build()).replaceAttendance(List.of())
                .build();

        EventReport tot = EventReports.of(bare, Disclosure.forAudience(Audience.INTERNAL));
        ProgrammeReport r = report(List.of(ALMATY, bare), FROM, TO, Audience.INTERNAL);

        assertThat(tot.certification().certified().denominator().get()).isZero();
        assertThat(tot.certification().unmetCriteria().total().get()).isZero();
        assertThat(r.indicators().get(2).actual().orElseThrow().text()).isEqualTo("24 of 26 (92.3 %)");
        for (Audience audience : List.of(Audience.DONOR, Audience.PUBLIC)) {
            assertThat(EventReports.of(bare, Disclosure.forAudience(audience)).certification().certified().denominator().get())
                    .as(audience.label()).isZero();
            assertThat(report(List.of(ALMATY, bare), FROM, TO, audience).indicators().get(2).actual().orElseThrow().denominator().get())
                    .as(audience.label()).isEqualTo(26);
        }
    }

    /**
     * A programme's implementer is that of the events its report covers: a report of the Dushanbe cascade's year alone
     * (no international organisation on its roster) named IOM from the Almaty ToT of another year (the newcomer's review
     * of session 15).
     */
    @Test
    void a_programmes_implementer_is_that_of_the_events_in_the_period() {
        var nationalOnly = ALMATY.organisations().values().stream()
                .filter(o -> o.kind() != org.cadre.roster.Organisation.Kind.INTERNATIONAL_ORGANISATION).toList();
        EventRoster later = EventRoster.builder(ALMATY.event().toBuilder().courseDays(DateRange.of(
                        LocalDate.of(2024, 10, 21), LocalDate.of(2024, 10, 25))).travelWindow(DateRange.of(
                        LocalDate.of(2024, 10, 20), LocalDate.of(2024, 10, 26))).agenda(List.of()).build(),
                ALMATY.programme(), ALMATY.curriculum()).organisations(nationalOnly).build();
        var both = List.of(ALMATY, later);

        assertThat(ProgrammeReports.implementer(both, DateRange.of(LocalDate.of(2024, 1, 1),
                LocalDate.of(2024, 12, 31)))).isEqualTo("not recorded");
        assertThat(ProgrammeReports.implementer(both, DateRange.of(LocalDate.of(2023, 1, 1),
                LocalDate.of(2024, 12, 31)))).isEqualTo("International Organization for Migration");
    }

    /**
     * A ToT's graduates are some of its participants present, which the same report publishes: 25 graduates beside 26
     * present gave away the one participant who did not complete, a count the event reports withhold (the newcomer's
     * review of session 21). The donor and public reports withhold the graduates, and so the multiplier.
     */
    @Test
    void the_graduates_are_withheld_when_those_who_did_not_complete_are_few() {
        for (Audience audience : List.of(Audience.DONOR, Audience.PUBLIC)) {
            ProgrammeReport report = report(List.of(ALMATY, CASCADE), FROM, TO, audience);
            ProgrammeReport.CascadeLine line = report.cascades().get(0);

            assertThat(report.events()).filteredOn(e -> e.id().equals("tot-almaty-2023")).singleElement()
                    .satisfies(e -> assertThat(e.participantsPresent().get()).as("published beside the graduates").isEqualTo(26));
            assertThat(line.graduates().suppressed()).as(audience.name()).isTrue();
            assertThat(line.multiplier()).as(audience.name()).isEmpty();
        }
    }

    @Test
    void the_cascade_multiplier_is_officers_per_graduate() {
        ProgrammeReport.CascadeLine line = report(List.of(ALMATY, CASCADE), FROM, TO, Audience.INTERNAL).cascades().get(0);

        assertThat(line.tot()).isEqualTo("tot-almaty-2023");
        assertThat(line.graduates().get()).isEqualTo(25); // p-kz-18 did not complete: 9 of 14 sessions
        assertThat(line.officersTrained().get()).isEqualTo(16);
        assertThat(line.multiplier().orElseThrow()).isEqualByComparingTo("0.64");
        assertThat(line.perGraduate()).extracting(ProgrammeReport.GraduateReach::graduate).containsExactly("Farkhod Abdulloev", "Sherzod Rakhimov");
        assertThat(line.perGraduate()).extracting(g -> g.officers().get()).containsExactly(16L, 16L);
    }

    @Test
    void the_pool_funnel_counts_levels_as_they_stood_on_the_last_day() {
        ProgrammeReport.PoolFunnel end2024 = report(List.of(ALMATY, CASCADE), FROM, TO, Audience.INTERNAL).pool();
        ProgrammeReport.PoolFunnel endOct2023 = report(List.of(ALMATY, CASCADE), FROM, LocalDate.of(2023, 10, 31), Audience.INTERNAL).pool();

        assertThat(end2024.atLevel().columnTotals().get(0).get()).isEqualTo(4 + 24);
        assertThat(end2024.atLevel().get("co-trainer").get()).isEqualTo(22);
        assertThat(end2024.atLevel().get("certified-trainer").get()).isEqualTo(2);
        assertThat(end2024.atLevel().get("lead-trainer").get()).isEqualTo(4);
        assertThat(end2024.reached()).extracting(Cell::get).containsExactly(28L, 28L, 6L, 4L);
        // Active: in service, and trained, taught or recertified in the two years up to the day (TrainerRecord.isActiveOn).
        assertThat(end2024.active().get()).as("everyone trained or taught since the end of 2022").isEqualTo(28);
        assertThat(endOct2023.atLevel().get("co-trainer").get()).isEqualTo(24);
        assertThat(endOct2023.active().get()).as("the new graduates and the leads").isEqualTo(28);
        ProgrammeReport.PoolFunnel end2025 = report(List.of(ALMATY, CASCADE), FROM, LocalDate.of(2025, 12, 31), Audience.INTERNAL).pool();
        assertThat(end2025.active().get()).as("only the two who co-delivered the March 2024 cascade").isEqualTo(2);
    }

    @Test
    void the_donor_programme_report_lists_no_graduate_named_or_numbered() {
        ProgrammeReport r = report(List.of(ALMATY, CASCADE), FROM, TO, Audience.DONOR);

        // A numbered list would count the graduates, and one graduate's reach beside the total gives another's.
        assertThat(r.cascades().get(0).perGraduate()).isEmpty();
        assertThat(report(List.of(ALMATY, CASCADE), FROM, TO, Audience.INTERNAL).cascades().get(0).perGraduate()).hasSize(2);
        // The cumulative funnel: a withheld level stays withheld, and a sum the published cells give is published
        // (the total less the levels below), since withholding it would hide nothing.
        var levels = r.pool().atLevel();
        assertThat(levels.get("lead-trainer").suppressed()).isTrue();
        assertThat(r.pool().reached().get(3).suppressed()).isTrue();
        assertThat(r.pool().reached().get(2).get()).isEqualTo(levels.total().get() - levels.get("trainee").get() - levels.get("co-trainer").get());
        assertThat(r.programme().sdgs()).containsExactlyInAnyOrder(16, 11, 17);
        assertThat(r.programme().donor()).contains("IRCC");
    }

    /** The demo programme's donor report, no program of its audit larger than {@code largest}. */
    private static ProgrammeReport donorWithin(long largest) {
        return ProgrammeReports.of(DemoRoster.programme(), List.of(DemoRoster.almatyTot(), DemoRoster.dushanbeCascade()), DemoRoster.pool(),
                DemoResults.framework(), LocalDate.of(2023, 1, 1), LocalDate.of(2024, 12, 31), Disclosure.forAudience(Audience.DONOR),
                person -> false, largest);
    }

    /**
     * The audit's bound on a program's size (the attacker's review of session 16: one of many small groups across ten
     * events ran a 256 MB heap out): a report whose audit would need a larger program is refused, whichever stage needs
     * it, never published less checked (checked against its own figures alone, such reports let the independent attacker
     * work withheld counts out with their events' reports). The demo within the server's bound is published.
     */
    @Test
    void a_donor_report_whose_audit_needs_a_program_past_its_bound_is_refused_never_published_less_checked() {
        assertThat(donorWithin(ProgrammeReports.LARGEST_PROGRAM).officialsBySexAndCountry().total().isPublished()).isTrue();
        // 4,096: the report's own programs fit, the joint ones with its events' reports do not.
        for (long largest : List.of(1_024L, 4_096L)) {
            assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> donorWithin(largest))).as("bound %d", largest)
                    .isInstanceOf(org.cadre.reporting.disclosure.UnprotectableReportException.class)
                    .hasMessageStartingWith("the report is too large to check: a linear program of the audit would hold");
        }
    }

    /**
     * "Certified trainers" counts certificates valid on the period's last day: the Almaty ToT's lead trainers'
     * certificates lapsed in 2025, and a 2025 report counted them still (the newcomer's review of session 16). The pool
     * table still shows the levels reached.
     */
    @Test
    void certified_trainers_count_only_certificates_valid_on_the_last_day() {
        LocalDate last = LocalDate.of(2025, 12, 31);
        ProgrammeReport later = ProgrammeReports.of(DemoRoster.programme(), List.of(ALMATY, DemoRoster.dushanbeCascade()), DemoRoster.pool(),
                DemoResults.framework(), LocalDate.of(2025, 1, 1), last, Disclosure.forAudience(Audience.INTERNAL));
        long valid = DemoRoster.pool().records().stream().map(r -> r.asOf(last)).flatMap(java.util.Optional::stream)
                .filter(r -> r.isActive() && r.isCertifiedOn(last))
                .map(org.cadre.roster.pool.TrainerRecord::person).distinct().count();
        long atLevels = DemoRoster.pool().records().stream().map(r -> r.asOf(last)).flatMap(java.util.Optional::stream)
                .filter(r -> r.status().isAtLeast(org.cadre.roster.pool.PoolStatus.CERTIFIED_TRAINER))
                .map(org.cadre.roster.pool.TrainerRecord::person).distinct().count();

        assertThat(valid).as("some certificates lapsed by then").isLessThan(atLevels);
        assertThat(later.indicators().get(4).count().orElseThrow().get()).isEqualTo(valid);
        assertThat(later.pool().reached().get(2).get()).as("the levels reached stay in the pool table").isEqualTo(atLevels);
        // One of them taken out of service during the year no longer counts: "in the pool" (the definition says in service).
        List<org.cadre.roster.pool.TrainerRecord> records = new java.util.ArrayList<>(DemoRoster.pool().records());
        org.cadre.roster.pool.TrainerRecord leaving = records.stream().filter(r -> r.isActive() && r.isCertifiedOn(last)).findFirst()
                .orElseThrow();
        records.set(records.indexOf(leaving), leaving.inactivate(LocalDate.of(2025, 6, 1), "left the service").value());
        ProgrammeReport withOneLeft = ProgrammeReports.of(DemoRoster.programme(), List.of(ALMATY, DemoRoster.dushanbeCascade()),
                org.cadre.roster.pool.TrainerPool.of(records), DemoResults.framework(), LocalDate.of(2025, 1, 1), last,
                Disclosure.forAudience(Audience.INTERNAL));
        assertThat(withOneLeft.indicators().get(4).count().orElseThrow().get()).isEqualTo(valid - 1);
        // Donors: the same figure, through the audit that models it.
        ProgrammeReport donor = ProgrammeReports.of(DemoRoster.programme(), List.of(ALMATY, DemoRoster.dushanbeCascade()), DemoRoster.pool(),
                DemoResults.framework(), LocalDate.of(2025, 1, 1), last, Disclosure.forAudience(Audience.DONOR));
        Cell donorCount = donor.indicators().get(4).count().orElseThrow();
        assertThat(!donorCount.isPublished() || donorCount.get() == valid).as("published as the true count, or withheld: %s", donorCount)
                .isTrue();
    }
}
