package org.cadre.curriculum;

import org.cadre.kernel.Require;

/** Identifies an assessment item (a test question or a practical task, for example {@code Q4}). */
public record ItemCode(String value) implements Comparable<ItemCode> {

    /**
     * Checks the code's form.
     *
     * @param value 1 to 64 letters, digits, dots, underscores or hyphens, starting with a letter or digit
     * @throws IllegalArgumentException if {@code value} is missing or not of that form
     */
    public ItemCode {
        Require.code(value, "ItemCode");
    }

    /**
     * The code of an assessment item, such as {@code Q4}.
     *
     * @param value 1 to 64 letters, digits, dots, underscores or hyphens, starting with a letter or digit
     * @return the code
     * @throws IllegalArgumentException if {@code value} is missing or not of that form
     */
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
