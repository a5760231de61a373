package org.cadre.server.store;

import static org.cadre.server.store.schema.Tables.LOGIN_SESSION;
import static org.cadre.server.store.schema.Tables.USER_ACCOUNT;
import static org.cadre.server.store.schema.Tables.USER_COUNTRY;
import static org.cadre.server.store.schema.Tables.USER_PROGRAMME;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.cadre.server.store.Database;
import org.cadre.server.security.UserAccount;
import org.cadre.server.values.Versioned;

/**
 * Login sessions. A token is 32 random bytes, given to the client once; only its SHA-256 hash is stored.
 * A session dies after {@code idle} without use, after {@code absolute} in all, when it is ended, and
 * as soon as its user is disabled.
 */
public final class Sessions {

    /** A new session: the token to give the client, and when it expires if used without pause. */
    public record Started(String token, Instant expiresAt) {}

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final long RENEW_AFTER_MS = 60_000;

    /** A session as read from the store, with the user it belongs to if that user may still log in. */
    private record Live(long createdMs, long lastSeenMs, Optional<UserAccount> user) {}

    private final TopicCache<String, Optional<Live>> live;
    private final Database db;
    private final Clock clock;
    private final Duration idle;
    private final Duration absolute;

    public Sessions(Database db, Clock clock, Duration idle, Duration absolute) {
        this.db = db;
        this.clock = clock;
        this.idle = idle;
        this.absolute = absolute;
        this.renewAfterMs = Math.min(RENEW_AFTER_MS, idle.toMillis() / 4);
        this.live = new TopicCache<>(db.changes(), 10_000);
    }

    private final long renewAfterMs;


    /** The sessions of a user that have not expired, newest first. */
    public java.util.List<org.cadre.server.values.SessionInfo> of(String username) {
        long now = clock.millis();
        return db.dsl().selectFrom(LOGIN_SESSION).where(LOGIN_SESSION.USERNAME.eq(username))
                .orderBy(LOGIN_SESSION.CREATED_MS.desc()).fetch().stream()
                .filter(r -> !expired(new Live(r.getCreatedMs(), r.getLastSeenMs(), Optional.empty()), now))
                .map(r -> new org.cadre.server.values.SessionInfo(id(r.getTokenHash()), Instant.ofEpochMilli(r.getCreatedMs()), Instant.ofEpochMilli(r.getLastSeenMs())))
                .toList();
    }

    /**
     * Ends every session of the user, audited as done by {@code actor} (a write transaction, so every
     * process sees them end); how many there were.
     */
    public int endAll(String username, String actor) {
        int ended = db.inTransaction(tx -> {
            int n = tx.deleteFrom(LOGIN_SESSION).where(LOGIN_SESSION.USERNAME.eq(username)).execute();
            new org.cadre.server.store.AuditLog(clock).record(tx, actor, "revoke", "session", username, null, n + " sessions");
            Database.touch(tx, Topic.user(username));
            return n;
        });
        return ended;
    }

    /** Ends the user's session with this id, audited; whether there was one. */
    public boolean end(String username, String id, String actor) {
        if (!id.matches("[0-9a-f]{16}")) {
            return false;
        }
        int ended = db.inTransaction(tx -> {
            int n = tx.deleteFrom(LOGIN_SESSION).where(LOGIN_SESSION.USERNAME.eq(username)).and(LOGIN_SESSION.TOKEN_HASH.startsWith(id)).execute();
            if (n > 0) {
                new org.cadre.server.store.AuditLog(clock).record(tx, actor, "revoke", "session", username, null, "session " + id);
            }
            Database.touch(tx, Topic.user(username));
            return n;
        });
        return ended > 0;
    }

    /** A session's id: the first 16 hex digits of its token's hash, which name it without giving the token away. */
    private static String id(String tokenHash) {
        return tokenHash.substring(0, 16);
    }

    public Started start(String username) {
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        long now = clock.millis();
        db.oneWriterAtATime(() -> db.dsl().insertInto(LOGIN_SESSION).set(LOGIN_SESSION.TOKEN_HASH, hash(token)).set(LOGIN_SESSION.USERNAME, username)
                .set(LOGIN_SESSION.CREATED_MS, now).set(LOGIN_SESSION.LAST_SEEN_MS, now).execute());
        return new Started(token, Instant.ofEpochMilli(now).plus(idle.compareTo(absolute) < 0 ? idle : absolute));
    }

