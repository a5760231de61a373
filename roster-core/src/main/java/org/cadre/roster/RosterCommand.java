package org.cadre.roster;

import com.google.common.collect.ImmutableList;
import org.cadre.finding.RuleInfo;
import org.cadre.finding.Severity;

/**
 * The findings of the roster's commands ({@link BulkStatus}, {@link CascadeReach#totInTime}, {@link EventClosure},
 * {@link PoolFromEvents}, {@link Certification#decisionDay}, {@link Feedback#unknownSessions}, {@link RosterRows},
 * {@link ImportRequest}),
 * each with a stable code catalogued in {@code docs/rules.md}.
 */
public enum RosterCommand implements RuleInfo.Specified {

    /** A bulk change names someone who is not enrolled in the event. */
    NOT_ENROLLED("command.not-enrolled", Severity.ERROR,
            "A bulk status change names a person who is not enrolled in the event."),
    /** A nomination dated after the event's last course day. */
    NOMINATED_AFTER_EVENT("command.nominated-after-event", Severity.ERROR,
            "A nomination (one enrolment, or a roster file's) is dated after the event's last course day: people are "
                    + "nominated before they attend."),
    /** A bulk change names a person twice. */
    NAMED_TWICE("command.named-twice", Severity.ERROR,
            "A bulk status change names the same person more than once; one change per person."),
    /** A change is dated after today where the event takes place: statuses record what happened. */
    DATED_AHEAD("command.dated-ahead", Severity.ERROR,
            "A status change, nomination, closing or certification is dated after today where the event takes place; they record what happened."),
    /** A cascade names as its trainers' ToT one that has not ended by the cascade's first day. */
    TOT_AFTER_CASCADE("command.tot-after-cascade", Severity.ERROR,
            "A cascade names as the ToT its trainers came from one that ends after the cascade begins, or a ToT's days are "
                    + "moved to end after a cascade that names it begins: its trainers cannot have completed it first."),
    /** Closing an event where nobody holds a seat. */
    NOBODY_SEATED("close.nobody-seated", Severity.ERROR,
            "An event is closed where no participant was ever confirmed: there is nothing to close yet."),
    /** Closing an event whose agenda lists no session: every participant would become a no-show for want of records. */
    CLOSE_WITHOUT_AGENDA("close.without-agenda", Severity.ERROR,
            "An event is closed whose agenda lists no session: closing decides by attendance at the agenda's sessions, so "
                    + "every participant holding a seat would become a no-show for want of records, not for absence."),
    /** Closing an event with no attendance recorded at any session of its agenda: everyone would become a no-show, which is final. */
    CLOSE_WITHOUT_ATTENDANCE("close.without-attendance", Severity.ERROR,
            "An event is closed with no attendance recorded at any session of its agenda (no mark of any kind): every "
                    + "participant holding a seat would become a no-show, which is final, for want of records."),
    /**
     * Closing an event whose agenda lists a session its package version lacks, or one outside the modules it delivers:
     * attendance and teaching at it would count.
     */
    CLOSE_UNKNOWN_SESSION("close.unknown-session", Severity.ERROR,
            "An event is closed while its agenda lists a session its package version does not have, or one outside the modules "
                    + "it delivers (the checks' agenda.unknown-session): closing would count attendance and teaching at it, and "
                    + "its statuses and pool steps are final."),
    /**
     * Closing left an enrolment where it was: still nominated, approved or waitlisted, a trainer not on the agenda, or an
     * observer, interpreter or organiser holding a seat.
     */
    LEFT_OPEN("close.left-open", Severity.WARNING,
            "Closing the event left an enrolment as it was: still nominated, approved or waitlisted (never seated), "
                    + "a trainer who delivers no session on the agenda, or an observer, interpreter or organiser holding a seat "
                    + "(closing decides for participants and trainers only)."),
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
                    + "(the message says why); record it by hand once resolved."),
    /** Certification dated before the course has ended. */
    BEFORE_COURSE_END("command.before-course-end", Severity.ERROR,
            "Certification is dated before the last course day: it is decided once the course has ended."),
    /** Certification asked of an event whose agenda lists no session. */
    CERTIFY_WITHOUT_AGENDA("command.certify-without-agenda", Severity.ERROR,
            "Certification is asked of an event whose agenda lists no session: it decides by attendance at the agenda's "
                    + "sessions, so every participant would be refused for want of records, not of merit."),
    /** Feedback on a session the package does not have. */
    UNKNOWN_SESSION("feedback.unknown-session", Severity.ERROR,
            "Feedback names a session that is not in the package version the event delivers."),
    /** Feedback on a trainer who does not deliver its session by the agenda. */
    TRAINER_NOT_DELIVERING("feedback.trainer-not-delivering", Severity.ERROR,
            "Feedback rates a trainer who does not deliver its session by the event's agenda (a session whose slots name no "
                    + "trainer takes any of the event's trainers); a stand-in is put on the agenda first."),
    /** Feedback concerning an element the package does not have. */
    UNKNOWN_ELEMENT("feedback.unknown-element", Severity.ERROR,
            "Feedback concerns a curriculum element (a module, an outcome, an item...) that is not in the package version the event delivers."),
    /** A roster file that cannot be read as a roster at all. */
    ROSTER_FILE("import.file-refused", Severity.ERROR,
            "A roster file is refused as a whole: it is not UTF-8, not CSV with a header row of the known columns, a "
                    + "required column is missing or repeated, it has no rows, or more rows than one import takes."),
    /** A row of a roster file that cannot be imported; the whole file is then refused. */
    ROSTER_ROW("import.row-refused", Severity.ERROR,
            "A row of a roster file is refused, and with it the whole file: a required cell is missing or invalid, it names "
                    + "an organisation or person that is not recorded or not in the importer's scope, repeats an earlier "
                    + "row, names someone enrolled already, describes a recorded person differently, or records a person "
                    + "the importer may not."),
    /** An import's Idempotency-Key that is malformed or was used with another file. */
    IDEMPOTENCY_KEY("import.idempotency-key", Severity.ERROR,
            "An import's Idempotency-Key is not 1-128 letters, digits, '.', '_', ':' or '-', or was used before with "
                    + "another file.");

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
