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
        app = CadreApp.create(db).start("127.0.0.1", 0);
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
        assertThat(response.body()).contains("\"status\":404").contains("/api/v1/nothing-here").doesNotContain("Exception").doesNotContain("at org.");
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
