package org.cadre.server.security;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import java.util.Collections;
import org.cadre.reporting.disclosure.Audience;
import org.cadre.roster.Event;
import org.cadre.roster.Organisation;
import org.cadre.roster.Person;
import org.cadre.roster.Programme;
import org.cadre.server.store.UserAccount;
import org.cadre.server.store.UserAccount.Role;

/**
 * Who may do what, and see which records: the permission each role holds and the scope rules every
 * handler asks, kept in one place. docs/access-matrix.csv states the outcome per role, endpoint and
 * scope, and a test sends those requests to the real application.
 */
public final class Access {

    private Access() {}

    /** What a request does, as the roles are granted it. */
    public enum Permission {
        /** Read Training Support Packages, their checks and diffs. */
        READ_CURRICULA,
        /** Store a new package version. */
        WRITE_CURRICULA,
        /** Read organisations, people, programmes, events, rosters, agendas and checks (names included). */
        READ_RECORDS,
        /** Create and change organisations, people, programmes, events and enrolments; import rosters. */
        WRITE_RECORDS,
        /** Record attendance, tests, practice teaching and feedback. */
        RECORD_DELIVERY,
        /** Record certification decisions and add trainer-pool evidence. */
        CERTIFY,
        /** Read the trainer pool. */
        READ_POOL,
        /** Read reports (donor viewers: donor and public audiences only). */
        READ_REPORTS,
        /** Manage users and roles. */
        MANAGE_USERS
    }

    private static final ImmutableMap<Role, ImmutableSet<Permission>> GRANTS = ImmutableMap.of(
            Role.ADMIN, ImmutableSet.copyOf(Permission.values()),
            Role.COORDINATOR, ImmutableSet.of(Permission.READ_CURRICULA, Permission.WRITE_CURRICULA, Permission.READ_RECORDS,
                    Permission.WRITE_RECORDS, Permission.RECORD_DELIVERY, Permission.CERTIFY, Permission.READ_POOL,
                    Permission.READ_REPORTS),
            Role.TRAINER, ImmutableSet.of(Permission.READ_CURRICULA, Permission.READ_RECORDS, Permission.RECORD_DELIVERY,
                    Permission.READ_POOL, Permission.READ_REPORTS),
            Role.M_AND_E, ImmutableSet.of(Permission.READ_CURRICULA, Permission.READ_RECORDS, Permission.READ_POOL,
                    Permission.READ_REPORTS),
            Role.DONOR_VIEWER, ImmutableSet.of(Permission.READ_REPORTS));

    public static boolean may(UserAccount user, Permission permission) {
        return GRANTS.get(user.role()).contains(permission);
    }

    /** Whether the user's scope covers the event: administrators everything, others by country or programme. */
    public static boolean covers(UserAccount user, Event event) {
        return user.role() == Role.ADMIN || user.countries().contains(event.country())
                || user.programmes().contains(event.programme());
    }

    /** A programme is in scope by its id, or when one of its countries is. */
    public static boolean covers(UserAccount user, Programme programme) {
        return user.role() == Role.ADMIN || user.programmes().contains(programme.id())
                || !Collections.disjoint(user.countries(), programme.countries());
    }

    /**
     * A person is in scope by country. (Users scoped by programme see the people of their events in those
     * events' rosters, not through the people endpoints.)
     */
    public static boolean covers(UserAccount user, Person person) {
        return user.role() == Role.ADMIN || user.countries().contains(person.country());
    }

    /** National organisations by country; international organisations and donors are visible to all staff. */
    public static boolean covers(UserAccount user, Organisation organisation) {
        return user.role() == Role.ADMIN || user.countries().contains(organisation.country())
                || organisation.kind() == Organisation.Kind.INTERNATIONAL_ORGANISATION
                || organisation.kind() == Organisation.Kind.DONOR;
    }

    /** The audience a report is produced for when the request names none. */
    public static Audience defaultAudience(UserAccount user) {
        return user.role() == Role.DONOR_VIEWER ? Audience.DONOR : Audience.INTERNAL;
    }

    /** Whether the user may read reports for that audience: donor viewers never see internal ones. */
    public static boolean mayRead(UserAccount user, Audience audience) {
        return !(user.role() == Role.DONOR_VIEWER && audience == Audience.INTERNAL);
    }

    /** Whether the user manages users and roles. */
    public static boolean managesUsers(UserAccount user) {
        return may(user, Permission.MANAGE_USERS);
    }
}
