package org.cadre.server.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cadre.roster.Country;
import org.cadre.roster.Person;
import org.cadre.roster.PersonId;
import org.cadre.roster.Sex;
import org.cadre.roster.demo.DemoRoster;
import org.cadre.server.store.AuditLog;
import org.cadre.server.store.People;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The directory pages over HTTP, signed in through the form: people, likely duplicates and the decisions about
 * them, the trainer pool, packages, programmes and user administration, each scoped as the API is; forms refused
 * without their token; markup in a name shown as text.
 */
class DirectoryPagesTest {

    private static final String PACKAGE = "tsp-countering-migrant-smuggling";

    private static PageFixture server;
    /** A Kazakh participant of the Almaty ToT at no Tajik event, who has a look-alike record (dup-kz-2). */
    private static Person kazakh;

    @BeforeAll
    static void start() throws Exception {
        server = new PageFixture();
        People people = new People(server.db, new AuditLog(Clock.systemUTC()));
        // A look-alike of a Tajik participant (p-tj-01, Farkhod Abdulloev), one of a Kazakh trainer (t-kz-01, Bolat
        // Seitkaliyev), and a name that is markup.
        people.add(Person.builder("dup-tj-1", Country.TAJIKISTAN).latinName("Farhod Abdulloev").sex(Sex.MALE).build(), "test");
        people.add(Person.builder("dup-kz-1", Country.KAZAKHSTAN).latinName("Bolat Seytkaliev").sex(Sex.MALE).build(), "test");
        kazakh = DemoRoster.almatyTot().people().values().stream().filter(p -> p.country().equals(Country.KAZAKHSTAN))
                .filter(p -> !DemoRoster.dushanbeCascade().people().containsKey(p.id())).filter(p -> p.latinName().isPresent())
                .findFirst().orElseThrow();
        people.add(Person.builder("dup-kz-2", Country.KAZAKHSTAN).latinName(kazakh.latinName().get()).sex(kazakh.sex()).build(), "test");
        people.add(Person.builder("xss-1", Country.TAJIKISTAN).latinName("<script>alert(1)</script> Evil").sex(Sex.MALE).build(), "test");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static PageClient signedIn(String user) throws Exception {
        PageClient c = new PageClient(server.base());
        assertThat(c.signIn(user, PageFixture.PASSWORD).status()).isEqualTo(303);
        return c;
    }

    private static PageClient.Page ok(PageClient.Page page) {
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        return page;
    }

    @Test
    void an_administrator_reads_every_directory_page_with_its_data() throws Exception {
        PageClient admin = signedIn("admin");

        assertThat(ok(admin.get("/people")).body()).contains("Фарход Абдуллоев (Farkhod Abdulloev)").contains("t-kz-01");
        assertThat(ok(admin.get("/people?q=" + enc("Абдуллоев"))).body()).contains("href=\"/people/p-tj-01\"");
        assertThat(ok(admin.get("/people?q=Abdulloev")).body()).contains("href=\"/people/p-tj-01\"").contains("href=\"/people/dup-tj-1\"");
        assertThat(ok(admin.get("/people/p-tj-01")).body()).contains("Фарход Абдуллоев").contains("Farkhod Abdulloev");
        assertThat(ok(admin.get("/people/duplicates")).body()).contains("pair-dup-kz-1-t-kz-01").contains("pair-dup-tj-1-p-tj-01")
                .contains("Same person").contains("Different people");
        assertThat(ok(admin.get("/pool")).body()).contains("href=\"/pool/t-kz-01/" + PACKAGE + "\"").contains("Lead trainer")
                .contains("valid until");
        assertThat(ok(admin.get("/pool/t-kz-01/" + PACKAGE)).body()).contains("tot-astana-2021").contains("Add evidence")
                .contains("name=\"version\" value=\"1\"");
        assertThat(ok(admin.get("/packages")).body()).contains("/packages/" + PACKAGE + "/1.0.0").contains("/packages/" + PACKAGE + "/1.1.0");
        assertThat(ok(admin.get("/packages/" + PACKAGE + "/1.1.0")).body()).contains("id=\"checks\"").contains("M1");
        assertThat(ok(admin.get("/packages/" + PACKAGE + "/diff?from=1.0.0&to=1.1.0")).body())
                .contains("Added: session M2.S7").contains("minutes: “120” became “150”");
        assertThat(admin.get("/packages/" + PACKAGE + "/diff?from=1.0.0").status()).isEqualTo(400);
        assertThat(ok(admin.get("/programmes")).body()).contains("href=\"/programmes/" + DemoRoster.PROGRAMME.value() + "\"");
        assertThat(ok(admin.get("/programmes/" + DemoRoster.PROGRAMME.value())).body()).contains("href=\"/events/tot-almaty-2023\"")
                .contains("href=\"/events/cascade-dushanbe-2024\"").contains("indicator-I1")
                .contains("href=\"/programmes/" + DemoRoster.PROGRAMME.value() + "/reports\"");
        assertThat(ok(admin.get("/admin/users")).body()).contains("href=\"/admin/users/tj\"").contains("Coordinator");
        assertThat(ok(admin.get("/admin/users/tj")).body()).contains("value=\"TJ\"").contains("id=\"sessions\"");
    }

    @Test
    void the_pages_speak_russian() throws Exception {
        PageClient admin = signedIn("admin");
        admin.get("/");
        admin.post("/language", Map.of("lang", "ru", "back", "/people"));
        assertThat(admin.get("/people/duplicates").body()).contains("Возможные дубликаты").contains("Один человек");
        assertThat(admin.get("/pool").body()).contains("Пул тренеров").contains("Ведущий тренер");
        assertThat(admin.get("/admin/users").body()).contains("Новый пользователь");
        // The language is the user's: put back English for the other tests, which sign in as the same administrator.
        admin.post("/language", Map.of("lang", "en", "back", "/"));
    }

    @Test
    void a_coordinator_of_tajikistan_never_sees_a_kazakh_person_the_api_would_not_show_them() throws Exception {
        // A pair of Kazakh records decided by an administrator is not the Tajik coordinator's to see either.
        PageClient admin = signedIn("admin");
        admin.get("/people/duplicates");
        assertThat(admin.post("/people/duplicates", Map.of("first", "dup-kz-2", "second", kazakh.id().value(), "verdict", "same")).status())
                .isEqualTo(303);
        assertThat(decided(admin.get("/people/duplicates").body())).contains("dup-kz-2");
        PageClient tj = signedIn("tj");
        // Kazakh people of the demo who are at no Tajik event (a Kazakh trainer at the Dushanbe cascade is in scope, as in the API).
        Set<PersonId> atDushanbe = DemoRoster.dushanbeCascade().people().keySet();
        List<String> kazakhs = new java.util.ArrayList<>(List.of("t-kz-01", "dup-kz-1", "dup-kz-2"));
        DemoRoster.almatyTot().people().values().stream().filter(p -> p.country().equals(Country.KAZAKHSTAN))
                .filter(p -> !atDushanbe.contains(p.id())).forEach(p -> kazakhs.add(p.id().value()));
        assertThat(kazakhs).hasSizeGreaterThan(3);

        String people = ok(tj.get("/people")).body();
        String search = ok(tj.get("/people?q=Bolat")).body();
        String duplicates = ok(tj.get("/people/duplicates")).body();
        String pool = ok(tj.get("/pool")).body();
        assertThat(people).contains("href=\"/people/p-tj-01\"");
        assertThat(duplicates).contains("pair-dup-tj-1-p-tj-01");
        for (String id : kazakhs) {
            for (String body : List.of(people, search, duplicates, pool)) {
                assertThat(body).doesNotContain("/people/" + id + "\"").doesNotContain("/pool/" + id + "/").doesNotContain(">" + id + "<");
            }
        }
        assertThat(duplicates).doesNotContain("Bolat");
    }

    @Test
    void an_id_outside_the_scope_reads_exactly_as_a_missing_one() throws Exception {
        PageClient tj = signedIn("tj");
        String[][] pairs = {
            {"/people/t-kz-01", "/people/no-such-person"},
            {"/pool/t-kz-01/" + PACKAGE, "/pool/no-such-person/" + PACKAGE},
            {"/pool/p-tj-01/no-such-package", "/pool/no-such-person/no-such-package"},
        };
        for (String[] pair : pairs) {
            PageClient.Page outOfScope = tj.get(pair[0]);
            PageClient.Page missing = tj.get(pair[1]);
            assertThat(outOfScope.status()).as(pair[0]).isEqualTo(404);
            assertThat(missing.status()).as(pair[1]).isEqualTo(404);
            assertThat(strip(outOfScope.body())).as(pair[0]).isEqualTo(strip(missing.body()));
        }
        // Deciding about a pair with someone outside the scope is answered as about someone missing, and records nothing.
        tj.get("/people/duplicates");
        PageClient.Page outOfScope = tj.post("/people/duplicates", Map.of("first", "dup-kz-1", "second", "t-kz-01", "verdict", "same"));
        PageClient.Page missing = tj.post("/people/duplicates", Map.of("first", "dup-kz-1", "second", "nobody-at-all", "verdict", "same"));
        assertThat(outOfScope.status()).isEqualTo(404);
        assertThat(strip(outOfScope.body())).isEqualTo(strip(missing.body()));
        assertThat(signedIn("admin").get("/people/duplicates").body()).satisfies(b -> assertThat(open(b)).contains("pair-dup-kz-1-t-kz-01"));
        assertThat(tj.get("/programmes/no-such-programme").status()).isEqualTo(404);
        assertThat(tj.get("/packages/" + PACKAGE + "/9.9.9").status()).isEqualTo(404);
    }

    @Test
    void a_form_without_the_right_token_is_refused_and_changes_nothing() throws Exception {
        PageClient admin = signedIn("admin");
        admin.get("/people/duplicates");
        Map<String, String> decision = Map.of("first", "dup-kz-1", "second", "t-kz-01", "verdict", "same");
        for (Map<String, String> token : List.of(Map.of("_csrf", ""), Map.of("_csrf", "not-the-token"))) {
            Map<String, String> form = new LinkedHashMap<>(decision);
            form.putAll(token);
            assertThat(admin.post("/people/duplicates", form).status()).isEqualTo(403);
            Map<String, String> user = new LinkedHashMap<>(Map.of("username", "forged-user", "password", "a long enough password",
                    "role", "admin"));
            user.putAll(token);
            assertThat(admin.post("/admin/users", user).status()).isEqualTo(403);
            Map<String, String> evidence = new LinkedHashMap<>(Map.of("kind", "delivery", "event", "cascade-dushanbe-2024", "version", "1"));
            evidence.putAll(token);
            assertThat(admin.post("/pool/t-kz-02/" + PACKAGE + "/evidence", evidence).status()).isEqualTo(403);
        }
        String after = admin.get("/people/duplicates").body();
        assertThat(open(after)).contains("pair-dup-kz-1-t-kz-01");
        assertThat(decided(after)).doesNotContain("pair-dup-kz-1-t-kz-01");
        assertThat(admin.get("/admin/users").body()).doesNotContain("forged-user");
        assertThat(admin.get("/admin/users/forged-user").status()).isEqualTo(404);
    }

    @Test
    void a_decision_about_a_pair_is_recorded_shown_as_decided_and_replaced_by_the_next_in_either_order() throws Exception {
        PageClient tj = signedIn("tj");
        tj.get("/people/duplicates");
        PageClient.Page decided = tj.post("/people/duplicates", Map.of("first", "dup-tj-1", "second", "p-tj-01", "verdict", "different"));
        assertThat(decided.status()).isEqualTo(303);
        assertThat(decided.location()).hasValueSatisfying(l -> assertThat(l).startsWith("/people/duplicates?done=decided"));

        String page = ok(tj.get(decided.location().orElseThrow())).body();
        assertThat(page).contains("The decision is recorded.");
        assertThat(open(page)).doesNotContain("pair-dup-tj-1-p-tj-01");
        assertThat(decided(page)).contains("pair-dup-tj-1-p-tj-01").contains("Decided: different people (tj,");

        // The same pair named the other way round: one pair, the decision replaced.
        assertThat(tj.post("/people/duplicates", Map.of("first", "p-tj-01", "second", "dup-tj-1", "verdict", "same")).status()).isEqualTo(303);
        String again = tj.get("/people/duplicates").body();
        assertThat(decided(again)).contains("Decided: the same person (tj,").doesNotContain("different people");
        assertThat(countOf(decided(again), "<li class=\"pair card\"")).isEqualTo(1);
        // Nothing was merged: both records are still there.
        assertThat(tj.get("/people/dup-tj-1").status()).isEqualTo(200);
        assertThat(tj.get("/people/p-tj-01").status()).isEqualTo(200);

        PageClient.Page neither = tj.post("/people/duplicates", Map.of("first", "dup-tj-1", "second", "p-tj-01", "verdict", "maybe"));
        assertThat(neither.status()).isEqualTo(400);
        assertThat(neither.body()).contains("verdict: must be same or different");
        PageClient.Page themselves = tj.post("/people/duplicates", Map.of("first", "p-tj-01", "second", "p-tj-01", "verdict", "same"));
        assertThat(themselves.status()).isEqualTo(400);
        assertThat(themselves.body()).contains("second: must be another person");
        // A role that writes no records may not decide.
        PageClient donor = signedIn("donor");
        donor.get("/");
        assertThat(donor.post("/people/duplicates", Map.of("first", "dup-kz-1", "second", "t-kz-01", "verdict", "same")).status()).isEqualTo(403);
    }

    @Test
    void evidence_is_added_from_the_version_the_page_showed_and_a_refused_form_keeps_what_was_typed() throws Exception {
        PageClient admin = signedIn("admin");
        String path = "/pool/t-kz-02/" + PACKAGE;
        admin.get(path);

        PageClient.Page bad = admin.post(path + "/evidence", Map.of("kind", "bogus", "on", "2024-13-01", "event", "", "note", "kept note",
                "version", "1"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("kind: must be one of tot-enrolled").contains("on: is not a day of the calendar: a month is 01 to 12")
                .contains("event: is required").contains("value=\"kept note\"").contains("value=\"2024-13-01\"");
        PageClient.Page noVersion = admin.post(path + "/evidence", Map.of("kind", "delivery", "event", "cascade-dushanbe-2024"));
        assertThat(noVersion.status()).isEqualTo(428);
        PageClient.Page stale = admin.post(path + "/evidence", Map.of("kind", "delivery", "event", "cascade-dushanbe-2024", "version", "7"));
        assertThat(stale.status()).isEqualTo(409);

        // Teaching is evidence from an event the trainer taught: t-kz-02 observed the cascade, and led the ToT.
        PageClient.Page observed = admin.post(path + "/evidence", Map.of("kind", "delivery", "event", "cascade-dushanbe-2024",
                "note", "taught in Dushanbe", "version", "1"));
        assertThat(observed.status()).isEqualTo(422);
        assertThat(observed.body()).contains("the person is enrolled in it as observer").contains("value=\"taught in Dushanbe\"");
        PageClient.Page added = admin.post(path + "/evidence", Map.of("kind", "delivery", "event", "tot-almaty-2023",
                "note", "taught in Almaty", "version", "1"));
        assertThat(added.status()).as(added.body()).isEqualTo(303);
        String page = admin.get(added.location().orElseThrow()).body();
        assertThat(page).contains("The evidence is added.").contains("taught in Almaty").contains("name=\"version\" value=\"2\"");
        // The page's old version is stale now: the same form sent again changes nothing.
        assertThat(admin.post(path + "/evidence", Map.of("kind", "delivery", "event", "tot-almaty-2023", "version", "1")).status())
                .isEqualTo(409);
        // A coordinator of another country cannot see the trainer the form is about.
        PageClient tj = signedIn("tj");
        tj.get("/");
        assertThat(tj.post("/pool/t-kz-01/" + PACKAGE + "/evidence", Map.of("kind", "delivery", "event", "cascade-dushanbe-2024",
                "version", "1")).status()).isEqualTo(404);
    }

    @Test
    void the_administration_pages_are_refused_to_a_coordinator() throws Exception {
        PageClient tj = signedIn("tj");
        for (String page : List.of("/admin/users", "/admin/users/admin", "/admin/users/no-such-user")) {
            assertThat(tj.get(page).status()).as(page).isEqualTo(403);
        }
        tj.get("/");
        assertThat(tj.post("/admin/users", Map.of("username", "sneaky", "password", "a long enough password", "role", "admin")).status())
                .isEqualTo(403);
        assertThat(tj.post("/admin/users/tj", Map.of("role", "admin", "version", "1")).status()).isEqualTo(403);
        assertThat(tj.post("/admin/users/admin/password", Map.of("password", "a long enough password")).status()).isEqualTo(403);
        assertThat(tj.get("/").body()).doesNotContain("href=\"/admin/users\"");
        assertThat(signedIn("admin").get("/admin/users/sneaky").status()).isEqualTo(404);
        assertThat(signedIn("tj").get("/people").status()).as("the coordinator is still a coordinator").isEqualTo(200);
    }

    @Test
    void an_administrator_creates_and_changes_a_user_and_a_refused_form_keeps_all_but_the_password() throws Exception {
        PageClient admin = signedIn("admin");
        admin.get("/admin/users");
        PageClient.Page refused = admin.post("/admin/users", Map.of("username", "new-coordinator", "password", "short",
                "role", "coordinator", "countries", "uz", "programme", DemoRoster.PROGRAMME.value()));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("password: must be at least 12 characters")
                .contains("countries: each must be an ISO 3166-1 alpha-2 code in upper case, such as KZ")
                .contains("value=\"new-coordinator\"").contains("value=\"uz\"").doesNotContain("value=\"short\"")
                .contains("value=\"" + DemoRoster.PROGRAMME.value() + "\" checked")
                .contains("aria-describedby=\"new-password-hint new-password-error\"");

        PageClient.Page created = admin.post("/admin/users", Map.of("username", "new-coordinator", "password", "a long enough password",
                "role", "coordinator", "countries", "UZ"));
        assertThat(created.status()).as(created.body()).isEqualTo(303);
        assertThat(created.location()).hasValueSatisfying(l -> assertThat(l).startsWith("/admin/users/new-coordinator?done=created"));
        String page = admin.get(created.location().orElseThrow()).body();
        assertThat(page).contains("The user is created.").contains("value=\"UZ\"");

        PageClient.Page noScope = admin.post("/admin/users/new-coordinator", Map.of("role", "coordinator", "countries", "", "version", "1"));
        assertThat(noScope.status()).isEqualTo(400);
        assertThat(noScope.body()).contains("countries: a coordinator needs a scope: at least one country or programme");
        assertThat(admin.post("/admin/users/new-coordinator", Map.of("role", "coordinator", "countries", "UZ KZ", "version", "1")).status())
                .isEqualTo(303);
        assertThat(admin.get("/admin/users/new-coordinator").body()).contains("value=\"KZ UZ\"");
        assertThat(admin.post("/admin/users/new-coordinator", Map.of("role", "trainer", "countries", "UZ", "version", "1")).status())
                .as("the version the page showed is stale now").isEqualTo(409);

        PageClient someone = new PageClient(server.base());
        assertThat(someone.signIn("new-coordinator", "a long enough password").status()).isEqualTo(303);
        assertThat(someone.get("/people").status()).isEqualTo(200);
        admin.get("/admin/users/new-coordinator");
        assertThat(admin.post("/admin/users/new-coordinator/sessions", Map.of()).location()).hasValueSatisfying(l -> assertThat(l).startsWith("/admin/users/new-coordinator?done=sessions&n=1"));
        assertThat(someone.get("/people").status()).as("their session was ended").isEqualTo(303);
        assertThat(admin.post("/admin/users/new-coordinator/disabled", Map.of("disabled", "true", "version", "2")).status()).isEqualTo(303);
        assertThat(new PageClient(server.base()).signIn("new-coordinator", "a long enough password").status()).isEqualTo(401);
        PageClient.Page weak = admin.post("/admin/users/new-coordinator/password", Map.of("password", "new-coordinator"));
        assertThat(weak.status()).isEqualTo(400);
        assertThat(weak.body()).contains("id=\"reset-password-error\"");
    }

    @Test
    void a_name_that_is_markup_is_shown_as_text() throws Exception {
        PageClient tj = signedIn("tj");
        for (String page : List.of("/people?q=Evil", "/people/xss-1", "/people")) {
            String body = ok(tj.get(page)).body();
            assertThat(body).as(page).contains("&lt;script&gt;alert(1)&lt;/script&gt; Evil").doesNotContain("<script>alert(1)");
        }
        String searched = tj.get("/people?q=" + enc("<script>x")).body();
        assertThat(searched).doesNotContain("<script>x").contains("&lt;script&gt;x");
    }

    /** The part of the duplicates page that lists the pairs to decide. */
    private static String open(String body) {
        return body.substring(body.indexOf("id=\"open\""), body.indexOf("id=\"decided\""));
    }

    /** The part of the duplicates page that lists the pairs decided. */
    private static String decided(String body) {
        return body.substring(body.indexOf("id=\"decided\""));
    }

    private static int countOf(String text, String part) {
        return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static String strip(String body) {
        return body.replaceAll("value=\"[A-Za-z0-9_-]{20,}\"", "").replaceAll("\"X-CSRF-Token\": \"[^\"]*\"", "")
                .replaceAll("name=\"back\" value=\"[^\"]*\"", "");
    }
}
