package org.cadre.server.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.cadre.server.security.Access;
import org.cadre.server.security.LoginThrottle;
import org.cadre.server.security.NewUsers;
import org.cadre.server.security.Passwords;
import org.cadre.server.security.Sessions;
import org.cadre.server.store.AuditLog;
import org.cadre.server.store.Database;
import org.cadre.server.store.Users;
import org.cadre.server.store.UserAccount;
import org.cadre.server.store.Events;
import org.cadre.server.store.Curricula;
import org.cadre.server.store.Rosters;
import org.cadre.reporting.EventReport;
import org.cadre.reporting.EventReports;
import org.cadre.reporting.disclosure.Audience;
import org.cadre.reporting.disclosure.Disclosure;
import org.cadre.reporting.render.CsvRenderer;
import org.cadre.reporting.render.HtmlRenderer;
import org.cadre.reporting.render.JsonRenderer;
import org.jooq.SQLDialect;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the web application from its dependencies, so tests run the real application against a
 * temporary database. Every route is in {@link #routes}.
 */
public final class CadreApp {

    private static final Logger LOG = LoggerFactory.getLogger("cadre.http");

    /** Largest request body accepted, in bytes. */
    public static final long MAX_REQUEST_BYTES = 1024 * 1024;

    private static final String SWAGGER_UI = "5.34.1";
    private static final String CSP = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
            + "script-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'none'";

    private final Database db;
    private final String openApi;
    private final Users users;
    private final Sessions sessions;
    private final LoginThrottle userThrottle;
    private final LoginThrottle addressThrottle;
    private final Clock clock;

    private CadreApp(Database db, Clock clock, Duration idle, Duration absolute) {
        this.db = db;
        this.openApi = resource("/openapi.yaml");
        this.clock = clock;
        this.users = new Users(db, new AuditLog(clock));
        this.sessions = new Sessions(db, users, clock, idle, absolute);
        // Five wrong passwords lock a username for 15 minutes; an address (a whole office behind one NAT)
        // only after fifty.
        this.userThrottle = new LoginThrottle(clock, 5, Duration.ofMinutes(15));
        this.addressThrottle = new LoginThrottle(clock, 50, Duration.ofMinutes(15));
    }

    /** The application with the system clock and default session lifetimes (idle 30 min, absolute 12 h). */
    public static Javalin create(Database db) {
        return create(db, Clock.systemUTC(), Duration.ofMinutes(30), Duration.ofHours(12));
    }

    /** The application, not yet started. */
    public static Javalin create(Database db, Clock clock, Duration idle, Duration absolute) {
        CadreApp app = new CadreApp(db, clock, idle, absolute);
        return Javalin.create(config -> {
            config.http.maxRequestSize = MAX_REQUEST_BYTES;
            config.http.defaultContentType = "application/json";
            config.staticFiles.enableWebjars();
            config.jetty.modifyServer(server -> server.setErrorHandler(new ProblemErrorHandler()));
            // The route template, never the raw path: a path may carry what a client typed, names included.
            config.requestLogger.http((ctx, ms) -> LOG.info("{} {} {} {} ms", ctx.method(), route(ctx), ctx.statusCode(),
                    Math.round(ms)));
            app.routes(config.routes);
        });
    }

    private static String route(Context ctx) {
        try {
            var endpoint = ctx.endpoint();
            return endpoint == null ? "(no route)" : endpoint.path;
        } catch (RuntimeException noEndpoint) {
            return "(no route)";
        }
    }

    /** The whole API, in one place. */
    private void routes(io.javalin.config.RoutesConfig r) {
        // Read every request body (up to the limit) before answering: a client still sending a large body
        // must still receive the answer, which it does not when the connection is closed under it.
        r.before(ctx -> {
            if (ctx.req().getContentLengthLong() != 0) {
                ctx.bodyAsBytes();
            }
        });
        r.get("/api/v1/health", this::health);
        r.post("/api/v1/session", this::login);
        r.delete("/api/v1/session", this::logout);
        r.get("/api/v1/events/{id}/report", this::eventReport);
        r.get("/api/v1/users", this::listUsers);
        r.post("/api/v1/users", this::createUser);
        r.get("/openapi.yaml", ctx -> ctx.contentType("application/yaml").result(openApi));
        r.get("/docs", this::docs);
        r.get("/docs/init.js", ctx -> ctx.contentType("text/javascript").result(
                "window.ui = SwaggerUIBundle({url: '/openapi.yaml', dom_id: '#swagger-ui'});"));
        r.after(CadreApp::securityHeaders);
        // Error texts never repeat what the client sent: a path or a parameter may carry a person's name.
        r.error(HttpStatus.NOT_FOUND.getCode(), ctx -> problem(ctx, Problem.of("not-found", "Not found", 404,
                "There is nothing at this address; the API is listed at /openapi.yaml.")));
        r.error(HttpStatus.CONTENT_TOO_LARGE.getCode(), ctx -> problem(ctx, Problem.of("too-large", "Request too large", 413,
                "Request bodies are limited to " + MAX_REQUEST_BYTES + " bytes.")));
        r.exception(io.javalin.http.HttpResponseException.class, (e, ctx) -> problem(ctx, Problem.of("http-" + e.getStatus(),
                e.getStatus() == 413 ? "Request too large" : "Request refused", e.getStatus(),
                e.getStatus() == 413 ? "Request bodies are limited to " + MAX_REQUEST_BYTES + " bytes." : "The request could not be handled.")));
        r.exception(Exception.class, (e, ctx) -> {
            LOG.error("unexpected failure on {} {}", ctx.method(), ctx.path(), e);
            problem(ctx, Problem.of("internal", "Internal error", 500, "Something went wrong on our side; it has been logged."));
        });
    }

    private void health(Context ctx) {
        String kind = db.dialect() == SQLDialect.SQLITE ? "sqlite" : "postgresql";
        ctx.json(Map.of("status", "ok", "database", kind));
    }

    /** The body of a login request. */
    record Login(String username, String password) {}

    private void login(Context ctx) {
        Login login = Json.read(ctx, Login.class);
        if (login == null) {
            return; // a problem was answered
        }
        java.util.List<String> missing = new java.util.ArrayList<>();
        if (login.username() == null || login.username().isBlank()) {
            missing.add("username: is required");
        }
        if (login.password() == null || login.password().isEmpty()) {
            missing.add("password: is required");
        }
        if (!missing.isEmpty()) {
            problem(ctx, new Problem("https://cadre.example/problems/invalid-fields", "Invalid fields", 400,
                    "The login request lacks a field.", missing));
            return;
        }
        String address = "ip:" + ctx.ip();
        String user = "user:" + login.username();
        if (!userThrottle.allows(user) || !addressThrottle.allows(address)) {
            LOG.warn("login throttled");
            ctx.header("Retry-After", "900");
            problem(ctx, Problem.of("throttled", "Too many failed logins", 429,
                    "Too many failed logins; wait 15 minutes before trying again."));
            return;
        }
        var account = users.get(login.username()).map(v -> v.value()).filter(u -> !u.disabled());
        boolean ok;
        if (account.isPresent()) {
            ok = Passwords.matches(login.password().toCharArray(), account.get().passwordHash());
        } else {
            Passwords.matches(login.password().toCharArray(), DummyHash.VALUE); // the same cost as a real check
            ok = false;
        }
        if (!ok) {
            userThrottle.failed(user);
            addressThrottle.failed(address);
            // Only the name of an existing account is logged: a typed name may be anyone's.
            LOG.warn("login failed user={}", account.isPresent() ? login.username() : "(unknown)");
            problem(ctx, Problem.of("unauthorized", "Login failed", 401, "The username or the password is wrong."));
            return;
        }
        userThrottle.succeeded(user);
        Sessions.Started started = sessions.start(login.username());
        LOG.info("login user={}", login.username());
        ctx.status(201).json(Map.of("token", started.token(), "expiresAt", started.expiresAt().toString()));
    }

    private void logout(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || !header.startsWith("Bearer ")) {
            problem(ctx, Problem.of("unauthorized", "Login required", 401, "Send the session token as 'Authorization: Bearer <token>'."));
            return;
        }
        sessions.end(header.substring("Bearer ".length()).strip());
        ctx.status(204);
    }

    /** The logged-in user, or a 401 problem answered and empty. */
    private java.util.Optional<UserAccount> user(Context ctx) {
        String header = ctx.header("Authorization");
        java.util.Optional<UserAccount> user = header != null && header.startsWith("Bearer ")
                ? sessions.authenticate(header.substring("Bearer ".length()).strip()) : java.util.Optional.empty();
        if (user.isEmpty()) {
            problem(ctx, Problem.of("unauthorized", "Login required", 401,
                    "Log in at POST /api/v1/session and send the token as 'Authorization: Bearer <token>'."));
        }
        return user;
    }

    /** A new user as the API takes it. */
    record NewUser(String username, String password, String role, java.util.List<String> countries, java.util.List<String> programmes) {}

    /** A user as the API shows it: never the password hash. */
    record UserView(String username, String role, java.util.List<String> countries, java.util.List<String> programmes, boolean disabled) {
        static UserView of(UserAccount u) {
            return new UserView(u.username(), u.role().label(), u.countries().stream().map(c -> c.code()).toList(),
                    u.programmes().stream().map(p -> p.value()).toList(), u.disabled());
        }
    }

    /** Page size of every list. */
    static final int PAGE = 50;

    private java.util.Optional<UserAccount> admin(Context ctx) {
        java.util.Optional<UserAccount> user = user(ctx);
        if (user.isPresent() && !Access.managesUsers(user.get())) {
            LOG.warn("denied {} {} user={}", ctx.method(), route(ctx), user.get().username());
            problem(ctx, Problem.of("forbidden", "Forbidden", 403, "Only an administrator manages users."));
            return java.util.Optional.empty();
        }
        return user;
    }

    private void listUsers(Context ctx) {
        if (admin(ctx).isEmpty()) {
            return;
        }
        String after = ctx.queryParam("cursor");
        java.util.List<UserView> all = users.all().stream().map(v -> UserView.of(v.value()))
                .filter(u -> after == null || u.username().compareTo(after) > 0).toList();
        java.util.List<UserView> page = all.subList(0, Math.min(PAGE, all.size()));
        String next = all.size() > PAGE ? page.get(page.size() - 1).username() : null;
        java.util.Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("items", page);
        body.put("next", next);
        ctx.json(body);
    }

    private void createUser(Context ctx) {
        java.util.Optional<UserAccount> actor = admin(ctx);
        if (actor.isEmpty()) {
            return;
        }
        NewUser in = Json.read(ctx, NewUser.class);
        if (in == null) {
            return;
        }
        NewUsers.Checked checked = NewUsers.check(in.username(), in.password(), in.role(), in.countries(), in.programmes());
        if (checked.account().isEmpty()) {
            problem(ctx, new Problem("https://cadre.example/problems/invalid-fields", "Invalid fields", 400,
                    "The user could not be created as sent.", checked.errors()));
            return;
        }
        UserAccount created = checked.account().get();
        try {
            users.add(created, actor.get().username());
        } catch (org.cadre.server.store.AlreadyStoredException e) {
            problem(ctx, Problem.of("conflict", "Conflict", 409, "That username is taken."));
            return;
        } catch (org.jooq.exception.DataAccessException e) {
            problem(ctx, Problem.of("unprocessable", "Unprocessable", 422, "A programme named in the scope does not exist."));
            return;
        }
        ctx.status(201).json(UserView.of(created));
    }

    private void eventReport(Context ctx) {
        java.util.Optional<UserAccount> user = user(ctx);
        if (user.isEmpty()) {
            return;
        }
        String audienceText = java.util.Optional.ofNullable(ctx.queryParam("audience"))
                .orElse(Access.defaultAudience(user.get()).label());
        Audience audience;
        try {
            audience = Audience.parse(audienceText);
        } catch (IllegalArgumentException e) {
            problem(ctx, new Problem("https://cadre.example/problems/invalid-fields", "Invalid fields", 400,
                    "The audience is not one of internal, donor, public.", java.util.List.of("audience: must be internal, donor or public")));
            return;
        }
        if (!Access.mayRead(user.get(), audience)) {
            problem(ctx, Problem.of("forbidden", "Forbidden", 403, "A donor viewer sees donor or public reports only."));
            return;
        }
        String format = reportFormat(ctx);
        if (format == null) {
            problem(ctx, Problem.of("not-acceptable", "Not acceptable", 406, "Reports come as json, csv or html."));
            return;
        }
        String id = ctx.pathParam("id");
        var event = eventId(id).flatMap(e -> new Events(db, new AuditLog(clock)).get(e)).map(v -> v.value())
                .filter(e -> Access.covers(user.get(), e));
        if (event.isEmpty()) {
            problem(ctx, Problem.of("not-found", "Not found", 404, "There is no such event that you can see."));
            return;
        }
        var curriculum = new Curricula(db, new AuditLog(clock)).get(event.get().curriculum(), event.get().version());
        var roster = curriculum.flatMap(c -> new Rosters(db, new AuditLog(clock)).load(event.get().id(), c));
        if (roster.isEmpty()) {
            problem(ctx, Problem.of("conflict", "Incomplete event", 409,
                    "The event's package version " + event.get().curriculum() + "@" + event.get().version() + " is not stored."));
            return;
        }
        EventReport report = EventReports.of(roster.get(), Disclosure.forAudience(audience));
        switch (format) {
            case "csv" -> ctx.contentType("text/csv; charset=utf-8").result(CsvRenderer.reach(report, implementer(roster.get())));
            case "html" -> ctx.contentType("text/html; charset=utf-8").result(HtmlRenderer.event(report,
                    java.util.Locale.forLanguageTag(java.util.Optional.ofNullable(ctx.queryParam("lang")).orElse("en"))));
            default -> ctx.contentType("application/json").result(JsonRenderer.render(report));
        }
    }

    /** The implementing organisation for HXL's {@code #org +impl}: the international organisation on the roster. */
    private static String implementer(org.cadre.roster.EventRoster roster) {
        return roster.organisations().values().stream()
                .filter(o -> o.kind() == org.cadre.roster.Organisation.Kind.INTERNATIONAL_ORGANISATION)
                .map(org.cadre.roster.Organisation::name).sorted().findFirst().orElse("not recorded");
    }

    /** json, csv or html, from the format parameter or else the Accept header; null when neither fits. */
    private static String reportFormat(Context ctx) {
        String format = ctx.queryParam("format");
        if (format != null) {
            return java.util.List.of("json", "csv", "html").contains(format) ? format : null;
        }
        String accept = java.util.Optional.ofNullable(ctx.header("Accept")).orElse("*/*");
        if (accept.contains("text/csv")) {
            return "csv";
        }
        if (accept.contains("text/html")) {
            return "html";
        }
        return accept.contains("application/json") || accept.contains("*/*") ? "json" : null;
    }

    private static java.util.Optional<org.cadre.roster.EventId> eventId(String text) {
        try {
            return java.util.Optional.of(org.cadre.roster.EventId.of(text));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }

    /** Hashed once, on first need, so a login for an unknown user costs as much as one for a known user. */
    private static final class DummyHash {
        static final String VALUE = Passwords.hash("not a password".toCharArray());
    }

    private void docs(Context ctx) {
        String base = "/webjars/swagger-ui/" + SWAGGER_UI + "/";
        ctx.contentType("text/html; charset=utf-8").result("""
                <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Cadre API</title>
                <link rel="stylesheet" href="%sswagger-ui.css"></head><body><div id="swagger-ui"></div>
                <script src="%sswagger-ui-bundle.js"></script><script src="/docs/init.js"></script></body></html>
                """.formatted(base, base));
    }

    private static void securityHeaders(Context ctx) {
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Content-Security-Policy", CSP);
    }

    static void problem(Context ctx, Problem p) {
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
