package org.cadre.curriculum;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import org.cadre.curriculum.CurriculumDiff.Change;
import org.cadre.curriculum.CurriculumDiff.Element;
import org.cadre.curriculum.CurriculumDiff.FieldChange;
import org.cadre.curriculum.CurriculumDiff.Kind;
import org.cadre.curriculum.SemanticVersion.Bump;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VersionPolicyTest {

    @ParameterizedTest(name = "{0} {1} {2} needs a {3} step")
    @CsvSource({
            "PACKAGE,         CHANGED, certification.minAttendanceShare, MAJOR",
            "PACKAGE,         CHANGED, certification.certificateValidity, MAJOR",
            "COMPETENCE,      REMOVED, '',                              MAJOR",
            "COMPETENCE,      ADDED,   '',                              MINOR",
            "OUTCOME,         REMOVED, '',                              MINOR",
            "OUTCOME,         ADDED,   '',                              MINOR",
            "OUTCOME,         CHANGED, statement,                       MINOR",
            "MODULE,          REMOVED, '',                              MINOR",
            "MODULE,          CHANGED, prerequisites,                   MINOR",
            "MODULE,          CHANGED, title,                           PATCH",
            "MODULE,          CHANGED, settings,                        PATCH",
            "SESSION,         ADDED,   '',                              MINOR",
            "SESSION,         CHANGED, outcomes,                        MINOR",
            "SESSION,         CHANGED, module,                          MINOR",
            "SESSION,         CHANGED, minutes,                         PATCH",
            "SESSION,         CHANGED, materials,                       PATCH",
            "ASSESSMENT_ITEM, CHANGED, maxPoints,                       MINOR",
            "ASSESSMENT_ITEM, CHANGED, prompt,                          PATCH",
            "PACKAGE,         CHANGED, assessment.passMark,             MINOR",
            "PACKAGE,         CHANGED, title,                           PATCH",
    })
    void each_kind_of_change_needs_the_documented_step(Element element, Kind kind, String field, Bump expected) {
        ImmutableList<FieldChange> fields = field.isEmpty() ? ImmutableList.of() : ImmutableList.of(new FieldChange(field, "a", "b"));

        assertThat(VersionPolicy.requiredBump(new Change(element, "X1", kind, "label", fields))).isEqualTo(expected);
    }

    @Test
    void an_empty_diff_needs_no_step_and_a_diff_needs_its_largest_step() {
        Change patch = new Change(Element.SESSION, "S1", Kind.CHANGED, "s", ImmutableList.of(new FieldChange("minutes", "60", "90")));
        Change minor = new Change(Element.OUTCOME, "LO1", Kind.REMOVED, "o", ImmutableList.of());

        assertThat(VersionPolicy.requiredBump(new CurriculumDiff(ImmutableList.of()))).isEqualTo(Bump.NONE);
        assertThat(VersionPolicy.requiredBump(new CurriculumDiff(ImmutableList.of(patch, minor)))).isEqualTo(Bump.MINOR);
    }

    @ParameterizedTest(name = "{1} -> {0} is a {2} step")
    @CsvSource({"1.0.1, 1.0.0, PATCH", "1.1.0, 1.0.9, MINOR", "2.0.0, 1.9.9, MAJOR", "1.0.0, 1.0.0, NONE", "0.9.0, 1.0.0, NONE"})
    void the_step_between_two_versions(String now, String before, Bump expected) {
        assertThat(SemanticVersion.parse(now).bumpFrom(SemanticVersion.parse(before))).isEqualTo(expected);
    }
}
