package org.cadre.server.store;

import org.cadre.server.values.Versioned;
import static org.cadre.server.store.schema.Tables.ATTENDANCE;
import static org.cadre.server.store.schema.Tables.ENROLMENT;
import static org.cadre.server.store.schema.Tables.ENROLMENT_STATUS;
import static org.cadre.server.store.schema.Tables.EVENT;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.cadre.curriculum.SessionCode;
import org.cadre.roster.Attendance;
import org.cadre.roster.AttendanceMark;
import org.cadre.roster.Enrolment;
import org.cadre.roster.EnrolmentStatus;
import org.cadre.roster.EventId;
import org.cadre.roster.OrganisationId;
import org.cadre.roster.PersonId;
import org.cadre.roster.Role;
import org.cadre.server.store.schema.tables.records.EnrolmentRecord;
import org.jooq.DSLContext;

/**
 * Stored enrolments with their whole status history, and the attendance marks of enrolled people.
 * Status changes are decided by the domain ({@link Enrolment#moveTo}); the store keeps what it decided.
 */
public final class Enrolments {

    static final String ENTITY = "enrolment";

    private final Database db;
    private final AuditLog audit;

    public Enrolments(Database db, AuditLog audit) {
        this.db = db;
        this.audit = audit;
    }

    /** Stores every enrolment or, if any cannot be stored, none (a roster import). */
    public List<Versioned<Enrolment>> addAll(List<Enrolment> enrolments, String actor) {
        return db.inTransaction(tx -> addAll(tx, enrolments, actor));
    }

    /**
     * Stores the enrolments, their histories and an audit entry each, in one batch per table (one prepared
     * statement each), within the caller's transaction.
     */
    List<Versioned<Enrolment>> addAll(DSLContext tx, List<Enrolment> enrolments, String actor) {
        enrolments.stream().map(e -> e.event().value()).distinct().forEach(id -> Database.touch(tx, Topic.event(id)));
        if (enrolments.isEmpty()) {
            return List.of();
        }
        List<AuditLog.Change> created = new java.util.ArrayList<>(enrolments.size());
        // Written out rather than rendered by jOOQ: a roster import runs it for every row.
        tx.connection(c -> {
            try (java.sql.PreparedStatement insert = c.prepareStatement(INSERT_ENROLMENT)) {
                for (Enrolment e : enrolments) {
                    insert.setString(1, e.event().value());
                    insert.setString(2, e.person().value());
                    insert.setString(3, e.role().name());
                    insert.setString(4, e.nominatedBy().map(OrganisationId::value).orElse(null));
                    insert.setInt(5, 1);
                    insert.addBatch();
                    created.add(new AuditLog.Change("create", ENTITY, key(e), null, e.role() + " " + e.status().label()));
                }
                insert.executeBatch();
            }
        });
        writeHistories(tx, enrolments, e -> 0);
        audit.recordAll(tx, actor, created);
        return enrolments.stream().map(e -> new Versioned<>(e, 1)).toList();
    }

    /**
     * Stores the enrolment's new status history if the stored one is still at {@code expectedVersion};
     * the history only grows, so only the new steps are written.
     */
    public Versioned<Enrolment> save(Enrolment e, int expectedVersion, String actor) {
        return db.inTransaction(tx -> save(tx, e, expectedVersion, actor));
    }

    /** As {@link #save(Enrolment, int, String)}, within the caller's transaction (a bulk change, closing an event). */
    public Versioned<Enrolment> save(DSLContext tx, Enrolment e, int expectedVersion, String actor) {
        {
            Database.touch(tx, Topic.event(e.event().value()));
            Enrolment before = get(tx, e.event(), e.person()).map(Versioned::value)
                    .orElseThrow(() -> new StaleVersionException(ENTITY, key(e), expectedVersion));
            int updated = tx.update(ENROLMENT).set(ENROLMENT.VERSION, expectedVersion + 1)
                    .where(ENROLMENT.EVENT_ID.eq(e.event().value()).and(ENROLMENT.PERSON_ID.eq(e.person().value()))
                            .and(ENROLMENT.VERSION.eq(expectedVersion)))
                    .execute();
            if (updated == 0) {
                throw new StaleVersionException(ENTITY, key(e), expectedVersion);
            }
            if (!e.history().subList(0, before.history().size()).equals(before.history())) {
                throw new IllegalArgumentException("enrolment " + key(e) + ": the stored status history cannot be rewritten, only extended");
            }
            writeHistory(tx, e, before.history().size());
            audit.record(tx, actor, "status", ENTITY, key(e), before.status().label(), e.status().label());
            return new Versioned<>(e, expectedVersion + 1);
        }
    }

