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
