package org.cadre.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.cadre.server.store.DemoData;
import org.cadre.roster.demo.DemoRoster;
import org.cadre.server.store.AuditLog;
import org.cadre.server.store.Database;
import org.junit.jupiter.api.Test;

/** {@code cadre framework show|set}: the API's framework document, read from and written to the store. */
class FrameworkCommandTest {

    private static final String DEMO = DemoRoster.PROGRAMME.value();

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int cadre(String... args) {
        return Cadre.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    private static Path demoData() throws Exception {
        Path dir = Files.createTempDirectory("cadre-framework-cli");
        try (Database db = Database.sqlite(dir.resolve("cadre.db"))) {
            DemoData.load(db, new AuditLog(Clock.systemUTC()));
        }
        return dir;
    }

    @Test
    void an_operator_shows_and_sets_a_framework_with_the_apis_document_and_the_change_is_audited() throws Exception {
        Path dir = demoData();
        Path file = dir.resolve("framework.json");
        Files.writeString(file, """
                {"indicators": [
                  {"id": "N1", "title": "Officials trained", "metric": "officials-trained", "baseline": 0,
                   "targets": [{"first": "2023-01-01", "last": "2023-12-31", "value": 30}, {"value": 90}]},
                  {"id": "N2", "title": "Procedures adopted", "measure": "count", "baseline": 0,
                   "actuals": [{"first": "2023-01-01", "last": "2023-12-31", "value": 1, "note": "Order 12"}]}
                ]}""");

        int shown = cadre("framework", "show", "--programme", DEMO, "--data", dir.toString());
        String before = out.toString();
        int set = cadre("framework", "set", "--programme", DEMO, "--file", file.toString(), "--data", dir.toString());
        out.getBuffer().setLength(0);
        int again = cadre("framework", "show", "--programme", DEMO, "--data", dir.toString());

        assertThat(shown).as(err.toString()).isZero();
        assertThat(before).contains("\"id\" : \"I1\"").contains("\"metric\" : \"officials-trained\"");
        assertThat(set).as(err.toString()).isZero();
        var json = JsonMapper.builder().build();
        var stored = json.readTree(out.toString());
        assertThat(stored.get("indicators").findValuesAsText("id")).containsExactly("N1", "N2");
        assertThat(stored.get("indicators").get(1).get("actuals").get(0).get("note").asText()).isEqualTo("Order 12");
        assertThat(stored.get("indicators").get(0).get("targets").get(1).get("value").asInt()).isEqualTo(90);
        // What show prints, set takes back unchanged.
        Files.writeString(file, out.toString());
        assertThat(cadre("framework", "set", "--programme", DEMO, "--file", file.toString(), "--data", dir.toString())).isZero();
        try (Database db = Database.sqlite(dir.resolve("cadre.db"))) {
            assertThat(new AuditLog(Clock.systemUTC()).of(db, "results-framework", DEMO)).extracting(AuditLog.Entry::actor)
                    .containsExactly("demo", "command-line", "command-line");
        }
    }

    @Test
    void a_document_that_describes_no_framework_is_refused_naming_each_field_and_nothing_changes() throws Exception {
        Path dir = demoData();
        Path invalid = dir.resolve("invalid.json");
        Files.writeString(invalid, """
                {"indicators": [{"id": "N1", "title": "Officials trained", "metric": "officials-trained", "baseline": 0,
                  "targets": [{"first": "2023-01-01", "last": "2023-12-31", "value": 30}, {"first": "2023-06-01", "last": "2024-05-31", "value": 40}]}]}""");
        Path notJson = dir.resolve("not.json");
        Files.writeString(notJson, "indicators: none");

        assertThat(cadre("framework", "set", "--programme", DEMO, "--file", invalid.toString(), "--data", dir.toString())).isEqualTo(1);
        assertThat(cadre("framework", "set", "--programme", "no-such-programme", "--file", invalid.toString(), "--data", dir.toString()))
                .isEqualTo(1);
        assertThat(cadre("framework", "set", "--programme", DEMO, "--file", notJson.toString(), "--data", dir.toString())).isEqualTo(2);
        assertThat(cadre("framework", "show", "--programme", DEMO, "--data", dir.resolve("none").toString())).isEqualTo(2);

        assertThat(err.toString()).contains("The results framework is not valid as sent; nothing was changed.")
                .contains("  indicators[0].targets[1].first: must not fall in the period of targets[0] (2023-01-01 to 2023-12-31)")
                .contains("There is no such programme that you can see.").contains("not.json: ").contains("No database at");
        out.getBuffer().setLength(0);
        assertThat(cadre("framework", "show", "--programme", DEMO, "--data", dir.toString())).isZero();
        assertThat(out.toString()).as("the demo's framework, unchanged").contains("\"id\" : \"I6\"").doesNotContain("N1");
    }
}
