package org.cadre.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.cadre.roster.Country;
import org.cadre.roster.Person;
import org.cadre.roster.Sex;
import org.junit.jupiter.api.Test;

/**
 * SQLite under concurrent writers, online backup, and SIGKILL in the middle of writing.
 *
 * <p>A SIGKILL leaves the operating system's page cache intact, so the kill rounds prove that commits
 * are atomic and acknowledged only once done, not that they reach the disk: they would pass with
 * {@code synchronous=OFF}. Durability across a power cut rests on WAL with {@code synchronous=FULL},
 * which the first test asserts on every connection the pool hands out (docs/architecture.md).
 */
class SqliteDurabilityTest {

    /** The settings durability rests on, as SQLite reports them on a connection. */
    private static String settings(java.sql.Connection c) throws java.sql.SQLException {
        StringBuilder out = new StringBuilder();
        try (var s = c.createStatement()) {
            for (String pragma : List.of("journal_mode", "synchronous", "foreign_keys")) {
                try (var r = s.executeQuery("PRAGMA " + pragma)) {
                    r.next();
                    out.append(out.length() == 0 ? "" : " ").append(pragma).append('=').append(r.getString(1).toLowerCase(java.util.Locale.ROOT));
                }
            }
        }
        return out.toString();
    }

    private static final String DURABLE = "journal_mode=wal synchronous=2 foreign_keys=1";

    @Test
    void every_pooled_connection_runs_wal_with_synchronous_full() throws Exception {
        try (Database db = Database.sqlite(TestDatabases.tempFile())) {
            // Hold connections one inside the other, so each is a different one of the pool's four.
            List<String> seen = new ArrayList<>();
            holding(db, 4, seen);

            assertThat(seen).hasSize(4).containsOnly(DURABLE);
        }
    }

    private static void holding(Database db, int depth, List<String> seen) {
        if (depth == 0) {
            return;
        }
        db.dsl().connection(c -> {
            seen.add(settings(c));
            holding(db, depth - 1, seen);
        });
    }

    private static Person person(String id) {
        return Person.builder(id, Country.KAZAKHSTAN).latinName("Officer " + id).sex(Sex.NOT_RECORDED).build();
    }

