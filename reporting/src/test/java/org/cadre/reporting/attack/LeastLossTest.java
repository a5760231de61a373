package org.cadre.reporting.attack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import org.cadre.reporting.EventReport;
import org.cadre.reporting.EventReports;
import org.cadre.reporting.ProgrammeReport;
import org.cadre.reporting.ProgrammeReports;
import org.cadre.reporting.demo.DemoResults;
import org.cadre.reporting.disclosure.Audience;
import org.cadre.reporting.disclosure.Cell;
import org.cadre.reporting.disclosure.Disclosure;
import org.cadre.reporting.disclosure.Table;
import org.cadre.roster.Event;
import org.cadre.roster.EventRoster;
import org.cadre.roster.demo.DemoRoster;
import org.cadre.roster.pool.TrainerPool;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Withhold the split, not the total, where the total is safe: the figures a donor needs stay published
 * when only a breakdown below them is small.
 */
class LeastLossTest {

    private static Long valueOf(Cell c) {
        return c.isPublished() ? c.get() : null;
    }

    private static Long countryTotal(Table t, String country) {
        return valueOf(t.rowTotals().get(t.rows().indexOf(country)));
    }

    /** A 43-person course, all from one country, two of them women (the case that hid the 43 before). */
    @ParameterizedTest
    @EnumSource(value = Audience.class, names = {"DONOR", "PUBLIC"})
    void a_course_from_one_country_with_two_women_publishes_its_total_and_withholds_the_split(Audience audience) {
        EventRoster course = ShapedRosters.event(43, "course-43", Event.Kind.CASCADE, LocalDate.of(2024, 3, 4),
                ShapedRosters.minority(43, 2, 1, new Random(43)), null);
        Disclosure d = Disclosure.forAudience(audience);

        EventReport event = EventReports.of(course, d);
        Table byCountry = event.participantsByCountryAndSex();
        assertThat(valueOf(event.participants())).isEqualTo(43L);
        assertThat(valueOf(byCountry.total())).isEqualTo(43L);
        assertThat(countryTotal(byCountry, "KZ")).isEqualTo(43L);
        assertThat(byCountry.cell(byCountry.rows().indexOf("KZ"), 0).isPublished()).as("the two women").isFalse();

        ProgrammeReport programme = ProgrammeReports.of(ShapedRosters.PROGRAMME, List.of(course), TrainerPool.empty(), DemoResults.framework(),
                LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31), d);
        Table officials = programme.officialsBySexAndCountry();
        assertThat(valueOf(officials.total())).isEqualTo(43L);
        assertThat(countryTotal(officials, "KZ")).isEqualTo(43L);
        assertThat(valueOf(programme.events().get(0).participantsPresent())).isEqualTo(43L);
    }

    /** The demo's Dushanbe cascade: 16 officers of one agency; its small roles are withheld, not its 16. */
    @ParameterizedTest
    @ValueSource(strings = {"DONOR", "PUBLIC"})
    void the_demo_cascade_publishes_its_participants_and_withholds_its_small_roles(String audience) {
        Disclosure d = Disclosure.forAudience(Audience.valueOf(audience));
        EventReport event = EventReports.of(DemoRoster.dushanbeCascade(), d);

        assertThat(valueOf(event.participants())).isEqualTo(16L);
        assertThat(countryTotal(event.participantsByCountryAndSex(), "TJ")).isEqualTo(16L);
        Table roles = event.peopleByRole();
        assertThat(roles.cell(roles.rows().indexOf("co-trainer"), 0).isPublished()).isFalse();
    }
}
