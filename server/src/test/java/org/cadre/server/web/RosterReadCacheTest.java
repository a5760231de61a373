package org.cadre.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.google.common.collect.ImmutableSortedSet;
import io.javalin.Javalin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.cadre.roster.Country;
import org.cadre.roster.Enrolment;
import org.cadre.roster.Person;
import org.cadre.roster.Role;
import org.cadre.roster.Sex;
import org.cadre.roster.demo.DemoRoster;
import org.cadre.server.store.DemoData;
import org.cadre.server.security.Passwords;
import org.cadre.server.store.AuditLog;
import org.cadre.server.store.Database;
import org.cadre.server.store.Enrolments;
import org.cadre.server.store.People;
import org.cadre.server.security.UserAccount;
import org.cadre.server.store.Users;
import org.junit.jupiter.api.Test;

/** The roster list is served from memory between writes, and never older than the last write, from any process. */
class RosterReadCacheTest {

    private static final String ROSTER = "/api/v1/events/tot-almaty-2023/enrolments";

    private static JsonNode get(ApiClient api, String token) throws Exception {
        var response = api.send("GET", ROSTER, token, null);
        assertThat(response.statusCode()).isEqualTo(200);
        return JsonMapper.builder().build().readTree(response.body());
    }

    @Test
    void a_change_written_by_another_process_shows_on_the_next_read_and_a_renamed_person_too() throws Exception {
        Path file = Files.createTempDirectory("cadre-cache").resolve("cadre.db");
        try (Database server = Database.sqlite(file); Database other = Database.sqlite(file)) {
            AuditLog audit = new AuditLog(Clock.systemUTC());
            DemoData.load(server, audit);
            new Users(server, audit).add(new UserAccount("kz", Passwords.hash("pw".toCharArray(), 1_000), UserAccount.Role.COORDINATOR,
                    ImmutableSortedSet.of(Country.KAZAKHSTAN), ImmutableSortedSet.of(), false), "admin");
            Javalin app = CadreApp.create(server).start("127.0.0.1", 0);
            try {
                ApiClient api = new ApiClient(app.port());
                String token = api.login("kz", "pw");
                int before = get(api, token).get("items").size();
                assertThat(get(api, token).get("items").size()).as("read twice, unchanged").isEqualTo(before);

                // Another process (the command line's roster import, say) enrols a new officer.
                Person added = Person.builder("cache-new", Country.KAZAKHSTAN).latinName("Aidos Cache").sex(Sex.MALE).build();
                new People(other, audit).add(added, "cli");
                new Enrolments(other, audit).addAll(List.of(Enrolment.nominate(added.id(), DemoRoster.ALMATY_TOT, Role.PARTICIPANT,
                        DemoRoster.KZ_BORDER_GUARD, LocalDate.of(2023, 9, 20))), "cli");
                JsonNode afterEnrolment = get(api, token);

                new People(other, audit).update(Person.builder("cache-new", Country.KAZAKHSTAN).latinName("Aidos Renamed")
                        .sex(Sex.MALE).build(), 1, "cli");
                JsonNode afterRename = get(api, token);

                assertThat(afterEnrolment.get("items").size()).isEqualTo(before + 1);
                assertThat(afterEnrolment.toString()).contains("Aidos Cache");
                assertThat(afterRename.toString()).contains("Aidos Renamed").doesNotContain("Aidos Cache");
            } finally {
                app.stop();
            }
        }
    }
}
