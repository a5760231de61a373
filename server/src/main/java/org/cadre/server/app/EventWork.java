package org.cadre.server.app;

import java.time.LocalDate;
import java.time.Period;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cadre.curriculum.Curriculum;
import org.cadre.documents.SentItems;
import org.cadre.finding.Finding;
import org.cadre.finding.Findings;
import org.cadre.finding.Result;
import org.cadre.roster.BulkStatus;
import org.cadre.roster.Certification;
import org.cadre.roster.Enrolment;
import org.cadre.roster.EnrolmentStatus;
import org.cadre.roster.Event;
import org.cadre.roster.EventClosure;
import org.cadre.roster.EventId;
import org.cadre.roster.EventRoster;
import org.cadre.roster.EventRule;
import org.cadre.roster.PersonId;
import org.cadre.roster.PoolFromEvents;
import org.cadre.roster.Role;
import org.cadre.roster.RosterCommand;
import org.cadre.roster.pool.TrainerRecord;
import org.cadre.server.app.Outcome.Refusal;
import org.cadre.server.security.Access;
import org.cadre.server.security.Access.Permission;
import org.cadre.server.store.Certifications;
import org.cadre.server.store.Curricula;
import org.cadre.server.store.Database;
import org.cadre.server.store.Enrolments;
import org.cadre.server.store.Events;
import org.cadre.server.store.Rosters;
import org.cadre.server.store.StaleVersionException;
import org.cadre.server.store.Trainers;
import org.cadre.server.security.UserAccount;
import org.cadre.server.values.Versioned;

/**
 * The staff actions on a whole event at once, for every door (the web API and the command line): status
 * changes for many enrolments, certification (with the pool steps it gives) and closing the event. Each
 * checks the acting user's permission and scope, runs the library's command, and stores all of it in one
 * transaction or nothing.
 */
public final class EventWork {

    /** How a missing event and one outside the scope are both answered. */
    static final String NO_EVENT = "There is no such event that you can see.";

    /** The field a refusal to close names, by its code (none for the rest: the roster's illegal moves, nobody seated). */
    private static final Map<String, String> CLOSE_REFUSAL_FIELD = Map.of(EventRule.DATES_INCONSISTENT.spec().code(), "on: ",
            RosterCommand.DATED_AHEAD.code(), "on: ", RosterCommand.CLOSE_WITHOUT_AGENDA.code(), "agenda: ",
            RosterCommand.CLOSE_WITHOUT_ATTENDANCE.code(), "attendance: ", RosterCommand.CLOSE_UNKNOWN_SESSION.code(), "agenda: ");

    private final Database db;
    private final Events events;
    private final Enrolments enrolments;
    private final Curricula curricula;
    private final Rosters rosters;
    private final Trainers trainers;
    private final Certifications certifications;

    private final Scope scope;
    private final Stores stores;

    EventWork(Stores stores, Scope scope) {
        this.stores = stores;
        this.db = stores.db;
        this.events = stores.events;
        this.enrolments = stores.enrolments;
        this.curricula = stores.curricula;
        this.rosters = stores.rosters;
        this.trainers = stores.trainers;
        this.certifications = stores.certifications;
        this.scope = scope;
    }

    /** As {@link #moveEvery}, the event named by its id as sent. */
    public Outcome<Moved> moveEvery(UserAccount user, String id, EnrolmentStatus from, Optional<Role> role, EnrolmentStatus to,
            Optional<LocalDate> on) {
        return parsed(user, id, Permission.WRITE_RECORDS).then(e -> moveEvery(user, e, from, role, to, on));
    }

    /** As {@link #moveStatuses}, the event named by its id as sent. */
    public Outcome<Moved> moveStatuses(UserAccount user, String id, List<BulkStatus.Move> moves, ChangeNames names) {
        return parsed(user, id, Permission.WRITE_RECORDS).then(e -> moveStatuses(user, e, moves, names));
    }

