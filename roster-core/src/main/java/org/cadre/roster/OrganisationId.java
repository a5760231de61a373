package org.cadre.roster;

import org.cadre.kernel.Require;

/** Identifies an organisation (a border service, ministry, academy, donor). */
public record OrganisationId(String value) implements Comparable<OrganisationId> {

    /**
     * Checks the id's form.
     *
     * @param value 1 to 64 letters, digits, dots, underscores or hyphens, starting with a letter or digit
     * @throws IllegalArgumentException if the value is missing or not of that form
     */
    public OrganisationId {
        Require.code(value, "OrganisationId");
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
     * The id of an organisation, such as {@code kz-border-academy}; use ids that carry no personal meaning.
     *
     * @param value 1 to 64 letters, digits, dots, underscores or hyphens, starting with a letter or digit
     * @return the id
     * @throws IllegalArgumentException if the value is missing or not of that form
     */
    public static OrganisationId of(String value) {
        return new OrganisationId(value);
    }

    @Override
    public int compareTo(OrganisationId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
