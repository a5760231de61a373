package org.cadre.curriculum;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.cadre.finding.Findings;
import org.cadre.finding.Rule;
import org.cadre.kernel.Require;

/**
 * Checks one curriculum version against every {@link CurriculumRule} and returns all findings.
 *
 * <pre>{@code
 * Findings findings = CurriculumCheck.of(v2)
 *         .within(CourseFrame.ofHours(5, 6))   // optional: does it fit five days of six hours?
 *         .revising(v1)                         // optional: is the version step right?
 *         .run();
 * }</pre>
 *
 * The rules see this object, which also holds the look-ups they share, computed once (so a check is
 * linear in the size of the curriculum).
 */
public final class CurriculumCheck {

    private final Curriculum curriculum;
    private final Optional<CourseFrame> course;
    private final Optional<Curriculum> previous;
    private final ImmutableSet<OutcomeCode> definedOutcomes;
    private final ImmutableMap<ModuleCode, Module> modulesByCode;
    private final com.google.common.base.Supplier<Optional<CurriculumDiff>> diff;

    private CurriculumCheck(Curriculum curriculum, Optional<CourseFrame> course, Optional<Curriculum> previous) {
        this.curriculum = Require.present(curriculum, "curriculum");
        this.course = course;
        this.previous = previous;
        this.definedOutcomes = curriculum.outcomes().stream().map(LearningOutcome::code)
                .collect(ImmutableSet.toImmutableSet());
        Map<ModuleCode, Module> modules = new LinkedHashMap<>();
        curriculum.modules().forEach(m -> modules.putIfAbsent(m.code(), m));
        this.modulesByCode = ImmutableMap.copyOf(modules);
        this.diff = com.google.common.base.Suppliers.memoize(() -> previous.map(p -> CurriculumDiff.between(p, curriculum)));
    }

    /**
     * A check of the curriculum on its own.
     *
     * @param curriculum the version to check
     * @return the check, ready to {@link #run()}
     */
    public static CurriculumCheck of(Curriculum curriculum) {
        return new CurriculumCheck(curriculum, Optional.empty(), Optional.empty());
    }

    /**
     * Also checks that the planned sessions fit the course frame.
     *
     * @param frame the days and daily contact time the course offers
     * @return a new check; this one is unchanged
     */
    public CurriculumCheck within(CourseFrame frame) {
        return new CurriculumCheck(curriculum, Optional.of(Require.present(frame, "frame")), previous);
    }

    /**
     * Also checks this version as a revision of {@code earlier} (version step, revision record).
     *
     * @param earlier the version this one revises
     * @return a new check; this one is unchanged
     */
    public CurriculumCheck revising(Curriculum earlier) {
        return new CurriculumCheck(curriculum, course, Optional.of(Require.present(earlier, "earlier")));
    }

    /**
     * Runs every rule; never stops at the first finding.
     *
     * @return every finding, errors first; empty when the package is sound
     */
    public Findings run() {
        return Rule.checkAll(CurriculumRule.all(), this);
    }

    /** {@return the version checked} */
    public Curriculum curriculum() {
        return curriculum;
    }

    /** {@return the course frame to fit, if one was given} */
    public Optional<CourseFrame> course() {
        return course;
    }

    /** {@return the version this one revises, if one was given} */
    public Optional<Curriculum> previous() {
        return previous;
    }

    /** What changed since the previous version, computed once for the rules that need it. */
    Optional<CurriculumDiff> diffFromPrevious() {
        return diff.get();
    }

    ImmutableSet<OutcomeCode> definedOutcomes() {
        return definedOutcomes;
    }

    ImmutableMap<ModuleCode, Module> modulesByCode() {
        return modulesByCode;
    }

    Stream<Session> sessions() {
        return curriculum.sessions();
    }

    String subject(String kind, Object code) {
        return curriculum.subject() + "/" + kind + "/" + code;
    }
}