    /**
     * As {@link #moveStatuses(UserAccount, EventId, List, ChangeNames)} for a list sent by a client, each change named by
     * its place ({@code changes[2]}). One that could not be read (a status that is none) is refused with the rest: the
     * changes read are still judged, so one answer names every fault (a 400 while any could not be read), and nothing
     * is changed.
     */
    public Outcome<Moved> moveStatuses(UserAccount user, String id, SentItems<BulkStatus.Move> sent) {
        List<Integer> places = java.util.stream.IntStream.range(0, sent.size()).filter(i -> sent.faultsOf(i).isEmpty()).boxed().toList();
        return parsed(user, id, Permission.WRITE_RECORDS).then(e -> moveStatuses(user, e, places.stream().map(sent.items()::get).toList(),
                ChangeNames.BY_PLACE, places, sent.unread()));
    }

    /**
     * How a refused change is named: by its place in the list the client sent ({@code changes[2]}, as the API's
     * body has it), or by the person it would move ({@code p-kz-01}, where the client sent no list: a page's ticks, a
     * change of every enrolment in a status).
     */
    public enum ChangeNames {
        BY_PLACE, BY_PERSON;

        String of(int place, PersonId person) {
            return this == BY_PLACE ? "changes[" + place + "]" : person.value();
        }
    }

    /** As {@link #certify}, the event named by its id as sent. */
    public Outcome<Certified> certify(UserAccount user, String id, Optional<LocalDate> on) {
        return parsed(user, id, Permission.CERTIFY).then(e -> certify(user, e, on));
    }

    /** As {@link #close}, the event named by its id as sent. */
    public Outcome<Closed> close(UserAccount user, String id, Optional<LocalDate> on) {
        return parsed(user, id, Permission.WRITE_RECORDS).then(e -> close(user, e, on));
    }

    /** The id, if the user's role may act and the id can be one; refused as {@link #missingOrForbidden} otherwise. */
    private static Outcome<EventId> parsed(UserAccount user, String id, Permission permission) {
        return Scope.id(id, EventId::of).filter(e -> Access.may(user, permission)).map(Outcome::done)
                .orElseGet(() -> missingOrForbidden(user, permission));
    }

    /**
     * Moves every enrolment now in status {@code from} (and in {@code role}, if given) to {@code to}, all or none;
     * refused when there is none.
     */
    public Outcome<Moved> moveEvery(UserAccount user, EventId id, EnrolmentStatus from, Optional<Role> role, EnrolmentStatus to,
            Optional<LocalDate> on) {
        Optional<Event> event = visible(user, id, Permission.WRITE_RECORDS);
        if (event.isEmpty()) {
            return missingOrForbidden(user, Permission.WRITE_RECORDS);
        }
        // One day for every change: dated ahead, it is refused once, as the field it was sent in.
        LocalDate today = today(event.get());
        Optional<Finding> ahead = on.flatMap(day -> BulkStatus.datedAhead(event.get().subject(), day, today));
        if (ahead.isPresent()) {
            return Outcome.refused(Refusal.UNPROCESSABLE, "A status records what happened; it cannot be dated ahead.",
                    List.of("on: " + ahead.get().message()), org.cadre.finding.Findings.of(ahead.get()));
        }
        List<BulkStatus.Move> moves = BulkStatus.every(enrolments.ofEvent(id).stream().map(Versioned::value).toList(), from, role, to, on);
        if (moves.isEmpty()) {
            return Outcome.refused(Refusal.UNPROCESSABLE, "No enrolment is " + from.label()
                    + role.map(r -> " as " + org.cadre.kernel.Label.of(r)).orElse("")
                    + "; nothing was changed.", List.of("every: no enrolment has this status"));
        }
        return moveStatuses(user, id, moves, ChangeNames.BY_PERSON);
    }

    /** The enrolments after a bulk change, with the findings of what was done. */
    public record Moved(EventId event, List<Enrolling.Entry> enrolments) {}

    /**
     * Applies every status change or none: approve or decline a batch of nominations, confirm the approved,
     * mark a whole roster attended. Undated changes take the event's own day ({@link Event#defaultDay}). Each refused
     * change is named as {@code names} says, with why.
     */
    public Outcome<Moved> moveStatuses(UserAccount user, EventId id, List<BulkStatus.Move> moves, ChangeNames names) {
        return moveStatuses(user, id, moves, names, java.util.stream.IntStream.range(0, moves.size()).boxed().toList(),
                java.util.Collections.emptySortedMap());
    }

