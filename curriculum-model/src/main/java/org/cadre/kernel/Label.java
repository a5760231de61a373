package org.cadre.kernel;

import java.util.Locale;

/**
 * Enum constants as documents, the API and messages spell them: lower case with hyphens
 * ({@code TOT_COMPLETED} is {@code tot-completed}). A message a person reads never shows the Java name.
 */
public final class Label {

    private Label() {}

    /** Each enum's labels by ordinal, spelled once per type (a roster of thousands asks for them per row). */
    private static final ClassValue<String[]> LABELS = new ClassValue<>() {
        @Override
        protected String[] computeValue(Class<?> type) {
            Object[] constants = type.getEnumConstants();
            String[] labels = new String[constants.length];
            for (int i = 0; i < constants.length; i++) {
                labels[i] = ((Enum<?>) constants[i]).name().toLowerCase(Locale.ROOT).replace('_', '-');
            }
            return labels;
        }
    };

    /**
     * The constant as documents spell it.
     *
     * @param value an enum constant, such as {@code TOT_COMPLETED}
     * @return lower case with hyphens, such as {@code tot-completed}
     */
    public static String of(Enum<?> value) {
        return LABELS.get(value.getDeclaringClass())[value.ordinal()];
    }

    /**
     * The constant with this label, if there is one.
     *
     * @param <E> the enum
     * @param type the enum's class
     * @param label a label as documents spell it, such as {@code tot-completed}
     * @return the constant, or empty when no constant has that label
     */
    public static <E extends Enum<E>> java.util.Optional<E> find(Class<E> type, String label) {
        for (E e : type.getEnumConstants()) {
            if (of(e).equals(label)) {
                return java.util.Optional.of(e);
            }
        }
        return java.util.Optional.empty();
    }

    /**
     * Every label of the type, in declaration order: what a refusal lists as the choices.
     *
     * @param type the enum's class
     * @return the labels separated by a comma and a space
     */
    public static String choices(Class<? extends Enum<?>> type) {
        return java.util.Arrays.stream(type.getEnumConstants()).map(Label::of).collect(java.util.stream.Collectors.joining(", "));
    }
}
