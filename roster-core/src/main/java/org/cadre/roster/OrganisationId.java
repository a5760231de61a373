package org.cadre.roster;

import org.cadre.kernel.Require;

/** Identifies an organisation (a border service, ministry, academy, donor). */
public record OrganisationId(String value) implements Comparable<OrganisationId> {

    public OrganisationId {
        Require.code(value, "OrganisationId");
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
