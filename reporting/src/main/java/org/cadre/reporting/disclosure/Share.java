package org.cadre.reporting.disclosure;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * A part of a whole: numerator of denominator and the percentage, to one decimal, rounded half up. The
 * denominator is always shown beside the percentage.
 *
 * @param percent empty when the numerator or denominator is withheld, or the denominator is 0 (null in JSON)
 */
public record Share(Cell numerator, Cell denominator, Optional<BigDecimal> percent) {

    public Share {
        if (numerator == null || denominator == null || percent == null) {
            throw new IllegalArgumentException("Share: numerator, denominator and percent must be given (percent may be empty)");
        }
        if (percent.isPresent() && !(numerator.isPublished() && denominator.isPublished())) {
            throw new IllegalArgumentException("Share.percent must be empty when the numerator or the denominator is withheld");
        }
    }

    /** A share whose parts are both withheld, and so has no percentage. */
    public static Share hidden() {
        return new Share(Cell.hidden(), Cell.hidden(), Optional.empty());
    }

    /** "24 of 26 (92.3 %)", with suppression markers where needed. */
    public String text() {
        return numerator.text() + " of " + denominator.text() + percent.map(p -> " (" + p.toPlainString() + " %)").orElse("");
    }
}
