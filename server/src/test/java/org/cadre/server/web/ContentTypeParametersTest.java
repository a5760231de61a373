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
import com.google.common.collect.ImmutableSortedSet;
import java.time.Clock;
import org.cadre.roster.Country;
import org.cadre.server.security.Passwords;
import org.cadre.server.security.UserAccount;
import org.cadre.server.store.Users;
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
        return send(port, method, path, contentType, null, "person_id\r\n");
    }

    private static HttpResponse<String> send(int port, String method, String path, String contentType, String token, String body)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * A charset Java does not know is a 415 naming the header on every address, signed in or not, and nothing is logged
     * as an error (the attacker's review of session 13: the container threw when the content type was read, a 500 with a
     * stack trace in the log, for anyone without a login at the sign-in).
     */
    @Test
    void a_charset_nobody_knows_is_refused_naming_the_header_on_every_address_and_nothing_is_logged() throws Exception {
        try (Database db = Database.sqlite(Files.createTempDirectory("cadre-content-type").resolve("cadre.db"));
                LogCapture log = new LogCapture()) {
            DemoData.load(db, new AuditLog(Clock.systemUTC()));
            new Users(db, new AuditLog(Clock.systemUTC())).add(new UserAccount("kz", Passwords.hash("pw".toCharArray(), 1_000),
                    UserAccount.Role.COORDINATOR, ImmutableSortedSet.of(Country.KAZAKHSTAN), ImmutableSortedSet.of(), false), "admin");
            Javalin app = CadreApp.create(db).start("127.0.0.1", 0);
            try {
                String token = new ApiClient(app.port()).login("kz", "pw");
                String login = "{\"username\": \"kz\", \"password\": \"pw\"}";
                String person = "{\"id\": \"kz-charset-1\", \"latinName\": \"Aigerim Bekova\", \"country\": \"KZ\"}";
                String[][] requests = {
                    {"POST", "/api/v1/session", "application/json; charset=%s", null, login},
                    {"POST", "/api/v1/people", "application/json; charset=%s", token, person},
                    {"POST", "/api/v1/events/tot-almaty-2023/roster", "text/csv; charset=%s", token, "person_id\r\n"},
                    {"POST", "/login", "application/x-www-form-urlencoded; charset=%s", null, "username=kz&password=pw"},
                    {"GET", "/api/v1/health", "text/plain; charset=%s", null, ""},
                };
                for (String[] request : requests) {
                    for (String charset : new String[] {"klingon", "@@bad", "\"x-unknown\""}) {
                        String type = request[2].formatted(charset);
                        HttpResponse<String> r = send(app.port(), request[0], request[1], type, request[3], request[4]);

                        assertThat(r.statusCode()).as(request[1] + " with " + type).isEqualTo(415);
                        JsonNode problem = JSON.readTree(r.body());
                        assertThat(problem.get("type").asText()).endsWith("/unsupported-media-type");
                        assertThat(problem.get("errors").get(0).asText()).isEqualTo("Content-Type: parameter 1 names a character set "
                                + "this server does not know (for example charset=utf-8)");
                        assertThat(r.body()).doesNotContain(charset.replace("\"", ""));
                    }
                }
                // A media type that is empty, parameters aside (";" alone), is no JSON or CSV: 415, not a 500 (the attacker's
                // re-check of session 13: splitting ";" gave no first part to read, for anyone at the sign-in).
                for (String[] request : requests) {
                    for (String type : new String[] {";", " ; ", ";;"}) {
                        HttpResponse<String> r = send(app.port(), request[0], request[1], type, request[3], request[4]);
                        assertThat(r.statusCode()).as(request[1] + " with " + type).isEqualTo(request[0].equals("GET") ? 200 : 415);
                    }
                }
                // An Accept-Language item that is ";" alone reads as no language: the page is English, not a 500.
                for (String languages : new String[] {";", "fr;q=0.5,;", " ; ,ru"}) {
                    HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + app.port() + "/login")).header("Accept-Language", languages).GET().build(),
                            HttpResponse.BodyHandlers.ofString());
                    assertThat(page.statusCode()).as("Accept-Language: " + languages).isEqualTo(200);
                    assertThat(page.body()).contains(languages.endsWith("ru") ? "<html lang=\"ru\">" : "<html lang=\"en\">");
                }
                // Known names pass on, written in any case or quoted (the person is stored: 201).
                assertThat(send(app.port(), "POST", "/api/v1/people", "application/json; charset=\"UTF-8\"", token, person).statusCode())
                        .isEqualTo(201);
                assertThat(log.lines()).as("nothing logged as an error").noneMatch(line -> line.startsWith("ERROR"));
            } finally {
                app.stop();
            }
        }
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
