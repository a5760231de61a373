package org.cadre.reporting.disclosure;

import java.util.Objects;

/**
 * One published count: a value, or suppressed. A suppressed cell has no value at all, so no renderer can
 * print it as 0 by mistake; renderers show {@link #MARKER} with a footnote.
 *
 * @param value the count; {@code null} exactly when suppressed
 */
public record Cell(Long value, boolean suppressed) {

    /** How every renderer shows a suppressed cell. */
    public static final String MARKER = "<k";

    public Cell {
        if (suppressed != (value == null)) {
            throw new IllegalArgumentException("a cell has a value exactly when it is not suppressed");
        }
        if (value != null && value < 0) {
            throw new IllegalArgumentException("a count cannot be negative, was " + value);
        }
    }

    public static Cell of(long value) {
        return new Cell(value, false);
    }

    public static Cell hidden() {
        return new Cell(null, true);
    }

    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isPublished() {
        return !suppressed;
    }

    /** The value as text, or the marker. */
    public String text() {
        return suppressed ? MARKER : Long.toString(value);
    }

    @Override
    public String toString() {
        return text();
    }

    /** The value, which must be published. */
    public long get() {
        return Objects.requireNonNull(value, "the cell is suppressed");
    }
}
