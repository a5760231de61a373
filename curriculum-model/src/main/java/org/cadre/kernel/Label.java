package org.cadre.kernel;

import java.util.Locale;

/**
 * Enum constants as documents, the API and messages spell them: lower case with hyphens
 * ({@code TOT_COMPLETED} is {@code tot-completed}). A message a person reads never shows the Java name.
 */
public final class Label {

    private Label() {}

    /**
     * The constant as documents spell it.
     *
     * @param value an enum constant, such as {@code TOT_COMPLETED}
     * @return lower case with hyphens, such as {@code tot-completed}
     */
    public static String of(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