    /**
     * When each step of the event's enrolment histories was recorded (epoch milliseconds), by person, in
     * history order; null for steps recorded before Cadre kept the time (the audit log has it).
     */
    public Map<PersonId, List<Long>> recordedAt(EventId event) {
        Map<PersonId, List<Long>> out = new java.util.HashMap<>();
        db.dsl().select(ENROLMENT_STATUS.PERSON_ID, ENROLMENT_STATUS.RECORDED_AT).from(ENROLMENT_STATUS)
                .where(ENROLMENT_STATUS.EVENT_ID.eq(event.value())).orderBy(ENROLMENT_STATUS.PERSON_ID, ENROLMENT_STATUS.POSITION)
                .forEach(r -> out.computeIfAbsent(PersonId.of(r.value1()), p -> new java.util.ArrayList<>()).add(r.value2()));
        return out;
    }

    public Optional<Versioned<Enrolment>> get(EventId event, PersonId person) {
        return get(db.dsl(), event, person);
    }

    /** Where a person is enrolled: each event's id, programme and country (what a scope is decided on). */
    public List<org.cadre.server.security.EventPlace> placesOf(PersonId person) {
        return db.dsl().select(EVENT.ID, EVENT.PROGRAMME_ID, EVENT.COUNTRY).from(ENROLMENT).join(EVENT).on(EVENT.ID.eq(ENROLMENT.EVENT_ID))
                .where(ENROLMENT.PERSON_ID.eq(person.value()))
                .fetch(r -> new org.cadre.server.security.EventPlace(EventId.of(r.value1()), org.cadre.roster.ProgrammeId.of(r.value2()), org.cadre.roster.Country.of(r.value3())));
    }

    /** Where each of these people is enrolled, in one query per thousand people (none: an empty list). */
    public Map<PersonId, List<org.cadre.server.security.EventPlace>> placesOf(java.util.Collection<PersonId> people) {
        Map<PersonId, List<org.cadre.server.security.EventPlace>> found = new java.util.HashMap<>();
        List<String> ids = people.stream().map(PersonId::value).distinct().toList();
        ids.forEach(id -> found.put(PersonId.of(id), new java.util.ArrayList<>()));
        for (int from = 0; from < ids.size(); from += 1000) {
            db.dsl().select(ENROLMENT.PERSON_ID, EVENT.ID, EVENT.PROGRAMME_ID, EVENT.COUNTRY).from(ENROLMENT).join(EVENT)
                    .on(EVENT.ID.eq(ENROLMENT.EVENT_ID)).where(ENROLMENT.PERSON_ID.in(ids.subList(from, Math.min(ids.size(), from + 1000))))
                    .forEach(r -> found.get(PersonId.of(r.value1())).add(new org.cadre.server.security.EventPlace(EventId.of(r.value2()),
                            org.cadre.roster.ProgrammeId.of(r.value3()), org.cadre.roster.Country.of(r.value4()))));
        }
        return found;
    }

    /** The roles each of these people is enrolled in over every event, in one query per thousand people. */
    public Map<PersonId, java.util.Set<Role>> rolesOf(java.util.Collection<PersonId> people) {
        Map<PersonId, java.util.Set<Role>> found = new java.util.HashMap<>();
        List<String> ids = people.stream().map(PersonId::value).distinct().toList();
        ids.forEach(id -> found.put(PersonId.of(id), java.util.EnumSet.noneOf(Role.class)));
        for (int from = 0; from < ids.size(); from += 1000) {
            db.dsl().selectDistinct(ENROLMENT.PERSON_ID, ENROLMENT.ROLE).from(ENROLMENT)
                    .where(ENROLMENT.PERSON_ID.in(ids.subList(from, Math.min(ids.size(), from + 1000))))
                    .forEach(r -> found.get(PersonId.of(r.value1())).add(Role.valueOf(r.value2())));
        }
        return found;
    }

    /** The roles a person is enrolled in, over every event. */
    public java.util.Set<Role> rolesOf(PersonId person) {
        return db.dsl().selectDistinct(ENROLMENT.ROLE).from(ENROLMENT).where(ENROLMENT.PERSON_ID.eq(person.value()))
                .fetch(r -> Role.valueOf(r.value1())).stream().collect(java.util.stream.Collectors.toSet());
    }

