package org.cadre.reporting.disclosure;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * A mean over n values, to two decimals, rounded half up.
 *
 * @param value empty when withheld or when n is 0 (null in JSON)
 * @param suppressed whether the value is withheld: always when n is, and also over a published n when the mean would
 *     give a withheld count away (a post-test mean near the maximum bounds how many fell below the pass mark)
 */
public record Mean(Cell n, Optional<BigDecimal> value, boolean suppressed) {

    public Mean {
        if (n == null || value == null) {
            throw new IllegalArgumentException("Mean: n and value must be given (value may be empty)");
        }
        if (value.isPresent() && suppressed) {
            throw new IllegalArgumentException("Mean.value must be empty when the mean is withheld");
        }
        if (n.suppressed() && !suppressed) {
            throw new IllegalArgumentException("Mean.suppressed must be true when n is withheld");
        }
    }

    /** A mean withheld exactly when its n is. */
    public Mean(Cell n, Optional<BigDecimal> value) {
        this(n, value, n.suppressed());
    }

    public String text() {
        // No value that is not withheld (over n = 0) is no mean at all.
        return value.map(BigDecimal::toPlainString).orElse(suppressed ? Cell.MARKER : Cell.NONE) + " (n = " + n.text() + ")";
    }
}
