package org.cadre.reporting.disclosure;

import java.util.OptionalLong;

/**
 * One published count: a value, or withheld. A withheld cell has no value at all ({@link #value()} is empty), so
 * no renderer can print it as 0 by mistake; renderers show {@link #MARKER} with a footnote. In JSON it is
 * {@code {"value": null, "suppressed": true}}.
 *
 * @param value the count; empty exactly when suppressed
 */
public record Cell(OptionalLong value, boolean suppressed) {

    /**
     * How a suppressed cell is written in English (the JSON's notes, the CSV; HTML pages write it in their language). A
     * word, not "&lt;k": a cell is withheld when it counts fewer than k people or when such a count could be worked out
     * from it, and "&lt;k" beside 24 of 26 certified read as fewer than five (the newcomer's review of session 20).
     */
    public static final String MARKER = "withheld";

    /**
     * How renderers show a figure that has no value because there is nothing to compute it over (a mean of no
     * score, officers per graduate of a ToT with none), unlike {@link #MARKER}, a figure withheld.
     */
    public static final String NONE = "\u2014";

    private static final Cell HIDDEN = new Cell(OptionalLong.empty(), true);

    public Cell {
        if (value == null || suppressed == value.isPresent()) {
            throw new IllegalArgumentException("a cell has a value exactly when it is not suppressed");
        }
        if (value.isPresent() && value.getAsLong() < 0) {
            throw new IllegalArgumentException("a count cannot be negative, was " + value.getAsLong());
        }
    }

    public static Cell of(long value) {
        return new Cell(OptionalLong.of(value), false);
    }

    public static Cell hidden() {
        return HIDDEN;
    }

    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isPublished() {
        return !suppressed;
    }

    /** The value as text, or the marker. */
    public String text() {
        return suppressed ? MARKER : Long.toString(value.getAsLong());
    }

    @Override
    public String toString() {
        return text();
    }

    /** The value, which must be published. */
    public long get() {
        if (suppressed) {
            throw new IllegalStateException("the cell is suppressed");
        }
        return value.getAsLong();
    }
}
