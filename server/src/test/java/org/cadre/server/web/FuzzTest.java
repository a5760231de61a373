package org.cadre.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.google.common.collect.ImmutableSortedSet;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.util.List;
import java.util.Random;
import org.cadre.server.store.DemoData;
import org.cadre.server.security.Passwords;
import org.cadre.server.store.AuditLog;
import org.cadre.server.store.Database;
import org.cadre.server.security.UserAccount;
import org.cadre.server.store.Users;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * At least 1,000 malformed or hostile requests per endpoint: wrong types, huge and deeply nested JSON,
 * invalid UTF-8, SQL and script fragments, negative and huge numbers, unknown fields, odd content types
 * and paths. No answer may be a 5xx; every error is a problem document.
 */
class FuzzTest {

    private static final int PER_ENDPOINT = 1_000;
    private static final long SEED = Long.getLong("cadre.seed", 20231023L);
    private static final String[] FRAGMENTS = {
        "' OR '1'='1", "\"; DROP TABLE person; --", "<script>alert(1)</script>", "../../etc/passwd", "%00", "\u0000",
        "Абдуллоев Фарход", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "-1", "99999999999999999999999", "1e309", "NaN", "null", "true", "{}", "[]", "${jndi:ldap://x}",
    };
    private static Database db;
    private static Javalin app;
    private static String token;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        db = Database.sqlite(Files.createTempDirectory("cadre-fuzz").resolve("cadre.db"));
        AuditLog audit = new AuditLog(Clock.systemUTC());
        DemoData.load(db, audit);
        new Users(db, audit).add(new UserAccount("fuzz-admin", Passwords.hash("fuzz password".toCharArray(), 1_000),
                UserAccount.Role.ADMIN, ImmutableSortedSet.of(), ImmutableSortedSet.of(), false), "setup");
        new Users(db, audit).add(new UserAccount("fuzz-target", Passwords.hash("target password".toCharArray(), 1_000),
                UserAccount.Role.COORDINATOR, ImmutableSortedSet.of(org.cadre.roster.Country.KAZAKHSTAN), ImmutableSortedSet.of(), false), "setup");
        app = CadreApp.create(db).start("127.0.0.1", 0);
        token = new ApiClient(app.port()).login("fuzz-admin", "fuzz password");
    }

    @AfterAll
    static void stop() {
        app.stop();
        db.close();
    }

    /** Every operation in docs/openapi.yaml: an endpoint added to the contract is fuzzed without further ado. */
    static List<String[]> endpoints() {
        var api = new io.swagger.v3.parser.OpenAPIV3Parser().read(java.nio.file.Path.of("..", "docs", "openapi.yaml").toString());
        List<String[]> all = new java.util.ArrayList<>();
        api.getPaths().forEach((path, item) -> item.readOperationsMap().keySet()
                .forEach(m -> all.add(new String[] {m.name(), path})));
        assertThat(all).as("operations in the contract").hasSizeGreaterThan(40);
        return all;
    }

    /** A valid document of the demo with one value replaced by something hostile. */
    private static String mutatedDocument(Random rnd) {
        try {
            Object doc = switch (rnd.nextInt(4)) {
                case 0 -> org.cadre.documents.RosterDocs.EventDoc.of(org.cadre.roster.demo.DemoRoster.almatyTot().event());
                case 1 -> org.cadre.documents.CurriculumDoc.of(org.cadre.curriculum.demo.DemoCurricula.almatyTot());
                case 2 -> org.cadre.documents.RosterDocs.PersonDoc.of(org.cadre.roster.demo.DemoRoster.almatyTrainers().get(0));
                default -> org.cadre.documents.RosterDocs.ProgrammeDoc.of(org.cadre.roster.demo.DemoRoster.programme());
            };
            String json = JsonMapper.builder().build().writeValueAsString(doc);
            java.util.regex.Matcher values = java.util.regex.Pattern.compile(":(\"[^\"]*\"|-?\\d+(\\.\\d+)?|true|false|null)").matcher(json);
            List<int[]> spans = new java.util.ArrayList<>();
            while (values.find()) {
                spans.add(new int[] {values.start(1), values.end(1)});
            }
            int[] span = spans.get(rnd.nextInt(spans.size()));
            String[] replacements = {"null", "-1", "99999999999999999999", "1e309", "\"\"", "[]", "{}", "\"" + fragment(rnd).replace("\\", "").replace("\"", "") + "\"",
                "\"2023-02-30\"", "\"Europe/Nowhere\"", "-2147483648", "\"" + "x".repeat(rnd.nextInt(5_000)) + "\""};
            return json.substring(0, span[0]) + replacements[rnd.nextInt(replacements.length)] + json.substring(span[1]);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String fragment(Random rnd) {
        return FRAGMENTS[rnd.nextInt(FRAGMENTS.length)];
    }

    private static String hostileJson(Random rnd) {
        return switch (rnd.nextInt(11)) {
            case 9, 10 -> mutatedDocument(rnd);
            case 0 -> "[".repeat(2_000 + rnd.nextInt(20_000)) + "]".repeat(rnd.nextInt(3));
            case 1 -> "{\"username\":\"" + "x".repeat(200_000 + rnd.nextInt(900_000)) + "\",\"password\":\"p\"}";
            case 2 -> "{\"username\":" + rnd.nextLong() + ",\"password\":[" + rnd.nextInt() + "]}";
            case 3 -> "{\"username\":\"" + fragment(rnd).replace("\"", "\\\"") + "\",\"password\":\"" + fragment(rnd).replace("\"", "\\\"")
                    + "\",\"role\":\"" + fragment(rnd).replace("\"", "\\\"") + "\",\"countries\":[\"" + fragment(rnd).replace("\"", "\\\"") + "\"]}";
            case 4 -> "{\"unknown\":" + fragment(rnd) + "}";
            case 5 -> "{\"username\":null,\"password\":null,\"countries\":null,\"programmes\":[null]}";
            case 6 -> "{\"a\":".repeat(500 + rnd.nextInt(2_000)) + "1" + "}".repeat(rnd.nextInt(2_500));
            case 7 -> fragment(rnd);
            default -> "{\"username\":\"u" + rnd.nextInt(40) + "\",\"password\":\"" + "p".repeat(rnd.nextInt(20)) + "\",\"role\":\"coordinator\","
                    + "\"countries\":[\"KZ\",\"" + fragment(rnd).replace("\"", "\\\"") + "\"],\"programmes\":[\"" + "q".repeat(rnd.nextInt(80)) + "\"]}";
        };
    }

    private static byte[] body(Random rnd) {
        if (rnd.nextInt(8) == 0) {
            byte[] invalidUtf8 = new byte[1 + rnd.nextInt(64)];
            rnd.nextBytes(invalidUtf8);
            invalidUtf8[0] = (byte) 0xC3; // a lead byte followed by garbage
            return invalidUtf8;
        }
        return hostileJson(rnd).getBytes(StandardCharsets.UTF_8);
    }

    private static String path(String template, Random rnd) {
        String valid = template.contains("/programmes/") ? "iom-afghan-displacement-ca"
                : template.contains("/curricula/") ? "tsp-countering-migrant-smuggling"
                : template.contains("/people/") || template.contains("/trainers/") ? "t-kz-01" : "tot-almaty-2023";
        String id = switch (rnd.nextInt(5)) {
            case 0 -> valid;
            case 1 -> java.net.URLEncoder.encode(fragment(rnd), StandardCharsets.UTF_8);
            case 2 -> "x".repeat(1 + rnd.nextInt(300));
            case 3 -> "%2e%2e%2f%2e%2e";
            default -> Integer.toString(rnd.nextInt());
        };
        String query = switch (rnd.nextInt(8)) {
            case 5 -> "?from=" + java.net.URLEncoder.encode(fragment(rnd), StandardCharsets.UTF_8) + "&to=2023-13-40&on=" + rnd.nextInt();
            case 6 -> "?q=" + java.net.URLEncoder.encode(fragment(rnd), StandardCharsets.UTF_8) + "&days=" + rnd.nextInt() + "&hoursPerDay=-3";
            case 7 -> "?from=1.0.0&to=" + java.net.URLEncoder.encode(fragment(rnd), StandardCharsets.UTF_8) + "&curriculum=" + rnd.nextInt();
            case 0 -> "?audience=" + java.net.URLEncoder.encode(fragment(rnd), StandardCharsets.UTF_8);
            case 1 -> "?format=" + java.net.URLEncoder.encode(fragment(rnd), StandardCharsets.UTF_8) + "&lang=" + rnd.nextInt();
            case 2 -> "?cursor=" + java.net.URLEncoder.encode(fragment(rnd), StandardCharsets.UTF_8);
            case 3 -> "?audience=donor&format=csv";
            default -> "";
        };
        String filled = template.replace("{id}", id).replace("{person}", rnd.nextBoolean() ? "p-kz-01" : id)
                .replace("{curriculum}", rnd.nextBoolean() ? "tsp-countering-migrant-smuggling" : id)
                .replace("{version}", rnd.nextBoolean() ? "1.0.0" : id).replace("{session}", rnd.nextBoolean() ? "M1.S1" : id)
                .replace("{username}", rnd.nextBoolean() ? "fuzz-target" : id);
        return filled + query;
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("endpoints")
    void a_thousand_hostile_requests_get_no_5xx_and_problem_documents(String method, String template) throws Exception {
        Random rnd = new Random(SEED ^ template.hashCode() ^ method.hashCode());
        for (int i = 0; i < PER_ENDPOINT; i++) {
            String path = path(template, rnd);
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path));
            byte[] body = body(rnd);
            b.method(method, method.equals("GET") || method.equals("DELETE") && rnd.nextBoolean()
                    ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
            String[] contentTypes = {"application/json", "application/json; charset=utf-8", "text/plain", "application/xml", "", "text/csv"};
            String ct = contentTypes[rnd.nextInt(contentTypes.length)];
            if (!ct.isEmpty()) {
                b.header("Content-Type", ct);
            }
            switch (rnd.nextInt(4)) {
                case 0 -> b.header("Authorization", "Bearer " + token);
                case 1 -> b.header("Authorization", "Bearer " + fragment(rnd).replaceAll("[^\\x21-\\x7e]", ""));
                case 2 -> b.header("Authorization", "Basic Zm9vOmJhcg==");
                default -> { }
            }
            if (rnd.nextInt(6) == 0) {
                b.header(rnd.nextBoolean() ? "If-Match" : "Idempotency-Key", rnd.nextBoolean() ? "\"1\"" : fragment(rnd).replaceAll("[^\\x21-\\x7e]", "x"));
            }
            if (rnd.nextInt(4) == 0) {
                b.header("Accept", rnd.nextBoolean() ? "text/csv" : "application/" + rnd.nextInt());
            }
            HttpResponse<String> response;
            HttpRequest request = b.build();
            try {
                response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (java.io.IOException stale) {
                // The JDK client does not retry a POST or PUT that met a pooled connection the server had
                // closed after an earlier answer. Sent again on a fresh connection, the request itself must
                // be answered; a server that drops the request fails here.
                try {
                    response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
                } catch (java.io.IOException e) {
                    // A request line Jetty cannot parse (an illegal character in the path) is refused with 400 and
                    // the connection closed, as RFC 9112 allows, before the body is read; a client still sending a
                    // large body may then meet a reset instead of the answer. Only such a refusal may go
                    // unanswered: the same request without its body must get the 400.
                    HttpResponse<String> bare = HttpClient.newHttpClient().send(HttpRequest.newBuilder(request.uri())
                            .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
                    assertThat(bare.statusCode()).as("seed %d, request %d: %s %s with %d bytes of %s got no answer (%s), and without its body %s",
                            SEED, i, method, path, body.length, ct, e.getMessage(), bare.body()).isEqualTo(400);
                    response = bare;
                }
            }

            assertThat(response.statusCode()).as("seed %d, request %d: %s %s", SEED, i, method, path).isLessThan(500);
            if (response.statusCode() >= 400) {
                JsonNode problem = JsonMapper.builder().build().readTree(response.body());
                assertThat(problem.has("type") && problem.has("title") && problem.get("status").asInt() == response.statusCode())
                        .as("seed %d, request %d: a problem document, was %s", SEED, i, response.body()).isTrue();
                assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("SQL");
                // Every message speaks the API's words: field names and values as the API spells them, no Java name.
                List<String> messages = new java.util.ArrayList<>(List.of(problem.path("title").asText(), problem.path("detail").asText()));
                problem.path("errors").forEach(e -> messages.add(e.asText()));
                List<String> javaNames = messages.stream().flatMap(m -> org.cadre.curriculum.fixtures.ApiWords
                        .javaNamesIn(m, org.cadre.roster.fixtures.RosterWords.ENUMS).stream()).toList();
                assertThat(javaNames).as("seed %d, request %d: %s %s: Java's words in %s", SEED, i, method, path, messages).isEmpty();
            }
        }
    }

    /** Random text: any Unicode, the characters XML cannot carry, markup, formulas, very long runs. */
    private static String randomText(Random rnd) {
        StringBuilder t = new StringBuilder();
        int n = rnd.nextInt(10) == 0 ? 300 + rnd.nextInt(5_000) : 1 + rnd.nextInt(40);
        for (int i = 0; i < n; i++) {
            switch (rnd.nextInt(8)) {
                case 0 -> t.append((char) rnd.nextInt(0x20));
                case 1 -> t.append(rnd.nextBoolean() ? '\uFFFE' : '\uD800');
                case 2 -> t.appendCodePoint(0x10000 + rnd.nextInt(0x10000));
                case 3 -> t.append(rnd.nextBoolean() ? "=HYPERLINK(\"x\")" : "<script>&amp;</script>");
                case 4 -> t.append("Абдуллоев Қайрат ҳ ў");
                default -> t.append((char) (0x20 + rnd.nextInt(0xD000)));
            }
        }
        return t.toString();
    }

    /** The record at {@code path} with each named text field replaced by random text, sent back with its ETag. */
    private static HttpResponse<String> mutate(String path, List<String> fields, Random rnd) throws Exception {
        HttpResponse<String> current = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        com.fasterxml.jackson.databind.node.ObjectNode doc = (com.fasterxml.jackson.databind.node.ObjectNode) JsonMapper.builder().build()
                .readTree(current.body());
        doc.put(fields.get(rnd.nextInt(fields.size())), randomText(rnd));
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .header("If-Match", current.headers().firstValue("ETag").orElse("*"))
                .PUT(HttpRequest.BodyPublishers.ofString(JsonMapper.builder().build().writeValueAsString(doc))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String get(String path, String accept) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
                .header("Authorization", "Bearer " + token).header("Accept", accept).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as("%s: %s", path, r.body()).isEqualTo(200);
        return r.body();
    }

    @org.junit.jupiter.api.Test
    void random_unicode_in_every_text_field_is_stored_or_refused_and_every_output_still_parses() throws Exception {
        token = new ApiClient(app.port()).login("fuzz-admin", "fuzz password"); // the hostile requests may have logged out
        Random rnd = new Random(SEED);
        for (int round = 0; round < 200; round++) {
            List<HttpResponse<String>> answers = List.of(
                    mutate("/api/v1/programmes/iom-afghan-displacement-ca", List.of("title", "donor"), rnd),
                    mutate("/api/v1/organisations/iom", List.of("name"), rnd),
                    mutate("/api/v1/people/p-tj-01", List.of("latinName", "nativeName", "rank"), rnd),
                    mutate("/api/v1/events/tot-almaty-2023", List.of("title", "city"), rnd));
            for (HttpResponse<String> a : answers) {
                assertThat(a.statusCode()).as("round %d: %s", round, a.body()).isIn(200, 400);
            }
            // One output a round, in turn, each read after 50 rounds of new text (reading all four every round, each a report
            // computed anew, took a minute and a half of the build).
            switch (round % 4) {
                case 0 -> {
                    String csv = get("/api/v1/events/tot-almaty-2023/report?format=csv&audience=donor", "text/csv");
                    var rows = org.apache.commons.csv.CSVFormat.RFC4180.parse(new java.io.StringReader(csv.substring(1))).getRecords();
                    assertThat(rows).as("round %d", round).hasSizeGreaterThan(2);
                    for (var r : rows) {
                        r.forEach(cell -> assertThat(cell).as("a live formula").doesNotStartWith("=").doesNotStartWith("@"));
                    }
                }
                case 1 -> {
                    String xml = get("/api/v1/programmes/iom-afghan-displacement-ca/report?format=iati", "application/xml");
                    javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
                            .parse(new java.io.ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
                }
                case 2 -> JsonMapper.builder().build().readTree(get("/api/v1/programmes/iom-afghan-displacement-ca/report", "application/json"));
                default -> {
                    String html = get("/api/v1/events/tot-almaty-2023/report", "text/html");
                    assertThat(org.cadre.reporting.render.XmlText.clean(html)).as("round %d: no character XML cannot carry", round).isEqualTo(html);
                }
            }
        }
    }
}
