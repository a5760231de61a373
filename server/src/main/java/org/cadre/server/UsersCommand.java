package org.cadre.server;

import com.google.common.collect.ImmutableSortedSet;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.cadre.server.app.Outcome;
import org.cadre.server.app.UseCases;
import org.cadre.server.app.UserAdministration;
import org.cadre.server.security.UserAccount;
import org.cadre.server.values.Versioned;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code cadre users}: administering users from the machine the database lives on, with the same use case
 * as the API's administrators ({@link UserAdministration}); changes are audited as made by
 * {@code command-line}. Passwords are read from standard input (one line), never from the command line.
 */
@Command(name = "users", mixinStandardHelpOptions = true, description = "List, add and change users; reset passwords; end sessions.",
        subcommands = {UsersCommand.ListUsers.class, UsersCommand.Add.class, UsersCommand.Change.class, UsersCommand.Password.class,
            UsersCommand.SessionsList.class, UsersCommand.EndSessions.class})
final class UsersCommand implements Callable<Integer> {

    /** Who the command line acts as: an administrator, named so in the audit log. */
    static final UserAccount OPERATOR = new UserAccount("command-line", "-", UserAccount.Role.ADMIN, ImmutableSortedSet.of(),
            ImmutableSortedSet.of(), false);

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }

    /** The API's field names an error starts with, as the command's flags read (the newcomer's review of session 13). */
    private static final java.util.Map<String, String> FLAGS = java.util.Map.of("countries", "--country", "programmes", "--programme",
            "role", "--role", "username", "USERNAME");

    /** Opens the store, runs the use case and prints its outcome; exit 0 when done, 1 when refused, 2 when unusable. */
    static <T> int run(CommandSpec spec, StoreOptions store, Function<UserAdministration, Outcome<T>> action,
            java.util.function.BiConsumer<PrintWriter, T> print) {
        return UseCaseRun.run(spec, store, UseCases::users, action, print, FLAGS);
    }

    static String describe(UserAccount u) {
        return u.username() + "  " + u.role().label() + (u.countries().isEmpty() ? "" : "  countries " + String.join(",",
                u.countries().stream().map(c -> c.code()).toList())) + (u.programmes().isEmpty() ? "" : "  programmes "
                + String.join(",", u.programmes().stream().map(p -> p.value()).toList())) + (u.disabled() ? "  (disabled)" : "");
    }

    /** One line of standard input: a password typed or piped, never shown. */
    static String readPassword(PrintWriter out) {
        if (System.console() != null) {
            char[] typed = System.console().readPassword("New password: ");
            return typed == null ? "" : new String(typed);
        }
        try {
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            return line == null ? "" : line;
        } catch (IOException e) {
            return "";
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Every user with role, scope and state.")
    static final class ListUsers implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Mixin
        private StoreOptions store = new StoreOptions();

        @Override
        public Integer call() {
            return run(spec, store, a -> a.list(OPERATOR), (out, all) -> all.forEach(v -> out.println(describe(v.value()))));
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Create a user; the password is read from standard input.")
    static final class Add implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Mixin
        private StoreOptions store = new StoreOptions();

        @Parameters(index = "0", paramLabel = "USERNAME")
        private String username;

        @Option(names = "--role", required = true, paramLabel = "ROLE", description = "admin, coordinator, trainer, m-and-e or donor-viewer.")
        private String role;

        @Option(names = "--country", split = ",", paramLabel = "CODE", description = "A country of the user's scope (repeatable).")
        private List<String> countries = List.of();

        @Option(names = "--programme", split = ",", paramLabel = "ID", description = "A programme of the user's scope (repeatable).")
        private List<String> programmes = List.of();

        @Override
        public Integer call() {
            String password = readPassword(spec.commandLine().getOut());
            return run(spec, store, a -> a.create(OPERATOR, username, password, role, countries, programmes),
                    (out, v) -> out.println("Created " + describe(v.value())));
        }
    }

    @Command(name = "set", mixinStandardHelpOptions = true,
            description = "Change a user's role, scope or state; what is not given stays as it is.")
    static final class Change implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Mixin
        private StoreOptions store = new StoreOptions();

        @Parameters(index = "0", paramLabel = "USERNAME")
        private String username;

        @Option(names = "--role", paramLabel = "ROLE")
        private String role;

        @Option(names = "--country", split = ",", paramLabel = "CODE", description = "Replaces the countries of the scope.")
        private List<String> countries;

        @Option(names = "--programme", split = ",", paramLabel = "ID", description = "Replaces the programmes of the scope.")
        private List<String> programmes;

        @Option(names = "--disable", description = "Disable the user: their sessions end at their next request.")
        private boolean disable;

        @Option(names = "--enable", description = "Enable a disabled user.")
        private boolean enable;

        @Override
        public Integer call() {
            Boolean disabled = disable ? Boolean.TRUE : enable ? Boolean.FALSE : null;
            return run(spec, store, a -> {
                Outcome<Versioned<UserAccount>> current = a.get(OPERATOR, username);
                return current.isDone() ? a.change(OPERATOR, username, Optional.of(current.get().version()),
                        new UserAdministration.Change(role, countries, programmes, disabled)) : current;
            }, (out, v) -> out.println("Changed " + describe(v.value())));
        }
    }

    @Command(name = "password", mixinStandardHelpOptions = true,
            description = "Set a user's password, read from standard input; ends the user's sessions.")
    static final class Password implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Mixin
        private StoreOptions store = new StoreOptions();

        @Parameters(index = "0", paramLabel = "USERNAME")
        private String username;

        @Override
        public Integer call() {
            String password = readPassword(spec.commandLine().getOut());
            return run(spec, store, a -> a.resetPassword(OPERATOR, username, password),
                    (out, v) -> out.println("Set the password of " + v.value().username() + "; their sessions ended."));
        }
    }

    @Command(name = "sessions", mixinStandardHelpOptions = true, description = "A user's live sessions.")
    static final class SessionsList implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Mixin
        private StoreOptions store = new StoreOptions();

        @Parameters(index = "0", paramLabel = "USERNAME")
        private String username;

        @Override
        public Integer call() {
            return run(spec, store, a -> a.sessions(OPERATOR, username), (out, all) -> {
                out.println(all.size() + " live session(s)");
                all.forEach(s -> out.println(s.id() + "  since " + s.createdAt() + "  last used " + s.lastSeenAt()));
            });
        }
    }

    @Command(name = "end-sessions", mixinStandardHelpOptions = true, description = "End all of a user's sessions, or one (--session).")
    static final class EndSessions implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Mixin
        private StoreOptions store = new StoreOptions();

        @Parameters(index = "0", paramLabel = "USERNAME")
        private String username;

        @Option(names = "--session", paramLabel = "ID", description = "The session to end (as `cadre users sessions` lists it).")
        private String session;

        @Override
        public Integer call() {
            return run(spec, store, a -> a.endSessions(OPERATOR, username, Optional.ofNullable(session)),
                    (out, n) -> out.println("Ended " + n + " session(s)."));
        }
    }
}
