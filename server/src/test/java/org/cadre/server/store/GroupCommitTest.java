package org.cadre.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.cadre.curriculum.SessionCode;
import org.cadre.roster.Attendance;
import org.cadre.roster.AttendanceMark;
import org.cadre.roster.EventId;
import org.cadre.roster.PersonId;
import org.cadre.roster.demo.DemoRoster;
import org.junit.jupiter.api.Test;

/**
 * Attendance writes waiting for SQLite's write lock at the same moment are committed together (one
 * transaction, one sync), and each still ends as it would have alone (issue 16).
 */
class GroupCommitTest {

    private static final EventId EVENT = DemoRoster.ALMATY_TOT;

    private static SessionCode session(int i) {
        return SessionCode.of("G." + i);
    }

    /** The Almaty ToT's enrolled people, loaded with the demo data. */
    private static List<PersonId> people(Database db) {
        return new Enrolments(db, new AuditLog(Clock.systemUTC())).ofEvent(EVENT).stream().map(v -> v.value().person()).toList();
    }

    private static long attendanceEntries(Database db) {
        return new AuditLog(Clock.systemUTC()).of(db, "event", EVENT.value()).stream().filter(e -> e.action().equals("attendance")).count();
    }

    /**
     * Queues {@code writes} (each session's marks) from one thread each while the test holds the write lock, waits
     * until all are queued, lets the lock go and returns each write's failure (null when it committed).
     */
    private static List<Throwable> queuedTogether(Database db, List<List<Attendance>> writes) throws Exception {
        Enrolments enrolments = new Enrolments(db, new AuditLog(Clock.systemUTC()));
        AutoCloseable lock = TestDatabases.holdingTheWriteLock(db);
        ExecutorService pool = Executors.newFixedThreadPool(writes.size());
        try {
            List<Future<Throwable>> done = new ArrayList<>();
            for (List<Attendance> w : writes) {
                done.add(pool.submit(() -> {
                    try {
                        enrolments.recordAttendance(EVENT, w, "coordinator");
                        return null;
                    } catch (RuntimeException e) {
                        return e;
                    }
                }));
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (db.writesWaiting() < writes.size() && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertThat(db.writesWaiting()).as("every write queued while the lock is held").isEqualTo(writes.size());
            lock.close();
            List<Throwable> failures = new ArrayList<>();
            for (Future<Throwable> f : done) {
                failures.add(f.get(60, TimeUnit.SECONDS));
            }
            return failures;
        } finally {
            lock.close();
            pool.shutdownNow();
        }
    }

    private static Map<String, AttendanceMark> stored(Database db) {
        Map<String, AttendanceMark> marks = new HashMap<>();
        new Enrolments(db, new AuditLog(Clock.systemUTC())).attendance(EVENT)
                .forEach(a -> marks.put(a.session().value() + " " + a.person().value(), a.mark()));
        return marks;
    }

    @Test
    void writes_waiting_together_are_committed_in_one_transaction() throws Exception {
        try (Database db = Database.sqlite(TestDatabases.tempFile())) {
            DemoData.load(db, new AuditLog(Clock.systemUTC()));
            List<PersonId> people = people(db);
            List<List<Attendance>> writes = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                writes.add(List.of(new Attendance(people.get(i), session(i), AttendanceMark.PRESENT),
                        new Attendance(people.get(i + 1), session(i), AttendanceMark.LATE)));
            }
            long stamp = db.changeStamp();
            long logged = attendanceEntries(db);

            List<Throwable> failures = queuedTogether(db, writes);

            assertThat(failures).containsOnlyNulls();
            assertThat(db.changeStamp() - stamp).as("one commit for the ten writes").isEqualTo(1);
            assertThat(attendanceEntries(db) - logged).as("each write audited as its own").isEqualTo(10);
            Map<String, AttendanceMark> stored = stored(db);
            for (int i = 0; i < 10; i++) {
                assertThat(stored).containsEntry("G." + i + " " + people.get(i).value(), AttendanceMark.PRESENT)
                        .containsEntry("G." + i + " " + people.get(i + 1).value(), AttendanceMark.LATE);
            }
        }
    }

    @Test
    void a_failing_write_fails_alone_and_the_others_waiting_with_it_commit() throws Exception {
        try (Database db = Database.sqlite(TestDatabases.tempFile())) {
            DemoData.load(db, new AuditLog(Clock.systemUTC()));
            List<PersonId> people = people(db);
            List<List<Attendance>> writes = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                List<Attendance> w = new ArrayList<>(List.of(new Attendance(people.get(i), session(i), AttendanceMark.PRESENT)));
                if (i == 5) {
                    // Not enrolled: the store refuses the mark (a foreign key), and with it the whole write.
                    w.add(new Attendance(PersonId.of("not-enrolled"), session(i), AttendanceMark.PRESENT));
                }
                writes.add(w);
            }
            long stamp = db.changeStamp();
            long logged = attendanceEntries(db);

            List<Throwable> failures = queuedTogether(db, writes);

            for (int i = 0; i < 10; i++) {
                if (i == 5) {
                    assertThat(failures.get(i)).as("write 5 fails with its own error").isNotNull()
                            .hasStackTraceContaining("FOREIGN KEY");
                } else {
                    assertThat(failures.get(i)).as("write %d", i).isNull();
                }
            }
            Map<String, AttendanceMark> stored = stored(db);
            for (int i = 0; i < 10; i++) {
                assertThat(stored.containsKey("G." + i + " " + people.get(i).value())).as("write %d stored", i).isEqualTo(i != 5);
            }
            assertThat(db.changeStamp() - stamp).as("the nine run again alone").isEqualTo(9);
            assertThat(attendanceEntries(db) - logged).isEqualTo(9);
        }
    }

