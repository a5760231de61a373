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

    /**
     * A command that succeeded.
     *
     * @param <T> the value's type
     * @param value the new value; not null
     * @return the result holding it
     * @throws NullPointerException if {@code value} is null
     */
    public static <T> Result<T> ok(T value) {
        return new Result<>(requireNonNull(value, "value"), Findings.none());
    }

    /**
     * A refusal; at least one finding, and at least one of them an error.
     *
     * @param <T> the type the command would have produced
     * @param first a finding
     * @param more further findings
     * @return the refusal
     * @throws IllegalArgumentException if no finding is an error (a warning alone refuses nothing)
     */
    public static <T> Result<T> refused(Finding first, Finding... more) {
        Findings findings = Findings.of(first).and(Findings.of(more));
        if (!findings.hasErrors()) {
            throw new IllegalArgumentException("a refusal needs at least one error finding");
        }
        return new Result<>(null, findings);
    }

    /** {@return whether the command succeeded} */
    public boolean isOk() {
        return value != null;
    }

    /**
     * The new value, for callers that know the command cannot be refused (or treat a refusal as a bug).
     *
     * @return the value
     * @throws IllegalStateException naming the refusal, if the command was refused
     */
    public T value() {
        if (value == null) {
            throw new IllegalStateException("the command was refused: " + refusal);
        }
        return value;
    }

    /** {@return the value, or empty if the command was refused} */
    public Optional<T> toOptional() {
        return Optional.ofNullable(value);
    }

    /** {@return why the command was refused; empty when it succeeded} */
    public Findings refusal() {
        return refusal;
    }

    /**
     * Chains a further command onto a successful one; a refusal passes through.
     *
     * @param <U> what the further command produces
     * @param next the further command, given this result's value
     * @return its result, or this refusal
     */
    public <U> Result<U> then(Function<? super T, Result<U>> next) {
        return value == null ? new Result<>(null, refusal) : next.apply(value);
    }

    @Override
    public String toString() {
        return value != null ? "ok: " + value : "refused: " + refusal;
    }
}
