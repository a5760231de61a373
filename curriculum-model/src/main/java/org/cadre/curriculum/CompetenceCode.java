package org.cadre.curriculum;

import org.cadre.kernel.Require;

/** Identifies a job competence within one curriculum (for example {@code C1}). */
public record CompetenceCode(String value) implements Comparable<CompetenceCode> {

    public CompetenceCode {
        Require.code(value, "CompetenceCode");
    }

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
