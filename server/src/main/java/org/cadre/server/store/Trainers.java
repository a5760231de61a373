package org.cadre.server.store;

import org.cadre.server.values.Versioned;
import static org.cadre.server.store.schema.Tables.TRAINER_ENTRY;
import static org.cadre.server.store.schema.Tables.TRAINER_RECORD;

import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cadre.curriculum.CurriculumId;
import org.cadre.finding.Result;
import org.cadre.roster.EventId;
import org.cadre.roster.PersonId;
import org.cadre.roster.pool.Evidence;
import org.cadre.roster.pool.PoolStatus;
import org.cadre.roster.pool.TrainerPool;
import org.cadre.roster.pool.TrainerRecord;
import org.cadre.server.store.schema.tables.records.TrainerEntryRecord;
import org.cadre.server.store.schema.tables.records.TrainerRecordRecord;
import org.jooq.DSLContext;

/**
 * The stored trainer pool: each record's dated history. A record read back is rebuilt by replaying its
 * history through the domain's own commands, so a stored history that breaks the progression rules is
 * reported rather than silently loaded.
 */
public final class Trainers {

    static final String ENTITY = "trainer";

    private final Database db;
    private final AuditLog audit;

    public Trainers(Database db, AuditLog audit) {
        this.db = db;
        this.audit = audit;
    }

    /**
     * Stores the record: a new one at version 1, or the new steps of a known one if it is still at
     * {@code expectedVersion} (0 for a new record).
     */
    public Versioned<TrainerRecord> save(TrainerRecord r, Period validity, int expectedVersion, String actor) {
        return db.inTransaction(tx -> save(tx, r, validity, expectedVersion, actor));
    }

    /** As {@link #save(TrainerRecord, Period, int, String)}, within the caller's transaction. */
    public Versioned<TrainerRecord> save(DSLContext tx, TrainerRecord r, Period validity, int expectedVersion, String actor) {
        {
            long now = audit.now();
            Optional<TrainerRecordRecord> stored = tx.selectFrom(TRAINER_RECORD).where(key(r.person(), r.curriculum())).fetchOptional();
            int from;
            if (stored.isEmpty()) {
                if (expectedVersion != 0) {
                    throw new StaleVersionException(ENTITY, r.subject(), expectedVersion);
                }
                tx.insertInto(TRAINER_RECORD).set(TRAINER_RECORD.PERSON_ID, r.person().value())
                        .set(TRAINER_RECORD.CURRICULUM_ID, r.curriculum().value()).set(TRAINER_RECORD.VALIDITY, validity.toString())
                        .set(TRAINER_RECORD.VERSION, 1).execute();
                from = 0;
            } else {
                int updated = tx.update(TRAINER_RECORD).set(TRAINER_RECORD.VERSION, expectedVersion + 1)
                        .where(key(r.person(), r.curriculum()).and(TRAINER_RECORD.VERSION.eq(expectedVersion))).execute();
                if (updated == 0) {
                    throw new StaleVersionException(ENTITY, r.subject(), expectedVersion);
                }
                from = tx.fetchCount(TRAINER_ENTRY, TRAINER_ENTRY.PERSON_ID.eq(r.person().value())
                        .and(TRAINER_ENTRY.CURRICULUM_ID.eq(r.curriculum().value())));
            }
            for (int i = from; i < r.history().size(); i++) {
                TrainerRecord.Entry e = r.history().get(i);
                tx.insertInto(TRAINER_ENTRY).set(TRAINER_ENTRY.PERSON_ID, r.person().value())
                        .set(TRAINER_ENTRY.CURRICULUM_ID, r.curriculum().value()).set(TRAINER_ENTRY.POSITION, i)
                        .set(TRAINER_ENTRY.KIND, e.kind().name()).set(TRAINER_ENTRY.ON_DAY, e.on())
                        .set(TRAINER_ENTRY.STATUS, e.status().map(PoolStatus::name).orElse(null))
                        .set(TRAINER_ENTRY.EVIDENCE_KIND, e.evidence().map(x -> x.kind().name()).orElse(null))
                        .set(TRAINER_ENTRY.EVIDENCE_EVENT, e.evidence().flatMap(Evidence::event).map(EventId::value).orElse(null))
                        .set(TRAINER_ENTRY.EVIDENCE_NOTE, e.evidence().map(Evidence::note).orElse(null))
                        .set(TRAINER_ENTRY.NOTE, e.note()).set(TRAINER_ENTRY.RECORDED_AT, now).execute();
            }
            int version = stored.isEmpty() ? 1 : expectedVersion + 1;
            audit.record(tx, actor, stored.isEmpty() ? "create" : "update", ENTITY, r.subject(), null, r.toString());
            return new Versioned<>(r, version);
        }
    }

