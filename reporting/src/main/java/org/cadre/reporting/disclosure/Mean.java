package org.cadre.reporting.disclosure;

import java.math.BigDecimal;

/**
 * A mean over n values, to two decimals, rounded half up.
 *
 * @param value {@code null} when n is suppressed or 0
 */
public record Mean(Cell n, BigDecimal value) {

    public String text() {
        return (value == null ? Cell.MARKER : value.toPlainString()) + " (n = " + n.text() + ")";
    }
}
