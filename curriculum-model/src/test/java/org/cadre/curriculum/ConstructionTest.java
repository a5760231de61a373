package org.cadre.curriculum;

import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Period;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad input is refused at construction with a message that names the field and the reason. */
class ConstructionTest {

    static List<Arguments> badInput() {
        return List.of(
                Arguments.of("negative minutes", (ThrowingCallable) () -> Session.builder("S1", "Talk").minutes(-5).build(),
                        "Session.minutes must not be negative, was -5"),
                Arguments.of("blank session title", (ThrowingCallable) () -> Session.builder("S1", "  ").build(),
                        "Session.title must not be blank"),
                Arguments.of("blank module title", (ThrowingCallable) () -> Module.builder("M1", "").build(),
                        "Module.title must not be blank"),
                Arguments.of("null title", (ThrowingCallable) () -> Module.builder("M1", null).build(),
                        "Module.title is required"),
                Arguments.of("code with spaces", (ThrowingCallable) () -> ModuleCode.of("M 1"),
                        "ModuleCode must be 1-64 letters, digits, dots, underscores or hyphens, starting with a letter or digit, was 'M 1'"),
                Arguments.of("EQF level 9", (ThrowingCallable) () -> LearningOutcome.of("LO1", "Do", 9, OutcomeDomain.SKILLS),
                        "LearningOutcome.level must be between 1 and 8, was 9"),
                Arguments.of("zero points", (ThrowingCallable) () -> AssessmentItem.question("Q1", "Why?", 0, "LO1"),
                        "AssessmentItem.maxPoints must be positive, was 0"),
                Arguments.of("NaN attendance share", (ThrowingCallable) () -> new CertificationCriteria(Double.NaN, 1, false, Period.ofYears(1)),
                        "CertificationCriteria.minAttendanceShare must be a finite number, was NaN"),
                Arguments.of("malformed version", (ThrowingCallable) () -> SemanticVersion.parse("1.0"),
                        "version must look like MAJOR.MINOR.PATCH (for example 1.2.0), was '1.0'"),
                Arguments.of("leading zero in version", (ThrowingCallable) () -> SemanticVersion.parse("01.0.0"),
                        "version must look like MAJOR.MINOR.PATCH (for example 1.2.0), was '01.0.0'"),
                Arguments.of("language that is no tag", (ThrowingCallable) () -> Curriculum.builder("tsp", "T", "1.0.0")
                        .languages("Russian").audience("a").build(), "Curriculum.languages must hold BCP 47 language tags such as kk or ru, was 'Russian'"),
                Arguments.of("missing assessment", (ThrowingCallable) () -> Curriculum.builder("tsp", "T", "1.0.0")
                        .audience("officers").build(), "Curriculum.assessment is required"),
                Arguments.of("zero course days", (ThrowingCallable) () -> CourseFrame.ofHours(0, 6),
                        "CourseFrame.days must be positive, was 0"),
                Arguments.of("blank revision reason", (ThrowingCallable) () -> new Revision(SemanticVersion.of(1, 0, 0), " "),
                        "Revision.reason must not be blank"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInput")
    void bad_input_is_rejected_naming_the_field(String what, ThrowingCallable construction, String message) {
        assertThatIllegalArgumentException().isThrownBy(construction).withMessage(message);
    }

    @Test
    void titles_are_stored_without_surrounding_white_space() {
        assertThat(Session.builder("S1", "  Opening ").minutes(30).build().title()).isEqualTo("Opening");
    }

    @Test
    void codes_may_be_written_in_cyrillic() {
        assertThat(ModuleCode.of("М1").value()).isEqualTo("М1");
    }
}
