package org.cadre.server.store;

import static org.cadre.server.store.schema.Tables.PRACTICE_SCORE;
import static org.cadre.server.store.schema.Tables.RUBRIC_CRITERION;
import static org.cadre.server.store.schema.Tables.TEST_SCORE;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cadre.curriculum.ItemCode;
import org.cadre.roster.EventId;
import org.cadre.roster.PersonId;
import org.cadre.roster.PracticeTeaching;
import org.cadre.roster.Rubric;
import org.cadre.roster.TestScore;

/** Stored pre/post tests (per item), the event's practice-teaching rubric and practice scores (per criterion). */
public final class Assessments {

    private final Database db;
    private final AuditLog audit;

    public Assessments(Database db, AuditLog audit) {
        this.db = db;
        this.audit = audit;
    }

    /** Records tests in one transaction; a test replaces an earlier one of the same person and phase. */
    public void recordTests(EventId event, List<TestScore> tests, String actor) {
        db.inTransaction(tx -> {
            // Read before the writes: what each test was, for the audit log.
            Map<String, Map<String, Integer>> before = new java.util.HashMap<>();
            tx.select(TEST_SCORE.PERSON_ID, TEST_SCORE.PHASE, TEST_SCORE.ITEM_CODE, TEST_SCORE.POINTS).from(TEST_SCORE)
                    .where(TEST_SCORE.EVENT_ID.eq(event.value())).fetch()
                    .forEach(r -> before.computeIfAbsent(r.value1() + " " + org.cadre.kernel.Label.of(TestScore.Phase.valueOf(r.value2())), k -> new java.util.TreeMap<>())
                            .put(r.value3(), r.value4()));
            List<String[]> changed = new java.util.ArrayList<>();
            for (TestScore t : tests.stream().sorted(java.util.Comparator.comparing((TestScore x) -> x.person().value())
                    .thenComparing(TestScore::phase)).toList()) {
                Map<String, Integer> now = new java.util.TreeMap<>();
                t.points().forEach((item, points) -> now.put(item.value(), points));
                change(changed, t.person().value() + " " + org.cadre.kernel.Label.of(t.phase()), before, now);
            }
            for (TestScore t : tests) {
                tx.deleteFrom(TEST_SCORE).where(TEST_SCORE.EVENT_ID.eq(event.value()).and(TEST_SCORE.PERSON_ID.eq(t.person().value()))
                        .and(TEST_SCORE.PHASE.eq(t.phase().name()))).execute();
                t.points().forEach((item, points) -> tx.insertInto(TEST_SCORE).set(TEST_SCORE.EVENT_ID, event.value())
                        .set(TEST_SCORE.PERSON_ID, t.person().value()).set(TEST_SCORE.PHASE, t.phase().name())
                        .set(TEST_SCORE.ITEM_CODE, item.value()).set(TEST_SCORE.POINTS, points).execute());
            }
            // Each test that changed, by person and phase, with its points before and after (the answers per item
            // are in the store; the log says whose result changed and how much).
            audit.recordAll(tx, actor, AuditLog.listed("tests", "event", event.value(), "", changed, tests.size() + " tests, none changed"));
            return null;
        });
    }

    public List<TestScore> tests(EventId event) {
        Map<String, Map<ItemCode, Integer>> byPersonPhase = new LinkedHashMap<>();
        db.dsl().selectFrom(TEST_SCORE).where(TEST_SCORE.EVENT_ID.eq(event.value()))
                .orderBy(TEST_SCORE.PERSON_ID, TEST_SCORE.PHASE, TEST_SCORE.ITEM_CODE).fetch()
                .forEach(r -> byPersonPhase.computeIfAbsent(r.getPersonId() + "\t" + r.getPhase(), k -> new LinkedHashMap<>())
                        .put(ItemCode.of(r.getItemCode()), r.getPoints()));
        return byPersonPhase.entrySet().stream().map(e -> {
            String[] key = e.getKey().split("\t");
            return TestScore.of(PersonId.of(key[0]), TestScore.Phase.valueOf(key[1]), e.getValue());
        }).toList();
    }

    /** Sets the event's rubric, replacing an earlier one. */
    public void setRubric(EventId event, Rubric rubric, String actor) {
        db.inTransaction(tx -> {
            tx.deleteFrom(RUBRIC_CRITERION).where(RUBRIC_CRITERION.EVENT_ID.eq(event.value())).execute();
            for (int i = 0; i < rubric.criteria().size(); i++) {
                Rubric.Criterion c = rubric.criteria().get(i);
                tx.insertInto(RUBRIC_CRITERION).set(RUBRIC_CRITERION.EVENT_ID, event.value()).set(RUBRIC_CRITERION.TASK_CODE, rubric.task().value())
                        .set(RUBRIC_CRITERION.POSITION, i).set(RUBRIC_CRITERION.NAME, c.name()).set(RUBRIC_CRITERION.MAX_POINTS, c.maxPoints())
                        .set(RUBRIC_CRITERION.PASS_MARK, rubric.passMark()).execute();
            }
            audit.record(tx, actor, "rubric", "event", event.value(), null, rubric.criteria().size() + " criteria");
            return null;
        });
    }

