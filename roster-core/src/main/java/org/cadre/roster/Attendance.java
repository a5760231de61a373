package org.cadre.roster;

import org.cadre.curriculum.SessionCode;
import org.cadre.kernel.Require;

/** One person's attendance at one session of the event's agenda. */
public record Attendance(PersonId person, SessionCode session, AttendanceMark mark) {

    /**
     * Checks the record on its own; whether the person is enrolled and the session on the agenda is for
     * the rules ({@code attendance.not-enrolled}, {@code attendance.unknown-session}).
     *
     * @param person who
     * @param session which agenda session
     * @param mark present, late, excused or absent
     * @throws IllegalArgumentException if a value is missing
     */
    public Attendance {
        Require.present(person, "Attendance.person");
        Require.present(session, "Attendance.session");
        Require.present(mark, "Attendance.mark");
    }
}
