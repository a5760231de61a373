package org.cadre.bench;

import com.google.common.collect.ImmutableSortedSet;
import io.javalin.Javalin;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.cadre.server.app.Enrolling;
import org.cadre.server.app.Outcome;
import org.cadre.server.app.UseCases;
import org.cadre.server.security.Passwords;
import org.cadre.server.security.UserAccount;
import org.cadre.server.store.AuditLog;
import org.cadre.server.store.Database;
import org.cadre.server.store.DemoData;
import org.cadre.server.store.Users;
import org.cadre.server.web.CadreApp;

/**
 * Roster import (issue 16), bounded and on loopback, each figure beside a raw baseline measured in the
 * same run: the raw side inserts the same rows and columns with plain sqlite-jdbc in one transaction (per
 * imported row a person, an enrolment, its first status and the two audit entries, five prepared
 * statements run in batches of 1,000, the same pragmas as Cadre: WAL, synchronous FULL, foreign keys on);
 * Cadre's side imports the same CSV through the command line's use case in process ({@code
 * Enrolling.importRoster}, as {@code cadre import-roster} calls it: read, check every row, store) and
 * through HTTP ({@code POST /api/v1/events/{id}/roster} with a token). Each on a fresh copy of the demo
 * database; one untimed pass of each side at the first size, then three runs per size; the peak heap used
 * during the in-process import is sampled.
 *
 * <p>Run: {@code ./mvnw -o -q -pl bench -am package -DskipTests && java -cp bench/target/benchmarks.jar
 * org.cadre.bench.ImportBenchmark [rows...]} (default 10000 50000)
 */
public final class ImportBenchmark {

    private static final String EVENT = "tot-almaty-2023";
    private static final String ORGANISATION = "kz-border-academy";

    private ImportBenchmark() {}

