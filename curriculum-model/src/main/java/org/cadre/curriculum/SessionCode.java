package org.cadre.curriculum;

import org.cadre.kernel.Require;

/** Identifies a session, unique across the whole curriculum (for example {@code M1.S3}). */
public record SessionCode(String value) implements Comparable<SessionCode> {

    /**
     * Checks the code's form.
     *
     * @param value 1 to 64 letters, digits, dots, underscores or hyphens, starting with a letter or digit
     * @throws IllegalArgumentException if {@code value} is missing or not of that form
     */
    public SessionCode {
        Require.code(value, "SessionCode");
    }

    /**
     * The code of a session, such as {@code M1.S3}.
     *
     * @param value 1 to 64 letters, digits, dots, underscores or hyphens, starting with a letter or digit
     * @return the code
     * @throws IllegalArgumentException if {@code value} is missing or not of that form
     */
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
