package org.cadre.curriculum;

import org.cadre.kernel.Require;

/** Identifies a learning outcome within one curriculum (for example {@code LO3}). */
public record OutcomeCode(String value) implements Comparable<OutcomeCode> {

    public OutcomeCode {
        Require.code(value, "OutcomeCode");
    }

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
