package org.cadre.finding;

/** How much a finding matters; declared from most to least severe. */
public enum Severity {
    /** The thing checked cannot be used as it is (a course that does not fit its days, a cycle). */
    ERROR,
    /** Likely a mistake, but the thing can still be used (a module with no sessions yet). */
    WARNING,
    /** Worth knowing; nothing to fix. */
    INFO
}
