package org.cadre.roster;

import java.time.LocalDate;
import org.cadre.kernel.Require;

/** A day of teaching and the venue it is held at. */
public record CourseDay(LocalDate day, Venue venue) {

    /**
     * Checks the day.
     *
     * @param day the date of teaching
     * @param venue where it is held
     * @throws IllegalArgumentException if a value is missing
     */
    public CourseDay {
        Require.present(day, "CourseDay.day");
        Require.present(venue, "CourseDay.venue");
    }
}
