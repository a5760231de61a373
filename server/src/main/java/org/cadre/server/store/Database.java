package org.cadre.server.store;

import static org.cadre.server.store.schema.Tables.CHANGE_STAMP;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
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

    private Database(HikariDataSource pool, SQLDialect dialect, String description) {
        this.pool = pool;
        this.dialect = dialect;
        this.description = description;
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
        Database db = open(new HikariDataSource(config), SQLDialect.SQLITE, "SQLite file " + file.toAbsolutePath());
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
        return open(new HikariDataSource(config), SQLDialect.POSTGRES, "PostgreSQL " + jdbcUrl.replaceAll("password=[^&]*", "password=***"));
    }

    private static Database open(HikariDataSource pool, SQLDialect dialect, String description) {
        try {
            Flyway flyway = Flyway.configure().dataSource(pool).locations("classpath:db/migration")
                    .ignoreMigrationPatterns("").load();
            refuseNewerSchema(flyway, description);
            flyway.migrate();
            return new Database(pool, dialect, description);
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

    /** Runs {@code work} in one transaction: all of it is committed, or none of it. */
    public <T> T inTransaction(Function<DSLContext, T> work) {
        return dsl().transactionResult(config -> {
            DSLContext tx = DSL.using(config);
            T result = work.apply(tx);
            // Last, so the row lock that orders the stamps is held for the shortest time.
            tx.update(CHANGE_STAMP).set(CHANGE_STAMP.STAMP, CHANGE_STAMP.STAMP.plus(1)).where(CHANGE_STAMP.ID.eq(1)).execute();
            return result;
        });
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

    @Override
    public void close() {
        pool.close();
    }
}
