package org.cadre.roster;

/** A participant's attendance at one agenda session. */
public enum AttendanceMark {
    /** There for the session. */
    PRESENT,
    /** There, but arrived after the start; counts as attended. */
    LATE,
    /** Not there, with a reason accepted by the organisers; still counts as an absence (decision 8). */
    EXCUSED,
    /** Not there. */
    ABSENT;

    /** {@return whether it counts as attended for certification: present or late} */
    public boolean attended() {
        return this == PRESENT || this == LATE;
    }
}
