package org.cadre.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.google.common.collect.ImmutableSortedSet;
import io.javalin.Javalin;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Clock;
import org.cadre.roster.Country;
import org.cadre.server.store.DemoData;
import org.cadre.server.security.Passwords;
import org.cadre.server.store.AuditLog;
import org.cadre.server.store.Database;
import org.cadre.server.security.UserAccount;
import org.cadre.server.store.Users;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The demo event's report over HTTP: login, scope, audience and format; responses checked against the contract. */
class EventReportApiTest {

    private static Database db;
    private static Javalin app;

    @BeforeAll
    static void start() throws Exception {
        db = Database.sqlite(Files.createTempDirectory("cadre-api").resolve("cadre.db"));
        AuditLog audit = new AuditLog(Clock.systemUTC());
        DemoData.load(db, audit);
        Users users = new Users(db, audit);
        user(users, "kz-coordinator", UserAccount.Role.COORDINATOR, Country.KAZAKHSTAN);
        user(users, "tj-coordinator", UserAccount.Role.COORDINATOR, Country.TAJIKISTAN);
        user(users, "donor", UserAccount.Role.DONOR_VIEWER, Country.KAZAKHSTAN);
        app = CadreApp.create(db).start("127.0.0.1", 0);
    }

    private static void user(Users users, String name, UserAccount.Role role, Country country) {
        users.add(new UserAccount(name, Passwords.hash("pw".toCharArray(), 1_000), role, ImmutableSortedSet.of(country),
                ImmutableSortedSet.of(), false), "admin");
    }

    @AfterAll
    static void stop() {
        app.stop();
        db.close();
    }

    private static String login(String user) throws Exception {
        return new ApiClient(app.port()).login(user, "pw");
    }

    private static HttpResponse<String> report(String token, String query, String accept) throws Exception {
        return new ApiClient(app.port()).send("GET", "/api/v1/events/tot-almaty-2023/report" + query, token, null, accept);
    }

    @Test
    void a_coordinator_in_scope_reads_the_report_as_json_csv_and_html_with_the_same_figures() throws Exception {
        String token = login("kz-coordinator");

        HttpResponse<String> json = report(token, "", "application/json");
        HttpResponse<String> csv = report(token, "?format=csv", null);
        HttpResponse<String> html = report(token, "", "text/html");

        assertThat(json.statusCode()).isEqualTo(200);
        var tree = JsonMapper.builder().build().readTree(json.body());
        assertThat(tree.get("participants").get("value").asInt()).isEqualTo(26);
        assertThat(tree.get("participantsByCountryAndSex").get("rows").toString()).isEqualTo("[\"KZ\",\"TJ\",\"UZ\"]");
        assertThat(csv.body()).contains("#reached +f").contains("International Organization for Migration,iom-afghan-displacement-ca,tot-almaty-2023,total,6,20,0,0,26");
        assertThat(html.body()).contains("<div class=\"figure\"><small>Participants:</small> <span>26</span></div>");
    }

