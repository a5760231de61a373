package org.cadre.roster;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.stream.Stream;
import org.cadre.kernel.Require;

/** Consecutive calendar days, both ends included: 23-27 October 2023 is five days. */
public record DateRange(LocalDate first, LocalDate last) {

    /**
     * Checks the range.
     *
     * @param first the first day
     * @param last the last day; not before {@code first} (the same day is a one-day range)
     * @throws IllegalArgumentException if a day is missing or {@code last} is before {@code first}
     */
    public DateRange {
        Require.present(first, "DateRange.first");
        Require.present(last, "DateRange.last");
        Require.that(!last.isBefore(first), "DateRange.last", "must not be before first (" + first + "), was " + last);
    }

    /**
     * The days from {@code first} to {@code last}, both included.
     *
     * @param first the first day
     * @param last the last day; not before {@code first}
     * @return the range
     * @throws IllegalArgumentException if a day is missing or {@code last} is before {@code first}
     */
    public static DateRange of(LocalDate first, LocalDate last) {
        return new DateRange(first, last);
    }

    /**
     * Whether a day lies in the range.
     *
     * @param day the day
     * @return whether it is on or after the first day and on or before the last
     */
    public boolean contains(LocalDate day) {
        return !day.isBefore(first) && !day.isAfter(last);
    }

    /**
     * Whether another range lies wholly inside this one, as course days must lie in the travel window.
     *
     * @param other the other range
     * @return whether both its ends lie in this range
     */
    public boolean contains(DateRange other) {
        return contains(other.first) && contains(other.last);
    }

    /** {@return how many calendar days, both ends included: 23-27 October is five} */
    public int days() {
        return Math.toIntExact(ChronoUnit.DAYS.between(first, last) + 1);
    }

    /** {@return every day of the range, in order} */
    public Stream<LocalDate> stream() {
        return first.datesUntil(last.plusDays(1));
    }

    @Override
    public String toString() {
        return first + ".." + last;
    }
}
