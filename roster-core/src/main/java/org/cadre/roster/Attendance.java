package org.cadre.roster;

import org.cadre.curriculum.SessionCode;
import org.cadre.kernel.Require;

/** One person's attendance at one session of the event's agenda. */
public record Attendance(PersonId person, SessionCode session, AttendanceMark mark) {

    public Attendance {
        Require.present(person, "Attendance.person");
        Require.present(session, "Attendance.session");
        Require.present(mark, "Attendance.mark");
    }
}
