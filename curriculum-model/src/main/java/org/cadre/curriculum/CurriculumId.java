package org.cadre.curriculum;

import org.cadre.kernel.Require;

/** Identifies a Training Support Package, stable across its versions (for example {@code tsp-smuggling}). */
public record CurriculumId(String value) implements Comparable<CurriculumId> {

    public CurriculumId {
        Require.code(value, "CurriculumId");
    }

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
