package org.cadre.reporting.disclosure;

/**
 * A report that disclosure control cannot make safe for its audience: a small withheld count could still be
 * worked out, and nothing left in the report would stop it. The report is not built; the caller refuses it
 * for that audience (a report for a wider k, or the internal one, may still be read).
 */
public final class UnprotectableReportException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    /**
     * @param detail which counts stay exposed, for the log (cell ids and bounds, never names)
     */
    public UnprotectableReportException(String detail) {
        super(detail);
    }
}
