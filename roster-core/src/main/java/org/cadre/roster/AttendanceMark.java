package org.cadre.roster;

/** A participant's attendance at one agenda session. */
public enum AttendanceMark {
    PRESENT,
    LATE,
    EXCUSED,
    ABSENT;

    /** Counts as attended for certification: present or late. */
    public boolean attended() {
        return this == PRESENT || this == LATE;
    }
}
