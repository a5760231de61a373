package org.cadre.server.store;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.sqlite.SQLiteException;

/**
 * What a database failure means for the request that met it, on SQLite and PostgreSQL alike: the database
 * cannot be reached (or is busy beyond the wait), the disk is full, a record with the same key was stored
 * at the same moment, a record the write names is gone, or something else (a fault to log).
 */
public enum StoreFailure {
    /** The database does not answer (refused, gone, busy beyond the wait): try again shortly. */
    UNAVAILABLE,
    /** No room left to write. */
    FULL,
    /** The key is taken (two creates raced). */
    DUPLICATE,
    /** A record the write refers to does not exist (removed meanwhile, or never there). */
    MISSING_REFERENCE,
    /** Anything else: a fault. */
    OTHER;

    /** The meaning of the failure, from the first database error in its chain of causes. */
    public static StoreFailure of(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException) {
                return UNAVAILABLE;
            }
            if (t instanceof SQLiteException e) {
                String code = e.getResultCode().name();
                if (code.startsWith("SQLITE_CONSTRAINT_FOREIGNKEY")) {
                    return MISSING_REFERENCE;
                }
                if (code.startsWith("SQLITE_CONSTRAINT_PRIMARYKEY") || code.startsWith("SQLITE_CONSTRAINT_UNIQUE")) {
                    return DUPLICATE;
                }
                if (code.startsWith("SQLITE_FULL")) {
                    return FULL;
                }
                if (code.startsWith("SQLITE_BUSY") || code.startsWith("SQLITE_LOCKED") || code.startsWith("SQLITE_CANTOPEN")) {
                    return UNAVAILABLE;
                }
                return OTHER;
            }
            if (t instanceof SQLException e && e.getSQLState() != null) {
                String state = e.getSQLState();
                if (state.equals("23503")) {
                    return MISSING_REFERENCE;
                }
                if (state.equals("23505")) {
                    return DUPLICATE;
                }
                if (state.equals("53100")) {
                    return FULL;
                }
                if (state.startsWith("08") || state.startsWith("57P") || state.equals("53300") || state.equals("3D000")) {
                    return UNAVAILABLE;
                }
            }
        }
        return OTHER;
    }
}
