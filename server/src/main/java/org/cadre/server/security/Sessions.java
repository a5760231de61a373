package org.cadre.server.security;

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
import org.cadre.server.store.UserAccount;
import org.cadre.server.store.Users;
import org.cadre.server.store.Versioned;

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
        long now = clock.millis();
        var row = db.dsl().selectFrom(LOGIN_SESSION).where(LOGIN_SESSION.TOKEN_HASH.eq(hash(token))).fetchOptional();
        if (row.isEmpty()) {
            return Optional.empty();
        }
        var s = row.get();
        boolean expired = now - s.getLastSeenMs() > idle.toMillis() || now - s.getCreatedMs() > absolute.toMillis();
        Optional<UserAccount> user = users.get(s.getUsername()).map(Versioned::value).filter(u -> !u.disabled());
        if (expired || user.isEmpty()) {
            end(token);
            return Optional.empty();
        }
        // The idle clock is renewed at most once a minute: a write (and on SQLite a sync to disk) on every
        // request would cost more than the request itself; idle expiry is thus exact to within a minute.
        if (now - s.getLastSeenMs() >= RENEW_AFTER_MS) {
            db.dsl().update(LOGIN_SESSION).set(LOGIN_SESSION.LAST_SEEN_MS, now).where(LOGIN_SESSION.TOKEN_HASH.eq(hash(token))).execute();
        }
        return user;
    }

    public void end(String token) {
        db.dsl().deleteFrom(LOGIN_SESSION).where(LOGIN_SESSION.TOKEN_HASH.eq(hash(token))).execute();
    }

    private static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
