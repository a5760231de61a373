package org.cadre.server;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.cadre.finding.Finding;
import org.cadre.roster.EnrolmentStatus;
import org.cadre.roster.EventId;
import org.cadre.roster.Role;
import org.cadre.server.app.EventWork;
import org.cadre.server.app.Outcome;
import org.cadre.server.app.UseCases;
import org.cadre.documents.Labels;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code cadre status}, {@code cadre certify} and {@code cadre close}: the API's bulk event work, from the
 * machine the database lives on, through the same use cases ({@link EventWork}).
 */
final class EventCommands {

    private EventCommands() {}

    /** The use cases' fields the commands' options give, named as their flags in errors ({@code --every: ...}). */
    private static final java.util.Map<String, String> FLAGS = java.util.Map.of("every", "--every", "to", "--to", "role", "--role",
            "on", "--on");

    static <T> int run(CommandSpec spec, StoreOptions store, String event,
            java.util.function.BiFunction<EventWork, String, Outcome<T>> action, java.util.function.BiConsumer<PrintWriter, T> print) {
        if (!EventId.isValid(event)) {
            spec.commandLine().getErr().println("EVENT: not an event id.");
            return 2;
        }
        return UseCaseRun.run(spec, store, UseCases::eventWork, work -> action.apply(work, event), print, FLAGS);
    }

    private static void findings(PrintWriter out, Iterable<Finding> findings) {
        findings.forEach(f -> out.println("  " + f.severity().name().toLowerCase(java.util.Locale.ROOT) + " " + f.code() + " "
                + f.subject() + ": " + f.message()));
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "Move every enrolment of an event that is in one status to another (approve every nomination, say); "
                    + "all or none.")
    static final class Status implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Mixin
        private StoreOptions store = new StoreOptions();

        @Parameters(index = "0", paramLabel = "EVENT", description = "The event's id.")
        private String event;

        @Option(names = "--every", required = true, paramLabel = "STATUS", description = "Move the enrolments now in this status ...")
        private String every;

        @Option(names = "--to", required = true, paramLabel = "STATUS", description = "... to this status.")
        private String to;

        @Option(names = "--role", paramLabel = "ROLE", description = "Only enrolments in this role (participant, trainer, ...).")
        private String role;

        @Option(names = "--on", paramLabel = "DATE", description = "The day it happened (default: the event's own day, see docs/events.md).")
        private LocalDate on;

        @Override
        public Integer call() {
            // Each flag read on its own, so that an error names the flag at fault and lists its own values (the newcomer's
            // review of session 13: one line named all three and listed the statuses for --role too).
            org.cadre.documents.Fields read = new org.cadre.documents.Fields();
            EnrolmentStatus from = read.at("--every", () -> Labels.parse(EnrolmentStatus.class, every));
            EnrolmentStatus target = read.at("--to", () -> Labels.parse(EnrolmentStatus.class, to));
            Optional<Role> only = role == null ? Optional.empty()
                    : Optional.ofNullable(read.at("--role", () -> Labels.parse(Role.class, role)));
            if (!read.ok()) {
                read.errors().forEach(spec.commandLine().getErr()::println);
                return 2;
            }
            return run(spec, store, event, (work, id) -> work.moveEvery(UsersCommand.OPERATOR, id, from, only, target, Optional.ofNullable(on)),
                    (out, moved) -> out.println("Moved " + moved.enrolments().size() + " enrolment(s) of " + moved.event()
                            + " from " + from.label() + " to " + target.label() + "."));
        }
    }

    @Command(name = "certify", mixinStandardHelpOptions = true,
            description = "Record the certification decisions the package's criteria give for everyone at an event; "
                    + "a ToT's certified graduates join the trainer pool as co-trainers.")
    static final class Certify implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Mixin
        private StoreOptions store = new StoreOptions();

        @Parameters(index = "0", paramLabel = "EVENT", description = "The event's id.")
        private String event;

        @Option(names = "--on", paramLabel = "DATE", description = "The day decided (default: the last course day once it has passed).")
        private LocalDate on;

        @Override
        public Integer call() {
            return run(spec, store, event, (work, id) -> work.certify(UsersCommand.OPERATOR, id, Optional.ofNullable(on)), (out, done) -> {
                long yes = done.decisions().stream().filter(d -> d.certified()).count();
                out.println("Certified " + yes + " of " + done.decisions().size() + " at " + done.event() + " on " + done.decidedOn() + ".");
                findings(out, done.pool());
            });
        }
    }

    @Command(name = "close", mixinStandardHelpOptions = true,
            description = "Close an event once it is over: participants to no-show, completed or not-completed by attendance, "
                    + "trainers who delivered to completed, their deliveries counted in the trainer pool.")
    static final class Close implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Mixin
        private StoreOptions store = new StoreOptions();

        @Parameters(index = "0", paramLabel = "EVENT", description = "The event's id.")
        private String event;

        @Option(names = "--on", paramLabel = "DATE", description = "The day closed (default: the last course day once it has passed).")
        private LocalDate on;

        @Override
        public Integer call() {
            return run(spec, store, event, (work, id) -> work.close(UsersCommand.OPERATOR, id, Optional.ofNullable(on)), (out, done) -> {
                out.println("Closed " + done.event() + " on " + done.closure().closedOn() + ": " + done.closure().enrolments().size()
                        + " enrolment(s) moved.");
                findings(out, done.closure().findings());
            });
        }
    }
}
