package org.cadre.roster;

import org.cadre.kernel.Require;

/**
 * An organisation that nominates, trains, funds or hosts.
 *
 * @param nominatingAuthority whether it is recognised to nominate officers for a programme's events
 *     (checked by {@link EventRule#NOT_ELIGIBLE})
 */
public record Organisation(OrganisationId id, String name, Country country, Kind kind, boolean nominatingAuthority) {

    public Organisation {
        Require.present(id, "Organisation.id");
        name = Require.text(name, "Organisation.name");
        Require.present(country, "Organisation.country");
        Require.present(kind, "Organisation.kind");
    }

    /** What sort of organisation it is. */
    public enum Kind {
        BORDER_SERVICE,
        MINISTRY_OF_INTERIOR,
        TRAINING_ACADEMY,
        INTERNATIONAL_ORGANISATION,
        DONOR,
        OTHER
    }
}
