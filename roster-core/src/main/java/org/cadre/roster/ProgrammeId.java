package org.cadre.roster;

import org.cadre.kernel.Require;

/** Identifies a donor-funded programme. */
public record ProgrammeId(String value) implements Comparable<ProgrammeId> {

    /**
     * Checks the id's form.
     *
     * @param value 1 to 64 letters, digits, dots, underscores or hyphens, starting with a letter or digit
     * @throws IllegalArgumentException if the value is missing or not of that form
     */
    public ProgrammeId {
        Require.code(value, "ProgrammeId");
    }

    /**
     * The id of a programme, such as {@code iom-afghan-displacement-ca}; use ids that carry no personal meaning.
     *
     * @param value 1 to 64 letters, digits, dots, underscores or hyphens, starting with a letter or digit
     * @return the id
     * @throws IllegalArgumentException if the value is missing or not of that form
     */
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
