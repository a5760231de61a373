package org.cadre.roster;

import java.time.LocalDate;
import org.cadre.kernel.Require;

/** A day of teaching and the venue it is held at. */
public record CourseDay(LocalDate day, Venue venue) {

    public CourseDay {
        Require.present(day, "CourseDay.day");
        Require.present(venue, "CourseDay.venue");
    }
}