    @Test
    void eight_concurrent_writers_get_no_busy_errors_and_lose_nothing() throws Exception {
        try (Database db = Database.sqlite(TestDatabases.tempFile())) {
            People people = new People(db, new AuditLog(Clock.systemUTC()));
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < 8; w++) {
                int writer = w;
                writers.add(pool.submit(() -> {
                    for (int i = 0; i < 50; i++) {
                        people.add(person("w" + writer + "-" + i), "writer-" + writer);
                    }
                    return null;
                }));
            }
            for (Future<?> f : writers) {
                f.get(60, TimeUnit.SECONDS); // rethrows any busy or lock error of a writer
            }
            pool.shutdown();

            assertThat(people.all()).hasSize(8 * 50);
            assertThat(db.dsl().fetchCount(org.cadre.server.store.schema.Tables.AUDIT_LOG)).isEqualTo(8 * 50);
        }
    }

    @Test
    void a_backup_taken_while_writing_restores_to_an_intact_database() throws Exception {
        Path file = TestDatabases.tempFile();
        Path backup = file.resolveSibling("backup.db");
        try (Database db = Database.sqlite(file)) {
            People people = new People(db, new AuditLog(Clock.systemUTC()));
            for (int i = 0; i < 20; i++) {
                people.add(person("b" + i), "coordinator");
            }
            db.backupTo(backup);
            people.add(person("after-backup"), "coordinator");
        }

        try (Database restored = Database.restore(backup, file)) {
            List<String> ids = new People(restored, new AuditLog(Clock.systemUTC())).all().stream()
                    .map(v -> v.value().id().value()).toList();
            assertThat(ids).hasSize(20).doesNotContain("after-backup");
        }
    }

    @Test
    void every_acknowledged_enrolment_and_attendance_survives_sigkill_and_the_file_stays_intact() throws Exception {
        Path file = TestDatabases.tempFile();
        var almaty = org.cadre.roster.demo.DemoRoster.almatyTot();
        almatyWithoutParticipants(file);
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        Set<String> childSettings = ConcurrentHashMap.newKeySet();
        Random rnd = new Random(20231023L);
        for (int round = 0; round < 20; round++) {
            killWhileWriting(CrashWriter.class, file, "r" + round, rnd, acknowledged, childSettings);

            try (Database db = Database.sqlite(file)) {
                Enrolments enrolments = new Enrolments(db, new AuditLog(Clock.systemUTC()));
                Set<String> enrolled = enrolments.ofEvent(almaty.event().id()).stream()
                        .map(v -> v.value().person().value()).collect(Collectors.toSet());
                Set<String> marked = enrolments.attendance(almaty.event().id()).stream()
                        .map(a -> a.person().value()).collect(Collectors.toSet());
                assertThat(enrolled).as("round %d: every acknowledged enrolment is present", round).containsAll(acknowledged);
                assertThat(marked).as("round %d: every acknowledged attendance mark is present", round).containsAll(acknowledged);
                assertThat(String.valueOf(db.dsl().fetchValue("PRAGMA integrity_check"))).as("round %d", round).isEqualTo("ok");
            }
        }
        assertThat(acknowledged).as("every round acknowledged writes before its kill").hasSizeGreaterThanOrEqualTo(20);
        assertThat(childSettings).as("the killed writers wrote with the durable settings").containsExactly(DURABLE);
    }

    /**
     * Attendance written by eight threads at once, so that writes are committed together (issue 16's group
     * commit), killed at random moments: every acknowledged mark is present with its audit entry, and no mark
     * is stored without its audit entry nor an entry without its mark (each write all or nothing, also in a group).
     */
    @Test
    void every_acknowledged_mark_written_together_with_others_survives_sigkill_with_its_audit_entry() throws Exception {
        Path file = TestDatabases.tempFile();
        var almaty = org.cadre.roster.demo.DemoRoster.almatyTot();
        almatyWithoutParticipants(file);
        try (Database db = Database.sqlite(file)) {
            AuditLog audit = new AuditLog(Clock.systemUTC());
            for (int t = 0; t < GroupCrashWriter.THREADS; t++) {
                Person p = person("g" + t);
                new People(db, audit).add(p, "admin");
                new Enrolments(db, audit).addAll(List.of(org.cadre.roster.Enrolment.nominate(p.id(), almaty.event().id(),
                        org.cadre.roster.Role.PARTICIPANT, org.cadre.roster.demo.DemoRoster.KZ_BORDER_GUARD, java.time.LocalDate.of(2023, 9, 15))), "admin");
            }
        }
        long setUp;
        try (Database db = Database.sqlite(file)) {
            setUp = db.changeStamp();
        }
        long commits = 0;
        int marks = 0;
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        Random rnd = new Random(20231024L);
        for (int round = 0; round < 10; round++) {
            killWhileWriting(GroupCrashWriter.class, file, "K" + round, rnd, acknowledged, ConcurrentHashMap.newKeySet());

            try (Database db = Database.sqlite(file)) {
                AuditLog audit = new AuditLog(Clock.systemUTC());
                Set<String> marked = new Enrolments(db, audit).attendance(almaty.event().id()).stream()
                        .map(a -> a.session().value() + " " + a.person().value()).collect(Collectors.toSet());
                Set<String> audited = audit.of(db, "event", almaty.event().id().value()).stream()
                        .filter(e -> e.action().equals("attendance"))
                        .map(e -> e.newValue().substring(0, e.newValue().indexOf(':')) + " " + e.newValue().split("\\s+")[1].replace(":", ""))
                        .collect(Collectors.toSet());
                assertThat(marked).as("round %d: every acknowledged mark is present", round).containsAll(acknowledged);
                assertThat(audited).as("round %d: each stored mark has its audit entry, and each entry its mark", round).isEqualTo(marked);
                assertThat(String.valueOf(db.dsl().fetchValue("PRAGMA integrity_check"))).as("round %d", round).isEqualTo("ok");
                commits = db.changeStamp() - setUp;
                marks = marked.size();
            }
        }
        assertThat(acknowledged).as("every round acknowledged writes before its kill").hasSizeGreaterThanOrEqualTo(10);
        assertThat(commits).as("fewer commits than marks: writes were committed together").isLessThan(marks);
    }

    /**
     * Child process: {@link #THREADS} threads, each marking its own participant ({@code g<thread>}) in a new
     * session per write ({@code <round>.<thread>.<n>}), acknowledging each mark on standard output once recorded.
     */
    public static final class GroupCrashWriter {
        static final int THREADS = 8;

        public static void main(String[] args) throws Exception {
            var event = org.cadre.roster.demo.DemoRoster.ALMATY_TOT;
            try (Database db = Database.sqlite(Path.of(args[0]))) {
                Enrolments enrolments = new Enrolments(db, new AuditLog(Clock.systemUTC()));
                List<Thread> threads = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    int thread = t;
                    threads.add(new Thread(() -> {
                        for (int n = 0; ; n++) {
                            var session = org.cadre.curriculum.SessionCode.of(args[1] + "." + thread + "." + n);
                            enrolments.recordAttendance(event, List.of(new org.cadre.roster.Attendance(org.cadre.roster.PersonId.of("g" + thread),
                                    session, org.cadre.roster.AttendanceMark.PRESENT)), "crash-writer");
                            System.out.println("ack " + session.value() + " g" + thread);
                        }
                    }));
                }
                threads.forEach(Thread::start);
                for (Thread t : threads) {
                    t.join();
                }
            }
        }
    }

    /** The Almaty ToT stored with its organisations, trainers and programme, and no one enrolled. */
    private static void almatyWithoutParticipants(Path file) {
        var almaty = org.cadre.roster.demo.DemoRoster.almatyTot();
        try (Database db = Database.sqlite(file)) {
            AuditLog audit = new AuditLog(Clock.systemUTC());
            org.cadre.roster.demo.DemoRoster.organisations().forEach(o -> new Organisations(db, audit).add(o, "admin"));
            new People(db, audit).addAll(org.cadre.roster.demo.DemoRoster.almatyTrainers(), "admin");
            new Programmes(db, audit).add(almaty.programme(), "admin");
            new Events(db, audit).add(almaty.event(), "admin");
        }
    }

    /**
     * Starts {@code writer} as a child JVM on the file ({@code label} its argument), waits for its first
     * acknowledged write (the kill must land while it writes, whatever its start-up costs on a loaded machine),
     * lets it write for a random moment more and kills it with SIGKILL (no shutdown hooks, no orderly close).
     * Its {@code ack} lines go to {@code acknowledged}, its {@code settings} lines to {@code settings}.
     */
    private static void killWhileWriting(Class<?> writer, Path file, String label, Random rnd, Set<String> acknowledged,
            Set<String> settings) throws Exception {
        Path errors = file.resolveSibling(label + ".err");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), writer.getName(), file.toString(), label)
                .redirectError(errors.toFile()).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        CountDownLatch writing = new CountDownLatch(1);
        Thread reader = new Thread(() -> {
            try {
                String line;
                while ((line = out.readLine()) != null) {
                    if (line.startsWith("settings ")) {
                        settings.add(line.substring(9));
                    }
                    if (line.startsWith("ack ")) {
                        acknowledged.add(line.substring(4));
                        writing.countDown();
                    }
                }
            } catch (java.io.IOException closed) {
                // the child was killed
            }
        });
        reader.start();
        boolean started = writing.await(90, TimeUnit.SECONDS);
        if (!started) {
            child.destroyForcibly();
            child.waitFor(10, TimeUnit.SECONDS);
        }
        assertThat(started).as("%s: the child acknowledged a first write; its errors: %s", label, Files.readString(errors)).isTrue();
        Thread.sleep(rnd.nextInt(400));
        child.destroyForcibly();
        child.waitFor(10, TimeUnit.SECONDS);
        reader.join(5_000);
    }

    /**
     * Child process: for each new participant, commits the person, their enrolment in the Almaty ToT and
     * an attendance mark, then acknowledges the participant on standard output.
     */
    public static final class CrashWriter {
        public static void main(String[] args) {
            var event = org.cadre.roster.demo.DemoRoster.ALMATY_TOT;
            try (Database db = Database.sqlite(Path.of(args[0]))) {
                AuditLog audit = new AuditLog(Clock.systemUTC());
                People people = new People(db, audit);
                Enrolments enrolments = new Enrolments(db, audit);
                System.out.println("settings " + db.dsl().connectionResult(SqliteDurabilityTest::settings));
                for (int i = 0; ; i++) {
                    String id = args[1] + "-" + i;
                    Person p = person(id);
                    people.add(p, "crash-writer");
                    enrolments.addAll(List.of(org.cadre.roster.Enrolment.nominate(p.id(), event, org.cadre.roster.Role.PARTICIPANT,
                            org.cadre.roster.demo.DemoRoster.KZ_BORDER_GUARD, java.time.LocalDate.of(2023, 9, 15))), "crash-writer");
                    enrolments.recordAttendance(event, List.of(new org.cadre.roster.Attendance(p.id(),
                            org.cadre.curriculum.SessionCode.of("M1.S1"), org.cadre.roster.AttendanceMark.PRESENT)), "crash-writer");
                    System.out.println("ack " + id);
                    System.out.flush();
                }
            }
        }
    }

}
