package org.cadre.server.store;

/** Something that is stored once and never changed (a package version) was stored again. The API answers 409. */
public final class AlreadyStoredException extends RuntimeException {

    public AlreadyStoredException(String what) {
        super(what + " is stored already and cannot be changed; store a new version instead");
    }
}
