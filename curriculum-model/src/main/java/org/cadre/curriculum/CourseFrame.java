package org.cadre.curriculum;

import org.cadre.kernel.Require;

/**
 * The time a course offers: a number of course days and the most contact time per day. Used to check
 * that the planned sessions fit ({@link CurriculumRule#COURSE_OVERRUN}).
 */
public record CourseFrame(int days, int maxContactMinutesPerDay) {

    public CourseFrame {
        Require.positive(days, "CourseFrame.days");
        Require.inRange(maxContactMinutesPerDay, 1, 24 * 60, "CourseFrame.maxContactMinutesPerDay");
    }

    public static CourseFrame ofHours(int days, int maxContactHoursPerDay) {
        Require.inRange(maxContactHoursPerDay, 1, 24, "CourseFrame.maxContactHoursPerDay");
        return new CourseFrame(days, maxContactHoursPerDay * 60);
    }

    public long capacityMinutes() {
        return (long) days * maxContactMinutesPerDay;
    }
}
