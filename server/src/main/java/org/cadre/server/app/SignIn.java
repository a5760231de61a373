package org.cadre.server.app;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cadre.server.app.Outcome.Refusal;
import org.cadre.server.security.Access;
import org.cadre.server.security.Access.Permission;
import org.cadre.server.security.Passwords;
import org.cadre.server.security.UserAccount;
import org.cadre.server.store.LoginThrottle;
import org.cadre.server.store.Sessions;
import org.jooq.SQLDialect;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signing in and out, and who a session token belongs to: the same for every door that has sessions. Five
 * wrong passwords lock a username for 15 minutes; an address (a whole office behind one NAT) only once
 * failures come for twenty different usernames (password spraying), never for one person's own mistakes.
 * A login for an unknown user costs as much as one for a known user.
 */
public final class SignIn {

    private static final Logger LOG = LoggerFactory.getLogger("cadre.http");

    /** How long a throttled username or address waits. */
    public static final Duration LOCKOUT = Duration.ofMinutes(15);

    private final Stores stores;
    private final Sessions sessions;
    private final LoginThrottle throttle;

    SignIn(Stores stores, Sessions sessions, LoginThrottle throttle) {
        this.stores = stores;
        this.sessions = sessions;
        this.throttle = throttle;
    }

    /** The login throttle of the use cases: five failures a username, twenty usernames an address, for {@link #LOCKOUT}. */
    static LoginThrottle throttle(Stores stores) {
        return new LoginThrottle(stores.db, stores.clock, 5, 20, LOCKOUT);
    }

    /** The languages the pages speak, the first the default. */
    public static final List<String> LANGUAGES = List.of("en", "ru");

    /**
     * A started session: the bearer token, when it expires at the latest, and the language the user chose for
     * the pages, if any.
     */
    public record Started(String token, java.time.Instant expiresAt, Optional<String> language) {}

    /** Starts a session for the username and password, from the client's address (for throttling). */
    public Outcome<Started> login(String username, String password, String address) {
        List<String> missing = new ArrayList<>();
        if (username == null || username.isBlank()) {
            missing.add("username: is required");
        }
        if (password == null || password.isEmpty()) {
            missing.add("password: is required");
        }
        if (!missing.isEmpty()) {
            return Outcome.refused(Refusal.INVALID, "The login request lacks a field.", missing);
        }
        var attempt = throttle.begin(username, address);
        if (attempt.isEmpty()) {
            // Who and from where, so an operator can tell a guesser from a proxy set up wrong (every client one address).
            LOG.warn("login throttled user={} from={}", mayBeUsername(username) && stores.users.get(username).isPresent()
                    ? username : "(unknown)", logged(address));
            return Outcome.refused(Refusal.THROTTLED, "Too many failed logins; wait 15 minutes before trying again.");
        }
        boolean ok = false;
        try {
            Optional<UserAccount> account = mayBeUsername(username)
                    ? stores.users.get(username).map(v -> v.value()).filter(u -> !u.disabled()) : Optional.empty();
            if (account.isPresent()) {
                ok = Passwords.matches(password.toCharArray(), account.get().passwordHash());
            } else {
                Passwords.matches(password.toCharArray(), DummyHash.VALUE); // the same cost as a real check
            }
            if (!ok) {
                // Only the name of an existing account is logged: a typed name may be anyone's.
                LOG.warn("login failed user={} from={}", account.isPresent() ? account.get().username() : "(unknown)", logged(address));
                return Outcome.refused(Refusal.UNAUTHENTICATED, "The username or the password is wrong.");
            }
            Sessions.Started started = sessions.start(account.get().username());
            LOG.info("login user={}", account.get().username());
            return Outcome.done(new Started(started.token(), started.expiresAt(), stores.users.language(account.get().username())));
        } finally {
            if (ok) {
                attempt.get().succeeded();
            } else {
                attempt.get().failed();
            }
        }
    }

    /** Whether the text is written as usernames are (anything else names no account, and is neither looked up nor logged). */
    private static boolean mayBeUsername(String text) {
        return text.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    }

    /** The client's address as logged: an IP address, never other text a forwarded header may carry. */
    private static String logged(String address) {
        return address != null && address.matches("[0-9A-Fa-f:.]{2,45}") ? address : "(not an address)";
    }

    /** The live session's user, if the token names one and the user may still sign in. */
    public Optional<UserAccount> user(String token) {
        return sessions.authenticate(token);
    }

    /**
     * What the user's role allows, so that a door offers only what the user may do (the use cases check again,
     * whatever a door offers).
     */
    public record Abilities(boolean readRecords, boolean writeRecords, boolean recordDelivery, boolean certify, boolean readPool,
            boolean readCurricula, boolean readReports, boolean manageUsers) {}

    /** What the user's role allows. */
    public static Abilities abilities(UserAccount user) {
        return new Abilities(Access.may(user, Permission.READ_RECORDS), Access.may(user, Permission.WRITE_RECORDS),
                Access.may(user, Permission.RECORD_DELIVERY), Access.may(user, Permission.CERTIFY), Access.may(user, Permission.READ_POOL),
                Access.may(user, Permission.READ_CURRICULA), Access.may(user, Permission.READ_REPORTS), Access.may(user, Permission.MANAGE_USERS));
    }

    /** Records the language the user chose for the pages: one of {@link #LANGUAGES}. */
    public Outcome<String> chooseLanguage(UserAccount user, String language) {
        if (language == null || !LANGUAGES.contains(language)) {
            return Outcome.refused(Refusal.INVALID, "The pages are written in English or Russian.", List.of("lang: must be en or ru"));
        }
        stores.users.setLanguage(user.username(), language);
        return Outcome.done(language);
    }

    /** Ends the session the token names (nothing when it names none). */
    public void logout(String token) {
        sessions.end(token);
    }

    /** Whether the database answers, and which kind it is. */
    public record Health(String database, boolean databaseUp) {}

    public Health health() {
        return new Health(stores.db.dialect() == SQLDialect.SQLITE ? "sqlite" : "postgresql", stores.db.answers());
    }

    /** Hashed once, on first need, so a login for an unknown user costs as much as one for a known user. */
    private static final class DummyHash {
        static final String VALUE = Passwords.hash("not a password".toCharArray());
    }
}
