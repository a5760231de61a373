package org.cadre.server.store;

import org.cadre.server.values.Versioned;
import static org.cadre.server.store.schema.Tables.AGENDA_SLOT;
import static org.cadre.server.store.schema.Tables.AGENDA_TRAINER;
import static org.cadre.server.store.schema.Tables.EVENT;
import static org.cadre.server.store.schema.Tables.EVENT_DAY;
import static org.cadre.server.store.schema.Tables.EVENT_QUOTA;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.cadre.curriculum.CurriculumId;
import org.cadre.curriculum.SemanticVersion;
import org.cadre.curriculum.SessionCode;
import java.time.LocalDate;
import org.cadre.roster.AgendaSlot;
import org.cadre.roster.CourseDay;
import org.cadre.roster.Venue;
import org.cadre.roster.Country;
import org.cadre.roster.DateRange;
import org.cadre.roster.Event;
import org.cadre.roster.EventId;
import org.cadre.roster.PersonId;
import org.cadre.roster.ProgrammeId;
import org.cadre.server.store.schema.tables.records.EventRecord;
import org.jooq.DSLContext;

/** Stored events with their quotas and agenda. */
public final class Events {

    static final String ENTITY = "event";

    private final Database db;
    private final AuditLog audit;

    public Events(Database db, AuditLog audit) {
        this.db = db;
        this.audit = audit;
    }

    public Versioned<Event> add(Event e, String actor) {
        return db.inTransaction(tx -> {
            Database.touch(tx, Topic.event(e.id().value()));
            tx.insertInto(EVENT).set(row(tx, e, 1)).execute();
            writeChildren(tx, e);
            audit.record(tx, actor, "create", ENTITY, e.id().value(), null, describe(e));
            return new Versioned<>(e, 1);
        });
    }

    /** Replaces the event, its quotas and agenda if still at {@code expectedVersion}. */
    public Versioned<Event> update(Event e, int expectedVersion, String actor) {
        return db.inTransaction(tx -> {
            Optional<Versioned<Event>> before = get(tx, e.id());
            Database.touch(tx, Topic.event(e.id().value()));
            int updated = tx.update(EVENT).set(row(tx, e, expectedVersion + 1))
                    .where(EVENT.ID.eq(e.id().value()).and(EVENT.VERSION.eq(expectedVersion))).execute();
            if (updated == 0) {
                throw new StaleVersionException(ENTITY, e.id().value(), expectedVersion);
            }
            tx.deleteFrom(AGENDA_TRAINER).where(AGENDA_TRAINER.EVENT_ID.eq(e.id().value())).execute();
            tx.deleteFrom(AGENDA_SLOT).where(AGENDA_SLOT.EVENT_ID.eq(e.id().value())).execute();
            tx.deleteFrom(EVENT_QUOTA).where(EVENT_QUOTA.EVENT_ID.eq(e.id().value())).execute();
            tx.deleteFrom(EVENT_DAY).where(EVENT_DAY.EVENT_ID.eq(e.id().value())).execute();
            writeChildren(tx, e);
            audit.record(tx, actor, "update", ENTITY, e.id().value(), before.map(b -> describe(b.value())).orElse(null), describe(e));
            return new Versioned<>(e, expectedVersion + 1);
        });
    }

    public Optional<Versioned<Event>> get(EventId id) {
        return get(db.dsl(), id);
    }

    /**
     * The event without its agenda and quotas, in one query: enough to check who may see it and to name
     * it, for the requests that need no more (a roster, a status change).
     */
    public Optional<Versioned<Event>> summary(EventId id) {
        return db.dsl().selectFrom(EVENT).where(EVENT.ID.eq(id.value())).fetchOptional().map(r -> build(r, ImmutableList.of(), ImmutableMap.of(), ImmutableList.of()));
    }

    /** The events that take their trainers from this ToT, without their agendas, by id, in one query. */
    public List<Versioned<Event>> cascadesOf(EventId tot) {
        return db.dsl().selectFrom(EVENT).where(EVENT.TRAINERS_FROM.eq(tot.value())).orderBy(EVENT.ID).fetch()
                .map(r -> build(r, ImmutableList.of(), ImmutableMap.of(), ImmutableList.of()));
    }

    /** The sessions on the event's agenda, each with the days it is held (none for an event not stored), in one query. */
    public Map<SessionCode, java.util.Set<LocalDate>> sessionDays(EventId id) {
        Map<SessionCode, java.util.Set<LocalDate>> days = new java.util.HashMap<>();
        db.dsl().select(AGENDA_SLOT.SESSION_CODE, AGENDA_SLOT.DAY).from(AGENDA_SLOT).where(AGENDA_SLOT.EVENT_ID.eq(id.value()))
                .forEach(r -> days.computeIfAbsent(SessionCode.of(r.value1()), k -> new java.util.HashSet<>()).add(r.value2()));
        days.replaceAll((k, v) -> java.util.Set.copyOf(v));
        return days;
    }

