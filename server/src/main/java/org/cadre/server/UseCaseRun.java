package org.cadre.server;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.cadre.server.app.Outcome;
import org.cadre.server.app.UseCases;
import org.cadre.server.store.Database;
import picocli.CommandLine.Model.CommandSpec;

/**
 * One use case run from the command line, the same way for every command that acts on the store: the store
 * opened from the command's options, the use case built on it, its outcome printed. Exit code 0 when done,
 * 1 when refused (the reason and every invalid field on standard error), 2 when the store cannot be used.
 */
final class UseCaseRun {

    private UseCaseRun() {}

    static <U, T> int run(CommandSpec spec, StoreOptions store, Function<UseCases, U> useCase,
            Function<U, Outcome<T>> action, BiConsumer<PrintWriter, T> print) {
        return run(spec, store, useCase, action, print, java.util.Map.of());
    }

    /**
     * As {@link #run(CommandSpec, StoreOptions, Function, Function, BiConsumer)}, an error about one of the use case's
     * fields named as the command's flag that gave it ({@code every: ...} reads {@code --every: ...}): the command's
     * words, not the API's (the newcomer's reviews of session 13).
     *
     * @param flags the flag of each field the command's options give, such as {@code countries} to {@code --country}
     */
    static <U, T> int run(CommandSpec spec, StoreOptions store, Function<UseCases, U> useCase,
            Function<U, Outcome<T>> action, BiConsumer<PrintWriter, T> print, java.util.Map<String, String> flags) {
        PrintWriter err = spec.commandLine().getErr();
        Optional<String> absent = store.absent(System.getenv());
        if (absent.isPresent()) {
            err.println(absent.get());
            return 2;
        }
        try (Database db = store.open(System.getenv())) {
            Outcome<T> outcome = action.apply(useCase.apply(UseCases.of(db, Clock.systemUTC())));
            if (!outcome.isDone()) {
                err.println(outcome.detail());
                outcome.errors().forEach(e -> err.println("  " + asFlag(e, flags)));
                return 1;
            }
            print.accept(spec.commandLine().getOut(), outcome.get());
            return 0;
        }
    }

    /** An error of the use case in the command's words: a field it starts with named as the flag that gave it. */
    static String asFlag(String error, java.util.Map<String, String> flags) {
        int colon = error.indexOf(": ");
        String field = colon < 0 ? "" : error.substring(0, colon);
        return flags.containsKey(field) ? flags.get(field) + error.substring(colon) : error;
    }
}
