package org.cadre.bench;

import com.google.common.collect.ImmutableSortedSet;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
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
 * stamp; and a bare Javalin endpoint taking the same body and running the same transaction (the raw limit
 * with HTTP: what any web path pays before doing anything of its own). One untimed pass of each side, then
 * three rounds, raw, bare and Cadre, each after a warm-up.
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
                String token = LoadClient.token("http://127.0.0.1:" + cadre.port(), "bench", "bench password");
                URI uri = URI.create("http://127.0.0.1:" + cadre.port() + "/api/v1/events/" + EVENT + "/attendance/" + SESSION);
                HttpRequest[] requests = new HttpRequest[2];
                for (int i = 0; i < 2; i++) {
                    requests[i] = HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                            .PUT(HttpRequest.BodyPublishers.ofString(body(people, i == 0 ? "present" : "late"))).build();
                }
                AtomicLong sent = new AtomicLong();
                System.out.printf(Locale.ROOT, "%d clients x %d marks, %d s each after %d s warm-up (and one untimed pass of each side first), %d cores%n", CLIENTS, people.size(), seconds, 3,
                        Runtime.getRuntime().availableProcessors());
                Writer bareWriter = new Writer(file, false);
                Javalin bare = bare(bareWriter);
                try {
                    URI bareUri = URI.create("http://127.0.0.1:" + bare.port() + "/attendance");
                    HttpRequest[] bareRequests = new HttpRequest[2];
                    for (int i = 0; i < 2; i++) {
                        bareRequests[i] = HttpRequest.newBuilder(bareUri).header("Content-Type", "application/json")
                                .PUT(HttpRequest.BodyPublishers.ofString(body(people, i == 0 ? "present" : "late"))).build();
                    }
                    // One untimed pass of each side first: the early rounds otherwise measure the JIT compiler.
                    raw(file, people, seconds);
                    LoadClient.run(caller -> bareRequests[(int) (sent.incrementAndGet() & 1)], CLIENTS, 0, seconds);
                    LoadClient.run(caller -> requests[(int) (sent.incrementAndGet() & 1)], CLIENTS, 0, seconds);
                    for (int round = 1; round <= 3; round++) {
                        raw(file, people, 3);
                        LoadClient.Result raw = raw(file, people, seconds);
                        LoadClient.Result bareOne = LoadClient.run(caller -> bareRequests[(int) (sent.incrementAndGet() & 1)], CLIENTS, 3, seconds);
                        LoadClient.Result api = LoadClient.run(caller -> requests[(int) (sent.incrementAndGet() & 1)], CLIENTS, 3, seconds);
                        System.out.printf(Locale.ROOT, "round %d%n  raw JDBC, same writes: %s%n  bare Javalin PUT, same body and writes: %s%n"
                                + "  Cadre PUT attendance (30 marks): %s%n  Cadre / raw: %.2f, bare / raw: %.2f, Cadre / bare: %.2f%n",
                                round, raw, bareOne, api, api.perSecond() / raw.perSecond(), bareOne.perSecond() / raw.perSecond(),
                                api.perSecond() / bareOne.perSecond());
                    }
                } finally {
                    bare.stop();
                    bareWriter.close();
                }
            } finally {
                cadre.stop();
            }
        }
    }

    /** The same writes with plain JDBC from {@link #CLIENTS} threads for {@code seconds}; transactions per second. */
    private static LoadClient.Result raw(Path file, List<String> people, int seconds) throws Exception {
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
                try (Writer w = new Writer(file, true)) {
                    long n = 0;
                    while (System.nanoTime() < end) {
                        long t0 = System.nanoTime();
                        String mark = n % 2 == 0 ? "PRESENT" : "LATE";
                        w.write(people, p -> mark, (long) slot << 32 | n);
                        n++;
                        mine[counts[slot]++] = System.nanoTime() - t0;
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

    /** The 30 marks of one session as the API takes them. */
    private static String body(List<String> people, String mark) {
        StringBuilder json = new StringBuilder("{\"marks\":[");
        for (int p = 0; p < people.size(); p++) {
            json.append(p == 0 ? "" : ",").append("{\"person\":\"").append(people.get(p)).append("\",\"mark\":\"").append(mark).append("\"}");
        }
        return json.append("]}").toString();
    }

    /**
     * The raw limit with HTTP: a bare Javalin endpoint, {@code PUT /attendance}, that parses the same body with
     * Jackson and runs the raw loop's transaction on one connection (one writer at a time, as SQLite allows),
     * with no sign-in, no checks and no audit of who.
     */
    private static Javalin bare(Writer w) {
        ObjectMapper json = new ObjectMapper();
        AtomicLong n = new AtomicLong();
        return Javalin.create(config -> config.routes.put("/attendance", ctx -> {
            JsonNode marks = json.readTree(ctx.body()).get("marks");
            List<String> people = new ArrayList<>();
            java.util.Map<String, String> mark = new java.util.HashMap<>();
            for (JsonNode m : marks) {
                people.add(m.get("person").asText());
                mark.put(m.get("person").asText(), m.get("mark").asText().toUpperCase(Locale.ROOT));
            }
            synchronized (w) {
                w.write(people, mark::get, n.incrementAndGet());
            }
            ctx.contentType("application/json").result("{\"recorded\":" + people.size() + "}");
        })).start("127.0.0.1", 0);
    }

    /**
     * One connection with Cadre's pragmas and IMMEDIATE transactions, and the raw loop's statements: per
     * write, the marks as one batch of upserts, the audit entry and the change stamp, then the commit.
     */
    private static final class Writer implements AutoCloseable {
        private final Connection c;
        private final PreparedStatement upsert;
        private final PreparedStatement audit;
        private final PreparedStatement stamp;

        private final boolean held;

        /**
         * {@code held}: sqlite-jdbc's way with auto-commit off, where the driver begins the next IMMEDIATE
         * transaction as soon as one commits, so the connection holds the write lock between writes (the raw
         * loop's threads write back to back); otherwise each write begins and commits its own transaction, so
         * an idle connection holds nothing (the bare endpoint's, idle while the others are measured).
         */
        Writer(Path file, boolean held) throws Exception {
            this.held = held;
            SQLiteConfig config = new SQLiteConfig();
            config.setJournalMode(SQLiteConfig.JournalMode.WAL);
            config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
            config.enforceForeignKeys(true);
            config.setBusyTimeout(Database.BUSY_TIMEOUT_MILLIS);
            config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
            c = config.createConnection("jdbc:sqlite:" + file);
            c.setAutoCommit(!held);
            upsert = c.prepareStatement("INSERT INTO attendance (event_id, person_id, session_code, mark) "
                    + "VALUES (?, ?, ?, ?) ON CONFLICT (event_id, person_id, session_code) DO UPDATE SET mark = excluded.mark");
            audit = c.prepareStatement("INSERT INTO audit_log (id, at_millis, actor, action, entity, entity_id, "
                    + "old_value, new_value) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
            stamp = c.prepareStatement("UPDATE change_stamp SET stamp = stamp + 1 WHERE id = 1");
        }

        /** One transaction: each person's mark, the audit entry (its id made unique by {@code n}), the stamp. */
        void write(List<String> people, java.util.function.Function<String, String> mark, long n) throws Exception {
            if (!held) {
                try (java.sql.Statement begin = c.createStatement()) {
                    begin.execute("BEGIN IMMEDIATE");
                }
            }
            for (String p : people) {
                upsert.setString(1, EVENT);
                upsert.setString(2, p);
                upsert.setString(3, SESSION);
                upsert.setString(4, mark.apply(p));
                upsert.addBatch();
            }
            upsert.executeBatch();
            long now = System.currentTimeMillis();
            audit.setString(1, Long.toHexString(now) + "-" + Long.toHexString(n)); // unique, and as cheap as an id can be: the raw limit
            audit.setLong(2, now);
            audit.setString(3, "bench");
            audit.setString(4, "attendance");
            audit.setString(5, "event");
            audit.setString(6, EVENT);
            audit.setString(7, null);
            audit.setString(8, people.size() + " marks");
            audit.executeUpdate();
            stamp.executeUpdate();
            if (held) {
                c.commit();
            } else {
                try (java.sql.Statement commit = c.createStatement()) {
                    commit.execute("COMMIT");
                }
            }
        }

        @Override
        public void close() {
            try {
                c.close();
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
