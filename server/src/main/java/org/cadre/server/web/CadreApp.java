package org.cadre.server.web;

import org.cadre.server.app.Settings;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.cadre.server.app.SignIn;
import org.cadre.server.app.UseCases;
import org.cadre.server.store.Database;
import org.cadre.server.app.Failure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the web application from its dependencies, so tests run the real application against a
 * temporary database. Every route is in {@link #routes}.
 */
public final class CadreApp {

    private static final Logger LOG = LoggerFactory.getLogger("cadre.http");

    /** How long a stop waits for the requests in flight before it closes their connections. */
    public static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    /** Largest request body accepted, in bytes (1 MiB), except for a roster file. */
    public static final long MAX_REQUEST_BYTES = 1024 * 1024;

    /**
     * Largest roster file accepted, in bytes (16 MiB): the body of {@code POST /api/v1/events/{id}/roster} and
     * of the import page's check and confirmation. A roster of {@link org.cadre.roster.RosterRows#MAX_ROWS}
     * rows is about 8 MB.
     */
    public static final long MAX_ROSTER_BYTES = 16L * 1024 * 1024;

    /**
     * Largest body of a sign-in (the API's {@code POST /api/v1/session}, the pages' sign-in and language forms), in
     * bytes: a name and a password. Such requests come before any session, from anyone, so they are kept small enough to
     * be read at once without waiting their turn for memory ({@link BodyBudget}).
     */
    public static final long MAX_SIGN_IN_BYTES = 4096;

    /**
     * The most of a refused body the server reads (and drops) before it answers, in bytes (64 MiB, four times the largest
     * body it takes): reading costs no memory, and a client gets its answer rather than a reset connection. A client
     * still sending after this much may meet the reset instead.
     */
    static final long DRAIN_BYTES = 4 * MAX_ROSTER_BYTES;

    /** The routes anyone may send a body to before signing in. */
    private static final java.util.regex.Pattern SIGN_IN = java.util.regex.Pattern.compile("/api/v1/session|/login|/language");

    /** The routes that take a roster file, and with it the larger limit. */
    private static final java.util.regex.Pattern ROSTER_UPLOADS = java.util.regex.Pattern.compile(
            "/api/v1/events/[^/]+/roster|/events/[^/]+/import(/check)?");

    private static final String SWAGGER_UI = "5.34.1";
    private static final String CSP = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
            + "script-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'none'";

    private final String openApi;
    private final Settings settings;
    private final UseCases app;
    private final Api api;
    private final org.cadre.server.web.pages.Pages pages;

    private CadreApp(Database db, Settings settings) {
        this.openApi = resource("/openapi.yaml");
        this.settings = settings;
        this.app = new UseCases(db, settings);
        this.api = new Api(app);
        this.pages = new org.cadre.server.web.pages.Pages(app, settings.secureCookies(), this::clientAddress);
    }

    /** The application with {@link Settings#defaults()}, not yet started. */
    public static Javalin create(Database db) {
        return create(db, Settings.defaults());
    }

    /** The application, not yet started. */
    public static Javalin create(Database db, Settings settings) {
        CadreApp app = new CadreApp(db, settings);
        return Javalin.create(config -> {
            // Javalin's and Jetty's own limits are the largest body any route takes (a roster file); each route's
            // own limit (bodyLimit) is enforced before any handler, so every other body keeps 1 MiB.
            config.http.maxRequestSize = MAX_ROSTER_BYTES;
            // A file sent by a page's form (a roster) is kept in memory.
            config.jetty.multipartConfig.maxFileSize(MAX_ROSTER_BYTES, io.javalin.config.SizeUnit.BYTES);
            config.jetty.multipartConfig.maxTotalRequestSize(MAX_ROSTER_BYTES, io.javalin.config.SizeUnit.BYTES);
            config.jetty.multipartConfig.maxInMemoryFileSize((int) MAX_ROSTER_BYTES, io.javalin.config.SizeUnit.BYTES);
            config.http.defaultContentType = "application/json";
            // A method an address does not take is 405 with the methods it does (Allow), not 404 as if nothing were there.
            config.http.prefer405over404 = true;
            // HEAD is answered as GET, checks and all, without the body (Javalin's own answer skips the handler).
            config.jetty.modifyServletContextHandler(handler -> {
                // First: a Content-Type Javalin cannot read is refused before anything reads the request.
                handler.addFilter(new org.eclipse.jetty.ee10.servlet.FilterHolder(new ContentTypeParameters()), "/*",
                        java.util.EnumSet.of(jakarta.servlet.DispatcherType.REQUEST));
                handler.addFilter(new org.eclipse.jetty.ee10.servlet.FilterHolder(new HeadAsGet()), "/*",
                        java.util.EnumSet.of(jakarta.servlet.DispatcherType.REQUEST));
                // Large bodies read at once wait their turn rather than run the server out of memory.
                handler.addFilter(new org.eclipse.jetty.ee10.servlet.FilterHolder(BodyBudget.ofHeap(app::signedIn)), "/*",
                        java.util.EnumSet.of(jakarta.servlet.DispatcherType.REQUEST));
            });
            config.staticFiles.enableWebjars();
            config.staticFiles.add(files -> {
                files.hostedPath = "/assets";
                files.directory = "/public";
                files.location = io.javalin.http.staticfiles.Location.CLASSPATH;
            });
            config.jetty.modifyServer(server -> {
                server.setErrorHandler(new ProblemErrorHandler());
                // Stopping waits for the requests in flight (up to the timeout) instead of closing their connections.
                server.insertHandler(new org.eclipse.jetty.server.handler.GracefulHandler());
                server.setStopTimeout(STOP_TIMEOUT.toMillis());
            });
            // The route template, never the raw path: a path may carry what a client typed, names included.
            config.requestLogger.http((ctx, ms) -> LOG.info("{} {} {} {} ms", ctx.method(), route(ctx), ctx.statusCode(),
                    Math.round(ms)));
            app.routes(config.routes);
        });
    }

    /**
     * Refuses a query parameter the matched operation does not read (even one another operation reads: {@code ?phase=}
     * on a report chose nothing), and one it reads sent twice (which of the two counted would depend on who reads it).
     * A misspelt {@code audiance=donor} gave the internal report, names and all, to someone who meant to send the
     * donor's on (the newcomer's review of session 19). An operation that needs a token answers 401 first to a request
     * without a live one, as it answers any other request: a caller who is not signed in is asked to sign in, not told which
     * parameters the operation reads. (A query that is not encoded as a query must be is refused before, with a malformed
     * header, whoever sends it: no operation is asked to read it.)
     */
    private void queryParametersRead(Context ctx) {
        String operation = ctx.method().name() + " " + route(ctx);
        List<String> reads = Api.queryParameters(ctx.method().name(), route(ctx));
        Map<String, List<String>> sent = ctx.queryParamMap();
        List<String> unknown = QueryStrings.names(sent).stream().filter(name -> !reads.contains(name))
                .map(name -> QueryStrings.shown(name) + ": is not a parameter of this operation; "
                        + (reads.isEmpty() ? "it reads no query parameter" : "it reads " + String.join(", ", reads))).toList();
        List<String> repeated = reads.stream().filter(name -> sent.getOrDefault(name, List.of()).size() > 1)
                .map(name -> name + ": is sent more than once; send it once").toList();
        if ((!unknown.isEmpty() || !repeated.isEmpty()) && !Api.PUBLIC_OPERATIONS.contains(operation)) {
            api.user(ctx);
        }
        // Both kinds in one answer: naming one and then, once mended, the other sent the client round twice (the
        // newcomer's review of session 22).
        if (!unknown.isEmpty() || !repeated.isEmpty()) {
            List<String> errors = new java.util.ArrayList<>(unknown);
            errors.addAll(repeated);
            throw ApiProblem.invalid(unknown.isEmpty() ? "The request sends a query parameter more than once; nothing was done."
                    : repeated.isEmpty() ? "The request names a query parameter this operation does not read; nothing was done."
                    : "The request names a query parameter this operation does not read and sends one more than once; nothing was done.",
                    errors);
        }
    }

    /**
     * The template of the route that matched ({@code /api/v1/events/{id}/report}), never the path a client
     * sent; "(no route)" when none did. (The current endpoint would be a before or after handler's "*".)
     */
    static String route(Context ctx) {
        try {
            var endpoint = ctx.endpoints().matchedHttpEndpoint();
            return endpoint == null ? "(no route)" : endpoint.path;
        } catch (RuntimeException noEndpoint) {
            return "(no route)";
        }
    }

    /**
     * The largest body the request's route takes: {@link #MAX_ROSTER_BYTES} for a roster file (the API's
     * import, the import page's check and confirmation), {@link #MAX_REQUEST_BYTES} for everything else.
     */
    public static long bodyLimit(Context ctx) {
        return bodyLimit(ctx.method().name(), ctx.path());
    }

    /** As {@link #bodyLimit(Context)}, for a request's method and path. */
    static long bodyLimit(String method, String path) {
        return isSignIn(method, path) ? MAX_SIGN_IN_BYTES
                : method.equals("POST") && ROSTER_UPLOADS.matcher(path).matches() ? MAX_ROSTER_BYTES : MAX_REQUEST_BYTES;
    }

    /** Whether the request is a sign-in (or the sign-in page's language form), which anyone may send. */
    static boolean isSignIn(String method, String path) {
        return method.equals("POST") && SIGN_IN.matcher(path).matches();
    }

    /** What a 413 says: the limit of the request's route, in bytes. */
    public static String tooLarge(Context ctx) {
        if (bodyLimit(ctx) == MAX_SIGN_IN_BYTES) {
            return "A sign-in is limited to " + MAX_SIGN_IN_BYTES + " bytes.";
        }
        return bodyLimit(ctx) == MAX_ROSTER_BYTES
                ? "Roster files are limited to " + MAX_ROSTER_BYTES + " bytes (16 MiB); split the file and import each part."
                : "Request bodies are limited to " + MAX_REQUEST_BYTES + " bytes.";
    }

    /**
     * Reads and drops the rest of a refused request's body, up to {@link #DRAIN_BYTES}, so that a client still sending it
     * receives the refusal. A connection closed with part of the body unread is reset by the kernel, and the client loses
     * the answer: CI's fuzz run sent a sign-in of 533,379 bytes, the server read its first 4 KiB (the sign-in's limit),
     * answered 413 and closed, and the client got no answer at all.
     */
    static void drain(InputStream in) throws IOException {
        byte[] buffer = new byte[8192];
        long read = 0;
        for (int n; read <= DRAIN_BYTES && (n = in.read(buffer)) != -1; ) {
            read += n;
        }
    }

    /**
     * The request's body, or a 413 that says the server's memory is too small for it (nothing read, nothing stored) where
     * the heap runs out while it is read: a roster file of many megabytes on a server given little heap answered an empty
     * 500 (the newcomer's review).
     */
    private static byte[] bodyWithinMemory(io.javalin.http.Context ctx) {
        try {
            return ctx.bodyAsBytes();
        } catch (OutOfMemoryError tooLarge) {
            throw new ApiProblem(Problem.of("too-large", "Request too large", 413, "The request is too large for the memory this server "
                    + "was given; nothing was stored. Send a smaller file, or ask the operator for a larger heap (-Xmx)."));
        } catch (Exception failure) { // Jetty's IOException, thrown through Kotlin's bodyAsBytes unchecked
            throw cutOff(failure);
        }
    }

    /**
     * A body that ended before the length it announced (the client hung up, or a proxy cut it) is the client's fault:
     * a 400 without a stack trace in the log, not a 500 (the attacker's review: anyone, signed in or not, filled the log
     * with errors and set off alerts by sending half a body). Any other failure is thrown on as it is.
     */
    private static RuntimeException cutOff(Exception failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof IOException) {
                LOG.info("request body cut off: {}", t.getClass().getSimpleName());
                return new ApiProblem(Problem.of("incomplete-body", "Bad request", 400,
                        "The request's body ended before the length it announced; nothing was done. Send it again whole."));
            }
        }
        return failure instanceof RuntimeException r ? r : new IllegalStateException(failure);
    }

    /**
     * Whether a request comes from a live session: a bearer token (the API's) or the session cookie (the pages'), as the
     * doors will find it. Only what {@link BodyBudget} needs to tell signed-in users' bodies from anyone's.
     */
    private boolean signedIn(jakarta.servlet.http.HttpServletRequest request) {
        java.util.Optional<String> token = Api.bearer(request.getHeader("Authorization"));
        if (token.isEmpty() && request.getCookies() != null) {
            token = java.util.Arrays.stream(request.getCookies()).filter(c -> org.cadre.server.web.pages.Pages.SESSION_COOKIE.equals(c.getName()))
                    .map(jakarta.servlet.http.Cookie::getValue).filter(v -> !v.isBlank()).findFirst();
        }
        java.util.Optional<String> sent = token.filter(t -> !t.isEmpty());
        java.util.Optional<org.cadre.server.security.UserAccount> user = sent.flatMap(t -> app.signIn().user(t));
        // The API's door takes the user found here rather than looking the session up again (one look-up a request).
        user.ifPresent(u -> request.setAttribute(Api.SIGNED_IN, new Api.SignedIn(sent.get(), u)));
        return user.isPresent();
    }

    /** The whole API, in one place. */
    private void routes(io.javalin.config.RoutesConfig r) {
        // Read every request body before answering: a client still sending a large body must still receive the
        // answer, which it does not when the connection is closed under it. Each route's limit holds before any
        // handler runs: a body announced larger is read and dropped (up to DRAIN_BYTES) and refused, one sent in
        // chunks is refused once it has passed the limit.
        r.before(ctx -> {
            long limit = bodyLimit(ctx);
            long length = ctx.req().getContentLengthLong();
            if (length > limit) {
                try {
                    drain(ctx.req().getInputStream());
                } catch (IOException | RuntimeException gone) {
                    // A client that stops sending still gets the answer it has earned, if it listens.
                    LOG.info("request body cut off while refused as too large: {}", gone.getClass().getSimpleName());
                }
                throw new io.javalin.http.HttpResponseException(413, "too large");
            }
            if (length != 0 && !ctx.isMultipartFormData() && bodyWithinMemory(ctx).length > limit) {
                throw new io.javalin.http.HttpResponseException(413, "too large");
            }
        });
        // A header the API reads once is refused when sent twice: which of the two counted would otherwise depend on
        // who reads it (Jetty takes the first; a proxy in front may take the last), an Authorization above all. (Query
        // parameters are held to their operation's list once a route has matched, below.)
        r.before("/api/*", ctx -> {
            java.util.List<String> undecodable = QueryStrings.problems(ctx.queryString());
            if (!undecodable.isEmpty()) {
                throw ApiProblem.invalid("The address's query is not encoded as a query must be; nothing was done.", undecodable);
            }
            java.util.List<String> repeated = Api.SINGLE_HEADERS.stream()
                    .filter(name -> java.util.Collections.list(ctx.req().getHeaders(name)).size() > 1)
                    .map(name -> name + ": is sent more than once; send it once").toList();
            if (!repeated.isEmpty()) {
                throw ApiProblem.invalid("The request sends a header more than once; nothing was done.", repeated);
            }
            String ifMatch = ctx.header("If-Match");
            if (ifMatch != null && !Api.ENTITY_TAGS.matcher(ifMatch).matches()) {
                // "3" without its quotes is no entity tag: a 412 ("changed since") would send the client to read again
                // and fail the same way.
                throw ApiProblem.invalid("If-Match is not written as HTTP writes it; nothing was done.",
                        java.util.List.of("If-Match: must be * or the ETag as read, in its quotes (\"3\"), or several separated by commas"));
            }
            if (ifMatch != null && Api.onlyWeakTags(ifMatch)) {
                // A weak tag never matches a change (RFC 9110): said as such, not as a change since (reading again would not help).
                throw ApiProblem.onlyWeakTags();
            }
        });
        // Once a route has matched, its operation's own query parameters are known (a 404 names no operation, so it
        // is answered as a 404 whatever its query).
        r.beforeMatched("/api/*", this::queryParametersRead);
        r.get("/api/v1/health", this::health);
        r.post("/api/v1/session", this::login);
        r.delete("/api/v1/session", this::logout);
        new UserRoutes(api, app.users()).register(r);
        new ErasureRoutes(api, app.erasure()).register(r);
        new CurriculumRoutes(api, app.curricula()).register(r);
        new DirectoryRoutes(api, app.directory()).register(r);
        new EventRoutes(api).register(r);
        new EnrolmentRoutes(api).register(r);
        new DeliveryRoutes(api).register(r);
        new CertificationRoutes(api).register(r);
        new PoolRoutes(api, app.pool()).register(r);
        new ReportRoutes(api, app.reports()).register(r);
        new FrameworkRoutes(api, app.frameworks()).register(r);
        pages.register(r);
        r.get("/openapi.yaml", ctx -> ctx.contentType("application/yaml").result(openApi));
        r.get("/docs", this::docs);
        r.get("/docs/init.js", ctx -> ctx.contentType("text/javascript").result(
                "window.ui = SwaggerUIBundle({url: '/openapi.yaml', dom_id: '#swagger-ui'});"));
        r.after(CadreApp::unreadBody);
        r.after(CadreApp::securityHeaders);
        // Error texts never repeat what the client sent: a path or a parameter may carry a person's name.
        r.error(HttpStatus.NOT_FOUND.getCode(), ctx -> {
            if (org.cadre.server.web.pages.Pages.wantsPage(ctx)) {
                if (ctx.result() == null || ctx.result().isEmpty()) {
                    pages.notFound(ctx);
                }
                return;
            }
            if (ctx.attribute(ANSWERED) != null) {
                return; // a use case's own words ("There is no such session that you can see."), never the client's
            }
            answer(ctx, Problem.of("not-found", "Not found", 404,
                "There is nothing at this address; the API is listed at /openapi.yaml."));
        });
        // A 413 answered already keeps its words (a file too large for the server's memory, not over the limit).
        r.error(HttpStatus.CONTENT_TOO_LARGE.getCode(), ctx -> {
            if (ctx.resultInputStream() == null) {
                answer(ctx, Problem.of("too-large", "Request too large", 413, tooLarge(ctx)));
            }
        });
        r.exception(ApiProblem.class, (e, ctx) -> {
            ctx.attribute(ANSWERED, Boolean.TRUE);
            answer(ctx, e.problem());
        });
        r.exception(org.cadre.documents.Fields.InvalidFields.class, (e, ctx) -> answer(ctx,
                Problem.invalid("The request has invalid fields; nothing was changed.", e.errors())));
        r.exception(io.javalin.http.HttpResponseException.class, (e, ctx) -> {
            if (e.getStatus() == 404 && org.cadre.server.web.pages.Pages.wantsPage(ctx)) {
                pages.notFound(ctx);
                return;
            }
            if (e.getStatus() == 405) {
                // Javalin names the methods the address takes (prefer405over404): Allow lists them, and so does the detail.
                String allowed = e.getDetails().values().stream().findFirst().orElse("").toUpperCase(java.util.Locale.ROOT);
                if (!allowed.isEmpty()) {
                    ctx.header("Allow", allowed);
                }
                answer(ctx, Problem.of("method-not-allowed", "Method not allowed", 405, "This address does not take " + ctx.method().name()
                        + (allowed.isEmpty() ? "." : "; it takes " + allowed + ".")));
                return;
            }
            answer(ctx, Problem.of("http-" + e.getStatus(),
                e.getStatus() == 413 ? "Request too large" : "Request refused", e.getStatus(),
                e.getStatus() == 413 ? tooLarge(ctx) : "The request could not be handled."));
        });
        // Date or number arithmetic that overflows on values the checks let through: a refusal, not a fault
        // (the checks bound dates to 1900-2999 and periods to 50 years; this is the net under them).
        r.exception(java.time.DateTimeException.class, (e, ctx) -> answer(ctx, Problem.of("unprocessable", "Unprocessable", 422,
                "A date or a period in the request is beyond what Cadre can compute with; nothing was changed.")));
        r.exception(ArithmeticException.class, (e, ctx) -> answer(ctx, Problem.of("unprocessable", "Unprocessable", 422,
                "A number in the request is beyond what Cadre can compute with; nothing was changed.")));
        r.exception(Exception.class, (e, ctx) -> {
            switch (Failure.of(e)) {
                case UNAVAILABLE -> {
                    LOG.warn("database unavailable on {} {}: {}", ctx.method(), route(ctx), e.getClass().getSimpleName());
                    ctx.header("Retry-After", "5");
                    answer(ctx, Problem.of("unavailable", "Service unavailable", 503,
                            "The database does not answer just now; nothing was changed. Try again in a few seconds."));
                }
                case FULL -> {
                    LOG.error("database full on {} {}", ctx.method(), route(ctx), e);
                    answer(ctx, Problem.of("insufficient-storage", "Insufficient storage", 507,
                            "The database has no room left to write; nothing was changed. An administrator has been told in the log."));
                }
                case DUPLICATE -> answer(ctx, Problem.of("conflict", "Conflict", 409,
                        "A record with the same key was stored at the same moment; read it, then repeat the request if it is still needed."));
                case STALE -> answer(ctx, ApiProblem.stale().problem());
                case MISSING_REFERENCE -> answer(ctx, Problem.of("unprocessable", "Unprocessable", 422,
                        "A record the request names does not exist (it may have been removed meanwhile); nothing was changed."));
                default -> {
                    // The route template, not the path: the path may carry a name (the cause is logged for diagnosis).
                    LOG.error("unexpected failure on {} {}", ctx.method(), route(ctx), e);
                    answer(ctx, Problem.of("internal", "Internal error", 500, "Something went wrong on our side; it has been logged."));
                }
            }
        });
    }

    /** The health answer, its fields always in this order (a {@code Map.of} wrote them in an order that changed from run to run). */
    record HealthView(String status, String database, boolean databaseUp) {}

    /** A new session's token, its fields always in this order. */
    record SessionView(String token, String expiresAt) {}

    /** Whether the server and its database answer: 200 when both do, 503 (with Retry-After) when the database does not. */
    private void health(Context ctx) {
        SignIn.Health health = app.signIn().health();
        if (!health.databaseUp()) {
            ctx.header("Retry-After", "5");
            ctx.status(503).json(new HealthView("unavailable", health.database(), false));
            return;
        }
        ctx.json(new HealthView("ok", health.database(), true));
    }

    /** The body of a login request. */
    record Login(String username, String password) {}

    private void login(Context ctx) {
        Login login = Json.body(ctx, Login.class);
        SignIn.Started started = Api.value(app.signIn().login(login.username(), login.password(), clientAddress(ctx)), ctx);
        ctx.status(201).json(new SessionView(started.token(), started.expiresAt().toString()));
    }

    /**
     * The client's address: the connection's peer, or, when the peer is a trusted reverse proxy
     * ({@code --trusted-proxy}), the last address in {@code X-Forwarded-For} that is not itself a trusted
     * proxy. Without a trusted proxy the header is ignored (anyone can send it).
     */
    String clientAddress(Context ctx) {
        String peer = ctx.req().getRemoteAddr();
        if (!settings.trustedProxies().contains(peer)) {
            return peer;
        }
        String forwarded = ctx.header("X-Forwarded-For");
        if (forwarded == null) {
            return peer;
        }
        String[] hops = forwarded.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].strip();
            if (!hop.isEmpty() && !settings.trustedProxies().contains(hop)) {
                return hop.length() > 64 ? hop.substring(0, 64) : hop;
            }
        }
        return peer;
    }

    private void logout(Context ctx) {
        java.util.Optional<String> token = Api.bearer(ctx);
        if (token.isEmpty()) {
            problem(ctx, Problem.of("unauthorized", "Login required", 401, "Send the session token as 'Authorization: Bearer <token>'."));
            return;
        }
        app.signIn().logout(token.get());
        ctx.status(204);
    }

    private void docs(Context ctx) {
        String base = "/webjars/swagger-ui/" + SWAGGER_UI + "/";
        ctx.contentType("text/html; charset=utf-8").result("""
                <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Cadre API</title>
                <link rel="stylesheet" href="%sswagger-ui.css"></head><body><div id="swagger-ui"></div>
                <script src="%sswagger-ui-bundle.js"></script><script src="/docs/init.js"></script></body></html>
                """.formatted(base, base));
    }

    /**
     * Reads and drops what no handler read of the body, before the answer is written. The API's 401 to an upload of a
     * megabyte (a form in parts, which is not read before the handler) was written with the rest of the body unread,
     * and the connection reset under a client still sending, which lost the answer. A body already read reads as ended.
     */
    private static void unreadBody(Context ctx) {
        try {
            drain(ctx.req().getInputStream());
        } catch (IOException | RuntimeException gone) {
            // The client went away, or the body was read as text or as parts: nothing is left to read.
        }
    }

    private static void securityHeaders(Context ctx) {
        if (ctx.statusCode() >= 300 && ctx.statusCode() < 400 && ctx.res().getHeader("Location") != null) {
            // A redirect says where in its Location, with no body (Javalin writes "Redirected", which the default
            // JSON type made a body that is not JSON).
            ctx.result("").contentType("text/plain;charset=utf-8");
            ctx.header("Cache-Control", "no-store");
        }
        if (ctx.path().startsWith("/api/")) {
            // The API's answers hold officers' personal data: no browser or proxy keeps them (the attacker's review).
            ctx.header("Cache-Control", "no-store");
        }
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
        // A report shown in a frame of Cadre's own report page may be framed by Cadre's pages, nothing else is.
        boolean frameable = Boolean.TRUE.equals(ctx.attribute(org.cadre.server.web.pages.Pages.FRAMEABLE));
        ctx.header("X-Frame-Options", frameable ? "SAMEORIGIN" : "DENY");
        ctx.header("Content-Security-Policy", frameable ? CSP.replace("frame-ancestors 'none'", "frame-ancestors 'self'") : CSP);
    }

    /**
     * Answers a problem as the API's JSON problem, or, to a browser asking for a page (outside {@code /api/}), as
     * an error page with the same status and words.
     */
    private void answer(Context ctx, Problem p) {
        if (org.cadre.server.web.pages.Pages.wantsPage(ctx)) {
            pages.problem(ctx, p.status(), p.detail(), p.errors());
            return;
        }
        problem(ctx, p);
    }

    /** The request attribute that marks a use case's refusal answered, which the generic 404 does not replace. */
    private static final String ANSWERED = "cadre.problem-answered";

    static void problem(Context ctx, Problem p) {
        if (p.status() == 401) {
            // A 401 names the scheme that would be accepted (RFC 9110, 11.6.1; the newcomer's review of session 22).
            ctx.header("WWW-Authenticate", "Bearer realm=\"cadre\"");
        }
        ctx.status(p.status()).json(p).contentType(Problem.CONTENT_TYPE);
    }

    private static String resource(String path) {
        try (InputStream in = CadreApp.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
