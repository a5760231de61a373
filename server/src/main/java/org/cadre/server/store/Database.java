package org.cadre.server.store;

import static org.cadre.server.store.schema.Tables.CHANGE_LOG;
import static org.cadre.server.store.schema.Tables.CHANGE_STAMP;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.sqlite.SQLiteConfig;

/**
 * A migrated database and its connection pool. {@link #sqlite(Path)} opens (or creates) an embedded file;
 * {@link #postgres(String)} connects to a PostgreSQL server by JDBC URL. Either way the Flyway migrations
 * are applied at opening, and a database whose schema is newer than this code is refused.
 *
 * <p>SQLite is set up on every connection and checked once opened: WAL journal, {@code synchronous=FULL},
 * foreign keys on, a busy timeout of 10 s, and write transactions begun {@code IMMEDIATE}, so concurrent
 * writers queue for the single write lock instead of failing half-way.
 */
public final class Database implements AutoCloseable {

    static {
        // jOOQ prints a banner and tips through its logger on first use; a service's logs are no place for them.
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
    }

    /** How long a SQLite connection waits for the write lock before giving up. */
    public static final int BUSY_TIMEOUT_MILLIS = 10_000;

    private final HikariDataSource pool;
    private final SQLDialect dialect;
    private final String description;
    private final Changes changes;
    private final ChangeListener listener;

    private Database(HikariDataSource pool, SQLDialect dialect, String description, String listenUrl) {
        this.pool = pool;
        this.dialect = dialect;
        this.description = description;
        this.changes = new Changes(pool);
        this.listener = listenUrl == null ? null : ChangeListener.start(listenUrl, channel(pool), changes);
    }

    /** How long a request waits for a connection before the database counts as unreachable (503). */
    public static final long CONNECTION_WAIT_MILLIS = 3_000;

    /** Opens, creating if needed, the SQLite file and migrates it. */
    public static Database sqlite(Path file) {
        return sqlite(file, 0);
    }

