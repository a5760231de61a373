package org.cadre.documents;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * Dates as the API takes them: ISO dates ({@code 2023-10-23}) from 1900 to 2999. Beyond that no training
 * happened or will, and date arithmetic (a certificate's validity added to its day) would overflow.
 */
public final class Dates {

    public static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    public static final LocalDate LATEST = LocalDate.of(2999, 12, 31);

    private Dates() {}

    /** The date, or an {@link IllegalArgumentException} saying what a date must be. */
    public static LocalDate parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("is required");
        }
        LocalDate d;
        try {
            d = LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("must be a date as YYYY-MM-DD");
        }
        if (d.isBefore(EARLIEST) || d.isAfter(LATEST)) {
            throw new IllegalArgumentException("must be a date from " + EARLIEST + " to " + LATEST);
        }
        return d;
    }
}
