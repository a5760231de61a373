package org.cadre.curriculum;

import org.cadre.kernel.Require;

/** Identifies a Training Support Package, stable across its versions (for example {@code tsp-smuggling}). */
public record CurriculumId(String value) implements Comparable<CurriculumId> {

    /**
     * Checks the code's form.
     *
     * @param value 1 to 64 letters, digits, dots, underscores or hyphens, starting with a letter or digit
     * @throws IllegalArgumentException if {@code value} is missing or not of that form
     */
    public CurriculumId {
        Require.code(value, "CurriculumId");
    }

    /**
     * The code of a package, such as {@code tsp-countering-migrant-smuggling}.
     *
     * @param value 1 to 64 letters, digits, dots, underscores or hyphens, starting with a letter or digit
     * @return the code
     * @throws IllegalArgumentException if {@code value} is missing or not of that form
     */
    public static CurriculumId of(String value) {
        return new CurriculumId(value);
    }

    @Override
    public int compareTo(CurriculumId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
