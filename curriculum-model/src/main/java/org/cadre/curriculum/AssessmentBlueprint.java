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

    /**
     * Copies the items. Whether the pass mark lies within the test's points is a rule finding, not a
     * refusal, so a package with a typo is reported in full.
     *
     * @param items the test questions and practical tasks, in the order they are given
     * @param passMark points on the knowledge test needed to pass
     * @throws IllegalArgumentException if {@code items} is missing or holds a null
     */
    public AssessmentBlueprint {
        items = Require.list(items, "AssessmentBlueprint.items");
    }

    /**
     * A blueprint of the given items.
     *
     * @param passMark points on the knowledge test needed to pass
     * @param items the test questions and practical tasks, in the order they are given
     * @return the blueprint
     */
    public static AssessmentBlueprint of(int passMark, AssessmentItem... items) {
        return new AssessmentBlueprint(ImmutableList.copyOf(items), passMark);
    }

    /**
     * The most points one can score on the knowledge (pre/post) test: the sum of the test questions'
     * points; practical tasks are scored apart.
     *
     * @return the knowledge test's maximum, 0 when the blueprint has no test question
     */
    public int testMaxPoints() {
        return items.stream().filter(i -> i.kind() == ItemKind.TEST_QUESTION).mapToInt(AssessmentItem::maxPoints).sum();
    }

    /**
     * The items of one kind, in blueprint order.
     *
     * @param kind test questions or practical tasks
     * @return those items; empty if there are none
     */
    public ImmutableList<AssessmentItem> itemsOf(ItemKind kind) {
        return items.stream().filter(i -> i.kind() == kind).collect(ImmutableList.toImmutableList());
    }
}
