package org.cadre.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Start-up of {@code cadre serve --demo} measured from outside, as a user sees it: wall time from launching
 * the JVM until {@code GET /api/v1/health} answers 200, then SIGTERM and wait for the process to end.
 * Three kinds of start, each {@code runs} times: the first start on an empty data folder (migrations, the
 * administrator's password hash, the demo load), a start on a folder that holds the demo, and the same
 * with the class-data-sharing archive that {@code ./cadre} records on its first serve.
 *
 * <p>Run: {@code ./mvnw -q -pl bench -am package -DskipTests && java -cp bench/target/benchmarks.jar
 * org.cadre.bench.StartupBenchmark [server/target/cadre.jar] [runs]}
 */
public final class StartupBenchmark {

    private static final Pattern ADDRESS = Pattern.compile("listens on (http://127\\.0\\.0\\.1:\\d+)");
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private StartupBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args.length > 0 ? args[0] : "server/target/cadre.jar");
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        if (!Files.isRegularFile(jar)) {
            throw new IllegalArgumentException(jar + " is not a file; build it with ./mvnw -q -pl server -am package -DskipTests");
        }
        Path work = Files.createTempDirectory("cadre-startup");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();

        List<Long> first = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            first.add(start(List.of(java, "-jar", jar.toString()), work.resolve("fresh-" + i)));
        }
        Path demo = work.resolve("demo");
        start(List.of(java, "-jar", jar.toString()), demo); // loads the demo once
        Path archive = work.resolve("cadre.jsa");
        start(List.of(java, "-XX:ArchiveClassesAtExit=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off", "-jar", jar.toString()), demo);
        List<Long> plain = new ArrayList<>();
        List<Long> shared = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            plain.add(start(List.of(java, "-jar", jar.toString()), demo));
            shared.add(start(List.of(java, "-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off",
                    "-jar", jar.toString()), demo));
        }
        System.out.printf(Locale.ROOT, "%s, %s runs each, launch to first healthy answer:%n", Runtime.version(), runs);
        report("first start (empty folder: migrate, admin, demo)", first);
        report("start with the demo stored", plain);
        report("start with the demo stored, CDS archive (./cadre)", shared);
    }

    /** Milliseconds from launch to a 200 from the health endpoint; the server is then stopped with SIGTERM. */
    private static long start(List<String> command, Path data) throws Exception {
        List<String> full = new ArrayList<>(command);
        full.addAll(List.of("serve", "--demo", "--port", "0", "--data", data.toString()));
        long launched = System.nanoTime();
        Process server = new ProcessBuilder(full).redirectErrorStream(true).start();
        try {
            String address = address(server);
            while (true) {
                HttpResponse<Void> r = CLIENT.send(HttpRequest.newBuilder(URI.create(address + "/api/v1/health")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return (System.nanoTime() - launched) / 1_000_000;
                }
            }
        } finally {
            server.destroy(); // SIGTERM: the shutdown hook stops the server (and writes the CDS archive when asked)
            if (!server.waitFor(60, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
    }

    private static String address(Process server) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null) {
            Matcher m = ADDRESS.matcher(line);
            if (m.find()) {
                Thread drain = new Thread(() -> out.lines().forEach(l -> { }));
                drain.setDaemon(true);
                drain.start();
                return m.group(1);
            }
        }
        throw new IllegalStateException("the server ended without listening");
    }

    private static void report(String what, List<Long> millis) {
        List<Long> sorted = millis.stream().sorted().toList();
        System.out.printf(Locale.ROOT, "  %-52s median %5d ms, min %5d ms, max %5d ms%n", what,
                sorted.get(sorted.size() / 2), sorted.get(0), sorted.get(sorted.size() - 1));
    }
}
