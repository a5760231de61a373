package org.cadre.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.javalin.Javalin;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

/**
 * The raw limit the web benchmarks compare with: a bare Javalin endpoint, {@code GET /row}, reading one row of
 * the same SQLite file with plain JDBC (HikariCP, 4 connections, as the store) and answering it as JSON.
 */
final class BareEndpoint implements AutoCloseable {

    private final HikariDataSource pool;
    private final Javalin app;

    private BareEndpoint(Path file) {
        HikariConfig raw = new HikariConfig();
        raw.setJdbcUrl("jdbc:sqlite:" + file);
        raw.setMaximumPoolSize(4);
        this.pool = new HikariDataSource(raw);
        this.app = Javalin.create(config -> config.routes.get("/row", ctx -> {
            try (Connection c = pool.getConnection();
                    PreparedStatement s = c.prepareStatement("SELECT id, latin_name, country FROM person WHERE id = ?")) {
                s.setString(1, "p-kz-01");
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    ctx.contentType("application/json").result("{\"id\":\"" + r.getString(1) + "\",\"name\":\"" + r.getString(2)
                            + "\",\"country\":\"" + r.getString(3) + "\"}");
                }
            }
        })).start("127.0.0.1", 0);
    }

    /** Starts the endpoint over the SQLite file (which holds the demo's person {@code p-kz-01}). */
    static BareEndpoint start(Path file) {
        return new BareEndpoint(file);
    }

    int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
        pool.close();
    }
}
