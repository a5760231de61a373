package org.cadre.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.ImmutableSet;
import com.google.common.collect.ImmutableSortedSet;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.cadre.curriculum.demo.DemoCurricula;
import org.cadre.roster.Country;
import org.cadre.roster.Person;
import org.cadre.roster.Programme;
import org.cadre.roster.ProgrammeId;
import org.cadre.roster.demo.DemoRoster;
import org.cadre.server.store.DemoData;
import org.cadre.documents.CurriculumDoc;
import org.cadre.documents.RosterDocs;
import org.cadre.server.security.Passwords;
import org.cadre.server.store.AuditLog;
import org.cadre.server.store.Database;
import org.cadre.server.store.People;
import org.cadre.server.store.Programmes;
import org.cadre.server.security.UserAccount;
import org.cadre.server.store.Users;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Turns docs/access-matrix.csv into requests: every endpoint, as every role, inside and outside its
 * scope, against the real application over the demo data. A cell that the application answers otherwise
 * fails the build, so the matrix in docs/ is always the truth. Denials (403) and records outside the scope
 * (404) must also never carry a byte of the record: the test checks the answer is a problem document.
 */
class AccessMatrixTest {

    private static final Path MATRIX = Path.of("..", "docs", "access-matrix.csv");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final AtomicInteger UNIQUE = new AtomicInteger();
    private static final Map<String, String> TOKENS = new HashMap<>();
    private static Database db;
    private static Javalin app;

    @BeforeAll
    static void start() throws Exception {
        db = Database.sqlite(Files.createTempDirectory("cadre-matrix").resolve("cadre.db"));
        AuditLog audit = new AuditLog(Clock.systemUTC());
        DemoData.load(db, audit);
        Users users = new Users(db, audit);
        users.add(user("admin", UserAccount.Role.ADMIN, ImmutableSortedSet.of(), ImmutableSortedSet.of()), "test");
        // The user the user-administration rows act on.
        users.add(user("matrix-target", UserAccount.Role.TRAINER, ImmutableSortedSet.of(Country.KAZAKHSTAN), ImmutableSortedSet.of()), "test");
        // Tajik officers on no roster: outside every scope but the administrator's (one for each request naming one).
        People people = new People(db, audit);
        people.add(Person.builder("matrix-erasable", Country.KAZAKHSTAN).latinName("Erasable Officer").build(), "test");
        for (int i = 0; i < OUTSIDERS; i++) {
            people.add(Person.builder("outsider-" + i, Country.TAJIKISTAN).latinName("Outside Officer " + i).build(), "test");
        }
        // A second programme, in Mongolia only, for users scoped by programme to something else.
        new Programmes(db, audit).add(new Programme(OTHER_PROGRAMME, "Border management in Mongolia", "Donor",
                ImmutableSet.of(Country.of("MN")), ImmutableSortedSet.of(16)), "test");
        for (UserAccount.Role role : UserAccount.Role.values()) {
            if (role != UserAccount.Role.ADMIN) {
                users.add(user(role.label() + "-in", role, ImmutableSortedSet.of(Country.KAZAKHSTAN), ImmutableSortedSet.of()), "test");
                users.add(user(role.label() + "-out", role, ImmutableSortedSet.of(Country.of("MN")), ImmutableSortedSet.of()), "test");
                users.add(user(role.label() + "-programme-in", role, ImmutableSortedSet.of(), ImmutableSortedSet.of(DemoRoster.PROGRAMME)), "test");
                users.add(user(role.label() + "-programme-out", role, ImmutableSortedSet.of(), ImmutableSortedSet.of(OTHER_PROGRAMME)), "test");
            }
        }
        app = CadreApp.create(db).start("127.0.0.1", 0);
        ApiClient api = new ApiClient(app.port());
        for (String name : header()) {
            TOKENS.put(name, api.login(name, "pw"));
        }
    }