    /** Everyone enrolled in any of these events, in one query per thousand events. */
    public java.util.Set<PersonId> peopleIn(java.util.Collection<EventId> events) {
        java.util.Set<PersonId> found = new java.util.HashSet<>();
        List<String> ids = events.stream().map(EventId::value).distinct().toList();
        for (int from = 0; from < ids.size(); from += 1000) {
            db.dsl().selectDistinct(ENROLMENT.PERSON_ID).from(ENROLMENT).where(ENROLMENT.EVENT_ID.in(ids.subList(from, Math.min(ids.size(), from + 1000))))
                    .fetch(r -> PersonId.of(r.value1())).forEach(found::add);
        }
        return found;
    }

    /**
     * One line of an event's roster: the enrolment, its person (empty only if not stored) and when each step
     * of its status history was recorded (epoch milliseconds; null for steps recorded before Cadre kept it).
     */
    public record Line(Versioned<Enrolment> enrolment, Optional<Versioned<org.cadre.roster.Person>> person, List<Long> recordedAt) {}

    /**
     * The event's roster in one query: every enrolment joined with its person and its status history, in
     * the order of the people's ids.
     */
    public List<Line> lines(EventId event) {
        var person = org.cadre.server.store.schema.Tables.PERSON;
        List<Line> lines = new java.util.ArrayList<>();
        EnrolmentRecord current = null;
        org.cadre.server.store.schema.tables.records.PersonRecord currentPerson = null;
        List<Enrolment.StatusChange> history = new java.util.ArrayList<>();
        List<Long> recorded = new java.util.ArrayList<>();
        for (var r : db.dsl().select(ENROLMENT.asterisk(), ENROLMENT_STATUS.STATUS, ENROLMENT_STATUS.ON_DAY, ENROLMENT_STATUS.RECORDED_AT,
                        person.asterisk())
                .from(ENROLMENT)
                .leftJoin(ENROLMENT_STATUS).on(ENROLMENT_STATUS.EVENT_ID.eq(ENROLMENT.EVENT_ID).and(ENROLMENT_STATUS.PERSON_ID.eq(ENROLMENT.PERSON_ID)))
                .leftJoin(person).on(person.ID.eq(ENROLMENT.PERSON_ID))
                .where(ENROLMENT.EVENT_ID.eq(event.value()))
                .orderBy(ENROLMENT.PERSON_ID, ENROLMENT_STATUS.POSITION)
                .fetch()) {
            EnrolmentRecord e = r.into(ENROLMENT);
            if (current == null || !current.getPersonId().equals(e.getPersonId())) {
                if (current != null) {
                    lines.add(line(current, currentPerson, history, recorded));
                }
                current = e;
                currentPerson = r.get(person.ID) == null ? null : r.into(person);
                history = new java.util.ArrayList<>();
                recorded = new java.util.ArrayList<>();
            }
            if (r.get(ENROLMENT_STATUS.STATUS) != null) {
                history.add(new Enrolment.StatusChange(EnrolmentStatus.valueOf(r.get(ENROLMENT_STATUS.STATUS)), r.get(ENROLMENT_STATUS.ON_DAY)));
                recorded.add(r.get(ENROLMENT_STATUS.RECORDED_AT));
            }
        }
        if (current != null) {
            lines.add(line(current, currentPerson, history, recorded));
        }
        return lines;
    }

    private static Line line(EnrolmentRecord e, org.cadre.server.store.schema.tables.records.PersonRecord p, List<Enrolment.StatusChange> history,
            List<Long> recorded) {
        return new Line(toDomain(e, history), Optional.ofNullable(p).map(People::toDomain), java.util.Collections.unmodifiableList(recorded));
    }


    /** Everyone enrolled in the event (none for an event not stored), in one query. */
    public java.util.Set<PersonId> enrolledIn(EventId event) {
        return db.dsl().select(ENROLMENT.PERSON_ID).from(ENROLMENT).where(ENROLMENT.EVENT_ID.eq(event.value()))
                .fetchSet(r -> PersonId.of(r.value1()));
    }

