package org.cadre.server.store;

import org.cadre.server.values.Versioned;
import static org.cadre.server.store.schema.Tables.PROGRAMME;
import static org.cadre.server.store.schema.Tables.PROGRAMME_COUNTRY;
import static org.cadre.server.store.schema.Tables.PROGRAMME_SDG;

import com.google.common.collect.ImmutableSet;
import com.google.common.collect.ImmutableSortedSet;
import java.util.List;
import java.util.Optional;
import org.cadre.roster.Country;
import org.cadre.roster.DateRange;
import org.cadre.roster.Programme;
import org.cadre.roster.ProgrammeId;
import org.cadre.server.store.schema.tables.records.ProgrammeRecord;
import org.jooq.DSLContext;

/** Stored programmes with their countries in scope, SDG goals and period. */
public final class Programmes {

    static final String ENTITY = "programme";

    private final Database db;
    private final AuditLog audit;

    public Programmes(Database db, AuditLog audit) {
        this.db = db;
        this.audit = audit;
    }

    public Versioned<Programme> add(Programme p, String actor) {
        return db.inTransaction(tx -> {
            tx.insertInto(PROGRAMME).set(PROGRAMME.ID, p.id().value()).set(PROGRAMME.TITLE, p.title())
                    .set(PROGRAMME.DONOR, p.donor()).set(PROGRAMME.PERIOD_START, p.period().map(DateRange::first).orElse(null))
                    .set(PROGRAMME.PERIOD_END, p.period().map(DateRange::last).orElse(null)).set(PROGRAMME.VERSION, 1).execute();
            writeChildren(tx, p);
            audit.record(tx, actor, "create", ENTITY, p.id().value(), null, p.toString());
            return new Versioned<>(p, 1);
        });
    }

    /** Replaces the programme, its countries and goals if still at {@code expectedVersion}. */
    public Versioned<Programme> update(Programme p, int expectedVersion, String actor) {
        return db.inTransaction(tx -> {
            Optional<Versioned<Programme>> before = get(tx, p.id());
            int updated = tx.update(PROGRAMME).set(PROGRAMME.TITLE, p.title()).set(PROGRAMME.DONOR, p.donor())
                    .set(PROGRAMME.PERIOD_START, p.period().map(DateRange::first).orElse(null))
                    .set(PROGRAMME.PERIOD_END, p.period().map(DateRange::last).orElse(null))
                    .set(PROGRAMME.VERSION, expectedVersion + 1)
                    .where(PROGRAMME.ID.eq(p.id().value()).and(PROGRAMME.VERSION.eq(expectedVersion))).execute();
            if (updated == 0) {
                throw new StaleVersionException(ENTITY, p.id().value(), expectedVersion);
            }
            tx.deleteFrom(PROGRAMME_COUNTRY).where(PROGRAMME_COUNTRY.PROGRAMME_ID.eq(p.id().value())).execute();
            tx.deleteFrom(PROGRAMME_SDG).where(PROGRAMME_SDG.PROGRAMME_ID.eq(p.id().value())).execute();
            writeChildren(tx, p);
            audit.record(tx, actor, "update", ENTITY, p.id().value(), before.map(b -> b.value().toString()).orElse(null), p.toString());
            return new Versioned<>(p, expectedVersion + 1);
        });
    }

    public Optional<Versioned<Programme>> get(ProgrammeId id) {
        return get(db.dsl(), id);
    }

    public List<Versioned<Programme>> all() {
        return db.dsl().selectFrom(PROGRAMME).orderBy(PROGRAMME.ID).fetch().stream()
                .map(r -> toDomain(db.dsl(), r)).toList();
    }

    private static Optional<Versioned<Programme>> get(DSLContext dsl, ProgrammeId id) {
        return dsl.selectFrom(PROGRAMME).where(PROGRAMME.ID.eq(id.value())).fetchOptional().map(r -> toDomain(dsl, r));
    }

    private static void writeChildren(DSLContext tx, Programme p) {
        for (Country c : p.countries()) {
            tx.insertInto(PROGRAMME_COUNTRY).set(PROGRAMME_COUNTRY.PROGRAMME_ID, p.id().value())
                    .set(PROGRAMME_COUNTRY.COUNTRY, c.code()).execute();
        }
        for (int goal : p.sdgs()) {
            tx.insertInto(PROGRAMME_SDG).set(PROGRAMME_SDG.PROGRAMME_ID, p.id().value()).set(PROGRAMME_SDG.GOAL, goal).execute();
        }
    }

    private static Versioned<Programme> toDomain(DSLContext dsl, ProgrammeRecord r) {
        ImmutableSet<Country> countries = dsl.select(PROGRAMME_COUNTRY.COUNTRY).from(PROGRAMME_COUNTRY)
                .where(PROGRAMME_COUNTRY.PROGRAMME_ID.eq(r.getId())).orderBy(PROGRAMME_COUNTRY.COUNTRY)
                .fetch(x -> Country.of(x.value1())).stream().collect(ImmutableSet.toImmutableSet());
        ImmutableSortedSet<Integer> goals = ImmutableSortedSet.copyOf(dsl.select(PROGRAMME_SDG.GOAL).from(PROGRAMME_SDG)
                .where(PROGRAMME_SDG.PROGRAMME_ID.eq(r.getId())).fetch(x -> x.value1()));
        Optional<DateRange> period = r.getPeriodStart() == null || r.getPeriodEnd() == null ? Optional.empty()
                : Optional.of(DateRange.of(r.getPeriodStart(), r.getPeriodEnd()));
        return new Versioned<>(new Programme(ProgrammeId.of(r.getId()), r.getTitle(), r.getDonor(), countries, goals, period),
                r.getVersion());
    }
}
