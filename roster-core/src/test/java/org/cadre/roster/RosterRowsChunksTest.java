package org.cadre.roster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.cadre.roster.demo.DemoRoster;
import org.junit.jupiter.api.Test;

/**
 * A file's rows planned a chunk at a time ({@link RosterRows#planner}) get exactly what {@link RosterRows#plan}
 * gives them planned at once: the same refusals in the same order, and for a good file the same people and
 * enrolments, over seeded random files whose bad rows and repeated people fall anywhere, across chunk edges too.
 */
class RosterRowsChunksTest {

    private static final Event EVENT = DemoRoster.almatyTot().event();
    private static final LocalDate ON = EVENT.courseDays().first().minusDays(30);

    private static final Person RECORDED = Person.builder("p-recorded", Country.KAZAKHSTAN).latinName("Yerzhan Saparov").build();

    /** A store holding one person in sight, one taken id out of sight, one person enrolled already, one organisation. */
    private static final RosterRows.Known STORE = new RosterRows.Known(Map.of(RECORDED.id(), RECORDED),
            Set.of(RECORDED.id(), PersonId.of("p-taken")), Set.of(DemoRoster.KZ_BORDER_ACADEMY), Set.of(PersonId.of("p-enrolled")),
            (p, role) -> role != Role.TRAINER, (p, role) -> !p.country().equals(Country.TAJIKISTAN));

    /** A row: mostly good, sometimes wrong in one of the ways a file is. */
    private static RosterRows.Row row(Random rnd, int line, int people) {
        Map<String, String> cells = new HashMap<>();
        int kind = rnd.nextInt(40);
        String id = switch (kind) {
            case 0 -> "p-recorded";
            case 1 -> "p-taken";
            case 2 -> "p-enrolled";
            case 3 -> "not an id";
            default -> "p-" + rnd.nextInt(people); // repeats an earlier row now and then
        };
        cells.put("person_id", id);
        cells.put("latin_name", kind == 4 ? "Someone Else" : kind == 0 ? "Yerzhan Saparov" : "Officer " + line);
        cells.put("country", switch (kind) {
            case 5 -> "kz";
            case 6 -> "TJ";
            default -> "KZ";
        });
        cells.put("role", kind == 7 ? "captain" : kind == 8 ? "trainer" : "participant");
        if (kind == 9) {
            cells.put("organisation", "nowhere");
        } else if (kind != 10) {
            cells.put("organisation", DemoRoster.KZ_BORDER_ACADEMY.value());
        }
        return new RosterRows.Row(line, cells, kind == 11, kind == 12 ? List.of("rank: is too long") : List.of());
    }

    @Test
    void chunks_of_any_size_get_the_refusals_and_the_plan_of_the_whole_file() {
        int goodFiles = 0;
        for (int seed = 0; seed < 300; seed++) {
            Random rnd = new Random(seed);
            int size = 1 + rnd.nextInt(seed % 3 == 0 ? 400 : 60);
            // Few people for many rows on some seeds (repeats everywhere), as many as rows on others (good files).
            int people = seed % 2 == 0 ? Math.max(1, size / 4) : size * 1_000;
            List<RosterRows.Row> rows = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                rows.add(seed % 5 == 1 ? good(i + 2) : row(rnd, i + 2, people));
            }
            RosterRows.Plan whole = RosterRows.plan(rows, EVENT, ON, STORE);

            RosterRows.Planner planner = RosterRows.planner(EVENT, ON);
            List<Person> newPeople = new ArrayList<>();
            List<Enrolment> enrolments = new ArrayList<>();
            for (int from = 0; from < size;) {
                int to = Math.min(size, from + 1 + rnd.nextInt(50));
                RosterRows.Plan chunk = planner.next(rows.subList(from, to), STORE);
                newPeople.addAll(chunk.newPeople());
                enrolments.addAll(chunk.enrolments());
                from = to;
            }

            assertThat(planner.refusals()).as("seed %d", seed).isEqualTo(whole.refusals());
            assertThat(planner.ok()).isEqualTo(whole.ok());
            assertThat(planner.rows()).isEqualTo(size);
            if (whole.ok()) {
                goodFiles++;
                assertThat(newPeople).as("seed %d", seed).isEqualTo(whole.newPeople());
                assertThat(enrolments).as("seed %d", seed).isEqualTo(whole.enrolments());
                assertThat(planner.enrolments()).isEqualTo(whole.enrolments().size());
                assertThat(planner.newPeople()).isEqualTo(whole.newPeople().size());
            }
        }
        assertThat(goodFiles).as("good files among the seeds").isGreaterThanOrEqualTo(50);
    }

    /** A good row of a new person. */
    private static RosterRows.Row good(int line) {
        return new RosterRows.Row(line, Map.of("person_id", "p-new-" + line, "latin_name", "Officer " + line, "country", "KZ",
                "role", "participant", "organisation", DemoRoster.KZ_BORDER_ACADEMY.value()), false, List.of());
    }

    @Test
    void a_person_of_an_earlier_chunk_repeated_in_a_later_one_is_refused_there() {
        RosterRows.Planner planner = RosterRows.planner(EVENT, ON);

        RosterRows.Plan first = planner.next(List.of(good(2), good(3)), STORE);
        RosterRows.Plan second = planner.next(List.of(new RosterRows.Row(4, good(2).cells(), false, List.of())), STORE);

        assertThat(first.ok()).isTrue();
        assertThat(first.enrolments()).hasSize(2);
        assertThat(second.errors()).containsExactly("line 4: person_id: appears on line 2 already; list each person once");
        assertThat(planner.ok()).isFalse();
        assertThat(planner.enrolments()).as("the good rows counted").isEqualTo(2);
    }
}
