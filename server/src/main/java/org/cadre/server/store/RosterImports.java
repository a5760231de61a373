package org.cadre.server.store;

import static org.cadre.server.store.schema.Tables.IDEMPOTENT_REQUEST;

import java.util.List;
import java.util.Optional;
import java.util.function.IntConsumer;
import java.util.function.Supplier;
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

    /**
     * Keeps the answer to a user's request sent with an Idempotency-Key, in the transaction that stores the request's
     * effects; a second answer kept for the same user and key fails as a duplicate (a retry sent beside the first).
     */
    static void keep(org.jooq.DSLContext tx, String username, String key, Answer kept, long nowMillis) {
        tx.insertInto(IDEMPOTENT_REQUEST).set(IDEMPOTENT_REQUEST.USERNAME, username)
                .set(IDEMPOTENT_REQUEST.REQUEST_KEY, key).set(IDEMPOTENT_REQUEST.REQUEST_HASH, kept.requestHash())
                .set(IDEMPOTENT_REQUEST.STATUS, kept.status()).set(IDEMPOTENT_REQUEST.BODY, kept.body())
                .set(IDEMPOTENT_REQUEST.CREATED_MS, nowMillis).execute();
    }

    /** The most rows stored by one batch of each statement; the progress is told after each such chunk. */
    public static final int CHUNK_ROWS = 1_000;

    /**
     * Rows stored by one chunk of an import of {@code rows}: about a twentieth of them (so a progress bar moves
     * in steps of 5%), at least 50 and at most {@link #CHUNK_ROWS}.
     */
    public static int chunk(int rows) {
        return Math.max(50, Math.min(CHUNK_ROWS, rows / 20));
    }

    /** The people and enrolments of a run of a file's rows, stored together: each new person before their enrolment. */
    public record Chunk(List<Person> newPeople, List<Enrolment> enrolments) {
        public Chunk {
            newPeople = List.copyOf(newPeople);
            enrolments = List.copyOf(enrolments);
        }
    }

    /**
     * Stores an import in one transaction, a chunk at a time as {@code next} gives them (empty once there are no
     * more), each table's rows of a chunk as one batch, reporting the enrolments stored so far to {@code progress}
     * after each chunk; with a key, keeps the answer {@code answer} gives after the last chunk (required then) in the
     * same transaction. Anything {@code next} throws (a row found refused while reading the file) leaves nothing of
     * the import stored, as does a failure in any chunk (a full disk), and is thrown on.
     */
    public void store(Supplier<Optional<Chunk>> next, String actor, Optional<String> key, Supplier<Answer> answer, IntConsumer progress) {
        People people = new People(db, audit);
        Enrolments enrol = new Enrolments(db, audit);
        db.inTransaction(tx -> {
            int stored = 0;
            for (Optional<Chunk> chunk = next.get(); chunk.isPresent(); chunk = next.get()) {
                people.addAll(tx, chunk.get().newPeople(), actor);
                enrol.addAll(tx, chunk.get().enrolments(), actor);
                stored += chunk.get().enrolments().size();
                progress.accept(stored);
            }
            key.ifPresent(k -> keep(tx, actor, k, answer.get(), clock.millis()));
            return null;
        });
    }
}
