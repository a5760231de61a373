package org.cadre.roster;

import com.google.common.collect.ImmutableList;
import org.cadre.finding.Finding;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.cadre.curriculum.AssessmentItem;
import org.cadre.curriculum.Curriculum;
import org.cadre.curriculum.ItemKind;
import org.cadre.curriculum.ItemCode;

/**
 * What a score may name and how high it may go, one record at a time: a test score scores test questions
 * of the package's blueprint within their points, a practice-teaching score scores the event's rubric
 * criteria within theirs. {@link EventRule#SCORE_OUT_OF_RANGE} reports these over a whole roster; a
 * recording tool asks before it stores a score.
 */
public final class ScoreLimits {

    private ScoreLimits() {}

    /**
     * Why the test score does not fit the package's blueprint.
     *
     * @param score a test score
     * @param curriculum the package version tested
     * @return one finding of {@link EventRule#SCORE_OUT_OF_RANGE} about {@code test/<person>} per problem (an item
     *     that is not a test question, points over its maximum); empty when it fits
     */
    public static ImmutableList<Finding> of(TestScore score, Curriculum curriculum) {
        return of(score, items(curriculum));
    }

    /** The blueprint's items by code (the first of a code), to check many scores against. */
    static Map<ItemCode, AssessmentItem> items(Curriculum curriculum) {
        Map<ItemCode, AssessmentItem> items = new HashMap<>();
        curriculum.assessment().items().forEach(i -> items.putIfAbsent(i.code(), i));
        return items;
    }

    /** As {@link #of(TestScore, Curriculum)}, with the blueprint's {@link #items} read once. */
    static ImmutableList<Finding> of(TestScore score, Map<ItemCode, AssessmentItem> items) {
        String subject = "test/" + score.person();
        ImmutableList.Builder<Finding> problems = ImmutableList.builder();
        problems(score, items, message -> problems.add(EventRule.SCORE_OUT_OF_RANGE.finding(subject, message)));
        return problems.build();
    }

    /**
     * The messages of {@link #of(TestScore, Map)}, in the same order, without building a finding or a
     * list for the scores that fit (nearly all of a roster's).
     */
    static void problems(TestScore score, Map<ItemCode, AssessmentItem> items, Consumer<String> messages) {
        score.points().forEach((item, points) -> {
            AssessmentItem known = items.get(item);
            if (known == null || known.kind() != ItemKind.TEST_QUESTION) {
                messages.accept("scores " + item + ", which is not a test question of the blueprint");
            } else if (points > known.maxPoints()) {
                messages.accept("scores " + points + " on " + item + ", whose maximum is " + known.maxPoints());
            }
        });
    }

    /**
     * Why the practice-teaching score does not fit the event's rubric (or its absence).
     *
     * @param practice a practice-teaching score
     * @param rubric the event's rubric, if it has one
     * @return one finding of {@link EventRule#SCORE_OUT_OF_RANGE} about {@code practice/<person>} per problem (a task
     *     the rubric does not score, no rubric, criteria it lacks, points over a criterion's maximum); empty when it fits
     */
    public static ImmutableList<Finding> of(PracticeTeaching practice, Optional<Rubric> rubric) {
        return ImmutableList.<Finding>builder().addAll(ofTask(practice, rubric).stream().toList()).addAll(ofScores(practice, rubric)).build();
    }

    /**
     * Why the practice-teaching score's task is not the one the event's rubric scores, if it is not: the rubric scores one
     * practical task, and a result for another would be stored where nobody reads it.
     *
     * @param practice a practice-teaching score
     * @param rubric the event's rubric, if it has one (without one, see {@link #ofScores})
     * @return the finding of {@link EventRule#SCORE_OUT_OF_RANGE} about {@code practice/<person>}, or empty
     */
    public static Optional<Finding> ofTask(PracticeTeaching practice, Optional<Rubric> rubric) {
        return rubric.filter(r -> !practice.task().equals(r.task())).map(r -> EventRule.SCORE_OUT_OF_RANGE.finding(
                "practice/" + practice.person(), "scores task " + practice.task() + ", which is not the rubric's task " + r.task()));
    }

    /**
     * Why the practice-teaching score's points do not fit the event's rubric (or its absence), its task aside.
     *
     * @param practice a practice-teaching score
     * @param rubric the event's rubric, if it has one
     * @return one finding of {@link EventRule#SCORE_OUT_OF_RANGE} about {@code practice/<person>} per problem (no
     *     rubric, criteria it lacks, points over a criterion's maximum); empty when they fit
     */
    public static ImmutableList<Finding> ofScores(PracticeTeaching practice, Optional<Rubric> rubric) {
        String subject = "practice/" + practice.person();
        if (rubric.isEmpty()) {
            return ImmutableList.of(EventRule.SCORE_OUT_OF_RANGE.finding(subject, "practice teaching is scored but the event has no rubric"));
        }
        Map<String, Integer> max = new HashMap<>();
        rubric.get().criteria().forEach(c -> max.putIfAbsent(c.name(), c.maxPoints()));
        ImmutableList.Builder<Finding> problems = ImmutableList.builder();
        // A criterion the rubric lacks is counted, not named: its name is what a client typed (a person's name, perhaps),
        // and an error never repeats free text sent.
        long unknown = practice.scores().keySet().stream().filter(criterion -> !max.containsKey(criterion)).count();
        if (unknown > 0) {
            problems.add(EventRule.SCORE_OUT_OF_RANGE.finding(subject, "scores " + (unknown == 1 ? "a criterion" : unknown + " criteria")
                    + " the rubric does not have (of its " + rubric.get().criteria().size() + ")"));
        }
        practice.scores().forEach((criterion, points) -> {
            if (max.containsKey(criterion) && points > max.get(criterion)) {
                problems.add(EventRule.SCORE_OUT_OF_RANGE.finding(subject, "scores " + points + " on '" + criterion + "', whose maximum is "
                        + max.get(criterion)));
            }
        });
        return problems.build();
    }
}
