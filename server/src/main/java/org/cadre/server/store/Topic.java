package org.cadre.server.store;

import java.util.Locale;

/**
 * What a write transaction changed, named the way read caches name what they hold: an event (its details,
 * enrolments and statuses), a person, a user (account, scopes, every session), one session, or
 * {@linkplain #ALL anything}. A transaction that names nothing counts as having changed anything.
 */
public record Topic(String name) {

    /** Anything: every cached value is forgotten. */
    public static final Topic ALL = new Topic("*");

    /**
     * Names a transaction whose changes no cache can hold (new rows that no cached read has seen, such as
     * a new person): it is logged as nothing, so the caches keep what they have.
     */
    public static final Topic NOTHING_CACHED = new Topic("-");

    /** The longest name kept; a longer one would be cut to this. */
    static final int MAX_LENGTH = 200;

    public Topic {
        if (name == null || name.isEmpty() || name.length() > MAX_LENGTH || name.indexOf(' ') >= 0) {
            throw new IllegalArgumentException("a topic is 1 to " + MAX_LENGTH + " characters without spaces: " + name);
        }
    }

    /** An event's details, enrolments and their statuses. */
    public static Topic event(String eventId) {
        return of("event:", eventId);
    }

    /** An event's attendance marks. */
    public static Topic attendance(String eventId) {
        return of("attendance:", eventId);
    }

    /** A person's record. */
    public static Topic person(String personId) {
        return of("person:", personId);
    }

    /** A user's account, scopes and sessions (usernames compared without regard to case, as logins are). */
    public static Topic user(String username) {
        return of("user:", username.toLowerCase(Locale.ROOT));
    }

    /** One login session, by its token's hash. */
    public static Topic session(String tokenHash) {
        return of("session:", tokenHash);
    }

    private static Topic of(String kind, String id) {
        // Ids in Cadre are short and space-free; one that is not could only come from a bug, and would then
        // mean "anything" rather than a topic no cache listens to.
        String name = kind + id;
        return name.length() > MAX_LENGTH || name.indexOf(' ') >= 0 ? ALL : new Topic(name);
    }

    @Override
    public String toString() {
        return name;
    }
}
