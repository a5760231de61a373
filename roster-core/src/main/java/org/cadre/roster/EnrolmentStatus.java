package org.cadre.roster;

import com.google.common.collect.ImmutableList;
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
    /** Put forward by an organisation; every enrolment starts here. */
    NOMINATED,
    /** Accepted by the organisers, not yet given a seat. */
    APPROVED,
    /** Not accepted (final). */
    DECLINED,
    /** Approved but waiting for a seat; confirmed from the list in the order joined. */
    WAITLISTED,
    /** Holds a seat. */
    CONFIRMED,
    /** Came to the event. */
    ATTENDED,
    /** Confirmed but never came (final). */
    NO_SHOW,
    /** Gave up the seat before the event (final). */
    WITHDRAWN,
    /** Was present and met the package's completion criteria (final). */
    COMPLETED,
    /** Was present but did not meet the package's completion criteria (attendance). */
    NOT_COMPLETED;

    /** {@return the statuses this one may move to; empty for a final status} */
    public ImmutableSet<EnrolmentStatus> next() {
        return Next.OF.get(ordinal());
    }

    /** Each status's {@link #next} built once: a check asks for every step of every enrolment's history. */
    private static final class Next {
        private static final ImmutableList<ImmutableSet<EnrolmentStatus>> OF = java.util.Arrays.stream(values())
                .map(EnrolmentStatus::computeNext).collect(ImmutableList.toImmutableList());
    }

    private ImmutableSet<EnrolmentStatus> computeNext() {
        return switch (this) {
            case NOMINATED -> ImmutableSet.of(APPROVED, DECLINED);
            case APPROVED -> ImmutableSet.of(CONFIRMED, WAITLISTED);
            case WAITLISTED -> ImmutableSet.of(CONFIRMED);
            case CONFIRMED -> ImmutableSet.of(ATTENDED, NO_SHOW, WITHDRAWN);
            case ATTENDED -> ImmutableSet.of(COMPLETED, NOT_COMPLETED);
            case DECLINED, NO_SHOW, WITHDRAWN, COMPLETED, NOT_COMPLETED -> ImmutableSet.of();
        };
    }

    /**
     * Whether moving to {@code target} is a legal transition.
     *
     * @param target the status to move to
     * @return whether it is among {@link #next()}
     */
    public boolean canMoveTo(EnrolmentStatus target) {
        return next().contains(target);
    }

    /** {@return whether nothing follows it: declined, no-show, withdrawn, completed or not-completed} */
    public boolean isFinal() {
        return next().isEmpty();
    }

    /** {@return whether it holds a seat at the event: confirmed, attended, completed or not-completed} */
    public boolean holdsSeat() {
        return this == CONFIRMED || wasPresent();
    }

    /** {@return whether the person was at the event: attended, completed or not-completed} */
    public boolean wasPresent() {
        return this == ATTENDED || this == COMPLETED || this == NOT_COMPLETED;
    }

    /** {@return the spelling used in documents and the API: {@code no-show}} */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
