package org.cadre.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.stream.Collectors;
import org.cadre.server.store.DemoData;
import org.cadre.roster.demo.DemoRoster;
import org.cadre.server.store.AuditLog;
import org.cadre.server.store.Database;
import org.cadre.server.store.Enrolments;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cadre status}, {@code cadre certify} and {@code cadre close}: the API's bulk work from the command line. */
class EventCommandsTest {

    @TempDir
    Path dir;

    private Path data;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void demoDatabase() {
        data = dir.resolve("data");
        try (Database db = Database.sqlite(data.resolve(StoreOptions.FILE_NAME))) {
            DemoData.load(db, new AuditLog(Clock.systemUTC()));
        }
    }

    private int cadre(String... args) {
        return Cadre.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    private Map<String, String> statuses() {
        try (Database db = Database.sqlite(data.resolve(StoreOptions.FILE_NAME))) {
            return new Enrolments(db, new AuditLog(Clock.systemUTC())).ofEvent(DemoRoster.ALMATY_TOT).stream()
                    .collect(Collectors.toMap(v -> v.value().person().value(), v -> v.value().status().label()));
        }
    }

    @Test
    void a_past_events_new_nominations_are_approved_and_confirmed_in_two_commands_then_it_closes_once() throws Exception {
        Path csv = dir.resolve("late.csv");
        Files.writeString(csv, "person_id,latin_name,country,organisation,role\n"
                + "cli-1,Late Officer One,KZ," + DemoRoster.KZ_BORDER_GUARD + ",participant\n"
                + "cli-2,Late Officer Two,KZ," + DemoRoster.KZ_BORDER_GUARD + ",participant\n", StandardCharsets.UTF_8);
        assertThat(cadre("import-roster", "tot-almaty-2023", csv.toString(), "--data", data.toString())).as(err.toString()).isZero();

        assertThat(cadre("status", "tot-almaty-2023", "--every", "nominated", "--to", "approved", "--data", data.toString()))
                .as(err.toString()).isZero();
        assertThat(cadre("status", "tot-almaty-2023", "--every", "approved", "--to", "confirmed", "--role", "participant",
                "--data", data.toString())).as(err.toString()).isZero();
        assertThat(out.toString()).contains("Moved 2 enrolment(s) of tot-almaty-2023 from nominated to approved.")
                .contains("Moved 2 enrolment(s) of tot-almaty-2023 from approved to confirmed.");
        assertThat(statuses()).containsEntry("cli-1", "confirmed").containsEntry("cli-2", "confirmed");

        assertThat(cadre("close", "tot-almaty-2023", "--data", data.toString())).as(err.toString()).isZero();
        assertThat(out.toString()).contains("Closed tot-almaty-2023 on 2023-10-27: 2 enrolment(s) moved.")
                .contains("close.moved event/tot-almaty-2023/enrolment/cli-1: no session attended: no-show");
        assertThat(statuses()).containsEntry("cli-1", "no-show").containsEntry("p-kz-01", "completed");

        assertThat(cadre("close", "tot-almaty-2023", "--data", data.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("The event was closed on 2023-10-27; it is closed once.");
        assertThat(cadre("status", "tot-almaty-2023", "--every", "nominated", "--to", "approved", "--data", data.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("No enrolment is nominated; nothing was changed.").contains("  --every: no enrolment has this status");
        assertThat(cadre("close", "no-such-event", "--data", data.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("There is no such event that you can see.");
        assertThat(cadre("status", "tot-almaty-2023", "--every", "sleeping", "--to", "approved", "--data", data.toString())).isEqualTo(2);
    }

    /** A value that is none is named at its own flag, with that flag's values (the newcomer's review of session 13). */
    @Test
    void a_status_or_role_that_is_none_is_named_at_its_flag_with_that_flags_values() {
        assertThat(cadre("status", "tot-almaty-2023", "--every", "nominated", "--to", "aproved", "--data", data.toString())).isEqualTo(2);
        assertThat(err.toString()).startsWith("--to: must be one of nominated, approved,").doesNotContain("--every").doesNotContain("--role");

        err.getBuffer().setLength(0);
        assertThat(cadre("status", "tot-almaty-2023", "--every", "sleeping", "--to", "approved", "--role", "boss",
                "--data", data.toString())).isEqualTo(2);
        assertThat(err.toString().lines().toList()).hasSize(2);
        assertThat(err.toString().lines().toList().get(0)).startsWith("--every: must be one of nominated");
        assertThat(err.toString().lines().toList().get(1)).startsWith("--role: must be one of participant").doesNotContain("nominated");
    }

    @Test
    void a_date_option_is_refused_in_words_not_java_names_and_a_day_ahead_once_as_on() {
        assertThat(cadre("status", "tot-almaty-2023", "--every", "nominated", "--to", "approved", "--on", "yesterday",
                "--data", data.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--on").contains("must be a date as YYYY-MM-DD").doesNotContain("java.");

        err.getBuffer().setLength(0);
        assertThat(cadre("status", "tot-almaty-2023", "--every", "confirmed", "--to", "attended", "--on", "2999-01-01",
                "--data", data.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("  --on: dated 2999-01-01, after today").doesNotContain("changes[");
    }
}
