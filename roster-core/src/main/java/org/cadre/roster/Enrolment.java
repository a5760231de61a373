package org.cadre.roster;

import com.google.common.collect.ImmutableList;
import java.time.LocalDate;
import java.util.Optional;
import org.cadre.finding.Result;
import org.cadre.kernel.Require;

/**
 * A person on an event's roster in one role, with every status change it went through.
 *
 * <p>New enrolments start as {@link EnrolmentStatus#NOMINATED}; {@link #moveTo} applies a legal
 * transition or refuses with {@code enrolment.illegal-transition}, changing nothing. An enrolment read
 * back from storage or an import may hold any history; {@link EventRule#ILLEGAL_TRANSITION} reports the
 * illegal steps in it.
 *
 * @param nominatedBy the organisation that nominated the person, if known
 * @param history every status with the day it was entered, oldest first; never empty
 */
public record Enrolment(PersonId person, EventId event, Role role, Optional<OrganisationId> nominatedBy,
        ImmutableList<StatusChange> history) {

    /**
     * Checks the enrolment's shape; whether its history follows the legal transitions is for
     * {@link EventRule#ILLEGAL_TRANSITION}, since a stored or imported history may hold any steps.
     *
     * @param person who is enrolled
     * @param event in which event
     * @param role participant, trainer, observer...
     * @param nominatedBy the nominating organisation, if known
     * @param history every status with its day, oldest first; copied; not empty
     * @throws IllegalArgumentException if a value is missing or the history empty
     */
    public Enrolment {
        Require.present(person, "Enrolment.person");
        Require.present(event, "Enrolment.event");
        Require.present(role, "Enrolment.role");
        Require.present(nominatedBy, "Enrolment.nominatedBy");
        history = Require.list(history, "Enrolment.history");
        Require.that(!history.isEmpty(), "Enrolment.history", "must hold at least the first status");
    }

    /**
     * A new nomination, on the given day.
     *
     * @param person who is nominated
     * @param event for which event
     * @param role in which role
     * @param nominatedBy the nominating organisation (for a participant, it must be a recognised authority
     *     of a programme country: {@link EventRule#NOT_ELIGIBLE})
     * @param on the business day of the nomination
     * @return the enrolment, {@link EnrolmentStatus#NOMINATED} since {@code on}
     */
    public static Enrolment nominate(PersonId person, EventId event, Role role, OrganisationId nominatedBy, LocalDate on) {
        return new Enrolment(person, event, role, Optional.of(nominatedBy),
                ImmutableList.of(new StatusChange(EnrolmentStatus.NOMINATED, on)));
    }

    /** {@return the current status: the last step of the history} */
    public EnrolmentStatus status() {
        return history.get(history.size() - 1).status();
    }

    /** {@return the day the current status was entered} */
    public LocalDate since() {
        return history.get(history.size() - 1).on();
    }

    /** {@return the day the person was put on the waiting list, if ever (the waiting list's order)} */
    public Optional<LocalDate> waitlistedOn() {
        return history.stream().filter(c -> c.status() == EnrolmentStatus.WAITLISTED).map(StatusChange::on).findFirst();
    }

    /**
     * Moves to {@code target} on the given day, if the transition is legal and the day is not before the
     * current status's day; otherwise refuses with the reason.
     *
     * @param target the status to move to
     * @param on the business day of the move
     * @return the moved enrolment (this one is unchanged), or {@code enrolment.illegal-transition} naming
     *     the statuses allowed
     */
    public Result<Enrolment> moveTo(EnrolmentStatus target, LocalDate on) {
        Require.present(target, "target");
        Require.present(on, "on");
        String subject = "event/" + event + "/enrolment/" + person;
        if (!status().canMoveTo(target)) {
            return Result.refused(EventRule.ILLEGAL_TRANSITION.finding(subject,
                    "cannot move from " + status().label() + " to " + target.label() + "; allowed: "
                            + (status().isFinal() ? "none, " + status().label() + " is final"
                                    : String.join(", ", status().next().stream().map(EnrolmentStatus::label).toList()))));
        }
        if (on.isBefore(since())) {
            return Result.refused(EventRule.ILLEGAL_TRANSITION.finding(subject,
                    "cannot move to " + target.label() + " on " + on + ", before the current status began (" + since() + ")"));
        }
        return Result.ok(new Enrolment(person, event, role, nominatedBy,
                ImmutableList.<StatusChange>builder().addAll(history).add(new StatusChange(target, on)).build()));
    }

    /** One step of an enrolment's history. */
    public record StatusChange(EnrolmentStatus status, LocalDate on) {
        /**
         * Checks the step.
         *
         * @param status the status entered
         * @param on the business day it was entered
         * @throws IllegalArgumentException if a value is missing
         */
        public StatusChange {
            Require.present(status, "StatusChange.status");
            Require.present(on, "StatusChange.on");
        }
    }
}
