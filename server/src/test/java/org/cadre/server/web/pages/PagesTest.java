package org.cadre.server.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cadre.roster.Person;
import org.cadre.roster.demo.DemoRoster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The pages over HTTP, as a browser without JavaScript uses them: signing in and out, form tokens, scope, the
 * roster import's check-then-import, attendance, and that what people typed is shown as text.
 */
class PagesTest {

    private static PageFixture server;

    @BeforeAll
    static void start() throws Exception {
        server = new PageFixture();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static PageClient signedIn(String user) throws Exception {
        PageClient c = new PageClient(server.base());
        assertThat(c.signIn(user, PageFixture.PASSWORD).status()).isEqualTo(303);
        return c;
    }

    @Test
    void a_page_asked_for_without_a_session_sends_the_browser_to_sign_in_and_back() throws Exception {
        PageClient c = new PageClient(server.base());
        PageClient.Page home = c.get("/events/tot-almaty-2023?x=1");
        assertThat(home.status()).isEqualTo(303);
        assertThat(home.location()).contains("/login?next=%2Fevents%2Ftot-almaty-2023%3Fx%3D1");
        c.get("/login?next=%2Fevents%2Ftot-almaty-2023");
        PageClient.Page signed = c.post("/login", Map.of("username", "kz", "password", "pw", "next", "/events/tot-almaty-2023"));
        assertThat(signed.location()).contains("/events/tot-almaty-2023");
        assertThat(c.get("/events/tot-almaty-2023").body()).contains("<h1>Training of Trainers");
    }

    @Test
    void a_wrong_password_shows_the_form_again_and_the_session_cookie_is_http_only_and_same_site() throws Exception {
        PageClient c = new PageClient(server.base());
        c.get("/login");
        PageClient.Page wrong = c.post("/login", Map.of("username", "kz", "password", "nope"));
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.body()).contains("The username or the password is wrong.").contains("value=\"kz\"").doesNotContain("nope");
        HttpResponse<String> raw = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.base() + "/login"))
                .header("Cookie", "cadre_login=abc").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=abc&username=kz&password=pw")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(raw.statusCode()).isEqualTo(303);
        assertThat(raw.headers().allValues("Set-Cookie")).anySatisfy(cookie ->
                assertThat(cookie).startsWith("cadre_session=").contains("HttpOnly").contains("SameSite=Lax").doesNotContain("Secure"));
    }

    @Test
    void the_sign_in_form_is_refused_without_the_token_its_page_set() throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.base() + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString("username=kz&password=pw")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("cadre_session="));
    }

    @Test
    void a_form_a_browser_says_came_from_another_site_is_refused_whatever_its_token() throws Exception {
        // A sibling subdomain can plant the sign-in cookie and send a form with its value: the browser says so.
        for (String site : new String[] {"same-site", "cross-site", "none", "same-origin\ncross-site"}) {
            PageClient c = new PageClient(server.base());
            c.get("/login");
            PageClient.Page refused = c.post("/login", Map.of("username", "kz", "password", PageFixture.PASSWORD), Map.of("Sec-Fetch-Site", site));
            assertThat(refused.status()).as(site).isEqualTo(403);
            assertThat(refused.headers().allValues("Set-Cookie")).as(site).noneMatch(cookie -> cookie.startsWith("cadre_session="));
        }
        PageClient c = new PageClient(server.base());
        c.get("/login");
        assertThat(c.post("/login", Map.of("username", "kz", "password", PageFixture.PASSWORD), Map.of("Sec-Fetch-Site", "same-origin"))
                .status()).isEqualTo(303);
        server.pastEvent("fetch-site-check", 5);
        c.get("/events/fetch-site-check");
        assertThat(c.post("/events/fetch-site-check/close", Map.of("confirm", "yes"), Map.of("Sec-Fetch-Site", "same-site")).status())
                .isEqualTo(403);
    }

    @Test
    void a_form_with_a_wrong_token_or_none_is_refused_and_changes_nothing() throws Exception {
        server.pastEvent("csrf-check", 20);
        PageClient c = signedIn("kz");
        c.get("/events/csrf-check");
        PageClient.Page forged = c.post("/events/csrf-check/close", Map.of("_csrf", "forged"));
        assertThat(forged.status()).isEqualTo(403);
        assertThat(forged.body()).contains("nothing was changed");
        PageClient.Page none = c.post("/events/csrf-check/close", Map.of("_csrf", ""));
        assertThat(none.status()).isEqualTo(403);
        // Another user's token is no better than a forged one.
        PageClient other = signedIn("admin");
        other.get("/");
        PageClient.Page foreign = c.post("/events/csrf-check/close", Map.of("_csrf", other.formToken()));
        assertThat(foreign.status()).isEqualTo(403);
        // The right token beside a wrong one, in a second field or in the header htmx sends, is refused too (the
        // attacker's review: the first field was taken, the rest not read).
        c.get("/events/csrf-check");
        PageClient.Page doubled = c.postEncoded("/events/csrf-check/close", "_csrf=forged");
        assertThat(doubled.status()).isEqualTo(403);
        PageClient.Page header = c.post("/events/csrf-check/close", Map.of("_csrf", "forged"), Map.of("X-CSRF-Token", c.formToken()));
        assertThat(header.status()).isEqualTo(403);
        // The header twice, the right one first (the second review: only the first was read); the field twice, both right.
        HttpResponse<String> twoHeaders = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.base() + "/events/csrf-check/close"))
                .header("Cookie", "cadre_session=" + c.sessionCookie().orElseThrow()).header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-CSRF-Token", c.formToken()).header("X-CSRF-Token", "forged").POST(HttpRequest.BodyPublishers.ofString("")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(twoHeaders.statusCode()).isEqualTo(403);
        c.get("/events/csrf-check");
        assertThat(c.postEncoded("/events/csrf-check/close", "_csrf=" + c.formToken()).status()).isEqualTo(403);
        assertThat(c.get("/events/csrf-check").body()).as("still open").contains("Close the event</button>");
    }

    /**
     * A tap on the attendance page is an htmx request: refused, it answers in the row tapped (the page's own
     * buttons stay as they were); a tap the page cannot serve (not found, not allowed) answers with the error
     * page in place of the page; a tap after the session ended sends the browser to sign in, not the sign-in
     * page into the row. None of these is the API's JSON (the attacker's review: no feedback to a bad tap).
     */
    @Test
    void a_refused_tap_says_why_in_its_row_and_a_tap_without_a_session_goes_to_sign_in() throws Exception {
        PageClient c = signedIn("kz");
        c.get("/events/tot-almaty-2023/attendance/M1.S1");
        Map<String, String> htmx = Map.of("HX-Request", "true", "X-CSRF-Token", c.formToken(), "Accept", "*/*"); // as htmx sends
        // A body that is not a form (text/plain, as a cross-site form may send) is not read as one, token or not.
        PageClient.Page plain = c.post("/events/tot-almaty-2023/attendance/M1.S1", Map.of("person", "p-kz-14", "mark", "absent"),
                Map.of("Content-Type", "text/plain"));
        assertThat(plain.status()).isEqualTo(415);
        // The media type exactly, not a prefix of it (the attacker's review).
        assertThat(c.post("/events/tot-almaty-2023/attendance/M1.S1", Map.of("person", "p-kz-14", "mark", "absent"),
                Map.of("Content-Type", "application/x-www-form-urlencodedjunk")).status()).isEqualTo(415);
        // One Content-Type: a form type and another, in either order, is not a form (the re-check's review).
        HttpResponse<String> twoTypes = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(server.base() + "/events/tot-almaty-2023/attendance/M1.S1")).header("Accept", "text/html")
                .header("Cookie", "cadre_session=" + c.sessionCookie().orElseThrow()).header("X-CSRF-Token", c.formToken())
                .header("Content-Type", "application/x-www-form-urlencoded").header("Content-Type", "text/plain")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("person=p-kz-14&mark=absent")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(twoTypes.statusCode()).isEqualTo(415);
        // HEAD is answered as GET: without a session, sign in first (it was 200 for any page).
        HttpResponse<String> head = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(server.base() + "/events/tot-almaty-2023")).header("Accept", "text/html")
                .method("HEAD", java.net.http.HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(head.statusCode()).isEqualTo(303);
        assertThat(head.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).startsWith("/login"));
        assertThat(plain.body()).contains("did not carry a form").contains("nothing was changed");
        PageClient.Page badMark = c.post("/events/tot-almaty-2023/attendance/M1.S1", Map.of("person", "p-kz-14", "mark", "maybe"), htmx);
        assertThat(badMark.status()).isEqualTo(400);
        assertThat(badMark.header("HX-Retarget")).contains("find .row-problem");
        assertThat(badMark.body()).contains("mark: ").doesNotContain("<html").doesNotContain("marks[0]");
        PageClient.Page stranger = c.post("/events/tot-almaty-2023/attendance/M1.S1", Map.of("person", "nobody-here", "mark", "present"), htmx);
        assertThat(stranger.status()).isEqualTo(400);
        assertThat(stranger.header("HX-Retarget")).contains("find .row-problem");
        assertThat(stranger.body()).contains("person: ");

        PageClient.Page offAgenda = c.post("/events/tot-almaty-2023/attendance/M9.S9", Map.of("person", "p-kz-14", "mark", "present"), htmx);
        assertThat(offAgenda.status()).isEqualTo(404);
        assertThat(offAgenda.header("HX-Retarget")).contains("body");
        assertThat(offAgenda.body()).contains("<html").doesNotContain("application/problem");
        PageClient.Page nowhere = c.post("/events/tot-almaty-2023/attendance/M1.S1/nowhere", Map.of("person", "p-kz-14"), htmx);
        assertThat(nowhere.status()).isEqualTo(404);
        assertThat(nowhere.body()).as("a page, not the API's JSON").contains("<html").doesNotContain("\"type\"");

        // The session ended elsewhere (signed out in another tab) while this page stayed open with its token.
        String ended = c.sessionCookie().orElseThrow();
        String pageToken = c.formToken();
        c.post("/logout", Map.of());
        c.useSession(ended);
        PageClient.Page signedOut = c.post("/events/tot-almaty-2023/attendance/M1.S1", Map.of("person", "p-kz-14", "mark", "present",
                "_csrf", pageToken), Map.of("HX-Request", "true", "X-CSRF-Token", pageToken, "Accept", "*/*",
                "HX-Current-URL", server.base() + "/events/tot-almaty-2023/attendance/M1.S1"));
        assertThat(signedOut.status()).isEqualTo(401);
        // Back to the page tapped on after signing in (the newcomer's review: it was the home page).
        assertThat(signedOut.header("HX-Redirect")).contains("/login?next=%2Fevents%2Ftot-almaty-2023%2Fattendance%2FM1.S1");
        // htmx says "true"; a request saying "false" is a plain form's and gets a plain form's answer.
        PageClient.Page notHtmx = c.post("/events/tot-almaty-2023/attendance/M1.S1", Map.of("person", "p-kz-14", "mark", "present",
                "_csrf", pageToken), Map.of("HX-Request", "false", "Accept", "text/html"));
        assertThat(notHtmx.status()).isEqualTo(303);
        assertThat(notHtmx.header("HX-Redirect")).isEmpty();
        assertThat(notHtmx.location()).hasValueSatisfying(to -> assertThat(to).startsWith("/login"));
        // A redirect has no body, and says it is no JSON (it was "Redirected" as application/json).
        assertThat(notHtmx.body()).isEmpty();
        assertThat(notHtmx.header("Content-Type")).hasValueSatisfying(t -> assertThat(t).doesNotContain("json"));
    }

    @Test
    void signing_out_ends_the_session_on_the_server_not_only_in_the_browser() throws Exception {
        PageClient c = signedIn("kz");
        String token = c.sessionCookie().orElseThrow();
        c.get("/");
        assertThat(c.post("/logout", Map.of()).location()).contains("/login");
        PageClient replay = new PageClient(server.base());
        replay.useSession(token);
        assertThat(replay.get("/").status()).isEqualTo(303);
        HttpResponse<String> api = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.base() + "/api/v1/events"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(api.statusCode()).isEqualTo(401);
    }

    /**
     * Two session cookies are no session: which counted depended on their order (the first was taken), so a cookie set by
     * another site of the domain had the browser work in the planter's session (the attacker's review of session 23). The
     * sign-in page says why, and signing in beside them is refused.
     */
    @Test
    void two_session_cookies_are_no_session_and_the_sign_in_page_says_why() throws Exception {
        String kz = signedIn("kz").sessionCookie().orElseThrow();
        String tj = signedIn("tj").sessionCookie().orElseThrow();
        for (String cookies : List.of("cadre_session=" + tj + "; cadre_session=" + kz, "cadre_session=" + kz + "; cadre_session=" + tj)) {
            HttpResponse<String> home = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.base() + "/"))
                    .header("Cookie", cookies).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(home.statusCode()).as(cookies).isEqualTo(303);
            assertThat(home.headers().firstValue("Location").orElseThrow()).startsWith("/login");
        }
        HttpResponse<String> form = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.base() + "/login"))
                .header("Cookie", "cadre_session=" + tj + "; cadre_session=" + kz).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(form.body()).contains("This browser sends two Cadre session cookies");
        // One of them alone is still that user's session.
        HttpResponse<String> one = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.base() + "/"))
                .header("Cookie", "cadre_session=" + kz).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(one.statusCode()).isEqualTo(200);
    }

    /**
     * Attendance and feedback are what happened: a session held after today takes no marks and no feedback (both were taken
     * for an event a year ahead: the attacker's review of session 23); a session held takes them.
     */
    @Test
    void a_session_after_today_takes_no_marks_and_no_feedback() throws Exception {
        org.cadre.roster.EventId ahead = server.pastEvent("marks-ahead", -30);
        String token = signedIn("kz").sessionCookie().orElseThrow();
        var events = new org.cadre.server.store.Events(server.db, new org.cadre.server.store.AuditLog(java.time.Clock.systemUTC()));
        var event = events.get(ahead).orElseThrow().value();
        String session = event.agenda().get(0).session().value();
        HttpResponse<String> marked = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(server.base() + "/api/v1/events/marks-ahead/attendance/" + session)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString("{\"marks\": []}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(marked.statusCode()).as(marked.body()).isEqualTo(400);
        // Today where the event takes place (Almaty), which may be a day past the test's own.
        assertThat(marked.body()).contains("\"session: is held on " + event.agenda().get(0).day() + ", after today (")
                .contains(") where the event takes place; its marks are taken once it is held\"");
        // Nor feedback: it is on what happened.
        HttpResponse<String> rated = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(server.base() + "/api/v1/events/marks-ahead/feedback")).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"items\": [{\"session\": \"" + session + "\", \"rating\": 4}]}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(rated.statusCode()).as(rated.body()).isEqualTo(400);
        assertThat(rated.body()).contains("\"items[0].session: is held on " + event.agenda().get(0).day() + ", after today (")
                .contains("its feedback is given once it is held\"");
        org.cadre.roster.EventId past = server.pastEvent("marks-past", 3);
        String pastSession = events.get(past).orElseThrow().value().agenda().get(0).session().value();
        HttpResponse<String> held = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(server.base() + "/api/v1/events/marks-past/attendance/" + pastSession)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString("{\"marks\": []}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(held.statusCode()).as(held.body()).isEqualTo(200);
    }

    @Test
    void the_session_cookie_opens_no_api_call_and_the_api_token_still_works_for_scripts() throws Exception {
        PageClient c = signedIn("kz");
        String token = c.sessionCookie().orElseThrow();
        HttpResponse<String> byCookie = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.base() + "/api/v1/events"))
                .header("Cookie", "cadre_session=" + token).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(byCookie.statusCode()).isEqualTo(401);
        HttpResponse<String> byBearer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.base() + "/api/v1/events"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(byBearer.statusCode()).isEqualTo(200);
    }

    @Test
    void a_roster_file_with_a_bad_line_is_shown_line_by_line_and_stores_nothing_then_a_good_one_imports_once() throws Exception {
        server.pastEvent("import-check", 20);
        PageClient c = signedIn("kz");
        // The organisations one may name are listed in the order of their ids (the newcomer's review of session 13).
        java.util.regex.Matcher ids = java.util.regex.Pattern.compile("<li><code>([^<]+)</code>").matcher(c.get("/events/import-check/import").body());
        List<String> listed = new java.util.ArrayList<>();
        while (ids.find()) {
            listed.add(ids.group(1));
        }
        assertThat(listed).hasSizeGreaterThan(2).isSorted();
        String bad = PageFixture.roster("imp", 4).replace("imp-3,KZ,participant", "imp-3,KZ,captain");
        PageClient.Page refused = c.upload("/events/import-check/import/check", "file", "roster.csv", bad.getBytes(StandardCharsets.UTF_8));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("line 4").contains("Nothing was stored");
        assertThat(c.get("/events/import-check").body()).doesNotContain("imp-1");
        // The heading counts lines, not errors (the newcomer's review: two errors on one line made "3 lines").
        String twoOnOne = bad.replace("imp-2,KZ,participant", "imp-2,XX,observerx");
        PageClient.Page lines = c.upload("/events/import-check/import/check", "file", "roster.csv", twoOnOne.getBytes(StandardCharsets.UTF_8));
        assertThat(lines.body().split("<li>line 3", -1)).as("two errors on line 3").hasSize(3);
        assertThat(lines.body()).contains("2 lines need fixing");
        // 150 bad lines: every one counted in the heading, the first 100 errors listed and the rest counted (the
        // page listed all of them, however many).
        String many = PageFixture.roster("imp", 150).replace(",KZ,participant,", ",KZ,captain,");
        PageClient.Page crowded = c.upload("/events/import-check/import/check", "file", "roster.csv", many.getBytes(StandardCharsets.UTF_8));
        assertThat(crowded.body()).contains("150 lines need fixing").contains("... and 50 more");
        assertThat(crowded.body().split("<li>line ", -1)).hasSize(101);

        PageClient.Page checked = c.upload("/events/import-check/import/check", "file", "roster.csv",
                PageFixture.roster("imp", 4).getBytes(StandardCharsets.UTF_8));
        assertThat(checked.status()).isEqualTo(200);
        assertThat(checked.body()).contains("It enrols 4 people; 4 of them are new to Cadre.");
        assertThat(c.get("/events/import-check").body()).as("a check stores nothing").doesNotContain("imp-1");
        assertThat(checked.body()).as("the file stays on the server").doesNotContain("name=\"file\" value=");
        // The page a check showed has the check's address: reloading it, or switching language on it, leads back to
        // the import page, not to a 405 (newcomer's review).
        PageClient.Page reload = c.get("/events/import-check/import/check");
        assertThat(reload.status()).isEqualTo(303);
        assertThat(reload.location()).hasValue("/events/import-check/import");
        PageClient.Page switched = c.post("/language", Map.of("lang", "ru", "back", "/events/import-check/import/check",
                "_csrf", checked.formToken()));
        assertThat(c.get(switched.location().orElseThrow()).location()).hasValue("/events/import-check/import");
        c.post("/language", Map.of("lang", "en", "back", "/", "_csrf", checked.formToken()));
        Map<String, String> confirm = Map.of("key", hidden(checked.body(), "key"), "_csrf", checked.formToken());
        PageClient.Page imported = c.post("/events/import-check/import", confirm);
        assertThat(imported.status()).isEqualTo(303);
        assertThat(imported.location().orElseThrow()).contains("done=imported&n=4&m=4");
        PageClient.Page again = c.post("/events/import-check/import", confirm);
        assertThat(again.location().orElseThrow()).contains("done=replayed");
        PageClient.Page roster = c.get(imported.location().orElseThrow());
        assertThat(roster.body()).contains("Roster imported: 4 enrolled, 4 new people recorded.");
        assertThat(count(roster.body(), "id=\"enrolment-imp-")).isEqualTo(4);
        // The notice is signed for the session that imported: a link made elsewhere, or the same link in another
        // session, shows the page without it (review: ?saved=99 showed "99 saved").
        String signed = imported.location().orElseThrow();
        assertThat(signed).matches(".*&ok=[A-Za-z0-9_-]{22}$");
        String forged = signed.replace("n=4", "n=99");
        for (String address : List.of("/events/import-check?done=imported&n=99&m=4", forged, signed.replaceAll("&ok=.*$", "&ok=" + "A".repeat(22)))) {
            assertThat(c.get(address).body()).as(address).doesNotContain("Roster imported").contains("id=\"enrolment-imp-");
        }
        assertThat(signedIn("kz").get(signed).body()).as("another session").doesNotContain("Roster imported");
        // Moved to another page of the same session (the attacker's review: the address was not signed).
        String moved = "/events/tot-almaty-2023" + signed.substring(signed.indexOf('?'));
        assertThat(c.get(moved).body()).as(moved).doesNotContain("Roster imported");
    }

    @Test
    void a_file_checked_through_one_instance_is_imported_through_another_and_only_by_the_user_who_checked_it() throws Exception {
        server.pastEvent("import-two", 20);
        PageClient a = signedIn("kz");
        a.get("/events/import-two/import");
        PageClient.Page checked = a.upload("/events/import-two/import/check", "file", "roster.csv",
                PageFixture.roster("two", 3).getBytes(StandardCharsets.UTF_8));
        assertThat(checked.status()).isEqualTo(200);
        String key = hidden(checked.body(), "key");

        // Another user (an administrator, in scope of every event) cannot confirm this user's check.
        PageClient admin = signedIn("admin");
        admin.get("/events/import-two/import");
        PageClient.Page notTheirs = admin.post("/events/import-two/import", Map.of("key", key));
        assertThat(notTheirs.status()).isEqualTo(409);
        assertThat(notTheirs.body()).doesNotContain("two-1");

        try (PageFixture.Instance other = server.secondInstance()) {
            PageClient b = new PageClient(other.base());
            b.useSession(a.sessionCookie().orElseThrow());
            PageClient.Page imported = b.post("/events/import-two/import", Map.of("key", key, "_csrf", checked.formToken()));
            assertThat(imported.status()).as(imported.body()).isEqualTo(303);
            assertThat(b.get(imported.location().orElseThrow()).body()).contains("Roster imported: 3 enrolled, 3 new people recorded.");
            // The key is for this event only.
            server.pastEvent("import-other", 20);
            PageClient.Page elsewhere = b.post("/events/import-other/import", Map.of("key", key, "_csrf", checked.formToken()));
            assertThat(elsewhere.status()).isEqualTo(409);
        }
    }

    @Test
    void every_address_that_takes_only_a_form_leads_back_to_its_page_when_opened() throws Exception {
        PageClient c = signedIn("admin");
        // Every address the pages' forms post to without a page of its own (docs/pages.md lists them).
        for (String path : List.of("/events/tot-almaty-2023/import/check", "/events/tot-almaty-2023/statuses",
                "/events/tot-almaty-2023/close", "/admin/users/kz/disabled", "/admin/users/kz/password", "/admin/users/kz/sessions",
                "/pool/p-kz-01/cmst/evidence")) {
            PageClient.Page opened = c.get(path);
            assertThat(opened.status()).as(path).isEqualTo(303);
            assertThat(opened.location()).as(path).hasValue(path.substring(0, path.lastIndexOf('/')));
        }
    }

    @Test
    void a_file_over_the_limit_is_refused_with_a_page_and_nothing_is_read_or_stored() throws Exception {
        server.pastEvent("too-large", 20);
        PageClient c = signedIn("kz");
        c.get("/events/too-large/import");
        byte[] huge = (PageFixture.roster("big", 1) + "x".repeat(17 * 1024 * 1024)).getBytes(StandardCharsets.UTF_8);
        PageClient.Page refused = c.upload("/events/too-large/import/check", "file", "roster.csv", huge);
        assertThat(refused.status()).isEqualTo(413);
        assertThat(refused.body()).contains("<h1>").contains("Roster files are limited to 16777216 bytes (16 MiB)");
        assertThat(c.get("/events/too-large").body()).doesNotContain("big-1");
    }

    @Test
    void a_name_that_is_markup_is_shown_as_text_on_every_page_that_names_it() throws Exception {
        server.pastEvent("markup", 20);
        PageClient c = signedIn("kz");
        importRoster(c, "markup", "mk", 3);
        for (String page : new String[] {"/events/markup", "/events/markup/tests", "/events/markup/certification"}) {
            String body = c.get(page).body();
            assertThat(body).as(page).doesNotContain("<script>alert(1)</script>");
        }
        // Once people hold a seat, the delivery pages list them too.
        holdingASeat(c, "markup", "mk-2");
        String attendance = c.get("/events/markup/attendance/M1.S1").body();
        assertThat(attendance).contains("&lt;script&gt;alert(1)&lt;/script&gt; Yerlan Sadykov").doesNotContain("<script>alert(1)</script>");
    }

    /** Approves and confirms the person on the event's roster through its page, so they hold a seat. */
    private static void holdingASeat(PageClient c, String event, String person) throws Exception {
        c.get("/events/" + event);
        c.post("/events/" + event + "/statuses", Map.of("to", "approved", "person", person));
        c.post("/events/" + event + "/statuses", Map.of("to", "confirmed", "person", person));
    }

    @Test
    void a_days_grid_takes_marks_only_for_sessions_held_that_day() throws Exception {
        // The attacker's review of issue 16: the grid of the first day stored a mark for a session of the second,
        // and the grid of a day with no sessions stored one too.
        server.pastEvent("grid", 20);
        PageClient c = signedIn("kz");
        importRoster(c, "grid", "gd", 2);
        holdingASeat(c, "grid", "gd-1");
        var almaty = org.cadre.roster.demo.DemoRoster.almatyTot().event();
        long shift = java.time.temporal.ChronoUnit.DAYS.between(almaty.courseDays().last(), server.today.minusDays(20));
        java.time.LocalDate first = almaty.courseDays().first().plusDays(shift);
        String onFirst = almaty.agenda().stream().filter(s -> s.day().equals(almaty.courseDays().first())).findFirst().orElseThrow()
                .session().value();
        String notOnFirst = almaty.agenda().stream().filter(s -> !s.day().equals(almaty.courseDays().first())).findFirst().orElseThrow()
                .session().value();
        String grid = "/events/grid/attendance/day/" + first;
        c.get(grid);

        PageClient.Page elsewhere = c.post(grid, Map.of("m:" + notOnFirst + ":gd-1", "absent", "m:" + onFirst + ":gd-1", "excused"));
        PageClient.Page noSessions = c.post("/events/grid/attendance/day/" + first.minusDays(30), Map.of("m:" + onFirst + ":gd-1", "absent"));
        PageClient.Page taken = c.post(grid, Map.of("m:" + onFirst + ":gd-1", "late"));

        // A session held on another day (the agenda changed while the grid was open) is named, and the grid comes back.
        assertThat(elsewhere.status()).as("a session of another day").isEqualTo(400);
        assertThat(elsewhere.body()).contains("<li>" + notOnFirst + ": is held on ").contains(", not on " + first + "; its marks are taken on its own day")
                .as("named as its column, not by the request's field").doesNotContain("sessions." + notOnFirst)
                .as("the marks chosen are kept").containsPattern("name=\"m:" + java.util.regex.Pattern.quote(onFirst)
                        + ":gd-1\"[^>]*>(?:\\s*<option[^>]*>[^<]*</option>)*?\\s*<option value=\"excused\" selected>");
        assertThat(noSessions.status()).as("a day with no sessions").isEqualTo(404);
        assertThat(taken.status()).as("a session of that day").isEqualTo(303);
        String sheet = c.get("/events/grid/attendance/" + notOnFirst).body();
        assertThat(sheet).doesNotContainPattern("value=\"absent\" aria-pressed=\"true\"");
        assertThat(c.get("/events/grid/attendance/" + onFirst).body()).containsPattern("value=\"late\" aria-pressed=\"true\"");

        // The attacker's review: 40,000 strangers in one grid made a 3 MB page; the list stops at 100, as the API's.
        c.get(grid);
        StringBuilder strangers = new StringBuilder();
        for (int i = 0; i < 150; i++) {
            strangers.append(i == 0 ? "" : "&").append("m%3A").append(onFirst).append("%3Azz-").append(i).append("=absent");
        }
        PageClient.Page crowded = c.postEncoded(grid, strangers.toString());
        assertThat(crowded.status()).isEqualTo(400);
        assertThat(crowded.body().split("is not enrolled in this event", -1)).hasSize(101);
        assertThat(crowded.body()).contains("... and 50 more");

        // The attacker's review: the grid's errors named the request's fields (sessions.M1.S1.marks[0].person). A
        // cell's error now reads as its label (name, then session), and someone the grid does not list is not
        // named back from the request.
        c.get(grid);
        PageClient.Page named = c.postEncoded(grid, "m%3A" + onFirst + "%3Agd-1=maybe&m%3A" + onFirst + "%3Azz-secret=absent");
        assertThat(named.status()).isEqualTo(400);
        assertThat(named.body()).containsPattern("Aigerim Nurlanova[^<]* – " + java.util.regex.Pattern.quote(onFirst) + ": ")
                .contains("someone not on this page – " + onFirst + ": ")
                .doesNotContain("marks[").doesNotContain("sessions." + onFirst).doesNotContain("zz-secret");

        // Newcomer's review: a session the agenda does not hold made the whole grid a page not found, and someone on the
        // roster whom the grid does not list (no seat) was marked through it. Both are named with the rest; nothing is saved.
        c.get(grid);
        PageClient.Page unlisted = c.postEncoded(grid, "m%3AM9.S9%3Agd-1=present&m%3A" + onFirst + "%3Agd-2=present&m%3A" + notOnFirst
                + "%3Azz-other=absent");
        assertThat(unlisted.status()).isEqualTo(400);
        assertThat(unlisted.body()).contains("a column not on this page: is not on this event's agenda").doesNotContain("M9.S9")
                .containsPattern("[^<]+ – " + java.util.regex.Pattern.quote(onFirst) + ": is not a participant holding a seat in this event, so the day's grid does not list them")
                .as("the marks of a session held another day are still read").contains("someone not on this page – a column not on this page: ");
        assertThat(c.get("/events/grid/attendance/" + onFirst).body()).doesNotContain("id=\"p-gd-2\"");
        // The session's cards list the same people as the grid, and a tap marks no one else (the newcomer's review of session 13:
        // a tap crafted for someone without a seat was saved). Refused in the row, naming why; nothing saved.
        c.get("/events/grid/attendance/" + onFirst);
        PageClient.Page tap = c.post("/events/grid/attendance/" + onFirst, Map.of("person", "gd-2", "mark", "present"),
                Map.of("HX-Request", "true", "X-CSRF-Token", c.formToken(), "Accept", "*/*"));
        assertThat(tap.status()).isEqualTo(400);
        assertThat(tap.body()).contains("person: is not a participant holding a seat in this event, so this page does not list them");
        assertThat(new org.cadre.server.store.Enrolments(server.db, new org.cadre.server.store.AuditLog(java.time.Clock.systemUTC()))
                .attendance(org.cadre.roster.EventId.of("grid"))).noneMatch(a -> a.person().value().equals("gd-2"));
        // A cell whose session is no code, or cut short, is refused with the rest, not dropped as "saved" (the attacker's re-check).
        c.get(grid);
        PageClient.Page malformed = c.postEncoded(grid, "m%3A%3Cb%3Ex%3C%2Fb%3E%3Agd-1=present&m%3A" + onFirst + "=late");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.body()).contains("a column not on this page: names a session that is none").doesNotContain("<b>x</b>")
                .containsPattern("someone not on this page – " + java.util.regex.Pattern.quote(onFirst) + ": ");
    }

    @Test
    void a_mark_is_saved_by_one_tap_and_htmx_gets_back_only_that_persons_row() throws Exception {
        server.pastEvent("marks", 20);
        PageClient c = signedIn("kz");
        importRoster(c, "marks", "mr", 2);
        holdingASeat(c, "marks", "mr-1");
        c.get("/events/marks/attendance/M1.S1");
        PageClient.Page tap = c.post("/events/marks/attendance/M1.S1", Map.of("person", "mr-1", "mark", "late"));
        assertThat(tap.status()).isEqualTo(303);
        assertThat(tap.location().orElseThrow()).endsWith("/events/marks/attendance/M1.S1#p-mr-1");
        assertThat(c.get("/events/marks/attendance/M1.S1").body()).containsPattern("value=\"late\" aria-pressed=\"true\"");
        PageClient.Page row = c.post("/events/marks/attendance/M1.S1", Map.of("person", "mr-1", "mark", "present"), Map.of("HX-Request", "true"));
        assertThat(row.status()).isEqualTo(200);
        assertThat(row.body()).startsWith("<li class=\"person\" id=\"p-mr-1\">").doesNotContain("<html").contains("Saved: Present");
        PageClient.Page notOnRoster = c.post("/events/marks/attendance/M1.S1", Map.of("person", "p-kz-01", "mark", "present"));
        assertThat(notOnRoster.status()).isEqualTo(400);
        assertThat(notOnRoster.body()).contains("person: is not enrolled in this event");
        // The attacker's review of issue 16: with the person sent twice, the first was marked.
        c.get("/events/marks/attendance/M1.S1");
        PageClient.Page twice = c.postEncoded("/events/marks/attendance/M1.S1", "person=mr-1&person=mr-2&mark=absent");
        assertThat(twice.status()).isEqualTo(400);
        assertThat(twice.body()).contains("person: is sent more than once; send it once");
        assertThat(c.get("/events/marks/attendance/M1.S1").body()).doesNotContainPattern("value=\"absent\" aria-pressed=\"true\"");
    }

    @Test
    void an_event_outside_the_users_scope_reads_exactly_as_a_missing_one() throws Exception {
        PageClient tj = signedIn("tj");
        for (String suffix : new String[] {"", "/attendance", "/attendance/M1.S1", "/tests", "/feedback", "/certification", "/reports", "/import"}) {
            PageClient.Page outOfScope = tj.get("/events/tot-almaty-2023" + suffix);
            PageClient.Page missing = tj.get("/events/no-such-event" + suffix);
            assertThat(outOfScope.status()).as(suffix).isEqualTo(404);
            assertThat(strip(outOfScope.body())).as(suffix).isEqualTo(strip(missing.body()));
        }
        String home = tj.get("/").body();
        for (Person p : DemoRoster.almatyParticipants()) {
            if (p.country().code().equals("KZ")) {
                p.latinName().ifPresent(n -> assertThat(home).doesNotContain(n));
                p.nativeName().ifPresent(n -> assertThat(home).doesNotContain(n));
            }
        }
    }

    @Test
    void the_language_is_switched_on_any_page_and_the_switch_never_leads_off_the_site() throws Exception {
        PageClient c = signedIn("kz");
        c.get("/");
        PageClient.Page switched = c.post("/language", Map.of("lang", "ru", "back", "/events/tot-almaty-2023"));
        assertThat(switched.location()).contains("/events/tot-almaty-2023");
        assertThat(c.get("/events/tot-almaty-2023").body()).contains("<html lang=\"ru\">").contains("Список участников");
        // The choice is the user's: another browser, signed in as the same user, speaks Russian too.
        PageClient elsewhere = signedIn("kz");
        assertThat(elsewhere.get("/").body()).contains("<html lang=\"ru\">").contains("Ваши мероприятия");
        assertThat(signedIn("tj").get("/").body()).as("another user").contains("<html lang=\"en\">");
        for (String away : new String[] {"//evil.example/x", "https://evil.example/", "/\\evil.example", "/./..//evil.example",
            "/a/../..//evil.example"}) {
            assertThat(c.post("/language", Map.of("lang", "en", "back", away)).location()).contains("/").hasValue("/");
        }
        assertThat(c.get("/").body()).contains("<html lang=\"en\">");
        // Before sign-in, the switch on the sign-in page changes the page's language.
        PageClient visitor = new PageClient(server.base());
        visitor.get("/login");
        assertThat(visitor.post("/language", Map.of("lang", "ru", "back", "/login")).location()).hasValue("/login");
        assertThat(visitor.get("/login").body()).contains("<html lang=\"ru\">").contains("Вход");
    }

    @Test
    void pages_carry_no_inline_script_and_the_policy_allows_none() throws Exception {
        PageClient c = signedIn("admin");
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.base() + "/login")).build(),
                HttpResponse.BodyHandlers.ofString());
        String csp = r.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(csp).contains("script-src 'self'").doesNotContain("script-src 'self' 'unsafe-inline'").contains("frame-ancestors 'none'");
        for (String page : new String[] {"/", "/events/tot-almaty-2023", "/events/tot-almaty-2023/attendance/M1.S1",
                "/events/tot-almaty-2023/reports?audience=donor"}) {
            String body = c.get(page).body();
            Matcher scripts = Pattern.compile("<script([^>]*)>").matcher(body);
            while (scripts.find()) {
                assertThat(scripts.group(1)).as(page).contains("src=\"/webjars/htmx.org/");
            }
            assertThat(body).as(page).doesNotContainPattern(" on[a-z]+=\"");
        }
    }

    @Test
    void an_unknown_page_is_an_html_page_and_the_api_still_answers_json() throws Exception {
        PageClient c = signedIn("kz");
        PageClient.Page page = c.get("/no/such/page");
        assertThat(page.status()).isEqualTo(404);
        assertThat(page.body()).contains("<h1>Not found</h1>");
        HttpResponse<String> api = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.base() + "/api/v1/nothing"))
                .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(api.statusCode()).isEqualTo(404);
        assertThat(api.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
    }

    @Test
    void a_donor_viewer_reads_the_donor_report_and_cannot_ask_for_the_internal_one() throws Exception {
        PageClient donor = signedIn("donor");
        // The home page lists the donor's events as reports, and offers nothing a donor viewer may not open.
        String home = donor.get("/").body();
        assertThat(home).contains("href=\"/events/tot-almaty-2023/reports\"").doesNotContain("href=\"/people\"")
                .doesNotContain("href=\"/pool\"").doesNotContain("href=\"/events/tot-almaty-2023\"");
        // No people search (a donor viewer may not search people: it was offered and answered 403), and the programme's
        // report, which a donor viewer could reach only by typing its address (the newcomer's review of session 16).
        assertThat(home).doesNotContain("action=\"/people\"")
                .contains("href=\"/programmes/" + DemoRoster.PROGRAMME.value() + "/reports\"");
        String staffHome = signedIn("kz").get("/").body();
        assertThat(staffHome).contains("href=\"/people\"").contains("href=\"/events/tot-almaty-2023\"").contains("action=\"/people\"")
                .doesNotContain("id=\"programme-reports\"");
        assertThat(donor.get("/programmes/" + DemoRoster.PROGRAMME.value() + "/reports").status()).isEqualTo(200);
        PageClient.Page report = donor.get("/events/tot-almaty-2023/reports?audience=donor");
        assertThat(report.status()).isEqualTo(200);
        assertThat(report.body()).contains("<iframe").doesNotContain("value=\"internal\"").doesNotContain("/import\"");
        assertThat(donor.get("/events/tot-almaty-2023/reports?audience=internal").status()).isEqualTo(403);
        HttpResponse<String> framed = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.base()
                + "/events/tot-almaty-2023/reports/file?audience=donor&format=html")).header("Cookie", "cadre_session=" + donor.sessionCookie().orElseThrow())
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(framed.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("frame-ancestors 'self'");
        assertThat(framed.headers().firstValue("X-Frame-Options")).hasValue("SAMEORIGIN");
        PageClient.Page csv = donor.get("/events/tot-almaty-2023/reports/file?audience=donor&format=csv");
        assertThat(csv.body()).contains("Implementing organisation").contains("#org +impl").contains(",withheld,").doesNotContain("<k");
        // Named by the event, so that the files of several events downloaded together do not collide (the newcomer's review
        // of session 18).
        assertThat(csv.header("Content-Disposition")).hasValue("attachment; filename=\"tot-almaty-2023-donor-report.csv\"");
    }

    /**
     * A programme's report pages take a period as the API does (the newcomer's review of session 16: only the API did): the
     * form keeps it, the frame and every download carry it, the report covers it, and a day that is not one is refused
     * naming the field.
     */
    @Test
    void a_programme_report_page_takes_a_period_and_carries_it_to_the_frame_and_the_downloads() throws Exception {
        PageClient kz = signedIn("kz");
        String programme = "/programmes/" + DemoRoster.PROGRAMME.value();
        PageClient.Page page = kz.get(programme + "/reports?audience=donor&from=2023-10-01&to=2023-10-31");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("name=\"from\" value=\"2023-10-01\"").contains("name=\"to\" value=\"2023-10-31\"")
                .contains("reports/file?audience=donor&amp;from=2023-10-01&amp;to=2023-10-31&amp;format=html\"></iframe>")
                .contains("reports/file?audience=donor&amp;from=2023-10-01&amp;to=2023-10-31&amp;format=iati\"");
        PageClient.Page framed = kz.get(programme + "/reports/file?audience=donor&from=2023-10-01&to=2023-10-31&format=html");
        assertThat(framed.status()).isEqualTo(200);
        assertThat(framed.body()).contains("1 October 2023 – 31 October 2023");
        PageClient.Page json = kz.get(programme + "/reports/file?audience=donor&from=2023-10-01&to=2023-10-31&format=json");
        assertThat(json.body()).contains("\"from\" : \"2023-10-01\"").contains("\"to\" : \"2023-10-31\"");
        assertThat(json.header("Content-Disposition")).hasValue("attachment; filename=\"" + DemoRoster.PROGRAMME.value()
                + "-2023-10-01-to-2023-10-31-donor-report.json\"");
        PageClient.Page wrong = kz.get(programme + "/reports?audience=donor&from=2023-02-30");
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.body()).contains("from: ");
        assertThat(kz.get(programme + "/reports/file?audience=donor&to=31.10.2023&format=json").status()).isEqualTo(400);
        // Every bad value in one answer, as the API's (the format, the audience and a day had been named one at a time).
        PageClient.Page all = kz.get(programme + "/reports/file?audience=everyone&from=2023-02-30&to=31.10.2023&format=pdf");
        assertThat(all.status()).isEqualTo(400);
        assertThat(all.body()).contains("audience: must be internal, donor or public").contains("format: must be one of html, json, csv, iati")
                .contains("from: ").contains("to: ");
        // Left empty (the form sent as it stands), the programme's own period, as before.
        assertThat(kz.get(programme + "/reports?audience=donor&from=&to=").status()).isEqualTo(200);
        // A period that ends before it begins is refused by the page itself, not only in its frame; a day with a space
        // before it is refused as the API refuses it (the attackers' review of session 17).
        PageClient.Page reversed = kz.get(programme + "/reports?audience=donor&from=2024-12-31&to=2023-01-01");
        assertThat(reversed.status()).isEqualTo(400);
        assertThat(reversed.body()).contains("to: must not be before from").doesNotContain("<iframe");
        assertThat(kz.get(programme + "/reports?audience=donor&from=+2023-01-01").status()).isEqualTo(400);
    }

    /**
     * A coordinator of one of the demo programme's three countries reads its donor report by default and is not offered
     * the internal one, whose exact counts of the other countries' events they may not read; asked for it, the page says
     * why. An administrator is offered all three.
     */
    @Test
    void a_coordinator_of_one_country_of_a_regional_programme_reads_its_donor_report_not_its_internal_one() throws Exception {
        PageClient kz = signedIn("kz");
        String programme = "/programmes/" + DemoRoster.PROGRAMME.value();
        PageClient.Page page = kz.get(programme + "/reports");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("reports/file?audience=donor&amp;format=html\"></iframe>")
                .contains("<option value=\"donor\"").doesNotContain("<option value=\"internal\"");
        PageClient.Page internal = kz.get(programme + "/reports?audience=internal");
        assertThat(internal.status()).isEqualTo(403);
        assertThat(internal.body()).contains("covers every one of them").contains("audience: must be donor or public").doesNotContain("<iframe");
        assertThat(kz.get(programme + "/reports/file?audience=internal&format=csv").status()).isEqualTo(403);
        assertThat(signedIn("admin").get(programme + "/reports").body()).contains("<option value=\"internal\"")
                .contains("reports/file?audience=internal&amp;format=html\"></iframe>");
    }

    /**
     * A report page or download refuses a parameter it does not read, or one given twice, naming it, as the API does: a
     * misspelt audience gave the internal file to someone who meant to pass the donor's on.
     */
    @Test
    void a_report_page_or_download_refuses_a_parameter_it_does_not_read() throws Exception {
        PageClient kz = signedIn("kz");
        PageClient.Page misspelt = kz.get("/events/tot-almaty-2023/reports/file?audiance=donor&format=csv");
        assertThat(misspelt.status()).isEqualTo(400);
        assertThat(misspelt.header("Content-Disposition")).isEmpty();
        assertThat(misspelt.body()).contains("audiance: is not a parameter of this page; it reads audience, format")
                .doesNotContain("Implementing organisation");
        PageClient.Page twice = kz.get("/programmes/" + DemoRoster.PROGRAMME.value() + "/reports?audience=donor&audience=public");
        assertThat(twice.status()).isEqualTo(400);
        assertThat(twice.body()).contains("audience: is sent more than once").doesNotContain("<iframe");
        assertThat(kz.get("/events/tot-almaty-2023/reports?from=2023-01-01").body()).contains("from: is not a parameter of this page");
        // A value that does not decode is refused, not dropped (the attacker's review of session 20: the internal file).
        org.cadre.server.web.RawHttp.Answer broken = kz.raw("/events/tot-almaty-2023/reports/file?audience=donor%&format=json");
        assertThat(broken.status()).isEqualTo(400);
        assertThat(broken.head()).doesNotContainIgnoringCase("Content-Disposition");
        assertThat(broken.body()).contains("audience: is not encoded as a query must be").doesNotContain("internal-report");
        // A name that is not written as a parameter's (it could be a person's) is not repeated in the error.
        assertThat(kz.get("/events/tot-almaty-2023/reports?Ivan%20Petrov=1").body())
                .contains("<li>(a parameter): is not a parameter of this page; it reads audience</li>");
        // The page's own sentence in the page's language, as every page's refusal.
        PageClient ru = signedIn("tj");
        ru.get("/");
        ru.post("/language", Map.of("lang", "ru", "back", "/"));
        assertThat(ru.get("/events/cascade-dushanbe-2024/reports?audiance=donor").body())
                .contains("В адресе есть параметр, который эта страница не читает");
        ru.post("/language", Map.of("lang", "en", "back", "/")); // the choice is the user's: the other tests read English
    }

    /** A practice score beyond the rubric is named in the person's row, in plain words (newcomer: ".scores:" was left in). */
    @Test
    void a_practice_score_beyond_the_rubric_is_named_in_the_persons_row() throws Exception {
        PageClient kz = signedIn("kz");
        var criterion = DemoRoster.almatyTot().rubric().orElseThrow().criteria().get(0);
        String person = DemoRoster.almatyTot().enrolmentsAs(org.cadre.roster.Role.PARTICIPANT).get(0).person().value();
        String name = View.name(DemoRoster.almatyTot().people().get(org.cadre.roster.PersonId.of(person)));
        kz.get("/events/tot-almaty-2023/practice");

        PageClient.Page refused = kz.postEncoded("/events/tot-almaty-2023/practice", "c%3A" + person + "%3A"
                + java.net.URLEncoder.encode(criterion.name(), StandardCharsets.UTF_8) + "=" + (criterion.maxPoints() + 1));

        assertThat(refused.status()).as("a field of the form, as a test score beyond its maximum").isEqualTo(400);
        assertThat(refused.body()).contains(name + ": scores " + (criterion.maxPoints() + 1) + " on ").doesNotContain(".scores:");
    }

    /** A page's query parameter sent twice is refused naming it, as the API refuses it and pages refuse a form field sent twice. */
    @Test
    void a_query_parameter_a_page_reads_sent_twice_is_refused_naming_it() throws Exception {
        PageClient kz = signedIn("kz");
        PageClient.Page twice = kz.get("/people?q=Serik&q=Aigul");
        assertThat(twice.status()).isEqualTo(400);
        assertThat(twice.body()).contains("q: is sent more than once; send it once");
        PageClient.Page audiences = kz.get("/programmes/" + DemoRoster.PROGRAMME.value() + "/reports?audience=internal&audience=donor");
        assertThat(audiences.status()).isEqualTo(400);
        assertThat(audiences.body()).contains("audience: is sent more than once");
        // Once each, or a parameter no page reads given twice, is read as before.
        assertThat(kz.get("/people?q=Serik").status()).isEqualTo(200);
        assertThat(kz.get("/people?q=Serik&utm=a&utm=b").status()).isEqualTo(200);
    }

    /** An event entered years later: its nominations are dated as the coordinator says, checked and imported alike. */
    @Test
    void a_roster_import_dates_its_nominations_on_the_day_given() throws Exception {
        var event = server.pastEvent("dated-import", 3000);
        java.time.LocalDate nominated = server.today.minusDays(3040);
        PageClient kz = signedIn("kz");
        kz.get("/events/dated-import/import");
        byte[] roster = PageFixture.roster("di", 2).getBytes(StandardCharsets.UTF_8);

        PageClient.Page ahead = kz.upload("/events/dated-import/import/check", "file", "roster.csv", roster,
                Map.of("on", server.today.plusDays(2).toString()));
        assertThat(ahead.status()).isEqualTo(422);
        assertThat(ahead.body()).contains("on: dated " + server.today.plusDays(2) + ", after today").doesNotContain("name=\"key\"")
                .as("the day typed is kept").contains("value=\"" + server.today.plusDays(2) + "\"");
        // A refused day does not hide the file's bad lines: both come at once (newcomer's re-check).
        PageClient.Page aheadAndBadLine = kz.upload("/events/dated-import/import/check", "file", "roster.csv",
                (PageFixture.roster("di", 2) + "di-3,KZX,participant,,Ivan Badline,not-recorded,kz-nsc-border-guard\n").getBytes(StandardCharsets.UTF_8),
                Map.of("on", server.today.plusDays(2).toString()));
        assertThat(aheadAndBadLine.status()).isEqualTo(422);
        assertThat(aheadAndBadLine.body()).contains("on: dated " + server.today.plusDays(2) + ", after today").contains("line 4: country:");
        // Two files under one name: which one was read would decide what is imported (the attacker's re-check).
        PageClient.Page twoFiles = kz.upload("/events/dated-import/import/check", "file", "roster.csv",
                List.of(roster, PageFixture.roster("dj", 3).getBytes(StandardCharsets.UTF_8)), Map.of());
        assertThat(twoFiles.status()).isEqualTo(400);
        assertThat(twoFiles.body()).contains("file: is sent more than once; send it once");
        // Nor after the event: people are nominated before they attend (newcomer's re-check: a day after it was taken).
        PageClient.Page afterEvent = kz.upload("/events/dated-import/import/check", "file", "roster.csv", roster,
                Map.of("on", server.today.minusDays(2999).toString()));
        assertThat(afterEvent.status()).isEqualTo(422);
        assertThat(afterEvent.body()).contains("after the event's last course day");
        PageClient.Page notADay = kz.upload("/events/dated-import/import/check", "file", "roster.csv", roster, Map.of("on", "2019-02-29"));
        assertThat(notADay.status()).isEqualTo(400);
        assertThat(notADay.body()).contains("on: is not a day of the calendar: 2019-02 has 28 days");

        PageClient.Page checked = kz.upload("/events/dated-import/import/check", "file", "roster.csv", roster, Map.of("on", nominated.toString()));
        assertThat(checked.status()).as(checked.body()).isEqualTo(200);
        // Eight years after the event: the page says the next retention run erases these names (newcomer's review).
        assertThat(checked.body()).contains("id=\"import-retention\"").contains("more than 5 years ago")
                .as("the day checked is named").containsPattern("The nominations are dated [^<.]*" + nominated.getYear() + "\\.");
        String key = hidden(checked.body(), "key");
        // The day checked is the day imported (the attacker's re-check: a day sent with the confirmation was taken):
        // a key with another day is no key kept, and a day sent beside the key is not read.
        String otherDay = key.substring(0, key.indexOf('.') + 1) + "1900-01-01";
        assertThat(kz.post("/events/dated-import/import", Map.of("key", otherDay)).status()).isEqualTo(409);
        assertThat(kz.post("/events/dated-import/import", Map.of("key", key, "on", "1900-01-01")).status()).isEqualTo(303);

        var stored = new org.cadre.server.store.Enrolments(server.db, new org.cadre.server.store.AuditLog(java.time.Clock.systemUTC())).ofEvent(event);
        assertThat(stored).hasSize(2).allSatisfy(v -> assertThat(v.value().since()).isEqualTo(nominated));

        // A file whose nominator is no nominating authority is no bad file, but the page says what the event's
        // checks will then find, person by person (newcomer's re-check: "The file is ready", then an error per row).
        server.pastEvent("ineligible-import", 10);
        kz.get("/events/ineligible-import/import");
        PageClient.Page ineligible = kz.upload("/events/ineligible-import/import/check", "file", "roster.csv",
                PageFixture.roster("ie", 2).replace(org.cadre.roster.demo.DemoRoster.KZ_BORDER_GUARD.value(), "iom").getBytes(StandardCharsets.UTF_8));
        assertThat(ineligible.status()).as(ineligible.body()).isEqualTo(200);
        assertThat(ineligible.body()).contains("id=\"import-ineligible\"").contains("2 people in this file would not be eligible")
                .contains("<li>ie-1: was nominated by International Organization for Migration, which is not a recognised nominating authority</li>");

        server.pastEvent("recent-import", 10);
        kz.get("/events/recent-import/import");
        PageClient.Page recent = kz.upload("/events/recent-import/import/check", "file", "roster.csv",
                PageFixture.roster("ri", 1).getBytes(StandardCharsets.UTF_8));
        assertThat(recent.status()).isEqualTo(200);
        assertThat(recent.body()).doesNotContain("import-retention").doesNotContain("import-ineligible");
        // No day given: the event's own day, as checked, is carried by the key too and imported whatever changes
        // meanwhile (the attacker's re-check moved the event's arrival day between the check and the import).
        String undated = hidden(recent.body(), "key");
        assertThat(undated).matches(".+\\.\\d{4}-\\d{2}-\\d{2}");
        assertThat(kz.post("/events/recent-import/import", Map.of("key", undated)).status()).isEqualTo(303);
        assertThat(new org.cadre.server.store.Enrolments(server.db, new org.cadre.server.store.AuditLog(java.time.Clock.systemUTC()))
                .ofEvent(org.cadre.roster.EventId.of("recent-import"))).singleElement()
                .satisfies(v -> assertThat(v.value().since().toString()).isEqualTo(undated.substring(undated.indexOf('.') + 1)));
    }

    @Test
    void a_refused_status_change_names_the_person_ticked_by_name_not_a_place_in_a_request() throws Exception {
        server.pastEvent("refused-moves", 3);
        PageClient kz = signedIn("kz");
        importRoster(kz, "refused-moves", "rm", 3);
        kz.get("/events/refused-moves");

        PageClient.Page refused = kz.post("/events/refused-moves/statuses", Map.of("to", "confirmed", "person", "rm-2"));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).containsPattern("<li><span class=\"who\"><a href=\"#enrolment-rm-2\">[^<]+</a>:</span> cannot move from nominated to"
                + " confirmed").doesNotContain("changes[");
        // Said once: the finding behind it, given beside it for programs, is not listed again.
        assertThat(count(refused.body(), "cannot move from nominated to confirmed")).isEqualTo(1);

        // A finding about a person names them, linked to their roster line (newcomer's re-check: "names nobody").
        assertThat(kz.post("/events/refused-moves/statuses", Map.of("to", "declined", "person", "rm-3")).status()).isEqualTo(303);
        // The attendance pages mark only the participants holding a seat: the mark comes as through the API, which takes it.
        kz.get("/events/refused-moves/attendance/M1.S1");
        assertThat(kz.post("/events/refused-moves/attendance/M1.S1", Map.of("person", "rm-3", "mark", "present")).status()).isEqualTo(400);
        new org.cadre.server.store.Enrolments(server.db, new org.cadre.server.store.AuditLog(java.time.Clock.systemUTC())).recordAttendance(
                org.cadre.roster.EventId.of("refused-moves"), List.of(new org.cadre.roster.Attendance(org.cadre.roster.PersonId.of("rm-3"),
                        org.cadre.curriculum.SessionCode.of("M1.S1"), org.cadre.roster.AttendanceMark.PRESENT)), "kz");
        String page = kz.get("/events/refused-moves").body();
        assertThat(page).containsPattern("<span class=\"who\"><a href=\"#enrolment-rm-3\">[^<]+</a>:</span> is marked present or late at a session"
                + " but holds no seat \\(declined\\)");
    }

    /** A confirmed person who gives up the seat is withdrawn from the event's page; one never confirmed cannot be. */
    @Test
    void a_confirmed_person_is_withdrawn_from_the_events_page_and_no_one_else_can_be() throws Exception {
        server.pastEvent("withdrawals", 3);
        PageClient kz = signedIn("kz");
        importRoster(kz, "withdrawals", "wd", 2);
        holdingASeat(kz, "withdrawals", "wd-1");
        assertThat(kz.get("/events/withdrawals").body()).contains("name=\"to\" value=\"withdrawn\"");

        PageClient.Page withdrawn = kz.post("/events/withdrawals/statuses", Map.of("to", "withdrawn", "person", "wd-1"));
        PageClient.Page notConfirmed = kz.post("/events/withdrawals/statuses", Map.of("to", "withdrawn", "person", "wd-2"));

        assertThat(withdrawn.status()).isEqualTo(303);
        assertThat(kz.get("/events/withdrawals").body()).containsPattern("id=\"enrolment-wd-1\">(?s:.*?)<span class=\"status withdrawn\">");
        assertThat(notConfirmed.status()).isEqualTo(422);
        assertThat(notConfirmed.body()).contains("cannot move from nominated to withdrawn");
    }

    /** Status changes on the page are dated as the coordinator says, and a refused form keeps the day and the ticks. */
    @Test
    void the_event_page_dates_status_changes_on_the_day_given_and_keeps_the_form_when_refused() throws Exception {
        var event = server.pastEvent("dated-moves", 3);
        PageClient kz = signedIn("kz");
        importRoster(kz, "dated-moves", "dm", 2);
        kz.get("/events/dated-moves");
        java.time.LocalDate day = server.today.minusDays(5);

        PageClient.Page notADay = kz.post("/events/dated-moves/statuses", Map.of("to", "approved", "person", "dm-1", "on", "2019-02-29"));
        assertThat(notADay.status()).isEqualTo(400);
        assertThat(notADay.body()).contains("on: is not a day of the calendar: 2019-02 has 28 days")
                .contains("value=\"2019-02-29\"").containsPattern("value=\"dm-1\" id=\"pick-dm-1\" aria-label=\"[^\"]+\" checked");
        PageClient.Page refused = kz.post("/events/dated-moves/statuses", Map.of("to", "confirmed", "person", "dm-2", "on", day.toString()));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("value=\"" + day + "\"").containsPattern("value=\"dm-2\" id=\"pick-dm-2\" aria-label=\"[^\"]+\" checked")
                .doesNotContainPattern("value=\"dm-1\" id=\"pick-dm-1\" aria-label=\"[^\"]+\" checked");

        assertThat(kz.post("/events/dated-moves/statuses", Map.of("to", "approved", "person", "dm-1", "on", day.toString())).status()).isEqualTo(303);
        var stored = new org.cadre.server.store.Enrolments(server.db, new org.cadre.server.store.AuditLog(java.time.Clock.systemUTC())).ofEvent(event);
        assertThat(stored).filteredOn(v -> v.value().person().value().equals("dm-1")).singleElement()
                .satisfies(v -> assertThat(v.value().since()).isEqualTo(day));
    }

    @Test
    void a_programme_report_that_cannot_be_made_safe_for_donors_is_refused_in_words_never_a_fault() throws Exception {
        // A small course of five seated officers beside the demo's events (a coordinator's first event).
        server.pastEvent("small-course", 3);
        PageClient kz = signedIn("kz");
        importRoster(kz, "small-course", "sc", 5);
        kz.get("/events/small-course");
        for (String to : new String[] {"approved", "confirmed"}) {
            kz.post("/events/small-course/statuses", Map.of("to", to, "person", "sc-1"));
            for (int i = 2; i <= 5; i++) {
                kz.post("/events/small-course/statuses", Map.of("to", to, "person", "sc-" + i));
            }
        }
        PageClient admin = signedIn("admin");
        for (String audience : new String[] {"internal", "donor", "public"}) {
            PageClient.Page page = admin.get("/programmes/" + DemoRoster.PROGRAMME.value() + "/reports?audience=" + audience);
            assertThat(page.status()).as(audience).isIn(200, 409);
            if (page.status() == 409) {
                assertThat(page.body()).contains("cannot be published for the " + audience + " audience");
            }
            HttpResponse<String> api = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.base() + "/api/v1/programmes/"
                    + DemoRoster.PROGRAMME.value() + "/report?audience=" + audience)).header("Authorization", "Bearer " + admin.sessionCookie().orElseThrow())
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(api.statusCode()).as(audience + ": " + api.body()).isIn(200, 409);
        }
        assertThat(admin.get("/programmes/" + DemoRoster.PROGRAMME.value() + "/reports?audience=internal").status()).isEqualTo(200);
    }

    @Test
    void a_form_with_text_no_column_can_hold_or_a_field_sent_twice_is_refused_naming_the_field() throws Exception {
        PageClient c = signedIn("tj");
        c.get("/events/cascade-dushanbe-2024/feedback");
        PageClient.Page nul = c.post("/events/cascade-dushanbe-2024/feedback", Map.of("session", "M2.S3", "rating", "4", "comment", "nul\u0000here"));
        assertThat(nul.status()).isEqualTo(400);
        assertThat(nul.body()).contains("comment: holds a character that cannot be stored or published");
        PageClient.Page longText = c.post("/events/cascade-dushanbe-2024/feedback", Map.of("session", "M2.S3", "rating", "4",
                "comment", "B".repeat(4001)));
        assertThat(longText.status()).isEqualTo(400);
        assertThat(longText.body()).contains("comment: must be at most 4000 characters").doesNotContain("BBBBBBBBBB");
        PageClient.Page twice = c.post("/events/cascade-dushanbe-2024/tests", Map.of(), Map.of());
        assertThat(twice.status()).as("no scores: nothing to save, but no fault").isLessThan(500);
        HttpResponse<String> doubled = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.base()
                + "/events/cascade-dushanbe-2024/tests")).header("Cookie", "cadre_session=" + c.sessionCookie().orElseThrow())
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString("_csrf="
                        + c.formToken() + "&phase=post&phase=postx")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(doubled.statusCode()).isEqualTo(400);
        assertThat(doubled.body()).contains("phase: is sent more than once");
        PageClient.Page badPhase = c.post("/events/cascade-dushanbe-2024/tests", Map.of("phase", "<b>x</b>"));
        assertThat(badPhase.status()).isEqualTo(400);
        assertThat(badPhase.body()).contains("phase: must be pre or post").doesNotContain("<b>x</b>");
        assertThat(c.get("/events/cascade-dushanbe-2024/feedback").body()).doesNotContain("nul");
    }

    /** A rating out of range, or no number, is named as such (the newcomer's review: 7 read "rating: is required"). */
    @Test
    void a_feedback_rating_out_of_range_or_no_number_is_named_as_such() throws Exception {
        PageClient c = signedIn("tj");
        c.get("/events/cascade-dushanbe-2024/feedback");
        PageClient.Page seven = c.post("/events/cascade-dushanbe-2024/feedback", Map.of("session", "M2.S3", "rating", "7"));
        assertThat(seven.status()).isEqualTo(422);
        assertThat(seven.body()).contains("rating: must be between 1 and 5").doesNotContain("is required");
        PageClient.Page text = c.post("/events/cascade-dushanbe-2024/feedback", Map.of("session", "M2.S3", "rating", "abc"));
        assertThat(text.status()).isEqualTo(422);
        assertThat(text.body()).contains("rating: must be a whole number from 1 to 5").doesNotContain("is required");
        // No rating at all is required, whatever other field is at fault with it.
        PageClient.Page none = c.post("/events/cascade-dushanbe-2024/feedback", Map.of("session", "", "rating", ""));
        assertThat(none.status()).isEqualTo(422);
        assertThat(none.body()).contains("session: is required").contains("rating: is required");
    }

    @Test
    void an_import_confirmed_without_a_checked_file_asks_for_the_file_and_stores_nothing() throws Exception {
        server.pastEvent("no-file", 20);
        PageClient c = signedIn("kz");
        c.get("/events/no-file/import");
        for (Map<String, String> forged : List.of(Map.of("key", "not-a-checked-file"), Map.<String, String>of())) {
            PageClient.Page refused = c.post("/events/no-file/import", forged);
            assertThat(refused.status()).isEqualTo(409);
            assertThat(refused.body()).contains("the checked file is no longer kept").contains("The roster was not imported")
                    .doesNotContain("line needs fixing").doesNotContain("Fix these lines");
        }
        // Another user's key opens nothing either.
        PageClient other = signedIn("admin");
        other.get("/events/no-file/import");
        PageClient.Page checked = other.upload("/events/no-file/import/check", "file", "roster.csv",
                PageFixture.roster("nf", 2).getBytes(StandardCharsets.UTF_8));
        assertThat(c.post("/events/no-file/import", Map.of("key", hidden(checked.body(), "key"))).status()).isEqualTo(409);
        assertThat(c.get("/events/no-file").body()).doesNotContain("nf-1");
        assertThat(c.get("/events/tot-almaty-2023").status()).isEqualTo(200);
        PageClient tj = signedIn("tj");
        tj.get("/");
        assertThat(tj.post("/events/no-file/import", Map.of("key", "x")).status()).as("out of scope").isEqualTo(404);
    }

    /**
     * The tests form names a refused cell by its row's person and its column's question, never by what was sent
     * (the attacker's review: any text sent as a person id, at any length, and ids outside the caller's scope
     * came back in the errors); a doubled cell is "a cell of the form", not its name.
     */
    @Test
    void a_tests_form_names_no_one_and_no_question_from_what_was_sent() throws Exception {
        PageClient c = signedIn("tj");
        String page = c.get("/events/cascade-dushanbe-2024/tests?phase=post").body();
        Matcher cell = Pattern.compile("name=\"s:([^:\"]+):([^\"]+)\"").matcher(page);
        assertThat(cell.find()).isTrue();
        String listed = cell.group(1);
        String item = cell.group(2);
        String injected = "Your account is locked call 7701555 now";

        PageClient.Page notANumber = c.postEncoded("/events/cascade-dushanbe-2024/tests", "phase=post&" + cellField(listed, item) + "=x");
        assertThat(notANumber.status()).isEqualTo(422);
        assertThat(notANumber.body()).contains(" – " + item + ": points must be a whole number");

        PageClient.Page strangers = c.postEncoded("/events/cascade-dushanbe-2024/tests", "phase=post&" + cellField(injected, item) + "=1&"
                + cellField("p-kz-01", item) + "=2");
        assertThat(strangers.status()).isEqualTo(422);
        assertThat(strangers.body()).contains("someone not on this page: ").doesNotContain(injected).doesNotContain("p-kz-01");

        PageClient.Page strangeQuestion = c.postEncoded("/events/cascade-dushanbe-2024/tests", "phase=post&" + cellField(listed, "QZZ9") + "=1");
        assertThat(strangeQuestion.status()).isEqualTo(422);
        assertThat(strangeQuestion.body()).contains("a column not on this page").doesNotContain("QZZ9");

        PageClient.Page doubled = c.postEncoded("/events/cascade-dushanbe-2024/tests", "phase=post&" + cellField(injected, item) + "=1&"
                + cellField(injected, item) + "=2");
        assertThat(doubled.status()).isEqualTo(400);
        assertThat(doubled.body()).contains("a cell of the form: is sent more than once").doesNotContain(injected);
    }

    private static String cellField(String person, String column) {
        return java.net.URLEncoder.encode("s:" + person + ":" + column, StandardCharsets.UTF_8);
    }

    @Test
    void closing_and_certifying_are_done_only_when_confirmed() throws Exception {
        server.pastEvent("confirmed", 20);
        PageClient c = signedIn("kz");
        c.get("/events/confirmed");
        PageClient.Page unconfirmed = c.post("/events/confirmed/close", Map.of());
        assertThat(unconfirmed.status()).isEqualTo(400);
        assertThat(unconfirmed.body()).contains("confirm: tick the box");
        assertThat(c.get("/events/confirmed").body()).contains("id=\"confirm-close\"");
        c.get("/events/confirmed/certification");
        assertThat(c.post("/events/confirmed/certification", Map.of()).status()).isEqualTo(400);
        // Confirmed, the close goes to the use case, whose rules answer (an empty roster cannot be closed).
        PageClient.Page closed = c.post("/events/confirmed/close", Map.of("confirm", "yes"));
        assertThat(closed.status()).isEqualTo(422);
        assertThat(closed.body()).contains("no participant was ever confirmed").doesNotContain("tick the box")
                .doesNotContain("class=\"notice\"");
    }

    @Test
    void every_link_of_the_event_page_to_a_place_on_it_finds_that_place() throws Exception {
        PageClient c = signedIn("admin");
        for (String event : new String[] {"tot-almaty-2023", "cascade-dushanbe-2024"}) {
            String body = c.get("/events/" + event).body();
            Matcher links = Pattern.compile("href=\"#([^\"]+)\"").matcher(body);
            int n = 0;
            while (links.find()) {
                n++;
                assertThat(body).as(event + " #" + links.group(1)).contains("id=\"" + links.group(1) + "\"");
            }
            assertThat(n).as(event).isGreaterThan(0);
        }
    }

    static void importRoster(PageClient c, String event, String prefix, int n) throws Exception {
        c.get("/events/" + event + "/import");
        PageClient.Page checked = c.upload("/events/" + event + "/import/check", "file", "roster.csv",
                PageFixture.roster(prefix, n).getBytes(StandardCharsets.UTF_8));
        assertThat(checked.status()).as(checked.body()).isEqualTo(200);
        PageClient.Page imported = c.post("/events/" + event + "/import", Map.of("key", hidden(checked.body(), "key")));
        assertThat(imported.status()).isEqualTo(303);
    }

    static String hidden(String body, String name) {
        Matcher m = Pattern.compile("name=\"" + name + "\" value=\"([^\"]*)\"").matcher(body);
        assertThat(m.find()).as("hidden field %s", name).isTrue();
        return m.group(1).replace("&#43;", "+").replace("&#61;", "=").replace("&#47;", "/");
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }

    /** The page without its form tokens (which differ per page view) and its own address (for the language switch). */
    private static String strip(String body) {
        return body.replaceAll("value=\"[A-Za-z0-9_-]{20,}\"", "").replaceAll("\"X-CSRF-Token\": \"[^\"]*\"", "")
                .replaceAll("name=\"back\" value=\"[^\"]*\"", "");
    }
}
