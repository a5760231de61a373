package org.cadre.server.store;

import static org.cadre.server.store.schema.Tables.IDEMPOTENT_REQUEST;

import java.util.List;
import java.util.Optional;
import java.util.function.IntConsumer;
import org.cadre.roster.Enrolment;
import org.cadre.roster.Person;

/**
 * Stores a roster import whole or not at all: the new people, their enrolments and, when the request
 * carried an Idempotency-Key, the answer given, so the same request sent again gets the same answer.
 */
public final class RosterImports {

    /** An answer kept for an idempotent request: its status and body, and the hash of the request it answered. */
    public record Answer(String requestHash, int status, String body) {}

    private final Database db;
    private final AuditLog audit;
    private final java.time.Clock clock;

    public RosterImports(Database db, AuditLog audit, java.time.Clock clock) {
        this.db = db;
        this.audit = audit;
        this.clock = clock;
    }

    /** The answer kept for the user's key, if any. */
    public Optional<Answer> answered(String username, String key) {
        return db.dsl().selectFrom(IDEMPOTENT_REQUEST)
                .where(IDEMPOTENT_REQUEST.USERNAME.eq(username).and(IDEMPOTENT_REQUEST.REQUEST_KEY.eq(key)))
                .fetchOptional(r -> new Answer(r.getRequestHash(), r.getStatus(), r.getBody()));
    }

    /** Adds the people and the enrolments in one transaction, reporting each enrolment stored to {@code progress}. */
    public void store(List<Person> newPeople, List<Enrolment> enrolments, String actor, IntConsumer progress) {
        store(newPeople, enrolments, actor, Optional.empty(), null, progress);
    }

    /**
     * Adds the people and the enrolments in one transaction, reporting each enrolment stored to
     * {@code progress}; with a key, keeps the answer (required then) in the same transaction.
     */
    public void store(List<Person> newPeople, List<Enrolment> enrolments, String actor, Optional<String> key,
            Answer answer, IntConsumer progress) {
        People people = new People(db, audit);
        Enrolments enrol = new Enrolments(db, audit);
        db.inTransaction(tx -> {
            int done = 0;
            for (Person p : newPeople) {
                people.add(tx, p, actor);
            }
            for (Enrolment e : enrolments) {
                enrol.addAll(tx, List.of(e), actor);
                progress.accept(++done);
            }
            key.ifPresent(k -> tx.insertInto(IDEMPOTENT_REQUEST).set(IDEMPOTENT_REQUEST.USERNAME, actor)
                    .set(IDEMPOTENT_REQUEST.REQUEST_KEY, k).set(IDEMPOTENT_REQUEST.REQUEST_HASH, answer.requestHash())
                    .set(IDEMPOTENT_REQUEST.STATUS, answer.status()).set(IDEMPOTENT_REQUEST.BODY, answer.body())
                    .set(IDEMPOTENT_REQUEST.CREATED_MS, clock.millis()).execute());
            return null;
        });
    }
}
