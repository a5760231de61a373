package org.cadre.roster;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.cadre.curriculum.AssessmentItem;
import org.cadre.curriculum.ItemCode;
import org.cadre.curriculum.SessionCode;
import org.cadre.curriculum.fixtures.Seeds;
import org.cadre.finding.Finding;
import org.cadre.roster.fixtures.SyntheticRosters;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The event check's attendance and test rules, rewritten for speed (the marks' people and sessions
 * numbered once per check, repeated marks found person by person without a set per session; tests
 * counted in arrays; scores checked without a list per score), report exactly what the rules before them
 * reported, in the same order: the old rules are kept here word for word (as of {@code b3a1552}) and both
 * run over seeded random events with strangers' marks, sessions off the agenda, repeated marks, shuffled
 * or person-by-person order, missing and doubled tests and scores over their maximum.
 */
class AttendanceRulesReferenceTest {

    private static final List<String> CODES = List.of("attendance.not-enrolled", "attendance.unknown-session",
            "assessment.unpaired-test", "assessment.score-out-of-range");

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void reports_what_the_old_rules_reported(long seed) {
        EventRoster roster = randomEvent(seed);
        EventCheck check = EventCheck.of(roster);
        List<String> reference = reference(roster);

        // Each rule run on its own, so the order in which it reports is compared too (a check sorts).
        List<String> actual = new ArrayList<>();
        for (String code : CODES) {
            EventRule rule = EventRule.all().stream().filter(r -> r.code().equals(code)).findFirst().orElseThrow();
            rule.check(check, (subject, message) -> actual.add(code + " " + subject + ": " + message));
        }
        assertThat(actual).as("seed %d", seed).isEqualTo(reference);
    }

    @org.junit.jupiter.api.Test
    void the_random_events_hold_every_kind_of_finding_compared() {
        Set<String> kinds = new HashSet<>();
        seeds().forEach(seed -> reference(randomEvent(seed)).forEach(line -> {
            for (String kind : List.of("who is not enrolled", "which is not on the agenda", "is recorded more than once",
                    "but no pre-test", "but no post-test", "one of each is expected", "not a test question", "whose maximum is")) {
                if (line.contains(kind)) {
                    kinds.add(kind);
                }
            }
        }));
        assertThat(kinds).hasSize(8);
    }

    static java.util.stream.LongStream seeds() {
        return Seeds.seeds(200);
    }

    private static String line(Finding f) {
        return f.code() + " " + f.subject() + ": " + f.message();
    }

    private static EventRoster randomEvent(long seed) {
        Random rnd = new Random(seed);
        EventRoster base = SyntheticRosters.event(seed, 2 + rnd.nextInt(rnd.nextInt(8) == 0 ? 300 : 40), 1 + rnd.nextInt(15));
        List<PersonId> people = new ArrayList<>(base.people().keySet());
        for (int s = rnd.nextInt(4); s > 0; s--) {
            people.add(PersonId.of("stranger-" + s)); // marks and tests of people not enrolled
        }
        List<SessionCode> sessions = base.event().agenda().stream().map(AgendaSlot::session).distinct()
                .collect(Collectors.toCollection(ArrayList::new));
        for (int s = rnd.nextInt(3); s > 0; s--) {
            sessions.add(SessionCode.of("off-agenda-" + s));
        }
        List<Attendance> marks = new ArrayList<>();
        boolean byPerson = rnd.nextBoolean();
        int perPerson = 1 + rnd.nextInt(2 * sessions.size());
        for (PersonId p : people) {
            for (int k = rnd.nextInt(perPerson + 1); k > 0; k--) {
                marks.add(new Attendance(p, sessions.get(rnd.nextInt(sessions.size())),
                        AttendanceMark.values()[rnd.nextInt(AttendanceMark.values().length)]));
            }
        }
        if (!byPerson) {
            Collections.shuffle(marks, rnd);
        }
        List<AssessmentItem> items = base.curriculum().assessment().items();
        List<TestScore> tests = new ArrayList<>();
        for (PersonId p : people) {
            for (int k = rnd.nextInt(4); k > 0; k--) {
                Map<ItemCode, Integer> points = new LinkedHashMap<>();
                for (AssessmentItem item : items) {
                    if (rnd.nextInt(3) > 0) {
                        points.put(item.code(), rnd.nextInt(item.maxPoints() + (rnd.nextInt(10) == 0 ? 3 : 1)));
                    }
                }
                if (rnd.nextInt(20) == 0) {
                    points.put(ItemCode.of("unknown-" + rnd.nextInt(3)), 1);
                }
                tests.add(new TestScore(p, TestScore.Phase.values()[rnd.nextInt(2)], ImmutableMap.copyOf(points)));
            }
        }
        if (rnd.nextBoolean()) {
            Collections.shuffle(tests, rnd);
        }
        return base.toBuilder().replaceAttendance(marks).replaceTests(tests).build();
    }

