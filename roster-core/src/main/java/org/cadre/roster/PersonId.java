package org.cadre.roster;

import org.cadre.kernel.Require;

/** Identifies a person on any roster. */
public record PersonId(String value) implements Comparable<PersonId> {

    public PersonId {
        Require.code(value, "PersonId");
    }

    /** Whether the text is a well-formed id (see {@link Require#code}). */
    public static boolean isValid(String text) {
        return Require.isCode(text);
    }

    public static PersonId of(String value) {
        return new PersonId(value);
    }

    @Override
    public int compareTo(PersonId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
