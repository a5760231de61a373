package org.cadre.curriculum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cadre.curriculum.fixtures.BrokenDemo.demo;

import java.time.Period;
import org.cadre.curriculum.demo.DemoCurricula;
import org.cadre.curriculum.fixtures.BrokenDemo;
import org.cadre.finding.Finding;
import org.cadre.finding.Findings;
import org.cadre.finding.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Each curriculum rule, shown firing on a broken copy of the demo package and not firing on sound data. */
class CurriculumRuleTest {

    private static Findings check(Curriculum.Builder b) {
        return CurriculumCheck.of(b.build()).within(DemoCurricula.FIVE_DAY_TOT).run();
    }

    @ParameterizedTest(name = "{0} does not fire on the demo package")
    @EnumSource(CurriculumRule.class)
    void no_rule_fires_on_the_demo_package_or_its_revision(CurriculumRule rule) {
        Findings v1 = CurriculumCheck.of(DemoCurricula.almatyTot()).within(DemoCurricula.FIVE_DAY_TOT).run();
        Findings v2 = CurriculumCheck.of(DemoCurricula.revisedAfterAlmaty()).within(DemoCurricula.FIVE_DAY_TOT)
                .revising(DemoCurricula.almatyTot()).run();
        assertThat(v1.withCode(rule.code())).isEmpty();
        assertThat(v2.withCode(rule.code())).isEmpty();
    }

    @Test
    void the_fully_broken_copy_fires_every_rule_at_once() {
        Curriculum broken = BrokenDemo.everythingWrong();
        Curriculum badRevision = broken.toBuilder().version("1.0.1").build();
        Findings findings = CurriculumCheck.of(broken).within(DemoCurricula.FIVE_DAY_TOT).run()
                .and(CurriculumCheck.of(badRevision).revising(DemoCurricula.almatyTot()).run())
                .and(CurriculumCheck.of(DemoCurricula.almatyTot()).revising(DemoCurricula.revisedAfterAlmaty()).run());

        assertThat(findings.codes()).containsAll(CurriculumRule.all().stream().map(CurriculumRule::code).toList());
    }

    @Test
    void duplicate_code_fires_when_two_sessions_share_a_code() {
        Findings findings = check(BrokenDemo.duplicateSessionCode(demo()));

        assertThat(findings.withCode("curriculum.duplicate-code")).singleElement()
                .satisfies(f -> assertThat(f.subject()).endsWith("/session/M1.S1"))
                .satisfies(f -> assertThat(f.message()).contains("'M1.S1' is used 2 times"));
    }

    @Test
    void unknown_outcome_fires_for_a_session_citing_an_undefined_outcome() {
        Findings findings = check(BrokenDemo.sessionWithUnknownOutcome(demo()));

        assertThat(findings.withCode("curriculum.unknown-outcome")).singleElement()
                .satisfies(f -> assertThat(f.subject()).endsWith("/session/M2.S1"))
                .satisfies(f -> assertThat(f.message()).contains("LO99"));
    }

    @Test
    void unknown_prerequisite_fires_for_a_module_that_does_not_exist() {
        Findings findings = check(BrokenDemo.unknownPrerequisite(demo()));

        assertThat(findings.withCode("curriculum.unknown-prerequisite")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("'M0'"));
        assertThat(findings.withCode("curriculum.prerequisite-cycle")).isEmpty();
    }

    @Test
    void prerequisite_cycle_is_named_in_order() {
        Findings findings = check(BrokenDemo.prerequisiteCycle(demo()));

        assertThat(findings.withCode("curriculum.prerequisite-cycle")).extracting(Finding::message)
                .containsExactly("prerequisites form a cycle: M1 -> M3 -> M1");
    }

    @Test
    void a_module_that_requires_itself_is_a_cycle_of_one() {
        Curriculum.Builder b = demo();
        Module m1 = b.build().module(ModuleCode.of("M1")).orElseThrow();
        b.replaceModule(new Module(m1.code(), m1.title(), m1.outcomes(), com.google.common.collect.ImmutableSet.of(m1.code()),
                m1.settings(), m1.sessions()));

        assertThat(check(b).withCode("curriculum.prerequisite-cycle")).extracting(Finding::message)
                .containsExactly("prerequisites form a cycle: M1 -> M1");
    }

    @Test
    void a_chain_of_prerequisites_without_a_loop_is_no_cycle() {
        // M3 requires M1 and M2 in the demo; make M2 require M1 as well: a diamond, not a cycle.
        Curriculum.Builder b = demo();
        Module m2 = b.build().module(ModuleCode.of("M2")).orElseThrow();
        b.replaceModule(new Module(m2.code(), m2.title(), m2.outcomes(),
                com.google.common.collect.ImmutableSet.of(ModuleCode.of("M1")), m2.settings(), m2.sessions()));

        assertThat(check(b).codes()).doesNotContain("curriculum.prerequisite-cycle");
    }

