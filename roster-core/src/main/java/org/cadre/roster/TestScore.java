package org.cadre.roster;

import com.google.common.collect.ImmutableMap;
import java.util.Map;
import org.cadre.curriculum.ItemCode;
import org.cadre.kernel.Require;

/**
 * One participant's knowledge test, taken before the course ({@link Phase#PRE}) or after it
 * ({@link Phase#POST}), scored per test question so knowledge gain can be shown per learning outcome.
 */
public record TestScore(PersonId person, Phase phase, ImmutableMap<ItemCode, Integer> points) {

    /**
     * Checks the score on its own; whether it names the blueprint's questions within their points is
     * {@link ScoreLimits} and {@link EventRule#SCORE_OUT_OF_RANGE}.
     *
     * @param person who took the test
     * @param phase before or after the course
     * @param points points per test question; none negative; copied
     * @throws IllegalArgumentException if a value is missing or a score negative
     */
    public TestScore {
        Require.present(person, "TestScore.person");
        Require.present(phase, "TestScore.phase");
        points = ImmutableMap.copyOf(Require.present(points, "TestScore.points"));
        points.forEach((item, p) -> Require.nonNegative(p, "TestScore.points[" + item + "]"));
    }

    /**
     * A test score from a plain map.
     *
     * @param person who took the test
     * @param phase before or after the course
     * @param points points per test question; none negative
     * @return the score
     * @throws IllegalArgumentException if a value is missing or a score negative
     */
    public static TestScore of(PersonId person, Phase phase, Map<ItemCode, Integer> points) {
        return new TestScore(person, phase, ImmutableMap.copyOf(points));
    }

    /** {@return the points of every question together} */
    public int total() {
        return points.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Before or after the course. */
    public enum Phase {
        /** Taken at the start, before any session. */
        PRE,
        /** Taken at the end; certification counts it. */
        POST
    }
}
