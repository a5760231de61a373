package org.cadre.server;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.IntConsumer;
import org.cadre.roster.Event;
import org.cadre.roster.EventId;
import org.cadre.server.store.AuditLog;
import org.cadre.server.store.Database;
import org.cadre.server.store.Enrolments;
import org.cadre.server.store.Events;
import org.cadre.server.store.Organisations;
import org.cadre.server.store.People;
import org.cadre.server.store.RosterImports;
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
        description = {"Enrol the people of a roster CSV file (UTF-8; columns as in the README) in an event: all rows or none.",
                "Every bad row is reported with its line number and reason, and then nothing is stored.",
                "Exit code: 0 imported, 1 refused (bad rows), 2 the event or the file cannot be used."})
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
                    + "its arrival day once it has begun).")
    private LocalDate on;

    @Option(names = "--progress", paramLabel = "WHEN", defaultValue = "AUTO",
            description = "Progress bar: auto (default: on a terminal, from " + LONG_IMPORT + " rows), always or never.")
    private Progress progress;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        byte[] csv;
        try {
            csv = Files.readAllBytes(file);
        } catch (IOException e) {
            err.println(file + ": cannot be read: " + FileProblems.why(e) + ".");
            return 2;
        }
        Optional<EventId> id = parse(eventId);
        if (id.isEmpty()) {
            err.println("EVENT: not an event id.");
            return 2;
        }
        Optional<String> absent = store.absent(System.getenv());
        if (absent.isPresent()) {
            err.println(absent.get());
            return 2;
        }
        try (Database db = store.open(System.getenv())) {
            Clock clock = Clock.systemUTC();
            AuditLog audit = new AuditLog(clock);
            Optional<Event> event = new Events(db, audit).summary(id.get()).map(v -> v.value());
            if (event.isEmpty()) {
                err.println("EVENT: " + id.get() + " is not stored in " + db.description() + ".");
                return 2;
            }
            Event e = event.get();
            LocalDate nominated = on != null ? on
                    : e.defaultDay(org.cadre.roster.EnrolmentStatus.NOMINATED, LocalDate.now(clock.withZone(e.zone())), LocalDate.MIN);
            RosterImport.Plan plan = RosterImport.plan(csv, e, nominated,
                    RosterImport.Lookup.of(new People(db, audit), new Organisations(db, audit), new Enrolments(db, audit), e.id()));
            if (!plan.ok()) {
                err.println(file + ": the roster was not imported; nothing was stored. Bad rows:");
                plan.errors().forEach(line -> err.println("  " + line));
                return 1;
            }
            int rows = plan.enrolments().size();
            boolean bar = progress == Progress.ALWAYS || progress == Progress.AUTO && rows >= LONG_IMPORT && onTerminal();
            ProgressBar shown = new ProgressBar(err, "Importing", rows);
            IntConsumer report = bar ? shown : done -> { };
            try {
                new RosterImports(db, audit, clock).store(plan.newPeople(), plan.enrolments(), actor(), report);
            } catch (org.jooq.exception.DataAccessException failure) {
                shown.finish();
                err.println(switch (org.cadre.server.store.StoreFailure.of(failure)) {
                    case DUPLICATE -> "The roster changed while importing (another import at the same time); nothing was stored, run it again.";
                    case FULL -> "The database has no room left to write (the disk is full); nothing was stored.";
                    case UNAVAILABLE -> "The database does not answer; nothing was stored. Try again shortly.";
                    default -> "The database refused the import; nothing was stored.";
                });
                return 1;
            }
            if (bar) {
                shown.finish();
            }
            out.println("Enrolled " + rows + " in " + e.id() + " (" + plan.newPeople().size() + " new people) in " + db.description() + ".");
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

    /** Who the audit log names: the operating-system user running the command. */
    private static String actor() {
        return "cli:" + System.getProperty("user.name", "unknown");
    }

    private static Optional<EventId> parse(String text) {
        try {
            return Optional.of(EventId.of(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
