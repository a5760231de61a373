package org.cadre.roster.pool;

import com.google.common.collect.ImmutableList;
import java.time.LocalDate;
import java.util.Optional;
import org.cadre.finding.Finding;
import org.cadre.kernel.Label;
import org.cadre.kernel.Require;
import org.cadre.roster.Event;
import org.cadre.roster.Enrolment;
import org.cadre.roster.EventId;
import org.cadre.roster.Role;

/**
 * A dated fact that backs a step in the trainer pool.
 *
 * @param event the event it happened at; evidence entered by staff names one, and its day lies within the
 *     event's travel window ({@link #checkAgainst}); records read back from before that rule may lack it
 * @param note for a person: who observed, what was delivered
 */
public record Evidence(Kind kind, LocalDate on, Optional<EventId> event, String note) {

    /**
     * Checks the evidence.
     *
     * @param kind what it shows
     * @param on the day it happened
     * @param event the event it happened at, if named
     * @param note for a person; stripped (may be empty)
     * @throws IllegalArgumentException if a value is missing
     */
    public Evidence {
        Require.present(kind, "Evidence.kind");
        Require.present(on, "Evidence.on");
        Require.present(event, "Evidence.event");
        note = Require.present(note, "Evidence.note").strip();
    }

    /**
     * Evidence from an event, as staff enter it.
     *
     * @param kind what it shows
     * @param on the day it happened, within the event's travel window
     * @param event the event it happened at
     * @param note who observed, what was delivered
     * @return the evidence
     * @throws IllegalArgumentException if a value is missing
     */
    public static Evidence of(Kind kind, LocalDate on, EventId event, String note) {
        return new Evidence(kind, on, Optional.of(event), note);
    }

    /**
     * Whether this evidence fits the event it names: the event is given, and the day is within the event's
     * travel window (arrival to departure). Empty when it fits.
     *
     * @param event the event the evidence names, as stored; empty when none is named or none is stored
     * @param subject the subject of the finding, such as {@code pool/tsp/p-kz-01}
     * @return {@code pool.evidence-outside-event} when it does not fit; empty when it fits
     */
    public java.util.Optional<org.cadre.finding.Finding> checkAgainst(Optional<org.cadre.roster.Event> event, String subject) {
        if (this.event.isEmpty() || event.isEmpty()) {
            return Optional.of(PoolRefusal.EVIDENCE_OUTSIDE_EVENT.finding(subject,
                    "evidence names the event it happened at; " + (this.event.isEmpty() ? "none was named" : "no such event")));
        }
        var window = event.get().travelWindow();
        if (!window.contains(on)) {
            return Optional.of(PoolRefusal.EVIDENCE_OUTSIDE_EVENT.finding(subject,
                    "evidence dated " + on + " is outside " + event.get().id() + " (" + window + ")"));
        }
        return Optional.empty();
    }

