package org.cadre.curriculum;

import com.google.common.collect.ImmutableSet;
import java.util.Arrays;
import org.cadre.kernel.Require;

/**
 * One item of the assessment blueprint.
 *
 * @param kind a pre/post test question or a practical task
 * @param prompt the question or task as given to participants
 * @param outcomes the learning outcomes the item assesses
 * @param maxPoints the most a participant can score on it
 */
public record AssessmentItem(ItemCode code, ItemKind kind, String prompt, ImmutableSet<OutcomeCode> outcomes,
        int maxPoints) {

    /**
     * Checks the item on its own; whether its outcomes exist is a rule finding
     * ({@link CurriculumRule#UNKNOWN_OUTCOME}).
     *
     * @param code the item's code, unique within the package
     * @param kind a pre/post test question or a practical task
     * @param prompt the question or task as given to participants; not blank, stripped
     * @param outcomes the learning outcomes the item assesses; copied
     * @param maxPoints the most a participant can score on it; positive
     * @throws IllegalArgumentException if a value is missing, the prompt is blank or the points are not positive
     */
    public AssessmentItem {
        Require.present(code, "AssessmentItem.code");
        Require.present(kind, "AssessmentItem.kind");
        prompt = Require.text(prompt, "AssessmentItem.prompt");
        outcomes = Require.set(outcomes, "AssessmentItem.outcomes");
        Require.positive(maxPoints, "AssessmentItem.maxPoints");
    }

    /**
     * A question of the knowledge test, asked before the course and again after it.
     *
     * @param code the item's code, such as {@code Q1}
     * @param prompt the question as asked
     * @param maxPoints the most a participant can score on it; positive
     * @param outcomes codes of the learning outcomes it assesses
     * @return the question
     * @throws IllegalArgumentException if a code is malformed, the prompt blank or the points not positive
     */
    public static AssessmentItem question(String code, String prompt, int maxPoints, String... outcomes) {
        return new AssessmentItem(ItemCode.of(code), ItemKind.TEST_QUESTION, prompt, codes(outcomes), maxPoints);
    }

    /**
     * A practical task, such as micro-teaching, scored by a trainer against a rubric.
     *
     * @param code the item's code, such as {@code P1}
     * @param prompt the task as set
     * @param maxPoints the most a participant can score on it; positive
     * @param outcomes codes of the learning outcomes it assesses
     * @return the task
     * @throws IllegalArgumentException if a code is malformed, the prompt blank or the points not positive
     */
    public static AssessmentItem task(String code, String prompt, int maxPoints, String... outcomes) {
        return new AssessmentItem(ItemCode.of(code), ItemKind.PRACTICAL_TASK, prompt, codes(outcomes), maxPoints);
    }

    private static ImmutableSet<OutcomeCode> codes(String... outcomes) {
        return Arrays.stream(outcomes).map(OutcomeCode::of).collect(ImmutableSet.toImmutableSet());
    }
}
