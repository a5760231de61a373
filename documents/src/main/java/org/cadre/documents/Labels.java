package org.cadre.documents;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Enum constants as the API spells them: lower case with hyphens ({@code CASE_STUDY} is {@code case-study}). */
public final class Labels {

    private Labels() {}

    public static String of(Enum<?> value) {
        return org.cadre.kernel.Label.of(value);
    }

    public static <E extends Enum<E>> E parse(Class<E> type, String label) {
        if (label == null) {
            throw new org.cadre.kernel.InvalidValue("", "is required");
        }
        for (E e : type.getEnumConstants()) {
            if (of(e).equals(label)) {
                return e;
            }
        }
        throw new org.cadre.kernel.InvalidValue("", "must be one of " + Arrays.stream(type.getEnumConstants()).map(Labels::of)
                .collect(Collectors.joining(", ")));
    }
}
