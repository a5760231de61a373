package org.cadre.curriculum;

import org.cadre.kernel.Require;

/** Identifies an assessment item (a test question or a practical task, for example {@code Q4}). */
public record ItemCode(String value) implements Comparable<ItemCode> {

    public ItemCode {
        Require.code(value, "ItemCode");
    }

    public static ItemCode of(String value) {
        return new ItemCode(value);
    }

    @Override
    public int compareTo(ItemCode other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
