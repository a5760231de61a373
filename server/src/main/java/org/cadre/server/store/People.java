package org.cadre.server.store;

import org.cadre.server.values.Versioned;
import static org.cadre.server.store.schema.Tables.PERSON;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cadre.roster.Country;
import org.cadre.roster.OrganisationId;
import org.cadre.roster.Person;
import org.cadre.roster.PersonId;
import org.cadre.roster.Sex;
import org.cadre.server.store.schema.tables.records.PersonRecord;
import org.jooq.DSLContext;

/** Stored people. */
public final class People {

    static final String ENTITY = "person";

    private static final String INSERT = "INSERT INTO person (id, native_name, latin_name, sex, country, organisation_id, rank_title, version)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

    private final Database db;
    private final AuditLog audit;

    public People(Database db, AuditLog audit) {
        this.db = db;
        this.audit = audit;
    }

    public Versioned<Person> add(Person p, String actor) {
        return db.inTransaction(tx -> add(tx, p, actor));
    }

    /** Stores every person or, if any cannot be stored, none of them. */
    public List<Versioned<Person>> addAll(List<Person> people, String actor) {
        return db.inTransaction(tx -> addAll(tx, people, actor));
    }

    /**
     * Stores the people, each with its audit entry as {@link #add(DSLContext, Person, String)} writes it, in
     * two batches (one prepared statement each) within the caller's transaction.
     */
    List<Versioned<Person>> addAll(DSLContext tx, List<Person> people, String actor) {
        if (people.isEmpty()) {
            return List.of();
        }
        Database.touch(tx, Topic.NOTHING_CACHED); // new people are in no cached read yet
        List<AuditLog.Change> created = new java.util.ArrayList<>(people.size());
        // Written out rather than rendered by jOOQ: a roster import runs it for every new person.
        tx.connection(c -> {
            try (java.sql.PreparedStatement insert = c.prepareStatement(INSERT)) {
                for (Person p : people) {
                    insert.setString(1, p.id().value());
                    insert.setString(2, p.nativeName().orElse(null));
                    insert.setString(3, p.latinName().orElse(null));
                    insert.setString(4, p.sex().name());
                    insert.setString(5, p.country().code());
                    insert.setString(6, p.organisation().map(OrganisationId::value).orElse(null));
                    insert.setString(7, p.rank().orElse(null));
                    insert.setInt(8, 1);
                    insert.addBatch();
                    created.add(new AuditLog.Change("create", ENTITY, p.id().value(), null, p.toString()));
                }
                insert.executeBatch();
            }
        });
        audit.recordAll(tx, actor, created);
        return people.stream().map(p -> new Versioned<>(p, 1)).toList();
    }

    Versioned<Person> add(DSLContext tx, Person p, String actor) {
        // A new person is in no cached read yet.
        Database.touch(tx, Topic.NOTHING_CACHED);
        tx.insertInto(PERSON)
                .set(PERSON.ID, p.id().value())
                .set(PERSON.NATIVE_NAME, p.nativeName().orElse(null))
                .set(PERSON.LATIN_NAME, p.latinName().orElse(null))
                .set(PERSON.SEX, p.sex().name())
                .set(PERSON.COUNTRY, p.country().code())
                .set(PERSON.ORGANISATION_ID, p.organisation().map(OrganisationId::value).orElse(null))
                .set(PERSON.RANK_TITLE, p.rank().orElse(null))
                .set(PERSON.VERSION, 1)
                .execute();
        audit.record(tx, actor, "create", ENTITY, p.id().value(), null, p.toString());
        return new Versioned<>(p, 1);
    }

    /** The people with these ids that exist, in one query per thousand ids. */
    public Map<PersonId, Versioned<Person>> byIds(java.util.Collection<PersonId> ids) {
        Map<PersonId, Versioned<Person>> found = new java.util.LinkedHashMap<>();
        List<String> all = ids.stream().map(PersonId::value).distinct().toList();
        for (int from = 0; from < all.size(); from += 1000) {
            db.dsl().selectFrom(PERSON).where(PERSON.ID.in(all.subList(from, Math.min(all.size(), from + 1000))))
                    .fetch(People::toDomain).forEach(v -> found.put(v.value().id(), v));
        }
        return found;
    }

    public Optional<Versioned<Person>> get(PersonId id) {
        return db.dsl().selectFrom(PERSON).where(PERSON.ID.eq(id.value())).fetchOptional(People::toDomain);
    }

    public List<Versioned<Person>> all() {
        return db.dsl().selectFrom(PERSON).orderBy(PERSON.ID).fetch(People::toDomain);
    }

