package org.cadre.server.store;

import static org.cadre.server.store.schema.Tables.LOGIN_SESSION;

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
import org.cadre.server.store.StampedCache;
import org.cadre.server.security.UserAccount;
import org.cadre.server.store.Users;
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

    private final StampedCache<String, Live> live = new StampedCache<>(10_000);
    private final Database db;
    private final Users users;
    private final Clock clock;
    private final Duration idle;
    private final Duration absolute;

    public Sessions(Database db, Users users, Clock clock, Duration idle, Duration absolute) {
        this.db = db;
        this.users = users;
        this.clock = clock;
        this.idle = idle;
        this.absolute = absolute;
        this.renewAfterMs = Math.min(RENEW_AFTER_MS, idle.toMillis() / 4);
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
            return n;
        });
        live.clear();
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
            return n;
        });
        live.clear();
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
        db.dsl().insertInto(LOGIN_SESSION).set(LOGIN_SESSION.TOKEN_HASH, hash(token)).set(LOGIN_SESSION.USERNAME, username)
                .set(LOGIN_SESSION.CREATED_MS, now).set(LOGIN_SESSION.LAST_SEEN_MS, now).execute();
        return new Started(token, Instant.ofEpochMilli(now).plus(idle.compareTo(absolute) < 0 ? idle : absolute));
    }

    /** The user behind a live token, renewing its idle time; empty for an unknown, expired or disabled one. */
    public Optional<UserAccount> authenticate(String token) {
        return authenticate(token, db.changeStamp());
    }

    /**
     * As {@link #authenticate(String)}, with the store's change stamp read for this request: while it is
     * unchanged (no user disabled, no one logged out), the session and its user come from memory.
     */
    public Optional<UserAccount> authenticate(String token, long stamp) {
        long now = clock.millis();
        String key = hash(token);
        Live s = live.get(key, stamp, () -> load(key));
        if (s == null) {
            return Optional.empty();
        }
        if (expired(s, now)) {
            // Another process may have renewed the idle clock since this one read it: decide on the stored row.
            s = load(key);
            if (s == null) {
                live.forget(key);
                return Optional.empty();
            }
            live.put(key, stamp, s);
        }
        if (expired(s, now) || s.user().isEmpty()) {
            end(token);
            return Optional.empty();
        }
        // The idle clock is renewed at most once a minute (a write, and on SQLite a sync to disk, on every
        // request would cost more than the request itself), and at least four times per idle period, so a
        // session in use never dies of idleness whatever the setting.
        if (now - s.lastSeenMs() >= renewAfterMs) {
            db.dsl().update(LOGIN_SESSION).set(LOGIN_SESSION.LAST_SEEN_MS, now).where(LOGIN_SESSION.TOKEN_HASH.eq(key)).execute();
            live.put(key, stamp, new Live(s.createdMs(), now, s.user()));
        }
        return s.user();
    }

    private boolean expired(Live s, long now) {
        return now - s.lastSeenMs() > idle.toMillis() || now - s.createdMs() > absolute.toMillis();
    }

    /** A stored session with its user (empty when the user is disabled or gone); null when there is none. */
    private Live load(String key) {
        return db.dsl().selectFrom(LOGIN_SESSION).where(LOGIN_SESSION.TOKEN_HASH.eq(key)).fetchOptional()
                .map(r -> new Live(r.getCreatedMs(), r.getLastSeenMs(),
                        users.get(r.getUsername()).map(Versioned::value).filter(u -> !u.disabled())))
                .orElse(null);
    }

    /** Ends the session; a write transaction, so every process's caches see the token gone. */
    public void end(String token) {
        String key = hash(token);
        db.inTransaction(tx -> tx.deleteFrom(LOGIN_SESSION).where(LOGIN_SESSION.TOKEN_HASH.eq(key)).execute());
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
