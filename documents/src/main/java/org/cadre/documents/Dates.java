package org.cadre.documents;

import java.time.LocalDate;
import java.util.Optional;
import java.time.format.DateTimeParseException;

/**
 * Dates as the API takes them: ISO dates ({@code 2023-10-23}) from 1900 to 2999. Beyond that no training
 * happened or will, and date arithmetic (a certificate's validity added to its day) would overflow.
 */
public final class Dates {

    public static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    public static final LocalDate LATEST = LocalDate.of(2999, 12, 31);

    private Dates() {}

    /** Why the text is not a date the API takes ("is required", "must be a date as YYYY-MM-DD", ...), if it is not. */
    public static Optional<String> problem(String text) {
        if (text == null) {
            return Optional.of("is required");
        }
        Optional<LocalDate> d = iso(text);
        if (d.isEmpty()) {
            return Optional.of("must be a date as YYYY-MM-DD");
        }
        if (d.get().isBefore(EARLIEST) || d.get().isAfter(LATEST)) {
            return Optional.of("must be a date from " + EARLIEST + " to " + LATEST);
        }
        return Optional.empty();
    }

    /** The date, if the text is one the API takes. */
    public static Optional<LocalDate> tryParse(String text) {
        return problem(text).isPresent() ? Optional.empty() : iso(text);
    }

    /** The date, or an {@link IllegalArgumentException} saying what a date must be. */
    public static LocalDate parse(String text) {
        Optional<String> problem = problem(text);
        if (problem.isPresent()) {
            throw new org.cadre.kernel.InvalidValue("", problem.get());
        }
        return LocalDate.parse(text);
    }

    /** As {@link #parse(String)}, the refusal naming the field ({@code first must be a date as YYYY-MM-DD}). */
    public static LocalDate parse(String text, String field) {
        Optional<String> problem = problem(text);
        if (problem.isPresent()) {
            throw new org.cadre.kernel.InvalidValue(field, problem.get());
        }
        return LocalDate.parse(text);
    }

    /** A time of day as the API takes it ({@code 09:30}), or a refusal naming the field. */
    public static java.time.LocalTime time(String text, String field) {
        if (text == null) {
            throw new org.cadre.kernel.InvalidValue(field, "is required");
        }
        try {
            return java.time.LocalTime.parse(text);
        } catch (DateTimeParseException e) {
            throw new org.cadre.kernel.InvalidValue(field, "must be a time as HH:mm, from 00:00 to 23:59");
        }
    }

    private static Optional<LocalDate> iso(String text) {
        try {
            return Optional.of(LocalDate.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