    /** As above, the moves at {@code places} in the list sent, with the errors of the changes that could not be read. */
    private Outcome<Moved> moveStatuses(UserAccount user, EventId id, List<BulkStatus.Move> moves, ChangeNames names,
            List<Integer> places, java.util.SortedMap<Integer, List<String>> unread) {
        Optional<Event> event = visible(user, id, Permission.WRITE_RECORDS);
        if (event.isEmpty()) {
            return missingOrForbidden(user, Permission.WRITE_RECORDS);
        }
        String unreadDetail = "A change could not be read; no status was changed: every refused change is listed.";
        if (moves.isEmpty()) {
            return unread.isEmpty() ? Outcome.refused(Refusal.INVALID, "Name at least one status change.", List.of("changes: must not be empty"))
                    : Outcome.refused(Refusal.INVALID, unreadDetail, unread.values().stream().flatMap(List::stream).toList());
        }
        List<Versioned<Enrolment>> stored = enrolments.ofEvent(id);
        Map<PersonId, Enrolment> current = new HashMap<>();
        Map<PersonId, Integer> versions = new HashMap<>();
        stored.forEach(v -> {
            current.put(v.value().person(), v.value());
            versions.put(v.value().person(), v.version());
        });
        Result<com.google.common.collect.ImmutableList<Enrolment>> moved = BulkStatus.apply(event.get(), current, moves, today(event.get()));
        if (!moved.isOk()) {
            // Each refusal is named by the change it is about: a person's first, or for one named again, each later one in turn.
            Map<String, Integer> first = new HashMap<>();
            Map<String, java.util.ArrayDeque<Integer>> later = new HashMap<>();
            for (int i = 0; i < moves.size(); i++) {
                String person = moves.get(i).person().value();
                if (first.putIfAbsent(person, i) != null) {
                    later.computeIfAbsent(person, p -> new java.util.ArrayDeque<>()).add(i);
                }
            }
            java.util.TreeMap<Integer, List<String>> byPlace = new java.util.TreeMap<>();
            unread.forEach((place, errors) -> byPlace.put(place, new java.util.ArrayList<>(errors)));
            for (Finding f : moved.refusal().all()) {
                String person = personOf(f);
                java.util.ArrayDeque<Integer> again = later.get(person);
                int place = places.get(f.code().equals(RosterCommand.NAMED_TWICE.code()) && again != null && !again.isEmpty() ? again.poll()
                        : first.getOrDefault(person, 0));
                byPlace.computeIfAbsent(place, p -> new java.util.ArrayList<>()).add(names.of(place, PersonId.of(person)) + ": " + f.message());
            }
            List<String> errors = byPlace.values().stream().flatMap(List::stream).toList();
            return unread.isEmpty() ? Outcome.refused(Refusal.UNPROCESSABLE, "No status was changed: every refused change is listed.",
                    errors, moved.refusal()) : Outcome.refused(Refusal.INVALID, unreadDetail, errors, moved.refusal());
        }
        if (!unread.isEmpty()) {
            return Outcome.refused(Refusal.INVALID, unreadDetail, unread.values().stream().flatMap(List::stream).toList());
        }
        try {
            List<Versioned<Enrolment>> saved = db.inTransaction(tx -> moved.value().stream()
                    .map(e -> enrolments.save(tx, e, versions.get(e.person()), user.username())).toList());
            return Outcome.done(new Moved(id, Enrolling.entries(stores, id, saved)));
        } catch (StaleVersionException e) {
            return Outcome.refused(Refusal.CONFLICT, "The roster changed while the changes were made; nothing was changed, send them again.");
        }
    }

    /** What the certification rules say of every participant holding a seat, and the roster they judged. */
    public record Evaluated(EventRoster roster, List<Certification.Decision> decisions) {}

    /**
     * Who meets the package's certification criteria and why not, without recording anything; for an event whose
     * agenda lists no session, the refusal certifying it would get (every decision would be "attended 0 of 0").
     */
    public Outcome<Evaluated> evaluate(UserAccount user, String eventId) {
        return Scope.permit(user, Permission.READ_RECORDS).then(u -> scope.event(user, eventId))
                .then(e -> withAgenda(e.value(), "nobody can be decided yet").then(x -> scope.curriculumOf(e.value()))
                        .then(c -> rosters.load(e.value().id(), c).map(Outcome::done).orElseGet(() -> Scope.notFound("event"))))
                .map(r -> new Evaluated(r, Certification.evaluate(r)));
    }

