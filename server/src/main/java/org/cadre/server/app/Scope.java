package org.cadre.server.app;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.cadre.curriculum.Curriculum;
import org.cadre.roster.Country;
import org.cadre.roster.Event;
import org.cadre.roster.EventId;
import org.cadre.roster.Organisation;
import org.cadre.roster.OrganisationId;
import org.cadre.roster.Person;
import org.cadre.roster.PersonId;
import org.cadre.roster.ProgrammeId;
import org.cadre.server.app.Outcome.Refusal;
import org.cadre.server.security.Access;
import org.cadre.server.security.Access.Permission;
import org.cadre.server.security.EventPlace;
import org.cadre.server.security.UserAccount;
import org.cadre.server.values.Versioned;

/**
 * What every use case asks before it acts: may the user's role do this, and does their scope cover the
 * records named. A record outside the scope is answered exactly as a missing one.
 */
final class Scope {

    private final Stores stores;

    Scope(Stores stores) {
        this.stores = stores;
    }

    /** The user, if their role grants the permission; refused as forbidden otherwise. */
    static Outcome<UserAccount> permit(UserAccount user, Permission permission) {
        return Access.may(user, permission) ? Outcome.done(user)
                : Outcome.refused(Refusal.FORBIDDEN, "The " + user.role().label() + " role may not do this.");
    }

    /** A missing record, or one outside the scope: "There is no such {@code what} that you can see." */
    static <T> Outcome<T> notFound(String what) {
        return Outcome.refused(Refusal.NOT_FOUND, "There is no such " + what + " that you can see.");
    }

    /** Parses an id; an id that cannot exist finds nothing. */
    static <T> Optional<T> id(String text, Function<String, T> parse) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(parse.apply(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** An event with its agenda the user's scope covers. */
    Outcome<Versioned<Event>> event(UserAccount user, String id) {
        return ofEvent(user, id, stores.events::get, Versioned::value);
    }

    /** As {@link #event}, without the agenda and quotas: one query, for actions that need neither. */
    Outcome<Versioned<Event>> eventSummary(UserAccount user, String id) {
        return ofEvent(user, id, stores.events::summary, Versioned::value);
    }

    /**
     * What {@code read} gives for the event {@code id} names (an event, a roster, a register read from a cache),
     * when the user's scope covers the event it is about; a malformed id, a missing event and one outside the
     * scope get the same answer.
     */
    static <T> Outcome<T> ofEvent(UserAccount user, String id, Function<EventId, Optional<T>> read, Function<T, Event> event) {
        return id(id, EventId::of).flatMap(read).filter(t -> Access.covers(user, event.apply(t)))
                .map(Outcome::done).orElseGet(() -> notFound("event"));
    }

    /** The package version an event delivers; refused when it is not stored. */
    Outcome<Curriculum> curriculumOf(Event e) {
        return stores.curricula.get(e.curriculum(), e.version()).map(Outcome::done).orElseGet(() -> Outcome.refused(
                Refusal.MISSING_PREREQUISITE, "The event's package version is not stored; store it with POST /api/v1/curricula."));
    }

    /** Whether the user's scope covers the person: by country, or enrolled in an event the scope covers. */
    boolean covers(UserAccount user, Person person) {
        return Access.coversByCountry(user, person) || Access.isSharedStaff(person, organisationOf(person))
                || Access.covers(user, person, stores.enrolments.placesOf(person.id()));
    }

    /** A person the user's scope covers. */
    Optional<Versioned<Person>> person(UserAccount user, PersonId id) {
        return stores.people.get(id).filter(p -> covers(user, p.value()));
    }

    /** The person's own organisation, if recorded. */
    Optional<Organisation> organisationOf(Person person) {
        return person.organisation().flatMap(stores.organisations::get).map(Versioned::value);
    }

    /**
     * The same test for many people at once (lists, searches, duplicates): who is enrolled in the events
     * in scope is read once.
     */
    Predicate<Person> peopleInScope(UserAccount user) {
        if (user.role() == UserAccount.Role.ADMIN) {
            return p -> true;
        }
        Set<PersonId> atEvents = stores.enrolments.peopleIn(stores.events.places().stream()
                .filter(e -> Access.coversEvent(user, e.programme(), e.country())).map(EventPlace::event).toList());
        Set<OrganisationId> shared = stores.organisations.all().stream().map(Versioned::value)
                .filter(Access::isShared).map(Organisation::id).collect(Collectors.toSet());
        return p -> Access.coversByCountry(user, p) || atEvents.contains(p.id()) || p.organisation().filter(shared::contains).isPresent();
    }

    /** Whether the user's scope covers the organisation (national ones also by the countries of the programmes in scope). */
    boolean covers(UserAccount user, Organisation organisation) {
        return Access.covers(user, organisation, programmeCountries(user));
    }

    /** The countries of a programme (none when it is not stored). */
    Set<Country> countriesOf(ProgrammeId programme) {
        return stores.programmes.get(programme).map(v -> (Set<Country>) v.value().countries()).orElse(Set.of());
    }

    /** The countries of the programmes in the user's scope. */
    Set<Country> programmeCountries(UserAccount user) {
        Set<Country> countries = new HashSet<>();
        user.programmes().forEach(p -> stores.programmes.get(p).ifPresent(v -> countries.addAll(v.value().countries())));
        return countries;
    }

    /** Who is enrolled in the event: their ids alone, in one query. */
    Set<PersonId> enrolledIn(EventId event) {
        return stores.enrolments.peopleIn(List.of(event));
    }

    /** Every id in the list that the scope does not cover or that is not stored. */
    List<PersonId> unknownPeople(UserAccount user, List<PersonId> ids) {
        var found = stores.people.byIds(ids);
        return ids.stream().filter(id -> !found.containsKey(id) || !covers(user, found.get(id).value())).toList();
    }
}
