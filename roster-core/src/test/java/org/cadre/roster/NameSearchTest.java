package org.cadre.roster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import java.util.List;
import org.cadre.roster.demo.DemoRoster;
import org.cadre.roster.names.NameSearch;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NameSearchTest {

    private static final Collection<Person> PEOPLE = DemoRoster.dushanbeCascade().people().values();

    private static List<String> found(String query) {
        return PEOPLE.stream().filter(NameSearch.of(query)).map(p -> p.id().value()).sorted().toList();
    }

    @ParameterizedTest(name = "\"{0}\" finds Farkhod Abdulloev: {1}")
    @CsvSource({
            "Абдул, true",
            "abdulloev, true",
            "ABDULLOEV FARKH, true",
            "Фарход Абдуллоев, true",
            "Farkhod Petrov, false",
            "dulloev, false",
            "'  -- ', false"})
    void every_word_of_the_query_begins_a_word_of_either_name(String query, boolean finds) {
        assertThat(found(query).contains(DemoRoster.CASCADE_TRAINER_1.value())).isEqualTo(finds);
    }
}
