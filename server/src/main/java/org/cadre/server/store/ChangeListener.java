package org.cadre.server.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PostgreSQL's {@code LISTEN} on the schema's change channel, on a connection of its own (not the pool's),
 * handing every notification to {@link Changes}. When the connection dies it is opened again after a
 * second; what was sent meanwhile is not heard, and {@link Changes} reads it from the change log instead.
 * The connection is named {@value #APPLICATION_NAME} in {@code pg_stat_activity}.
 */
final class ChangeListener implements AutoCloseable {

    static final String APPLICATION_NAME = "cadre-listener";

    private static final Logger LOG = LoggerFactory.getLogger("cadre.store");

    private final String url;
    private final String channel;
    private final Changes changes;
    private final Thread thread;
    private volatile boolean closed;
    private volatile boolean listening;
    private volatile Connection connection;
    private boolean lost;

    private ChangeListener(String url, String channel, Changes changes) {
        this.url = url;
        this.channel = channel;
        this.changes = changes;
        this.thread = new Thread(this::run, "cadre-change-listener");
        this.thread.setDaemon(true);
    }

    static ChangeListener start(String url, String channel, Changes changes) {
        ChangeListener l = new ChangeListener(url, channel, changes);
        l.thread.start();
        return l;
    }

    String channel() {
        return channel;
    }

    boolean listening() {
        return listening;
    }

    private void run() {
        while (!closed) {
            Properties props = new Properties();
            props.setProperty("ApplicationName", APPLICATION_NAME);
            try (Connection c = DriverManager.getConnection(url, props)) {
                connection = c;
                try (Statement s = c.createStatement()) {
                    s.execute("LISTEN " + channel);
                }
                PGConnection pg = c.unwrap(PGConnection.class);
                if (lost) {
                    LOG.warn("listening again for other instances' changes");
                    lost = false;
                }
                listening = true;
                while (!closed) {
                    PGNotification[] got = pg.getNotifications(500);
                    if (got != null) {
                        for (PGNotification n : got) {
                            changes.heard(n.getParameter());
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (!closed) {
                    LOG.warn("the connection listening for changes was lost ({}); reading the change log until it is back",
                            e.getMessage());
                    lost = true;
                }
            } finally {
                listening = false;
                connection = null;
            }
            pause(1_000);
        }
    }

    private void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closed = true;
        }
    }

    @Override
    public void close() {
        closed = true;
        Connection c = connection;
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // Closing anyway.
            }
        }
        thread.interrupt();
        try {
            thread.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
