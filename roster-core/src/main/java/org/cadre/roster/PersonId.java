package org.cadre.roster;

import org.cadre.kernel.Require;

/** Identifies a person on any roster. */
public record PersonId(String value) implements Comparable<PersonId> {

    /**
     * Checks the id's form.
     *
     * @param value 1 to 64 letters, digits, dots, underscores or hyphens, starting with a letter or digit
     * @throws IllegalArgumentException if the value is missing or not of that form
     */
    public PersonId {
        Require.code(value, "PersonId");
    }

    /**
     * Whether the text is a well-formed id (see {@link Require#code}).
     *
     * @param text the text, possibly null
     * @return true when {@link #of} would take it
     */
    public static boolean isValid(String text) {
        return Require.isCode(text);
    }

    /**
     * The id of a person, such as {@code p-kz-01}; use ids that carry no personal meaning.
     *
     * @param value 1 to 64 letters, digits, dots, underscores or hyphens, starting with a letter or digit
     * @return the id
     * @throws IllegalArgumentException if the value is missing or not of that form
     */
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
