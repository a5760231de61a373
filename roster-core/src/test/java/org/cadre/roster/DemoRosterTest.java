package org.cadre.roster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.cadre.roster.demo.DemoRoster;
import org.junit.jupiter.api.Test;

/** The demo rosters hold what the public description of the Almaty ToT states, and check clean. */
class DemoRosterTest {

    private final EventRoster almaty = DemoRoster.almatyTot();

    @Test
    void the_almaty_tot_checks_clean() {
        assertThat(EventCheck.of(almaty).run().all()).isEmpty();
    }

    @Test
    void the_cascade_checks_clean() {
        assertThat(EventCheck.of(DemoRoster.dushanbeCascade()).run().all()).isEmpty();
    }

    @Test
    void twenty_six_participants_eighteen_from_kazakhstan_four_from_tajikistan_four_from_uzbekistan() {
        List<Enrolment> participants = almaty.seatedParticipants();
        Map<Country, Long> byCountry = participants.stream().collect(Collectors.groupingBy(
                e -> almaty.people().get(e.person()).country(), Collectors.counting()));

        assertThat(participants).hasSize(26);
        assertThat(byCountry).containsOnly(Map.entry(Country.KAZAKHSTAN, 18L), Map.entry(Country.TAJIKISTAN, 4L),
                Map.entry(Country.UZBEKISTAN, 4L));
    }

    @Test
    void four_trainers_two_from_the_border_academy_and_two_from_iom() {
        Map<OrganisationId, Long> byOrganisation = almaty.seatedTrainers().stream().collect(Collectors.groupingBy(
                e -> almaty.people().get(e.person()).organisation().orElseThrow(), Collectors.counting()));

        assertThat(byOrganisation).containsOnly(Map.entry(DemoRoster.KZ_BORDER_ACADEMY, 2L), Map.entry(DemoRoster.IOM, 2L));
    }

    @Test
    void five_course_days_inside_the_travel_window_in_almaty() {
        Event e = almaty.event();

        assertThat(e.courseDays()).isEqualTo(DateRange.of(LocalDate.of(2023, 10, 23), LocalDate.of(2023, 10, 27)));
        assertThat(e.courseDays().days()).isEqualTo(5);
        assertThat(e.travelWindow()).isEqualTo(DateRange.of(LocalDate.of(2023, 10, 22), LocalDate.of(2023, 10, 28)));
        assertThat(e.city()).isEqualTo("Almaty");
    }

    @Test
    void the_programme_donor_and_sdgs_are_those_of_the_description() {
        Programme p = almaty.programme();

        assertThat(p.title()).isEqualTo("Improving migration governance and access to services for displaced Afghans in Pakistan and Central Asia");
        assertThat(p.donor()).contains("IRCC");
        assertThat(p.sdgs()).containsExactly(11, 16, 17);
    }

    @Test
    void twenty_four_participants_are_certified_and_the_two_others_for_stated_reasons() {
        List<Certification.Decision> decisions = Certification.evaluate(almaty);

        assertThat(decisions).filteredOn(Certification.Decision::certified).hasSize(24);
        assertThat(decisions).filteredOn(d -> !d.certified())
                .extracting(d -> d.person().value() + " " + d.reasons().errors().get(0).code())
                .containsExactlyInAnyOrder("p-kz-14 certification.post-test-below-pass-mark",
                        "p-kz-18 certification.attendance-below-minimum");
    }

    @Test
    void the_cascade_reaches_sixteen_officers_through_two_graduates() {
        CascadeReach reach = CascadeReach.of(almaty, List.of(DemoRoster.dushanbeCascade(), almaty));

        // 25 of the 26 participants completed: p-kz-18 attended 9 of 14 sessions, below the package's 80 %.
        assertThat(reach.graduates()).hasSize(25).doesNotContain(PersonId.of("p-kz-18"));
        assertThat(reach.cascades()).containsExactly(DemoRoster.DUSHANBE_CASCADE);
        assertThat(reach.officersTrained()).hasSize(16);
        assertThat(reach.perGraduate()).containsOnlyKeys(DemoRoster.CASCADE_TRAINER_1, DemoRoster.CASCADE_TRAINER_2);
        assertThat(reach.perGraduate().values()).allSatisfy(officers -> assertThat(officers).hasSize(16));
    }
}
