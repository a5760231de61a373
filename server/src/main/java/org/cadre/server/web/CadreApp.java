package org.cadre.server.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.cadre.server.store.Database;
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

    private CadreApp(Database db) {
        this.db = db;
        this.openApi = resource("/openapi.yaml");
    }

    /** The application, not yet started. */
    public static Javalin create(Database db) {
        CadreApp app = new CadreApp(db);
        return Javalin.create(config -> {
            config.http.maxRequestSize = MAX_REQUEST_BYTES;
            config.http.defaultContentType = "application/json";
            config.staticFiles.enableWebjars();
            config.requestLogger.http((ctx, ms) -> LOG.info("{} {} {} {} ms", ctx.method(), ctx.path(), ctx.statusCode(),
                    Math.round(ms)));
            app.routes(config.routes);
        });
    }

    /** The whole API, in one place. */
    private void routes(io.javalin.config.RoutesConfig r) {
        r.get("/api/v1/health", this::health);
        r.get("/openapi.yaml", ctx -> ctx.contentType("application/yaml").result(openApi));
        r.get("/docs", this::docs);
        r.get("/docs/init.js", ctx -> ctx.contentType("text/javascript").result(
                "window.ui = SwaggerUIBundle({url: '/openapi.yaml', dom_id: '#swagger-ui'});"));
        r.after(CadreApp::securityHeaders);
        r.error(HttpStatus.NOT_FOUND.getCode(), ctx -> problem(ctx, Problem.of("not-found", "Not found", 404,
                "There is nothing at " + ctx.method() + " " + ctx.path() + ".")));
        r.error(HttpStatus.CONTENT_TOO_LARGE.getCode(), ctx -> problem(ctx, Problem.of("too-large", "Request too large", 413,
                "Request bodies are limited to " + MAX_REQUEST_BYTES + " bytes.")));
        r.exception(Exception.class, (e, ctx) -> {
            LOG.error("unexpected failure on {} {}", ctx.method(), ctx.path(), e);
            problem(ctx, Problem.of("internal", "Internal error", 500, "Something went wrong on our side; it has been logged."));
        });
    }

    private void health(Context ctx) {
        String kind = db.dialect() == SQLDialect.SQLITE ? "sqlite" : "postgresql";
        ctx.json(Map.of("status", "ok", "database", kind));
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
