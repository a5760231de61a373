package org.cadre.roster;

import com.google.common.collect.ImmutableList;
import org.cadre.curriculum.ItemCode;
import org.cadre.kernel.Require;

/**
 * How a practical task (micro-teaching) is scored: criteria with their points, and the total needed to
 * pass. The criteria's points add up to the task's points in the assessment blueprint.
 */
public record Rubric(ItemCode task, ImmutableList<Criterion> criteria, int passMark) {

    /**
     * Checks the rubric.
     *
     * @param task the package's practical task it scores, such as {@code P1}
     * @param criteria the scored aspects, each named once; at least one; copied
     * @param passMark the total needed to pass, 0 to the criteria's points together
     * @throws IllegalArgumentException if a value is missing, there is no criterion, a name repeats or the
     *     pass mark is out of range
     */
    public Rubric {
        Require.present(task, "Rubric.task");
        criteria = Require.list(criteria, "Rubric.criteria");
        Require.that(!criteria.isEmpty(), "Rubric.criteria", "must hold at least one criterion");
        Require.that(criteria.stream().map(Criterion::name).distinct().count() == criteria.size(), "Rubric.criteria",
                "must name each criterion once");
        Require.inRange(passMark, 0, criteria.stream().mapToInt(Criterion::maxPoints).sum(), "Rubric.passMark");
    }

    /**
     * A rubric from its criteria.
     *
     * @param task the package's practical task it scores
     * @param passMark the total needed to pass
     * @param criteria the scored aspects, in order
     * @return the rubric
     * @throws IllegalArgumentException if there is no criterion, a name repeats or the pass mark is out of range
     */
    public static Rubric of(ItemCode task, int passMark, Criterion... criteria) {
        return new Rubric(task, ImmutableList.copyOf(Require.list(java.util.Arrays.asList(criteria), "Rubric.criteria")),
                passMark);
    }

    /** {@return the most points the rubric gives: its criteria's points together} */
    public int maxPoints() {
        return criteria.stream().mapToInt(Criterion::maxPoints).sum();
    }

    /** The most points one criterion gives. */
    public static final int MAX_POINTS = 1000;

    /**
     * One scored aspect of a practice session, such as "use of participatory methods".
     *
     * @param name the aspect, unique within the rubric
     * @param maxPoints the most it gives
     */
    public record Criterion(String name, int maxPoints) {
        /**
         * Checks the criterion.
         *
         * @param name the aspect; not blank, stripped
         * @param maxPoints the most it gives, 1 to {@value Rubric#MAX_POINTS}
         * @throws IllegalArgumentException if the name is blank or the points out of range
         */
        public Criterion {
            name = Require.text(name, "Rubric.Criterion.name");
            Require.inRange(maxPoints, 1, MAX_POINTS, "Rubric.Criterion.maxPoints");
        }
    }
}