    /**
     * As {@link #sqlite(Path)}, the file limited to {@code maxPages} pages (0: no limit), as if the disk
     * were that small: for tests of what a full disk does.
     */
    public static Database sqlite(Path file, int maxPages) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot create the folder for " + file + ": " + e.getMessage(), e);
        }
        SQLiteConfig sqlite = new SQLiteConfig();
        sqlite.setJournalMode(SQLiteConfig.JournalMode.WAL);
        sqlite.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        sqlite.enforceForeignKeys(true);
        sqlite.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
        sqlite.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        if (maxPages > 0) {
            sqlite.setMaxPageCount(maxPages);
        }
        // Deleted and overwritten content is zeroed, not left in free space: an erased name leaves no trace.
        sqlite.setPragma(SQLiteConfig.Pragma.SECURE_DELETE, "true");
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:sqlite:" + file.toAbsolutePath());
        config.setDataSourceProperties(sqlite.toProperties());
        // One writer at a time is all SQLite allows; a few connections let readers go on in WAL mode.
        config.setMaximumPoolSize(4);
        config.setConnectionTimeout(CONNECTION_WAIT_MILLIS);
        config.setPoolName("cadre-sqlite");
        Database db = open(new HikariDataSource(config), SQLDialect.SQLITE, "SQLite file " + file.toAbsolutePath(), null);
        db.verifySqliteSettings();
        return db;
    }

    /** Connects to PostgreSQL and migrates the database (or the schema named by {@code currentSchema}). */
    public static Database postgres(String jdbcUrl) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setMaximumPoolSize(16);
        // A database that stops answering is answered with 503 within seconds, not after Hikari's 30 s.
        config.setConnectionTimeout(CONNECTION_WAIT_MILLIS);
        config.setValidationTimeout(1_000);
        config.setPoolName("cadre-postgres");
        return open(new HikariDataSource(config), SQLDialect.POSTGRES, "PostgreSQL " + jdbcUrl.replaceAll("password=[^&]*", "password=***"),
                jdbcUrl);
    }

    private static Database open(HikariDataSource pool, SQLDialect dialect, String description, String listenUrl) {
        try {
            Flyway flyway = Flyway.configure().dataSource(pool).locations("classpath:db/migration")
                    .ignoreMigrationPatterns("").load();
            refuseNewerSchema(flyway, description);
            flyway.migrate();
            return new Database(pool, dialect, description, listenUrl);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    /** A database migrated by a newer Cadre has versions this code does not know: refuse to touch it. */
    private static void refuseNewerSchema(Flyway flyway, String description) {
        MigrationVersion known = MigrationVersion.EMPTY;
        MigrationInfo newest = null;
        for (MigrationInfo m : flyway.info().all()) {
            if (m.getVersion() == null) {
                continue;
            }
            if (m.getState().isResolved() && (known == MigrationVersion.EMPTY || m.getVersion().compareTo(known) > 0)) {
                known = m.getVersion();
            }
            if (!m.getState().isResolved() && m.getState().isApplied()) {
                newest = m;
            }
        }
        if (newest != null) {
            throw new IllegalStateException("The database (" + description + ") has schema version " + newest.getVersion()
                    + ", newer than this Cadre knows (" + known + "). Use a newer Cadre, or restore a backup made by this one.");
        }
    }

    private void verifySqliteSettings() {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            expect(s, "journal_mode", v -> v.toLowerCase(Locale.ROOT).equals("wal"), "wal");
            expect(s, "synchronous", v -> v.equals("2"), "2 (FULL)");
            expect(s, "foreign_keys", v -> v.equals("1"), "1 (on)");
            expect(s, "busy_timeout", v -> Integer.parseInt(v) >= 5_000, "at least 5000 ms");
            expect(s, "secure_delete", v -> v.equals("1"), "1 (on)");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot check the SQLite settings of " + description + ": " + e.getMessage(), e);
        }
    }

    private void expect(Statement s, String pragma, java.util.function.Predicate<String> ok, String wanted) throws SQLException {
        try (ResultSet r = s.executeQuery("PRAGMA " + pragma)) {
            String value = r.next() ? r.getString(1) : "(none)";
            if (!ok.test(value)) {
                close();
                throw new IllegalStateException("refusing to start: SQLite " + pragma + " is " + value + ", expected " + wanted
                        + " (" + description + ")");
            }
        }
    }

    /**
     * Writes a consistent copy of the SQLite database to {@code target} while the server keeps running
     * ({@code VACUUM INTO}: one read transaction, so writers are not blocked for long). The target must
     * not exist.
     */
    public void backupTo(Path target) {
        if (dialect != SQLDialect.SQLITE) {
            throw new UnsupportedOperationException("online backup is for SQLite; back PostgreSQL up with pg_dump");
        }
        if (Files.exists(target)) {
            throw new IllegalArgumentException("backup target " + target + " exists already; choose a new file");
        }
        try (Connection c = pool.getConnection(); java.sql.PreparedStatement s = c.prepareStatement("VACUUM INTO ?")) {
            s.setString(1, target.toAbsolutePath().toString());
            s.execute();
        } catch (SQLException e) {
            throw new IllegalStateException("backup to " + target + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * Restores a backup made by {@link #backupTo}: copies it over {@code file} (which must not be open) and
     * opens it, checking its integrity first.
     */
    public static Database restore(Path backup, Path file) {
        try {
            for (String suffix : new String[] {"-wal", "-shm"}) {
                Files.deleteIfExists(Path.of(file + suffix));
            }
            Files.copy(backup, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot restore " + backup + " to " + file + ": " + e.getMessage(), e);
        }
        Database db = sqlite(file);
        String check = String.valueOf(db.dsl().fetchValue("PRAGMA integrity_check"));
        if (!"ok".equals(check)) {
            db.close();
            throw new IllegalStateException("the restored database " + file + " fails its integrity check: " + check);
        }
        return db;
    }

    /**
     * SQLite has one writer at a time; a connection that finds the write lock taken waits in SQLite's busy
     * handler, which sleeps in growing steps (up to 100 ms) and so turns a queue of short transactions into
     * long waits. This process's writers queue here instead, in order, each taking the lock as the last
     * lets it go; writers in other processes still meet the busy timeout.
     */
    private final java.util.concurrent.locks.ReentrantLock writer = new java.util.concurrent.locks.ReentrantLock(true);

    /** Runs {@code write} (one write transaction) after this process's other writers, on SQLite; at once on PostgreSQL. */
    public <T> T oneWriterAtATime(java.util.function.Supplier<T> write) {
        if (dialect != SQLDialect.SQLITE) {
            return write.get();
        }
        try {
            if (!writer.tryLock(BUSY_TIMEOUT_MILLIS, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                String busy = "the database stayed locked by this process's other writers for " + BUSY_TIMEOUT_MILLIS + " ms";
                throw new org.jooq.exception.DataAccessException(busy, new java.sql.SQLTransientConnectionException(busy));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new org.jooq.exception.DataAccessException("interrupted while waiting to write", e);
        }
        try {
            return write.get();
        } finally {
            writer.unlock();
        }
    }

    /**
     * Runs {@code write} (one short statement that may as well wait for a later request, such as renewing a
     * session's idle clock) only if it need not wait: on SQLite, if no writer of this process holds the write
     * lock and no other process's writer holds SQLite's (checked by the statement itself, which gives up at
     * once instead of after the busy timeout); on PostgreSQL, at once. Whether it ran.
     */
    public boolean ifFreeToWrite(java.util.function.Consumer<DSLContext> write) {
        if (dialect != SQLDialect.SQLITE) {
            write.accept(dsl());
            return true;
        }
        if (!writer.tryLock()) {
            return false;
        }
        try {
            return dsl().connectionResult(c -> {
                try (Statement s = c.createStatement()) {
                    s.execute("PRAGMA busy_timeout = 0");
                }
                try {
                    write.accept(DSL.using(c, dialect));
                    return true;
                } catch (org.jooq.exception.DataAccessException e) {
                    if (e.getCause() instanceof org.sqlite.SQLiteException busy && (busy.getResultCode().code & 0xFF) == 5) {
                        return false; // SQLITE_BUSY: another process is writing
                    }
                    throw e;
                } finally {
                    try (Statement s = c.createStatement()) {
                        s.execute("PRAGMA busy_timeout = " + BUSY_TIMEOUT_MILLIS);
                    }
                }
            });
        } finally {
            writer.unlock();
        }
    }

    private static final String BUMP_STAMP = "UPDATE change_stamp SET stamp = stamp + 1 WHERE id = 1 RETURNING stamp";
    private static final String LOG_TOPICS = "INSERT INTO change_log (stamp, topics) VALUES (?, ?)";

    /** The transaction's topics, kept in its jOOQ configuration for {@link #touch}. */
    private static final String TOPICS = "cadre.topics";

    /** More topics than this in one transaction are logged as one: anything. */
    static final int MAX_TOPICS = 100;

    /** Every how many stamps the change log is pruned, and how many stamps it keeps. */
    private static final long PRUNE_EVERY = 1_000;
    private static final long KEEP_STAMPS = 20_000;

    /**
     * Runs {@code work} in one transaction: all of it is committed, or none of it. The stamp moves by one and
     * the topics the work {@linkplain #touch touched} are logged under it (and on PostgreSQL sent to every
     * instance); work that touched nothing counts as having changed anything.
     */
    public <T> T inTransaction(Function<DSLContext, T> work) {
        return inTransaction(work, new boolean[1]);
    }

    private final GroupCommit group = new GroupCommit(this);

    /**
     * As {@link #inTransaction}, for small writes that many make at once (attendance): on SQLite, committed
     * in one transaction with the writes waiting for the lock beside it, sharing its sync to disk (see
     * {@link GroupCommit}: each still ends as it would alone); on PostgreSQL, alone. {@code work} may run
     * twice (if the shared transaction fails, each of its writes runs again alone), so it must change nothing
     * outside its transaction.
     */
    public <T> T inGroupCommit(Function<DSLContext, T> work) {
        return dialect == SQLDialect.SQLITE ? group.run(work) : inTransaction(work);
    }

    /** How many writes wait to be committed together now (for tests). */
    int writesWaiting() {
        return group.waiting();
    }

    /** As {@link #inTransaction(Function)}; {@code committed[0]} is set once the transaction has committed. */
    <T> T inTransaction(Function<DSLContext, T> work, boolean[] committed) {
        java.util.Set<Topic> topics = new java.util.LinkedHashSet<>();
        long[] stamp = new long[1];
        List<String> logged = new ArrayList<>();
        T result = oneWriterAtATime(() -> dsl().transactionResult(config -> {
            config.data(TOPICS, topics);
            DSLContext tx = DSL.using(config);
            T done = work.apply(tx);
            logged.clear();
            logged.addAll(logged(topics));
            // Last, so the row lock that orders the stamps is held for the shortest time; statements written
            // out (not rendered by jOOQ) because every write transaction runs them.
            stamp[0] = tx.connectionResult(c -> {
                try (java.sql.PreparedStatement bump = c.prepareStatement(BUMP_STAMP)) {
                    try (ResultSet r = bump.executeQuery()) {
                        r.next();
                        long s = r.getLong(1);
                        try (java.sql.PreparedStatement log = c.prepareStatement(LOG_TOPICS)) {
                            log.setLong(1, s);
                            log.setString(2, String.join(" ", logged));
                            log.executeUpdate();
                        }
                        return s;
                    }
                }
            });
            if (stamp[0] % PRUNE_EVERY == 0 && stamp[0] > KEEP_STAMPS) {
                long keptFrom = stamp[0] - KEEP_STAMPS;
                tx.deleteFrom(CHANGE_LOG).where(CHANGE_LOG.STAMP.lt(keptFrom)).execute();
                tx.update(CHANGE_STAMP).set(CHANGE_STAMP.STAMP, keptFrom).where(CHANGE_STAMP.ID.eq(2)).execute();
            }
            if (listener != null) {
                // Delivered to every listening instance when (and only if) the transaction commits.
                tx.fetch("SELECT pg_notify(?, ?)", listener.channel(), Changes.payload(stamp[0], logged));
            }
            return done;
        }));
        committed[0] = true;
        changes.heard(stamp[0], List.copyOf(logged));
        return result;
    }

    /** What a transaction's topics are logged as: none touched or too many is anything; nothing cached is none. */
    private static List<String> logged(java.util.Set<Topic> topics) {
        if (topics.isEmpty() || topics.contains(Topic.ALL) || topics.size() > MAX_TOPICS) {
            return List.of(Topic.ALL.name());
        }
        List<String> names = new ArrayList<>();
        int length = 0;
        for (Topic t : topics) {
            if (!t.equals(Topic.NOTHING_CACHED)) {
                names.add(t.name());
                length += t.name().length() + 1;
            }
        }
        // A notification carries at most 8,000 bytes; anything is shorter.
        return length > 7_000 ? List.of(Topic.ALL.name()) : names;
    }

    /**
     * Records that the transaction {@code tx} (one of {@link #inTransaction}) changes {@code topic}, so the
     * caches forget what they read from it once it commits. A transaction that touches nothing is taken to
     * change anything; store methods touch what they write. Outside such a transaction, nothing happens.
     */
    public static void touch(DSLContext tx, Topic topic) {
        @SuppressWarnings("unchecked")
        java.util.Set<Topic> topics = (java.util.Set<Topic>) tx.configuration().data(TOPICS);
        if (topics != null) {
            topics.add(topic);
        }
    }

    /** What keeps this process's caches current with the store. */
    public Changes changes() {
        return changes;
    }

    /**
     * After an erasure: moves every change from SQLite's write-ahead log into the database file and empties
     * the log, so that what was overwritten survives in neither (with secure delete on, the file's free
     * space is zeroed). PostgreSQL keeps old row versions until VACUUM reuses their space; see README.
     */
    public void forgetOverwritten() {
        if (dialect == SQLDialect.SQLITE) {
            dsl().fetch("PRAGMA wal_checkpoint(TRUNCATE)");
        }
    }

    /**
     * Runs {@code setup} (what a first start stores: the first administrator, the demo) while no other process
     * runs its own on this PostgreSQL database (a session advisory lock, per schema), so that instances started
     * together on a new database do not both store it; on SQLite, at once (one server per file).
     */
    public void settingUp(Runnable setup) {
        if (dialect != SQLDialect.POSTGRES) {
            setup.run();
            return;
        }
        try (Connection c = pool.getConnection(); java.sql.PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_lock(hashtext(?))");
                java.sql.PreparedStatement unlock = c.prepareStatement("SELECT pg_advisory_unlock(hashtext(?))")) {
            String key = "cadre-setup:" + channel(pool);
            lock.setString(1, key);
            lock.execute();
            try {
                setup.run();
            } finally {
                unlock.setString(1, key);
                unlock.execute();
            }
        } catch (SQLException e) {
            throw new org.jooq.exception.DataAccessException("cannot take the setup lock: " + e.getMessage(), e);
        }
    }

    /** Whether the database answers now (a trivial query within the connection wait). */
    public boolean answers() {
        try {
            dsl().fetchValue("SELECT 1");
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * A number that grows with every committed write transaction: when it has not changed, nothing stored
     * has (see V9__change_stamp.sql). Read caches are keyed by it.
     */
    public long changeStamp() {
        return dsl().select(CHANGE_STAMP.STAMP).from(CHANGE_STAMP).where(CHANGE_STAMP.ID.eq(1)).fetchSingle().value1();
    }

    /** A jOOQ context over the pool; each statement uses its own connection unless in a transaction. */
    public DSLContext dsl() {
        return DSL.using(pool, dialect);
    }

    public SQLDialect dialect() {
        return dialect;
    }

    /** What this database is, for logs and the health endpoint (never a password). */
    public String description() {
        return description;
    }

    /** The PostgreSQL notification channel of this database's schema (one per schema, so test schemas stay apart). */
    private static String channel(HikariDataSource pool) {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT current_schema()")) {
            String schema = r.next() && r.getString(1) != null ? r.getString(1) : "public";
            return ("cadre_changes_" + schema.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_"));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the current schema: " + e.getMessage(), e);
        }
    }

    /** Whether this instance hears other instances' changes now (PostgreSQL's listening connection is up). */
    public boolean listening() {
        return listener != null && listener.listening();
    }

    @Override
    public void close() {
        if (listener != null) {
            listener.close();
        }
        pool.close();
    }
}
