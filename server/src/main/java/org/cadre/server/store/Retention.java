package org.cadre.server.store;

import static org.cadre.server.store.schema.Tables.ENROLMENT;
import static org.cadre.server.store.schema.Tables.EVENT;
import static org.cadre.server.store.schema.Tables.PERSON;
import static org.cadre.server.store.schema.Tables.TRAINER_RECORD;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.cadre.roster.PersonId;
import org.cadre.roster.RetentionPolicy;
import org.jooq.impl.DSL;

/**
 * Applies a {@link RetentionPolicy} to the stored records: fetches each participant's last event day,
 * the trainer pool and who is erased already, lets the policy decide, and erases those due
 * ({@link People#erase}).
 */
public final class Retention {

    private final Database db;
    private final AuditLog audit;

    public Retention(Database db, AuditLog audit) {
        this.db = db;
        this.audit = audit;
    }

    /** The people the policy would erase on {@code today}, without erasing them. */
    public List<PersonId> due(LocalDate today, RetentionPolicy policy) {
        var dsl = db.dsl();
        Map<PersonId, LocalDate> lastEventDay = dsl.select(ENROLMENT.PERSON_ID, DSL.max(EVENT.LAST_DAY)).from(ENROLMENT)
                .join(EVENT).on(EVENT.ID.eq(ENROLMENT.EVENT_ID)).groupBy(ENROLMENT.PERSON_ID)
                .fetchMap(r -> PersonId.of(r.value1()), r -> r.value2());
        Set<PersonId> inPool = dsl.selectDistinct(TRAINER_RECORD.PERSON_ID).from(TRAINER_RECORD).fetch(r -> PersonId.of(r.value1()))
                .stream().collect(Collectors.toSet());
        Set<PersonId> erased = dsl.select(PERSON.ID).from(PERSON).where(PERSON.LATIN_NAME.eq(People.ERASED_NAME))
                .fetch(r -> PersonId.of(r.value1())).stream().collect(Collectors.toSet());
        return policy.due(today, lastEventDay, inPool, erased);
    }

    /** Erases everyone due; returns who was erased. */
    public List<PersonId> apply(LocalDate today, RetentionPolicy policy, String actor) {
        List<PersonId> due = due(today, policy);
        People people = new People(db, audit);
        due.forEach(p -> people.erase(p, actor));
        return due;
    }
}