    @Test
    void a_coordinator_out_of_scope_gets_404_and_no_byte_of_the_event() throws Exception {
        HttpResponse<String> response = report(login("tj-coordinator"), "", null);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).doesNotContain("Almaty").doesNotContain("26");
    }

    @Test
    void a_donor_viewer_gets_the_donor_report_and_is_refused_the_internal_one() throws Exception {
        String token = login("donor");

        HttpResponse<String> donor = report(token, "", null);
        HttpResponse<String> internal = report(token, "?audience=internal", null);

        assertThat(donor.statusCode()).isEqualTo(200);
        assertThat(donor.body()).contains("\"audience\" : \"donor\"").doesNotContain("Farkhod").doesNotContain("Bellini");
        assertThat(internal.statusCode()).isEqualTo(403);
    }

    @Test
    void without_login_or_with_a_bad_audience_or_format_the_answer_says_why() throws Exception {
        String token = login("kz-coordinator");

        assertThat(report(null, "", null).statusCode()).isEqualTo(401);
        HttpResponse<String> badAudience = report(token, "?audience=everyone", null);
        assertThat(badAudience.statusCode()).isEqualTo(400);
        assertThat(badAudience.body()).contains("audience: must be internal, donor or public").doesNotContain("everyone");
        assertThat(report(token, "", "application/xml").statusCode()).isEqualTo(406);
        // The Accept header's qualities and order count: CSV refused is not sent, and the first of two listed is (the attacker's
        // re-check of session 13: the header was searched for CSV, then HTML, then JSON, whatever it said of them).
        assertThat(report(token, "", "text/csv;q=0, application/json").headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/json"));
        assertThat(report(token, "", "application/json, text/html").headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/json"));
        assertThat(report(token, "", "text/html;q=0.9, text/csv").headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("text/csv"));
        assertThat(report(token, "", "text/*;q=0.5, */*;q=0.1").headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("text/csv"));
        assertThat(report(token, "", "text/csv;q=0, text/html;q=0, application/json;q=0").statusCode()).isEqualTo(406);
        // A format that is none is named, as any parameter's value that is none (it was a 406 without errors).
        HttpResponse<String> pdf = report(token, "?format=pdf", null);
        assertThat(pdf.statusCode()).isEqualTo(400);
        assertThat(pdf.body()).contains("\"format: must be one of json, csv, html\"").doesNotContain("pdf");
    }

    /**
     * A misspelt parameter is refused, not ignored: {@code ?audiance=donor} gave the internal report, with the names of the
     * officers, to a coordinator who meant to send the donor's on (the newcomer's review of session 19).
     */
    @Test
    void a_parameter_the_operation_does_not_read_is_refused_and_named() throws Exception {
        String token = login("kz-coordinator");

        HttpResponse<String> typo = report(token, "?audiance=donor&format=csv", null);
        assertThat(typo.statusCode()).isEqualTo(400);
        assertThat(typo.body()).contains("\"audiance: is not a parameter of this operation; it reads audience, format, lang\"").doesNotContain("Seitkaliyev");
        // A parameter named like a person is not repeated back.
        HttpResponse<String> named = report(token, "?Ivan%20Petrov=1", null);
        assertThat(named.statusCode()).isEqualTo(400);
        assertThat(named.body()).contains("(a parameter): is not a parameter of this operation").doesNotContain("Ivan");
        assertThat(report(token, "?audience=donor&format=csv", null).statusCode()).isEqualTo(200);
        // One that another operation reads is not this one's: ?phase=post on a report chose nothing and was answered 200.
        HttpResponse<String> elsewhere = report(token, "?audience=donor&phase=post", null);
        assertThat(elsewhere.statusCode()).isEqualTo(400);
        assertThat(elsewhere.body()).contains("\"phase: is not a parameter of this operation; it reads audience, format, lang\"");
    }

    /**
     * A parameter whose value or name is not strictly percent-encoded is refused naming it, not dropped: read leniently,
     * ?audience=donor% gave the default audience, the internal report (the attacker's review of session 20).
     */
    @Test
    void a_parameter_that_does_not_decode_is_refused_not_dropped() throws Exception {
        String token = login("kz-coordinator");

        java.util.Map<String, String> auth = java.util.Map.of("Authorization", "Bearer " + token);
        String path = "/api/v1/events/tot-almaty-2023/report";
        for (String query : new String[] {"?audience=donor%", "?audience=donor%2&format=csv", "?audience=%64onor%zz", "?format=json&audience=%C3%28"}) {
            RawHttp.Answer broken = RawHttp.get(app.port(), path + query, auth);
            assertThat(broken.status()).as(query).isEqualTo(400);
            assertThat(broken.body()).as(query).contains("audience: is not encoded as a query must be").doesNotContain("Seitkaliyev");
        }
        RawHttp.Answer badName = RawHttp.get(app.port(), path + "?%zz=1", auth);
        assertThat(badName.status()).isEqualTo(400);
        assertThat(badName.body()).contains("(a parameter): is not encoded as a query must be");
        // Well-encoded text still reads as it did: an escaped letter.
        RawHttp.Answer escaped = RawHttp.get(app.port(), path + "?audience=%64onor&format=json", auth);
        assertThat(escaped.status()).isEqualTo(200);
        assertThat(escaped.body()).contains("\"audience\" : \"donor\"");
    }
}
