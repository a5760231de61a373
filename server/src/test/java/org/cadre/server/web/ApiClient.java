package org.cadre.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

/**
 * Test client for the real application: sends requests and checks every exchange against
 * docs/openapi.yaml. Requests answered with an error may break the contract on purpose (a missing
 * token, a bad parameter); for them only the answer is checked.
 */
final class ApiClient {

    static final OpenApiInteractionValidator CONTRACT =
            OpenApiInteractionValidator.createForSpecificationUrl(Path.of("..", "docs", "openapi.yaml").toUri().toString()).build();

    private final HttpClient http = HttpClient.newHttpClient();
    private final int port;
    private final java.util.concurrent.atomic.AtomicInteger sent = new java.util.concurrent.atomic.AtomicInteger();

    ApiClient(int port) {
        this.port = port;
    }

    HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
        return send(method, path, token, body, (String) null);
    }

    /** As {@link #send(String, String, String, String)}, with an Accept header when {@code accept} is given. */
    HttpResponse<String> send(String method, String path, String token, String body, String accept) throws Exception {
        return send(method, path, token, body, accept, null);
    }

    /**
     * A change of the record at {@code path} made from the version read just before: GET for its ETag,
     * then the request with that ETag in If-Match (as a client that reads before it writes).
     */
    HttpResponse<String> change(String method, String path, String token, String body) throws Exception {
        String etag = send("GET", path, token, null).headers().firstValue("ETag").orElse("\"0\"");
        return send(method, path, token, body, null, etag);
    }

    /** As {@link #send(String, String, String, String, String)}, with If-Match when {@code ifMatch} is given. */
    HttpResponse<String> send(String method, String path, String token, String body, String accept, String ifMatch) throws Exception {
        java.util.Map<String, String> headers = new java.util.LinkedHashMap<>();
        if (accept != null) {
            headers.put("Accept", accept);
        }
        if (ifMatch != null) {
            headers.put("If-Match", ifMatch);
        }
        return send(method, path, token, body, headers);
    }

    /** As {@link #send(String, String, String, String)}, with the headers given (Accept, If-Match, Idempotency-Key). */
    HttpResponse<String> send(String method, String path, String token, String body, java.util.Map<String, String> headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        headers.forEach(b::header);
        HttpResponse<String> response = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        sent.incrementAndGet();
        String pathOnly = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        SimpleResponse.Builder res = SimpleResponse.Builder.status(response.statusCode()).withBody(response.body());
        response.headers().firstValue("Content-Type").ifPresent(ct -> res.withContentType(ct.split(";")[0]));
        var report = response.statusCode() >= 400
                ? CONTRACT.validateResponse(pathOnly, Request.Method.valueOf(method), res.build())
                : CONTRACT.validate(request(method, path, token, body, headers), res.build());
        assertThat(report.getMessages()).as("contract of %s %s: %s", method, path, response.body()).isEmpty();
        return response;
    }

    /** How many requests this client has sent. */
    int sent() {
        return sent.get();
    }

    /** A roster import: the CSV posted as text/csv; the answer is held to the contract. */
    HttpResponse<String> csv(String path, String token, String csv) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "text/csv; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(csv));
        HttpResponse<String> response = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        sent.incrementAndGet();
        String pathOnly = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        SimpleResponse.Builder res = SimpleResponse.Builder.status(response.statusCode()).withBody(response.body());
        response.headers().firstValue("Content-Type").ifPresent(ct -> res.withContentType(ct.split(";")[0]));
        var report = CONTRACT.validateResponse(pathOnly, Request.Method.POST, res.build());
        assertThat(report.getMessages()).as("contract of POST %s: %s", path, response.body()).isEmpty();
        return response;
    }

    private static SimpleRequest request(String method, String path, String token, String body, java.util.Map<String, String> headers) {
        String pathOnly = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        SimpleRequest.Builder req = new SimpleRequest.Builder(method, pathOnly);
        if (path.contains("?")) {
            for (String pair : path.substring(path.indexOf('?') + 1).split("&")) {
                String[] kv = pair.split("=", 2);
                req.withQueryParam(kv[0], kv.length > 1 ? kv[1] : "");
            }
        }
        if (token != null) {
            req.withHeader("Authorization", "Bearer " + token);
        }
        if (body != null) {
            req.withBody(body).withContentType("application/json");
        }
        headers.forEach(req::withHeader);
        return req.build();
    }

    String login(String user, String password) throws Exception {
        HttpResponse<String> r = send("POST", "/api/v1/session", null,
                "{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return JsonMapper.builder().build().readTree(r.body()).get("token").asText();
    }
}
