package org.cadre.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.cadre.server.store.DemoData;
import org.cadre.curriculum.demo.DemoCurricula;
import org.cadre.roster.demo.DemoRoster;
import org.cadre.documents.CurriculumDoc;
import org.cadre.documents.RosterDocs.EventDoc;
import org.cadre.server.store.AuditLog;
import org.cadre.server.store.Database;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int cadre(String... args) {
        return Cadre.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    private Path write(String name, Object document) throws Exception {
        Path file = dir.resolve(name);
        JSON.writeValue(file.toFile(), document);
        return file;
    }

    private Path demoDatabase() {
        Path data = dir.resolve("data");
        try (Database db = Database.sqlite(data.resolve(StoreOptions.FILE_NAME))) {
            DemoData.load(db, new AuditLog(Clock.systemUTC()));
        }
        return data;
    }

    private static EventDoc almatyWithSeats(int seats) {
        EventDoc e = EventDoc.of(DemoRoster.almatyTot().event());
        return new EventDoc(e.id(), e.title(), e.programme(), e.curriculum(), e.version(), e.kind(), e.city(), e.country(),
                e.zone(), e.courseDays(), e.travelWindow(), e.minParticipants(), seats, e.quotas(), e.languages(),
                e.interpretation(), e.agenda(), e.trainersFrom(), e.days(), e.modules(), null, null);
    }

    @Test
    void check_demo_prints_both_versions_clean_and_the_revision_diff_and_exits_zero() {
        int exit = cadre("check", "--demo");

        assertThat(exit).isZero();
        assertThat(out.toString())
                .contains("Countering Migrants Smuggling 1.0.0: 3 modules, 14 sessions, 6 outcomes, 24.0 contact hours")
                .contains("+ session M2.S7")
                .doesNotContain("ERROR");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void check_without_a_file_or_demo_is_a_usage_error() {
        int exit = cadre("check");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("Missing required argument").contains("FILE").contains("--demo");
    }

    @Test
    void a_folder_named_as_the_file_is_said_to_be_a_folder() throws Exception {
        Path folder = write("package.json", CurriculumDoc.of(DemoCurricula.almatyTot())).getParent();

        int exit = cadre("check", folder.toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString().strip()).isEqualTo(folder + ": cannot be read: it is a folder; name a file in it.");
    }

    @Test
    void a_package_file_is_checked_and_exits_zero_without_errors() throws Exception {
        Path file = write("package.json", CurriculumDoc.of(DemoCurricula.almatyTot()));

        int exit = cadre("check", file.toString());

        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString()).contains("Countering Migrants Smuggling 1.0.0: 3 modules, 14 sessions");
    }

    @Test
    void a_package_that_does_not_fit_the_course_frame_exits_one_with_the_finding() throws Exception {
        Path file = write("package.json", CurriculumDoc.of(DemoCurricula.almatyTot()));

        int exit = cadre("check", file.toString(), "--days", "2", "--hours-per-day", "6");

        assertThat(exit).isEqualTo(1);
        assertThat(out.toString()).contains("curriculum.course-overrun");
    }

    @Test
    void a_revision_is_checked_against_the_previous_version_given() throws Exception {
        Path v1 = write("v1.json", CurriculumDoc.of(DemoCurricula.almatyTot()));
        Path v2 = write("v2.json", CurriculumDoc.of(DemoCurricula.revisedAfterAlmaty()));

        assertThat(cadre("check", v2.toString(), "--previous", v1.toString())).as(out.toString()).isZero();
        assertThat(cadre("check", v1.toString(), "--previous", v2.toString())).isEqualTo(1);
        assertThat(out.toString()).contains("curriculum.version-not-increased");
    }

    @Test
    void an_event_file_is_checked_with_the_roster_stored_for_it() throws Exception {
        Path data = demoDatabase();
        Path same = write("event.json", almatyWithSeats(30));
        Path fewerSeats = write("smaller.json", almatyWithSeats(20));

        int clean = cadre("check", same.toString(), "--data", data.toString());
        String cleanOut = out.toString();
        int refused = cadre("check", fewerSeats.toString(), "--data", data.toString());

        assertThat(cleanOut).contains("Event tot-almaty-2023").contains("enrolments on record").doesNotContain("event.capacity-exceeded");
        assertThat(clean).as(cleanOut).isZero();
        assertThat(refused).isEqualTo(1);
        assertThat(out.toString()).contains("event.capacity-exceeded");
    }

    @Test
    void an_event_needs_a_database_holding_its_programme_and_says_so() throws Exception {
        Path file = write("event.json", almatyWithSeats(30));

        int exit = cadre("check", file.toString(), "--data", dir.resolve("nowhere").toString());

        assertThat(exit).isEqualTo(CheckCommand.UNREADABLE);
        assertThat(err.toString()).contains("No database at").contains("--data");
        assertThat(dir.resolve("nowhere")).doesNotExist();
    }

    @Test
    void a_malformed_file_and_a_file_with_invalid_fields_exit_two_naming_the_problem() throws Exception {
        Path malformed = dir.resolve("broken.json");
        Files.writeString(malformed, "{\"modules\": [");
        CurriculumDoc valid = CurriculumDoc.of(DemoCurricula.almatyTot());
        Path badVersion = write("bad.json", JSON.readValue(JSON.writeValueAsString(valid).replace("\"1.0.0\"", "\"one\""), Object.class));
        Path neither = dir.resolve("neither.json");
        Files.writeString(neither, "{\"title\": \"a note\"}");

        assertThat(cadre("check", malformed.toString())).isEqualTo(2);
        assertThat(cadre("check", badVersion.toString())).isEqualTo(2);
        assertThat(cadre("check", neither.toString())).isEqualTo(2);

        assertThat(err.toString())
                .contains("broken.json: The document is not valid JSON: it ends before its value does at line 1")
                .contains("bad.json: invalid fields:").contains("version:")
                .contains("neither a package version (no `modules`) nor an event (no `courseDays`)");
        assertThat(out.toString()).isEmpty();
    }
}
