package org.cadre.server.store;

import org.cadre.server.values.Versioned;
import static org.cadre.server.store.schema.Tables.ORGANISATION;

import java.util.List;
import java.util.Optional;
import org.cadre.roster.Country;
import org.cadre.roster.Organisation;
import org.cadre.roster.OrganisationId;
import org.cadre.server.store.schema.tables.records.OrganisationRecord;
import org.jooq.DSLContext;

/** Stored organisations. */
public final class Organisations {

    static final String ENTITY = "organisation";

    private final Database db;
    private final AuditLog audit;

    public Organisations(Database db, AuditLog audit) {
        this.db = db;
        this.audit = audit;
    }

    /** Stores a new organisation at version 1. */
    public Versioned<Organisation> add(Organisation o, String actor) {
        return db.inTransaction(tx -> add(tx, o, actor));
    }

    Versioned<Organisation> add(DSLContext tx, Organisation o, String actor) {
        tx.insertInto(ORGANISATION)
                .set(ORGANISATION.ID, o.id().value())
                .set(ORGANISATION.NAME, o.name())
                .set(ORGANISATION.COUNTRY, o.country().code())
                .set(ORGANISATION.KIND, o.kind().name())
                .set(ORGANISATION.NOMINATING_AUTHORITY, o.nominatingAuthority())
                .set(ORGANISATION.VERSION, 1)
                .execute();
        audit.record(tx, actor, "create", ENTITY, o.id().value(), null, o.toString());
        return new Versioned<>(o, 1);
    }

    public Optional<Versioned<Organisation>> get(OrganisationId id) {
        return db.dsl().selectFrom(ORGANISATION).where(ORGANISATION.ID.eq(id.value())).fetchOptional(Organisations::toDomain);
    }

    public List<Versioned<Organisation>> all() {
        return db.dsl().selectFrom(ORGANISATION).orderBy(ORGANISATION.ID).fetch(Organisations::toDomain);
    }

    /** Replaces the organisation if it is still at {@code expectedVersion}; otherwise changes nothing. */
    public Versioned<Organisation> update(Organisation o, int expectedVersion, String actor) {
        return db.inTransaction(tx -> {
            Optional<Versioned<Organisation>> before = tx.selectFrom(ORGANISATION).where(ORGANISATION.ID.eq(o.id().value()))
                    .fetchOptional(Organisations::toDomain);
            int updated = tx.update(ORGANISATION)
                    .set(ORGANISATION.NAME, o.name())
                    .set(ORGANISATION.COUNTRY, o.country().code())
                    .set(ORGANISATION.KIND, o.kind().name())
                    .set(ORGANISATION.NOMINATING_AUTHORITY, o.nominatingAuthority())
                    .set(ORGANISATION.VERSION, expectedVersion + 1)
                    .where(ORGANISATION.ID.eq(o.id().value()).and(ORGANISATION.VERSION.eq(expectedVersion)))
                    .execute();
            if (updated == 0) {
                throw new StaleVersionException(ENTITY, o.id().value(), expectedVersion);
            }
            audit.record(tx, actor, "update", ENTITY, o.id().value(), before.map(b -> b.value().toString()).orElse(null), o.toString());
            return new Versioned<>(o, expectedVersion + 1);
        });
    }

    private static Versioned<Organisation> toDomain(OrganisationRecord r) {
        return new Versioned<>(new Organisation(OrganisationId.of(r.getId()), r.getName(), Country.of(r.getCountry()),
                Organisation.Kind.valueOf(r.getKind()), r.getNominatingAuthority()), r.getVersion());
    }
}
