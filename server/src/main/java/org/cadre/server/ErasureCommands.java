package org.cadre.server;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.cadre.roster.RetentionPolicy;
import org.cadre.server.app.Erasure;
import org.cadre.server.app.Outcome;
import org.cadre.server.app.UseCases;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cadre erase PERSON} and {@code cadre retention}: the API's erasure, from the machine the database lives on. */
final class ErasureCommands {

    private ErasureCommands() {}

    static <T> int run(CommandSpec spec, StoreOptions store, java.util.function.Function<Erasure, Outcome<T>> action,
            java.util.function.BiConsumer<PrintWriter, T> print) {
        return UseCaseRun.run(spec, store, UseCases::erasure, action, print);
    }

    @Command(name = "erase", mixinStandardHelpOptions = true,
            description = "Erase a person's names, rank and feedback comments (counts in reports stay); audited without the values.")
    static final class Erase implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Mixin
        private StoreOptions store = new StoreOptions();

        @Parameters(index = "0", paramLabel = "PERSON", description = "The person's id.")
        private String person;

        @Override
        public Integer call() {
            return run(spec, store, e -> e.erase(UsersCommand.OPERATOR, person), (out, id) -> out.println("Erased " + id + "."));
        }
    }

    @Command(name = "retention", mixinStandardHelpOptions = true,
            description = "Erase every participant whose last event ended more than the kept years ago and who is not in the trainer pool.")
    static final class ApplyRetention implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Mixin
        private StoreOptions store = new StoreOptions();

        @Option(names = "--keep-years", paramLabel = "N", description = "Years records are kept after a person's last event (default 5).")
        private int years = 5;

        @Option(names = "--on", paramLabel = "DATE", description = "The day the policy is judged on (default today).")
        private LocalDate on;

        @Option(names = "--dry-run", description = "List who is due without erasing anyone.")
        private boolean dryRun;

        @Override
        public Integer call() {
            if (years < 1 || years > RetentionPolicy.MAX_YEARS) {
                spec.commandLine().getErr().println("--keep-years: must be between 1 and " + RetentionPolicy.MAX_YEARS);
                return 2;
            }
            return run(spec, store, e -> e.applyRetention(UsersCommand.OPERATOR, java.util.Optional.ofNullable(on),
                    RetentionPolicy.years(years), dryRun), (out, due) -> {
                        out.println((dryRun ? "Due for erasure on " : "Erased, as due on ") + due.on() + ": " + due.people().size() + " person(s)");
                        due.people().forEach(p -> out.println("  " + p));
                    });
        }
    }
}