    public Optional<Rubric> rubric(EventId event) {
        var rows = db.dsl().selectFrom(RUBRIC_CRITERION).where(RUBRIC_CRITERION.EVENT_ID.eq(event.value()))
                .orderBy(RUBRIC_CRITERION.POSITION).fetch();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Rubric(ItemCode.of(rows.get(0).getTaskCode()),
                rows.stream().map(r -> new Rubric.Criterion(r.getName(), r.getMaxPoints())).collect(ImmutableList.toImmutableList()),
                rows.get(0).getPassMark()));
    }

    /** Records practice-teaching scores in one transaction; each replaces an earlier one for the same task. */
    public void recordPractice(EventId event, List<PracticeTeaching> results, String actor) {
        db.inTransaction(tx -> {
            Map<String, Map<String, Integer>> before = new java.util.HashMap<>();
            tx.select(PRACTICE_SCORE.PERSON_ID, PRACTICE_SCORE.TASK_CODE, PRACTICE_SCORE.CRITERION, PRACTICE_SCORE.POINTS).from(PRACTICE_SCORE)
                    .where(PRACTICE_SCORE.EVENT_ID.eq(event.value())).fetch()
                    .forEach(r -> before.computeIfAbsent(r.value1() + " " + r.value2(), k -> new java.util.TreeMap<>()).put(r.value3(), r.value4()));
            List<String[]> changed = new java.util.ArrayList<>();
            for (PracticeTeaching p : results.stream().sorted(java.util.Comparator.comparing((PracticeTeaching x) -> x.person().value())
                    .thenComparing(x -> x.task().value())).toList()) {
                change(changed, p.person().value() + " " + p.task().value(), before, new java.util.TreeMap<>(p.scores()));
            }
            for (PracticeTeaching p : results) {
                tx.deleteFrom(PRACTICE_SCORE).where(PRACTICE_SCORE.EVENT_ID.eq(event.value())
                        .and(PRACTICE_SCORE.PERSON_ID.eq(p.person().value())).and(PRACTICE_SCORE.TASK_CODE.eq(p.task().value()))).execute();
                p.scores().forEach((criterion, points) -> tx.insertInto(PRACTICE_SCORE).set(PRACTICE_SCORE.EVENT_ID, event.value())
                        .set(PRACTICE_SCORE.PERSON_ID, p.person().value()).set(PRACTICE_SCORE.TASK_CODE, p.task().value())
                        .set(PRACTICE_SCORE.CRITERION, criterion).set(PRACTICE_SCORE.POINTS, points)
                        .set(PRACTICE_SCORE.ASSESSOR, p.assessor().map(PersonId::value).orElse(null)).execute());
            }
            audit.recordAll(tx, actor, AuditLog.listed("practice", "event", event.value(), "", changed, results.size() + " results, none changed"));
            return null;
        });
    }

    /**
     * Adds the result named {@code name} to the changed ones (its points in all before, or none, and now) when its
     * points by item differ from those stored before.
     */
    private static void change(List<String[]> changed, String name, Map<String, Map<String, Integer>> before, Map<String, Integer> now) {
        Map<String, Integer> was = before.get(name);
        if (!now.equals(was)) {
            changed.add(new String[] {was == null ? null : name + " " + points(was), name + " " + points(now)});
        }
    }

    /** A test's or a practice result's points in all, as the audit log gives them. */
    private static String points(Map<String, Integer> byItem) {
        long total = byItem.values().stream().mapToLong(Integer::longValue).sum();
        return total + (total == 1 ? " point" : " points");
    }

    public List<PracticeTeaching> practice(EventId event) {
        Map<String, List<org.cadre.server.store.schema.tables.records.PracticeScoreRecord>> grouped = new LinkedHashMap<>();
        db.dsl().selectFrom(PRACTICE_SCORE).where(PRACTICE_SCORE.EVENT_ID.eq(event.value()))
                .orderBy(PRACTICE_SCORE.PERSON_ID, PRACTICE_SCORE.TASK_CODE, PRACTICE_SCORE.CRITERION).fetch()
                .forEach(r -> grouped.computeIfAbsent(r.getPersonId() + "\t" + r.getTaskCode(), k -> new java.util.ArrayList<>()).add(r));
        return grouped.values().stream().map(rows -> {
            ImmutableMap.Builder<String, Integer> scores = ImmutableMap.builder();
            rows.forEach(r -> scores.put(r.getCriterion(), r.getPoints()));
            var first = rows.get(0);
            return new PracticeTeaching(PersonId.of(first.getPersonId()), ItemCode.of(first.getTaskCode()), scores.buildOrThrow(),
                    Optional.ofNullable(first.getAssessor()).map(PersonId::of));
        }).toList();
    }
}
