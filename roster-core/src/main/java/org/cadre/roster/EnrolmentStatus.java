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
 * attended   -> completed | not-completed
 * </pre>
 *
 * Declined, no-show, withdrawn, completed and not-completed are final. Closing an event moves everyone
 * present to completed or not-completed by the package's completion criteria.
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
    COMPLETED,
    /** Was present but did not meet the package's completion criteria (attendance). */
    NOT_COMPLETED;

    /** The statuses this one may move to. */
    public ImmutableSet<EnrolmentStatus> next() {
        return switch (this) {
            case NOMINATED -> ImmutableSet.of(APPROVED, DECLINED);
            case APPROVED -> ImmutableSet.of(CONFIRMED, WAITLISTED);
            case WAITLISTED -> ImmutableSet.of(CONFIRMED);
            case CONFIRMED -> ImmutableSet.of(ATTENDED, NO_SHOW, WITHDRAWN);
            case ATTENDED -> ImmutableSet.of(COMPLETED, NOT_COMPLETED);
            case DECLINED, NO_SHOW, WITHDRAWN, COMPLETED, NOT_COMPLETED -> ImmutableSet.of();
        };
    }

    public boolean canMoveTo(EnrolmentStatus target) {
        return next().contains(target);
    }

    public boolean isFinal() {
        return next().isEmpty();
    }

    /** Holds a seat at the event: confirmed, attended, completed or not-completed. */
    public boolean holdsSeat() {
        return this == CONFIRMED || wasPresent();
    }

    /** Was at the event: attended, completed or not-completed. */
    public boolean wasPresent() {
        return this == ATTENDED || this == COMPLETED || this == NOT_COMPLETED;
    }

    /** The spelling used in documents and the API: {@code no-show}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
