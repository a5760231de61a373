package org.cadre.server.store;

import static org.cadre.server.store.schema.Tables.LOGIN_ATTEMPT;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/**
 * Slows down password guessing, per username and per client address, within a sliding window, for every
 * server instance on the database at once (the attempts are stored, so guesses spread over several
 * instances count together):
 * <ul>
 *   <li>a username takes {@code perUser} failed logins; then every attempt for it is refused until the
 *       oldest failure leaves the window;
 *   <li>an address takes failures for {@code perAddress} different usernames (password spraying); one
 *       person's own mistakes, however many, count once there, so they never lock out an office that
 *       shares an address.
 * </ul>
 * An attempt is reserved before the password is checked ({@link #begin}) and counts as a failure while
 * it is under way (and for the window, should its server stop before it ends), so a burst of parallel
 * guesses cannot all slip through before the first is counted: reservations for one username or address
 * are made one after another (SQLite has one writer; on PostgreSQL a transaction-scoped advisory lock).
 * Attempts older than the window are deleted as new ones come. Nothing here moves the change stamp: no
 * cached read depends on it.
 */
public final class LoginThrottle {

    private static final String PENDING = "pending";
    private static final String FAILED = "failed";

    private final Database db;
    private final Clock clock;
    private final int perUser;
    private final int perAddress;
    private final Duration window;

    public LoginThrottle(Database db, Clock clock, int perUser, int perAddress, Duration window) {
        this.db = db;
        this.clock = clock;
        this.perUser = perUser;
        this.perAddress = perAddress;
        this.window = window;
    }

    /** An attempt under way: end it with {@link #failed()} or {@link #succeeded()}. */
    public final class Attempt {
        private final String id;
        private final String user;
        private boolean ended;

        private Attempt(String id, String user) {
            this.id = id;
            this.user = user;
        }

        /** The password was wrong (or the user unknown): the attempt stays counted, from now. */
        public synchronized void failed() {
            if (ended) {
                return;
            }
            ended = true;
            db.oneWriterAtATime(() -> db.dsl().update(LOGIN_ATTEMPT).set(LOGIN_ATTEMPT.OUTCOME, FAILED).set(LOGIN_ATTEMPT.AT_MS, clock.millis())
                    .where(LOGIN_ATTEMPT.ID.eq(id)).execute());
        }

        /** The login succeeded: the username's failures are forgotten. */
        public synchronized void succeeded() {
            if (ended) {
                return;
            }
            ended = true;
            db.oneWriterAtATime(() -> db.dsl().deleteFrom(LOGIN_ATTEMPT)
                    .where(LOGIN_ATTEMPT.ID.eq(id).or(LOGIN_ATTEMPT.USERNAME.eq(user).and(LOGIN_ATTEMPT.OUTCOME.eq(FAILED)))).execute());
        }
    }

    /**
     * Reserves an attempt for the username from the address, or empty when either is locked. The username
     * is compared without regard to case (as logins are).
     */
    public Optional<Attempt> begin(String username, String address) {
        String user = key(username.toLowerCase(Locale.ROOT));
        String from = key(address);
        long now = clock.millis();
        long cutoff = now - window.toMillis();
        return db.oneWriterAtATime(() -> db.dsl().transactionResult(config -> {
            DSLContext tx = DSL.using(config);
            if (db.dialect() == SQLDialect.POSTGRES) {
                // Always in the same order (username, then address), so two reservations never wait on each other.
                tx.fetch("SELECT pg_advisory_xact_lock(hashtext(?)), pg_advisory_xact_lock(hashtext(?))", "u:" + user, "a:" + from);
            }
            var old = LOGIN_ATTEMPT.AT_MS.lt(cutoff);
            tx.deleteFrom(LOGIN_ATTEMPT).where(ThreadLocalRandom.current().nextInt(1_000) == 0 ? old
                    : old.and(LOGIN_ATTEMPT.USERNAME.eq(user).or(LOGIN_ATTEMPT.ADDRESS.eq(from)))).execute();
            Set<String> sprayed = tx.selectDistinct(LOGIN_ATTEMPT.USERNAME).from(LOGIN_ATTEMPT)
                    .where(LOGIN_ATTEMPT.ADDRESS.eq(from).and(LOGIN_ATTEMPT.OUTCOME.eq(FAILED))).fetchSet(LOGIN_ATTEMPT.USERNAME);
            if (sprayed.size() >= perAddress && !sprayed.contains(user)) {
                return Optional.<Attempt>empty();
            }
            int counted = tx.fetchCount(LOGIN_ATTEMPT, LOGIN_ATTEMPT.USERNAME.eq(user).and(LOGIN_ATTEMPT.OUTCOME.in(FAILED, PENDING)));
            if (counted >= perUser) {
                return Optional.<Attempt>empty();
            }
            String id = UUID.randomUUID().toString();
            tx.insertInto(LOGIN_ATTEMPT).set(LOGIN_ATTEMPT.ID, id).set(LOGIN_ATTEMPT.USERNAME, user).set(LOGIN_ATTEMPT.ADDRESS, from)
                    .set(LOGIN_ATTEMPT.AT_MS, now).set(LOGIN_ATTEMPT.OUTCOME, PENDING).execute();
            return Optional.of(new Attempt(id, user));
        }));
    }

    /**
     * Forgets the username's failed logins, as a successful login does: for an administrator's password reset, so that
     * a user locked out by mistakes (theirs or a guesser's) signs in with the new password at once rather than after
     * the window. An address's failures for other usernames stay.
     */
    public void forgetFailures(String username) {
        String user = key(username.toLowerCase(Locale.ROOT));
        db.oneWriterAtATime(() -> db.dsl().deleteFrom(LOGIN_ATTEMPT)
                .where(LOGIN_ATTEMPT.USERNAME.eq(user).and(LOGIN_ATTEMPT.OUTCOME.eq(FAILED))).execute());
    }

    /** What is stored for a typed username or an address: itself, or its hash when longer than a column holds. */
    private static String key(String value) {
        if (value.length() <= 60) {
            return value;
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
