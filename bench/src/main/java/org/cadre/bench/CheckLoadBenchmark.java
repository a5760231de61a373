package org.cadre.bench;

import io.javalin.Javalin;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.cadre.server.store.Database;

/**
 * An event's checks read again and again, as the home page reads every event's on each load: {@code GET
 * /api/v1/events/tot-almaty-2023/checks} (the demo ToT, 30 enrolments, every rule) beside the bare Javalin endpoint of the
 * roster benchmark (one SQLite row by plain JDBC), the same closed-loop client, alternating, two rounds, the second
 * reported. A bounded harness, not JMH: requests per second and latency percentiles over a fixed time.
 *
 * <p>Run: {@code java -cp bench/target/benchmarks.jar org.cadre.bench.CheckLoadBenchmark [seconds]} (10 by default).
 */
public final class CheckLoadBenchmark {

    private static final int CONNECTIONS = 4;

    private CheckLoadBenchmark() {}

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        Path dir = Files.createTempDirectory("cadre-checks");
        Path file = dir.resolve("cadre.db");
        try (Database db = Database.sqlite(file)) {
            Javalin cadre = DemoServer.start(db, "load", "load password");
            try (BareEndpoint bare = BareEndpoint.start(file)) {
                String token = LoadClient.token("http://127.0.0.1:" + cadre.port(), "load", "load password");
                System.out.printf(Locale.ROOT, "%d connections, %d s each after %d s warm-up, %d cores%n", CONNECTIONS, seconds, 5,
                        Runtime.getRuntime().availableProcessors());
                for (int round = 1; round <= 2; round++) {
                    LoadClient.Result b = run(URI.create("http://127.0.0.1:" + bare.port() + "/row"), null, seconds);
                    LoadClient.Result c = run(URI.create("http://127.0.0.1:" + cadre.port() + "/api/v1/events/tot-almaty-2023/checks"), token,
                            seconds);
                    System.out.printf(Locale.ROOT, "round %d%n  bare Javalin + one SQLite row: %s%n  GET event checks: %s%n"
                            + "  checks / bare: %.2f%n", round, b, c, c.perSecond() / b.perSecond());
                }
            }
            cadre.stop();
        }
    }

    private static LoadClient.Result run(URI uri, String token, int seconds) throws Exception {
        return LoadClient.get(uri, token, CONNECTIONS, 5, seconds);
    }
}
