package org.cadre.roster;

import com.google.common.collect.ImmutableList;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cadre.curriculum.SessionCode;
import org.cadre.finding.Finding;
import org.cadre.finding.Findings;
import org.cadre.finding.Result;
import org.cadre.kernel.Require;
import org.cadre.roster.pool.TrainerRecord;

/**
 * Closes an event once it is over, in one step: every participant holding a seat moves to no-show (no
 * session attended), then completed or not-completed by the share of agenda sessions attended against the
 * package's minimum ({@code certification.minAttendanceShare}); every trainer, co-trainer and guest trainer
 * who delivers a session on the agenda moves to completed; and the pool counts what its trainers taught
 * ({@link PoolFromEvents#deliveries}). Enrolments never seated (nominated, approved, waitlisted) stay as they
 * are, each with a warning. Nothing is stored here: the caller stores the result in one transaction.
 *
 * @param enrolments the enrolments that moved, in roster order
 * @param trainers the trainer-pool records that gained a delivery or co-delivery
 * @param findings what happened to each enrolment and pool record, and what was left
 */
public record EventClosure(LocalDate closedOn, ImmutableList<Enrolment> enrolments, ImmutableList<TrainerRecord> trainers,
        Findings findings) {

    /**
     * Checks the result's shape; {@link #close} computes it.
     *
     * @param closedOn the business day the event was closed
     * @param enrolments the enrolments that moved; copied
     * @param trainers the pool records that changed; copied
     * @param findings what happened and what was left
     * @throws IllegalArgumentException if a value is missing
     */
    public EventClosure {
        Require.present(closedOn, "EventClosure.closedOn");
        enrolments = Require.list(enrolments, "EventClosure.enrolments");
        trainers = Require.list(trainers, "EventClosure.trainers");
        Require.present(findings, "EventClosure.findings");
    }

    /**
     * Closes the event on the given business day.
     *
     * @param roster everything known about the event
     * @param on the day the event is closed; not before its last course day (the moves to completed are dated
     *     the last course day, no-show and attended the first) and not after today
     * @param today the current day where the event takes place
     * @return the moves and pool steps, or a refusal: {@code event.dates-inconsistent} (closed before its last
     *     day), {@code command.dated-ahead}, {@code close.nobody-seated}, {@code close.without-agenda},
     *     {@code close.unknown-session}, {@code close.without-attendance}, or the illegal moves
     */
    public static Result<EventClosure> close(EventRoster roster, LocalDate on, LocalDate today) {
        Require.present(roster, "roster");
        Require.present(on, "on");
        Require.present(today, "today");
        Event event = roster.event();
        if (on.isBefore(event.courseDays().last())) {
            return Result.refused(EventRule.DATES_INCONSISTENT.finding(event.subject(),
                    "an event is closed once it is over: " + on + " is before its last course day " + event.courseDays().last()));
        }
        if (on.isAfter(today)) {
            return Result.refused(RosterCommand.DATED_AHEAD.finding(event.subject(),
                    "dated " + on + ", after today (" + today + ") where the event takes place"));
        }
        // Nobody ever confirmed: nothing has happened to close (a no-show was confirmed, so it counts).
        if (roster.enrolmentsAs(Role.PARTICIPANT).stream().noneMatch(e -> e.history().stream()
                .anyMatch(h -> h.status() == EnrolmentStatus.CONFIRMED))) {
            return Result.refused(RosterCommand.NOBODY_SEATED.finding(event.subject(),
                    "no participant was ever confirmed: confirm the roster before closing"));
        }
        // Both refusals below stand only for participants closing would decide (a seat, no final status yet): where every
        // status was recorded by hand, closing moves none of them and may still count the trainers' teaching.
        boolean undecided = roster.enrolmentsAs(Role.PARTICIPANT).stream().anyMatch(e -> e.status().holdsSeat() && !e.status().isFinal());
        // No sessions: nothing to decide attendance by (an earlier event entered from a list of its graduates). Closing
        // would make every participant a no-show, and it runs once (the newcomer's review of session 14, for certifying).
        if (undecided && event.agenda().isEmpty()) {
            return Result.refused(RosterCommand.CLOSE_WITHOUT_AGENDA.finding(event.subject(), "lists no session; record the "
                    + "agenda and attendance first or, for an event entered without them, each participant's status by hand "
                    + "(attended, then completed or not-completed) and, for a ToT, its graduates' pool steps as evidence naming it"));
        }
        Set<SessionCode> agenda = new HashSet<>();
        event.agenda().forEach(s -> agenda.add(s.session()));
        // A session the package lacks (or outside the modules delivered) would count attendance and teaching at it, for
        // good: closing's statuses and pool steps are final. Whatever the participants' statuses, as the trainers count too.
        Set<SessionCode> delivered = EventCheck.of(roster).delivered().keySet();
        List<String> unknown = event.agenda().stream().map(AgendaSlot::session).filter(s -> !delivered.contains(s)).distinct()
                .map(SessionCode::toString).sorted().toList();
        if (!unknown.isEmpty()) {
            return Result.refused(RosterCommand.CLOSE_UNKNOWN_SESSION.finding(event.subject(), "lists "
                    + String.join(", ", unknown) + ", not among the sessions of " + roster.curriculum().id() + "@"
                    + roster.curriculum().version() + " this event delivers; put the agenda right first (the event's checks "
                    + "name them: agenda.unknown-session)"));
        }
        // Sessions but not one mark at any of them (an agenda of sessions the package lacks, or attendance not yet
        // entered): the same no-shows for want of records, and no-show is final (the attacker's review of session 15).
        if (undecided && roster.attendance().stream().noneMatch(a -> agenda.contains(a.session()))) {
            return Result.refused(RosterCommand.CLOSE_WITHOUT_ATTENDANCE.finding(event.subject(), "no attendance is recorded "
                    + "at any session of the agenda; record it first (absences too: PUT .../attendance/{session}) or, for an "
                    + "event entered without it, each participant's status by hand"));
        }
        Set<PersonId> delivering = new HashSet<>();
        event.agenda().forEach(s -> delivering.addAll(s.trainers()));
        Map<PersonId, Set<SessionCode>> attended = new HashMap<>();
        for (Attendance a : roster.attendance()) {
            if (a.mark().attended() && agenda.contains(a.session())) {
                attended.computeIfAbsent(a.person(), p -> new HashSet<>()).add(a.session());
            }
        }
        BigDecimal minimum = BigDecimal.valueOf(roster.curriculum().certification().minAttendanceShare());
        LocalDate first = event.courseDays().first();
        LocalDate last = event.courseDays().last();
        List<Enrolment> moved = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        List<Finding> refusals = new ArrayList<>();
        for (Enrolment e : roster.enrolments()) {
            String subject = event.subject() + "/enrolment/" + e.person();
            EnrolmentStatus s = e.status();
            if (s == EnrolmentStatus.NOMINATED || s == EnrolmentStatus.APPROVED || s == EnrolmentStatus.WAITLISTED) {
                findings.add(RosterCommand.LEFT_OPEN.finding(subject, "still " + s.label() + ", never seated; left as it is"));
                continue;
            }
            if (!s.holdsSeat() || s.isFinal()) {
                continue; // declined, withdrawn, no-show, completed, not-completed: decided already
            }
            Result<Enrolment> next;
            String why;
            if (e.role() == Role.PARTICIPANT) {
                long sessions = agenda.size();
                long present = attended.getOrDefault(e.person(), Set.of()).size();
                if (s == EnrolmentStatus.CONFIRMED && present == 0) {
                    next = e.moveTo(EnrolmentStatus.NO_SHOW, later(first, e.since()));
                    why = "no session attended: no-show";
                } else {
                    BigDecimal share = sessions == 0 ? BigDecimal.ZERO
                            : BigDecimal.valueOf(present).divide(BigDecimal.valueOf(sessions), 6, RoundingMode.HALF_UP);
                    EnrolmentStatus end = sessions > 0 && share.compareTo(minimum) >= 0 ? EnrolmentStatus.COMPLETED
                            : EnrolmentStatus.NOT_COMPLETED;
                    next = (s == EnrolmentStatus.CONFIRMED ? e.moveTo(EnrolmentStatus.ATTENDED, later(first, e.since())) : Result.ok(e))
                            .then(x -> x.moveTo(end, later(last, x.since())));
                    why = "attended " + present + " of " + sessions + " sessions, minimum " + percent(minimum) + ": " + end.label();
                }
            } else if (e.role().delivers() && delivering.contains(e.person())) {
                next = (s == EnrolmentStatus.CONFIRMED ? e.moveTo(EnrolmentStatus.ATTENDED, later(first, e.since())) : Result.ok(e))
                        .then(x -> x.moveTo(EnrolmentStatus.COMPLETED, later(last, x.since())));
                why = "delivers sessions on the agenda: completed";
            } else {
                if (e.role().delivers()) {
                    findings.add(RosterCommand.LEFT_OPEN.finding(subject, "a " + org.cadre.kernel.Label.of(e.role())
                            + " who delivers no session on the agenda; left as " + s.label()));
                } else {
                    // Observers, interpreters and organisers keep their status, said as for every enrolment left as it is
                    // (the newcomer's review of session 13: a confirmed interpreter was left without a word).
                    findings.add(RosterCommand.LEFT_OPEN.finding(subject, "an " + org.cadre.kernel.Label.of(e.role())
                            + " holding a seat; closing decides for participants and trainers only; left as " + s.label()));
                }
                continue;
            }
            if (next.isOk()) {
                moved.add(next.value());
                findings.add(RosterCommand.CLOSED.finding(subject, why));
            } else {
                next.refusal().forEach(refusals::add);
            }
        }
        if (!refusals.isEmpty()) {
            return Result.refused(refusals.get(0), refusals.subList(1, refusals.size()).toArray(Finding[]::new));
        }
        PoolFromEvents.Steps pool = PoolFromEvents.deliveries(roster);
        findings.addAll(pool.findings());
        return Result.ok(new EventClosure(on, ImmutableList.copyOf(moved), pool.records(), Findings.copyOf(findings)));
    }

    private static LocalDate later(LocalDate day, LocalDate since) {
        return day.isBefore(since) ? since : day;
    }

    private static String percent(BigDecimal share) {
        return share.movePointRight(2).setScale(0, RoundingMode.HALF_UP).toPlainString() + " %";
    }
}