    /** The event, or, when its agenda lists no session, certification's refusal ({@link Certification#withoutAgenda}). */
    private static Outcome<Event> withAgenda(Event event, String consequence) {
        Optional<Finding> noAgenda = Certification.withoutAgenda(event);
        return noAgenda.isEmpty() ? Outcome.done(event)
                : Outcome.refused(Refusal.UNPROCESSABLE, "Certification decides by attendance at the agenda's sessions, and this "
                        + "event's agenda lists none; " + consequence + ".", List.of("agenda: " + noAgenda.get().message()), Findings.of(noAgenda.get()));
    }

    /** Certification decisions with the trainer-pool steps they gave, and what was left. */
    public record Certified(EventId event, LocalDate decidedOn, List<Certification.Decision> decisions, EventRoster roster,
            Findings pool) {}

    /**
     * Records the certification decisions the package's criteria give, for every participant holding a seat,
     * and for a ToT admits each certified graduate to the trainer pool as a co-trainer (evidence naming the
     * ToT), in one transaction.
     *
     * @param on the day decided; by default the last course day once the course has ended, else today
     */
    public Outcome<Certified> certify(UserAccount user, EventId id, Optional<LocalDate> on) {
        Optional<Event> event = visible(user, id, Permission.CERTIFY);
        if (event.isEmpty()) {
            return missingOrForbidden(user, Permission.CERTIFY);
        }
        Result<LocalDate> decided = Certification.decisionDay(event.get(), on, today(event.get()));
        if (!decided.isOk()) {
            Finding why = decided.refusal().stream().findFirst().orElseThrow();
            return Outcome.refused(Refusal.UNPROCESSABLE, why.code().equals(RosterCommand.BEFORE_COURSE_END.code())
                    ? "Certification is decided once the course has ended."
                    : "Certification records a decision taken; it cannot be dated ahead.", List.of("on: " + why.message()));
        }
        Outcome<Event> agendaListed = withAgenda(event.get(), "nothing was recorded");
        if (!agendaListed.isDone()) {
            return agendaListed.refusedAs();
        }
        LocalDate day = decided.value();
        // Versions first, the roster after: a record changed in between makes the save stale, never lost.
        Map<PersonId, Integer> poolVersions = poolVersions(id, event.get());
        Optional<Curriculum> curriculum = curricula.get(event.get().curriculum(), event.get().version());
        Optional<EventRoster> roster = curriculum.flatMap(c -> rosters.load(id, c));
        if (roster.isEmpty()) {
            return Outcome.refused(Refusal.NOT_FOUND, NO_EVENT);
        }
        List<Certification.Decision> decisions = Certification.evaluate(roster.get());
        PoolFromEvents.Steps steps = PoolFromEvents.graduates(roster.get(), decisions);
        Period validity = curriculum.get().certification().certificateValidity().orElse(Period.ZERO);
        try {
            db.inTransaction(tx -> {
                certifications.record(tx, id, decisions, day, user.username());
                saveRecords(tx, steps.records(), poolVersions, validity, user);
                return null;
            });
        } catch (StaleVersionException e) {
            return Outcome.refused(Refusal.CONFLICT, "The trainer pool changed while certifying; nothing was recorded, certify again.");
        }
        return Outcome.done(new Certified(id, day, decisions, roster.get(), Findings.copyOf(steps.findings())));
    }

    /** What closing an event did. */
    public record Closed(EventId event, EventClosure closure) {}

