package org.cadre.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cadre.curriculum.ItemCode;
import org.cadre.roster.EventId;
import org.cadre.roster.PracticeTeaching;
import org.cadre.roster.TestScore;
import org.cadre.roster.demo.DemoRoster;
import org.cadre.server.store.TestDatabases.Kind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The audit log says whose test or practice-teaching result changed, and its points before and after (the
 * attacker's review of issue 16: they were logged as "26 tests", so a changed score could not be traced).
 */
class AssessmentAuditTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2023-10-28T08:00:00Z"), ZoneOffset.UTC);
    private static final EventId EVENT = DemoRoster.ALMATY_TOT;

    static List<Kind> kinds() {
        return TestDatabases.kinds();
    }

    private static List<AuditLog.Entry> entries(Database db, AuditLog audit, String action) {
        return audit.of(db, "event", EVENT.value()).stream().filter(e -> e.action().equals(action)).toList();
    }

    private static int sum(Map<?, Integer> points) {
        return points.values().stream().mapToInt(Integer::intValue).sum();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void a_changed_test_is_logged_with_its_person_phase_and_points_before_and_after(Kind kind) throws Exception {
        try (Database db = TestDatabases.fresh(kind)) {
            AuditLog audit = new AuditLog(CLOCK);
            DemoData.load(db, audit);
            Assessments assessments = new Assessments(db, audit);
            List<TestScore> stored = assessments.tests(EVENT).stream().filter(t -> t.phase() == TestScore.Phase.POST).limit(2).toList();
            int logged = entries(db, audit, "tests").size();

            // The first one's first item scores one point more (or less, when full); the second is sent as stored.
            TestScore first = stored.get(0);
            Map<ItemCode, Integer> points = new LinkedHashMap<>(first.points());
            ItemCode item = points.keySet().iterator().next();
            points.put(item, points.get(item) == 0 ? 1 : points.get(item) - 1);
            TestScore changed = TestScore.of(first.person(), TestScore.Phase.POST, points);
            assessments.recordTests(EVENT, List.of(changed, stored.get(1)), "trainer");

            AuditLog.Entry entry = entries(db, audit, "tests").get(logged);
            assertThat(entry.actor()).isEqualTo("trainer");
            assertThat(entry.oldValue()).isEqualTo(first.person().value() + " post " + sum(first.points()) + " points");
            assertThat(entry.newValue()).isEqualTo(first.person().value() + " post " + sum(points) + " points");

            assessments.recordTests(EVENT, List.of(changed, stored.get(1)), "trainer");
            AuditLog.Entry again = entries(db, audit, "tests").get(logged + 1);
            assertThat(again.oldValue()).isNull();
            assertThat(again.newValue()).isEqualTo("2 tests, none changed");

            // A test recorded for the first time: nothing before it.
            TestScore pre = assessments.tests(EVENT).stream().filter(t -> t.phase() == TestScore.Phase.PRE).findFirst().orElseThrow();
            db.dsl().deleteFrom(org.cadre.server.store.schema.Tables.TEST_SCORE)
                    .where(org.cadre.server.store.schema.Tables.TEST_SCORE.PERSON_ID.eq(pre.person().value()))
                    .and(org.cadre.server.store.schema.Tables.TEST_SCORE.PHASE.eq("PRE")).execute();
            assessments.recordTests(EVENT, List.of(pre), "trainer");
            AuditLog.Entry fresh = entries(db, audit, "tests").get(logged + 2);
            assertThat(fresh.oldValue()).isEqualTo("none");
            assertThat(fresh.newValue()).isEqualTo(pre.person().value() + " pre " + sum(pre.points()) + " points");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void a_changed_practice_result_is_logged_with_its_person_task_and_points_before_and_after(Kind kind) throws Exception {
        try (Database db = TestDatabases.fresh(kind)) {
            AuditLog audit = new AuditLog(CLOCK);
            DemoData.load(db, audit);
            Assessments assessments = new Assessments(db, audit);
            List<PracticeTeaching> stored = assessments.practice(EVENT);
            int logged = entries(db, audit, "practice").size();

            PracticeTeaching first = stored.get(0);
            Map<String, Integer> scores = new LinkedHashMap<>(first.scores());
            String criterion = scores.keySet().iterator().next();
            scores.put(criterion, scores.get(criterion) == 0 ? 1 : scores.get(criterion) - 1);
            assessments.recordPractice(EVENT, List.of(PracticeTeaching.of(first.person(), first.task(), scores, first.assessor())), "trainer");

            AuditLog.Entry entry = entries(db, audit, "practice").get(logged);
            String result = first.person().value() + " " + first.task().value();
            assertThat(entry.oldValue()).isEqualTo(result + " " + sum(first.scores()) + " points");
            assertThat(entry.newValue()).isEqualTo(result + " " + sum(scores) + " points");
        }
    }

    @org.junit.jupiter.api.Test
    void a_long_list_of_changes_is_split_into_entries_the_column_can_hold() {
        List<String[]> items = new java.util.ArrayList<>();
        for (int i = 0; i < 400; i++) {
            items.add(new String[] {i % 2 == 0 ? null : "p-" + i + " post 3 points", "p-" + i + " post 4 points"});
        }
        List<AuditLog.Change> changes = AuditLog.listed("tests", "event", "e", "", items, "none");
        assertThat(changes).hasSizeGreaterThan(1);
        assertThat(changes).allSatisfy(c -> {
            assertThat(c.oldValue().length()).isLessThanOrEqualTo(AuditLog.MAX_VALUE);
            assertThat(c.newValue().length()).isLessThanOrEqualTo(AuditLog.MAX_VALUE);
        });
        assertThat(String.join(", ", changes.stream().map(AuditLog.Change::newValue).toList()).split(", ")).hasSize(400);
        assertThat(String.join(", ", changes.stream().map(AuditLog.Change::oldValue).toList())).startsWith("none, p-1 post 3 points");
        assertThat(AuditLog.listed("tests", "event", "e", "", List.of(), "2 tests, none changed"))
                .containsExactly(new AuditLog.Change("tests", "event", "e", null, "2 tests, none changed"));
    }
}
