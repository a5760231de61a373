package org.cadre.server.store;

import org.cadre.server.values.Versioned;
import org.cadre.server.security.UserAccount;
import static org.cadre.server.store.schema.Tables.USER_ACCOUNT;
import static org.cadre.server.store.schema.Tables.USER_COUNTRY;
import static org.cadre.server.store.schema.Tables.USER_PROGRAMME;
import static org.cadre.server.store.schema.Tables.USER_LANGUAGE;

import com.google.common.collect.ImmutableSortedSet;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.cadre.roster.Country;
import org.cadre.roster.ProgrammeId;
import org.cadre.server.store.schema.tables.records.UserAccountRecord;
import org.jooq.DSLContext;

/** Stored users. The audit log never receives a password hash. */
public final class Users {

    static final String ENTITY = "user";

    private final Database db;
    private final AuditLog audit;

    public Users(Database db, AuditLog audit) {
        this.db = db;
        this.audit = audit;
    }

    public Versioned<UserAccount> add(UserAccount u, String actor) {
        return db.inTransaction(tx -> {
            if (tx.fetchExists(USER_ACCOUNT, USER_ACCOUNT.USERNAME_KEY.eq(key(u.username())))) {
                throw new AlreadyStoredException("user " + u.username());
            }
            tx.insertInto(USER_ACCOUNT).set(USER_ACCOUNT.USERNAME, u.username()).set(USER_ACCOUNT.USERNAME_KEY, key(u.username()))
                    .set(USER_ACCOUNT.PASSWORD_HASH, u.passwordHash())
                    .set(USER_ACCOUNT.ROLE, u.role().name()).set(USER_ACCOUNT.DISABLED, u.disabled()).set(USER_ACCOUNT.VERSION, 1).execute();
            writeScope(tx, u);
            audit.record(tx, actor, "create", ENTITY, u.username(), null, describe(u));
            Database.touch(tx, Topic.user(u.username()));
            return new Versioned<>(u, 1);
        });
    }

    /** Replaces the user (role, scope, password hash, disabled) if still at {@code expectedVersion}. */
    public Versioned<UserAccount> update(UserAccount u, int expectedVersion, String actor) {
        return db.inTransaction(tx -> {
            Optional<Versioned<UserAccount>> before = get(tx, u.username());
            int updated = tx.update(USER_ACCOUNT).set(USER_ACCOUNT.PASSWORD_HASH, u.passwordHash()).set(USER_ACCOUNT.ROLE, u.role().name())
                    .set(USER_ACCOUNT.DISABLED, u.disabled()).set(USER_ACCOUNT.VERSION, expectedVersion + 1)
                    .where(USER_ACCOUNT.USERNAME.eq(u.username()).and(USER_ACCOUNT.VERSION.eq(expectedVersion))).execute();
            if (updated == 0) {
                throw new StaleVersionException(ENTITY, u.username(), expectedVersion);
            }
            tx.deleteFrom(USER_COUNTRY).where(USER_COUNTRY.USERNAME.eq(u.username())).execute();
            tx.deleteFrom(USER_PROGRAMME).where(USER_PROGRAMME.USERNAME.eq(u.username())).execute();
            writeScope(tx, u);
            Database.touch(tx, Topic.user(u.username()));
            audit.record(tx, actor, "update", ENTITY, u.username(), before.map(b -> describe(b.value())).orElse(null), describe(u));
            return new Versioned<>(u, expectedVersion + 1);
        });
    }

    /** The user whose username is this one in any case ({@code Admin} finds {@code admin}). */
    public Optional<Versioned<UserAccount>> get(String username) {
        return get(db.dsl(), username);
    }

    /** The language the user chose for the pages, if they chose one. */
    public Optional<String> language(String username) {
        return db.dsl().select(USER_LANGUAGE.LANGUAGE).from(USER_LANGUAGE).where(USER_LANGUAGE.USERNAME.eq(username)).fetchOptional(USER_LANGUAGE.LANGUAGE);
    }

    /** Records the language the user chose for the pages (a preference: not audited). */
    public void setLanguage(String username, String language) {
        db.inTransaction(tx -> {
            Database.touch(tx, Topic.user(username));
            tx.deleteFrom(USER_LANGUAGE).where(USER_LANGUAGE.USERNAME.eq(username)).execute();
            tx.insertInto(USER_LANGUAGE).set(USER_LANGUAGE.USERNAME, username).set(USER_LANGUAGE.LANGUAGE, language).execute();
            return null;
        });
    }

    /** The key usernames are unique by: the name in lower case. */
    public static String key(String username) {
        return username.toLowerCase(java.util.Locale.ROOT);
    }

    public List<Versioned<UserAccount>> all() {
        DSLContext dsl = db.dsl();
        return dsl.selectFrom(USER_ACCOUNT).orderBy(USER_ACCOUNT.USERNAME).fetch().stream().map(r -> toDomain(dsl, r)).toList();
    }

    private static Optional<Versioned<UserAccount>> get(DSLContext dsl, String username) {
        return dsl.selectFrom(USER_ACCOUNT).where(USER_ACCOUNT.USERNAME_KEY.eq(key(username))).fetchOptional().map(r -> toDomain(dsl, r));
    }

    private static void writeScope(DSLContext tx, UserAccount u) {
        u.countries().forEach(c -> tx.insertInto(USER_COUNTRY).set(USER_COUNTRY.USERNAME, u.username()).set(USER_COUNTRY.COUNTRY, c.code()).execute());
        u.programmes().forEach(p -> tx.insertInto(USER_PROGRAMME).set(USER_PROGRAMME.USERNAME, u.username())
                .set(USER_PROGRAMME.PROGRAMME_ID, p.value()).execute());
    }

    private static Versioned<UserAccount> toDomain(DSLContext dsl, UserAccountRecord r) {
        List<String> countries = dsl.select(USER_COUNTRY.COUNTRY).from(USER_COUNTRY)
                .where(USER_COUNTRY.USERNAME.eq(r.getUsername())).fetch(USER_COUNTRY.COUNTRY);
        List<String> programmes = dsl.select(USER_PROGRAMME.PROGRAMME_ID).from(USER_PROGRAMME)
                .where(USER_PROGRAMME.USERNAME.eq(r.getUsername())).fetch(USER_PROGRAMME.PROGRAMME_ID);
        return new Versioned<>(account(r.getUsername(), r.getPasswordHash(), r.getRole(), r.getDisabled(), countries, programmes), r.getVersion());
    }

    /** A user as stored: the account's columns, and the codes of its countries and ids of its programmes. */
    static UserAccount account(String username, String passwordHash, String role, boolean disabled, Collection<String> countries,
            Collection<String> programmes) {
        return new UserAccount(username, passwordHash, UserAccount.Role.valueOf(role),
                countries.stream().map(Country::of).collect(ImmutableSortedSet.toImmutableSortedSet(java.util.Comparator.naturalOrder())),
                programmes.stream().map(ProgrammeId::of).collect(ImmutableSortedSet.toImmutableSortedSet(java.util.Comparator.naturalOrder())),
                disabled);
    }

    /** For the audit log: everything but the password hash. */
    private static String describe(UserAccount u) {
        return u.username() + " " + u.role().label() + " countries=" + u.countries() + " programmes=" + u.programmes()
                + (u.disabled() ? " disabled" : "");
    }
}