    public Optional<Versioned<TrainerRecord>> get(PersonId person, CurriculumId curriculum) {
        DSLContext dsl = db.dsl();
        return dsl.selectFrom(TRAINER_RECORD).where(key(person, curriculum)).fetchOptional().map(r -> rebuild(dsl, r));
    }

    /**
     * When each entry of a record's history was recorded (epoch milliseconds), in history order; null for entries
     * recorded before Cadre kept the time (the audit log has it).
     */
    public List<Long> recordedAt(PersonId person, CurriculumId curriculum) {
        return db.dsl().select(TRAINER_ENTRY.RECORDED_AT).from(TRAINER_ENTRY)
                .where(TRAINER_ENTRY.PERSON_ID.eq(person.value()).and(TRAINER_ENTRY.CURRICULUM_ID.eq(curriculum.value())))
                .orderBy(TRAINER_ENTRY.POSITION).fetch(r -> r.value1());
    }

    /** The whole pool, every record rebuilt from its history. */
    public TrainerPool pool() {
        DSLContext dsl = db.dsl();
        return TrainerPool.of(dsl.selectFrom(TRAINER_RECORD).orderBy(TRAINER_RECORD.PERSON_ID, TRAINER_RECORD.CURRICULUM_ID).fetch()
                .stream().map(r -> rebuild(dsl, r).value()).toList());
    }

    private static org.jooq.Condition key(PersonId person, CurriculumId curriculum) {
        return TRAINER_RECORD.PERSON_ID.eq(person.value()).and(TRAINER_RECORD.CURRICULUM_ID.eq(curriculum.value()));
    }

    private static Versioned<TrainerRecord> rebuild(DSLContext dsl, TrainerRecordRecord r) {
        List<TrainerEntryRecord> entries = new ArrayList<>(dsl.selectFrom(TRAINER_ENTRY)
                .where(TRAINER_ENTRY.PERSON_ID.eq(r.getPersonId()).and(TRAINER_ENTRY.CURRICULUM_ID.eq(r.getCurriculumId())))
                .orderBy(TRAINER_ENTRY.POSITION).fetch());
        PersonId person = PersonId.of(r.getPersonId());
        CurriculumId curriculum = CurriculumId.of(r.getCurriculumId());
        Result<TrainerRecord> replay = TrainerRecord.admit(person, curriculum, Period.parse(r.getValidity()), evidence(entries.get(0)));
        for (TrainerEntryRecord e : entries.subList(1, entries.size())) {
            replay = replay.then(x -> switch (TrainerRecord.Entry.Kind.valueOf(e.getKind())) {
                case STEP -> x.promote(PoolStatus.valueOf(e.getStatus()), evidence(e));
                case DELIVERY -> x.recordDelivery(evidence(e));
                case CO_DELIVERY -> x.recordCoDelivery(evidence(e));
                case RECERTIFIED -> x.recertify(evidence(e));
                case INACTIVATED -> x.inactivate(e.getOnDay(), e.getNote());
                case REACTIVATED -> x.reactivate(e.getOnDay(), e.getNote());
            });
        }
        if (!replay.isOk()) {
            throw new IllegalStateException("the stored history of trainer " + person + " for " + curriculum
                    + " breaks the pool's rules: " + replay.refusal());
        }
        return new Versioned<>(replay.value(), r.getVersion());
    }

    private static Evidence evidence(TrainerEntryRecord e) {
        return new Evidence(Evidence.Kind.valueOf(e.getEvidenceKind()), e.getOnDay(),
                Optional.ofNullable(e.getEvidenceEvent()).map(EventId::of), Optional.ofNullable(e.getEvidenceNote()).orElse(""));
    }
}
