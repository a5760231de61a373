package org.cadre.reporting.disclosure;

import java.util.Locale;

/** Who a report is for, and so how much of it must be withheld. */
public enum Audience {
    /** Programme staff: every figure, names where the report has them, no suppression. */
    INTERNAL(1),
    /** A donor: aggregates only, counts below 5 suppressed by default. */
    DONOR(5),
    /** Anyone: aggregates only, counts below 10 suppressed by default. */
    PUBLIC(10);

    private final int defaultK;

    Audience(int defaultK) {
        this.defaultK = defaultK;
    }

    /** The smallest count published by default; 1 means nothing is suppressed. */
    public int defaultK() {
        return defaultK;
    }

    /** Whether personal detail (names, free-text comments, per-trainer ratings) may appear. */
    public boolean seesPersonalDetail() {
        return this == INTERNAL;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code internal}, {@code donor} or {@code public}. */
    public static Audience parse(String text) {
        for (Audience a : values()) {
            if (a.label().equals(text)) {
                return a;
            }
        }
        throw new IllegalArgumentException("audience must be internal, donor or public, was '" + text + "'");
    }
}
