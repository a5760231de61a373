package org.cadre.roster.pool;

import static org.cadre.finding.Severity.ERROR;

import com.google.common.collect.ImmutableList;
import org.cadre.finding.RuleInfo;

/** The reasons a trainer-pool command is refused; catalogued in {@code docs/rules.md}. */
public enum PoolRefusal implements RuleInfo.Specified {

    /** A promotion skips a level or goes down. */
    STEP_SKIPPED("pool.step-skipped", "A promotion skips a level or goes down; steps go one at a time, upwards."),
    /** The step lacks the evidence it needs. */
    EVIDENCE_MISSING("pool.evidence-missing", "A step or record lacks the evidence it needs (for example a ToT completion for co-trainer, three deliveries for lead trainer)."),
    /** The trainer is inactive. */
    INACTIVE("pool.inactive", "The trainer is inactive: reactivate before promoting or recording deliveries."),
    /** Dated before the trainer's latest step. */
    BACKDATED("pool.backdated", "The command is dated before the trainer's latest recorded step."),
    /** The certificate has expired. */
    CERTIFICATE_EXPIRED("pool.certificate-expired", "The trainer's certificate has expired: recertify before promoting to lead trainer or recording a delivery."),
    /** Not yet a certified trainer. */
    NOT_CERTIFIED("pool.not-certified", "Recertification or a delivery was recorded for someone who is not yet a certified trainer."),
    /** Evidence names no event, or falls outside the event it names. */
    EVIDENCE_OUTSIDE_EVENT("pool.evidence-outside-event", "Evidence names no event, or is dated outside the event it names (its arrival to departure days)."),
    /** Evidence from an event it may not come from. */
    EVIDENCE_WRONG_EVENT("pool.evidence-wrong-event", "Evidence names an event the person held no seat at (not enrolled, or nominated, approved, declined, withdrawn or a no-show), or was in another role than the evidence needs (a participant for ToT enrolment or completion, a trainer for a delivery, a co-trainer for a co-delivery, observed or not), teaching there already on the record (an event is one delivery), a course (nobody joins or steps up in the pool through one), or, for ToT enrolment or completion, an event that is not a ToT."),
    /** The command would change nothing. */
    ALREADY("pool.no-change", "Inactivating an inactive trainer, reactivating an active one, or admitting someone already in the pool.");

    private static final ImmutableList<PoolRefusal> ALL = ImmutableList.copyOf(values());

    private final Spec spec;

    PoolRefusal(String code, String meaning) {
        this.spec = new Spec(code, ERROR, meaning);
    }

    /** {@return every refusal, in catalogue order} */
    public static ImmutableList<PoolRefusal> all() {
        return ALL;
    }

    @Override
    public Spec spec() {
        return spec;
    }
}