    /** The closed events' closing days, in one query. */
    public Map<EventId, LocalDate> closedDays() {
        return db.dsl().select(EVENT.ID, EVENT.CLOSED_ON).from(EVENT).where(EVENT.CLOSED_ON.isNotNull())
                .fetchMap(r -> EventId.of(r.value1()), r -> r.value2());
    }

    /** The business day the event was closed, if it was. */
    public Optional<LocalDate> closedOn(EventId id) {
        return db.dsl().select(EVENT.CLOSED_ON).from(EVENT).where(EVENT.ID.eq(id.value())).fetchOptional(r -> r.value1());
    }

    /**
     * Marks the event closed on a business day, within the caller's transaction, if it is still open and at
     * {@code expectedVersion}; the event's version grows.
     */
    public void markClosed(DSLContext tx, EventId id, LocalDate on, int expectedVersion, String actor) {
        Database.touch(tx, Topic.event(id.value()));
        int updated = tx.update(EVENT).set(EVENT.CLOSED_ON, on).set(EVENT.VERSION, expectedVersion + 1)
                .where(EVENT.ID.eq(id.value()).and(EVENT.VERSION.eq(expectedVersion)).and(EVENT.CLOSED_ON.isNull())).execute();
        if (updated == 0) {
            throw new StaleVersionException(ENTITY, id.value(), expectedVersion);
        }
        audit.record(tx, actor, "close", ENTITY, id.value(), null, "closed on " + on);
    }

    /** Where every event is held and under which programme: what a scope is decided on, in one query. */
    public List<org.cadre.server.security.EventPlace> places() {
        return db.dsl().select(EVENT.ID, EVENT.PROGRAMME_ID, EVENT.COUNTRY).from(EVENT).orderBy(EVENT.ID)
                .fetch(r -> new org.cadre.server.security.EventPlace(EventId.of(r.value1()), org.cadre.roster.ProgrammeId.of(r.value2()),
                        org.cadre.roster.Country.of(r.value3())));
    }

    /** Every event, by id. */
    public List<Versioned<Event>> all() {
        DSLContext dsl = db.dsl();
        return dsl.selectFrom(EVENT).orderBy(EVENT.ID).fetch().stream().map(r -> toDomain(dsl, r)).toList();
    }

    private static EventRecord row(DSLContext tx, Event e, int version) {
        EventRecord r = tx.newRecord(EVENT);
        r.setId(e.id().value());
        r.setTitle(e.title());
        r.setProgrammeId(e.programme().value());
        r.setCurriculumId(e.curriculum().value());
        r.setCurriculumVersion(e.version().toString());
        r.setKind(e.kind().name());
        r.setCity(e.city());
        r.setCountry(e.country().code());
        r.setTimeZone(e.zone().getId());
        r.setFirstDay(e.courseDays().first());
        r.setLastDay(e.courseDays().last());
        r.setArrivalDay(e.travelWindow().first());
        r.setDepartureDay(e.travelWindow().last());
        r.setMinParticipants(e.minParticipants());
        r.setMaxParticipants(e.maxParticipants());
        r.setLanguages(String.join(",", e.languages()));
        r.setInterpretation(e.interpretation());
        r.setTrainersFrom(e.trainersFrom().map(EventId::value).orElse(null));
        r.setModules(e.modules().stream().map(Object::toString).collect(Collectors.joining(",")));
        r.setVersion(version);
        return r;
    }

    private static void writeChildren(DSLContext tx, Event e) {
        for (CourseDay d : e.days()) {
            tx.insertInto(EVENT_DAY).set(EVENT_DAY.EVENT_ID, e.id().value()).set(EVENT_DAY.DAY, d.day())
                    .set(EVENT_DAY.PLACE, d.venue().place()).set(EVENT_DAY.COUNTRY, d.venue().country().code())
                    .set(EVENT_DAY.REGION, d.venue().region().orElse(null)).execute();
        }
        e.quotas().forEach((country, seats) -> tx.insertInto(EVENT_QUOTA).set(EVENT_QUOTA.EVENT_ID, e.id().value())
                .set(EVENT_QUOTA.COUNTRY, country.code()).set(EVENT_QUOTA.SEATS, seats).execute());
        for (int i = 0; i < e.agenda().size(); i++) {
            AgendaSlot s = e.agenda().get(i);
            tx.insertInto(AGENDA_SLOT).set(AGENDA_SLOT.EVENT_ID, e.id().value()).set(AGENDA_SLOT.POSITION, i)
                    .set(AGENDA_SLOT.SESSION_CODE, s.session().value()).set(AGENDA_SLOT.DAY, s.day())
                    .set(AGENDA_SLOT.START_MINUTE, s.start().toSecondOfDay() / 60).set(AGENDA_SLOT.END_MINUTE, s.end().toSecondOfDay() / 60)
                    .execute();
            for (PersonId t : s.trainers()) {
                tx.insertInto(AGENDA_TRAINER).set(AGENDA_TRAINER.EVENT_ID, e.id().value()).set(AGENDA_TRAINER.POSITION, i)
                        .set(AGENDA_TRAINER.PERSON_ID, t.value()).execute();
            }
        }
    }

