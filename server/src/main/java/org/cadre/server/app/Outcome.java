package org.cadre.server.app;

import java.util.List;
import java.util.Optional;

/**
 * What a staff action came to: its value, or the reason it was refused, with every invalid field named
 * ({@code path: reason}). Each door answers a refusal in its own way (an HTTP status, an exit code).
 */
public record Outcome<T>(Optional<T> value, Optional<Refusal> refusal, String detail, List<String> errors,
        org.cadre.finding.Findings findings) {

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
        /** A record it names does not exist, or a value does not fit the records it names. */
        UNPROCESSABLE,
        /** A rule of the library refuses it: the findings say which and why. */
        RULES,
        /** The user is not signed in, or the username or password is wrong. */
        UNAUTHENTICATED,
        /** Too many failed sign-ins: wait before trying again. */
        THROTTLED,
        /** A stored record the action needs is missing (the event's package version). */
        MISSING_PREREQUISITE,
        /** What was sent is too large for the memory the process was given (a roster file); nothing was stored. */
        TOO_LARGE,
        /** The work asked for waits its turn behind others of its kind (a programme report); ask again in a few seconds. */
        BUSY
    }

    public Outcome {
        errors = List.copyOf(errors);
    }

    public Outcome(Optional<T> value, Optional<Refusal> refusal, String detail, List<String> errors) {
        this(value, refusal, detail, errors, org.cadre.finding.Findings.none());
    }

    /** Refused by the library's rules, with their findings. */
    public static <T> Outcome<T> refusedBy(String detail, org.cadre.finding.Findings findings) {
        return refusedBy(detail, List.of(), findings);
    }

    /** Refused by the library's rules, their words also as errors naming the fields they are about. */
    public static <T> Outcome<T> refusedBy(String detail, List<String> errors, org.cadre.finding.Findings findings) {
        return new Outcome<>(Optional.empty(), Optional.of(Refusal.RULES), detail, errors, findings);
    }

    public static <T> Outcome<T> done(T value) {
        return new Outcome<>(Optional.of(value), Optional.empty(), "", List.of());
    }

    public static <T> Outcome<T> refused(Refusal why, String detail, List<String> errors) {
        return new Outcome<>(Optional.empty(), Optional.of(why), detail, errors);
    }

    /** Refused, each error ({@code path: reason}) also given as the library's finding behind it, with its code and subject. */
    public static <T> Outcome<T> refused(Refusal why, String detail, List<String> errors, org.cadre.finding.Findings findings) {
        return new Outcome<>(Optional.empty(), Optional.of(why), detail, errors, findings);
    }

    public static <T> Outcome<T> refused(Refusal why, String detail) {
        return refused(why, detail, List.of());
    }

    public boolean isDone() {
        return value.isPresent();
    }

    /** The same refusal, for an action of another type. */
    public <U> Outcome<U> refusedAs() {
        if (isDone()) {
            throw new IllegalStateException("not refused");
        }
        return new Outcome<>(Optional.empty(), refusal, detail, errors, findings);
    }

    /** The value mapped, or the same refusal. */
    public <U> Outcome<U> map(java.util.function.Function<? super T, ? extends U> f) {
        return isDone() ? Outcome.done(f.apply(value.get())) : refusedAs();
    }

    /** The next action on the value, or the same refusal. */
    public <U> Outcome<U> then(java.util.function.Function<? super T, Outcome<U>> next) {
        return isDone() ? next.apply(value.get()) : refusedAs();
    }

    /**
     * The values of one request read together, so that one answer names every bad value: done when each part is; else the
     * first refusal that is not {@link Refusal#INVALID} (who may ask outranks how it was spelt); else one INVALID refusal
     * naming every field of every refused part, in order, with the part's own detail when only one is refused.
     * {@code ?audience=bogus&format=x&lang=q} had named the audience alone, and each mend revealed the next (the newcomer's
     * review of session 21, as for the parameters an operation does not read).
     *
     * @param parts the values' outcomes, in the order the request is described
     * @return done, or the refusal to answer
     */
    public static Outcome<Boolean> together(List<? extends Outcome<?>> parts) {
        List<? extends Outcome<?>> refused = parts.stream().filter(part -> !part.isDone()).toList();
        Optional<? extends Outcome<?>> other = refused.stream().filter(part -> part.refusal().orElseThrow() != Refusal.INVALID).findFirst();
        if (other.isPresent()) {
            return other.get().refusedAs();
        }
        if (refused.isEmpty()) {
            return done(true);
        }
        if (refused.size() == 1) {
            return refused.get(0).refusedAs();
        }
        return refused(Refusal.INVALID, refused.size() + " values of the request are not valid; each is named.",
                refused.stream().flatMap(part -> part.errors().stream()).toList());
    }

    /** The value of an action that was done. */
    public T get() {
        return value.orElseThrow(() -> new IllegalStateException("refused: " + detail));
    }
}