    /** The four rules as they were at {@code b3a1552}, writing each finding as {@link #line} does. */
    private static List<String> reference(EventRoster roster) {
        EventCheck in = EventCheck.of(roster);
        List<String> out = new ArrayList<>();
        // attendance.not-enrolled
        Set<PersonId> enrolled = in.roster().enrolments().stream().map(Enrolment::person).collect(Collectors.toSet());
        in.roster().attendance().stream().map(Attendance::person).distinct().filter(p -> !enrolled.contains(p))
                .forEach(p -> out.add("attendance.not-enrolled " + in.subject("attendance", p) + ": attendance is recorded for " + p
                        + ", who is not enrolled in the event"));
        // attendance.unknown-session
        Map<SessionCode, Set<PersonId>> seen = new HashMap<>();
        for (Attendance a : in.roster().attendance()) {
            if (!in.onAgenda().contains(a.session())) {
                out.add("attendance.unknown-session " + in.subject("attendance", a.person()) + ": attendance is recorded for session "
                        + a.session() + ", which is not on the agenda");
            } else if (!seen.computeIfAbsent(a.session(), s -> new HashSet<>()).add(a.person())) {
                out.add("attendance.unknown-session " + in.subject("attendance", a.person()) + ": attendance for session " + a.session()
                        + " is recorded more than once");
            }
        }
        // assessment.unpaired-test
        Map<PersonId, Map<TestScore.Phase, Integer>> counts = new TreeMap<>();
        for (TestScore t : in.roster().tests()) {
            counts.computeIfAbsent(t.person(), p -> new HashMap<>()).merge(t.phase(), 1, Integer::sum);
        }
        counts.forEach((person, phases) -> {
            int pre = phases.getOrDefault(TestScore.Phase.PRE, 0);
            int post = phases.getOrDefault(TestScore.Phase.POST, 0);
            String prefix = "assessment.unpaired-test " + in.subject("test", person) + ": ";
            if (pre == 0 || post == 0) {
                out.add(prefix + "has a " + (pre == 0 ? "post-test but no pre-test" : "pre-test but no post-test"));
            } else if (pre > 1 || post > 1) {
                out.add(prefix + "has " + pre + " pre-tests and " + post + " post-tests; one of each is expected");
            }
        });
        // assessment.score-out-of-range (tests; the practice part is unchanged)
        Map<ItemCode, AssessmentItem> items = new HashMap<>();
        in.roster().curriculum().assessment().items().forEach(i -> items.putIfAbsent(i.code(), i));
        for (TestScore t : in.roster().tests()) {
            t.points().forEach((item, points) -> {
                AssessmentItem known = items.get(item);
                String prefix = "assessment.score-out-of-range " + in.subject("test", t.person()) + ": ";
                if (known == null || known.kind() != org.cadre.curriculum.ItemKind.TEST_QUESTION) {
                    out.add(prefix + "scores " + item + ", which is not a test question of the blueprint");
                } else if (points > known.maxPoints()) {
                    out.add(prefix + "scores " + points + " on " + item + ", whose maximum is " + known.maxPoints());
                }
            });
        }
        for (PracticeTeaching p : in.roster().practice()) {
            ScoreLimits.of(p, in.roster().rubric()).forEach(f -> out.add(line(f)));
        }
        return out;
    }
}
