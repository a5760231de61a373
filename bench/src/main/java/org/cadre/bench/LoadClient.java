package org.cadre.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/**
 * A closed-loop load client on loopback, bounded in time: {@code connections} callers, each sending its next
 * request when the last is answered, after a warm-up of the same requests; requests per second and latency
 * percentiles over every request of the measured time.
 */
final class LoadClient {

    private LoadClient() {}

    /** What a run measured. */
    record Result(double perSecond, double p50ms, double p99ms, long errors) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%,.0f req/s, p50 %.2f ms, p99 %.2f ms, %d not 2xx/3xx", perSecond, p50ms, p99ms, errors);
        }
    }

    /**
     * Runs {@code request} (given the caller's number, so callers may differ) from {@code connections} callers
     * for {@code warmUp} and then {@code seconds} seconds.
     */
    static Result run(IntFunction<HttpRequest> request, int connections, int warmUp, int seconds) throws Exception {
        ExecutorService executor = Executors.newFixedThreadPool(4);
        try {
            HttpClient client = HttpClient.newBuilder().executor(executor).followRedirects(HttpClient.Redirect.NEVER).build();
            measure(client, request, connections, warmUp);
            return measure(client, request, connections, seconds);
        } finally {
            executor.shutdownNow();
        }
    }

    /** {@link #run} of one GET of {@code uri}, with the bearer {@code token} when not null, from every caller alike. */
    static Result get(java.net.URI uri, String token, int connections, int warmUp, int seconds) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).GET();
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        HttpRequest request = b.build();
        return run(caller -> request, connections, warmUp, seconds);
    }

    /** Signs in through {@code POST /api/v1/session} on {@code base} and answers the token, or fails naming the answer. */
    static String token(String base, String username, String password) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(java.net.URI.create(base + "/api/v1/session"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"token\":\"([^\"]+)\"").matcher(r.body());
        if (r.statusCode() != 201 || !m.find()) {
            throw new IllegalStateException("sign-in as " + username + " refused: " + r.statusCode() + " " + r.body());
        }
        return m.group(1);
    }

    private static Result measure(HttpClient client, IntFunction<HttpRequest> request, int connections, int seconds) throws Exception {
        long[][] latencies = new long[connections][];
        AtomicLong errors = new AtomicLong();
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        CountDownLatch done = new CountDownLatch(connections);
        int[] counts = new int[connections];
        for (int t = 0; t < connections; t++) {
            int slot = t;
            latencies[t] = new long[4_000_000 / connections];
            Thread thread = new Thread(() -> {
                try {
                    while (System.nanoTime() < end && counts[slot] < latencies[slot].length) {
                        long t0 = System.nanoTime();
                        HttpResponse<byte[]> response = client.send(request.apply(slot), HttpResponse.BodyHandlers.ofByteArray());
                        latencies[slot][counts[slot]++] = System.nanoTime() - t0;
                        if (response.statusCode() >= 400) {
                            errors.incrementAndGet();
                        }
                    }
                } catch (Exception e) {
                    errors.incrementAndGet();
                } finally {
                    done.countDown();
                }
            });
            thread.start();
        }
        done.await();
        double elapsed = (System.nanoTime() - start) / 1e9;
        long[] all = new long[Arrays.stream(counts).sum()];
        int at = 0;
        for (int t = 0; t < connections; t++) {
            System.arraycopy(latencies[t], 0, all, at, counts[t]);
            at += counts[t];
        }
        Arrays.sort(all);
        if (all.length == 0) {
            return new Result(0, 0, 0, errors.get());
        }
        return new Result(all.length / elapsed, all[all.length / 2] / 1e6, all[(int) (all.length * 0.99)] / 1e6, errors.get());
    }
}
