package org.cadre.server.store;

import static org.cadre.server.store.schema.Tables.ENROLMENT;
import static org.cadre.server.store.schema.Tables.EVENT;
import static org.cadre.server.store.schema.Tables.PERSON;
import static org.cadre.server.store.schema.Tables.TRAINER_RECORD;

import java.time.LocalDate;
import java.util.List;
import org.cadre.roster.PersonId;
import org.jooq.impl.DSL;

/**
 * The retention rule: a participant whose last event ended more than the retention period ago, and who
 * is not in the trainer pool, is erased ({@link People#erase}). Enrolments, attendance and scores stay,
 * tied to the erased record, so aggregate reports keep their figures.
 */
public final class Retention {

    private final Database db;
    private final AuditLog audit;

    public Retention(Database db, AuditLog audit) {
        this.db = db;
        this.audit = audit;
    }

    /** The people the rule would erase on {@code today}, without erasing them. */
    public List<PersonId> due(LocalDate today, int years) {
        LocalDate cutoff = today.minusYears(years);
        return db.dsl().select(ENROLMENT.PERSON_ID).from(ENROLMENT).join(EVENT).on(EVENT.ID.eq(ENROLMENT.EVENT_ID))
                .join(PERSON).on(PERSON.ID.eq(ENROLMENT.PERSON_ID))
                .where(PERSON.LATIN_NAME.ne(People.ERASED_NAME).or(PERSON.LATIN_NAME.isNull()))
                .and(ENROLMENT.PERSON_ID.notIn(DSL.select(TRAINER_RECORD.PERSON_ID).from(TRAINER_RECORD)))
                .groupBy(ENROLMENT.PERSON_ID)
                .having(DSL.max(EVENT.LAST_DAY).lt(cutoff))
                .orderBy(ENROLMENT.PERSON_ID)
                .fetch(r -> PersonId.of(r.value1()));
    }

    /** Erases everyone due; returns who was erased. */
    public List<PersonId> apply(LocalDate today, int years, String actor) {
        List<PersonId> due = due(today, years);
        People people = new People(db, audit);
        due.forEach(p -> people.erase(p, actor));
        return due;
    }
}
