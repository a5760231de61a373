package org.cadre.curriculum;

import org.cadre.kernel.Require;

/** Identifies a job competence within one curriculum (for example {@code C1}). */
public record CompetenceCode(String value) implements Comparable<CompetenceCode> {

    /**
     * Checks the code's form.
     *
     * @param value 1 to 64 letters, digits, dots, underscores or hyphens, starting with a letter or digit
     * @throws IllegalArgumentException if {@code value} is missing or not of that form
     */
    public CompetenceCode {
        Require.code(value, "CompetenceCode");
    }

    /**
     * The code of a job competence, such as {@code C1}.
     *
     * @param value 1 to 64 letters, digits, dots, underscores or hyphens, starting with a letter or digit
     * @return the code
     * @throws IllegalArgumentException if {@code value} is missing or not of that form
     */
    public static CompetenceCode of(String value) {
        return new CompetenceCode(value);
    }

    @Override
    public int compareTo(CompetenceCode other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
