package org.cadre.curriculum;

import org.cadre.kernel.Require;

/** Identifies a learning outcome within one curriculum (for example {@code LO3}). */
public record OutcomeCode(String value) implements Comparable<OutcomeCode> {

    /**
     * Checks the code's form.
     *
     * @param value 1 to 64 letters, digits, dots, underscores or hyphens, starting with a letter or digit
     * @throws IllegalArgumentException if {@code value} is missing or not of that form
     */
    public OutcomeCode {
        Require.code(value, "OutcomeCode");
    }

    /**
     * The code of a learning outcome, such as {@code LO3}.
     *
     * @param value 1 to 64 letters, digits, dots, underscores or hyphens, starting with a letter or digit
     * @return the code
     * @throws IllegalArgumentException if {@code value} is missing or not of that form
     */
    public static OutcomeCode of(String value) {
        return new OutcomeCode(value);
    }

    @Override
    public int compareTo(OutcomeCode other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