    @Test
    void outcome_not_taught_not_assessed_and_without_competence_fire_for_an_orphan_outcome() {
        Findings findings = check(BrokenDemo.orphanOutcome(demo()));

        assertThat(findings.codes()).containsExactly("curriculum.outcome-not-assessed",
                "curriculum.outcome-not-taught", "curriculum.outcome-without-competence");
        assertThat(findings).allSatisfy(f -> assertThat(f.subject()).endsWith("/outcome/LO7"));
    }

    @Test
    void item_without_outcome_fires_for_an_unmapped_question() {
        Findings findings = check(BrokenDemo.itemWithoutOutcome(demo()));

        assertThat(findings.withCode("curriculum.item-without-outcome")).singleElement()
                .satisfies(f -> assertThat(f.subject()).endsWith("/item/Q11"));
    }

    @Test
    void a_session_with_zero_minutes_and_no_method_is_reported_twice() {
        Findings findings = check(BrokenDemo.unplannedSession(demo()));

        assertThat(findings.codes()).containsExactly("curriculum.session-without-duration", "curriculum.session-without-method");
    }

    @Test
    void module_without_sessions_is_a_warning_not_an_error() {
        Findings findings = check(BrokenDemo.emptyModule(demo()));

        assertThat(findings.all()).extracting(Finding::code, Finding::severity)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("curriculum.module-without-sessions", Severity.WARNING));
    }

    @Test
    void session_outcome_outside_module_fires_when_a_session_strays_from_its_module() {
        Findings findings = check(BrokenDemo.sessionOutsideModule(demo()));

        assertThat(findings.withCode("curriculum.session-outcome-outside-module")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("'LO1'").contains("'M1'"));
    }

    @Test
    void competence_without_outcomes_fires_for_an_empty_competence() {
        assertThat(check(BrokenDemo.emptyCompetence(demo())).codes())
                .containsExactly("curriculum.competence-without-outcomes");
    }

    @Test
    void course_overrun_reports_the_shortfall_in_hours() {
        // The demo plans 24 h; 8 h of field visit and 6 h of extra lectures make 38 h against 30 h.
        Findings findings = check(BrokenDemo.overlongFieldVisit(demo()));

        assertThat(findings.withCode("curriculum.course-overrun")).extracting(Finding::message)
                .containsExactly("the sessions need 38 h but 5 days of at most 6 h give 30 h: 8 h short");
        assertThat(findings.withCode("curriculum.session-longer-than-day")).singleElement()
                .satisfies(f -> assertThat(f.subject()).endsWith("/session/M2.S9"));
    }

    @Test
    void course_overrun_prints_fractional_hours_with_a_point_whatever_the_default_locale() {
        Curriculum demo = DemoCurricula.almatyTot();
        Findings findings = CurriculumCheck.of(demo).within(new CourseFrame(4, 345)).run();

        // 24 h needed; 4 days of 5.75 h give 23 h.
        assertThat(findings.withCode("curriculum.course-overrun")).extracting(Finding::message)
                .containsExactly("the sessions need 24 h but 4 days of at most 5.75 h give 23 h: 1 h short");
    }

    @Test
    void a_course_filled_exactly_to_capacity_fits() {
        Curriculum demo = DemoCurricula.almatyTot();
        Findings findings = CurriculumCheck.of(demo).within(CourseFrame.ofHours(4, 6)).run();

        assertThat(demo.minutes()).isEqualTo(24 * 60);
        assertThat(findings.isEmpty()).isTrue();
    }

    @Test
    void feasibility_is_not_checked_without_a_course_frame() {
        Findings findings = CurriculumCheck.of(BrokenDemo.overlongFieldVisit(demo()).build()).run();

        assertThat(findings.codes()).doesNotContain("curriculum.course-overrun", "curriculum.session-longer-than-day");
    }

    @Test
    void malformed_certification_criteria_are_all_reported() {
        Findings findings = check(BrokenDemo.malformedCertification(demo()));

        // Dropping the micro-teaching task also leaves LO5 unassessed: that is reported too.
        assertThat(findings.codes()).containsExactly("curriculum.attendance-share-out-of-range",
                "curriculum.certificate-validity-not-positive", "curriculum.outcome-not-assessed",
                "curriculum.pass-mark-out-of-range", "curriculum.practice-teaching-without-task");
        assertThat(findings.withCode("curriculum.outcome-not-assessed")).singleElement()
                .satisfies(f -> assertThat(f.subject()).endsWith("/outcome/LO5"));
        assertThat(findings.withCode("curriculum.pass-mark-out-of-range")).extracting(Finding::message)
                .containsExactlyInAnyOrder("test pass mark -1 is outside the test's range 0..20 points",
                        "post-test pass mark 99 is outside the test's range 0..20 points");
    }

    @Test
    void certification_at_the_edges_of_its_ranges_is_well_formed() {
        Curriculum demo = DemoCurricula.almatyTot();
        Curriculum.Builder edges = demo.toBuilder()
                .certification(new CertificationCriteria(1.0, 20, false, Period.ofDays(1)))
                .assessment(new AssessmentBlueprint(demo.assessment().items(), 0));

        assertThat(check(edges).isEmpty()).isTrue();
    }

    @Test
    void version_bump_too_small_fires_when_a_session_is_added_in_a_patch() {
        Curriculum v1 = DemoCurricula.almatyTot();
        Curriculum patch = DemoCurricula.revisedAfterAlmaty().toBuilder().version("1.0.1").revises("1.0.0", "feedback").build();

        Findings findings = CurriculumCheck.of(patch).revising(v1).run();

        assertThat(findings.withCode("curriculum.version-bump-too-small")).singleElement()
                .satisfies(f -> assertThat(f.message()).startsWith("1.0.0 -> 1.0.1 is a patch step, but the changes need a minor step")
                        .contains("+ session M2.S7"));
    }

    @Test
    void removing_an_outcome_needs_a_minor_step_and_a_major_step_is_also_fine() {
        Curriculum v1 = DemoCurricula.almatyTot();
        Curriculum.Builder removed = BrokenDemo.demo().removeOutcome("LO6").revises("1.0.0", "LO6 moved to another package");

        assertThat(CurriculumCheck.of(removed.version("1.0.1").build()).revising(v1).run().codes())
                .contains("curriculum.version-bump-too-small");
        assertThat(CurriculumCheck.of(removed.version("1.1.0").build()).revising(v1).run().codes())
                .doesNotContain("curriculum.version-bump-too-small");
        assertThat(CurriculumCheck.of(removed.version("2.0.0").build()).revising(v1).run().codes())
                .doesNotContain("curriculum.version-bump-too-small");
    }

    @Test
    void version_not_increased_fires_when_a_changed_package_keeps_or_lowers_its_number() {
        Curriculum v1 = DemoCurricula.almatyTot();
        Curriculum v2 = DemoCurricula.revisedAfterAlmaty();

        assertThat(CurriculumCheck.of(v2.toBuilder().version("1.0.0").build()).revising(v1).run().codes())
                .contains("curriculum.version-not-increased").doesNotContain("curriculum.version-bump-too-small");
        assertThat(CurriculumCheck.of(v1).revising(v2).run().codes()).contains("curriculum.version-not-increased");
        assertThat(CurriculumCheck.of(v1).revising(v1).run().codes()).doesNotContain("curriculum.version-not-increased");
    }

    @Test
    void revision_record_fires_when_missing_or_naming_another_version() {
        Curriculum v1 = DemoCurricula.almatyTot();
        Curriculum.Builder v2 = DemoCurricula.revisedAfterAlmaty().toBuilder();

        assertThat(CurriculumCheck.of(v2.revises("0.9.0", "feedback").build()).revising(v1).run()
                .withCode("curriculum.revision-record")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("names 0.9.0").contains("revision of 1.0.0"));
        Curriculum unrecorded = new Curriculum(v1.id(), v1.title(), SemanticVersion.parse("1.1.0"), v1.languages(),
                v1.owners(), v1.targetAudience(), v1.competences(), v1.outcomes(), v1.modules(), v1.assessment(),
                v1.certification(), java.util.Optional.empty());
        assertThat(CurriculumCheck.of(unrecorded).revising(v1).run().codes()).contains("curriculum.revision-record");
    }

    @Test
    void a_check_reports_every_finding_not_only_the_first() {
        Findings findings = CurriculumCheck.of(BrokenDemo.everythingWrong()).within(DemoCurricula.FIVE_DAY_TOT).run();

        assertThat(findings.size()).isGreaterThanOrEqualTo(15);
        assertThat(findings.all()).isSortedAccordingTo(Finding.ORDER);
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "seed {0}")
    @org.junit.jupiter.params.provider.MethodSource("org.cadre.curriculum.fixtures.Seeds#seeds")
    void every_finding_speaks_the_api_words(long seed) {
        Curriculum a = org.cadre.curriculum.fixtures.RandomCurricula.wellFormed(seed);
        Curriculum edited = org.cadre.curriculum.fixtures.RandomCurricula.edited(a, seed + 1);

        org.cadre.curriculum.fixtures.ApiWords.checkFindings(CurriculumCheck.of(BrokenDemo.everythingWrong()).within(DemoCurricula.FIVE_DAY_TOT).run());
        org.cadre.curriculum.fixtures.ApiWords.checkFindings(CurriculumCheck.of(edited).within(CourseFrame.ofHours(1 + (int) (seed & 3), 6))
                .revising(a).run());
        org.cadre.curriculum.fixtures.ApiWords.check(CurriculumDiff.between(a, edited).lines());
    }
}
