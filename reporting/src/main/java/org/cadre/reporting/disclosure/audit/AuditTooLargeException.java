package org.cadre.reporting.disclosure.audit;

/**
 * The audit's linear programs grew past the bound it was given ({@link Protection#protect(org.cadre.reporting.disclosure.Disclosure,
 * java.util.function.Function, java.util.List, long)}): the report was not checked. Thrown so that a report of many small
 * groups across many tables cannot run for minutes or out of memory; the caller checks less together, or refuses.
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
