package org.cadre.server.security;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import java.util.Collection;
import java.util.Collections;
import java.util.Optional;
import java.util.Set;
import org.cadre.reporting.disclosure.Audience;
import org.cadre.server.security.UserAccount.Role;
import org.cadre.roster.Country;
import org.cadre.roster.Event;
import org.cadre.roster.Organisation;
import org.cadre.roster.Person;
import org.cadre.roster.Programme;
import org.cadre.roster.ProgrammeId;

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
        return coversEvent(user, event.programme(), event.country());
    }

    /** As {@link #covers(UserAccount, Event)}, for an event known by its programme and country. */
    public static boolean coversEvent(UserAccount user, ProgrammeId programme, Country country) {
        return user.role() == Role.ADMIN || user.countries().contains(country) || user.programmes().contains(programme);
    }

    /**
     * Whether the user may change a programme they can see (its title, donor, SDGs, results framework): an
     * administrator, a user scoped by the programme, or one whose countries hold every country of the programme. A
     * coordinator of one country of a regional programme sees it, but its title and framework are read in the other
     * countries' reports too.
     */
    public static boolean mayChange(UserAccount user, Programme programme) {
        return user.role() == Role.ADMIN || user.programmes().contains(programme.id()) || user.countries().containsAll(programme.countries());
    }

    /** A programme is in scope by its id, or when one of its countries is. */
    public static boolean covers(UserAccount user, Programme programme) {
        return user.role() == Role.ADMIN || user.programmes().contains(programme.id())
                || !Collections.disjoint(user.countries(), programme.countries());
    }

    /**
     * A person is in scope by country, or while enrolled in an event the user's scope covers (so the
     * international trainers and the officers of other countries at a user's events are the user's too).
     *
     * @param enrolledAt the events the person is enrolled in
     */
    public static boolean covers(UserAccount user, Person person, Collection<EventPlace> enrolledAt) {
        return coversByCountry(user, person) || enrolledAt.stream().anyMatch(e -> coversEvent(user, e.programme(), e.country()));
    }

    /**
     * The staff of international organisations and donors (people whose organisation is shared) are seen by
     * all staff, like their organisations, and changed only by administrators.
     */
    public static boolean isSharedStaff(Person person, Optional<Organisation> organisation) {
        return person.organisation().isPresent() && organisation.filter(Access::isShared).isPresent();
    }

    /**
     * Whether the user may change a person's record: one of the user's countries, or, for a user scoped by
     * programme, a person enrolled in an event of that programme. Seeing another country's officer at one's
     * own event does not make the record one's own to change; the staff of international organisations and
     * donors are shared records, changed only by an administrator.
     */
    public static boolean mayChange(UserAccount user, Person person, Collection<EventPlace> enrolledAt,
            Optional<Organisation> organisation) {
        if (user.role() == Role.ADMIN) {
            return true;
        }
        if (organisation.filter(Access::isShared).isPresent()) {
            return false;
        }
        return coversByCountry(user, person) || enrolledAt.stream().anyMatch(e -> user.programmes().contains(e.programme()));
    }

    /** A person of one of the user's countries (or any person, for administrators). */
    public static boolean coversByCountry(UserAccount user, Person person) {
        return user.role() == Role.ADMIN || user.countries().contains(person.country());
    }

    /**
     * Whether the user may record a new person on the roster of an event in scope: a person of one of the
     * user's countries; for a user scoped by the event's programme, of one of the programme's countries;
     * and, at any event in scope, the staff of an international organisation or a donor, and an invited guest
     * trainer of any country (enrolled as {@code guest-trainer}: an expert from another country's service). A
     * coordinator of one country does not create the records of another country's officers.
     */
    public static boolean mayRecord(UserAccount user, Person person, org.cadre.roster.Role role, Event event, Programme programme,
            Optional<Organisation> organisation) {
        return coversByCountry(user, person)
                || role == org.cadre.roster.Role.GUEST_TRAINER && covers(user, event)
                || user.programmes().contains(event.programme()) && programme.countries().contains(person.country())
                || covers(user, event) && organisation.filter(Access::isShared).isPresent() && !programme.countries().contains(person.country());
    }

    /**
     * Whether the user may enrol this stored person in this role: always as a guest trainer; someone on record
     * only as a guest trainer (recorded through the guest exception of {@link #mayRecord}, of any country) in
     * another role only if the user could record the person for that role.
     *
     * @param roles every role the person is enrolled in, over all events
     */
    public static boolean mayEnrol(UserAccount user, Person person, org.cadre.roster.Role role, java.util.Set<org.cadre.roster.Role> roles,
            Event event, Programme programme, Optional<Organisation> organisation) {
        if (role == org.cadre.roster.Role.GUEST_TRAINER || roles.isEmpty()
                || !roles.stream().allMatch(r -> r == org.cadre.roster.Role.GUEST_TRAINER)) {
            return true;
        }
        return mayRecord(user, person, role, event, programme, organisation);
    }

    /**
     * Whether the user may hold an event in this country under this programme (create it there, or move it
     * there): a country of the user's, or, for a user scoped by the programme, one of the programme's
     * countries. An event moved elsewhere would hand its roster to another country's users.
     */
    public static boolean mayPlace(UserAccount user, Country country, Programme programme) {
        return user.role() == Role.ADMIN || user.countries().contains(country)
                || user.programmes().contains(programme.id()) && programme.countries().contains(country);
    }

    /**
     * Whether the user may give a person this country: one of the user's countries, or, for a user scoped by
     * programme, a country of a programme in scope whose events the person is enrolled in.
     *
     * @param programmeCountries the countries of each programme, by id
     */
    public static boolean mayMoveTo(UserAccount user, Country country, Collection<EventPlace> enrolledAt,
            java.util.function.Function<ProgrammeId, Set<Country>> programmeCountries) {
        return user.role() == Role.ADMIN || user.countries().contains(country) || enrolledAt.stream()
                .anyMatch(e -> user.programmes().contains(e.programme()) && programmeCountries.apply(e.programme()).contains(country));
    }

    /** International organisations and donors are shared by every programme and country. */
    public static boolean isShared(Organisation organisation) {
        return organisation.kind() == Organisation.Kind.INTERNATIONAL_ORGANISATION || organisation.kind() == Organisation.Kind.DONOR;
    }

    /**
     * National organisations by country (one of the user's, or of a programme in the user's scope);
     * international organisations and donors are visible to all staff.
     *
     * @param programmeCountries the countries of the programmes in the user's scope
     */
    public static boolean covers(UserAccount user, Organisation organisation, Set<Country> programmeCountries) {
        return user.role() == Role.ADMIN || user.countries().contains(organisation.country()) || isShared(organisation)
                || programmeCountries.contains(organisation.country());
    }

    /**
     * Records shared beyond one scope change only by an administrator: international organisations and
     * donors, a programme's countries (which decide who sees it), and new programmes' countries beyond
     * the user's own.
     */
    public static boolean mayChangeShared(UserAccount user) {
        return user.role() == Role.ADMIN;
    }

    /** The audience a report is produced for when the request names none. */
    public static Audience defaultAudience(UserAccount user) {
        return user.role() == Role.DONOR_VIEWER ? Audience.DONOR : Audience.INTERNAL;
    }

    /** Whether the user may read reports for that audience: donor viewers never see internal ones. */
    public static boolean mayRead(UserAccount user, Audience audience) {
        return !(user.role() == Role.DONOR_VIEWER && audience == Audience.INTERNAL);
    }

    /**
     * Whether the user may read the programme's report for that audience. Its internal report holds the exact counts
     * of every event of the programme, whatever its country, so it is read only by a user whose scope covers every one
     * of them (an administrator, a user scoped by the programme, or one whose countries hold every event's), as each
     * event's internal report is read by those it covers. A coordinator of one country of a regional programme sees the
     * programme and reads its donor and public reports, and the internal reports of the events in their scope, but not
     * the exact counts of the other countries' events (the attacker's review of session 19: a coordinator scoped to
     * Kyrgyzstan read the demo programme's counts of Kazakh and Uzbek officers by sex, though not one of its events
     * would open for them).
     *
     * @param events the places of the events (of any programme: those of this one are judged)
     */
    public static boolean mayRead(UserAccount user, Audience audience, Programme programme, Collection<EventPlace> events) {
        return mayRead(user, audience) && (audience != Audience.INTERNAL || events.stream()
                .filter(e -> e.programme().equals(programme.id())).allMatch(e -> coversEvent(user, e.programme(), e.country())));
    }

    /** The audience a programme's report is produced for when the request names none: the first one the user may read. */
    public static Audience defaultAudience(UserAccount user, Programme programme, Collection<EventPlace> events) {
        return mayRead(user, Audience.INTERNAL, programme, events) ? Audience.INTERNAL : Audience.DONOR;
    }

    /** Whether the user manages users and roles. */
    public static boolean managesUsers(UserAccount user) {
        return may(user, Permission.MANAGE_USERS);
    }
}
