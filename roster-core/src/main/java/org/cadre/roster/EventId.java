package org.cadre.roster;

import org.cadre.kernel.Require;

/** Identifies a training event (a ToT, a cascade training, a refresher). */
public record EventId(String value) implements Comparable<EventId> {

    public EventId {
        Require.code(value, "EventId");
    }

    /** Whether the text is a well-formed id (see {@link Require#code}). */
    public static boolean isValid(String text) {
        return Require.isCode(text);
    }

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
