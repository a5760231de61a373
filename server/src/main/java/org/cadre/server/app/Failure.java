package org.cadre.server.app;

import org.cadre.server.store.StoreFailure;

/**
 * What a failure of the store means for the action that met it, on SQLite and PostgreSQL alike: each door
 * answers it in its own way (503, 507, an exit code), never as a fault when it is none.
 */
public enum Failure {
    /** The database does not answer (refused, gone, busy beyond the wait): try again shortly. */
    UNAVAILABLE,
    /** No room left to write. */
    FULL,
    /** The key is taken (two creates raced). */
    DUPLICATE,
    /** A record the write refers to does not exist (removed meanwhile, or never there). */
    MISSING_REFERENCE,
    /** The record changed since the version the change started from. */
    STALE,
    /** Anything else: a fault, to log. */
    OTHER;

    /** The meaning of the failure, from the first database error in its chain of causes. */
    public static Failure of(Throwable failure) {
        if (failure instanceof org.cadre.server.store.StaleVersionException) {
            return STALE;
        }
        return Failure.valueOf(StoreFailure.of(failure).name());
    }
}
