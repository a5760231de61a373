package org.cadre.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.google.common.collect.ImmutableSortedSet;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cadre.server.security.Passwords;
import org.cadre.server.store.AuditLog;
import org.cadre.server.store.Database;
import org.cadre.server.security.UserAccount;
import org.cadre.server.store.Users;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real application on a free port over a temporary SQLite file: health, login and logout, errors,
 * the served contract and Swagger UI. Documented exchanges go through {@link ApiClient}, which checks
 * them against docs/openapi.yaml; raw requests are for what the contract does not describe (other
 * content types, pages, unknown addresses).
 */
class WebAppTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static Database db;
    private static Javalin app;
    private static ApiClient api;

    @BeforeAll
    static void start() throws Exception {
        db = Database.sqlite(Files.createTempDirectory("cadre-web").resolve("cadre.db"));
        Users users = new Users(db, new AuditLog(Clock.systemUTC()));
        for (String name : new String[] {"coordinator", "guessed"}) {
            users.add(new UserAccount(name, Passwords.hash("right password".toCharArray(), 1_000), UserAccount.Role.COORDINATOR,
                    ImmutableSortedSet.of(), ImmutableSortedSet.of(), false), "admin");
        }
        app = CadreApp.create(db).start("127.0.0.1", 0);
        api = new ApiClient(app.port());
    }

    @AfterAll
    static void stop() {
        app.stop();
        db.close();
    }

    /**
     * An address Jetty refuses before the application sees it (a byte that is no character) is answered as a
     * problem document with the headers every other answer carries (the attacker's review: it had none).
     */
    @org.junit.jupiter.api.Test
    void an_address_refused_before_the_application_carries_the_same_safety_headers() throws Exception {
        HttpResponse<String> r = raw("GET", "/events/x/attendance/%FF", null, null);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(r.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(r.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(r.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(r.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(v -> assertThat(v).contains("frame-ancestors 'none'"));

        // A browser, or htmx on a page, gets a page with a way back, not JSON put into the page.
        for (Map<String, String> asks : List.of(Map.of("Accept", "text/html"), Map.of("Accept", "*/*", "HX-Request", "true"))) {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/events/x/attendance/%FF")).GET();
            asks.forEach(b::header);
            HttpResponse<String> page = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(400);
            assertThat(page.headers().firstValue("Content-Type")).as("%s", asks).hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
            assertThat(page.body()).contains("<h1>Request refused</h1>").contains("href=\"/\"").doesNotContain("%FF").doesNotContain("\"status\"");
            assertThat(page.headers().firstValue("Cache-Control")).contains("no-store");
            assertThat(page.headers().firstValue("HX-Retarget")).isEqualTo(asks.containsKey("HX-Request") ? Optional.of("body") : Optional.empty());
        }
        // The API's callers keep their problem document, whatever they accept.
        HttpResponse<String> api = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/api/v1/events/%FF"))
                .header("Accept", "text/html").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(api.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
    }

    /** A request outside the contract. */
    private static HttpResponse<String> raw(String method, String path, String contentType, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void health_says_ok_and_which_database_as_the_contract_describes() throws Exception {
        HttpResponse<String> response = api.send("GET", "/api/v1/health", null, null);

        assertThat(response.statusCode()).isEqualTo(200);
        // In one order, always: the fields came in an order that changed from one start of the server to the next.
        assertThat(response.body()).isEqualTo("{\"status\":\"ok\",\"database\":\"sqlite\",\"databaseUp\":true}");
    }

    @Test
    void the_contract_check_rejects_a_response_the_document_does_not_allow() {
        var report = ApiClient.CONTRACT.validate(new SimpleRequest.Builder(Request.Method.GET, "/api/v1/health").build(),
                SimpleResponse.Builder.status(200).withContentType("application/json").withBody("{\"status\":\"fine\"}").build());

        assertThat(report.hasErrors()).isTrue();
    }

    @Test
    void login_answers_a_token_with_its_expiry_and_logout_ends_it() throws Exception {
        HttpResponse<String> login = api.send("POST", "/api/v1/session", null,
                "{\"username\":\"coordinator\",\"password\":\"right password\"}");

        assertThat(login.statusCode()).as(login.body()).isEqualTo(201);
        var body = JsonMapper.builder().build().readTree(login.body());
        assertThat(body.get("expiresAt").asText()).isNotBlank();
        assertThat(login.body()).startsWith("{\"token\":\"").contains("\",\"expiresAt\":\"");
        assertThat(api.send("DELETE", "/api/v1/session", body.get("token").asText(), null).statusCode()).isEqualTo(204);
    }

    @Test
    void a_wrong_password_an_unknown_user_and_bad_bodies_get_problems_naming_the_reason() throws Exception {
        HttpResponse<String> bad = api.send("POST", "/api/v1/session", null, "{\"username\":\"coordinator\",\"password\":\"wrong\"}");
        HttpResponse<String> unknown = api.send("POST", "/api/v1/session", null, "{\"username\":\"nobody\",\"password\":\"x\"}");
        HttpResponse<String> extra = api.send("POST", "/api/v1/session", null, "{\"username\":\"a\",\"password\":\"b\",\"role\":\"admin\"}");
        HttpResponse<String> missing = api.send("POST", "/api/v1/session", null, "{\"username\":\"a\"}");
        HttpResponse<String> broken = api.send("POST", "/api/v1/session", null, "{\"username\":");
        HttpResponse<String> text = raw("POST", "/api/v1/session", "text/plain", "username=a");

        assertThat(bad.statusCode()).isEqualTo(401);
        assertThat(unknown.statusCode()).isEqualTo(401);
        assertThat(unknown.body()).as("an unknown user cannot be told from a wrong password").isEqualTo(bad.body());
        assertThat(extra.statusCode()).isEqualTo(400);
        assertThat(extra.body()).contains("role: is not a known field");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("password: is required");
        assertThat(broken.statusCode()).isEqualTo(400);
        assertThat(broken.body()).doesNotContain("Exception").doesNotContain("line:");
        assertThat(text.statusCode()).isEqualTo(415);
        assertThat(text.headers().firstValue("Content-Type")).hasValueSatisfying(ct -> assertThat(ct).startsWith(Problem.CONTENT_TYPE));
    }

    @Test
    void five_failed_logins_for_a_user_lock_further_attempts_even_with_the_right_password() throws Exception {
        for (int i = 0; i < 5; i++) {
            assertThat(api.send("POST", "/api/v1/session", null, "{\"username\":\"guessed\",\"password\":\"guess" + i + "\"}")
                    .statusCode()).isEqualTo(401);
        }

        HttpResponse<String> locked = api.send("POST", "/api/v1/session", null, "{\"username\":\"guessed\",\"password\":\"right password\"}");

        assertThat(locked.statusCode()).isEqualTo(429);
        assertThat(locked.headers().firstValue("Retry-After")).contains("900");
    }

    @Test
    void an_unknown_path_is_a_problem_document_without_internals_or_the_path() throws Exception {
        HttpResponse<String> response = raw("GET", "/api/v1/nothing-here", null, null);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(ct -> assertThat(ct).startsWith(Problem.CONTENT_TYPE));
        assertThat(response.body()).contains("\"status\":404").doesNotContain("nothing-here").doesNotContain("Exception").doesNotContain("at org.");
    }

    @Test
    void a_method_an_address_does_not_take_is_405_naming_those_it_does() throws Exception {
        HttpResponse<String> patch = raw("PATCH", "/api/v1/session", "application/json", "{}");

        assertThat(patch.statusCode()).isEqualTo(405);
        assertThat(patch.headers().firstValue("Allow")).hasValueSatisfying(allow -> assertThat(allow).contains("POST").contains("DELETE"));
        assertThat(patch.headers().firstValue("Content-Type")).hasValueSatisfying(ct -> assertThat(ct).startsWith(Problem.CONTENT_TYPE));
        assertThat(patch.body()).contains("\"status\":405").contains("does not take PATCH").doesNotContain("Exception");
        // HEAD is answered as GET would be, without a body: 401 without a token (it was 200 for any GET route).
        HttpResponse<String> head = raw("HEAD", "/api/v1/users", null, null);
        assertThat(head.statusCode()).isEqualTo(401);
        assertThat(head.body()).isEmpty();
        assertThat(raw("HEAD", "/api/v1/health", null, null).statusCode()).isEqualTo(200);
        // No API answer is kept by a browser or proxy, a refusal or a record alike.
        assertThat(head.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(raw("GET", "/api/v1/health", null, null).headers().firstValue("Cache-Control")).contains("no-store");
        // An address with nothing at it stays 404, whatever the method.
        assertThat(raw("PATCH", "/api/v1/nothing-here", "application/json", "{}").statusCode()).isEqualTo(404);
    }

    @Test
    void the_contract_is_served_and_swagger_ui_comes_from_the_webjar_with_security_headers() throws Exception {
        HttpResponse<String> spec = raw("GET", "/openapi.yaml", null, null);
        HttpResponse<String> docs = raw("GET", "/docs", null, null);

        assertThat(spec.body()).isEqualTo(Files.readString(Path.of("..", "docs", "openapi.yaml")));
        assertThat(docs.statusCode()).isEqualTo(200);
        assertThat(docs.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(v -> assertThat(v).contains("default-src 'self'"));
        assertThat(docs.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(docs.body()).doesNotContain("http://").doesNotContain("https://");
        assertThat(raw("GET", "/webjars/swagger-ui/5.34.1/swagger-ui-bundle.js", null, null).statusCode()).isEqualTo(200);
        assertThat(raw("GET", "/docs/init.js", null, null).body()).contains("/openapi.yaml");
    }
}
