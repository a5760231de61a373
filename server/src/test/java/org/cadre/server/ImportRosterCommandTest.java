package org.cadre.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Set;
import java.util.stream.Collectors;
import org.cadre.server.store.DemoData;
import org.cadre.roster.demo.DemoRoster;
import org.cadre.server.store.AuditLog;
import org.cadre.server.store.Database;
import org.cadre.server.store.Enrolments;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportRosterCommandTest {

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

    private Set<String> enrolledInAlmaty() {
        try (Database db = Database.sqlite(data.resolve(StoreOptions.FILE_NAME))) {
            return new Enrolments(db, new AuditLog(Clock.systemUTC())).ofEvent(DemoRoster.ALMATY_TOT).stream()
                    .map(v -> v.value().person().value()).collect(Collectors.toSet());
        }
    }

    private Path csv(int rows, String... extraLines) throws Exception {
        StringBuilder text = new StringBuilder("person_id,latin_name,native_name,country,organisation,role\n");
        for (int i = 0; i < rows; i++) {
            text.append("cli-").append(i).append(",Officer ").append(i).append(",Офицер ").append(i)
                    .append(",KZ,").append(DemoRoster.KZ_BORDER_GUARD.value()).append(",participant\n");
        }
        for (String line : extraLines) {
            text.append(line).append('\n');
        }
        Path file = dir.resolve("roster.csv");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void a_long_import_enrols_every_row_and_draws_a_progress_bar_to_the_end() throws Exception {
        Set<String> before = enrolledInAlmaty();
        Path file = csv(300);

        int exit = cadre("import-roster", DemoRoster.ALMATY_TOT.value(), file.toString(), "--data", data.toString(),
                "--on", "2023-09-20", "--progress", "always");

        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString()).contains("Enrolled 300 in tot-almaty-2023 (300 new people)");
        assertThat(err.toString()).contains("\rImporting [").contains("100% 300/300").contains(" 50% 150/300");
        assertThat(enrolledInAlmaty()).hasSize(before.size() + 300).contains("cli-0", "cli-299");
    }

    /**
     * The import is read, checked and stored a chunk at a time (issue 16: memory stays flat): the largest file an
     * import takes, 100,000 rows, goes in through the command line in a JVM of 40 MB of heap. Held whole as rows,
     * people and enrolments, it needed 96 to 128 MB; what grows with the file now is its bytes and the ids seen.
     */
    @Test
    void the_largest_roster_an_import_takes_goes_in_within_a_small_heap() throws Exception {
        Path file = csv(org.cadre.roster.RosterRows.MAX_ROWS);
        Path errors = dir.resolve("child.err");

        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx40m",
                "-cp", System.getProperty("java.class.path"), Cadre.class.getName(), "import-roster", DemoRoster.ALMATY_TOT.value(),
                file.toString(), "--data", data.toString(), "--on", "2023-09-20", "--progress", "never")
                .redirectErrorStream(false).redirectError(errors.toFile()).start();
        String printed = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        boolean ended = child.waitFor(120, java.util.concurrent.TimeUnit.SECONDS);

        assertThat(ended).isTrue();
        assertThat(child.exitValue()).as(Files.readString(errors)).isZero();
        assertThat(printed).contains("Enrolled 100000 in tot-almaty-2023 (100000 new people)");
        assertThat(enrolledInAlmaty()).contains("cli-0", "cli-99999").hasSizeGreaterThan(100_000);
    }

    /** A heap too small for the file: a refusal that says what to do, exit code 2, nothing stored (not a stack trace, exit 1). */
    @Test
    void a_heap_too_small_for_the_file_is_said_plainly_and_nothing_is_stored() throws Exception {
        Set<String> before = enrolledInAlmaty();
        Path file = csv(org.cadre.roster.RosterRows.MAX_ROWS);
        Path errors = dir.resolve("child.err");

        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx20m",
                "-cp", System.getProperty("java.class.path"), Cadre.class.getName(), "import-roster", DemoRoster.ALMATY_TOT.value(),
                file.toString(), "--data", data.toString(), "--on", "2023-09-20", "--progress", "never")
                .redirectOutput(dir.resolve("child.out").toFile()).redirectError(errors.toFile()).start();
        boolean ended = child.waitFor(120, java.util.concurrent.TimeUnit.SECONDS);

        assertThat(ended).isTrue();
        String said = Files.readString(errors);
        assertThat(child.exitValue()).as(said).isEqualTo(2);
        assertThat(said).contains("the import needs more memory than this JVM was given; nothing was stored")
                .doesNotContain("Exception", "\tat ");
        assertThat(enrolledInAlmaty()).isEqualTo(before);
    }

    @Test
    void without_a_terminal_the_bar_stays_away_by_default() throws Exception {
        int exit = cadre("import-roster", DemoRoster.ALMATY_TOT.value(), csv(250).toString(), "--data", data.toString());

        assertThat(exit).isZero();
        assertThat(err.toString()).doesNotContain("Importing");
    }

    @Test
    void bad_rows_are_listed_by_line_and_nothing_is_stored() throws Exception {
        Set<String> before = enrolledInAlmaty();
        Path file = csv(3, "cli-x,Officer X,,ZZ,kz-nsc-border-guard,participant", "cli-0,Officer 0,,KZ,,captain");

        int exit = cadre("import-roster", DemoRoster.ALMATY_TOT.value(), file.toString(), "--data", data.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).contains("nothing was stored").contains("line 5: country").contains("line 6: role")
                .doesNotContain("Officer X");
        assertThat(enrolledInAlmaty()).isEqualTo(before);
    }

    @Test
    void an_unknown_event_or_a_missing_database_is_named_and_exits_two() throws Exception {
        Path file = csv(1);

        assertThat(cadre("import-roster", "no-such-event", file.toString(), "--data", data.toString())).isEqualTo(2);
        assertThat(cadre("import-roster", DemoRoster.ALMATY_TOT.value(), file.toString(), "--data", dir.resolve("none").toString()))
                .isEqualTo(2);
        assertThat(cadre("import-roster", DemoRoster.ALMATY_TOT.value(), dir.resolve("absent.csv").toString(), "--data", data.toString()))
                .isEqualTo(2);
        assertThat(cadre("import-roster", DemoRoster.ALMATY_TOT.value(), dir.toString(), "--data", data.toString())).isEqualTo(2);

        assertThat(err.toString()).contains("EVENT: no-such-event is not stored").contains("No database at")
                .contains("absent.csv: cannot be read: there is no such file.")
                .contains(dir + ": cannot be read: it is a folder; name a file in it.").doesNotContain("Exception");
        assertThat(dir.resolve("none")).doesNotExist();
    }

    /**
     * An option's value that is none is one line naming the option, its values as the command takes them, and a pointer to
     * the help, not the whole usage (the newcomer's re-check of session 13: "[AUTO, ALWAYS, NEVER]" above 25 lines).
     */
    @Test
    void an_options_value_that_is_none_is_one_line_in_the_commands_words() throws Exception {
        Path file = csv(1);

        assertThat(cadre("import-roster", DemoRoster.ALMATY_TOT.value(), file.toString(), "--data", data.toString(), "--progress",
                "sometimes")).isEqualTo(2);

        assertThat(err.toString().lines().toList()).containsExactly(
                "Invalid value for option '--progress': expected one of auto, always, never but was 'sometimes'",
                "See 'cadre import-roster --help' for its options.");
        err.getBuffer().setLength(0);
        assertThat(cadre("retention", "--keep-years", "99999999999", "--dry-run", "--data", data.toString())).isEqualTo(2);
        assertThat(err.toString()).startsWith("Invalid value for option '--keep-years': '99999999999' is not a whole number this option takes")
                .doesNotContain(" int");
        err.getBuffer().setLength(0);
        assertThat(cadre("retention", "--keep-years", "2000000000", "--dry-run", "--data", data.toString())).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("--keep-years: must be between 1 and 1000" + System.lineSeparator());
    }
}