    /**
     * Closes the event: participants to no-show, completed or not-completed; trainers who delivered to
     * completed; the pool counts their deliveries and co-deliveries; the event is marked closed. One
     * transaction; an event is closed once.
     *
     * @param on the day closed; by default the last course day once it has passed
     */
    public Outcome<Closed> close(UserAccount user, EventId id, Optional<LocalDate> on) {
        Optional<Versioned<Event>> event = events.get(id).filter(e -> Access.covers(user, e.value()));
        if (!Access.may(user, Permission.WRITE_RECORDS)) {
            return Outcome.refused(Refusal.FORBIDDEN, "The " + user.role().label() + " role may not do this.");
        }
        if (event.isEmpty()) {
            return Outcome.refused(Refusal.NOT_FOUND, NO_EVENT);
        }
        Optional<LocalDate> closed = events.closedOn(id);
        if (closed.isPresent()) {
            return Outcome.refused(Refusal.CONFLICT, "The event was closed on " + closed.get() + "; it is closed once.");
        }
        Event e = event.get().value();
        LocalDate day = on.orElseGet(() -> afterTheCourse(e));
        // Versions first, the roster after: a record changed in between makes the save stale, never lost.
        Map<PersonId, Integer> versions = new HashMap<>();
        enrolments.ofEvent(id).forEach(v -> versions.put(v.value().person(), v.version()));
        Map<PersonId, Integer> poolVersions = poolVersions(id, e);
        Optional<Curriculum> curriculum = curricula.get(e.curriculum(), e.version());
        Optional<EventRoster> roster = curriculum.flatMap(c -> rosters.load(id, c));
        if (roster.isEmpty()) {
            return Outcome.refused(Refusal.NOT_FOUND, NO_EVENT);
        }
        Result<EventClosure> closure = EventClosure.close(roster.get(), day, today(e));
        if (!closure.isOk()) {
            return Outcome.refused(Refusal.UNPROCESSABLE, "The event was not closed.",
                    closure.refusal().stream().map(f -> CLOSE_REFUSAL_FIELD.getOrDefault(f.code(), "") + f.message()).toList(),
                    closure.refusal());
        }
        Period validity = curriculum.get().certification().certificateValidity().orElse(Period.ZERO);
        try {
            db.inTransaction(tx -> {
                for (Enrolment moved : closure.value().enrolments()) {
                    // Enrolled since the versions were read: the roster changed under the close.
                    enrolments.save(tx, moved, versions.getOrDefault(moved.person(), -1), user.username());
                }
                saveRecords(tx, closure.value().trainers(), poolVersions, validity, user);
                events.markClosed(tx, id, day, event.get().version(), user.username());
                return null;
            });
        } catch (StaleVersionException stale) {
            return Outcome.refused(Refusal.CONFLICT, "The event changed while it was being closed; nothing was changed, close it again.");
        }
        return Outcome.done(new Closed(id, closure.value()));
    }

    /**
     * The stored version of the pool record of everyone on the roster for the event's package (0 for none), read
     * before the library decides: a record changed in between makes the save stale, so nothing is lost.
     */
    private Map<PersonId, Integer> poolVersions(EventId id, Event event) {
        Map<PersonId, Integer> out = new HashMap<>();
        for (Versioned<Enrolment> e : enrolments.ofEvent(id)) {
            PersonId p = e.value().person();
            out.put(p, trainers.get(p, event.curriculum()).map(Versioned::version).orElse(0));
        }
        return out;
    }

    private void saveRecords(org.jooq.DSLContext tx, List<TrainerRecord> records, Map<PersonId, Integer> versions, Period validity,
            UserAccount user) {
        for (TrainerRecord r : records) {
            trainers.save(tx, r, validity, versions.getOrDefault(r.person(), 0), user.username());
        }
    }

    /** The event if the user may act on it with that permission and it is in their scope. */
    private Optional<Event> visible(UserAccount user, EventId id, Permission permission) {
        if (!Access.may(user, permission)) {
            return Optional.empty();
        }
        return events.get(id).map(Versioned::value).filter(e -> Access.covers(user, e));
    }

    private static <T> Outcome<T> missingOrForbidden(UserAccount user, Permission permission) {
        return Access.may(user, permission)
                ? Outcome.refused(Refusal.NOT_FOUND, NO_EVENT)
                : Outcome.refused(Refusal.FORBIDDEN, "The " + user.role().label() + " role may not do this.");
    }

    private LocalDate today(Event e) {
        return stores.todayAt(e);
    }

    /** The last course day once it has passed; today before then (which the rules refuse). */
    private LocalDate afterTheCourse(Event e) {
        LocalDate today = today(e);
        return today.isBefore(e.courseDays().last()) ? today : e.courseDays().last();
    }

    /** The person a finding's subject ({@code event/<id>/enrolment/<person>}) names. */
    private static String personOf(Finding f) {
        String s = f.subject();
        return s.substring(s.lastIndexOf('/') + 1);
    }
}
