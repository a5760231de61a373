package org.cadre.roster.names;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.cadre.roster.Country;
import org.cadre.roster.Person;
import org.junit.jupiter.api.Test;

/**
 * A name written wholly in brackets, as a store writes "(erased)" over an erased person's names, is compared with
 * nothing: erased people were all found alike, every pair at score 1 (the attacker's review of session 17), filling the
 * duplicate list and the roster's warnings.
 */
class PlaceholderNamesTest {

    @Test
    void erased_people_are_no_duplicates_of_each_other_nor_of_anyone_while_real_names_still_pair() {
        List<Person> people = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            people.add(Person.builder("erased-" + i, Country.TAJIKISTAN).latinName("(erased)").build());
        }
        people.add(Person.builder("real-1", Country.TAJIKISTAN).latinName("Rustam Davlatov").build());
        people.add(Person.builder("real-2", Country.TAJIKISTAN).nativeName("Давлатов Рустам").build());
        people.add(Person.builder("bracketed", Country.TAJIKISTAN).latinName(" (Rustam Davlatov) ").build());

        List<DuplicateCandidate> found = DuplicateFinder.candidates(people);

        assertThat(found).extracting(c -> c.first().value() + "/" + c.second().value()).containsExactly("real-1/real-2");
        assertThat(DuplicateFinder.score(people.get(0), people.get(1))).as("two erased people").isZero();
        assertThat(DuplicateFinder.placeholder("(erased)")).isTrue();
        assertThat(DuplicateFinder.placeholder("Rustam (Rusya) Davlatov")).as("brackets inside a name").isFalse();
        assertThat(DuplicateFinder.placeholder("(")).isFalse();
    }
}