    private static final ProgrammeId OTHER_PROGRAMME = ProgrammeId.of("mn-border-management");
    private static final int OUTSIDERS = 200;
    private static final List<String> NEW_COUNTRIES = List.of("AF", "AM", "AZ", "BY", "CN", "GE", "IN", "IR", "MD", "RU", "TR", "UA",
            "AE", "AL", "BA", "BG", "CY", "CZ", "DE", "EE", "ES", "FI", "FR", "GR", "HR", "HU");
    private static final AtomicInteger OUTSIDER = new AtomicInteger();

    /** A Tajik officer on no roster, not named by any earlier request. */
    private static String outsider() {
        return "outsider-" + OUTSIDER.getAndIncrement();
    }

    private static UserAccount user(String name, UserAccount.Role role, ImmutableSortedSet<Country> countries,
            ImmutableSortedSet<ProgrammeId> programmes) {
        return new UserAccount(name, Passwords.hash("pw".toCharArray(), 1_000), role, countries, programmes, false);
    }

    /** The users of the matrix, as its header names them. */
    private static List<String> header() throws Exception {
        List<String> lines = Files.readAllLines(MATRIX).stream().filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        List<String> columns = List.of(lines.get(0).split(","));
        return columns.subList(2, columns.size());
    }

    @AfterAll
    static void stop() {
        app.stop();
        db.close();
    }

