package org.cadre.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.cadre.server.store.Database;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The real application on a free port over a temporary SQLite file; responses checked against docs/openapi.yaml. */
class WebAppTest {

    private static Database db;
    private static Javalin app;
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final OpenApiInteractionValidator CONTRACT =
            OpenApiInteractionValidator.createForSpecificationUrl(Path.of("..", "docs", "openapi.yaml").toUri().toString()).build();

    @BeforeAll
    static void start() throws Exception {
        db = Database.sqlite(Files.createTempDirectory("cadre-web").resolve("cadre.db"));
        var users = new org.cadre.server.store.Users(db, new org.cadre.server.store.AuditLog(java.time.Clock.systemUTC()));
        for (String name : new String[] {"coordinator", "guessed"}) {
            users.add(new org.cadre.server.store.UserAccount(name, org.cadre.server.security.Passwords.hash("right password".toCharArray(), 1_000),
                    org.cadre.server.store.UserAccount.Role.COORDINATOR, com.google.common.collect.ImmutableSortedSet.of(),
                    com.google.common.collect.ImmutableSortedSet.of(), false), "admin");
        }
        app = CadreApp.create(db).start("127.0.0.1", 0);
    }

    private static HttpResponse<String> send(String method, String path, String contentType, String body, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static ValidationReport validate(String method, String path, String requestBody, HttpResponse<String> response) {
        SimpleRequest.Builder req = new SimpleRequest.Builder(method, path);
        response.request().headers().firstValue("Authorization").ifPresent(a -> req.withHeader("Authorization", a));
        if (requestBody != null) {
            req.withBody(requestBody).withContentType("application/json");
        }
        SimpleResponse.Builder r = SimpleResponse.Builder.status(response.statusCode()).withBody(response.body());
        response.headers().firstValue("Content-Type").ifPresent(ct -> r.withContentType(ct));
        return CONTRACT.validate(req.build(), r.build());
    }

    @Test
    void login_answers_a_token_with_its_expiry_and_logout_ends_it() throws Exception {
        String body = "{\"username\":\"coordinator\",\"password\":\"right password\"}";
        HttpResponse<String> login = send("POST", "/api/v1/session", "application/json", body, null);

        assertThat(login.statusCode()).as(login.body()).isEqualTo(201);
        assertThat(validate("POST", "/api/v1/session", body, login).getMessages()).isEmpty();
        String token = com.fasterxml.jackson.databind.json.JsonMapper.builder().build().readTree(login.body()).get("token").asText();

        HttpResponse<String> logout = send("DELETE", "/api/v1/session", null, null, token);
        assertThat(logout.statusCode()).isEqualTo(204);
        assertThat(validate("DELETE", "/api/v1/session", null, logout).getMessages()).isEmpty();
    }

    @Test
    void a_wrong_password_an_unknown_user_and_bad_bodies_get_problems_naming_the_reason() throws Exception {
        String wrong = "{\"username\":\"coordinator\",\"password\":\"wrong\"}";
        HttpResponse<String> bad = send("POST", "/api/v1/session", "application/json", wrong, null);
        HttpResponse<String> unknown = send("POST", "/api/v1/session", "application/json", "{\"username\":\"nobody\",\"password\":\"x\"}", null);
        HttpResponse<String> extra = send("POST", "/api/v1/session", "application/json", "{\"username\":\"a\",\"password\":\"b\",\"role\":\"admin\"}", null);
        HttpResponse<String> missing = send("POST", "/api/v1/session", "application/json", "{\"username\":\"a\"}", null);
        HttpResponse<String> broken = send("POST", "/api/v1/session", "application/json", "{\"username\":", null);
        HttpResponse<String> text = send("POST", "/api/v1/session", "text/plain", "username=a", null);

        assertThat(bad.statusCode()).isEqualTo(401);
        assertThat(validate("POST", "/api/v1/session", wrong, bad).getMessages()).isEmpty();
        assertThat(unknown.statusCode()).isEqualTo(401);
        assertThat(unknown.body()).isEqualTo(bad.body());
        assertThat(extra.statusCode()).isEqualTo(400);
        assertThat(extra.body()).contains("role: is not a known field");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("password: is required");
        assertThat(broken.statusCode()).isEqualTo(400);
        assertThat(broken.body()).doesNotContain("Exception").doesNotContain("line:");
        assertThat(text.statusCode()).isEqualTo(415);
    }

    @Test
    void five_failed_logins_for_a_user_lock_further_attempts_even_with_the_right_password() throws Exception {
        for (int i = 0; i < 5; i++) {
            assertThat(send("POST", "/api/v1/session", "application/json", "{\"username\":\"guessed\",\"password\":\"guess" + i + "\"}", null)
                    .statusCode()).isEqualTo(401);
        }

        HttpResponse<String> locked = send("POST", "/api/v1/session", "application/json",
                "{\"username\":\"guessed\",\"password\":\"right password\"}", null);

        assertThat(locked.statusCode()).isEqualTo(429);
        assertThat(locked.headers().firstValue("Retry-After")).contains("900");
    }

    @AfterAll
    static void stop() {
        app.stop();
        db.close();
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Validates the exchange against the contract and returns the report. */
    private static ValidationReport validate(String path, HttpResponse<String> response) {
        SimpleResponse.Builder r = SimpleResponse.Builder.status(response.statusCode()).withBody(response.body());
        response.headers().firstValue("Content-Type").ifPresent(ct -> r.withContentType(ct));
        return CONTRACT.validate(new SimpleRequest.Builder(Request.Method.GET, path).build(), r.build());
    }


    @Test
    void health_says_ok_and_which_database_as_the_contract_describes() throws Exception {
        HttpResponse<String> response = get("/api/v1/health");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"status\":\"ok\"").contains("\"database\":\"sqlite\"");
        assertThat(validate("/api/v1/health", response).getMessages()).isEmpty();
    }

    @Test
    void the_contract_check_rejects_a_response_the_document_does_not_allow() {
        HttpResponse<String> fake = new FakeResponse(200, "{\"status\":\"fine\"}");

        assertThat(validate("/api/v1/health", fake).hasErrors()).isTrue();
    }

    @Test
    void an_unknown_path_is_a_problem_document_without_internals() throws Exception {
        HttpResponse<String> response = get("/api/v1/nothing-here");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(ct -> assertThat(ct).startsWith(Problem.CONTENT_TYPE));
        assertThat(response.body()).contains("\"status\":404").doesNotContain("nothing-here").doesNotContain("Exception").doesNotContain("at org.");
    }

    @Test
    void the_contract_is_served_and_swagger_ui_comes_from_the_webjar_with_security_headers() throws Exception {
        HttpResponse<String> spec = get("/openapi.yaml");
        HttpResponse<String> docs = get("/docs");

        assertThat(spec.body()).isEqualTo(Files.readString(Path.of("..", "docs", "openapi.yaml")));
        assertThat(docs.statusCode()).isEqualTo(200);
        assertThat(docs.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(v -> assertThat(v).contains("default-src 'self'"));
        assertThat(docs.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(docs.body()).doesNotContain("http://").doesNotContain("https://");
        assertThat(get("/webjars/swagger-ui/5.34.1/swagger-ui-bundle.js").statusCode()).isEqualTo(200);
        assertThat(get("/docs/init.js").body()).contains("/openapi.yaml");
    }

    /** A response that never travelled, to show the contract check can fail. */
    private record FakeResponse(int statusCode, String body) implements HttpResponse<String> {
        public HttpRequest request() { return null; }
        public java.util.Optional<HttpResponse<String>> previousResponse() { return java.util.Optional.empty(); }
        public java.net.http.HttpHeaders headers() {
            return java.net.http.HttpHeaders.of(java.util.Map.of("Content-Type", java.util.List.of("application/json")), (a, b) -> true);
        }
        public java.util.Optional<javax.net.ssl.SSLSession> sslSession() { return java.util.Optional.empty(); }
        public URI uri() { return null; }
        public HttpClient.Version version() { return HttpClient.Version.HTTP_1_1; }
    }
}