    public List<Versioned<Enrolment>> ofEvent(EventId event) {
        DSLContext dsl = db.dsl();
        Map<String, List<Enrolment.StatusChange>> histories = dsl.selectFrom(ENROLMENT_STATUS)
                .where(ENROLMENT_STATUS.EVENT_ID.eq(event.value())).orderBy(ENROLMENT_STATUS.PERSON_ID, ENROLMENT_STATUS.POSITION)
                .fetch().stream().collect(Collectors.groupingBy(s -> s.getPersonId(), Collectors.mapping(
                        s -> new Enrolment.StatusChange(EnrolmentStatus.valueOf(s.getStatus()), s.getOnDay()), Collectors.toList())));
        return dsl.selectFrom(ENROLMENT).where(ENROLMENT.EVENT_ID.eq(event.value())).orderBy(ENROLMENT.PERSON_ID).fetch().stream()
                .map(r -> toDomain(r, histories.getOrDefault(r.getPersonId(), List.of()))).toList();
    }

    private static final String INSERT_ENROLMENT = "INSERT INTO enrolment (event_id, person_id, role, nominated_by, version)"
            + " VALUES (?, ?, ?, ?, ?)";

    private static final String UPSERT_MARK = "INSERT INTO attendance (event_id, person_id, session_code, mark) VALUES (?, ?, ?, ?)"
            + " ON CONFLICT (event_id, person_id, session_code) DO UPDATE SET mark = excluded.mark";

    /** Records a day's (or session's) marks in one transaction: each replaces any earlier mark for the same session. */
    public void recordAttendance(EventId event, List<Attendance> marks, String actor) {
        // Committed with other attendance writes waiting at the same moment (one sync for all); each ends as alone.
        db.inGroupCommit(tx -> {
            Database.touch(tx, Topic.attendance(event.value()));
            List<AuditLog.Change> changes = markChanges(tx, event, marks);
            // One upsert per mark, all in one batch: two people marking the same session at once both succeed, the
            // later mark standing (a delete then an insert raced on the primary key on PostgreSQL).
            // Written out rather than rendered by jOOQ: the most frequent write of all.
            if (!marks.isEmpty()) {
                tx.connection(c -> {
                    try (java.sql.PreparedStatement upsert = c.prepareStatement(UPSERT_MARK)) {
                        for (Attendance a : marks) {
                            upsert.setString(1, event.value());
                            upsert.setString(2, a.person().value());
                            upsert.setString(3, a.session().value());
                            upsert.setString(4, a.mark().name());
                            upsert.addBatch();
                        }
                        upsert.executeBatch();
                    }
                });
            }
            audit.recordAll(tx, actor, changes);
            return null;
        });
    }

    private static final String READ_MARKS = "SELECT person_id, mark FROM attendance WHERE event_id = ? AND session_code = ?";

    /**
     * What the marks change, per session, as audit entries: each mark that differs from the one recorded
     * (the person, the old mark or none, the new mark), so the log shows whose attendance changed and how;
     * a session whose marks all stay is logged as such. Read before the marks are written, in their transaction.
     */
    private static List<AuditLog.Change> markChanges(DSLContext tx, EventId event, List<Attendance> marks) {
        Map<SessionCode, List<Attendance>> bySession = new java.util.TreeMap<>(java.util.Comparator.comparing(SessionCode::value));
        marks.forEach(a -> bySession.computeIfAbsent(a.session(), k -> new java.util.ArrayList<>()).add(a));
        List<AuditLog.Change> changes = new java.util.ArrayList<>();
        if (bySession.isEmpty()) {
            changes.add(new AuditLog.Change("attendance", "event", event.value(), null, "no marks"));
        }
        bySession.forEach((session, recorded) -> {
            Map<String, String> before = new java.util.HashMap<>();
            tx.connection(c -> {
                try (java.sql.PreparedStatement read = c.prepareStatement(READ_MARKS)) {
                    read.setString(1, event.value());
                    read.setString(2, session.value());
                    try (java.sql.ResultSet r = read.executeQuery()) {
                        while (r.next()) {
                            before.put(r.getString(1), r.getString(2));
                        }
                    }
                }
            });
            List<String[]> changed = new java.util.ArrayList<>();
            for (Attendance a : recorded.stream().sorted(java.util.Comparator.comparing(x -> x.person().value())).toList()) {
                String old = before.get(a.person().value());
                if (!a.mark().name().equals(old)) {
                    changed.add(new String[] {a.person().value() + " " + (old == null ? "none" : org.cadre.kernel.Label.of(AttendanceMark.valueOf(old))),
                        a.person().value() + " " + org.cadre.kernel.Label.of(a.mark())});
                }
            }
            changes.addAll(AuditLog.listed("attendance", "event", event.value(), session.value() + ": ", changed,
                    session.value() + ": " + recorded.size() + " marks, none changed"));
        });
        return changes;
    }

