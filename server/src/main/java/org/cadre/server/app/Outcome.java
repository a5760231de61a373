package org.cadre.server.app;

import java.util.List;
import java.util.Optional;

/**
 * What a staff action came to: its value, or the reason it was refused, with every invalid field named
 * ({@code path: reason}). Each door answers a refusal in its own way (an HTTP status, an exit code).
 */
public record Outcome<T>(Optional<T> value, Optional<Refusal> refusal, String detail, List<String> errors) {

    /** Why an action was refused. */
    public enum Refusal {
        /** A value sent is not valid. */
        INVALID,
        /** The user's role may not do this. */
        FORBIDDEN,
        /** No such record in the user's scope (a record outside it is answered the same). */
        NOT_FOUND,
        /** The record's state does not allow it (it exists already; it would leave no administrator). */
        CONFLICT,
        /** The record changed since the version the user read. */
        STALE,
        /** The user did not say which version they read. */
        VERSION_REQUIRED,
        /** A rule refuses it, or a record it names does not exist. */
        UNPROCESSABLE
    }

    public Outcome {
        errors = List.copyOf(errors);
    }

    public static <T> Outcome<T> done(T value) {
        return new Outcome<>(Optional.of(value), Optional.empty(), "", List.of());
    }

    public static <T> Outcome<T> refused(Refusal why, String detail, List<String> errors) {
        return new Outcome<>(Optional.empty(), Optional.of(why), detail, errors);
    }

    public static <T> Outcome<T> refused(Refusal why, String detail) {
        return refused(why, detail, List.of());
    }

    public boolean isDone() {
        return value.isPresent();
    }

    /** The value of an action that was done. */
    public T get() {
        return value.orElseThrow(() -> new IllegalStateException("refused: " + detail));
    }
}
