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

    public AssessmentItem {
        Require.present(code, "AssessmentItem.code");
        Require.present(kind, "AssessmentItem.kind");
        prompt = Require.text(prompt, "AssessmentItem.prompt");
        outcomes = Require.set(outcomes, "AssessmentItem.outcomes");
        Require.positive(maxPoints, "AssessmentItem.maxPoints");
    }

    public static AssessmentItem question(String code, String prompt, int maxPoints, String... outcomes) {
        return new AssessmentItem(ItemCode.of(code), ItemKind.TEST_QUESTION, prompt, codes(outcomes), maxPoints);
    }

    public static AssessmentItem task(String code, String prompt, int maxPoints, String... outcomes) {
        return new AssessmentItem(ItemCode.of(code), ItemKind.PRACTICAL_TASK, prompt, codes(outcomes), maxPoints);
    }

    private static ImmutableSet<OutcomeCode> codes(String... outcomes) {
        return Arrays.stream(outcomes).map(OutcomeCode::of).collect(ImmutableSet.toImmutableSet());
    }
}
