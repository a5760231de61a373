package org.cadre.kernel;

import java.util.Locale;

/**
 * Enum constants as documents, the API and messages spell them: lower case with hyphens
 * ({@code TOT_COMPLETED} is {@code tot-completed}). A message a person reads never shows the Java name.
 */
public final class Label {

    private Label() {}

    public static String of(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
