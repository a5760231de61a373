package org.cadre.curriculum;

import static org.assertj.core.api.Assertions.assertThat;

import org.cadre.curriculum.CurriculumDiff.Element;
import org.cadre.curriculum.CurriculumDiff.Kind;
import org.cadre.curriculum.SemanticVersion.Bump;
import org.cadre.curriculum.demo.DemoCurricula;
import org.cadre.curriculum.fixtures.RandomCurricula;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CurriculumDiffTest {

    @Test
    void the_demo_revision_reads_as_one_added_and_one_lengthened_session() {
        CurriculumDiff diff = CurriculumDiff.between(DemoCurricula.almatyTot(), DemoCurricula.revisedAfterAlmaty());

        assertThat(diff.lines()).containsExactly(
                "~ session M2.S4 \"Green border areas: strategies against irregular crossings\": minutes '120' -> '150'",
                "+ session M2.S7 \"Document fraud at air border crossing points: hands-on examination\"");
        assertThat(VersionPolicy.requiredBump(diff)).isEqualTo(Bump.MINOR);
    }

    @Test
    void removed_outcomes_and_modules_are_listed_by_kind_then_code() {
        Curriculum v1 = DemoCurricula.almatyTot();
        Curriculum v2 = v1.toBuilder().removeOutcome("LO6").removeModule("M1").build();

        CurriculumDiff diff = CurriculumDiff.between(v1, v2);

        assertThat(diff.changes()).extracting(c -> c.element() + " " + c.code() + " " + c.kind()).containsExactly(
                "OUTCOME LO6 REMOVED", "MODULE M1 REMOVED", "SESSION M1.S1 REMOVED", "SESSION M1.S2 REMOVED",
                "SESSION M1.S3 REMOVED");
    }

    @Test
    void a_moved_session_shows_its_old_and_new_module() {
        Curriculum v1 = DemoCurricula.almatyTot();
        Module m1 = v1.module(ModuleCode.of("M1")).orElseThrow();
        Module m3 = v1.module(ModuleCode.of("M3")).orElseThrow();
        Session moved = m3.sessions().get(3);
        Curriculum v2 = v1.toBuilder()
                .replaceModule(m1.withSessions(com.google.common.collect.ImmutableList.<Session>builder()
                        .addAll(m1.sessions()).add(moved).build()))
                .replaceModule(m3.withSessions(m3.sessions().stream().filter(s -> !s.equals(moved)).toList()))
                .build();

        CurriculumDiff diff = CurriculumDiff.between(v1, v2);

        assertThat(diff.changes()).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(Kind.CHANGED);
            assertThat(c.element()).isEqualTo(Element.SESSION);
            assertThat(c.fields()).extracting(CurriculumDiff.FieldChange::toString).containsExactly("module 'M3' -> 'M1'");
        });
        assertThat(VersionPolicy.requiredBump(diff)).isEqualTo(Bump.MINOR);
    }

    @Test
    void the_diff_of_different_packages_includes_the_package_fields() {
        CurriculumDiff diff = CurriculumDiff.between(DemoCurricula.almatyTot(),
                DemoCurricula.almatyTot().toBuilder().title("Countering migrant smuggling").languages("kk").build());

        assertThat(diff.changes()).singleElement().satisfies(c -> assertThat(c.fields())
                .extracting(CurriculumDiff.FieldChange::field).containsExactly("languages", "title"));
        assertThat(VersionPolicy.requiredBump(diff)).isEqualTo(Bump.PATCH);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("org.cadre.curriculum.fixtures.Seeds#seeds")
    void the_diff_of_a_version_with_itself_is_empty(long seed) {
        Curriculum c = RandomCurricula.edited(RandomCurricula.wellFormed(seed), seed);

        assertThat(CurriculumDiff.between(c, c).isEmpty()).as("seed %d", seed).isTrue();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("org.cadre.curriculum.fixtures.Seeds#seeds")
    void the_diff_back_is_the_exact_inverse_of_the_diff_forth(long seed) {
        Curriculum a = RandomCurricula.wellFormed(seed);
        Curriculum b = RandomCurricula.edited(a, seed + 1);

        CurriculumDiff forth = CurriculumDiff.between(a, b);
        CurriculumDiff back = CurriculumDiff.between(b, a);

        assertThat(back).as("seed %d", seed).isEqualTo(forth.inverse());
        assertThat(forth.inverse().inverse()).as("seed %d", seed).isEqualTo(forth);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("org.cadre.curriculum.fixtures.Seeds#seeds")
    void every_difference_is_found_and_the_same_inputs_give_the_same_lines(long seed) {
        Curriculum a = RandomCurricula.wellFormed(seed);
        Curriculum b = RandomCurricula.edited(a, seed + 1);

        CurriculumDiff diff = CurriculumDiff.between(a, b);

        assertThat(diff.isEmpty()).as("seed %d", seed).isEqualTo(a.equals(b));
        assertThat(CurriculumDiff.between(a, b).lines()).as("seed %d", seed).isEqualTo(diff.lines());
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("org.cadre.curriculum.fixtures.Seeds#seeds")
    void a_revision_numbered_by_the_policy_passes_and_one_step_less_fails(long seed) {
        Curriculum a = RandomCurricula.wellFormed(seed);
        Curriculum edited = RandomCurricula.edited(a, seed + 1);
        Bump required = VersionPolicy.requiredBump(CurriculumDiff.between(a, edited));
        if (required == Bump.NONE) {
            return; // the random edit happened to change nothing; other seeds cover the property
        }
        Curriculum right = edited.toBuilder().version(step(a.version(), required)).build();

        assertThat(CurriculumCheck.of(right).revising(a).run().codes()).as("seed %d", seed)
                .doesNotContain("curriculum.version-bump-too-small", "curriculum.version-not-increased");
        if (required != Bump.PATCH) {
            Bump smaller = Bump.values()[required.ordinal() - 1];
            Curriculum tooSmall = edited.toBuilder().version(step(a.version(), smaller)).build();
            assertThat(CurriculumCheck.of(tooSmall).revising(a).run().codes()).as("seed %d", seed)
                    .contains("curriculum.version-bump-too-small");
        }
    }

    private static String step(SemanticVersion v, Bump bump) {
        return switch (bump) {
            case MAJOR -> (v.major() + 1) + ".0.0";
            case MINOR -> v.major() + "." + (v.minor() + 1) + ".0";
            case PATCH -> v.major() + "." + v.minor() + "." + (v.patch() + 1);
            case NONE -> v.toString();
        };
    }
}
