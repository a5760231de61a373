package org.cadre.roster;

import com.google.common.collect.ImmutableSet;
import java.util.Locale;

/**
 * Where an enrolment stands. The status moves only along legal transitions:
 *
 * <pre>
 * nominated  -> approved | declined
 * approved   -> confirmed | waitlisted
 * waitlisted -> confirmed
 * confirmed  -> attended | no-show | withdrawn
 * attended   -> completed
 * </pre>
 *
 * Declined, no-show, withdrawn and completed are final.
 */
public enum EnrolmentStatus {
    NOMINATED,
    APPROVED,
    DECLINED,
    WAITLISTED,
    CONFIRMED,
    ATTENDED,
    NO_SHOW,
    WITHDRAWN,
    COMPLETED;

    /** The statuses this one may move to. */
    public ImmutableSet<EnrolmentStatus> next() {
        return switch (this) {
            case NOMINATED -> ImmutableSet.of(APPROVED, DECLINED);
            case APPROVED -> ImmutableSet.of(CONFIRMED, WAITLISTED);
            case WAITLISTED -> ImmutableSet.of(CONFIRMED);
            case CONFIRMED -> ImmutableSet.of(ATTENDED, NO_SHOW, WITHDRAWN);
            case ATTENDED -> ImmutableSet.of(COMPLETED);
            case DECLINED, NO_SHOW, WITHDRAWN, COMPLETED -> ImmutableSet.of();
        };
    }

    public boolean canMoveTo(EnrolmentStatus target) {
        return next().contains(target);
    }

    public boolean isFinal() {
        return next().isEmpty();
    }

    /** Holds a seat at the event: confirmed, attended or completed. */
    public boolean holdsSeat() {
        return this == CONFIRMED || this == ATTENDED || this == COMPLETED;
    }

    /** Was at the event: attended or completed. */
    public boolean wasPresent() {
        return this == ATTENDED || this == COMPLETED;
    }

    /** The spelling used in documents and the API: {@code no-show}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
