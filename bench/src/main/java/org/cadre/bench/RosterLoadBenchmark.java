package org.cadre.bench;

import io.javalin.Javalin;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.cadre.server.store.AuditLog;
import org.cadre.server.store.Database;

/**
 * Load on loopback, bounded in time: {@code GET /api/v1/events/tot-almaty-2023/enrolments} (the demo
 * ToT's roster of 30, logged in, scope checked, names joined) beside a bare Javalin endpoint that reads
 * one row from the same SQLite file with plain JDBC, measured in the same run with the same client: 32
 * connections, each sending its next request when the last is answered.
 *
 * <p>Run: {@code ./mvnw -q -pl bench -am package -DskipTests && java -cp bench/target/benchmarks.jar
 * org.cadre.bench.RosterLoadBenchmark [seconds]}
 */
public final class RosterLoadBenchmark {

    private static final int CONNECTIONS = 32;

    private RosterLoadBenchmark() {}

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        Path dir = Files.createTempDirectory("cadre-load");
        Path file = dir.resolve("cadre.db");
        try (Database db = Database.sqlite(file)) {
            AuditLog audit = new AuditLog(Clock.systemUTC());
            Javalin cadre = DemoServer.start(db, "load", "load password");
            try (BareEndpoint bare = BareEndpoint.start(file)) {
                String token = LoadClient.token("http://127.0.0.1:" + cadre.port(), "load", "load password");
                System.out.printf(Locale.ROOT, "%d connections, %d s each after %d s warm-up, %d cores%n", CONNECTIONS, seconds, 5,
                        Runtime.getRuntime().availableProcessors());
                // Alternate, so both see the same machine state; the second round is the one reported.
                for (int round = 1; round <= 2; round++) {
                    LoadClient.Result b = run(URI.create("http://127.0.0.1:" + bare.port() + "/row"), null, seconds);
                    URI roster = URI.create("http://127.0.0.1:" + cadre.port() + "/api/v1/events/tot-almaty-2023/enrolments");
                    LoadClient.Result r = run(roster, token, seconds);
                    LoadClient.Result w;
                    LoadClient.Result e;
                    long inRoster;
                    long elsewhere;
                    try (Writer writes = new Writer(db, audit, "p-kz-01")) {
                        w = run(roster, token, seconds);
                        inRoster = writes.done();
                    }
                    try (Writer writes = new Writer(db, audit, "p-tj-c01")) {
                        e = run(roster, token, seconds);
                        elsewhere = writes.done();
                    }
                    System.out.printf(Locale.ROOT, "round %d%n  bare Javalin + one SQLite row: %s%n  GET event roster (30 enrolments): %s%n"
                            + "  roster / bare: %.2f%n  GET event roster while %d writes/s rename one of its people (%d done): %s%n"
                            + "  that / bare: %.2f%n  GET event roster while %d writes/s rename a person of another event (%d done): %s%n"
                            + "  that / bare: %.2f%n",
                            round, b, r, r.perSecond() / b.perSecond(), Writer.PER_SECOND, inRoster, w, w.perSecond() / b.perSecond(),
                            Writer.PER_SECOND, elsewhere, e, e.perSecond() / b.perSecond());
                }
            }
            cadre.stop();
        }
    }

    /**
     * Commits {@value #PER_SECOND} writes a second through the store (a person's rank changed back and
     * forth): a person on the roster read, whose every change makes the cached roster stale, or a person
     * of another event, whose changes leave it be.
     */
    private static final class Writer implements AutoCloseable {
        static final int PER_SECOND = 10;
        private final java.util.concurrent.ScheduledExecutorService timer = java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
        private final AtomicLong done = new AtomicLong();

        Writer(Database db, AuditLog audit, String person) {
            org.cadre.server.store.People people = new org.cadre.server.store.People(db, audit);
            org.cadre.roster.PersonId id = org.cadre.roster.PersonId.of(person);
            timer.scheduleAtFixedRate(() -> {
                var current = people.get(id).orElseThrow();
                org.cadre.roster.Person p = current.value();
                String rank = done.get() % 2 == 0 ? "Captain" : "Major";
                try {
                    people.update(new org.cadre.roster.Person(p.id(), p.nativeName(), p.latinName(), p.sex(), p.country(),
                            p.organisation(), java.util.Optional.of(rank)), current.version(), "bench");
                    done.incrementAndGet();
                } catch (RuntimeException e) {
                    System.err.println("write failed: " + e); // the count printed shows how many went through
                }
            }, 0, 1000 / PER_SECOND, java.util.concurrent.TimeUnit.MILLISECONDS);
        }

        long done() {
            return done.get();
        }

        @Override
        public void close() {
            timer.shutdownNow();
        }
    }

    private static LoadClient.Result run(URI uri, String token, int seconds) throws Exception {
        return LoadClient.get(uri, token, CONNECTIONS, 5, seconds);
    }
}
