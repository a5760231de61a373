package org.cadre.server.store;

import static org.cadre.server.store.schema.Tables.IDEMPOTENT_REQUEST;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntConsumer;
import org.cadre.roster.Enrolment;
import org.cadre.roster.Person;
import org.cadre.roster.PersonId;

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

    /** The most rows stored by one batch of each statement; the progress is told after each such chunk. */
    public static final int CHUNK_ROWS = 1_000;

    /**
     * Rows stored by one chunk of an import of {@code rows}: about a twentieth of them (so a progress bar moves
     * in steps of 5%), at least 50 and at most {@link #CHUNK_ROWS}.
     */
    static int chunk(int rows) {
        return Math.max(50, Math.min(CHUNK_ROWS, rows / 20));
    }

    /** Adds the people and the enrolments in one transaction, reporting the enrolments stored so far to {@code progress}. */
    public void store(List<Person> newPeople, List<Enrolment> enrolments, String actor, IntConsumer progress) {
        store(newPeople, enrolments, actor, Optional.empty(), null, progress);
    }

    /**
     * Adds the people and the enrolments in one transaction, reporting the enrolments stored so far to
     * {@code progress} after each chunk; with a key, keeps the answer (required then) in the same transaction.
     * The rows go in chunks (each new person just before their enrolment), every statement prepared once
     * per chunk and run as a batch: a failure in any chunk (a full disk) leaves nothing of the import stored.
     */
    public void store(List<Person> newPeople, List<Enrolment> enrolments, String actor, Optional<String> key,
            Answer answer, IntConsumer progress) {
        People people = new People(db, audit);
        Enrolments enrol = new Enrolments(db, audit);
        db.inTransaction(tx -> {
            Map<PersonId, Person> toAdd = new LinkedHashMap<>();
            newPeople.forEach(p -> toAdd.put(p.id(), p));
            int size = chunk(enrolments.size());
            for (int from = 0; from < enrolments.size(); from += size) {
                List<Enrolment> chunk = enrolments.subList(from, Math.min(enrolments.size(), from + size));
                List<Person> added = new ArrayList<>();
                for (Enrolment e : chunk) {
                    Person p = toAdd.remove(e.person());
                    if (p != null) {
                        added.add(p);
                    }
                }
                people.addAll(tx, added, actor);
                enrol.addAll(tx, chunk, actor);
                progress.accept(from + chunk.size());
            }
            people.addAll(tx, List.copyOf(toAdd.values()), actor); // none, when every new person is enrolled
            key.ifPresent(k -> tx.insertInto(IDEMPOTENT_REQUEST).set(IDEMPOTENT_REQUEST.USERNAME, actor)
                    .set(IDEMPOTENT_REQUEST.REQUEST_KEY, k).set(IDEMPOTENT_REQUEST.REQUEST_HASH, answer.requestHash())
                    .set(IDEMPOTENT_REQUEST.STATUS, answer.status()).set(IDEMPOTENT_REQUEST.BODY, answer.body())
                    .set(IDEMPOTENT_REQUEST.CREATED_MS, clock.millis()).execute());
            return null;
        });
    }
}
