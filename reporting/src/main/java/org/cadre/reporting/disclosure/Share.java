package org.cadre.reporting.disclosure;

import java.math.BigDecimal;

/**
 * A part of a whole: numerator of denominator and the percentage, to one decimal, rounded half up. The
 * denominator is always shown beside the percentage.
 *
 * @param percent {@code null} when the numerator or denominator is suppressed, or the denominator is 0
 */
public record Share(Cell numerator, Cell denominator, BigDecimal percent) {

    /** "24 of 26 (92.3 %)", with suppression markers where needed. */
    public String text() {
        return numerator.text() + " of " + denominator.text() + (percent == null ? "" : " (" + percent.toPlainString() + " %)");
    }
}
