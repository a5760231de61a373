package org.cadre.roster;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.stream.Stream;
import org.cadre.kernel.Require;

/** Consecutive calendar days, both ends included: 23-27 October 2023 is five days. */
public record DateRange(LocalDate first, LocalDate last) {

    public DateRange {
        Require.present(first, "DateRange.first");
        Require.present(last, "DateRange.last");
        Require.that(!last.isBefore(first), "DateRange.last", "must not be before first (" + first + "), was " + last);
    }

    public static DateRange of(LocalDate first, LocalDate last) {
        return new DateRange(first, last);
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(first) && !day.isAfter(last);
    }

    public boolean contains(DateRange other) {
        return contains(other.first) && contains(other.last);
    }

    public int days() {
        return Math.toIntExact(ChronoUnit.DAYS.between(first, last) + 1);
    }

    public Stream<LocalDate> stream() {
        return first.datesUntil(last.plusDays(1));
    }

    @Override
    public String toString() {
        return first + ".." + last;
    }
}