    @Test
    void more_writes_than_a_group_holds_are_committed_in_as_many_groups_as_needed() throws Exception {
        try (Database db = Database.sqlite(TestDatabases.tempFile())) {
            DemoData.load(db, new AuditLog(Clock.systemUTC()));
            List<PersonId> people = people(db);
            int count = 2 * GroupCommit.MAX_GROUP + 22;
            List<List<Attendance>> writes = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                writes.add(List.of(new Attendance(people.get(i % people.size()), session(i), AttendanceMark.EXCUSED)));
            }
            long stamp = db.changeStamp();

            List<Throwable> failures = queuedTogether(db, writes);

            assertThat(failures).hasSize(count).containsOnlyNulls();
            assertThat(db.changeStamp() - stamp).as("groups of at most %d", GroupCommit.MAX_GROUP).isEqualTo(3);
            Map<String, AttendanceMark> stored = stored(db);
            for (int i = 0; i < count; i++) {
                assertThat(stored).containsEntry("G." + i + " " + people.get(i % people.size()).value(), AttendanceMark.EXCUSED);
            }
        }
    }

    /**
     * Eight writers, each marking its own session again and again with seeded random marks, as fast as they can:
     * every write is answered, each session ends with its writer's last marks, and every write is audited.
     */
    @Test
    void eight_writers_at_once_each_end_with_their_last_marks_and_every_write_audited() throws Exception {
        try (Database db = Database.sqlite(TestDatabases.tempFile())) {
            DemoData.load(db, new AuditLog(Clock.systemUTC()));
            List<PersonId> people = people(db);
            Enrolments enrolments = new Enrolments(db, new AuditLog(Clock.systemUTC()));
            long stamp = db.changeStamp();
            long logged = attendanceEntries(db);
            int writers = 8;
            int each = 150;
            ExecutorService pool = Executors.newFixedThreadPool(writers);
            List<Future<List<Attendance>>> last = new ArrayList<>();
            CountDownLatch start = new CountDownLatch(1);
            for (int t = 0; t < writers; t++) {
                int writer = t;
                last.add(pool.submit(() -> {
                    Random rnd = new Random(1_000 + writer);
                    start.await();
                    List<Attendance> marks = List.of();
                    for (int n = 0; n < each; n++) {
                        marks = new ArrayList<>();
                        for (PersonId p : people) {
                            marks.add(new Attendance(p, session(writer), AttendanceMark.values()[rnd.nextInt(AttendanceMark.values().length)]));
                        }
                        enrolments.recordAttendance(EVENT, marks, "writer-" + writer);
                    }
                    return marks;
                }));
            }
            start.countDown();
            Map<String, AttendanceMark> expected = new HashMap<>();
            for (Future<List<Attendance>> f : last) {
                f.get(120, TimeUnit.SECONDS).forEach(a -> expected.put(a.session().value() + " " + a.person().value(), a.mark()));
            }
            pool.shutdown();

            Map<String, AttendanceMark> stored = stored(db);
            expected.forEach((key, mark) -> assertThat(stored).containsEntry(key, mark));
            assertThat(attendanceEntries(db) - logged).isEqualTo((long) writers * each);
            assertThat(db.changeStamp() - stamp).isBetween(1L, (long) writers * each);
        }
    }
}
