package org.cadre.roster;

import com.google.common.collect.ImmutableList;
import org.cadre.curriculum.ItemCode;
import org.cadre.kernel.Require;

/**
 * How a practical task (micro-teaching) is scored: criteria with their points, and the total needed to
 * pass. The criteria's points add up to the task's points in the assessment blueprint.
 */
public record Rubric(ItemCode task, ImmutableList<Criterion> criteria, int passMark) {

    public Rubric {
        Require.present(task, "Rubric.task");
        criteria = Require.list(criteria, "Rubric.criteria");
        Require.that(!criteria.isEmpty(), "Rubric.criteria", "must hold at least one criterion");
        Require.that(criteria.stream().map(Criterion::name).distinct().count() == criteria.size(), "Rubric.criteria",
                "must name each criterion once");
        Require.inRange(passMark, 0, criteria.stream().mapToInt(Criterion::maxPoints).sum(), "Rubric.passMark");
    }

    public int maxPoints() {
        return criteria.stream().mapToInt(Criterion::maxPoints).sum();
    }

    /** One scored aspect of a practice session, such as "use of participatory methods". */
    /** The most points one criterion gives. */
    public static final int MAX_POINTS = 1000;

    public record Criterion(String name, int maxPoints) {
        public Criterion {
            name = Require.text(name, "Rubric.Criterion.name");
            Require.inRange(maxPoints, 1, MAX_POINTS, "Rubric.Criterion.maxPoints");
        }
    }
}