    public static void main(String[] args) throws Exception {
        int[] sizes = args.length == 0 ? new int[] {10_000, 50_000} : java.util.Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        Path dir = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "import-bench");
        Path template = dir.resolve("template.db");
        try (Database db = Database.sqlite(template)) {
            AuditLog audit = new AuditLog(Clock.systemUTC());
            DemoData.load(db, audit);
            new Users(db, audit).add(new UserAccount("bench", Passwords.hash("bench password".toCharArray()), UserAccount.Role.ADMIN,
                    ImmutableSortedSet.of(), ImmutableSortedSet.of(), false), "bench");
            db.dsl().fetch("PRAGMA wal_checkpoint(TRUNCATE)");
        }
        System.out.printf(Locale.ROOT, "%d cores, heap max %d MB%n", Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20);
        // One untimed pass of each side first, as in the attendance benchmark: the first timed run otherwise
        // measures the JIT compiler (Cadre's path is far more code than the raw loop's five statements).
        byte[] warm = csv(sizes[0]);
        raw(copy(template, dir, "raw"), sizes[0]);
        cli(copy(template, dir, "cli"), warm, sizes[0], new long[2]);
        http(copy(template, dir, "http"), warm, sizes[0]);
        for (int rows : sizes) {
            byte[] csv = csv(rows);
            for (int run = 1; run <= 3; run++) {
                // Each side starts from a collected heap (and the heap used before the in-process import is what stays).
                System.gc();
                double raw = raw(copy(template, dir, "raw"), rows);
                long[] heap = new long[2];
                System.gc();
                long[] gc = gc();
                double cli = cli(copy(template, dir, "cli"), csv, rows, heap);
                long[] cliGc = since(gc);
                System.gc();
                long[] beforeHttp = gc();
                double http = http(copy(template, dir, "http"), csv, rows);
                long[] httpGc = since(beforeHttp);
                System.out.printf(Locale.ROOT, "%,d rows run %d: raw %,.0f rows/s, command line %,.0f rows/s (%.2f of raw), "
                        + "HTTP %,.0f rows/s (%.2f of raw); heap used %d MB before, peak %d MB during the in-process import; "
                        + "garbage collection during the command line %d ms (%d pauses), during HTTP %d ms (%d pauses)%n",
                        rows, run, raw, cli, cli / raw, http, http / raw, heap[0] >> 20, heap[1] >> 20,
                        cliGc[1], cliGc[0], httpGc[1], httpGc[0]);
            }
        }
    }

    /** Collections so far and their time in ms, over every collector of this JVM. */
    private static long[] gc() {
        long count = 0;
        long millis = 0;
        for (var bean : ManagementFactory.getGarbageCollectorMXBeans()) {
            count += Math.max(0, bean.getCollectionCount());
            millis += Math.max(0, bean.getCollectionTime());
        }
        return new long[] {count, millis};
    }

    /** Collections and their time since {@code before}. */
    private static long[] since(long[] before) {
        long[] now = gc();
        return new long[] {now[0] - before[0], now[1] - before[1]};
    }

    private static byte[] csv(int rows) {
        StringBuilder csv = new StringBuilder("person_id,latin_name,country,role,nominated_by\r\n");
        for (int i = 0; i < rows; i++) {
            csv.append("bench-").append(i).append(",Officer Number ").append(i).append(",KZ,participant,").append(ORGANISATION).append("\r\n");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static Path copy(Path template, Path dir, String name) throws Exception {
        Path file = dir.resolve(name + ".db");
        for (String suffix : new String[] {"", "-wal", "-shm"}) {
            Files.deleteIfExists(Path.of(file + suffix));
        }
        Files.copy(template, file);
        return file;
    }

    /** The same five rows per imported row with plain JDBC, in one transaction; rows per second. */
    private static double raw(Path file, int rows) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            try (var s = c.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA synchronous=FULL");
                s.execute("PRAGMA foreign_keys=ON");
            }
            long start = System.nanoTime();
            c.setAutoCommit(false);
            try (PreparedStatement person = c.prepareStatement("INSERT INTO person (id, native_name, latin_name, sex, country, "
                    + "organisation_id, rank_title, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
                    PreparedStatement enrolment = c.prepareStatement("INSERT INTO enrolment (event_id, person_id, role, nominated_by, version) "
                            + "VALUES (?, ?, ?, ?, ?)");
                    PreparedStatement status = c.prepareStatement("INSERT INTO enrolment_status (event_id, person_id, position, status, on_day, "
                            + "recorded_at) VALUES (?, ?, ?, ?, ?, ?)");
                    PreparedStatement audit = c.prepareStatement("INSERT INTO audit_log (id, at_millis, actor, action, entity, entity_id, "
                            + "old_value, new_value) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                long now = System.currentTimeMillis();
                for (int i = 0; i < rows; i++) {
                    String id = "bench-" + i;
                    String name = "Officer Number " + i;
                    person.setString(1, id);
                    person.setString(2, null);
                    person.setString(3, name);
                    person.setString(4, "NOT_RECORDED");
                    person.setString(5, "KZ");
                    person.setString(6, ORGANISATION);
                    person.setString(7, null);
                    person.setInt(8, 1);
                    person.addBatch();
                    enrolment.setString(1, EVENT);
                    enrolment.setString(2, id);
                    enrolment.setString(3, "PARTICIPANT");
                    enrolment.setString(4, ORGANISATION);
                    enrolment.setInt(5, 1);
                    enrolment.addBatch();
                    status.setString(1, EVENT);
                    status.setString(2, id);
                    status.setInt(3, 0);
                    status.setString(4, "NOMINATED");
                    status.setString(5, "2023-09-20");
                    status.setLong(6, now);
                    status.addBatch();
                    auditRow(audit, now, 2L * i, "person", id, "Person[id=" + id + ", latinName=" + name + ", country=KZ]");
                    auditRow(audit, now, 2L * i + 1, "enrolment", EVENT + "/" + id, "PARTICIPANT nominated");
                    if ((i + 1) % 1_000 == 0 || i == rows - 1) {
                        person.executeBatch();
                        enrolment.executeBatch();
                        status.executeBatch();
                        audit.executeBatch();
                    }
                }
            }
            c.commit();
            return rows / ((System.nanoTime() - start) / 1e9);
        }
    }

    private static void auditRow(PreparedStatement audit, long now, long n, String entity, String id, String value) throws Exception {
        audit.setString(1, Long.toHexString(now) + "-" + Long.toHexString(n)); // unique, and as cheap as an id can be: the raw limit
        audit.setLong(2, now);
        audit.setString(3, "bench");
        audit.setString(4, "create");
        audit.setString(5, entity);
        audit.setString(6, id);
        audit.setString(7, null);
        audit.setString(8, value);
        audit.addBatch();
    }

    /** The command line's import, its use case in process (the database opened beforehand); rows per second. */
    private static double cli(Path file, byte[] csv, int rows, long[] heap) throws Exception {
        try (Database db = Database.sqlite(file)) {
            UserAccount operator = new UserAccount("command-line", "-", UserAccount.Role.ADMIN, ImmutableSortedSet.of(), ImmutableSortedSet.of(), false);
            Enrolling enrolling = UseCases.of(db, Clock.systemUTC()).enrolling();
            var memory = ManagementFactory.getMemoryMXBean();
            heap[0] = memory.getHeapMemoryUsage().getUsed();
            AtomicLong peak = new AtomicLong(heap[0]);
            Thread sampler = new Thread(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                    try {
                        Thread.sleep(5);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            sampler.setDaemon(true);
            sampler.start();
            long start = System.nanoTime();
            Outcome<Enrolling.Imported> done = enrolling.importRoster(operator, EVENT, csv, "2023-09-20", Optional.empty(),
                    imported -> new Enrolling.Answer(0, ""), n -> stored -> { });
            double perSecond = rows / ((System.nanoTime() - start) / 1e9);
            sampler.interrupt();
            sampler.join();
            heap[1] = peak.get();
            if (!done.isDone() || done.get().enrolled() != rows) {
                throw new IllegalStateException("import refused: " + done.detail() + " " + done.errors());
            }
            return perSecond;
        }
    }

    /** {@code POST /api/v1/events/{id}/roster} on loopback with a token; rows per second of the request. */
    private static double http(Path file, byte[] csv, int rows) throws Exception {
        try (Database db = Database.sqlite(file)) {
            Javalin cadre = CadreApp.create(db).start("127.0.0.1", 0);
            try {
                HttpClient client = HttpClient.newHttpClient();
                String base = "http://127.0.0.1:" + cadre.port();
                String token = LoadClient.token(base, "bench", "bench password");
                long start = System.nanoTime();
                HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/events/" + EVENT + "/roster?on=2023-09-20"))
                        .header("Authorization", "Bearer " + token).header("Content-Type", "text/csv")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(csv)).build(), HttpResponse.BodyHandlers.ofString());
                double perSecond = rows / ((System.nanoTime() - start) / 1e9);
                if (r.statusCode() != 201) {
                    throw new IllegalStateException("import answered " + r.statusCode() + ": " + r.body());
                }
                return perSecond;
            } finally {
                cadre.stop();
            }
        }
    }
}
