package org.cadre.roster;

import com.google.common.collect.ImmutableList;
import org.cadre.finding.RuleInfo;
import org.cadre.finding.Severity;

/**
 * The findings of the roster's bulk commands ({@link BulkStatus}, {@link EventClosure},
 * {@link PoolFromEvents}), each with a stable code catalogued in {@code docs/rules.md}.
 */
public enum RosterCommand implements RuleInfo.Specified {

    /** A bulk change names someone who is not enrolled in the event, or names a person twice. */
    NOT_ENROLLED("command.not-enrolled", Severity.ERROR,
            "A bulk status change names a person who is not enrolled in the event, or the same person twice."),
    /** A change is dated after today where the event takes place: statuses record what happened. */
    DATED_AHEAD("command.dated-ahead", Severity.ERROR,
            "A status change, closing or certification is dated after today where the event takes place; they record what happened."),
    /** Closing an event where nobody holds a seat. */
    NOBODY_SEATED("close.nobody-seated", Severity.ERROR,
            "An event is closed where no participant was ever confirmed: there is nothing to close yet."),
    /** Closing left an enrolment where it was: still nominated, approved or waitlisted, or a trainer not on the agenda. */
    LEFT_OPEN("close.left-open", Severity.WARNING,
            "Closing the event left an enrolment as it was: still nominated, approved or waitlisted (never seated), "
                    + "or a trainer who delivers no session on the agenda."),
    /** What closing did to one enrolment. */
    CLOSED("close.moved", Severity.INFO,
            "Closing the event moved an enrolment: to no-show (no attendance recorded), completed or not-completed "
                    + "(attendance against the package's minimum share), or a trainer on the agenda to completed."),
    /** A pool step the event gave: a ToT graduate admitted as co-trainer, a delivery or co-delivery recorded. */
    POOL_RECORDED("trainers.step-recorded", Severity.INFO,
            "Certifying a ToT or closing an event recorded a trainer-pool step: a certified ToT graduate became a "
                    + "co-trainer, a trainer's delivery or co-delivery was counted."),
    /** A pool step the event would give but the pool's rules refuse (an expired certificate, an inactive trainer). */
    POOL_NOT_RECORDED("trainers.step-refused", Severity.WARNING,
            "Certifying a ToT or closing an event could not record a trainer-pool step: the pool's rules refuse it "
                    + "(the message says why); record it by hand once resolved.");

    private final Spec spec;

    RosterCommand(String code, Severity severity, String meaning) {
        this.spec = new Spec(code, severity, meaning);
    }

    @Override
    public Spec spec() {
        return spec;
    }

    /** {@return every code, in catalogue order} */
    public static ImmutableList<RosterCommand> all() {
        return ImmutableList.copyOf(values());
    }
}
