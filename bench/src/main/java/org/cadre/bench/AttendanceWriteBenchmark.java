package org.cadre.bench;

import com.google.common.collect.ImmutableSortedSet;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.cadre.roster.demo.DemoRoster;
import org.cadre.server.security.Passwords;
import org.cadre.server.security.UserAccount;
import org.cadre.server.store.AuditLog;
import org.cadre.server.store.Database;
import org.cadre.server.store.DemoData;
import org.cadre.server.store.Enrolments;
import org.cadre.server.store.Users;
import org.cadre.server.web.CadreApp;
import org.sqlite.SQLiteConfig;

/**
 * Attendance writes (issue 16), bounded and on loopback: 8 clients, each sending its next request when the
 * last is answered, each request the marks of the demo ToT's 30 people for one session ({@code PUT
 * /api/v1/events/tot-almaty-2023/attendance/M1.S1} with a token), beside a raw JDBC loop doing the same
 * writes on the same SQLite file in the same run: 8 threads, each its own connection with Cadre's pragmas
 * and IMMEDIATE transactions, each transaction the 30 upserts (one batch), the audit entry and the change
 * stamp. Three rounds, raw then Cadre, each after a warm-up.
 *
 * <p>Run: {@code ./mvnw -o -q -pl bench -am package -DskipTests && java -cp bench/target/benchmarks.jar
 * org.cadre.bench.AttendanceWriteBenchmark [seconds]}
 */
public final class AttendanceWriteBenchmark {

    private static final int CLIENTS = 8;
    private static final String EVENT = DemoRoster.ALMATY_TOT.value();
    private static final String SESSION = "M1.S1";

    private AttendanceWriteBenchmark() {}

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        Path dir = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "import-attendance");
        Path file = dir.resolve("cadre.db");
        try (Database db = Database.sqlite(file)) {
            AuditLog audit = new AuditLog(Clock.systemUTC());
            DemoData.load(db, audit);
            new Users(db, audit).add(new UserAccount("bench", Passwords.hash("bench password".toCharArray()), UserAccount.Role.ADMIN,
                    ImmutableSortedSet.of(), ImmutableSortedSet.of(), false), "bench");
            List<String> people = new Enrolments(db, audit).ofEvent(DemoRoster.ALMATY_TOT).stream().map(v -> v.value().person().value()).toList();
            Javalin cadre = CadreApp.create(db).start("127.0.0.1", 0);
            try {
                HttpClient login = HttpClient.newHttpClient();
                String body = login.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + cadre.port() + "/api/v1/session"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"bench\",\"password\":\"bench password\"}")).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
                String token = body.replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
                URI uri = URI.create("http://127.0.0.1:" + cadre.port() + "/api/v1/events/" + EVENT + "/attendance/" + SESSION);
                HttpRequest[] requests = new HttpRequest[2];
                for (int i = 0; i < 2; i++) {
                    String mark = i == 0 ? "present" : "late";
                    StringBuilder json = new StringBuilder("{\"marks\":[");
                    for (int p = 0; p < people.size(); p++) {
                        json.append(p == 0 ? "" : ",").append("{\"person\":\"").append(people.get(p)).append("\",\"mark\":\"").append(mark).append("\"}");
                    }
                    requests[i] = HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                            .PUT(HttpRequest.BodyPublishers.ofString(json.append("]}").toString())).build();
                }
                AtomicLong sent = new AtomicLong();
                System.out.printf(Locale.ROOT, "%d clients x %d marks, %d s each after %d s warm-up, %d cores%n", CLIENTS, people.size(), seconds, 3,
                        Runtime.getRuntime().availableProcessors());
                for (int round = 1; round <= 3; round++) {
                    raw(file, people, 3);
                    LoadClient.Result raw = raw(file, people, seconds);
                    LoadClient.Result api = LoadClient.run(caller -> requests[(int) (sent.incrementAndGet() & 1)], CLIENTS, 3, seconds);
                    System.out.printf(Locale.ROOT, "round %d%n  raw JDBC, same writes: %s%n  Cadre PUT attendance (30 marks): %s%n  Cadre / raw: %.2f%n",
                            round, raw, api, api.perSecond() / raw.perSecond());
                }
            } finally {
                cadre.stop();
            }
        }
    }

    /** The same writes with plain JDBC from {@link #CLIENTS} threads for {@code seconds}; transactions per second. */
    private static LoadClient.Result raw(Path file, List<String> people, int seconds) throws Exception {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.enforceForeignKeys(true);
        config.setBusyTimeout(Database.BUSY_TIMEOUT_MILLIS);
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long start = System.nanoTime();
        List<long[]> latencies = new ArrayList<>();
        int[] counts = new int[CLIENTS];
        AtomicLong errors = new AtomicLong();
        CountDownLatch done = new CountDownLatch(CLIENTS);
        for (int t = 0; t < CLIENTS; t++) {
            int slot = t;
            long[] mine = new long[1_000_000];
            latencies.add(mine);
            new Thread(() -> {
                try (Connection c = config.createConnection("jdbc:sqlite:" + file)) {
                    c.setAutoCommit(false);
                    try (PreparedStatement upsert = c.prepareStatement("INSERT INTO attendance (event_id, person_id, session_code, mark) "
                            + "VALUES (?, ?, ?, ?) ON CONFLICT (event_id, person_id, session_code) DO UPDATE SET mark = excluded.mark");
                            PreparedStatement audit = c.prepareStatement("INSERT INTO audit_log (id, at_millis, actor, action, entity, entity_id, "
                                    + "old_value, new_value) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
                            PreparedStatement stamp = c.prepareStatement("UPDATE change_stamp SET stamp = stamp + 1 WHERE id = 1")) {
                        long n = 0;
                        while (System.nanoTime() < end) {
                            long t0 = System.nanoTime();
                            String mark = n % 2 == 0 ? "PRESENT" : "LATE";
                            for (String p : people) {
                                upsert.setString(1, EVENT);
                                upsert.setString(2, p);
                                upsert.setString(3, SESSION);
                                upsert.setString(4, mark);
                                upsert.addBatch();
                            }
                            upsert.executeBatch();
                            long now = System.currentTimeMillis();
                            audit.setString(1, String.format(Locale.ROOT, "%013x-%08x-%012x", now, n, (long) slot << 32 | n));
                            audit.setLong(2, now);
                            audit.setString(3, "bench");
                            audit.setString(4, "attendance");
                            audit.setString(5, "event");
                            audit.setString(6, EVENT);
                            audit.setString(7, null);
                            audit.setString(8, people.size() + " marks");
                            audit.executeUpdate();
                            stamp.executeUpdate();
                            c.commit();
                            n++;
                            mine[counts[slot]++] = System.nanoTime() - t0;
                        }
                    }
                } catch (Exception e) {
                    errors.incrementAndGet();
                    e.printStackTrace();
                } finally {
                    done.countDown();
                }
            }).start();
        }
        done.await();
        double elapsed = (System.nanoTime() - start) / 1e9;
        long[] all = new long[Arrays.stream(counts).sum()];
        int at = 0;
        for (int t = 0; t < CLIENTS; t++) {
            System.arraycopy(latencies.get(t), 0, all, at, counts[t]);
            at += counts[t];
        }
        Arrays.sort(all);
        return new LoadClient.Result(all.length / elapsed, all[all.length / 2] / 1e6, all[(int) (all.length * 0.99)] / 1e6, errors.get());
    }
}
