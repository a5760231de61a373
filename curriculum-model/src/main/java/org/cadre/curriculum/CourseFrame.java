package org.cadre.curriculum;

import org.cadre.kernel.Require;

/**
 * The time a course offers: a number of course days and the most contact time per day. Used to check
 * that the planned sessions fit ({@link CurriculumRule#COURSE_OVERRUN}).
 */
public record CourseFrame(int days, int maxContactMinutesPerDay) {

    /**
     * Checks the frame.
     *
     * @param days course days; positive
     * @param maxContactMinutesPerDay the most minutes of teaching in one day, 1 to 1440
     * @throws IllegalArgumentException if a value is out of range
     */
    public CourseFrame {
        Require.positive(days, "CourseFrame.days");
        Require.inRange(maxContactMinutesPerDay, 1, 24 * 60, "CourseFrame.maxContactMinutesPerDay");
    }

    /**
     * A frame counted in whole hours, as course plans state it ("five days of six contact hours").
     *
     * @param days course days; positive
     * @param maxContactHoursPerDay the most hours of teaching in one day, 1 to 24
     * @return the frame, in minutes
     * @throws IllegalArgumentException if a value is out of range
     */
    public static CourseFrame ofHours(int days, int maxContactHoursPerDay) {
        Require.inRange(maxContactHoursPerDay, 1, 24, "CourseFrame.maxContactHoursPerDay");
        return new CourseFrame(days, maxContactHoursPerDay * 60);
    }

    /**
     * All the contact time the course offers.
     *
     * @return days times the daily maximum, in minutes
     */
    public long capacityMinutes() {
        return (long) days * maxContactMinutesPerDay;
    }
}
