package org.cadre.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableSortedSet;
import io.javalin.Javalin;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import org.cadre.roster.Country;
import org.cadre.server.store.DemoData;
import org.cadre.server.security.Passwords;
import org.cadre.server.store.AuditLog;
import org.cadre.server.store.Database;
import org.cadre.server.security.UserAccount;
import org.cadre.server.store.Users;
import org.junit.jupiter.api.Test;

/** People are found by name in either script, and only within the searcher's scope. */
class PeopleSearchApiTest {

    @Test
    void a_cyrillic_query_finds_a_tajik_officer_for_a_tajik_coordinator_and_no_one_for_a_kazakh_one() throws Exception {
        try (Database db = Database.sqlite(Files.createTempDirectory("cadre-search").resolve("cadre.db"))) {
            AuditLog audit = new AuditLog(Clock.systemUTC());
            DemoData.load(db, audit);
            Users users = new Users(db, audit);
            for (Country c : new Country[] {Country.TAJIKISTAN, Country.KAZAKHSTAN}) {
                users.add(new UserAccount(c.code().toLowerCase(java.util.Locale.ROOT), Passwords.hash("pw".toCharArray(), 1_000),
                        UserAccount.Role.COORDINATOR, ImmutableSortedSet.of(c), ImmutableSortedSet.of(), false), "admin");
            }
            Javalin app = CadreApp.create(db).start("127.0.0.1", 0);
            try {
                ApiClient api = new ApiClient(app.port());
                String path = "/api/v1/people?q=" + URLEncoder.encode("Давлат", StandardCharsets.UTF_8);
                String atKazakhEvent = "/api/v1/people?q=" + URLEncoder.encode("Абдул", StandardCharsets.UTF_8);

                String tajik = api.send("GET", path, api.login("tj", "pw"), null).body();
                String kazakh = api.send("GET", path, api.login("kz", "pw"), null).body();

                // A Tajik officer of the Dushanbe cascade: the Tajik coordinator's, not the Kazakh one's.
                assertThat(tajik).contains("\"p-tj-c01\"").contains("Rustam Davlatov");
                assertThat(kazakh).doesNotContain("p-tj-c01").doesNotContain("Davlatov");
                // A Tajik officer at the Almaty ToT is in the Kazakh coordinator's scope through that event.
                assertThat(api.send("GET", atKazakhEvent, api.login("kz", "pw"), null).body()).contains("\"p-tj-01\"");
            } finally {
                app.stop();
            }
        }
    }
}
