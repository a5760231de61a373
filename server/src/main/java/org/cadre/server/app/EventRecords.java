package org.cadre.server.app;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.cadre.curriculum.Curriculum;
import org.cadre.finding.Findings;
import org.cadre.kernel.Label;
import org.cadre.roster.AgendaSlot;
import org.cadre.roster.Event;
import org.cadre.roster.EventCheck;
import org.cadre.roster.EventId;
import org.cadre.roster.EventRoster;
import org.cadre.roster.Person;
import org.cadre.roster.PersonId;
import org.cadre.roster.Programme;
import org.cadre.server.app.Outcome.Refusal;
import org.cadre.server.security.Access;
import org.cadre.server.security.Access.Permission;
import org.cadre.server.security.UserAccount;
import org.cadre.server.store.Topic;
import org.cadre.server.store.TopicCache;
import org.cadre.server.values.Versioned;

/**
 * Events themselves: list, create, read and change an event, its agenda with the trainers' names, and its
 * checks (the library's event rules over its roster). An event outside the user's scope is answered as a
 * missing one.
 */
public final class EventRecords {

    private final Stores stores;
    private final Scope scope;

    EventRecords(Stores stores, Scope scope) {
        this.stores = stores;
        this.scope = scope;
        this.checked = new TopicCache<>(stores.db.changes(), 256);
    }

    /** An event's checks as of one day where it takes place. */
    private record CheckKey(EventId event, LocalDate today) {}

    /**
     * What the library's rules found over each event's roster as of a day, kept until a write changes what the roster is
     * read from: the event (its details, enrolments and statuses), its attendance marks, or one of its people (a write to
     * anything else it holds, tests, feedback, organisations, the trainer pool, names no topic and so forgets every kept
     * value). The home page asks for every event's checks on each load; each is now worked out once per change.
     */
    private final TopicCache<CheckKey, Optional<Findings>> checked;

    /** An event with its stored version and the day it was closed, if it was. */
    public record Stored(Versioned<Event> event, Optional<LocalDate> closedOn) {}

    /** The events in the user's scope, each with the day it was closed. */
    public Outcome<List<Stored>> list(UserAccount user) {
        return Scope.permit(user, Permission.READ_RECORDS).map(u -> {
            Map<EventId, LocalDate> closed = stores.events.closedDays();
            return stores.events.all().stream().filter(e -> Access.covers(user, e.value()))
                    .map(e -> new Stored(e, Optional.ofNullable(closed.get(e.value().id())))).toList();
        });
    }

    /** The event. */
    public Outcome<Stored> get(UserAccount user, String eventId) {
        return Scope.permit(user, Permission.READ_RECORDS).then(u -> scope.event(user, eventId))
                .map(e -> new Stored(e, stores.events.closedOn(e.value().id())));
    }

    /** Records a new event, held in the user's scope, naming records that are stored and in the scope. */
    public Outcome<Versioned<Event>> create(UserAccount user, Event e) {
        return Scope.permit(user, Permission.WRITE_RECORDS)
                .then(u -> Checks.inScope(Access.covers(user, e), "event"))
                .then(ok -> placement(user, e))
                .then(ok -> references(user, e, Optional.empty()))
                .then(ok -> Checks.absent(stores.events.summary(e.id()).isPresent(), "event"))
                .then(ok -> Checks.created(() -> stores.events.add(e, user.username()), "event"));
    }

    /** Replaces the event from the version the user read; a trainer already on the agenda may stay there. */
    public Outcome<Stored> update(UserAccount user, String eventId, Event changed, Expected expected) {
        return Checks.retriedForAny(expected, () -> updateOnce(user, eventId, changed, expected));
    }

    private Outcome<Stored> updateOnce(UserAccount user, String eventId, Event changed, Expected expected) {
        Outcome<Versioned<Event>> current = Scope.permit(user, Permission.WRITE_RECORDS).then(u -> scope.event(user, eventId));
        return current.then(c -> Checks.sameId(c.value().id().value(), changed.id().value())
                .then(ok -> Checks.inScope(Access.covers(user, changed), "event"))
                .then(ok -> placement(user, changed))
                // The version named is the precondition (RFC 9110): judged after who may change what, before what the
                // event names and its rules (newcomer: a 422 came where the README promises 428).
                .then(ok -> expected.against(c.version()))
                .then(from -> references(user, changed, Optional.of(c.value()))
                        .then(ok -> cascadesKept(user, c.value(), changed))
                        // The event as it is stored already: nothing is written, and the version stays (an editor
                        // holding it is not refused for a change that changed nothing; the attacker's re-check).
                        .then(ok -> changed.equals(c.value()) ? Outcome.done(c)
                                : Checks.saved(() -> stores.events.update(changed, from, user.username())))))
                .map(saved -> new Stored(saved, stores.events.closedOn(saved.value().id())));
    }