    /** The marks of one session of the event. */
    public List<Attendance> attendance(EventId event, SessionCode session) {
        return db.dsl().selectFrom(ATTENDANCE).where(ATTENDANCE.EVENT_ID.eq(event.value()).and(ATTENDANCE.SESSION_CODE.eq(session.value())))
                .orderBy(ATTENDANCE.PERSON_ID)
                .fetch(r -> new Attendance(PersonId.of(r.getPersonId()), SessionCode.of(r.getSessionCode()), AttendanceMark.valueOf(r.getMark())));
    }

    public List<Attendance> attendance(EventId event) {
        return db.dsl().selectFrom(ATTENDANCE).where(ATTENDANCE.EVENT_ID.eq(event.value()))
                .orderBy(ATTENDANCE.PERSON_ID, ATTENDANCE.SESSION_CODE)
                .fetch(r -> new Attendance(PersonId.of(r.getPersonId()), SessionCode.of(r.getSessionCode()), AttendanceMark.valueOf(r.getMark())));
    }

    private static Optional<Versioned<Enrolment>> get(DSLContext dsl, EventId event, PersonId person) {
        return dsl.selectFrom(ENROLMENT).where(ENROLMENT.EVENT_ID.eq(event.value()).and(ENROLMENT.PERSON_ID.eq(person.value())))
                .fetchOptional().map(r -> toDomain(r, dsl.selectFrom(ENROLMENT_STATUS)
                        .where(ENROLMENT_STATUS.EVENT_ID.eq(event.value()).and(ENROLMENT_STATUS.PERSON_ID.eq(person.value())))
                        .orderBy(ENROLMENT_STATUS.POSITION)
                        .fetch(s -> new Enrolment.StatusChange(EnrolmentStatus.valueOf(s.getStatus()), s.getOnDay()))));
    }

    private void writeHistory(DSLContext tx, Enrolment e, int from) {
        writeHistories(tx, List.of(e), x -> from);
    }

    private static final String INSERT_STATUS = "INSERT INTO enrolment_status (event_id, person_id, position, status, on_day, recorded_at)"
            + " VALUES (?, ?, ?, ?, ?, ?)";

    /**
     * Writes each enrolment's history from the step {@code from} gives it on, in one batch. Written out rather
     * than a jOOQ batch (binding its values was a sixth of a large roster import); the day is bound as jOOQ
     * binds it: a {@code DATE} on PostgreSQL, its ISO text ({@code 2023-09-15}) on SQLite.
     */
    private void writeHistories(DSLContext tx, List<Enrolment> enrolments, java.util.function.ToIntFunction<Enrolment> from) {
        long now = audit.now();
        boolean sqlite = tx.dialect().family() == org.jooq.SQLDialect.SQLITE;
        tx.connection(c -> {
            try (java.sql.PreparedStatement insert = c.prepareStatement(INSERT_STATUS)) {
                int steps = 0;
                for (Enrolment e : enrolments) {
                    for (int i = from.applyAsInt(e); i < e.history().size(); i++) {
                        Enrolment.StatusChange change = e.history().get(i);
                        insert.setString(1, e.event().value());
                        insert.setString(2, e.person().value());
                        insert.setInt(3, i);
                        insert.setString(4, change.status().name());
                        if (sqlite) {
                            insert.setString(5, change.on().toString());
                        } else {
                            insert.setObject(5, change.on());
                        }
                        insert.setLong(6, now);
                        insert.addBatch();
                        steps++;
                    }
                }
                if (steps > 0) {
                    insert.executeBatch();
                }
            }
        });
    }

    private static Versioned<Enrolment> toDomain(EnrolmentRecord r, List<Enrolment.StatusChange> history) {
        return new Versioned<>(new Enrolment(PersonId.of(r.getPersonId()), EventId.of(r.getEventId()), Role.valueOf(r.getRole()),
                Optional.ofNullable(r.getNominatedBy()).map(OrganisationId::of), ImmutableList.copyOf(history)), r.getVersion());
    }

    private static String key(Enrolment e) {
        return e.event() + "/" + e.person();
    }
}
