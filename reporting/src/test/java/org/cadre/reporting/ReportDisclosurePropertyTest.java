package org.cadre.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import org.cadre.reporting.demo.DemoResults;
import org.cadre.reporting.disclosure.Audience;
import org.cadre.reporting.disclosure.Disclosure;
import org.cadre.reporting.render.JsonRenderer;
import org.cadre.roster.EventRoster;
import org.cadre.roster.Person;
import org.cadre.roster.demo.DemoRoster;
import org.cadre.roster.fixtures.SyntheticRosters;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Whole reports over random rosters: for donors and the public no published count lies in 1..k-1. */
class ReportDisclosurePropertyTest {

    /** Every integral number under a "value" field: the counts of cells (means and percentages are decimals). */
    private static List<Long> publishedCounts(Object report) throws Exception {
        JsonNode tree = JsonRenderer.mapper().readTree(JsonRenderer.render(report));
        return tree.findValues("value").stream().filter(JsonNode::isIntegralNumber).map(JsonNode::asLong).toList();
    }

    private static EventRoster randomRoster(long seed) {
        Random rnd = new Random(seed);
        return SyntheticRosters.event(seed, 3 + rnd.nextInt(40), 5 + rnd.nextInt(20));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("org.cadre.curriculum.fixtures.Seeds#fewSeeds")
    void no_event_report_publishes_a_small_count(long seed) throws Exception {
        EventRoster roster = randomRoster(seed);
        for (Audience audience : List.of(Audience.DONOR, Audience.PUBLIC)) {
            Disclosure d = Disclosure.forAudience(audience, 3 + new Random(seed).nextInt(8));
            EventReport report = EventReports.of(roster, d);

            assertThat(publishedCounts(report)).as("seed %d, %s, k %d", seed, audience, d.k())
                    .allMatch(v -> v == 0 || v >= d.k());
            for (Person p : roster.people().values()) {
                assertThat(JsonRenderer.render(report)).as("seed %d: no name in a %s report", seed, audience)
                        .doesNotContain(p.displayName());
            }
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("org.cadre.curriculum.fixtures.Seeds#fewSeeds")
    void no_programme_report_publishes_a_small_count(long seed) throws Exception {
        Random rnd = new Random(seed);
        List<EventRoster> rosters = List.of(DemoRoster.almatyTot(), DemoRoster.dushanbeCascade());
        Disclosure d = Disclosure.forAudience(rnd.nextBoolean() ? Audience.DONOR : Audience.PUBLIC, 3 + rnd.nextInt(8));
        LocalDate to = LocalDate.of(2023, 11, 1).plusDays(rnd.nextInt(500));

        ProgrammeReport report = ProgrammeReports.of(DemoRoster.programme(), rosters, DemoRoster.pool(), DemoResults.framework(),
                LocalDate.of(2023, 1, 1), to, d);

        assertThat(publishedCounts(report)).as("seed %d, k %d", seed, d.k()).allMatch(v -> v == 0 || v >= d.k());
    }
}
