package org.cadre.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.ImmutableSortedSet;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Clock;
import java.util.List;
import org.cadre.curriculum.demo.DemoCurricula;
import org.cadre.roster.demo.DemoRoster;
import org.cadre.server.store.DemoData;
import org.cadre.documents.CurriculumDoc;
import org.cadre.documents.RosterDocs;
import org.cadre.server.security.Passwords;
import org.cadre.server.store.AuditLog;
import org.cadre.server.store.Database;
import org.cadre.server.security.UserAccount;
import org.cadre.server.store.Users;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What an attacker with a scoped account found, each answered as it should be: a clear 4xx, never a 500. */
class AttackerFindingsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static Database db;
    private static Javalin app;
    private static ApiClient api;
    private static String admin;

    @BeforeAll
    static void start() throws Exception {
        db = Database.sqlite(Files.createTempDirectory("cadre-attack").resolve("cadre.db"));
        AuditLog audit = new AuditLog(Clock.systemUTC());
        DemoData.load(db, audit);
        new Users(db, audit).add(new UserAccount("admin", Passwords.hash("pw".toCharArray(), 1_000), UserAccount.Role.ADMIN,
                ImmutableSortedSet.of(), ImmutableSortedSet.of(), false), "test");
        app = CadreApp.create(db).start("127.0.0.1", 0);
        api = new ApiClient(app.port());
        admin = api.login("admin", "pw");
    }

    @AfterAll
    static void stop() {
        app.stop();
        db.close();
    }

    @Test
    void dates_and_periods_beyond_computation_are_refused_not_a_500() throws Exception {
        var evidence = api.send("POST", "/api/v1/trainers/p-tj-01/tsp-countering-migrant-smuggling/evidence", admin,
                "{\"kind\": \"recertification\", \"on\": \"+999999999-12-31\"}", null, "*");
        ObjectNode pkg = JSON.valueToTree(CurriculumDoc.of(DemoCurricula.almatyTot()));
        pkg.put("id", "forever-package");
        ((ObjectNode) pkg.get("certification")).put("certificateValidity", "P999999999Y");

        assertThat(evidence.statusCode()).isEqualTo(400);
        assertThat(evidence.body()).contains("on: must be a date from 1900-01-01 to 2999-12-31");
        var forever = api.send("POST", "/api/v1/curricula", admin, JSON.writeValueAsString(pkg));
        assertThat(forever.statusCode()).isEqualTo(400);
        assertThat(forever.body()).contains("certificateValidity: must be at most 50 years");
    }

    /**
     * A null item in a list of texts or numbers is a 400 naming it, for events, packages and programmes, and a retention
     * period too long to compute with is a 400 (the attacker's last check of session 13: each was a 500 with a stack trace).
     */
    @Test
    void a_null_in_a_list_of_values_or_a_retention_beyond_computing_is_a_400_not_a_500() throws Exception {
        ObjectNode event = JSON.valueToTree(org.cadre.documents.RosterDocs.EventDoc.of(org.cadre.roster.demo.DemoRoster.almatyTot().event()));
        event.put("id", "null-languages").putArray("languages").addNull();
        ObjectNode pkg = JSON.valueToTree(CurriculumDoc.of(DemoCurricula.almatyTot()));
        pkg.put("id", "null-owners").putArray("owners").add("IOM").addNull();

        var events = api.send("POST", "/api/v1/events", admin, JSON.writeValueAsString(event));
        var packages = api.send("POST", "/api/v1/curricula", admin, JSON.writeValueAsString(pkg));
        var programmes = api.send("POST", "/api/v1/programmes", admin,
                "{\"id\": \"prog-null\", \"title\": \"T\", \"donor\": \"D\", \"countries\": [\"KZ\"], \"sdgs\": [16, null]}");
        var retention = api.send("POST", "/api/v1/retention", admin, "{\"keepYears\": 2000000000, \"dryRun\": true}");

        assertThat(List.of(events.statusCode(), packages.statusCode(), programmes.statusCode(), retention.statusCode())).containsOnly(400);
        assertThat(JSON.readTree(events.body()).get("errors").toString()).isEqualTo("[\"languages[0]: is required\"]");
        assertThat(JSON.readTree(packages.body()).get("errors").toString()).isEqualTo("[\"owners[1]: is required\"]");
        assertThat(JSON.readTree(programmes.body()).get("errors").toString()).isEqualTo("[\"sdgs[1]: is required\"]");
        assertThat(retention.body()).contains("keepYears: ").contains("between 1 and 1000");
    }

    @Test
    void an_erased_person_cannot_be_written_again_and_comments_about_them_go_too() throws Exception {
        assertThat(api.send("POST", "/api/v1/events/tot-almaty-2023/feedback", admin, "{\"items\": [{\"session\": \"M1.S1\","
                + " \"rating\": 2, \"trainer\": \"t-kz-02\", \"comment\": \"Galiya Utepova spoke too fast\"}]}").statusCode()).isEqualTo(201);

        assertThat(api.send("POST", "/api/v1/people/t-kz-02/erasure", admin, null).statusCode()).isEqualTo(200);

        String again = JSON.writeValueAsString(RosterDocs.PersonDoc.of(DemoRoster.almatyTrainers().get(1)));
        assertThat(api.send("PUT", "/api/v1/people/t-kz-02", admin, again, null, "*").statusCode()).isEqualTo(409);
        assertThat(String.valueOf(db.dsl().fetchValue("SELECT count(*) FROM feedback WHERE comment_text LIKE '%Utepova%'"))).isEqualTo("0");
    }

    @Test
    void a_weak_etag_matches_nothing() throws Exception {
        String person = JSON.writeValueAsString(RosterDocs.PersonDoc.of(DemoRoster.almatyTrainers().get(0)));
        String etag = api.send("GET", "/api/v1/people/t-kz-01", admin, null).headers().firstValue("ETag").orElseThrow();

        var weak = api.send("PUT", "/api/v1/people/t-kz-01", admin, person, null, "W/" + etag);
        assertThat(weak.statusCode()).isEqualTo(412);
        // Said as such (newcomer: "changed since you read it" sent them to read again, to the same tag).
        assertThat(JSON.readTree(weak.body()).get("detail").asText()).startsWith("If-Match names only weak entity tags");
        assertThat(api.send("PUT", "/api/v1/people/t-kz-01", admin, person, null, "\"999\"").body()).contains("has changed since");
        assertThat(api.send("PUT", "/api/v1/people/t-kz-01", admin, person, null, "\"999\", " + etag).statusCode()).isEqualTo(200);
    }

    /** A change that changes nothing keeps the version, so an editor holding it is not refused (the attacker's re-check). */
    @Test
    void a_record_sent_back_as_it_is_stored_keeps_its_version() throws Exception {
        for (String path : new String[] {"/api/v1/people/t-kz-01", "/api/v1/events/tot-almaty-2023", "/api/v1/organisations/kz-border-academy"}) {
            var read = api.send("GET", path, admin, null);
            String etag = read.headers().firstValue("ETag").orElseThrow();

            var same = api.send("PUT", path, admin, read.body(), null, etag);

            assertThat(same.statusCode()).as(path).isEqualTo(200);
            assertThat(same.headers().firstValue("ETag")).as(path).contains(etag);
            assertThat(api.send("GET", path, admin, null).headers().firstValue("ETag")).as(path).contains(etag);
        }
        // A real change still moves the version on.
        com.fasterxml.jackson.databind.node.ObjectNode person = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(
                api.send("GET", "/api/v1/people/t-kz-01", admin, null).body());
        String etag = api.send("GET", "/api/v1/people/t-kz-01", admin, null).headers().firstValue("ETag").orElseThrow();
        person.put("rank", "Major");
        var changed = api.send("PUT", "/api/v1/people/t-kz-01", admin, person.toString(), null, etag);
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(changed.headers().firstValue("ETag")).isPresent().get().isNotEqualTo(etag);
    }

    @Test
    void an_if_match_not_written_as_entity_tags_is_refused_naming_the_header_and_nothing_changes() throws Exception {
        String person = JSON.writeValueAsString(RosterDocs.PersonDoc.of(DemoRoster.almatyTrainers().get(0)));
        String etag = api.send("GET", "/api/v1/people/t-kz-01", admin, null).headers().firstValue("ETag").orElseThrow();
        String version = etag.replace("\"", "");

        for (String written : new String[] {version, "'" + version + "'", etag + ";", "W/" + version, etag + ", " + version}) {
            var refused = api.send("PUT", "/api/v1/people/t-kz-01", admin, person, null, written);
            assertThat(refused.statusCode()).as(written).isEqualTo(400);
            assertThat(JSON.readTree(refused.body()).get("errors").get(0).asText()).as(written).startsWith("If-Match: must be * or the ETag as read");
        }
        assertThat(api.send("GET", "/api/v1/people/t-kz-01", admin, null).headers().firstValue("ETag")).contains(etag);
        // Entity tags that name no version of ours are written right: they cannot match (412), as before.
        assertThat(api.send("PUT", "/api/v1/people/t-kz-01", admin, person, null, "\"v" + version + "\"").statusCode()).isEqualTo(412);
        assertThat(api.send("PUT", "/api/v1/people/t-kz-01", admin, person, null, " " + etag + " ").statusCode()).isEqualTo(200);
    }

    private static HttpResponse<String> raw(String method, String path, String body, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]); // adds: a name given twice is sent twice
        }
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void a_header_the_api_reads_once_is_refused_when_sent_twice() throws Exception {
        String kz = api.login("admin", "pw");
        var twoTokens = raw("GET", "/api/v1/events", null, "Authorization", "Bearer " + admin, "Authorization", "Bearer " + kz);
        var twoTypes = raw("POST", "/api/v1/events/tot-almaty-2023/roster", "person_id,country,role\r\n", "Authorization", "Bearer " + admin,
                "Content-Type", "text/csv", "Content-Type", "application/json");
        var twoKeys = raw("POST", "/api/v1/events/tot-almaty-2023/roster", "person_id,country,role\r\n", "Authorization", "Bearer " + admin,
                "Content-Type", "text/csv", "Idempotency-Key", "a", "Idempotency-Key", "b");

        assertThat(twoTokens.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(twoTokens.body()).get("errors").toString()).isEqualTo("[\"Authorization: is sent more than once; send it once\"]");
        assertThat(twoTypes.statusCode()).isEqualTo(400);
        assertThat(twoTypes.body()).contains("Content-Type: is sent more than once");
        assertThat(twoKeys.statusCode()).isEqualTo(400);
        assertThat(twoKeys.body()).contains("Idempotency-Key: is sent more than once");
        // The scheme's letters in any case (RFC 9110), once.
        assertThat(raw("GET", "/api/v1/events", null, "Authorization", "bearer " + admin).statusCode()).isEqualTo(200);
    }

    @Test
    void a_query_parameter_the_operation_reads_is_refused_when_sent_twice_and_one_it_does_not_read_at_all() throws Exception {
        var twoCursors = raw("GET", "/api/v1/events?cursor=a&cursor=b", null, "Authorization", "Bearer " + admin);
        var twoSearches = raw("GET", "/api/v1/people?q=1&q=2", null, "Authorization", "Bearer " + admin);

        assertThat(twoCursors.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(twoCursors.body()).get("errors").toString()).isEqualTo("[\"cursor: is sent more than once; send it once\"]");
        assertThat(twoSearches.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(twoSearches.body()).get("errors").toString()).isEqualTo("[\"q: is sent more than once; send it once\"]");
        // One the operation does not read is refused, once or twice, named as a field is (session 19: ?audiance=donor gave the
        // internal report).
        var unread = raw("GET", "/api/v1/events?utm=a&utm=b", null, "Authorization", "Bearer " + admin);
        assertThat(unread.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(unread.body()).get("errors").get(0).asText()).isEqualTo("utm: is not a parameter of this operation; it reads cursor");
        // An operation that reads none says so; a parameter of another operation is no parameter of this one.
        var none = raw("GET", "/api/v1/events/tot-almaty-2023?cursor=a", null, "Authorization", "Bearer " + admin);
        assertThat(none.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(none.body()).get("errors").toString()).isEqualTo("[\"cursor: is not a parameter of this operation; it reads no query parameter\"]");
        // A stray separator names nothing and is no parameter (the newcomer's review of session 21: it was refused as
        // "(a parameter)"); an empty name with a value is refused.
        assertThat(raw("GET", "/api/v1/events?cursor=a&", null, "Authorization", "Bearer " + admin).statusCode()).isEqualTo(200);
        assertThat(raw("GET", "/api/v1/events?&cursor=a", null, "Authorization", "Bearer " + admin).statusCode()).isEqualTo(200);
        assertThat(raw("GET", "/api/v1/events?&", null, "Authorization", "Bearer " + admin).statusCode()).isEqualTo(200);
        var emptyName = raw("GET", "/api/v1/events?=a", null, "Authorization", "Bearer " + admin);
        assertThat(emptyName.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(emptyName.body()).get("errors").toString()).isEqualTo("[\"(a parameter): is not a parameter of this operation; it reads cursor\"]");
        // An address with no operation is not found, whatever its query.
        assertThat(raw("GET", "/api/v1/nowhere?utm=a", null, "Authorization", "Bearer " + admin).statusCode()).isEqualTo(404);
        // Every parameter the operation does not read is named, a hyphenated one as sent (the newcomer's review of
        // session 21: "page-size" was "(a parameter)"), what could be a person's name is not.
        var several = raw("GET", "/api/v1/events?page-size=5&sort.by=title&%D0%98%D0%B2%D0%B0%D0%BD=1&cursor=a", null,
                "Authorization", "Bearer " + admin);
        assertThat(several.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(several.body()).get("errors").toString()).isEqualTo("[\"page-size: is not a parameter of this "
                + "operation; it reads cursor\",\"sort.by: is not a parameter of this operation; it reads cursor\","
                + "\"(a parameter): is not a parameter of this operation; it reads cursor\"]");
        // A parameter not read and one sent twice are named in one answer (the newcomer's review of session 22: mending the
        // first named revealed the next).
        var both = raw("GET", "/api/v1/events/tot-almaty-2023/report?audiance=donor&format=csv&format=json", null,
                "Authorization", "Bearer " + admin);
        assertThat(both.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(both.body()).get("errors").toString()).isEqualTo("[\"audiance: is not a parameter of this operation; "
                + "it reads audience, format, lang\",\"format: is sent more than once; send it once\"]");
    }

    /**
     * A caller without a live token is answered 401 by an operation that needs one, whatever its query: the query was
     * looked at first, so a stranger learnt which parameters each operation reads before being asked to sign in (the
     * newcomer's review of session 21). The two operations anyone may call still refuse a parameter they do not read.
     */
    @Test
    void a_caller_without_a_live_token_is_asked_to_sign_in_before_its_query_is_read() throws Exception {
        for (String path : List.of("/api/v1/events?utm=a", "/api/v1/events?cursor=a&cursor=b",
                "/api/v1/events/tot-almaty-2023/report?audiance=donor", "/api/v1/people?x=1")) {
            var noToken = raw("GET", path, null);
            var deadToken = raw("GET", path, null, "Authorization", "Bearer not-a-session");
            assertThat(noToken.statusCode()).as(path).isEqualTo(401);
            assertThat(deadToken.statusCode()).as(path).isEqualTo(401);
            assertThat(noToken.body()).doesNotContain("parameter");
            assertThat(noToken.headers().firstValue("WWW-Authenticate")).as("RFC 9110 asks a 401 for its scheme").hasValue("Bearer realm=\"cadre\"");
            assertThat(deadToken.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"cadre\"");
            // The 401 names the header and what is wrong with it (the newcomer's review of session 22: "errors": []).
            assertThat(JSON.readTree(noToken.body()).get("errors").toString()).isEqualTo("[\"Authorization: is not sent; send 'Bearer <token>'\"]");
            assertThat(JSON.readTree(deadToken.body()).get("errors").get(0).asText()).startsWith("Authorization: the token is not a live session");
        }
        var basic = raw("GET", "/api/v1/events", null, "Authorization", "Basic YWRtaW46cHc=");
        assertThat(basic.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(basic.body()).get("errors").toString()).isEqualTo("[\"Authorization: is not 'Bearer <token>'\"]");
        var health = raw("GET", "/api/v1/health?utm=a", null);
        assertThat(health.statusCode()).isEqualTo(400);
        assertThat(health.body()).contains("utm: is not a parameter of this operation; it reads no query parameter");
        var signIn = raw("POST", "/api/v1/session?next=x", "{\"username\":\"admin\",\"password\":\"wrong\"}",
                "Content-Type", "application/json");
        assertThat(signIn.statusCode()).isEqualTo(400);
        assertThat(signIn.body()).contains("next: is not a parameter of this operation; it reads no query parameter");
    }

    /** A number is written in the digits 0-9 (the attacker's re-check: a full-width ８ was read as 8). */
    @Test
    void a_course_frame_is_written_in_ascii_digits() throws Exception {
        String check = "/api/v1/curricula/tsp-countering-migrant-smuggling/versions/1.0.0/check?days=5&hoursPerDay=";
        assertThat(raw("GET", check + "8", null, "Authorization", "Bearer " + admin).statusCode()).isEqualTo(200);
        for (String hours : new String[] {"%EF%BC%98", "%D9%A8", "+8", "8.0"}) {
            var refused = raw("GET", check + hours, null, "Authorization", "Bearer " + admin);
            assertThat(refused.statusCode()).as(hours).isEqualTo(400);
            assertThat(JSON.readTree(refused.body()).get("errors").toString()).as(hours)
                    .isEqualTo("[\"hoursPerDay: must be a whole number from 1 to 24\"]");
        }
    }

    /** Each of the course frame's values is named with its own fault, in one answer (both had been "days: ..."). */
    @Test
    void each_wrong_value_of_a_course_frame_is_named() throws Exception {
        String check = "/api/v1/curricula/tsp-countering-migrant-smuggling/versions/1.0.0/check?";
        var both = raw("GET", check + "days=x&hoursPerDay=25", null, "Authorization", "Bearer " + admin);
        assertThat(both.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(both.body()).get("errors").toString())
                .isEqualTo("[\"days: must be a whole number from 1 to 9999\",\"hoursPerDay: must be a whole number from 1 to 24\"]");
        var alone = raw("GET", check + "hoursPerDay=6", null, "Authorization", "Bearer " + admin);
        assertThat(alone.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(alone.body()).get("errors").toString()).isEqualTo("[\"days: must be given with hoursPerDay\"]");
    }

    /**
     * Every bad value of a report's query is named in one answer, as every parameter it does not read is: {@code
     * ?audience=bogus&format=x&lang=q} named the audience alone, and mending it revealed the format, then the language.
     */
    @Test
    void every_bad_value_of_a_report_query_is_named_at_once() throws Exception {
        var event = raw("GET", "/api/v1/events/tot-almaty-2023/report?audience=bogus&format=x&lang=q", null, "Authorization", "Bearer " + admin);
        assertThat(event.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(event.body()).get("errors").toString()).isEqualTo("[\"audience: must be internal, donor or public\","
                + "\"format: must be one of json, csv, html\",\"lang: must be en or ru\"]");
        assertThat(JSON.readTree(event.body()).get("detail").asText()).isEqualTo("3 values of the request are not valid; each is named.");
        var programme = raw("GET", "/api/v1/programmes/iom-afghan-displacement-ca/report?format=pdf&from=2024-02-30&to=soon", null,
                "Authorization", "Bearer " + admin);
        assertThat(programme.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(programme.body()).get("errors")).hasSize(3);
        assertThat(JSON.readTree(programme.body()).get("errors").get(0).asText()).isEqualTo("format: must be one of json, csv, html, iati");
        assertThat(JSON.readTree(programme.body()).get("errors").get(1).asText()).startsWith("from: ");
        assertThat(JSON.readTree(programme.body()).get("errors").get(2).asText()).startsWith("to: ");
        // One fault keeps its own words; a missing programme is not found whatever the query's faults, as before.
        var one = raw("GET", "/api/v1/events/tot-almaty-2023/report?lang=de", null, "Authorization", "Bearer " + admin);
        assertThat(JSON.readTree(one.body()).get("detail").asText()).isEqualTo("Reports are written in English or Russian.");
        var missing = raw("GET", "/api/v1/programmes/no-such-programme/report?format=pdf", null, "Authorization", "Bearer " + admin);
        assertThat(missing.statusCode()).isEqualTo(404);
    }

    @Test
    void a_body_is_read_only_as_the_exact_media_type_and_as_utf_8() throws Exception {
        String roster = "/api/v1/events/tot-almaty-2023/roster";
        String row = "person_id,latin_name,country,role,nominated_by\r\np-kz-utf,Aidos Utf,KZ,observer,kz-border-academy\r\n";
        for (String type : new String[] {"text/csv; charset=iso-8859-1", "text/csvx", "text/csv, application/json", "text/csv; charset=windows-1251"}) {
            var r = raw("POST", roster, row, "Authorization", "Bearer " + admin, "Content-Type", type);
            assertThat(r.statusCode()).as(type).isEqualTo(415);
            assertThat(r.body()).as(type).contains("Send the roster as text/csv (UTF-8).");
        }
        for (String type : new String[] {"application/jsonx", "application/json; charset=latin1"}) {
            var r = raw("POST", "/api/v1/events/tot-almaty-2023/feedback", "{\"items\": []}", "Authorization", "Bearer " + admin, "Content-Type", type);
            assertThat(r.statusCode()).as(type).isEqualTo(415);
        }
        assertThat(raw("POST", roster, row, "Authorization", "Bearer " + admin, "Content-Type", "TEXT/CSV; Charset=\"UTF-8\"").body()).contains("\"enrolled\":1");
    }

    private static HttpResponse<String> csv(String body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port()
                        + "/api/v1/events/cascade-dushanbe-2024/roster")).header("Authorization", "Bearer " + admin).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void a_roster_lists_a_known_person_by_id_alone_and_names_a_repeated_column() throws Exception {
        var byId = csv("person_id,country,role,nominated_by\r\np-kz-05,KZ,observer,kz-border-academy\r\n");
        var repeated = csv("person_id,latin_name,country,role,country\r\np-x,Officer,KZ,participant,KZ\r\n");

        assertThat(byId.statusCode()).as(byId.body()).isEqualTo(201);
        assertThat(repeated.statusCode()).isEqualTo(422);
        assertThat(repeated.body()).contains("line 1: column 5 repeats an earlier column");
    }

    @Test
    void doubled_rows_overflowing_points_bad_language_tags_and_long_ids_are_refused_naming_the_field() throws Exception {
        var marks = api.send("PUT", "/api/v1/events/tot-almaty-2023/attendance/M1.S1", admin,
                "{\"marks\": [{\"person\": \"p-kz-01\", \"mark\": \"present\"}, {\"person\": \"p-kz-01\", \"mark\": \"absent\"}]}");
        var rubric = api.send("PUT", "/api/v1/events/tot-almaty-2023/rubric", admin, "{\"task\": \"P1\", \"passMark\": 1, \"criteria\": ["
                + "{\"name\": \"a\", \"maxPoints\": 2147483647}, {\"name\": \"b\", \"maxPoints\": 2147483647}]}");
        var twice = api.send("PUT", "/api/v1/events/tot-almaty-2023/rubric", admin, "{\"task\": \"P1\", \"passMark\": 1, \"criteria\": ["
                + "{\"name\": \"a\", \"maxPoints\": 5}, {\"name\": \"a\", \"maxPoints\": 5}]}");
        ObjectNode event = JSON.valueToTree(RosterDocs.EventDoc.of(DemoRoster.almatyTot().event()));
        event.put("id", "e-lang").putArray("languages").add("zz-ZZZZZZZZZ-!!");
        ObjectNode longId = JSON.valueToTree(RosterDocs.PersonDoc.of(DemoRoster.almatyTrainers().get(0)));
        longId.put("id", "x".repeat(5_000));

        assertThat(marks.statusCode()).isEqualTo(400);
        assertThat(marks.body()).contains("marks[1].person: appears twice");
        assertThat(rubric.statusCode()).isEqualTo(400);
        assertThat(rubric.body()).contains("criteria[0]: maxPoints must be between 1 and 1000").doesNotContain("Rubric.");
        assertThat(twice.body()).contains("criteria: must name each criterion once");
        assertThat(api.send("POST", "/api/v1/events", admin, JSON.writeValueAsString(event)).body()).contains("languages: must hold BCP 47");
        assertThat(api.send("POST", "/api/v1/people", admin, JSON.writeValueAsString(longId)).body()).contains("id: must be at most 64 characters");
    }
}
