package org.cadre.curriculum;

import org.cadre.kernel.Require;

/** Identifies a module within one curriculum (for example {@code M1}). */
public record ModuleCode(String value) implements Comparable<ModuleCode> {

    public ModuleCode {
        Require.code(value, "ModuleCode");
    }

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
