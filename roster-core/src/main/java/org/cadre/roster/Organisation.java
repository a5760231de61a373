package org.cadre.roster;

import org.cadre.kernel.Require;

/**
 * An organisation that nominates, trains, funds or hosts.
 *
 * @param nominatingAuthority whether it is recognised to nominate officers for a programme's events
 *     (checked by {@link EventRule#NOT_ELIGIBLE})
 */
public record Organisation(OrganisationId id, String name, Country country, Kind kind, boolean nominatingAuthority) {

    /**
     * Checks the organisation.
     *
     * @param id its id
     * @param name its name, as reports print it; not blank, stripped
     * @param country where it is based (international organisations: their seat)
     * @param kind what sort of organisation it is
     * @param nominatingAuthority whether it may nominate officers for a programme's events
     * @throws IllegalArgumentException if a value is missing or the name blank
     */
    public Organisation {
        Require.present(id, "Organisation.id");
        name = Require.text(name, "Organisation.name");
        Require.present(country, "Organisation.country");
        Require.present(kind, "Organisation.kind");
    }

    /**
     * What sort of organisation it is. The list covers the bodies border-management training works with;
     * anything else is {@link #OTHER} (its name says what it is).
     */
    public enum Kind {
        /** A border guard or border service (in some countries part of the national security committee). */
        BORDER_GUARD,
        /** Police, including migration and transport police. */
        POLICE,
        /** A customs service. */
        CUSTOMS,
        /** A drug-control agency. */
        DRUG_CONTROL,
        /** A migration service. */
        MIGRATION_SERVICE,
        /** A training academy, institute or college. */
        ACADEMY,
        /** A ministry (interior, foreign affairs, justice...). */
        MINISTRY,
        /** An international organisation (IOM, UNODC, OSCE...). */
        INTERNATIONAL_ORGANISATION,
        /** A funding government or agency. */
        DONOR,
        /** A non-governmental organisation. */
        NGO,
        /** Anything else; its name says what it is. */
        OTHER
    }
}
