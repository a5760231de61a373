package org.cadre.server;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.cadre.curriculum.CourseFrame;
import org.cadre.curriculum.Curriculum;
import org.cadre.curriculum.CurriculumCheck;
import org.cadre.curriculum.CurriculumDiff;
import org.cadre.curriculum.demo.DemoCurricula;
import org.cadre.finding.Findings;
import org.cadre.roster.Event;
import org.cadre.roster.EventCheck;
import org.cadre.roster.EventRoster;
import org.cadre.roster.Person;
import org.cadre.roster.Programme;
import org.cadre.documents.CurriculumDoc;
import org.cadre.documents.Documents;
import org.cadre.documents.Fields;
import org.cadre.documents.RosterDocs.EventDoc;
import org.cadre.server.app.FileChecks;
import org.cadre.server.app.Outcome;
import org.cadre.server.app.UseCases;
import org.cadre.server.store.Database;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code cadre check FILE}: the rule checks of a package version or an event, given as the JSON document
 * the API takes; {@code cadre check --demo}: those of the demo package. Exit code 0 when no finding is an
 * error, 1 when one is, 2 when the file cannot be read as either document.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Run the rule checks of a Training Support Package version or an event and print every finding.",
                "FILE is the JSON document POST /api/v1/curricula or POST /api/v1/events takes; a package has `modules`, "
                        + "an event `courseDays`. An event is checked against the programme and package version stored "
                        + "in the database (--data or --jdbc-url) or given with --curriculum, with the roster stored "
                        + "for it if there is one.",
                "Exit code: 0 no errors, 1 a finding is an error, 2 the file is not a valid document."})
final class CheckCommand implements Callable<Integer> {

    /** Exit code when the file cannot be read as a package or an event. */
    static final int UNREADABLE = 2;

    @Spec
    private CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    private Subject subject;

    static final class Subject {
        @Parameters(paramLabel = "FILE", description = "A package version or event as JSON.")
        Path file;

        @Option(names = "--demo", description = "Check the demo package (Almaty ToT, version 1.0.0 and its revision 1.1.0).")
        boolean demo;
    }

    @Option(names = "--days", paramLabel = "N", description = "Check a package within a course of N days (with --hours-per-day).")
    private Integer days;

    @Option(names = "--hours-per-day", paramLabel = "H", description = "Contact hours per course day (with --days).")
    private Integer hoursPerDay;

    @Option(names = "--previous", paramLabel = "FILE", description = "The package version this one revises, to check the revision rules.")
    private Path previous;

    @Option(names = "--curriculum", paramLabel = "FILE",
            description = "For an event: the package version it delivers, instead of the one stored in the database.")
    private Path curriculumFile;

