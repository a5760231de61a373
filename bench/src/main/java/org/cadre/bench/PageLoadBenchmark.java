package org.cadre.bench;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import com.google.common.collect.ImmutableSortedSet;
import io.javalin.Javalin;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cadre.roster.AgendaSlot;
import org.cadre.roster.CourseDay;
import org.cadre.roster.Country;
import org.cadre.roster.DateRange;
import org.cadre.roster.EnrolmentStatus;
import org.cadre.roster.Event;
import org.cadre.roster.EventId;
import org.cadre.roster.Role;
import org.cadre.roster.demo.DemoRoster;
import org.cadre.server.app.Enrolling;
import org.cadre.server.app.UseCases;
import org.cadre.server.security.Passwords;
import org.cadre.server.security.UserAccount;
import org.cadre.server.store.AuditLog;
import org.cadre.server.store.Database;
import org.cadre.server.store.DemoData;
import org.cadre.server.store.Events;
import org.cadre.server.store.Users;
import org.cadre.server.web.CadreApp;

/**
 * The staff pages under load beside the JSON API and a bare endpoint, in the same run: the attendance page of
 * a 40-person session and its save (one tap: one person's mark, as htmx sends it), the API's roster read and
 * one-mark save, and a bare Javalin endpoint reading one row of the same SQLite file with plain JDBC. 16
 * callers (or as many as the second argument says) on loopback, each sending its next request when the last
 * is answered.
 *
 * <p>Run: {@code ./mvnw -q -pl bench -am package -DskipTests && java -cp bench/target/benchmarks.jar
 * org.cadre.bench.PageLoadBenchmark [seconds] [callers]}
 */
public final class PageLoadBenchmark {

    private static final int PEOPLE = 40;
    private static final String EVENT = "load-tot";
    private static final String SESSION = "M1.S1";