    /**
     * The user behind a live token, renewing its idle time; empty for an unknown, expired or disabled one.
     * While no write has ended the session or changed its user (by any process), the session and its user
     * come from memory; the store's stamp is read to know that.
     */
    public Optional<UserAccount> authenticate(String token) {
        db.changes().sync();
        long now = clock.millis();
        String key = hash(token);
        Optional<Live> s = live.get(key, this::load);
        if (s.isEmpty()) {
            return Optional.empty();
        }
        if (expired(s.get(), now)) {
            // Another process may have renewed the idle clock since this one read it: decide on the stored row.
            live.forget(key);
            s = live.get(key, this::load);
            if (s.isEmpty()) {
                return Optional.empty();
            }
        }
        Live l = s.get();
        if (expired(l, now) || l.user().isEmpty()) {
            end(token);
            return Optional.empty();
        }
        // The idle clock is renewed at most once a minute (a write, and on SQLite a sync to disk, on every
        // request would cost more than the request itself), and at least four times per idle period, so a
        // session in use never dies of idleness whatever the setting. Not when a writer holds SQLite's lock: a
        // read would wait for a roster import to end (the attacker's review); a later request renews it.
        if (now - l.lastSeenMs() >= renewAfterMs && db.ifFreeToWrite(dsl -> dsl.update(LOGIN_SESSION)
                .set(LOGIN_SESSION.LAST_SEEN_MS, now).where(LOGIN_SESSION.TOKEN_HASH.eq(key)).execute())) {
            live.replace(key, Optional.of(new Live(l.createdMs(), now, l.user())));
        }
        return l.user();
    }

    private boolean expired(Live s, long now) {
        return now - s.lastSeenMs() > idle.toMillis() || now - s.createdMs() > absolute.toMillis();
    }

    /**
     * A stored session with its user (empty when the user is disabled or gone), and the user's countries and
     * programmes, in one query: the session joined with its user and their scope, a row per pair of a
     * country and a programme (one row when they have neither). Empty when there is no such session. Kept
     * until the session or its user changes.
     */
    private TopicCache.Loaded<Optional<Live>> load(String key) {
        var rows = db.dsl().select(LOGIN_SESSION.CREATED_MS, LOGIN_SESSION.LAST_SEEN_MS, LOGIN_SESSION.USERNAME,
                        USER_ACCOUNT.USERNAME, USER_ACCOUNT.PASSWORD_HASH, USER_ACCOUNT.ROLE, USER_ACCOUNT.DISABLED,
                        USER_COUNTRY.COUNTRY, USER_PROGRAMME.PROGRAMME_ID)
                .from(LOGIN_SESSION)
                .leftJoin(USER_ACCOUNT).on(USER_ACCOUNT.USERNAME.eq(LOGIN_SESSION.USERNAME))
                .leftJoin(USER_COUNTRY).on(USER_COUNTRY.USERNAME.eq(USER_ACCOUNT.USERNAME))
                .leftJoin(USER_PROGRAMME).on(USER_PROGRAMME.USERNAME.eq(USER_ACCOUNT.USERNAME))
                .where(LOGIN_SESSION.TOKEN_HASH.eq(key))
                .fetch();
        if (rows.isEmpty()) {
            return new TopicCache.Loaded<>(Optional.empty(), java.util.Set.of(Topic.session(key)));
        }
        var first = rows.get(0);
        String username = first.value3();
        Optional<UserAccount> user = Optional.empty();
        if (first.value4() != null) {
            java.util.Set<String> countries = new java.util.HashSet<>();
            java.util.Set<String> programmes = new java.util.HashSet<>();
            for (var r : rows) {
                if (r.value8() != null) {
                    countries.add(r.value8());
                }
                if (r.value9() != null) {
                    programmes.add(r.value9());
                }
            }
            user = Optional.of(Users.account(first.value4(), first.value5(), first.value6(), first.value7(), countries, programmes))
                    .filter(u -> !u.disabled());
        }
        return new TopicCache.Loaded<>(Optional.of(new Live(first.value1(), first.value2(), user)),
                java.util.Set.of(Topic.session(key), Topic.user(username)));
    }

    /** Ends the session; a write transaction, so every process's caches see the token gone. */
    public void end(String token) {
        String key = hash(token);
        db.inTransaction(tx -> {
            Database.touch(tx, Topic.session(key));
            return tx.deleteFrom(LOGIN_SESSION).where(LOGIN_SESSION.TOKEN_HASH.eq(key)).execute();
        });
        live.forget(key);
    }

    private static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