    @Mixin
    private StoreOptions store = new StoreOptions();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (subject.demo) {
            return demo(out);
        }
        try {
            Map<?, ?> fields = Documents.read(read(subject.file), Map.class);
            // An event names its course days (and may name modules it delivers); a package version has modules.
            if (fields.containsKey("courseDays")) {
                return event(out);
            }
            if (fields.containsKey("modules")) {
                return curriculum(out);
            }
            throw new Unusable(subject.file + ": neither a package version (no `modules`) nor an event (no `courseDays`).");
        } catch (Unusable e) {
            err.println(e.getMessage());
            return UNREADABLE;
        } catch (Documents.Unreadable e) {
            err.println(subject.file + ": " + e.getMessage());
            e.fields().forEach(f -> err.println("  " + f));
            return UNREADABLE;
        }
    }

    /** A file, option or stored record that the check cannot use; the message says which and why. */
    private static final class Unusable extends Exception {
        private static final long serialVersionUID = 1L;

        Unusable(String message) {
            super(message, null, false, false);
        }
    }

    private int curriculum(PrintWriter out) throws Unusable, Documents.Unreadable {
        Curriculum c = curriculumIn(subject.file);
        CurriculumCheck check = CurriculumCheck.of(c);
        if (days != null || hoursPerDay != null) {
            if (days == null || hoursPerDay == null || days < 1 || hoursPerDay < 1) {
                throw new Unusable("--days and --hours-per-day go together, as whole numbers from 1.");
            }
            check = check.within(CourseFrame.ofHours(days, hoursPerDay));
        }
        if (previous != null) {
            check = check.revising(curriculumIn(previous));
        }
        Findings findings = check.run();
        print(out, c, findings);
        return findings.hasErrors() ? 1 : 0;
    }

    private int event(PrintWriter out) throws Unusable, Documents.Unreadable {
        Event event = convert(subject.file, Documents.read(read(subject.file), EventDoc.class)::toDomain);
        Optional<String> absent = store.absent(System.getenv());
        if (absent.isPresent()) {
            throw new Unusable(absent.get() + " An event is checked against its programme as stored there.");
        }
        Optional<Curriculum> given = curriculumFile == null ? Optional.empty() : Optional.of(curriculumIn(curriculumFile));
        try (Database db = store.open(System.getenv())) {
            Outcome<FileChecks.Checked> outcome = UseCases.of(db, java.time.Clock.systemUTC()).fileChecks().event(event, given);
            if (!outcome.isDone()) {
                throw new Unusable(outcome.detail());
            }
            FileChecks.Checked checked = outcome.get();
            Curriculum curriculum = checked.roster().curriculum();
            out.println("Event " + event.id() + " (" + event.title() + "), " + event.courseDays() + ", "
                    + (checked.stored() ? checked.roster().enrolments().size() + " enrolments on record" : "no roster on record")
                    + ", package " + curriculum.id() + " " + curriculum.version());
            out.println("  " + checked.findings().toString().replace("\n", "\n  "));
            return checked.findings().hasErrors() ? 1 : 0;
        }
    }

    private Curriculum curriculumIn(Path file) throws Unusable, Documents.Unreadable {
        return convert(file, Documents.read(read(file), CurriculumDoc.class)::toDomain);
    }

    /** The domain value a document describes; its invalid fields, each with its path, when it does not. */
    private static <T> T convert(Path file, java.util.function.Supplier<T> toDomain) throws Unusable {
        try {
            return toDomain.get();
        } catch (Fields.InvalidFields e) {
            throw new Unusable(file + ": invalid fields:\n  " + String.join("\n  ", e.errors()));
        } catch (IllegalArgumentException e) {
            throw new Unusable(file + ": " + e.getMessage());
        }
    }

    private static byte[] read(Path file) throws Unusable {
        try {
            return FileProblems.read(file);
        } catch (FileProblems.Unreadable e) {
            throw new Unusable(e.getMessage());
        }
    }

    private int demo(PrintWriter out) {
        Curriculum v1 = DemoCurricula.almatyTot();
        Curriculum v2 = DemoCurricula.revisedAfterAlmaty();
        Findings first = CurriculumCheck.of(v1).within(DemoCurricula.FIVE_DAY_TOT).run();
        Findings second = CurriculumCheck.of(v2).within(DemoCurricula.FIVE_DAY_TOT).revising(v1).run();
        print(out, v1, first);
        print(out, v2, second);
        out.println("Changes " + v1.version() + " -> " + v2.version() + " ("
                + v2.revision().map(r -> r.reason()).orElse("no reason recorded") + "):");
        CurriculumDiff.between(v1, v2).lines().forEach(line -> out.println("  " + line));
        return first.hasErrors() || second.hasErrors() ? 1 : 0;
    }

    private static void print(PrintWriter out, Curriculum c, Findings findings) {
        out.println(c.title() + " " + c.version() + ": " + c.modules().size() + " modules, "
                + c.sessions().count() + " sessions, " + c.outcomes().size() + " outcomes, "
                + c.minutes() / 60.0 + " contact hours");
        out.println(findings.isEmpty() ? "  no findings" : "  " + findings.toString().replace("\n", "\n  "));
    }
}
