package org.cadre.curriculum;

import org.cadre.kernel.Require;

/** Identifies a module within one curriculum (for example {@code M1}). */
public record ModuleCode(String value) implements Comparable<ModuleCode> {

    /**
     * Checks the code's form.
     *
     * @param value 1 to 64 letters, digits, dots, underscores or hyphens, starting with a letter or digit
     * @throws IllegalArgumentException if {@code value} is missing or not of that form
     */
    public ModuleCode {
        Require.code(value, "ModuleCode");
    }

    /**
     * The code of a module, such as {@code M1}.
     *
     * @param value 1 to 64 letters, digits, dots, underscores or hyphens, starting with a letter or digit
     * @return the code
     * @throws IllegalArgumentException if {@code value} is missing or not of that form
     */
    public static ModuleCode of(String value) {
        return new ModuleCode(value);
    }

    @Override
    public int compareTo(ModuleCode other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
