package org.cadre.roster;

import com.google.common.collect.ImmutableList;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.cadre.finding.Finding;
import org.cadre.finding.Result;
import org.cadre.kernel.Require;

/**
 * Status changes for many enrolments of one event at once (approve every nomination, decline three): all
 * of them or none. Undated changes take the event's own day ({@link Event#defaultDay}).
 */
public final class BulkStatus {

    private BulkStatus() {}

    /**
     * One change.
     *
     * @param on the business day it happened; empty for the event's default day
     */
    public record Move(PersonId person, EnrolmentStatus status, Optional<LocalDate> on) {
        /**
         * Checks the move.
         *
         * @param person whose enrolment moves
         * @param status the status it moves to
         * @param on the business day it happened; empty for the event's default day
         * @throws IllegalArgumentException if a value is missing
         */
        public Move {
            Require.present(person, "Move.person");
            Require.present(status, "Move.status");
            Require.present(on, "Move.on");
        }
    }

    /**
     * The moves of every enrolment now in status {@code from} (and in {@code role}, if given) to {@code to}: approve
     * every nomination, confirm every approved participant. Choosing whom "every" means is this method's
     * alone, so the API and the command line cannot differ.
     *
     * @param enrolments the event's enrolments
     * @param from the status to move from, such as {@link EnrolmentStatus#NOMINATED}
     * @param role only enrolments in this role; empty for every role
     * @param to the status to move to
     * @param on the business day for every move; empty for the event's default day
     * @return one move per chosen enrolment, in the enrolments' order; empty if none is in {@code from}
     */
    public static ImmutableList<Move> every(java.util.Collection<Enrolment> enrolments, EnrolmentStatus from, Optional<Role> role,
            EnrolmentStatus to, Optional<LocalDate> on) {
        Require.present(enrolments, "enrolments");
        Require.present(from, "from");
        Require.present(role, "role");
        Require.present(to, "to");
        Require.present(on, "on");
        return enrolments.stream().filter(e -> e.status() == from && role.map(r -> r == e.role()).orElse(true))
                .map(e -> new Move(e.person(), to, on)).collect(ImmutableList.toImmutableList());
    }

    /**
     * Applies every move or none.
     *
     * @param event the event, for its default days and finding subjects
     * @param current the event's enrolments by person
     * @param moves the changes, one per person
     * @param today the current day where the event takes place
     * @return the moved enrolments in the order of the moves, or every refusal (each names its person):
     *     {@code command.not-enrolled}, {@code command.named-twice}, {@code command.dated-ahead} or
     *     {@code enrolment.illegal-transition}
     */
    public static Result<ImmutableList<Enrolment>> apply(Event event, Map<PersonId, Enrolment> current, List<Move> moves,
            LocalDate today) {
        Require.present(event, "event");
        Require.present(current, "current");
        Require.present(moves, "moves");
        Require.present(today, "today");
        List<Finding> refusals = new ArrayList<>();
        List<Enrolment> moved = new ArrayList<>();
        Set<PersonId> seen = new HashSet<>();
        for (Move m : moves) {
            String subject = event.subject() + "/enrolment/" + m.person();
            // Named again is said of every later change, whoever it names; not enrolled of the first.
            if (!seen.add(m.person())) {
                refusals.add(RosterCommand.NAMED_TWICE.finding(subject, "is named more than once; one change per person"));
                continue;
            }
            Enrolment e = current.get(m.person());
            if (e == null) {
                refusals.add(RosterCommand.NOT_ENROLLED.finding(subject, "is not enrolled in this event"));
                continue;
            }
            Optional<Finding> ahead = m.on().flatMap(day -> datedAhead(subject, day, today));
            if (ahead.isPresent()) {
                refusals.add(ahead.get());
                continue;
            }
            LocalDate on = m.on().orElseGet(() -> event.defaultDay(m.status(), today, e.since()));
            Result<Enrolment> r = e.moveTo(m.status(), on);
            if (r.isOk()) {
                moved.add(r.value());
            } else {
                r.refusal().forEach(refusals::add);
            }
        }
        if (!refusals.isEmpty()) {
            return Result.refused(refusals.get(0), refusals.subList(1, refusals.size()).toArray(Finding[]::new));
        }
        return Result.ok(ImmutableList.copyOf(moved));
    }

    /**
     * Why a change dated {@code on} is refused as dated ahead: statuses, nominations included, record what happened.
     *
     * @param subject what the finding is about
     * @param on the day the change is dated
     * @param today the current day where the event takes place
     * @return a finding of {@link RosterCommand#DATED_AHEAD} when {@code on} is after {@code today}; empty otherwise
     */
    public static Optional<Finding> datedAhead(String subject, LocalDate on, LocalDate today) {
        if (!on.isAfter(today)) {
            return Optional.empty();
        }
        return Optional.of(RosterCommand.DATED_AHEAD.finding(subject, "dated " + on + ", after today (" + today + ") where the event takes place"));
    }

    /**
     * Why a nomination dated {@code on} is refused: dated after today ({@link RosterCommand#DATED_AHEAD}), or after the
     * event's last course day ({@link RosterCommand#NOMINATED_AFTER_EVENT}): people are nominated before they attend.
     *
     * @param subject what the finding is about
     * @param on the day of the nomination
     * @param event the event nominated for
     * @param today the current day where the event takes place
     * @return the finding, or empty when the day may be a nomination's
     */
    public static Optional<Finding> nominationDay(String subject, LocalDate on, Event event, LocalDate today) {
        Optional<Finding> ahead = datedAhead(subject, on, today);
        if (ahead.isPresent() || !on.isAfter(event.courseDays().last())) {
            return ahead;
        }
        return Optional.of(RosterCommand.NOMINATED_AFTER_EVENT.finding(subject, "dated " + on + ", after the event's last course day ("
                + event.courseDays().last() + "); people are nominated before they attend"));
    }

    /**
     * One enrolment moved, as {@link #apply} moves each: undated, it takes the event's own day for the status
     * ({@link Event#defaultDay}); dated after today, it is refused ({@link RosterCommand#DATED_AHEAD}).
      *
      * @param event the event the enrolment belongs to
      * @param current the enrolment as it stands
      * @param to the status to move to
      * @param on the day it happened; empty for the event's own day
      * @param today the current day where the event takes place
      * @return the moved enrolment, or the refusals
     */
    public static Result<Enrolment> one(Event event, Enrolment current, EnrolmentStatus to, Optional<LocalDate> on, LocalDate today) {
        Require.present(current, "current");
        Result<ImmutableList<Enrolment>> r = apply(event, Map.of(current.person(), current), List.of(new Move(current.person(), to, on)), today);
        if (r.isOk()) {
            return Result.ok(r.value().get(0));
        }
        List<Finding> refusals = r.refusal().stream().toList();
        return Result.refused(refusals.get(0), refusals.subList(1, refusals.size()).toArray(Finding[]::new));
    }
}
