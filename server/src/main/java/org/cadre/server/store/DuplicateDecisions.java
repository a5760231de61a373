package org.cadre.server.store;

import static org.cadre.server.store.schema.Tables.DUPLICATE_DECISION;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.cadre.roster.PersonId;
import org.cadre.server.store.schema.tables.records.DuplicateDecisionRecord;
import org.cadre.server.values.DuplicateDecision;
import org.cadre.server.values.DuplicateDecision.Verdict;
import org.jooq.DSLContext;

/**
 * What staff decided about pairs of likely duplicates: the same person or different people. Only the
 * decision is kept; no record is merged. A pair is one pair whichever order it is named in; deciding again
 * replaces the decision. Every decision is audited (ids and verdict, never a name).
 */
public final class DuplicateDecisions {

    static final String ENTITY = "duplicate-decision";

    private final Database db;
    private final AuditLog audit;

    public DuplicateDecisions(Database db, AuditLog audit) {
        this.db = db;
        this.audit = audit;
    }

    /** Records the decision about the pair (in either order), replacing any earlier one. */
    public DuplicateDecision decide(PersonId a, PersonId b, Verdict verdict, String actor) {
        PersonId first = a.value().compareTo(b.value()) <= 0 ? a : b;
        PersonId second = first == a ? b : a;
        return db.inTransaction(tx -> {
            Optional<DuplicateDecision> before = get(tx, first, second);
            long now = audit.now();
            tx.deleteFrom(DUPLICATE_DECISION).where(DUPLICATE_DECISION.FIRST_ID.eq(first.value())
                    .and(DUPLICATE_DECISION.SECOND_ID.eq(second.value()))).execute();
            tx.insertInto(DUPLICATE_DECISION)
                    .set(DUPLICATE_DECISION.FIRST_ID, first.value())
                    .set(DUPLICATE_DECISION.SECOND_ID, second.value())
                    .set(DUPLICATE_DECISION.VERDICT, verdict.name())
                    .set(DUPLICATE_DECISION.DECIDED_BY, actor)
                    .set(DUPLICATE_DECISION.DECIDED_AT, now)
                    .execute();
            DuplicateDecision decided = new DuplicateDecision(first, second, verdict, actor, Instant.ofEpochMilli(now));
            audit.record(tx, actor, before.isPresent() ? "update" : "create", ENTITY, first.value(),
                    before.map(DuplicateDecisions::describe).orElse(null), describe(decided));
            return decided;
        });
    }

    /** The decision about the pair (in either order), if one was made. */
    public Optional<DuplicateDecision> get(PersonId a, PersonId b) {
        return a.value().compareTo(b.value()) <= 0 ? get(db.dsl(), a, b) : get(db.dsl(), b, a);
    }

    /** Every decision, by the pair's ids. */
    public List<DuplicateDecision> all() {
        return db.dsl().selectFrom(DUPLICATE_DECISION).orderBy(DUPLICATE_DECISION.FIRST_ID, DUPLICATE_DECISION.SECOND_ID)
                .fetch(DuplicateDecisions::toDomain);
    }

    private static Optional<DuplicateDecision> get(DSLContext dsl, PersonId first, PersonId second) {
        return dsl.selectFrom(DUPLICATE_DECISION).where(DUPLICATE_DECISION.FIRST_ID.eq(first.value())
                .and(DUPLICATE_DECISION.SECOND_ID.eq(second.value()))).fetchOptional(DuplicateDecisions::toDomain);
    }

    /** The audit log's words for a decision: the ids and the verdict only. */
    private static String describe(DuplicateDecision d) {
        return "first=" + d.first().value() + " second=" + d.second().value() + " verdict=" + d.verdict().name().toLowerCase(java.util.Locale.ROOT);
    }

    private static DuplicateDecision toDomain(DuplicateDecisionRecord r) {
        return new DuplicateDecision(PersonId.of(r.getFirstId()), PersonId.of(r.getSecondId()), Verdict.valueOf(r.getVerdict()),
                r.getDecidedBy(), Instant.ofEpochMilli(r.getDecidedAt()));
    }
}
