package org.cadre.server.store;

import static org.cadre.server.store.schema.Tables.FEEDBACK;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.cadre.curriculum.CurriculumDiff;
import org.cadre.curriculum.SessionCode;
import org.cadre.roster.EventId;
import org.cadre.roster.Feedback;
import org.cadre.roster.PersonId;

/** Stored participant feedback, in the order it was given. */
public final class FeedbackItems {

    private final Database db;
    private final AuditLog audit;

    public FeedbackItems(Database db, AuditLog audit) {
        this.db = db;
        this.audit = audit;
    }

    /** Adds feedback items in one transaction, after any already stored for the event. */
    public void addAll(EventId event, List<Feedback> items, String actor) {
        addAll(event, items, actor, Optional.empty());
    }

    /**
     * Adds feedback items in one transaction, after any already stored for the event, and with them, when the request
     * carried an Idempotency-Key, the answer given ({@link RosterImports#answered} reads it back). A second answer for the
     * same user and key fails as a duplicate and stores nothing. An item with an author replaces that author's earlier
     * item on the same thing (the session, the trainer it names or none, and the element it concerns), as a test score
     * or a mark replaces the person's earlier one: one person is one response on a thing (the newcomer's review of session
     * 23 found the same author's session counted twice, once from each of two requests). Anonymous items are added.
     *
     * @param kept the user's key and the answer to keep under it, if any
     */
    public void addAll(EventId event, List<Feedback> items, String actor, Optional<java.util.Map.Entry<String, RosterImports.Answer>> kept) {
        db.inTransaction(tx -> {
            if (db.dialect() == org.jooq.SQLDialect.POSTGRES) {
                // One writer of an event's feedback at a time, so that two requests neither both keep an author's item
                // nor take the same positions (SQLite has one writer).
                tx.fetch("SELECT pg_advisory_xact_lock(hashtext(?))", "feedback:" + event.value());
            }
            kept.ifPresent(k -> RosterImports.keep(tx, actor, k.getKey(), k.getValue(), audit.now()));
            int replaced = 0;
            for (Feedback f : items) {
                if (f.author().isPresent()) {
                    replaced += tx.deleteFrom(FEEDBACK).where(FEEDBACK.EVENT_ID.eq(event.value()), FEEDBACK.AUTHOR_ID.eq(f.author().get().value()),
                            FEEDBACK.SESSION_CODE.eq(f.session().value()), f.trainer().isPresent()
                                    ? FEEDBACK.TRAINER_ID.eq(f.trainer().get().value()) : FEEDBACK.TRAINER_ID.isNull(),
                            FEEDBACK.CONCERN_ELEMENT.eq(f.concerns().element().name()), FEEDBACK.CONCERN_CODE.eq(f.concerns().code()))
                            .execute();
                }
            }
            Integer last = tx.select(org.jooq.impl.DSL.max(FEEDBACK.POSITION)).from(FEEDBACK).where(FEEDBACK.EVENT_ID.eq(event.value()))
                    .fetchOne(0, Integer.class);
            int position = last == null ? 0 : last + 1;
            for (Feedback f : items) {
                tx.insertInto(FEEDBACK).set(FEEDBACK.ID, UUID.randomUUID().toString()).set(FEEDBACK.EVENT_ID, event.value())
                        .set(FEEDBACK.POSITION, position++).set(FEEDBACK.AUTHOR_ID, f.author().map(PersonId::value).orElse(null))
                        .set(FEEDBACK.SESSION_CODE, f.session().value()).set(FEEDBACK.TRAINER_ID, f.trainer().map(PersonId::value).orElse(null))
                        .set(FEEDBACK.RATING, f.rating()).set(FEEDBACK.COMMENT_TEXT, f.comment().orElse(null))
                        .set(FEEDBACK.CONCERN_ELEMENT, f.concerns().element().name()).set(FEEDBACK.CONCERN_CODE, f.concerns().code())
                        .set(FEEDBACK.RECORDED_BY, actor).execute();
            }
            audit.record(tx, actor, "feedback", "event", event.value(), null,
                    items.size() + " items" + (replaced == 0 ? "" : ", replacing " + replaced + " earlier"));
            return null;
        });
    }

    public List<Feedback> ofEvent(EventId event) {
        return db.dsl().selectFrom(FEEDBACK).where(FEEDBACK.EVENT_ID.eq(event.value())).orderBy(FEEDBACK.POSITION)
                .fetch(r -> new Feedback(Optional.ofNullable(r.getAuthorId()).map(PersonId::of), SessionCode.of(r.getSessionCode()),
                        Optional.ofNullable(r.getTrainerId()).map(PersonId::of), r.getRating(), Optional.ofNullable(r.getCommentText()),
                        new Feedback.Concern(CurriculumDiff.Element.valueOf(r.getConcernElement()), r.getConcernCode())));
    }
}
