package org.cadre.kernel;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import java.util.Collection;
import java.util.regex.Pattern;

/**
 * Construction-time checks. Each names the field it checks, so a message reads
 * {@code "Session.minutes must not be negative, was -5"}. Bad input throws {@link InvalidValue}; business problems are
 * reported as findings by the rule checks instead.
 */
public final class Require {


    private Require() {}

    /**
     * A non-null value.
     *
     * @param <T> the value's type
     * @param value the value
     * @param field the field's name for the message, such as {@code Event.title}
     * @return the value
     * @throws IllegalArgumentException "field is required", if the value is null
     */
    public static <T> T present(T value, String field) {
        if (value == null) {
            throw new InvalidValue(field, "is required");
        }
        return value;
    }

    /**
     * Text with at least one non-blank character, stripped of surrounding white space.
     *
     * @param value the text
     * @param field the field's name for the message
     * @return the text, stripped
     * @throws IllegalArgumentException if the text is null or blank
     */
    public static String text(String value, String field) {
        present(value, field);
        String stripped = value.strip();
        if (stripped.isEmpty()) {
            throw new InvalidValue(field, "must not be blank");
        }
        return stripped;
    }

    /**
     * A short identifier: letters, digits, '.', '_' or '-', starting with a letter or digit, at most 64
     * characters (for example {@code M1}, {@code M1.S3}, {@code LO-2}).
     *
     * @param value the code
     * @param field the field's name for the message
     * @return the code
     * @throws IllegalArgumentException if the code is null or not of that form
     */
    public static String code(String value, String field) {
        present(value, field);
        if (!isCode(value)) {
            throw new InvalidValue(field, "must be 1-64 letters, digits, dots, underscores or hyphens, starting with a letter or digit",
                    "'" + value + "'");
        }
        return value;
    }

    /**
     * Whether the text is a short identifier as {@link #code} takes it.
     *
     * @param value the text, possibly null
     * @return true when {@link #code} would take it
     */
    public static boolean isCode(String value) {
        // As the pattern [\p{L}\p{N}][\p{L}\p{N}._-]{0,63} would match, written out: every id of every row of a
        // roster file is checked, and the regular expression was a fifth of a 50,000-row import (CodeTest
        // compares the two).
        if (value == null || value.isEmpty()) {
            return false;
        }
        int count = 0;
        for (int i = 0; i < value.length(); ) {
            int c = value.codePointAt(i);
            boolean letterOrNumber = Character.isLetter(c) || isNumber(c);
            if (!letterOrNumber && (count == 0 || (c != '.' && c != '_' && c != '-'))) {
                return false;
            }
            if (++count > 64) {
                return false;
            }
            i += Character.charCount(c);
        }
        return true;
    }

    /** Whether the code point is of Unicode's category Number ({@code \p{N}}: decimal digits, letter and other numbers). */
    private static boolean isNumber(int c) {
        int type = Character.getType(c);
        return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER || type == Character.OTHER_NUMBER;
    }

    /**
     * A count or amount that may be zero.
     *
     * @param value the number
     * @param field the field's name for the message
     * @return the number
     * @throws IllegalArgumentException if it is negative
     */
    public static int nonNegative(int value, String field) {
        if (value < 0) {
            throw new InvalidValue(field, "must not be negative", String.valueOf(value));
        }
        return value;
    }

    /**
     * A count or amount of at least one.
     *
     * @param value the number
     * @param field the field's name for the message
     * @return the number
     * @throws IllegalArgumentException if it is zero or negative
     */
    public static int positive(int value, String field) {
        if (value <= 0) {
            throw new InvalidValue(field, "must be positive", String.valueOf(value));
        }
        return value;
    }

    /**
     * A number within bounds, both included.
     *
     * @param value the number
     * @param min the smallest allowed
     * @param max the largest allowed
     * @param field the field's name for the message
     * @return the number
     * @throws IllegalArgumentException if it is outside {@code min} to {@code max}
     */
    public static int inRange(int value, int min, int max, String field) {
        if (value < min || value > max) {
            throw new InvalidValue(field, "must be between " + min + " and " + max, String.valueOf(value));
        }
        return value;
    }

    /**
     * A real number (not NaN, not infinite).
     *
     * @param value the number
     * @param field the field's name for the message
     * @return the number
     * @throws IllegalArgumentException if it is NaN or infinite
     */
    public static double finite(double value, String field) {
        if (!Double.isFinite(value)) {
            throw new InvalidValue(field, "must be a finite number", String.valueOf(value));
        }
        return value;
    }

    /**
     * An immutable copy with no null elements.
     *
     * @param <T> the elements' type
     * @param values the elements, in order
     * @param field the field's name for the message
     * @return the copy
     * @throws IllegalArgumentException if the collection or an element is null (naming its index)
     */
    public static <T> ImmutableList<T> list(Collection<? extends T> values, String field) {
        present(values, field);
        int i = 0;
        for (T v : values) {
            if (v == null) {
                throw new InvalidValue(field + "[" + i + "]", "must not be null");
            }
            i++;
        }
        return ImmutableList.copyOf(values);
    }

    /**
     * An immutable copy with no null elements, in the given iteration order; duplicates collapse.
     *
     * @param <T> the elements' type
     * @param values the elements
     * @param field the field's name for the message
     * @return the copy
     * @throws IllegalArgumentException if the collection or an element is null
     */
    public static <T> ImmutableSet<T> set(Collection<? extends T> values, String field) {
        return ImmutableSet.copyOf(list(values, field));
    }

    /**
     * A well-formed BCP 47 language tag with a language ({@code kk}, {@code ru}, {@code tg-Cyrl}).
     *
     * @param tag the tag
     * @param field the field's name for the message
     * @return the tag, as given
     * @throws IllegalArgumentException if the tag is null, malformed or names no language
     */
    public static String languageTag(String tag, String field) {
        present(tag, field);
        boolean ok = LANGUAGE_TAG.matcher(tag).matches();
        if (ok) {
            java.util.Locale locale = java.util.Locale.forLanguageTag(tag);
            ok = !locale.getLanguage().isEmpty() && locale.toLanguageTag().equalsIgnoreCase(tag);
        }
        if (!ok) {
            throw new InvalidValue(field, "must hold BCP 47 language tags such as kk or ru", "'" + tag + "'");
        }
        return tag;
    }

    private static final Pattern LANGUAGE_TAG = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*");

    /**
     * Throws unless {@code condition}; {@code reason} completes "field ...".
     *
     * @param condition what must hold
     * @param field the field's name, the message's first words
     * @param reason the rest of the message, such as "must not exceed maxParticipants (26), was 30"
     * @throws IllegalArgumentException "field reason", if the condition does not hold
     */
    public static void that(boolean condition, String field, String reason) {
        requireNonNull(reason, "reason");
        if (!condition) {
            throw InvalidValue.quoting(field, reason);
        }
    }
}
