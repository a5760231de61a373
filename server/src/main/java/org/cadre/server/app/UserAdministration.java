package org.cadre.server.app;

import com.google.common.collect.ImmutableSortedSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cadre.roster.Country;
import org.cadre.roster.ProgrammeId;
import org.cadre.server.app.Outcome.Refusal;
import org.cadre.server.security.Access;
import org.cadre.server.security.NewUsers;
import org.cadre.server.security.PasswordPolicy;
import org.cadre.server.security.Passwords;
import org.cadre.server.store.Sessions;
import org.cadre.server.store.AlreadyStoredException;
import org.cadre.server.store.Programmes;
import org.cadre.server.store.StaleVersionException;
import org.cadre.server.security.UserAccount;
import org.cadre.server.store.Users;
import org.cadre.server.values.Versioned;

/**
 * Administering users, for the API and the command line alike: list, create, read and change a user
 * (role, scope, disabled), reset a password, list and end a user's sessions. Only administrators may;
 * every change is audited (never a password or its hash), and takes effect on the next request in every
 * process. The last active administrator can be neither disabled nor given another role.
 */
public final class UserAdministration {

    private final Users users;
    private final Sessions sessions;
    private final Programmes programmes;
    private final org.cadre.server.store.LoginThrottle throttle;

    public UserAdministration(Users users, Sessions sessions, Programmes programmes, org.cadre.server.store.LoginThrottle throttle) {
        this.users = users;
        this.sessions = sessions;
        this.programmes = programmes;
        this.throttle = throttle;
    }

    /** The version a change names when it accepts whatever is current, knowingly ({@code If-Match: *}). */
    public static final int ANY_VERSION = -1;

    /** A user's role, scope and state as an administrator sets them. */
    public record Change(String role, List<String> countries, List<String> programmes, Boolean disabled) {}

    private static <T> Optional<Outcome<T>> refuseUnlessAdmin(UserAccount actor) {
        return Access.managesUsers(actor) ? Optional.empty()
                : Optional.of(Outcome.refused(Refusal.FORBIDDEN, "The " + actor.role().label() + " role may not do this."));
    }

    public Outcome<List<Versioned<UserAccount>>> list(UserAccount actor) {
        return UserAdministration.<List<Versioned<UserAccount>>>refuseUnlessAdmin(actor).orElseGet(() -> Outcome.done(users.all()));
    }

    /** The users, and the programmes a scope may name: what the administration page shows. */
    public record Listing(List<Versioned<UserAccount>> users, List<ProgrammeId> programmes) {}

    public Outcome<Listing> listing(UserAccount actor) {
        return list(actor).map(all -> new Listing(all, programmeIds()));
    }

    /** A user with their live sessions, and the programmes a scope may name: what a user's page shows. */
    public record Account(Versioned<UserAccount> user, List<org.cadre.server.values.SessionInfo> sessions, List<ProgrammeId> programmes) {}

    public Outcome<Account> account(UserAccount actor, String username) {
        return get(actor, username).map(u -> new Account(u, sessions.of(u.value().username()), programmeIds()));
    }

    private List<ProgrammeId> programmeIds() {
        return programmes.all().stream().map(p -> p.value().id()).toList();
    }

    public Outcome<Versioned<UserAccount>> get(UserAccount actor, String username) {
        Optional<Outcome<Versioned<UserAccount>>> refused = refuseUnlessAdmin(actor);
        if (refused.isPresent()) {
            return refused.get();
        }
        return users.get(username).map(Outcome::done).orElseGet(() -> Outcome.refused(Refusal.NOT_FOUND, "There is no such user."));
    }

    public Outcome<Versioned<UserAccount>> create(UserAccount actor, String username, String password, String role,
            List<String> countries, List<String> programmeIds) {
        Optional<Outcome<Versioned<UserAccount>>> refused = refuseUnlessAdmin(actor);
        if (refused.isPresent()) {
            return refused.get();
        }
        NewUsers.Checked checked = NewUsers.check(username, password, role, countries, programmeIds);
        if (checked.account().isEmpty()) {
            return Outcome.refused(Refusal.INVALID, "The user could not be created as sent.", checked.errors());
        }
        UserAccount created = checked.account().get();
        List<String> missing = missingProgrammes(created.programmes());
        if (!missing.isEmpty()) {
            return Outcome.refused(Refusal.UNPROCESSABLE, "A programme named in the scope does not exist.", missing);
        }
        try {
            return Outcome.done(users.add(created, actor.username()));
        } catch (AlreadyStoredException e) {
            return Outcome.refused(Refusal.CONFLICT, "That username is taken (usernames are compared without regard to case).");
        }
    }

