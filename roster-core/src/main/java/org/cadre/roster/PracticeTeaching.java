package org.cadre.roster;

import com.google.common.collect.ImmutableMap;
import java.util.Map;
import java.util.Optional;
import org.cadre.curriculum.ItemCode;
import org.cadre.kernel.Require;

/**
 * A participant's practice teaching (micro-teaching), scored against the event's {@link Rubric}.
 *
 * @param scores points per rubric criterion, by criterion name
 * @param assessor the trainer who scored it, if recorded
 */
public record PracticeTeaching(PersonId person, ItemCode task, ImmutableMap<String, Integer> scores,
        Optional<PersonId> assessor) {

    /**
     * Checks the score on its own; whether it names the rubric's criteria within their points is
     * {@link ScoreLimits} and {@link EventRule#SCORE_OUT_OF_RANGE}.
     *
     * @param person who taught
     * @param task the package's practical task, such as {@code P1}
     * @param scores points per rubric criterion, by criterion name; none negative; copied
     * @param assessor the trainer who scored it, if recorded
     * @throws IllegalArgumentException if a value is missing or a score negative
     */
    public PracticeTeaching {
        Require.present(person, "PracticeTeaching.person");
        Require.present(task, "PracticeTeaching.task");
        scores = ImmutableMap.copyOf(Require.present(scores, "PracticeTeaching.scores"));
        scores.forEach((criterion, p) -> Require.nonNegative(p, "PracticeTeaching.scores[" + criterion + "]"));
        Require.present(assessor, "PracticeTeaching.assessor");
    }

    /**
     * A score from a plain map.
     *
     * @param person who taught
     * @param task the package's practical task
     * @param scores points per rubric criterion, by criterion name; none negative
     * @param assessor the trainer who scored it, if recorded
     * @return the score
     * @throws IllegalArgumentException if a value is missing or a score negative
     */
    public static PracticeTeaching of(PersonId person, ItemCode task, Map<String, Integer> scores,
            Optional<PersonId> assessor) {
        return new PracticeTeaching(person, task, ImmutableMap.copyOf(Require.present(scores, "PracticeTeaching.scores")),
                assessor);
    }

    /** {@return the points of every criterion together} */
    public int total() {
        return scores.values().stream().mapToInt(Integer::intValue).sum();
    }

    /**
     * Whether the score reaches the rubric's pass mark.
     *
     * @param rubric the event's rubric
     * @return whether the total is at least its pass mark
     */
    public boolean passes(Rubric rubric) {
        return total() >= rubric.passMark();
    }
}
