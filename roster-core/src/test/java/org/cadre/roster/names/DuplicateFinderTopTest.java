package org.cadre.roster.names;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.cadre.finding.Finding;
import org.cadre.roster.EventCheck;
import org.cadre.roster.EventRoster;
import org.cadre.roster.EventRule;
import org.cadre.roster.Person;
import org.cadre.roster.fixtures.SyntheticPeople;
import org.cadre.roster.fixtures.SyntheticRosters;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A roster of very similar names holds pairs by the hundred thousand: the search keeps the most likely
 * within a bound, counts the rest, and the event check names at most {@link EventRule#MAX_DUPLICATE_FINDINGS}
 * of them (a scoped coordinator's import of 10,000 "Person N" once made a check run out of memory).
 */
class DuplicateFinderTopTest {

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void the_top_pairs_are_the_first_of_all_pairs_and_the_total_counts_them_all(long seed) {
        List<Person> people = SyntheticPeople.people(seed, 3_000);
        var all = DuplicateFinder.candidates(people);
        for (int limit : new int[] {0, 1, 7, 50, all.size(), all.size() + 5}) {
            DuplicateFinder.Top top = DuplicateFinder.top(people, limit);
            assertThat(top.total()).isEqualTo(all.size());
            assertThat(top.candidates()).containsExactlyElementsOf(all.subList(0, Math.min(limit, all.size())));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {2_000})
    void a_roster_of_similar_names_gets_a_bounded_list_and_a_count_of_the_rest(int participants) {
        EventRoster roster = SyntheticRosters.event(11, participants, 10);
        List<Person> similar = new ArrayList<>();
        roster.people().values().forEach(p -> similar.add(Person.builder(p.id().value(), p.country())
                .latinName("Person").build())); // one name for all (numbers would tell them apart)
        EventRoster crowded = roster.toBuilder().people(similar).build();

        List<Finding> duplicates = EventCheck.of(crowded).run().all().stream()
                .filter(f -> f.code().equals(EventRule.LIKELY_DUPLICATE.spec().code())).toList();
        int pairs = DuplicateFinder.top(crowded.people().values(), 0).total();

        assertThat(pairs).as("the crowded roster holds many more pairs than are named").isGreaterThan(10 * EventRule.MAX_DUPLICATE_FINDINGS);
        assertThat(pairs).as("people of one name are compared in parts, not all with all")
                .isLessThan(participants * DuplicateFinder.MAX_GROUP);
        assertThat(duplicates).hasSize(EventRule.MAX_DUPLICATE_FINDINGS + 1);
        assertThat(duplicates).filteredOn(f -> f.message().contains("more pairs")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("and " + (pairs - EventRule.MAX_DUPLICATE_FINDINGS) + " more pairs"));
    }
}
