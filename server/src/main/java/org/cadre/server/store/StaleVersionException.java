package org.cadre.server.store;

/**
 * An update was based on a version that is no longer current: someone else changed the record first.
 * The API answers 409 or 412; nothing was written.
 */
public final class StaleVersionException extends RuntimeException {

    private final String entity;
    private final String id;
    private final int expected;

    public StaleVersionException(String entity, String id, int expected) {
        super(entity + " " + id + " is no longer at version " + expected + ": it was changed by someone else, or removed");
        this.entity = entity;
        this.id = id;
        this.expected = expected;
    }

    public String entity() {
        return entity;
    }

    public String id() {
        return id;
    }

    public int expectedVersion() {
        return expected;
    }
}
