package org.cadre.roster;

import org.cadre.kernel.Require;

/** Identifies an organisation (a border service, ministry, academy, donor). */
public record OrganisationId(String value) implements Comparable<OrganisationId> {

    public OrganisationId {
        Require.code(value, "OrganisationId");
    }

    /** Whether the text is a well-formed id (see {@link Require#code}). */
    public static boolean isValid(String text) {
        return Require.isCode(text);
    }

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
