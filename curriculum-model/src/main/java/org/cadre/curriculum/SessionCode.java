package org.cadre.curriculum;

import org.cadre.kernel.Require;

/** Identifies a session, unique across the whole curriculum (for example {@code M1.S3}). */
public record SessionCode(String value) implements Comparable<SessionCode> {

    public SessionCode {
        Require.code(value, "SessionCode");
    }

    public static SessionCode of(String value) {
        return new SessionCode(value);
    }

    @Override
    public int compareTo(SessionCode other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
