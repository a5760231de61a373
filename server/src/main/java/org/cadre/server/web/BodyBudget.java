package org.cadre.server.web;

import com.fasterxml.jackson.databind.json.JsonMapper;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Admits a request with a body only while the memory that reading it may take fits a budget shared by all requests (half
 * the heap), so that many large bodies at once wait their turn instead of running the server out of memory: two 1 MiB
 * JSON bodies of 350,000 empty objects each, sent at once to a server of 128 MB, were answered 500 (out of memory),
 * one alone 400. A request waits up to {@link #WAIT} for its share, then is answered 503 with {@code Retry-After}, its
 * body read and dropped so a client still sending receives the answer. A request without a body (every GET) is never
 * held.
 *
 * <p>The share is the body's length (or its route's limit, for a body sent in chunks) times what reading such a body
 * may take: {@link #TREE_FACTOR} for JSON and forms (a tree of empty objects takes some 40 times its text; a list of
 * 10,000 marks about 6), {@link #FILE_FACTOR} for a roster file (a 15 MB file was taken in 96 MB of heap). A share
 * larger than the whole budget is the whole budget: such a request runs alone.
 *
 * <p>Requests of a signed-in user (a live session's bearer token or cookie) share half the heap; those of anyone without
 * a live session, which are refused once read, share an eighth of it, apart: a client without an account who holds many
 * slow uploads open makes only other such requests wait, never a signed-in user's import (the attacker's review). A
 * sign-in, whose body is small ({@link CadreApp#MAX_SIGN_IN_BYTES}), never waits.
 */
final class BodyBudget implements Filter {

    /** How many bytes of heap a byte of JSON or of a form may take while it is read, at most. */
    static final int TREE_FACTOR = 48;

    /** How many bytes of heap a byte of a roster file (CSV, or a page's upload) may take while it is read and imported. */
    static final int FILE_FACTOR = 6;

    /** How long a request waits for its share before it is answered 503. */
    static final Duration WAIT = Duration.ofSeconds(10);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A budget in KiB, taken in turn: a large body is not passed over forever by small ones. */
    private record Pool(Semaphore kib, int totalKib) {
        static Pool of(long bytes) {
            int kib = (int) Math.max(1, Math.min(Integer.MAX_VALUE, bytes / 1024));
            return new Pool(new Semaphore(kib, true), kib);
        }
    }

    private final Pool signedIn;
    private final Pool others;
    private final java.util.function.Predicate<HttpServletRequest> isSignedIn;
    private final long waitMillis;

    /**
     * @param signedInBytes the memory the bodies of signed-in users' requests read at once may take
     * @param otherBytes the same for every other request's
     * @param wait how long a request waits for its share
     * @param isSignedIn whether a request comes from a live session (false when it cannot be told)
     */
    BodyBudget(long signedInBytes, long otherBytes, Duration wait, java.util.function.Predicate<HttpServletRequest> isSignedIn) {
        this.signedIn = Pool.of(signedInBytes);
        this.others = Pool.of(otherBytes);
        this.isSignedIn = isSignedIn;
        this.waitMillis = wait.toMillis();
    }

    /** The budget of this process: half its heap for signed-in users' requests, an eighth for all others. */
    static BodyBudget ofHeap(java.util.function.Predicate<HttpServletRequest> isSignedIn) {
        long heap = Runtime.getRuntime().maxMemory();
        return new BodyBudget(heap / 2, heap / 8, WAIT, isSignedIn);
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        if (!(request instanceof HttpServletRequest http) || !(response instanceof HttpServletResponse answer)) {
            chain.doFilter(request, response);
            return;
        }
        long length = http.getContentLengthLong();
        boolean chunked = length < 0 && http.getHeader("Transfer-Encoding") != null;
        if (length <= 0 && !chunked || CadreApp.isSignIn(http.getMethod(), http.getRequestURI())) {
            // A sign-in's body is a few bytes (at most CadreApp.MAX_SIGN_IN_BYTES): it never waits, so no one holding the
            // budget of requests without a session can keep users from signing in.
            chain.doFilter(request, response);
            return;
        }
        long limit = CadreApp.bodyLimit(http.getMethod(), http.getRequestURI());
        Pool pool = signedIn(http) ? signedIn : others;
        int share = share(pool, chunked ? limit : Math.min(length, limit), http.getContentType());
        boolean admitted;
        try {
            admitted = pool.kib().tryAcquire(share, waitMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
            admitted = false;
        }
        if (!admitted) {
            busy(http, answer);
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            pool.kib().release(share);
        }
    }

    private boolean signedIn(HttpServletRequest http) {
        try {
            return isSignedIn.test(http);
        } catch (RuntimeException cannotTell) {
            return false; // the database down: counted with the others, and answered as it answers then
        }
    }

    /** The share of a signed-in user's budget, in KiB, that a body of {@code bytes} of the given type takes (at most the whole). */
    int share(long bytes, String contentType) {
        return share(signedIn, bytes, contentType);
    }

    private static int share(Pool pool, long bytes, String contentType) {
        String type = contentType == null ? "" : contentType.strip().toLowerCase(Locale.ROOT);
        long factor = type.startsWith("text/csv") || type.startsWith("multipart/") ? FILE_FACTOR : TREE_FACTOR;
        long kibs = (bytes * factor + 1023) / 1024;
        return (int) Math.max(1, Math.min(pool.totalKib(), kibs));
    }

    /** The 503: the body read and dropped first, so that a client still sending it receives the answer. */
    private static void busy(HttpServletRequest http, HttpServletResponse answer) throws IOException {
        try (InputStream in = http.getInputStream()) {
            CadreApp.drain(in);
        } catch (IOException gone) {
            // The client went away: the answer below is for whoever still listens.
        }
        byte[] body = JSON.writeValueAsBytes(Problem.of("busy", "Service unavailable", 503,
                "The server is reading other large requests just now; nothing was done. Send the request again in a few seconds."));
        answer.setStatus(503);
        answer.setHeader("Retry-After", "5");
        answer.setHeader("Cache-Control", "no-store");
        answer.setContentType(Problem.CONTENT_TYPE);
        answer.setContentLength(body.length);
        answer.getOutputStream().write(body);
    }
}