    /** Changes role, scope and disabled from the version the administrator read ({@code expected}, required). */
    public Outcome<Versioned<UserAccount>> change(UserAccount actor, String username, Optional<Integer> expected, Change change) {
        Outcome<Versioned<UserAccount>> current = get(actor, username);
        if (!current.isDone()) {
            return current;
        }
        if (expected.isEmpty()) {
            return Outcome.refused(Refusal.VERSION_REQUIRED, "Send If-Match with the ETag of the user as you read it.");
        }
        UserAccount before = current.get().value();
        List<String> errors = new ArrayList<>();
        UserAccount.Role role = change.role() == null ? before.role()
                : java.util.Objects.requireNonNullElse(NewUsers.role(change.role(), errors), before.role());
        ImmutableSortedSet<Country> countries = change.countries() == null ? before.countries()
                : ImmutableSortedSet.copyOf(NewUsers.countries(change.countries(), errors));
        ImmutableSortedSet<ProgrammeId> scoped = change.programmes() == null ? before.programmes()
                : ImmutableSortedSet.copyOf(NewUsers.programmes(change.programmes(), errors));
        boolean disabled = change.disabled() != null ? change.disabled() : before.disabled();
        if (errors.isEmpty() && role != UserAccount.Role.ADMIN && countries.isEmpty() && scoped.isEmpty()) {
            errors.add("countries: a " + role.label() + " needs a scope: at least one country or programme");
        }
        if (!errors.isEmpty()) {
            return Outcome.refused(Refusal.INVALID, "The user could not be changed as sent.", errors);
        }
        List<String> missing = missingProgrammes(scoped);
        if (!missing.isEmpty()) {
            return Outcome.refused(Refusal.UNPROCESSABLE, "A programme named in the scope does not exist.", missing);
        }
        boolean stopsAdministering = before.role() == UserAccount.Role.ADMIN && !before.disabled()
                && (role != UserAccount.Role.ADMIN || disabled);
        if (stopsAdministering && activeAdministrators() <= 1) {
            return Outcome.refused(Refusal.CONFLICT, "That would leave no active administrator; make another one first.");
        }
        UserAccount after = new UserAccount(before.username(), before.passwordHash(), role,
                role == UserAccount.Role.ADMIN ? ImmutableSortedSet.of() : countries,
                role == UserAccount.Role.ADMIN ? ImmutableSortedSet.of() : scoped, disabled);
        return save(after, expected.get() == ANY_VERSION ? current.get().version() : expected.get(), actor);
    }

    /**
     * Sets a new password, ends every session the user has (the old password may be known to others) and forgets the
     * username's failed logins, so a user locked out signs in with the new one at once.
     */
    public Outcome<Versioned<UserAccount>> resetPassword(UserAccount actor, String username, String password) {
        Outcome<Versioned<UserAccount>> current = get(actor, username);
        if (!current.isDone()) {
            return current;
        }
        UserAccount before = current.get().value();
        List<String> weak = PasswordPolicy.check("password", before.username(), password);
        if (!weak.isEmpty()) {
            return Outcome.refused(Refusal.INVALID, "The password was not changed.", weak);
        }
        UserAccount after = new UserAccount(before.username(), Passwords.hash(password.toCharArray()), before.role(),
                before.countries(), before.programmes(), before.disabled());
        Outcome<Versioned<UserAccount>> saved = save(after, current.get().version(), actor);
        if (saved.isDone()) {
            sessions.endAll(before.username(), actor.username());
            throttle.forgetFailures(before.username()); // locked out by failures, the user signs in with the new password now
        }
        return saved;
    }

    public Outcome<List<org.cadre.server.values.SessionInfo>> sessions(UserAccount actor, String username) {
        Outcome<Versioned<UserAccount>> current = get(actor, username);
        return current.isDone() ? Outcome.done(sessions.of(current.get().value().username()))
                : Outcome.refused(current.refusal().orElseThrow(), current.detail());
    }

    /** Ends one session of the user ({@code id}) or all of them; how many ended. */
    public Outcome<Integer> endSessions(UserAccount actor, String username, Optional<String> id) {
        Outcome<Versioned<UserAccount>> current = get(actor, username);
        if (!current.isDone()) {
            return Outcome.refused(current.refusal().orElseThrow(), current.detail());
        }
        String name = current.get().value().username();
        if (id.isPresent()) {
            return sessions.end(name, id.get(), actor.username()) ? Outcome.done(1)
                    : Outcome.refused(Refusal.NOT_FOUND, "There is no such session.");
        }
        return Outcome.done(sessions.endAll(name, actor.username()));
    }

    private Outcome<Versioned<UserAccount>> save(UserAccount after, int expected, UserAccount actor) {
        try {
            return Outcome.done(users.update(after, expected, actor.username()));
        } catch (StaleVersionException e) {
            return Outcome.refused(Refusal.STALE, "The user changed since you read it; read it again and repeat the change.");
        }
    }

    private long activeAdministrators() {
        return users.all().stream().map(Versioned::value).filter(u -> u.role() == UserAccount.Role.ADMIN && !u.disabled()).count();
    }

    private List<String> missingProgrammes(java.util.Collection<ProgrammeId> ids) {
        return ids.stream().filter(p -> programmes.get(p).isEmpty()).map(p -> "programmes: no such programme").distinct().toList();
    }
}
