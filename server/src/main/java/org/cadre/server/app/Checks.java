package org.cadre.server.app;

import java.util.List;
import java.util.function.Supplier;
import org.cadre.server.app.Outcome.Refusal;
import org.cadre.server.store.AlreadyStoredException;
import org.cadre.server.store.StaleVersionException;

/** Small refusals many use cases share, each an {@link Outcome} to chain with {@link Outcome#then}. */
final class Checks {

    private Checks() {}

    /** Done when {@code ok}; otherwise refused with {@code why} and {@code detail}. */
    static Outcome<Boolean> require(boolean ok, Refusal why, String detail, List<String> errors) {
        return ok ? Outcome.done(Boolean.TRUE) : Outcome.refused(why, detail, errors);
    }

    static Outcome<Boolean> require(boolean ok, Refusal why, String detail) {
        return require(ok, why, detail, List.of());
    }

    /** Refused as forbidden when the user's scope does not cover the record as sent. */
    static Outcome<Boolean> inScope(boolean covered, String what) {
        return require(covered, Refusal.FORBIDDEN, "That " + what + " is outside your scope.");
    }

    /** Refused when the body names another record than the address. */
    static Outcome<Boolean> sameId(String addressed, String sent) {
        return require(addressed.equals(sent), Refusal.INVALID, "The body names another record than the address.",
                List.of("id: must be the id in the address"));
    }

    /** Refused as a conflict when a record with the id is stored already (checked before writing). */
    static Outcome<Boolean> absent(boolean exists, String what) {
        return require(!exists, Refusal.CONFLICT, exists(what));
    }

    /** The stored record, or a conflict when another was stored with the same id at the same moment. */
    static <T> Outcome<T> created(Supplier<T> add, String what) {
        try {
            return Outcome.done(add.get());
        } catch (AlreadyStoredException e) {
            return Outcome.refused(Refusal.CONFLICT, exists(what));
        }
    }

    /**
     * How many times a change from any version ({@code If-Match: *}) is tried when other changes keep coming first: each
     * time it loses, another writer has committed, so it is applied unless more than this many write the record at once.
     */
    static final int ANY_VERSION_TRIES = 16;

    /**
     * A change tried again when it was made from whatever version was current ({@link Expected#any()}, HTTP's {@code If-Match:
     * *}) and another change came first: such a change asked for no particular version, so "changed since the version you
     * read" is no answer to it (six frameworks sent at once under {@code *} had three such 412s: the attacker's review of
     * session 23). A change from a named version is tried once.
     */
    static <T> Outcome<T> retriedForAny(Expected expected, Supplier<Outcome<T>> attempt) {
        Outcome<T> outcome = attempt.get();
        for (int tried = 1; tried < ANY_VERSION_TRIES && expected.anyVersion() && stale(outcome); tried++) {
            outcome = attempt.get();
        }
        return outcome;
    }

    private static boolean stale(Outcome<?> outcome) {
        return outcome.refusal().filter(r -> r == Refusal.STALE).isPresent();
    }

    /** The saved record, or stale when another change came first. */
    static <T> Outcome<T> saved(Supplier<T> save) {
        try {
            return Outcome.done(save.get());
        } catch (StaleVersionException e) {
            return Outcome.refused(Refusal.STALE, Expected.CHANGED);
        }
    }

    private static String exists(String what) {
        return ("aeiou".indexOf(what.charAt(0)) >= 0 ? "An" : "A") + " " + what + " with that id exists already.";
    }
}