    static Stream<Arguments> cells() throws Exception {
        List<String> lines = Files.readAllLines(MATRIX).stream().filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        String[] header = lines.get(0).split(",");
        List<Arguments> cells = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cols = line.split(",");
            assertThat(cols).as("columns of: %s", line).hasSameSizeAs(header);
            for (int i = 2; i < cols.length; i++) {
                cells.add(Arguments.of(cols[0], cols[1], header[i], Integer.parseInt(cols[i])));
            }
        }
        return cells.stream();
    }

    @ParameterizedTest(name = "{2}: {0} {1} -> {3}")
    @MethodSource("cells")
    void every_role_gets_what_the_matrix_says(String method, String template, String who, int expected) throws Exception {
        // "#case" names a request whose body carries an id (a person, a trainer, a programme) to be checked.
        String path = template.replaceFirst("#.*$", "").replace("{event}", "tot-almaty-2023").replace("{programme}", DemoRoster.PROGRAMME.value())
                .replace("{curriculum}", DemoCurricula.ID);
        String[] body = body(method, template);
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
                .header("Authorization", "Bearer " + TOKENS.get(who))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body[1]));
        if (body != null) {
            b.header("Content-Type", body[0]);
        }
        if (method.equals("PUT") || template.endsWith("p-kz-01/status") || template.contains("/evidence")) {
            b.header("If-Match", "*"); // a change names the version it starts from; access is what is tested here
        }
        HttpResponse<String> response = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("%s %s as %s: %s", method, path, who, response.body()).isEqualTo(expected);
        if (expected >= 400) {
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(ct -> assertThat(ct).startsWith(Problem.CONTENT_TYPE));
            assertThat(response.body()).doesNotContain("Seitkaliyev", "Сейткалиев");
        }
        if (who.startsWith("donor-viewer")) {
            assertThat(response.body()).as("a donor viewer never receives a name").doesNotContain("Seitkaliyev", "Сейткалиев", "Utepova");
        }
    }

    /** A valid body for the endpoint (content type and text), with fresh ids where it creates something. */
    private static String[] body(String method, String template) throws Exception {
        int n = UNIQUE.incrementAndGet();
        String json = "application/json";
        return switch (method + " " + template) {
            case "POST /api/v1/users" -> new String[] {json, "{\"username\": \"user-" + n + "\", \"password\": \"a long enough password\","
                    + " \"role\": \"trainer\", \"countries\": [\"KZ\"]}"};
            case "POST /api/v1/curricula" -> {
                ObjectNode doc = JSON.valueToTree(CurriculumDoc.of(DemoCurricula.almatyTot()));
                doc.put("id", "matrix-package-" + n);
                yield new String[] {json, JSON.writeValueAsString(doc)};
            }
            case "POST /api/v1/organisations" -> new String[] {json, "{\"id\": \"org-" + n + "\", \"name\": \"Regional office\","
                    + " \"country\": \"KZ\", \"kind\": \"border-guard\"}"};
            case "PUT /api/v1/organisations/kz-border-academy" -> new String[] {json, JSON.writeValueAsString(RosterDocs.OrganisationDoc.of(
                    DemoRoster.organisations().stream().filter(o -> o.id().equals(DemoRoster.KZ_BORDER_ACADEMY)).findFirst().orElseThrow()))};
            case "POST /api/v1/people" -> new String[] {json, "{\"id\": \"person-" + n + "\", \"latinName\": \"Test Officer\", \"country\": \"KZ\"}"};
            case "PUT /api/v1/people/t-kz-01" -> new String[] {json, JSON.writeValueAsString(RosterDocs.PersonDoc.of(
                    DemoRoster.almatyTrainers().get(0)))};
            case "POST /api/v1/programmes" -> new String[] {json, "{\"id\": \"programme-" + n + "\", \"title\": \"Programme\", \"donor\": \"Donor\","
                    + " \"countries\": [\"KZ\"], \"sdgs\": [16]}"};
            case "PUT /api/v1/programmes/{programme}" -> new String[] {json, JSON.writeValueAsString(RosterDocs.ProgrammeDoc.of(DemoRoster.programme()))};
            case "PUT /api/v1/programmes/{programme}/framework" -> new String[] {json, JSON.writeValueAsString(
                    org.cadre.documents.FrameworkDoc.of(org.cadre.reporting.demo.DemoResults.framework()))};
            case "POST /api/v1/events" -> {
                ObjectNode doc = JSON.valueToTree(RosterDocs.EventDoc.of(DemoRoster.almatyTot().event()));
                doc.put("id", "event-" + n);
                yield new String[] {json, JSON.writeValueAsString(doc)};
            }
            case "PUT /api/v1/events/{event}" -> new String[] {json, JSON.writeValueAsString(RosterDocs.EventDoc.of(DemoRoster.almatyTot().event()))};
            case "PUT /api/v1/events/{event}#trainer-outside" -> {
                var almaty = DemoRoster.almatyTot().event();
                var slots = new ArrayList<>(almaty.agenda());
                var first = slots.get(0);
                slots.set(0, new org.cadre.roster.AgendaSlot(first.session(), first.day(), first.start(), first.end(),
                        ImmutableSet.of(org.cadre.roster.PersonId.of(outsider()))));
                yield new String[] {json, JSON.writeValueAsString(RosterDocs.EventDoc.of(almaty.toBuilder().agenda(slots).build()))};
            }
            case "POST /api/v1/events#programme-outside" -> {
                ObjectNode doc = JSON.valueToTree(RosterDocs.EventDoc.of(DemoRoster.almatyTot().event()));
                doc.put("id", "event-" + n).put("programme", OTHER_PROGRAMME.value());
                yield new String[] {json, JSON.writeValueAsString(doc)};
            }
            // Names the demo cascade as its ToT: outside the scope it is "no such event"; within it, "not a ToT".
            case "POST /api/v1/events#trainers-from-outside" -> {
                ObjectNode doc = JSON.valueToTree(RosterDocs.EventDoc.of(DemoRoster.dushanbeCascade().event().toBuilder()
                        .venue("Almaty", Country.KAZAKHSTAN, java.time.ZoneId.of("Asia/Almaty")).trainersFrom(DemoRoster.DUSHANBE_CASCADE)
                        .agenda(List.of()).build()));
                doc.put("id", "event-" + n);
                yield new String[] {json, JSON.writeValueAsString(doc)};
            }
            case "POST /api/v1/events/{event}/enrolments#person-outside" -> new String[] {json, "{\"person\": \"" + outsider()
                    + "\", \"role\": \"participant\", \"nominatedBy\": \"kz-border-academy\"}"};
            case "POST /api/v1/events/{event}/roster#person-outside" -> {
                String id = outsider();
                yield new String[] {"text/csv", "person_id,latin_name,country,role,nominated_by\r\n"
                        + id + ",Outside Officer " + id.substring("outsider-".length()) + ",TJ,participant,kz-border-academy\r\n"};
            }
            case "POST /api/v1/events/{event}/roster#country-outside" -> new String[] {"text/csv", "person_id,latin_name,country,role,nominated_by\r\n"
                    + "mn-" + n + ",Mongolian Officer,MN,participant,kz-border-academy\r\n"};
            case "POST /api/v1/retention" -> new String[] {json, "{\"dryRun\": true}"};
            case "POST /api/v1/people/matrix-erasable/erasure" -> new String[] {json, ""};
            case "PUT /api/v1/users/matrix-target" -> new String[] {json, "{\"disabled\": false}"};
            case "PUT /api/v1/users/matrix-target/password" -> new String[] {json, "{\"password\": \"another long password " + n + "\"}"};
            case "PUT /api/v1/organisations/iom" -> new String[] {json, JSON.writeValueAsString(RosterDocs.OrganisationDoc.of(
                    DemoRoster.organisations().stream().filter(o -> o.id().equals(DemoRoster.IOM)).findFirst().orElseThrow()))};
            case "PUT /api/v1/programmes/mn-border-management#countries" -> {
                // The Mongolian programme as stored, with one more country each time (none of the users' countries).
                var p = new Programmes(db, new AuditLog(Clock.systemUTC())).get(OTHER_PROGRAMME).orElseThrow().value();
                String added = NEW_COUNTRIES.get(n % NEW_COUNTRIES.size());
                yield new String[] {json, JSON.writeValueAsString(RosterDocs.ProgrammeDoc.of(new Programme(p.id(), p.title(), p.donor(),
                        ImmutableSet.<Country>builder().addAll(p.countries()).add(Country.of(added)).build(), p.sdgs())))};
            }
            case "POST /api/v1/events/{event}/enrolments" -> new String[] {json, "{\"person\": \"p-kz-01\", \"role\": \"participant\","
                    + " \"nominatedBy\": \"kz-border-academy\"}"};
            case "POST /api/v1/events/{event}/enrolments/p-kz-01/status" -> new String[] {json, "{\"status\": \"approved\"}"};
            case "POST /api/v1/events/{event}/roster" -> new String[] {"text/csv", "person_id,latin_name,country,role,organisation\r\n"
                    + "csv-" + n + ",Imported Officer,KZ,participant,kz-border-academy\r\n"};
            case "PUT /api/v1/events/{event}/attendance/M1.S1" -> new String[] {json, "{\"marks\": [{\"person\": \"p-kz-01\", \"mark\": \"present\"}]}"};
            case "POST /api/v1/events/{event}/tests" -> new String[] {json, "{\"phase\": \"pre\", \"scores\": []}"};
            case "PUT /api/v1/events/{event}/rubric" -> new String[] {json, JSON.writeValueAsString(RosterDocs.RubricDoc.of(DemoRoster.microTeachingRubric()))};
            case "POST /api/v1/events/{event}/practice" -> new String[] {json, "{\"results\": []}"};
            case "POST /api/v1/events/{event}/feedback" -> new String[] {json, "{\"items\": []}"};
            case "POST /api/v1/events/{event}/certification" -> new String[] {json, "{\"on\": \"2023-10-27\"}"};
            case "POST /api/v1/trainers/t-kz-01/{curriculum}/evidence" -> new String[] {json,
                    "{\"kind\": \"tot-enrolled\", \"on\": \"2023-10-24\", \"event\": \"tot-almaty-2023\"}"};
            case "POST /api/v1/events/{event}/enrolments/status" -> new String[] {json,
                    "{\"changes\": [{\"person\": \"p-kz-01\", \"status\": \"approved\"}]}"};
            case "POST /api/v1/events/{event}/close" -> new String[] {json, "{\"on\": \"2023-10-26\"}"};
            default -> {
                assertThat(method).as("a %s needs a body in AccessMatrixTest", template).isIn("GET", "DELETE");
                yield null;
            }
        };
    }
}
