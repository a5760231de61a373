package org.cadre.server.store;

import static org.cadre.server.store.schema.Tables.ROSTER_UPLOAD;

import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import org.cadre.roster.EventId;

/**
 * Roster files checked on the import page and waiting for their confirmation, in the database so that the
 * confirmation may reach any server instance. A file is kept for {@link #KEPT} after its check, and a user keeps
 * at most {@link #MOST_PER_USER}: older ones are deleted whenever a file is kept (deleted content is zeroed on
 * SQLite, see {@link Database}). A file is read back only by the user who checked it, for the event it was
 * checked for.
 */
public final class RosterUploads {

    /** How long a checked file waits for its confirmation. */
    public static final Duration KEPT = Duration.ofMinutes(30);

    /** The most checked files one user keeps waiting at once (a file is up to 16 MiB). */
    public static final int MOST_PER_USER = 4;

    private final Database db;
    private final Clock clock;

    public RosterUploads(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Keeps a checked file under {@code key} for the user and the event, deleting files past their time and the user's oldest beyond the most. */
    public void keep(String key, String username, EventId event, byte[] file) {
        long now = clock.millis();
        db.inTransaction(tx -> {
            Database.touch(tx, Topic.NOTHING_CACHED); // no cached read holds an upload
            tx.deleteFrom(ROSTER_UPLOAD).where(ROSTER_UPLOAD.CREATED_MS.lt(now - KEPT.toMillis())).execute();
            tx.insertInto(ROSTER_UPLOAD)
                    .set(ROSTER_UPLOAD.UPLOAD_KEY, key)
                    .set(ROSTER_UPLOAD.USERNAME, username)
                    .set(ROSTER_UPLOAD.EVENT_ID, event.value())
                    .set(ROSTER_UPLOAD.CREATED_MS, now)
                    .set(ROSTER_UPLOAD.CONTENT, Base64.getEncoder().encodeToString(file))
                    .execute();
            var newest = tx.select(ROSTER_UPLOAD.UPLOAD_KEY).from(ROSTER_UPLOAD).where(ROSTER_UPLOAD.USERNAME.eq(username))
                    .orderBy(ROSTER_UPLOAD.CREATED_MS.desc(), ROSTER_UPLOAD.UPLOAD_KEY.desc()).limit(MOST_PER_USER).fetch(ROSTER_UPLOAD.UPLOAD_KEY);
            tx.deleteFrom(ROSTER_UPLOAD).where(ROSTER_UPLOAD.USERNAME.eq(username).and(ROSTER_UPLOAD.UPLOAD_KEY.notIn(newest))).execute();
            return null;
        });
    }

    /** Deletes every file kept (for an erasure: a file waiting for its import may name the person erased). */
    public void forgetAll() {
        db.inTransaction(tx -> {
            Database.touch(tx, Topic.NOTHING_CACHED);
            return tx.deleteFrom(ROSTER_UPLOAD).execute();
        });
    }

    /** The file kept under {@code key} for this user and event, if it is still kept. */
    public Optional<byte[]> checked(String key, String username, EventId event) {
        long since = clock.millis() - KEPT.toMillis();
        return db.dsl().select(ROSTER_UPLOAD.CONTENT).from(ROSTER_UPLOAD)
                .where(ROSTER_UPLOAD.UPLOAD_KEY.eq(key).and(ROSTER_UPLOAD.USERNAME.eq(username))
                        .and(ROSTER_UPLOAD.EVENT_ID.eq(event.value())).and(ROSTER_UPLOAD.CREATED_MS.ge(since)))
                .fetchOptional(ROSTER_UPLOAD.CONTENT).map(Base64.getDecoder()::decode);
    }
}