    /** Replaces the person if still at {@code expectedVersion}; otherwise changes nothing. */
    public Versioned<Person> update(Person p, int expectedVersion, String actor) {
        return db.inTransaction(tx -> {
            Optional<Versioned<Person>> before = tx.selectFrom(PERSON).where(PERSON.ID.eq(p.id().value())).fetchOptional(People::toDomain);
            Database.touch(tx, Topic.person(p.id().value()));
            int updated = tx.update(PERSON)
                    .set(PERSON.NATIVE_NAME, p.nativeName().orElse(null))
                    .set(PERSON.LATIN_NAME, p.latinName().orElse(null))
                    .set(PERSON.SEX, p.sex().name())
                    .set(PERSON.COUNTRY, p.country().code())
                    .set(PERSON.ORGANISATION_ID, p.organisation().map(OrganisationId::value).orElse(null))
                    .set(PERSON.RANK_TITLE, p.rank().orElse(null))
                    .set(PERSON.VERSION, expectedVersion + 1)
                    .where(PERSON.ID.eq(p.id().value()).and(PERSON.VERSION.eq(expectedVersion)))
                    .execute();
            if (updated == 0) {
                throw new StaleVersionException(ENTITY, p.id().value(), expectedVersion);
            }
            audit.record(tx, actor, "update", ENTITY, p.id().value(), before.map(b -> b.value().toString()).orElse(null), p.toString());
            return new Versioned<>(p, expectedVersion + 1);
        });
    }

    /**
     * Erases a person's identifying values on request: names, rank, any feedback comment they wrote and the notes of
     * their trainer-pool record are removed (their feedback stays, anonymous; their pool steps stay), and their
     * personal values are scrubbed from the audit log, which keeps the actions. Sex, country and organisation stay, so reports keep their counts.
     */
    public void erase(PersonId id, String actor) {
        db.inTransaction(tx -> {
            Database.touch(tx, Topic.person(id.value()));
            int updated = tx.update(PERSON)
                    .set(PERSON.NATIVE_NAME, (String) null)
                    .set(PERSON.LATIN_NAME, ERASED_NAME)
                    .set(PERSON.RANK_TITLE, (String) null)
                    .set(PERSON.VERSION, PERSON.VERSION.plus(1))
                    .where(PERSON.ID.eq(id.value())).execute();
            if (updated == 0) {
                throw new IllegalArgumentException("person " + id + " is not stored");
            }
            var feedback = org.cadre.server.store.schema.Tables.FEEDBACK;
            tx.update(feedback).set(feedback.COMMENT_TEXT, (String) null).set(feedback.AUTHOR_ID, (String) null)
                    .where(feedback.AUTHOR_ID.eq(id.value())).execute();
            // Comments about the person as a trainer may name them too: the rating stays, the words go.
            tx.update(feedback).set(feedback.COMMENT_TEXT, (String) null).where(feedback.TRAINER_ID.eq(id.value())).execute();
            // The pool's words about the person are staff's free text and may name them (a home telephone was kept beside
            // "(erased)", the attacker's review of session 23): evidence notes go, and the reasons given for taking them
            // out of service or back; the steps' own descriptions ("became co-trainer") are the application's and stay.
            var entry = org.cadre.server.store.schema.Tables.TRAINER_ENTRY;
            tx.update(entry).set(entry.EVIDENCE_NOTE, (String) null).where(entry.PERSON_ID.eq(id.value())).execute();
            tx.update(entry).set(entry.NOTE, ERASED_NAME).where(entry.PERSON_ID.eq(id.value()),
                    entry.KIND.in(org.cadre.roster.pool.TrainerRecord.Entry.Kind.INACTIVATED.name(),
                            org.cadre.roster.pool.TrainerRecord.Entry.Kind.REACTIVATED.name())).execute();
            // The requests kept for their Idempotency-Keys hold hashes of what was sent, names and comments with it: a request
            // sent again under its key after the erasure confirmed a guess of the erased text (the attacker's second review of
            // session 23). Which hold the person is not known from a hash, so all go: a retry after an erasure is new.
            tx.deleteFrom(org.cadre.server.store.schema.Tables.IDEMPOTENT_REQUEST).execute();
            var log = org.cadre.server.store.schema.Tables.AUDIT_LOG;
            tx.update(log).set(log.OLD_VALUE, (String) null).set(log.NEW_VALUE, (String) null)
                    .where(log.ENTITY.eq(ENTITY).and(log.ENTITY_ID.eq(id.value()))).execute();
            audit.record(tx, actor, "erase", ENTITY, id.value(), null, null);
            return null;
        });
    }

    /** What an erased person's name reads. */
    public static final String ERASED_NAME = "(erased)";

    /** {@return whether the record was erased: it keeps only what the counts need, and changes no more} */
    public static boolean isErased(Person p) {
        return p.latinName().filter(ERASED_NAME::equals).isPresent() && p.nativeName().isEmpty();
    }

    static Versioned<Person> toDomain(PersonRecord r) {
        return new Versioned<>(new Person(PersonId.of(r.getId()), Optional.ofNullable(r.getNativeName()),
                Optional.ofNullable(r.getLatinName()), Sex.valueOf(r.getSex()), Country.of(r.getCountry()),
                Optional.ofNullable(r.getOrganisationId()).map(OrganisationId::of), Optional.ofNullable(r.getRankTitle())),
                r.getVersion());
    }
}
