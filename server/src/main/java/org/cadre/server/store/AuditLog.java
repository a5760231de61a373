package org.cadre.server.store;

import static org.cadre.server.store.schema.Tables.AUDIT_LOG;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;

/** The audit log: who changed what and when, with the old and new value, written inside the change's transaction. */
public final class AuditLog {

    /** One entry. */
    public record Entry(long atMillis, String actor, String action, String entity, String entityId, String oldValue,
            String newValue) {}

    private static final java.util.concurrent.atomic.AtomicLong SEQUENCE = new java.util.concurrent.atomic.AtomicLong();

    private final Clock clock;

    public AuditLog(Clock clock) {
        this.clock = clock;
    }

    /**
     * An id that sorts in the order entries were made: the time, then a counter of this process, then
     * random digits so that several server instances never collide.
     */
    private static String sortableId(long millis) {
        return String.format(java.util.Locale.ROOT, "%013x-%08x-%s", millis, SEQUENCE.incrementAndGet() & 0xFFFFFFFFL,
                UUID.randomUUID().toString().substring(24));
    }

    /** The time a record is being written, for the {@code recorded_at} of business-dated rows. */
    public long now() {
        return clock.millis();
    }

    /** Records a change; call it with the transaction's context so both commit or neither does. */
    public void record(DSLContext tx, String actor, String action, String entity, String entityId, String oldValue, String newValue) {
        long now = clock.millis();
        tx.insertInto(AUDIT_LOG)
                .set(AUDIT_LOG.ID, sortableId(now))
                .set(AUDIT_LOG.AT_MILLIS, now)
                .set(AUDIT_LOG.ACTOR, actor)
                .set(AUDIT_LOG.ACTION, action)
                .set(AUDIT_LOG.ENTITY, entity)
                .set(AUDIT_LOG.ENTITY_ID, entityId)
                .set(AUDIT_LOG.OLD_VALUE, oldValue)
                .set(AUDIT_LOG.NEW_VALUE, newValue)
                .execute();
    }

    /** Every entry about one record, oldest first. */
    public List<Entry> of(Database db, String entity, String entityId) {
        return db.dsl().selectFrom(AUDIT_LOG)
                .where(AUDIT_LOG.ENTITY.eq(entity).and(AUDIT_LOG.ENTITY_ID.eq(entityId)))
                .orderBy(AUDIT_LOG.AT_MILLIS, AUDIT_LOG.ID)
                .fetch(r -> new Entry(r.getAtMillis(), r.getActor(), r.getAction(), r.getEntity(), r.getEntityId(),
                        r.getOldValue(), r.getNewValue()));
    }
}
