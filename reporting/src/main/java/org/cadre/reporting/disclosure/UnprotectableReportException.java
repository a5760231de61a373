package org.cadre.reporting.disclosure;

import com.google.common.collect.ImmutableList;
import java.util.List;

/**
 * A report that disclosure control cannot make safe for its audience: a small withheld count could still be
 * worked out, and nothing left in the report would stop it. The report is not built; the caller refuses it
 * for that audience (a report for a wider k, or the internal one, may still be read).
 */
public final class UnprotectableReportException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    /** The ids of the small counts that could be worked out. */
    private final ImmutableList<String> cells;

    /**
     * @param detail which counts stay exposed, for the log (cell ids and why, never names, values or bounds)
     */
    public UnprotectableReportException(String detail) {
        this(detail, List.of());
    }

    /**
     * @param detail which counts stay exposed, for the log (cell ids and why, never names, values or bounds)
     * @param cells the ids of the small counts that could be worked out, in the report's order, without their values
     */
    public UnprotectableReportException(String detail, List<String> cells) {
        super(detail);
        this.cells = ImmutableList.copyOf(cells);
    }

    /**
     * {@return the ids of the small counts that could be worked out (such as {@code event tot-1/participantsByCountryAndSex/KG/female}),
     * which tell a reader of the internal report where to look; an id says its count is small, so it is not for the
     * audience refused}
     */
    public ImmutableList<String> cells() {
        return cells;
    }
}