    private static Optional<Versioned<Event>> get(DSLContext dsl, EventId id) {
        return dsl.selectFrom(EVENT).where(EVENT.ID.eq(id.value())).fetchOptional().map(r -> toDomain(dsl, r));
    }

    private static Versioned<Event> toDomain(DSLContext dsl, EventRecord r) {
        Map<Integer, List<PersonId>> trainers = dsl.selectFrom(AGENDA_TRAINER).where(AGENDA_TRAINER.EVENT_ID.eq(r.getId()))
                .orderBy(AGENDA_TRAINER.POSITION, AGENDA_TRAINER.PERSON_ID).fetch().stream()
                .collect(Collectors.groupingBy(t -> t.getPosition(), Collectors.mapping(t -> PersonId.of(t.getPersonId()), Collectors.toList())));
        ImmutableList<AgendaSlot> agenda = dsl.selectFrom(AGENDA_SLOT).where(AGENDA_SLOT.EVENT_ID.eq(r.getId()))
                .orderBy(AGENDA_SLOT.POSITION).fetch().stream()
                .map(s -> new AgendaSlot(SessionCode.of(s.getSessionCode()), s.getDay(), LocalTime.ofSecondOfDay(s.getStartMinute() * 60L),
                        LocalTime.ofSecondOfDay(s.getEndMinute() * 60L), ImmutableSet.copyOf(trainers.getOrDefault(s.getPosition(), List.of()))))
                .collect(ImmutableList.toImmutableList());
        ImmutableMap<Country, Integer> quotas = dsl.selectFrom(EVENT_QUOTA).where(EVENT_QUOTA.EVENT_ID.eq(r.getId()))
                .orderBy(EVENT_QUOTA.COUNTRY).fetch().stream()
                .collect(ImmutableMap.toImmutableMap(q -> Country.of(q.getCountry()), q -> q.getSeats()));
        ImmutableList<CourseDay> days = dsl.selectFrom(EVENT_DAY).where(EVENT_DAY.EVENT_ID.eq(r.getId())).orderBy(EVENT_DAY.DAY)
                .fetch().stream().map(d -> new CourseDay(d.getDay(), new Venue(d.getPlace(), Country.of(d.getCountry()),
                        java.util.Optional.ofNullable(d.getRegion())))).collect(ImmutableList.toImmutableList());
        return build(r, agenda, quotas, days);
    }

    private static Versioned<Event> build(EventRecord r, ImmutableList<AgendaSlot> agenda, ImmutableMap<Country, Integer> quotas,
            ImmutableList<CourseDay> days) {
        Event.Builder b = Event.builder(EventId.of(r.getId()), r.getTitle(), ProgrammeId.of(r.getProgrammeId()),
                        CurriculumId.of(r.getCurriculumId()), SemanticVersion.parse(r.getCurriculumVersion()), Event.Kind.valueOf(r.getKind()))
                .venue(r.getCity(), Country.of(r.getCountry()), ZoneId.of(r.getTimeZone()))
                .courseDays(DateRange.of(r.getFirstDay(), r.getLastDay()))
                .travelWindow(DateRange.of(r.getArrivalDay(), r.getDepartureDay()))
                .participants(r.getMinParticipants(), r.getMaxParticipants())
                .languages(r.getLanguages().isEmpty() ? new String[0] : r.getLanguages().split(","))
                .interpretation(r.getInterpretation())
                .agenda(agenda)
                .days(days)
                .modules(r.getModules().isEmpty() ? List.of()
                        : java.util.Arrays.stream(r.getModules().split(",")).map(org.cadre.curriculum.ModuleCode::of).toList());
        quotas.forEach(b::quota);
        if (r.getTrainersFrom() != null) {
            b.trainersFrom(EventId.of(r.getTrainersFrom()));
        }
        return new Versioned<>(b.build(), r.getVersion());
    }

    /** For the audit log: the event's fields without its agenda (which is logged as a count). */
    private static String describe(Event e) {
        return e.id() + " " + e.title() + " " + e.courseDays() + " " + e.city() + " agenda=" + e.agenda().size()
                + " quotas=" + e.quotas();
    }

}
