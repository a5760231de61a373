package org.cadre.reporting.disclosure.audit;

/**
 * A linear program of the audit would be larger than the bound it was given ({@link Protection#protect(org.cadre.reporting.disclosure.Disclosure,
 * java.util.function.Function, java.util.List, long)}): the report was not checked. Thrown so that a report of many small
 * groups across many tables cannot run the heap out; the caller refuses the report (checking less would let a withheld
 * count be worked out, as the independent attacker showed).
 */
public final class AuditTooLargeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * The audit stopped.
     *
     * @param message how far it had got, for the log
     */
    public AuditTooLargeException(String message) {
        super(message);
    }
}
