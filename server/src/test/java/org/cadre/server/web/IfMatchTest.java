package org.cadre.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.google.common.collect.ImmutableSortedSet;
import io.javalin.Javalin;
import java.nio.file.Files;
import java.time.Clock;
import org.cadre.roster.demo.DemoRoster;
import org.cadre.server.store.DemoData;
import org.cadre.documents.RosterDocs;
import org.cadre.server.security.Passwords;
import org.cadre.server.store.AuditLog;
import org.cadre.server.store.Database;
import org.cadre.server.security.UserAccount;
import org.cadre.server.store.Users;
import org.junit.jupiter.api.Test;

/** Every change names the version it starts from: without If-Match it is refused (428) and nothing changes. */
class IfMatchTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void a_change_without_if_match_is_refused_and_with_the_etag_read_it_is_made() throws Exception {
        try (Database db = Database.sqlite(Files.createTempDirectory("cadre-ifmatch").resolve("cadre.db"))) {
            AuditLog audit = new AuditLog(Clock.systemUTC());
            DemoData.load(db, audit);
            new Users(db, audit).add(new UserAccount("admin", Passwords.hash("pw".toCharArray(), 1_000), UserAccount.Role.ADMIN,
                    ImmutableSortedSet.of(), ImmutableSortedSet.of(), false), "test");
            Javalin app = CadreApp.create(db).start("127.0.0.1", 0);
            try {
                ApiClient api = new ApiClient(app.port());
                String admin = api.login("admin", "pw");
                String[][] changes = {
                    {"/api/v1/organisations/kz-border-academy", JSON.writeValueAsString(RosterDocs.OrganisationDoc.of(DemoRoster.organisations().get(2)))},
                    {"/api/v1/people/t-kz-01", JSON.writeValueAsString(RosterDocs.PersonDoc.of(DemoRoster.almatyTrainers().get(0)))},
                    {"/api/v1/programmes/" + DemoRoster.PROGRAMME, JSON.writeValueAsString(RosterDocs.ProgrammeDoc.of(DemoRoster.programme()))},
                    {"/api/v1/events/tot-almaty-2023", JSON.writeValueAsString(RosterDocs.EventDoc.of(DemoRoster.almatyTot().event()))},
                    {"/api/v1/programmes/" + DemoRoster.PROGRAMME + "/framework", JSON.writeValueAsString(
                            org.cadre.documents.FrameworkDoc.of(org.cadre.reporting.demo.DemoResults.framework()))},
                };
                for (String[] c : changes) {
                    assertThat(api.send("PUT", c[0], admin, c[1]).statusCode()).as(c[0]).isEqualTo(428);
                    assertThat(api.change("PUT", c[0], admin, c[1]).statusCode()).as(c[0]).isEqualTo(200);
                }
                String status = "/api/v1/events/tot-almaty-2023/enrolments/p-kz-01/status";
                assertThat(api.send("POST", status, admin, "{\"status\": \"completed\", \"on\": \"2023-10-28\"}").statusCode()).isEqualTo(428);
            } finally {
                app.stop();
            }
        }
    }
}