    /**
     * Whether evidence of this kind may come from the event it names: the person was enrolled in it in the role the
     * evidence needs (a ToT's enrolment and completion are a participant's, a delivery a trainer's, a co-delivery,
     * observed or not, a co-trainer's) and holds a seat there (confirmed or later), it is not a course (nobody joins or steps up in the trainer
     * pool through a course), ToT enrolment and completion come from a ToT, and teaching at the event is not on the
     * record already (one delivery an event). An observed co-delivery had been taken from the ToT its "trainer" sat as a
     * participant, and a declined co-trainer's seat had made a lead trainer by three deliveries at one cascade (the
     * attacker's reviews of session 23). Every finding ({@code pool.evidence-wrong-event}), none when it fits; each
     * message says what is wrong with the event.
     *
     * @param kind the kind of evidence
     * @param event the event it names
     * @param enrolment the person's enrolment in the event; empty when not enrolled in it
     * @param record the person's pool record in the package, if any
     * @param subject what the findings are about
     * @return every reason the event cannot be the source; empty when it fits
     */
    public static ImmutableList<Finding> checkSource(Kind kind, Event event, Optional<Enrolment> enrolment, Optional<TrainerRecord> record,
            String subject) {
        Require.present(enrolment, "enrolment");
        Require.present(record, "record");
        ImmutableList.Builder<Finding> wrong = ImmutableList.builder();
        boolean tot = kind == Kind.TOT_ENROLLED || kind == Kind.TOT_COMPLETED;
        boolean teaching = kind == Kind.OBSERVED_CO_DELIVERY || kind == Kind.DELIVERY || kind == Kind.CO_DELIVERY;
        Optional<Role> needed = tot ? Optional.of(Role.PARTICIPANT) : kind == Kind.DELIVERY ? Optional.of(Role.TRAINER)
                : teaching ? Optional.of(Role.CO_TRAINER) : Optional.empty();
        if (enrolment.isEmpty()) {
            wrong.add(PoolRefusal.EVIDENCE_WRONG_EVENT.finding(subject, "the person is not enrolled in it"));
        } else {
            Enrolment e = enrolment.get();
            if (needed.isPresent() && e.role() != needed.get()) {
                wrong.add(PoolRefusal.EVIDENCE_WRONG_EVENT.finding(subject, "the person is enrolled in it as " + Label.of(e.role())
                        + "; " + Label.of(kind) + " is evidence of a " + Label.of(needed.get()) + " there"));
            }
            // A seat, not yet presence: an earlier ToT entered by evidence records its graduates' statuses after their steps
            // (docs/events.md); a seat declined, withdrawn or never confirmed is no evidence of anything.
            if (!e.status().holdsSeat()) {
                wrong.add(PoolRefusal.EVIDENCE_WRONG_EVENT.finding(subject, "the person's enrolment in it is " + e.status().label() + "; "
                        + Label.of(kind) + " needs a seat there (confirmed or later)"));
            }
        }
        if (teaching && record.isPresent() && record.get().history().stream().anyMatch(entry -> entry.evidence()
                .filter(x -> x.event().equals(Optional.of(event.id())) && (x.kind() == Kind.OBSERVED_CO_DELIVERY
                        || x.kind() == Kind.DELIVERY || x.kind() == Kind.CO_DELIVERY)).isPresent())) {
            wrong.add(PoolRefusal.EVIDENCE_WRONG_EVENT.finding(subject, "the person's teaching at it is on the record already; an "
                    + "event is one delivery"));
        }
        if (event.kind() == Event.Kind.COURSE) {
            wrong.add(PoolRefusal.EVIDENCE_WRONG_EVENT.finding(subject,
                    "is a course; nobody joins or steps up in the trainer pool through a course"));
        } else if (tot && event.kind() != Event.Kind.TOT) {
            wrong.add(PoolRefusal.EVIDENCE_WRONG_EVENT.finding(subject,
                    "is a " + Label.of(event.kind()) + "; ToT enrolment and completion come from a ToT"));
        }
        return wrong.build();
    }

    /**
     * The day evidence of this kind is dated when none is given: the event's own day, its first course day
     * for a ToT enrolment and its last for every other kind.
      *
      * @param kind the kind of evidence
      * @param event the event it names
      * @return the day the evidence is dated
     */
    public static LocalDate defaultDay(Kind kind, Event event) {
        return kind == Kind.TOT_ENROLLED ? event.courseDays().first() : event.courseDays().last();
    }

    /** What the evidence shows. */
    public enum Kind {
        /** Enrolled in a Training of Trainers: admits a trainee. */
        TOT_ENROLLED,
        /** Completed and was certified at a ToT: makes a co-trainer. */
        TOT_COMPLETED,
        /** Co-delivered a cascade training under a lead trainer's observation: makes a certified trainer. */
        OBSERVED_CO_DELIVERY,
        /** Delivered a training as a certified trainer; enough of them make a lead trainer. */
        DELIVERY,
        /**
         * Co-delivered a training as a co-trainer without it being observed for certification: it counts as
         * teaching (for being active, and in reports) but promotes no one.
         */
        CO_DELIVERY,
        /** Passed recertification: the certificate runs for another validity period from this day. */
        RECERTIFICATION
    }
}
