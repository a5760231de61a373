package org.cadre.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

/**
 * The databases store tests run against: always a fresh SQLite file; and a fresh schema on the PostgreSQL
 * server named by {@code CADRE_TEST_PG_URL} (default {@value #DEFAULT_PG}). When that server does not
 * answer, PostgreSQL cases are skipped with a message, except with {@code CI=true}, where they fail.
 */
public final class TestDatabases {

    static final String DEFAULT_PG = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";

    public enum Kind { SQLITE, POSTGRES }

    private static final List<String> CREATED = new java.util.concurrent.CopyOnWriteArrayList<>();

    static {
        // Test schemas are dropped when the test JVM ends, so runs leave the shared test database clean.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (CREATED.isEmpty()) {
                return;
            }
            try (Connection c = DriverManager.getConnection(pgUrl())) {
                for (String schema : CREATED) {
                    c.createStatement().execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
                }
            } catch (SQLException ignored) {
                // The server went away first; nothing left to clean.
            }
        }));
    }

    private TestDatabases() {}

    public static List<Kind> kinds() {
        return List.of(Kind.SQLITE, Kind.POSTGRES);
    }

    /** A new, migrated, empty database of the kind; the caller closes it. */
    public static Database fresh(Kind kind) throws Exception {
        return switch (kind) {
            case SQLITE -> Database.sqlite(Files.createTempDirectory("cadre-store").resolve("cadre.db"));
            case POSTGRES -> {
                String url = freshPostgresSchema();
                Database db = Database.postgres(url);
                URLS.put(db, url);
                yield db;
            }
        };
    }

    private static final java.util.Map<Database, String> URLS = java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

    /**
     * A second connection pool (as a second server instance would have) on the PostgreSQL schema of a
     * database made by {@link #fresh}; the caller closes it.
     */
    public static Database sameSchema(Database db) {
        String url = URLS.get(db);
        if (url == null) {
            throw new IllegalArgumentException("not a PostgreSQL database made by TestDatabases.fresh");
        }
        return Database.postgres(url);
    }

    static String pgUrl() {
        String url = System.getenv("CADRE_TEST_PG_URL");
        return url == null || url.isBlank() ? DEFAULT_PG : url;
    }

    /** Creates a schema of its own on the test server and returns a URL that works in it. */
    private static String freshPostgresSchema() {
        String url = pgUrl();
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection c = DriverManager.getConnection(url)) {
            c.createStatement().execute("CREATE SCHEMA " + schema);
            CREATED.add(schema);
        } catch (SQLException e) {
            boolean ci = "true".equals(System.getenv("CI"));
            String message = "PostgreSQL is not reachable at " + url + " (" + e.getMessage()
                    + "); set CADRE_TEST_PG_URL or start a server to run the PostgreSQL store tests";
            if (!ci) {
                assumeThat(false).as(message).isTrue();
            }
            assertThat(false).as("CI=true: " + message).isTrue();
        }
        return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    /**
     * Holds this process's write lock of {@code db} ({@link Database#oneWriterAtATime}) on a thread of its own,
     * from when this returns until the handle is closed: for tests of what writers do while another writes.
     */
    static AutoCloseable holdingTheWriteLock(Database db) throws InterruptedException {
        java.util.concurrent.CountDownLatch holding = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        Thread holder = new Thread(() -> db.oneWriterAtATime(() -> {
            holding.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        }));
        holder.start();
        holding.await();
        return () -> {
            release.countDown();
            holder.join();
        };
    }

    static Path tempFile() throws Exception {
        return Files.createTempDirectory("cadre-store").resolve("cadre.db");
    }
}
