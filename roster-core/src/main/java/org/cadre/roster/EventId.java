package org.cadre.roster;

import org.cadre.kernel.Require;

/** Identifies a training event (a ToT, a cascade training, a refresher). */
public record EventId(String value) implements Comparable<EventId> {

    /**
     * Checks the id's form.
     *
     * @param value 1 to 64 letters, digits, dots, underscores or hyphens, starting with a letter or digit
     * @throws IllegalArgumentException if the value is missing or not of that form
     */
    public EventId {
        Require.code(value, "EventId");
    }

    /**
     * Whether the text is a well-formed id (see {@link Require#code}).
     *
     * @param text the text, possibly null
     * @return true when {@link #of} would take it
     */
    public static boolean isValid(String text) {
        return Require.isCode(text);
    }

    /**
     * The id of an event, such as {@code tot-almaty-2023}. Ids are chosen by whoever records the event;
     * use ones that carry no personal meaning.
     *
     * @param value 1 to 64 letters, digits, dots, underscores or hyphens, starting with a letter or digit
     * @return the id
     * @throws IllegalArgumentException if the value is missing or not of that form
     */
    public static EventId of(String value) {
        return new EventId(value);
    }

    @Override
    public int compareTo(EventId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
