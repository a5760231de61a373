package org.cadre.server.web.pages;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import com.google.common.collect.ImmutableSortedSet;
import io.javalin.Javalin;
import java.nio.file.Files;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.cadre.roster.AgendaSlot;
import org.cadre.roster.CourseDay;
import org.cadre.roster.Country;
import org.cadre.roster.DateRange;
import org.cadre.roster.Event;
import org.cadre.roster.EventId;
import org.cadre.roster.demo.DemoRoster;
import org.cadre.server.app.Settings;
import org.cadre.server.security.Passwords;
import org.cadre.server.security.UserAccount;
import org.cadre.server.store.AuditLog;
import org.cadre.server.store.Database;
import org.cadre.server.store.DemoData;
import org.cadre.server.store.Events;
import org.cadre.server.store.Users;
import org.cadre.server.web.CadreApp;

/**
 * The real server on a fresh SQLite file with the demo, for the page tests: users {@code admin}, {@code kz} and
 * {@code tj} (coordinators of one country), {@code donor} (a donor viewer), all with the password {@code pw};
 * and empty copies of the Almaty ToT that ended a month ago, to be filled through the pages.
 */
final class PageFixture implements AutoCloseable {

    static final String PASSWORD = "pw";

    final java.nio.file.Path file;
    final Database db;
    final Javalin app;
    final LocalDate today = LocalDate.now(Clock.systemUTC());

    PageFixture() throws Exception {
        this(Settings.defaults());
    }

    /** As {@link #PageFixture()}, the server running with the settings given. */
    PageFixture(Settings settings) throws Exception {
        file = Files.createTempDirectory("cadre-pages").resolve("cadre.db");
        db = Database.sqlite(file);
        AuditLog audit = new AuditLog(Clock.systemUTC());
        DemoData.load(db, audit);
        Users users = new Users(db, audit);
        user(users, "admin", UserAccount.Role.ADMIN, null);
        user(users, "kz", UserAccount.Role.COORDINATOR, Country.KAZAKHSTAN);
        user(users, "tj", UserAccount.Role.COORDINATOR, Country.TAJIKISTAN);
        user(users, "donor", UserAccount.Role.DONOR_VIEWER, Country.KAZAKHSTAN);
        app = CadreApp.create(db, settings).start("127.0.0.1", 0);
    }

    private static void user(Users users, String name, UserAccount.Role role, Country country) {
        users.add(new UserAccount(name, Passwords.hash(PASSWORD.toCharArray(), 1_000), role,
                country == null ? ImmutableSortedSet.of() : ImmutableSortedSet.of(country), ImmutableSortedSet.of(), false), "test");
    }

    /** A second server instance on the same database file, as a second instance behind a proxy; closing it stops it. */
    record Instance(Database db, Javalin app) implements AutoCloseable {
        String base() {
            return "http://127.0.0.1:" + app.port();
        }

        @Override
        public void close() {
            app.stop();
            db.close();
        }
    }

    Instance secondInstance() {
        Database other = Database.sqlite(file);
        return new Instance(other, CadreApp.create(other, Settings.defaults()).start("127.0.0.1", 0));
    }

    int port() {
        return app.port();
    }

    String base() {
        return "http://127.0.0.1:" + app.port();
    }

    /**
     * Records an empty copy of the demo's Almaty ToT (same package, agenda and venue, no roster) whose last
     * day was {@code endedDaysAgo} days ago.
     */
    EventId pastEvent(String id, int endedDaysAgo) {
        Event e = DemoRoster.almatyTot().event();
        long shift = ChronoUnit.DAYS.between(e.courseDays().last(), today.minusDays(endedDaysAgo));
        List<AgendaSlot> agenda = e.agenda().stream()
                .map(s -> new AgendaSlot(s.session(), s.day().plusDays(shift), s.start(), s.end(), ImmutableSet.of())).toList();
        List<CourseDay> days = e.days().stream().map(d -> new CourseDay(d.day().plusDays(shift), d.venue())).toList();
        Event copy = new Event(EventId.of(id), "Web ToT " + id, e.programme(), e.curriculum(), e.version(), e.kind(), e.city(),
                e.country(), e.zone(), shifted(e.courseDays(), shift), shifted(e.travelWindow(), shift), e.minParticipants(),
                e.maxParticipants(), e.quotas(), e.languages(), e.interpretation(), ImmutableList.copyOf(agenda), e.trainersFrom(),
                ImmutableList.copyOf(days), e.modules());
        new Events(db, new AuditLog(Clock.systemUTC())).add(copy, "test");
        return copy.id();
    }

    private static DateRange shifted(DateRange r, long days) {
        return new DateRange(r.first().plusDays(days), r.last().plusDays(days));
    }

    /** Names of fictional Kazakh officers: native script and Latin. */
    private static final String[][] NAMES = {{"Айгерим Нурланова", "Aigerim Nurlanova"}, {"Ерлан Садыков", "Yerlan Sadykov"},
        {"Дана Касымова", "Dana Kassymova"}, {"Бауыржан Оспанов", "Baurzhan Ospanov"}, {"Мадина Ахметова", "Madina Akhmetova"},
        {"Тимур Жаксылыков", "Timur Zhaksylykov"}, {"Асель Бекова", "Assel Bekova"}, {"Арман Тулегенов", "Arman Tulegenov"}};

    /**
     * A roster file for the event: {@code n} Kazakh participants (up to 8 different names), the second with a Latin
     * name that is markup.
     */
    static String roster(String prefix, int n) {
        StringBuilder csv = new StringBuilder("person_id,country,role,native_name,latin_name,sex,nominated_by\n");
        for (int i = 1; i <= n; i++) {
            String[] name = NAMES[(i - 1) % NAMES.length];
            String latin = i == 2 ? "<script>alert(1)</script> " + name[1] : name[1];
            csv.append(prefix).append("-").append(i).append(",KZ,participant,").append(name[0]).append(",").append(latin)
                    .append(",not-recorded,").append(DemoRoster.KZ_BORDER_GUARD.value()).append('\n');
        }
        return csv.toString();
    }

    @Override
    public void close() {
        app.stop();
        db.close();
    }
}
