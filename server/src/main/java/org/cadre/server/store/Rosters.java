package org.cadre.server.store;

import org.cadre.server.values.Versioned;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.cadre.curriculum.Curriculum;
import org.cadre.roster.AgendaSlot;
import org.cadre.roster.Enrolment;
import org.cadre.roster.Event;
import org.cadre.roster.EventId;
import org.cadre.roster.EventRoster;
import org.cadre.roster.PersonId;

/** Assembles an event's whole roster from the stores, for checks, certification and reports. */
public final class Rosters {

    private final Database db;
    private final AuditLog audit;

    public Rosters(Database db, AuditLog audit) {
        this.db = db;
        this.audit = audit;
    }

    /**
     * The roster of the event, or empty when there is no such event.
     *
     * @param curriculum the package version the event delivers
     */
    public Optional<EventRoster> load(EventId id, Curriculum curriculum) {
        Optional<Versioned<Event>> event = new Events(db, audit).get(id);
        if (event.isEmpty()) {
            return Optional.empty();
        }
        Event e = event.get().value();
        Enrolments enrolments = new Enrolments(db, audit);
        Assessments assessments = new Assessments(db, audit);
        People people = new People(db, audit);
        var enrolled = enrolments.ofEvent(id).stream().map(Versioned::value).toList();
        Set<PersonId> involved = new LinkedHashSet<>();
        enrolled.stream().map(Enrolment::person).forEach(involved::add);
        e.agenda().stream().map(AgendaSlot::trainers).forEach(involved::addAll);
        var persons = people.byIds(involved).values().stream().map(Versioned::value).toList();
        // The organisations the roster names (nominators and the people's own), not every one on record: a
        // report's implementer and organisation table come from the event's own.
        Set<org.cadre.roster.OrganisationId> named = new LinkedHashSet<>();
        enrolled.forEach(x -> x.nominatedBy().ifPresent(named::add));
        persons.forEach(p -> p.organisation().ifPresent(named::add));
        Organisations organisations = new Organisations(db, audit);
        EventRoster.Builder roster = EventRoster.builder(e, new Programmes(db, audit).get(e.programme()).orElseThrow().value(), curriculum)
                .organisations(named.stream().map(organisations::get).flatMap(Optional::stream).map(Versioned::value).toList())
                .people(persons)
                .enrolments(enrolled)
                .attendance(enrolments.attendance(id))
                .tests(assessments.tests(id))
                .practice(assessments.practice(id))
                .feedback(new FeedbackItems(db, audit).ofEvent(id))
                .pool(new Trainers(db, audit).pool());
        assessments.rubric(id).ifPresent(roster::rubric);
        return Optional.of(roster.build());
    }
}
