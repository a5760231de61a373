package org.cadre.roster;

import com.google.common.collect.ImmutableMap;
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

    public PracticeTeaching {
        Require.present(person, "PracticeTeaching.person");
        Require.present(task, "PracticeTeaching.task");
        scores = ImmutableMap.copyOf(Require.present(scores, "PracticeTeaching.scores"));
        scores.forEach((criterion, p) -> Require.nonNegative(p, "PracticeTeaching.scores[" + criterion + "]"));
        Require.present(assessor, "PracticeTeaching.assessor");
    }

    public int total() {
        return scores.values().stream().mapToInt(Integer::intValue).sum();
    }

    public boolean passes(Rubric rubric) {
        return total() >= rubric.passMark();
    }
}
