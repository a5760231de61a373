package org.cadre.finding;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import java.util.function.Function;

/**
 * The answer to a command that may be refused for a business reason: either the new value, or the
 * findings that say why not. A refused command changes nothing.
 *
 * @param <T> the value a successful command produces
 */
public final class Result<T> {

    private final T value;
    private final Findings refusal;

    private Result(T value, Findings refusal) {
        this.value = value;
        this.refusal = refusal;
    }

    public static <T> Result<T> ok(T value) {
        return new Result<>(requireNonNull(value, "value"), Findings.none());
    }

    /** A refusal; at least one finding, and at least one of them an error. */
    public static <T> Result<T> refused(Finding first, Finding... more) {
        Findings findings = Findings.of(first).and(Findings.of(more));
        if (!findings.hasErrors()) {
            throw new IllegalArgumentException("a refusal needs at least one error finding");
        }
        return new Result<>(null, findings);
    }

    public boolean isOk() {
        return value != null;
    }

    /** The new value; throws {@link IllegalStateException} naming the refusal when there is none. */
    public T value() {
        if (value == null) {
            throw new IllegalStateException("the command was refused: " + refusal);
        }
        return value;
    }

    public Optional<T> toOptional() {
        return Optional.ofNullable(value);
    }

    /** Why the command was refused; empty when it succeeded. */
    public Findings refusal() {
        return refusal;
    }

    /** Chains a further command onto a successful one; a refusal passes through. */
    public <U> Result<U> then(Function<? super T, Result<U>> next) {
        return value == null ? new Result<>(null, refusal) : next.apply(value);
    }

    @Override
    public String toString() {
        return value != null ? "ok: " + value : "refused: " + refusal;
    }
}
