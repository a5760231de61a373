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

    public TestScore {
        Require.present(person, "TestScore.person");
        Require.present(phase, "TestScore.phase");
        points = ImmutableMap.copyOf(Require.present(points, "TestScore.points"));
        points.forEach((item, p) -> Require.nonNegative(p, "TestScore.points[" + item + "]"));
    }

    public static TestScore of(PersonId person, Phase phase, Map<ItemCode, Integer> points) {
        return new TestScore(person, phase, ImmutableMap.copyOf(points));
    }

    public int total() {
        return points.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Before or after the course. */
    public enum Phase {
        PRE,
        POST
    }
}
