package org.cadre.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A bounded harness for the memory of many large bodies at once: against a running server (on loopback, signed in as its
 * administrator), {@code clients} requests at once, {@code rounds} times, each a 1 MiB JSON body of about 350,000 empty
 * objects in lists of 10,000 (the most one list may hold), the costliest body to read as a tree; then how many of each
 * status came back, and whether the server still answers its health check. A 500 (memory run out) is the failure
 * this measures; 400 (the body refused) and 503 (waited its turn too long) are answers.
 *
 * <p>Arguments: port, clients (16), rounds (2). The administrator's name and password come from
 * {@code CADRE_ADMIN_USER} and {@code CADRE_ADMIN_PASSWORD}, as for {@code cadre serve}.
 */
public final class LargeBodies {

    private LargeBodies() {}

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 16;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        String base = "http://127.0.0.1:" + port;
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        String login = "{\"username\": \"" + System.getenv("CADRE_ADMIN_USER") + "\", \"password\": \"" + System.getenv("CADRE_ADMIN_PASSWORD")
                + "\"}";
        HttpResponse<String> session = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/session"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(login)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (session.statusCode() != 201) {
            throw new IllegalStateException("sign-in answered " + session.statusCode());
        }
        String token = session.body().replaceAll(".*\"token\"\\s*:\\s*\"([^\"]+)\".*", "$1");
        byte[] body = body();
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/events/tot-almaty-2023/attendance/M1.S1"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(120))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        Map<String, Integer> answers = new TreeMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        try {
            for (int round = 0; round < rounds; round++) {
                List<Future<String>> sent = new ArrayList<>();
                for (int i = 0; i < clients; i++) {
                    sent.add(pool.submit(() -> {
                        try {
                            return String.valueOf(http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode());
                        } catch (java.io.IOException e) {
                            return "no answer (" + e.getClass().getSimpleName() + ")";
                        }
                    }));
                }
                for (Future<String> f : sent) {
                    answers.merge(f.get(), 1, Integer::sum);
                }
            }
        } finally {
            pool.shutdown();
        }
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        System.out.printf("%d bytes a body, %d clients x %d rounds in %.1f s: %s; health %d%n", body.length, clients, rounds,
                (System.nanoTime() - start) / 1e9, answers, health.statusCode());
    }

    /** About 1 MiB of JSON: lists of 10,000 empty objects, as many as fit. */
    private static byte[] body() {
        StringBuilder json = new StringBuilder("{");
        String list = String.join(",", java.util.Collections.nCopies(10_000, "{}"));
        for (int i = 0; json.length() + list.length() + 16 < 1024 * 1024; i++) {
            json.append(i == 0 ? "" : ",").append("\"l").append(i).append("\":[").append(list).append(']');
        }
        return json.append('}').toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