    private PageLoadBenchmark() {}

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int callers = args.length > 1 ? Integer.parseInt(args[1]) : 16;
        Path file = Files.createTempDirectory("cadre-page-load").resolve("cadre.db");
        try (Database db = Database.sqlite(file)) {
            AuditLog audit = new AuditLog(Clock.systemUTC());
            DemoData.load(db, audit);
            UserAccount user = new UserAccount("load", Passwords.hash("load password".toCharArray()), UserAccount.Role.COORDINATOR,
                    ImmutableSortedSet.of(Country.KAZAKHSTAN), ImmutableSortedSet.of(), false);
            new Users(db, audit).add(user, "bench");
            seatForty(db, audit, user);
            Javalin cadre = CadreApp.create(db).start("127.0.0.1", 0);
            try (BareEndpoint bare = BareEndpoint.start(file)) {
                String base = "http://127.0.0.1:" + cadre.port();
                Signed page = signInByForm(base);
                String token = apiToken(base);
                URI pageUri = URI.create(base + "/events/" + EVENT + "/attendance/" + SESSION);
                URI rosterUri = URI.create(base + "/api/v1/events/" + EVENT + "/enrolments");
                URI markUri = URI.create(base + "/api/v1/events/" + EVENT + "/attendance/" + SESSION);
                HttpRequest pageGet = HttpRequest.newBuilder(pageUri).header("Cookie", page.cookie()).header("Accept", "text/html").GET().build();
                HttpRequest apiGet = HttpRequest.newBuilder(rosterUri).header("Authorization", "Bearer " + token).GET().build();
                HttpRequest bareGet = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + bare.port() + "/row")).GET().build();
                System.out.printf(Locale.ROOT, "%d callers, %d s each after a 3 s warm-up, %d cores; a session of %d people%n", callers,
                        seconds, Runtime.getRuntime().availableProcessors(), PEOPLE);
                for (int round = 1; round <= 2; round++) {
                    LoadClient.Result b = LoadClient.run(caller -> bareGet, callers, 3, seconds);
                    LoadClient.Result pg = LoadClient.run(caller -> pageGet, callers, 3, seconds);
                    LoadClient.Result ag = LoadClient.run(caller -> apiGet, callers, 3, seconds);
                    LoadClient.Result ps = LoadClient.run(caller -> HttpRequest.newBuilder(pageUri).header("Cookie", page.cookie())
                            .header("HX-Request", "true").header("X-CSRF-Token", page.formToken())
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString("person=" + person(caller) + "&mark=" + mark())).build(),
                            callers, 3, seconds);
                    LoadClient.Result as = LoadClient.run(caller -> HttpRequest.newBuilder(markUri).header("Authorization", "Bearer " + token)
                            .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(
                                    "{\"marks\":[{\"person\":\"" + person(caller) + "\",\"mark\":\"" + mark() + "\"}]}")).build(),
                            callers, 3, seconds);
                    System.out.printf(Locale.ROOT, "round %d%n  bare Javalin + one SQLite row:       %s%n"
                            + "  GET attendance page (40 people):     %s   (/ bare %.2f)%n"
                            + "  GET API roster (40 enrolments+):     %s   (/ bare %.2f)%n"
                            + "  POST one mark from the page (htmx):  %s   (/ API %.2f)%n"
                            + "  PUT one mark through the API:        %s%n",
                            round, b, pg, pg.perSecond() / b.perSecond(), ag, ag.perSecond() / b.perSecond(), ps,
                            ps.perSecond() / as.perSecond(), as);
                }
            }
            cadre.stop();
        }
    }

    private static String person(int caller) {
        return "load-" + (caller % PEOPLE + 1);
    }

    private static String mark() {
        return System.nanoTime() % 2 == 0 ? "present" : "late";
    }

    /** A copy of the demo ToT that ended ten days ago, with forty Kazakh participants holding a seat. */
    private static void seatForty(Database db, AuditLog audit, UserAccount user) {
        Event e = DemoRoster.almatyTot().event();
        LocalDate today = LocalDate.now(Clock.systemUTC());
        long shift = ChronoUnit.DAYS.between(e.courseDays().last(), today.minusDays(10));
        List<AgendaSlot> agenda = e.agenda().stream()
                .map(s -> new AgendaSlot(s.session(), s.day().plusDays(shift), s.start(), s.end(), ImmutableSet.of())).toList();
        List<CourseDay> days = e.days().stream().map(d -> new CourseDay(d.day().plusDays(shift), d.venue())).toList();
        new Events(db, audit).add(new Event(EventId.of(EVENT), "Load ToT", e.programme(), e.curriculum(), e.version(), e.kind(), e.city(),
                e.country(), e.zone(), new DateRange(e.courseDays().first().plusDays(shift), e.courseDays().last().plusDays(shift)),
                new DateRange(e.travelWindow().first().plusDays(shift), e.travelWindow().last().plusDays(shift)), 10, 60, e.quotas(),
                e.languages(), e.interpretation(), ImmutableList.copyOf(agenda), e.trainersFrom(), ImmutableList.copyOf(days), e.modules()),
                "bench");
        StringBuilder csv = new StringBuilder("person_id,country,role,latin_name,nominated_by\n");
        for (int i = 1; i <= PEOPLE; i++) {
            csv.append("load-").append(i).append(",KZ,participant,Officer Number").append(Character.toString('A' + i % 26))
                    .append(i).append(',').append(DemoRoster.KZ_BORDER_GUARD.value()).append('\n');
        }
        UseCases app = UseCases.of(db, Clock.systemUTC());
        var imported = app.enrolling().importRoster(user, EVENT, csv.toString().getBytes(StandardCharsets.UTF_8), null, Optional.empty(),
                done -> new Enrolling.Answer(201, ""), rows -> n -> { });
        if (!imported.isDone()) {
            throw new IllegalStateException("import refused: " + imported.detail() + " " + imported.errors());
        }
        for (EnrolmentStatus[] step : new EnrolmentStatus[][] {{EnrolmentStatus.NOMINATED, EnrolmentStatus.APPROVED},
            {EnrolmentStatus.APPROVED, EnrolmentStatus.CONFIRMED}}) {
            var moved = app.eventWork().moveEvery(user, EVENT, step[0], Optional.of(Role.PARTICIPANT), step[1], Optional.empty());
            if (!moved.isDone()) {
                throw new IllegalStateException("status change refused: " + moved.detail());
            }
        }
    }

    /** A browser's session: its cookies and the form token of its pages. */
    record Signed(String cookie, String formToken) {}

    private static Signed signInByForm(String base) throws Exception {
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> form = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).GET().build(), HttpResponse.BodyHandlers.ofString());
        String loginCookie = form.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        String loginToken = field(form.body(), "name=\"_csrf\" value=\"([^\"]*)\"");
        HttpResponse<String> signed = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).header("Cookie", loginCookie)
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString("_csrf="
                        + URLEncoder.encode(loginToken, StandardCharsets.UTF_8) + "&username=load&password=load+password")).build(),
                HttpResponse.BodyHandlers.ofString());
        String session = signed.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("cadre_session=")).findFirst()
                .orElseThrow(() -> new IllegalStateException("sign-in refused: " + signed.statusCode())).split(";")[0];
        HttpResponse<String> home = http.send(HttpRequest.newBuilder(URI.create(base + "/")).header("Cookie", session).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        return new Signed(session, field(home.body(), "\"X-CSRF-Token\": \"([^\"]*)\""));
    }

    private static String apiToken(String base) throws Exception {
        return LoadClient.token(base, "load", "load password");
    }

    private static String field(String text, String pattern) {
        Matcher m = Pattern.compile(pattern).matcher(text);
        if (!m.find()) {
            throw new IllegalStateException("not found: " + pattern);
        }
        return m.group(1);
    }
}