    /**
     * A ToT whose days change is not moved to end after a cascade that takes its trainers from it begins. Only the
     * cascades in the user's scope are judged: the days of one outside it would otherwise be learnt by moving the ToT's
     * (the cascade's own save judges the ToT the same way, and only in scope).
     */
    private Outcome<Boolean> cascadesKept(UserAccount user, Event before, Event changed) {
        if (changed.courseDays().equals(before.courseDays())) {
            return Outcome.done(true);
        }
        List<org.cadre.finding.Finding> broken = cascadesBefore(user, changed);
        if (broken.isEmpty()) {
            return Outcome.done(true);
        }
        return Outcome.refused(Refusal.UNPROCESSABLE, "A ToT is completed before the cascades that take their trainers from it; nothing was stored.",
                broken.stream().map(f -> "courseDays: " + f.message()).toList(), org.cadre.finding.Findings.copyOf(broken));
    }

    /**
     * Where the user may hold the event: in one of their countries or, for a programme in their scope, in one of the
     * programme's countries, its main venue and every day's. Refused (forbidden) before anything else is judged of a new
     * event or a change; a programme not stored or outside the scope is for {@link #references} to name.
     */
    private Outcome<Boolean> placement(UserAccount user, Event e) {
        Optional<Programme> programme = stores.programmes.get(e.programme()).map(Versioned::value).filter(p -> Access.covers(user, p));
        if (programme.isPresent() && (!Access.mayPlace(user, e.country(), programme.get())
                || e.days().stream().anyMatch(d -> !Access.mayPlace(user, d.venue().country(), programme.get())))) {
            return Outcome.refused(Refusal.FORBIDDEN, "An event is held in one of your countries or, for a programme in your scope, in one "
                    + "of the programme's countries: its main venue and every day's venue.");
        }
        return Outcome.done(true);
    }

    /**
     * The programme, the package version, the ToT and the agenda's trainers an event names must be stored
     * and in the user's scope; one outside it is answered exactly as a missing one. A trainer already on
     * the stored agenda ({@code before}) may stay there (where the event is held is {@link #placement}'s).
     * The event it takes its trainers from must be a ToT.
     */
    private Outcome<Boolean> references(UserAccount user, Event e, Optional<Event> before) {
        List<String> missing = new ArrayList<>();
        Optional<Programme> programme = stores.programmes.get(e.programme()).map(Versioned::value).filter(p -> Access.covers(user, p));
        if (programme.isEmpty()) {
            missing.add("programme: no such programme");
        }
        if (stores.curricula.get(e.curriculum(), e.version()).isEmpty()) {
            missing.add("curriculum: no such package version (curriculum and version) is stored");
        }
        boolean keptTot = before.flatMap(Event::trainersFrom).equals(e.trainersFrom());
        Optional<org.cadre.finding.Finding> totLater = Optional.empty();
        if (e.trainersFrom().isPresent()) {
            // A ToT outside the user's scope is judged by nothing, its days included (they would be learnt by moving the
            // cascade's); one kept from the version read stays as it was saved.
            Optional<Event> tot = stores.events.summary(e.trainersFrom().get()).map(Versioned::value).filter(t -> Access.covers(user, t));
            if (tot.isEmpty() && !keptTot) {
                missing.add("trainersFrom: no such event");
            } else if (tot.isPresent() && tot.get().kind() != Event.Kind.TOT && !keptTot) {
                missing.add("trainersFrom: is a " + Label.of(tot.get().kind()) + ", not a ToT");
            } else if (tot.isPresent()) {
                totLater = org.cadre.roster.CascadeReach.totInTime(e, tot.get());
            }
        }
        Set<PersonId> kept = before.map(b -> b.agenda().stream().flatMap(s -> s.trainers().stream()).collect(Collectors.toSet())).orElse(Set.of());
        Map<PersonId, Versioned<Person>> trainers = stores.people.byIds(e.agenda().stream().flatMap(s -> s.trainers().stream()).toList());
        for (int i = 0; i < e.agenda().size(); i++) {
            AgendaSlot slot = e.agenda().get(i);
            boolean unknown = slot.trainers().stream().anyMatch(t -> !kept.contains(t)
                    && (!trainers.containsKey(t) || !scope.covers(user, trainers.get(t).value())));
            if (unknown) {
                missing.add("agenda[" + i + "].trainers: no such person");
            }
        }
        if (!missing.isEmpty()) {
            return Outcome.refused(Refusal.UNPROCESSABLE, "The event names records that are not stored.", missing);
        }
        if (totLater.isPresent()) {
            return Outcome.refused(Refusal.UNPROCESSABLE, "A cascade's trainers come from a ToT held before it; nothing was stored.",
                    List.of("trainersFrom: " + totLater.get().message()), org.cadre.finding.Findings.of(totLater.get()));
        }
        return Outcome.done(true);
    }

