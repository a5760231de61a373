package org.cadre.roster;

import org.cadre.kernel.Require;

/** Identifies a donor-funded programme. */
public record ProgrammeId(String value) implements Comparable<ProgrammeId> {

    public ProgrammeId {
        Require.code(value, "ProgrammeId");
    }

    public static ProgrammeId of(String value) {
        return new ProgrammeId(value);
    }

    @Override
    public int compareTo(ProgrammeId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
