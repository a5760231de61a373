package org.cadre.server.store;

import static org.cadre.server.store.schema.Tables.CERTIFICATION_DECISION;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import org.cadre.roster.Certification;
import org.cadre.roster.EventId;
import org.cadre.roster.PersonId;
import org.jooq.DSLContext;

/** Recorded certification decisions: who was certified at which event, when, by whom, and why. */
public final class Certifications {

    /** A decision as recorded. */
    public record Recorded(PersonId person, boolean certified, LocalDate decidedOn, String reasons, String decidedBy) {}

    private final Database db;
    private final AuditLog audit;

    public Certifications(Database db, AuditLog audit) {
        this.db = db;
        this.audit = audit;
    }

    /** Records the decisions of an event in one transaction; a decision replaces an earlier one for the same person. */
    public void record(EventId event, List<Certification.Decision> decisions, LocalDate on, String actor) {
        db.inTransaction(tx -> {
            record(tx, event, decisions, on, actor);
            return null;
        });
    }

    /** As {@link #record(EventId, List, LocalDate, String)}, within the caller's transaction. */
    public void record(DSLContext tx, EventId event, List<Certification.Decision> decisions, LocalDate on, String actor) {
        long now = audit.now();
        {
            for (Certification.Decision d : decisions) {
                tx.deleteFrom(CERTIFICATION_DECISION).where(CERTIFICATION_DECISION.EVENT_ID.eq(event.value())
                        .and(CERTIFICATION_DECISION.PERSON_ID.eq(d.person().value()))).execute();
                String reasons = d.reasons().stream().map(f -> f.code() + ": " + f.message()).collect(Collectors.joining("\n"));
                tx.insertInto(CERTIFICATION_DECISION).set(CERTIFICATION_DECISION.EVENT_ID, event.value())
                        .set(CERTIFICATION_DECISION.PERSON_ID, d.person().value()).set(CERTIFICATION_DECISION.CERTIFIED, d.certified())
                        .set(CERTIFICATION_DECISION.DECIDED_ON, on).set(CERTIFICATION_DECISION.REASONS, reasons)
                        .set(CERTIFICATION_DECISION.DECIDED_BY, actor).set(CERTIFICATION_DECISION.RECORDED_AT, now).execute();
                audit.record(tx, actor, "certify", "enrolment", event + "/" + d.person(), null, d.certified() ? "certified" : "not certified");
            }
        }
    }

    public List<Recorded> ofEvent(EventId event) {
        return db.dsl().selectFrom(CERTIFICATION_DECISION).where(CERTIFICATION_DECISION.EVENT_ID.eq(event.value()))
                .orderBy(CERTIFICATION_DECISION.PERSON_ID)
                .fetch(r -> new Recorded(PersonId.of(r.getPersonId()), r.getCertified(), r.getDecidedOn(), r.getReasons(), r.getDecidedBy()));
    }
}
