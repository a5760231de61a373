package org.cadre.reporting;

import static org.cadre.finding.Severity.ERROR;

import com.google.common.collect.ImmutableList;
import org.cadre.finding.RuleInfo;

/** Why a programme report's period cannot be settled ({@link ProgrammeReports#period}); catalogued in {@code docs/rules.md}. */
public enum PeriodRefusal implements RuleInfo.Specified {

    UNKNOWN("report.period-unknown", "A programme report names no first or last day, and the programme has neither a period nor events to take it from."),
    BACKWARDS("report.period-backwards", "A programme report's period would end before it begins.");

    private static final ImmutableList<PeriodRefusal> ALL = ImmutableList.copyOf(values());

    private final Spec spec;

    PeriodRefusal(String code, String meaning) {
        this.spec = new Spec(code, ERROR, meaning);
    }

    public static ImmutableList<PeriodRefusal> all() {
        return ALL;
    }

    @Override
    public Spec spec() {
        return spec;
    }
}
