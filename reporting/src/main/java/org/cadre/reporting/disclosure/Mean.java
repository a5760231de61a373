package org.cadre.reporting.disclosure;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * A mean over n values, to two decimals, rounded half up.
 *
 * @param value empty when n is withheld or 0 (null in JSON)
 */
public record Mean(Cell n, Optional<BigDecimal> value) {

    public Mean {
        if (n == null || value == null) {
            throw new IllegalArgumentException("Mean: n and value must be given (value may be empty)");
        }
        if (value.isPresent() && !n.isPublished()) {
            throw new IllegalArgumentException("Mean.value must be empty when n is withheld");
        }
    }

    public String text() {
        // No value over a published n (of 0) is no mean at all, not a withheld one.
        return value.map(BigDecimal::toPlainString).orElse(n.isPublished() ? Cell.NONE : Cell.MARKER) + " (n = " + n.text() + ")";
    }
}
