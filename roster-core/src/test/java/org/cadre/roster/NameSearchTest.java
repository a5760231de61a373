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

    /** Numbers in a name (placeholders of an event entered from counts) narrow the search as words do. */
    @ParameterizedTest(name = "\"{0}\" finds {1}")
    @CsvSource({
            "officer 12, 'n12,n120'",
            "Officer 012, 'n12,n120'",
            "12, 'n12,n120'",
            "officer 13, ''",
            "officer, 'n12,n120,n7'"})
    void every_number_of_the_query_begins_a_number_of_the_name(String query, String ids) {
        List<Person> numbered = List.of(Person.builder("n12", Country.KAZAKHSTAN).latinName("Officer 12").build(),
                Person.builder("n120", Country.KAZAKHSTAN).latinName("Officer 120").build(),
                Person.builder("n7", Country.KAZAKHSTAN).nativeName("Офицер 7").build());
        assertThat(numbered.stream().filter(NameSearch.of(query)).map(p -> p.id().value()).sorted().toList())
                .isEqualTo(ids.isEmpty() ? List.of() : List.of(ids.split(",")));
    }
}
