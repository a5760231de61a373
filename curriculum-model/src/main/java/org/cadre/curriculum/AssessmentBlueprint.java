package org.cadre.curriculum;

import com.google.common.collect.ImmutableList;
import org.cadre.kernel.Require;

/**
 * What is assessed and how: the items (test questions asked before and after the course, practical
 * tasks) and the pass mark of the knowledge test.
 *
 * @param passMark points on the knowledge test (the sum of the test questions' points) needed to pass;
 *     checked against that range by {@link CurriculumRule#PASS_MARK_OUT_OF_RANGE}
 */
public record AssessmentBlueprint(ImmutableList<AssessmentItem> items, int passMark) {

    public AssessmentBlueprint {
        items = Require.list(items, "AssessmentBlueprint.items");
    }

    public static AssessmentBlueprint of(int passMark, AssessmentItem... items) {
        return new AssessmentBlueprint(ImmutableList.copyOf(items), passMark);
    }

    /** The most points one can score on the knowledge (pre/post) test. */
    public int testMaxPoints() {
        return items.stream().filter(i -> i.kind() == ItemKind.TEST_QUESTION).mapToInt(AssessmentItem::maxPoints).sum();
    }

    public ImmutableList<AssessmentItem> itemsOf(ItemKind kind) {
        return items.stream().filter(i -> i.kind() == kind).collect(ImmutableList.toImmutableList());
    }
}