    /** A slot of the agenda with what the package says of its session, and its trainers' names where the scope shows them. */
    public record Slot(AgendaSlot slot, Optional<String> title, Optional<String> module, List<Trainer> trainers) {}

    /** A trainer of a slot: the id, and the name if the user's scope covers the person. */
    public record Trainer(PersonId id, Optional<String> name) {}

    /** The agenda in time order. */
    public Outcome<List<Slot>> agenda(UserAccount user, String eventId) {
        Outcome<Event> found = Scope.permit(user, Permission.READ_RECORDS).then(u -> scope.event(user, eventId)).map(Versioned::value);
        return found.then(e -> scope.curriculumOf(e).map(c -> slots(user, e, c)));
    }

    private List<Slot> slots(UserAccount user, Event e, Curriculum c) {
        Map<PersonId, Versioned<Person>> people = stores.people.byIds(e.agenda().stream().flatMap(s -> s.trainers().stream()).toList());
        return e.agenda().stream().sorted(Comparator.comparing(AgendaSlot::day).thenComparing(AgendaSlot::start))
                .map(s -> new Slot(s, c.session(s.session()).map(x -> x.title()), c.moduleOf(s.session()).map(m -> m.code().value()),
                        s.trainers().stream().sorted().map(t -> new Trainer(t, Optional.ofNullable(people.get(t))
                                .filter(p -> scope.covers(user, p.value())).map(p -> p.value().displayName()))).toList()))
                .toList();
    }

    /** What the event's checks found over its roster. */
    public record Checked(EventId event, Findings findings) {}

    /**
     * The library's event rules over the stored roster, as of today where the event takes place (so that an event that
     * is over with statuses undecided is said to be).
     */
    public Outcome<Checked> checks(UserAccount user, String eventId) {
        return Scope.permit(user, Permission.READ_RECORDS).then(u -> scope.event(user, eventId))
                .then(e -> scope.curriculumOf(e.value()).then(c -> {
                    stores.db.changes().sync();
                    Optional<Findings> found = checked.get(new CheckKey(e.value().id(), stores.todayAt(e.value())), k -> check(k, c));
                    return found.map(f -> Outcome.done(new Checked(e.value().id(), f.and(betweenEvents(user, e.value())))))
                            .orElseGet(() -> Scope.notFound("event"));
                }));
    }

    /** The rules over the stored roster as of the key's day, with the topics it was read from. */
    private TopicCache.Loaded<Optional<Findings>> check(CheckKey key, Curriculum curriculum) {
        Optional<EventRoster> roster = stores.rosters.load(key.event(), curriculum);
        Set<Topic> topics = new java.util.HashSet<>();
        topics.add(Topic.event(key.event().value()));
        topics.add(Topic.attendance(key.event().value()));
        roster.ifPresent(r -> r.people().keySet().forEach(p -> topics.add(Topic.person(p.value()))));
        return new TopicCache.Loaded<>(roster.map(r -> EventCheck.of(r).on(key.today()).run()), topics);
    }

    /**
     * What the event's days say against the events it is tied to, as far as the user reads them: a cascade that begins
     * before its ToT ends, seen from either side. A save refuses it only against events in the saver's scope, so one
     * saved by a user who could not read the other is told here to whoever reads both (the attacker's re-check).
     */
    private org.cadre.finding.Findings betweenEvents(UserAccount user, Event e) {
        List<org.cadre.finding.Finding> found = new ArrayList<>();
        e.trainersFrom().flatMap(stores.events::summary).map(Versioned::value).filter(t -> Access.covers(user, t))
                .flatMap(t -> org.cadre.roster.CascadeReach.totInTime(e, t)).ifPresent(found::add);
        if (e.kind() == Event.Kind.TOT) {
            found.addAll(cascadesBefore(user, e));
        }
        return org.cadre.finding.Findings.copyOf(found);
    }

    /**
     * The cascades in the user's scope that take their trainers from {@code tot} and begin before it ends, as
     * {@link org.cadre.roster.CascadeReach#cascadesInTime} finds them; one outside the scope is not judged.
     */
    private List<org.cadre.finding.Finding> cascadesBefore(UserAccount user, Event tot) {
        return org.cadre.roster.CascadeReach.cascadesInTime(tot, stores.events.cascadesOf(tot.id()).stream().map(Versioned::value)
                .filter(c -> Access.covers(user, c)).toList());
    }

    /** The event's stored roster with its package version. */
    Outcome<EventRoster> roster(UserAccount user, String eventId, Permission permission) {
        return Scope.permit(user, permission).then(u -> scope.event(user, eventId))
                .then(e -> scope.curriculumOf(e.value()).then(c -> stores.rosters.load(e.value().id(), c).map(Outcome::done)
                        .orElseGet(() -> Scope.notFound("event"))));
    }
}
