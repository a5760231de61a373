package org.cadre.roster.pool;

import java.time.LocalDate;
import java.util.Optional;
import org.cadre.kernel.Require;
import org.cadre.roster.EventId;

/**
 * A dated fact that backs a step in the trainer pool.
 *
 * @param event the event it happened at, if any
 * @param note for a person: who observed, what was delivered
 */
public record Evidence(Kind kind, LocalDate on, Optional<EventId> event, String note) {

    public Evidence {
        Require.present(kind, "Evidence.kind");
        Require.present(on, "Evidence.on");
        Require.present(event, "Evidence.event");
        note = Require.present(note, "Evidence.note").strip();
    }

    public static Evidence of(Kind kind, LocalDate on, EventId event, String note) {
        return new Evidence(kind, on, Optional.of(event), note);
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
        /** Passed recertification: the certificate runs for another validity period from this day. */
        RECERTIFICATION
    }
}
