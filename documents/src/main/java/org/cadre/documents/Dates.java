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
            return Optional.of(notInCalendar(text).orElse("must be a date as YYYY-MM-DD"));
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

    /**
     * A time zone as the API takes it: an IANA name such as {@code Asia/Almaty} (or an offset such as {@code +05:00}); a
     * refusal that says so (it read "is not a valid date, time, zone or period", the newcomer's re-check of session 13).
     */
    public static java.time.ZoneId zone(String text) {
        try {
            return java.time.ZoneId.of(text);
        } catch (java.time.DateTimeException e) {
            throw new org.cadre.kernel.InvalidValue("", "must be an IANA time zone such as Asia/Almaty");
        }
    }

    /** A time of day as the API takes it ({@code 09:30}), or a refusal naming the field. */
    public static java.time.LocalTime time(String text, String field) {
        if (text == null) {
            throw new org.cadre.kernel.InvalidValue(field, "is required");
        }
        if (!TIME.matcher(text).matches()) {
            throw new org.cadre.kernel.InvalidValue(field, "must be a time as HH:mm, from 00:00 to 23:59");
        }
        return java.time.LocalTime.parse(text);
    }

    /** Hours and minutes, two digits each: no seconds, which an agenda never holds and a reader would not see. */
    private static final java.util.regex.Pattern TIME = java.util.regex.Pattern.compile("([01][0-9]|2[0-3]):[0-5][0-9]");

    private static final java.util.regex.Pattern DATE_FORM = java.util.regex.Pattern.compile("([0-9]{4})-([0-9]{2})-([0-9]{2})");

    /**
     * Why a text in the form of a date names no day of the calendar ({@code 2026-02-30}, {@code 2023-13-01}), if so:
     * the form was right, so saying what the form is would not help.
     */
    private static Optional<String> notInCalendar(String text) {
        java.util.regex.Matcher m = DATE_FORM.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        int year = Integer.parseInt(m.group(1));
        int month = Integer.parseInt(m.group(2));
        if (month < 1 || month > 12) {
            return Optional.of("is not a day of the calendar: a month is 01 to 12");
        }
        int days = java.time.YearMonth.of(year, month).lengthOfMonth();
        return Optional.of("is not a day of the calendar: " + java.time.YearMonth.of(year, month) + " has " + days + " days");
    }

    private static Optional<LocalDate> iso(String text) {
        try {
            return Optional.of(LocalDate.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
