package org.cadre.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Clock;
import org.cadre.server.store.AuditLog;
import org.cadre.server.store.Database;
import org.cadre.server.store.DemoData;
import org.junit.jupiter.api.Test;

/**
 * A Content-Type whose parameter is not {@code name=value} is a 400 naming the header on every address, signed in
 * or not (the attacker's re-check: "a/b; charset" was a 500 with a stack trace in the log on any address).
 */
class ContentTypeParametersTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static HttpResponse<String> send(int port, String method, String path, String contentType) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofString("person_id\r\n")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void a_parameter_without_a_value_is_refused_naming_the_header_before_anything_reads_the_request() throws Exception {
        try (Database db = Database.sqlite(Files.createTempDirectory("cadre-content-type").resolve("cadre.db"));
                LogCapture log = new LogCapture()) {
            DemoData.load(db, new AuditLog(Clock.systemUTC()));
            Javalin app = CadreApp.create(db).start("127.0.0.1", 0);
            try {
                for (String[] request : new String[][] {{"GET", "/api/v1/health?x=1"}, {"POST", "/api/v1/events/tot-almaty-2023/roster"},
                        {"GET", "/events"}, {"GET", "/no/such/address"}}) {
                    for (String type : new String[] {"a/b; charset", "text/csv; CHARSET", "application/json; x; charset=utf-8"}) {
                        HttpResponse<String> r = send(app.port(), request[0], request[1], type);

                        assertThat(r.statusCode()).as(request[1] + " with " + type).isEqualTo(400);
                        JsonNode problem = JSON.readTree(r.body());
                        assertThat(problem.get("errors").get(0).asText()).startsWith("Content-Type: parameter ");
                        assertThat(r.body()).doesNotContain(type);
                    }
                }
                // Parameters written as HTTP writes them pass on (the token is missing: 401, not 400).
                assertThat(send(app.port(), "POST", "/api/v1/events/tot-almaty-2023/roster", "text/csv; charset=utf-8").statusCode())
                        .isEqualTo(401);
                assertThat(send(app.port(), "GET", "/api/v1/health", "a/b;;").statusCode()).isEqualTo(200);
                assertThat(log.lines()).as("nothing logged as an error").noneMatch(line -> line.startsWith("ERROR"));
            } finally {
                app.stop();
            }
        }
    }
}
