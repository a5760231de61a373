package org.cadre.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.cadre.curriculum.SessionCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad input is refused at construction with a message that names the field and the reason. */
class ConstructionTest {

    static List<Arguments> badInput() {
        return List.of(
                Arguments.of("person without a name", (ThrowingCallable) () -> Person.builder("p1", Country.KAZAKHSTAN).build(),
                        "Person.name is required: give the native-script name, the Latin-script name, or both"),
                Arguments.of("blank Latin name", (ThrowingCallable) () -> Person.builder("p1", Country.KAZAKHSTAN).latinName(" ").build(),
                        "Person.latinName must not be blank"),
                Arguments.of("lower-case country", (ThrowingCallable) () -> Country.of("kz"),
                        "Country must be an ISO 3166-1 alpha-2 code in upper case (for example KZ), was 'kz'"),
                Arguments.of("country that does not exist", (ThrowingCallable) () -> Country.of("XX"),
                        "Country must be an ISO 3166-1 alpha-2 code in upper case (for example KZ), was 'XX'"),
                Arguments.of("rating of 6", (ThrowingCallable) () -> Feedback.onSession(SessionCode.of("S1"), 6, null),
                        "Feedback.rating must be between 1 and 5, was 6"),
                Arguments.of("backwards date range", (ThrowingCallable) () -> DateRange.of(LocalDate.of(2023, 10, 27), LocalDate.of(2023, 10, 23)),
                        "DateRange.last must not be before first (2023-10-27), was 2023-10-23"),
                Arguments.of("slot ending before it starts", (ThrowingCallable) () -> new AgendaSlot(SessionCode.of("S1"),
                        LocalDate.of(2023, 10, 23), LocalTime.of(10, 0), LocalTime.of(9, 0), com.google.common.collect.ImmutableSet.of()),
                        "AgendaSlot.end must be after start (10:00), was 09:00"),
                Arguments.of("SDG 18", (ThrowingCallable) () -> new Programme(ProgrammeId.of("p"), "T", "D",
                        com.google.common.collect.ImmutableSet.of(), com.google.common.collect.ImmutableSortedSet.of(16, 18)),
                        "Programme.sdgs must be between 1 and 17, was 18"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInput")
    void bad_input_is_rejected_naming_the_field(String what, ThrowingCallable construction, String message) {
        assertThatIllegalArgumentException().isThrownBy(construction).withMessage(message);
    }

    @Test
    void a_person_needs_only_one_name_and_a_country() {
        Person p = Person.builder("p1", Country.TAJIKISTAN).nativeName("Фарход Абдуллоев").build();

        assertThat(p.displayName()).isEqualTo("Фарход Абдуллоев");
        assertThat(p.sex()).isEqualTo(Sex.NOT_RECORDED);
    }

    @Test
    void country_names_are_english_whatever_the_default_locale() {
        assertThat(Country.TAJIKISTAN.englishName()).isEqualTo("Tajikistan");
    }
}
