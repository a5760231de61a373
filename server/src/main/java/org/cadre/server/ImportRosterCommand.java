package org.cadre.server;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.cadre.roster.EventId;
import org.cadre.server.app.Enrolling;
import org.cadre.server.app.Failure;
import org.cadre.server.app.Outcome;
import org.cadre.server.app.UseCases;
import org.cadre.server.store.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code cadre import-roster EVENT FILE.csv}: the roster import of {@code POST /api/v1/events/{id}/roster}
 * from the command line, on the same rules: all rows or none, every bad row reported by its line.
 */
@Command(name = "import-roster", mixinStandardHelpOptions = true,
        description = {"Enrol the people of a roster CSV file (UTF-8, a header row, columns in any order) in an event: all rows or none.",
                "Required: person_id, country (ISO code, such as KZ), role (participant, trainer, co-trainer, guest-trainer, observer, "
                        + "interpreter, organiser), native_name and/or latin_name, and nominated_by or organisation (nominated_by "
                        + "defaults to the person's own organisation). Optional: sex (female, male, another, not-recorded), rank. "
                        + "For a person already on record, empty columns but country and role are taken from the record.",
                "At most 100,000 rows. Every bad row is reported with its line number and reason, and then nothing is stored.",
                "Exit code: 0 imported, 1 refused (bad rows), 2 the event or the file cannot be used (also when the import "
                        + "needs more memory than the JVM was given: run it again with a larger heap, java -Xmx256m -jar ...)."})
final class ImportRosterCommand implements Callable<Integer> {

    /** Imports with at least this many rows show a progress bar on a terminal. */
    static final int LONG_IMPORT = 200;

    enum Progress { AUTO, ALWAYS, NEVER }

    @Spec
    private CommandSpec spec;

    @Mixin
    private StoreOptions store = new StoreOptions();

    @Parameters(index = "0", paramLabel = "EVENT", description = "The event's id.")
    private String eventId;

    @Parameters(index = "1", paramLabel = "FILE.csv", description = "The roster file.")
    private Path file;

    @Option(names = "--on", paramLabel = "DATE",
            description = "Date of the nominations (YYYY-MM-DD; default: the event's own day: today while it is ahead, "
                    + "its arrival day once it is over).")
    private LocalDate on;

    @Option(names = "--progress", paramLabel = "WHEN", defaultValue = "AUTO",
            description = "Progress bar: auto (default: on a terminal, from " + LONG_IMPORT + " rows), always or never.")
    private Progress progress;

    @Override
    public Integer call() {
        try {
            return importFile();
        } catch (OutOfMemoryError tooLarge) {
            // Wherever the heap ran out (reading the file, opening the store, importing: the import's transaction is rolled
            // back whatever ends it), the words say what to do (the newcomer's review: a stack trace and exit code 1).
            return tooLarge(spec.commandLine().getErr());
        }
    }

    private int tooLarge(PrintWriter err) {
        err.println(file + ": the import needs more memory than this JVM was given; nothing was stored. "
                + "Run it again with a larger heap (java -Xmx256m -jar cadre.jar import-roster ...).");
        return 2;
    }

    private int importFile() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        byte[] csv;
        try {
            csv = FileProblems.read(file);
        } catch (FileProblems.Unreadable e) {
            err.println(e.getMessage());
            return 2;
        }
        if (!EventId.isValid(eventId)) {
            err.println("EVENT: not an event id.");
            return 2;
        }
        Optional<String> absent = store.absent(System.getenv());
        if (absent.isPresent()) {
            err.println(absent.get());
            return 2;
        }
        try (Database db = store.open(System.getenv())) {
            ProgressBar[] shown = new ProgressBar[1];
            Outcome<Enrolling.Imported> outcome;
            try {
                outcome = UseCases.of(db, Clock.systemUTC()).enrolling().importRoster(UsersCommand.OPERATOR, eventId, csv,
                        on == null ? null : on.toString(), Optional.empty(), imported -> new Enrolling.Answer(0, ""), rows -> {
                            boolean bar = progress == Progress.ALWAYS || progress == Progress.AUTO && rows >= LONG_IMPORT && onTerminal();
                            shown[0] = bar ? new ProgressBar(err, "Importing", rows) : null;
                            return bar ? shown[0] : done -> { };
                        });
            } catch (RuntimeException failure) {
                if (shown[0] != null) {
                    shown[0].finish();
                }
                err.println(switch (Failure.of(failure)) {
                    case DUPLICATE -> "The roster changed while importing (another import at the same time); nothing was stored, run it again.";
                    case FULL -> "The database has no room left to write (the disk is full); nothing was stored.";
                    case UNAVAILABLE -> "The database does not answer; nothing was stored. Try again shortly.";
                    default -> "The database refused the import; nothing was stored.";
                });
                return 1;
            }
            if (shown[0] != null) {
                shown[0].finish();
            }
            if (!outcome.isDone()) {
                switch (outcome.refusal().orElseThrow()) {
                    case NOT_FOUND -> {
                        err.println("EVENT: " + eventId + " is not stored in " + db.description() + ".");
                        return 2;
                    }
                    case TOO_LARGE -> {
                        return tooLarge(err);
                    }
                    case UNPROCESSABLE, INVALID -> {
                        if (outcome.detail().startsWith("The roster was not imported")) {
                            err.println(file + ": the roster was not imported; nothing was stored. Bad rows:");
                        } else {
                            err.println(outcome.detail());
                        }
                        outcome.errors().forEach(line -> err.println("  " + line));
                        return 1;
                    }
                    default -> {
                        err.println(outcome.detail());
                        return 1;
                    }
                }
            }
            Enrolling.Imported done = outcome.get();
            out.println("Enrolled " + done.enrolled() + " in " + done.event() + " (" + done.newPeople() + " new people) in "
                    + db.description() + ".");
            return 0;
        }
    }

    /**
     * Whether standard error is a terminal. JDK 22 and later return a console even when output is
     * redirected and answer the question with {@code Console.isTerminal()}; before, no console means none.
     */
    private static boolean onTerminal() {
        java.io.Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
        } catch (NoSuchMethodException before22) {
            return true;
        } catch (ReflectiveOperationException e) {
            return false;
        }
    }

}
