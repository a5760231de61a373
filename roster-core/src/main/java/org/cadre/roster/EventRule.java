package org.cadre.roster;

import static org.cadre.finding.Severity.ERROR;
import static org.cadre.finding.Severity.INFO;
import static org.cadre.finding.Severity.WARNING;

import com.google.common.collect.ImmutableList;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.cadre.curriculum.Session;
import org.cadre.curriculum.SessionCode;
import org.cadre.finding.Rule;
import org.cadre.finding.RuleInfo;
import org.cadre.finding.Severity;
import org.cadre.roster.Enrolment.StatusChange;
import org.cadre.roster.names.DuplicateCandidate;
import org.cadre.roster.names.DuplicateFinder;
import org.cadre.roster.pool.Evidence;
import org.cadre.roster.pool.PoolStatus;
import org.cadre.roster.pool.TrainerRecord;

/**
 * Every rule an event's roster is checked against, in one place. Each constant's code is stable and
 * catalogued in {@code docs/rules.md}.
 */
public enum EventRule implements Rule<EventCheck>, RuleInfo.Specified {

    /** The event delivers the curriculum version it is checked with. */
    CURRICULUM_MISMATCH("event.curriculum-mismatch", ERROR,
            "The event names a different package or version than the curriculum it is checked against.") {
        @Override
        public void check(EventCheck in, Report report) {
            Event e = in.event();
            var c = in.roster().curriculum();
            if (!e.curriculum().equals(c.id()) || !e.version().equals(c.version())) {
                report.finding(e.subject(), "delivers " + e.curriculum() + "@" + e.version() + " but was checked against "
                        + c.id() + "@" + c.version());
            }
            if (!e.programme().equals(in.roster().programme().id())) {
                report.finding(e.subject(), "belongs to programme " + e.programme() + " but was checked with programme "
                        + in.roster().programme().id());
            }
        }
    },

    /** The course days lie inside the travel window. */
    DATES_INCONSISTENT("event.dates-inconsistent", ERROR,
            "The course days are not inside the travel window.") {
        @Override
        public void check(EventCheck in, Report report) {
            Event e = in.event();
            if (!e.travelWindow().contains(e.courseDays())) {
                report.finding(e.subject(), "course days " + e.courseDays() + " are not inside the travel window " + e.travelWindow());
            }
        }
    },

    /** No more participants hold a seat than the event has seats. */
    CAPACITY_EXCEEDED("event.capacity-exceeded", ERROR,
            "More participants hold a seat (confirmed, attended, completed or not-completed) than the event's maximum.") {
        @Override
        public void check(EventCheck in, Report report) {
            int seated = in.seatedParticipants().size();
            if (seated > in.event().maxParticipants()) {
                report.finding(in.event().subject(), seated + " participants hold a seat, the maximum is "
                        + in.event().maxParticipants() + ": " + (seated - in.event().maxParticipants()) + " too many");
            }
        }
    },

    /** At least the minimum number of participants hold a seat. */
    BELOW_MINIMUM("event.below-minimum", WARNING,
            "Fewer participants hold a seat than the event's minimum.") {
        @Override
        public void check(EventCheck in, Report report) {
            int seated = in.seatedParticipants().size();
            if (seated < in.event().minParticipants()) {
                report.finding(in.event().subject(), "only " + seated + " participants hold a seat, the minimum is "
                        + in.event().minParticipants());
            }
        }
    },

    /** Seats go to the waiting list in the order people joined it. */
    WAITLIST_ORDER("event.waitlist-order", WARNING,
            "Someone was confirmed from the waiting list while a person who joined it earlier is still waiting.") {
        @Override
        public void check(EventCheck in, Report report) {
            // Those still waiting, earliest first: a promoted person is reported ahead of the first of them,
            // up to the first who joined the list on or after the day they did (no one waiting: nothing to read).
            List<Enrolment> waiting = in.roster().enrolments().stream()
                    .filter(e -> e.status() == EnrolmentStatus.WAITLISTED)
                    .sorted(Comparator.comparing(e -> e.waitlistedOn().orElseThrow())).toList();
            if (waiting.isEmpty()) {
                return;
            }
            for (Enrolment promoted : in.roster().enrolments()) {
                Optional<java.time.LocalDate> joined = promoted.waitlistedOn();
                if (joined.isEmpty() || promoted.status() == EnrolmentStatus.WAITLISTED) {
                    continue;
                }
                for (int w = 0; w < waiting.size() && waiting.get(w).waitlistedOn().orElseThrow().isBefore(joined.get()); w++) {
                    report.finding(in.subject("enrolment", promoted.person()), "left the waiting list (joined " + joined.get()
                            + ") ahead of " + waiting.get(w).person() + ", waiting since " + waiting.get(w).waitlistedOn().orElseThrow());
                }
            }
        }
    },

    /** No country sends more participants than its quota. */
    QUOTA_EXCEEDED("event.quota-exceeded", ERROR,
            "A country has more participants holding a seat than its quota.") {
        @Override
        public void check(EventCheck in, Report report) {
            Map<Country, long[]> perCountry = new TreeMap<>(); // a count per country, not a boxed sum per person
            for (Enrolment e : in.seatedParticipants()) {
                Person p = in.roster().people().get(e.person());
                if (p != null) {
                    perCountry.computeIfAbsent(p.country(), c -> new long[1])[0]++;
                }
            }
            perCountry.forEach((country, count) -> {
                long n = count[0];
                Integer quota = in.event().quotas().get(country);
                if (quota != null && n > quota) {
                    report.finding(in.subject("quota", country), country.englishName() + " has " + n
                            + " participants holding a seat, its quota is " + quota);
                }
            });
        }
    },

    /** Every enrolment is of a person on the roster's people list, once. */
    UNKNOWN_PERSON("enrolment.unknown-person", ERROR,
            "An enrolment names a person who is not on the roster's list of people, or a person is enrolled twice.") {
        @Override
        public void check(EventCheck in, Report report) {
            Set<PersonId> seen = new HashSet<>();
            for (Enrolment e : in.roster().enrolments()) {
                if (!in.roster().people().containsKey(e.person())) {
                    report.finding(in.subject("enrolment", e.person()), "names a person who is not on the list of people");
                }
                if (!seen.add(e.person())) {
                    report.finding(in.subject("enrolment", e.person()), "the person is enrolled more than once");
                }
            }
        }
    },

    /** Participants are nominated by a recognised authority of a country in the programme's scope. */
    NOT_ELIGIBLE("enrolment.not-eligible", ERROR,
            "A participant was not nominated by a recognised nominating authority of a country in the programme's scope.") {
        @Override
        public void check(EventCheck in, Report report) {
            for (Enrolment e : in.roster().enrolmentsAs(Role.PARTICIPANT)) {
                if (e.status() == EnrolmentStatus.DECLINED) {
                    continue;
                }
                Optional<Organisation> nominator = e.nominatedBy().map(in.roster().organisations()::get);
                if (e.nominatedBy().isEmpty()) {
                    report.finding(in.subject("enrolment", e.person()), "has no nominating organisation");
                } else if (nominator.isEmpty()) {
                    report.finding(in.subject("enrolment", e.person()), "was nominated by " + e.nominatedBy().get()
                            + ", an unknown organisation");
                } else if (!nominator.get().nominatingAuthority()) {
                    report.finding(in.subject("enrolment", e.person()), "was nominated by " + nominator.get().name()
                            + ", which is not a recognised nominating authority");
                } else if (!in.roster().programme().countries().contains(nominator.get().country())) {
                    report.finding(in.subject("enrolment", e.person()), "was nominated by " + nominator.get().name() + " of "
                            + nominator.get().country().englishName() + ", a country outside the programme's scope");
                }
            }
        }
    },

    /** Every enrolment's recorded history follows the legal status transitions. */
    ILLEGAL_TRANSITION("enrolment.illegal-transition", ERROR,
            "An enrolment's status history holds a move the status rules do not allow (or goes back in time).") {
        @Override
        public void check(EventCheck in, Report report) {
            for (Enrolment e : in.roster().enrolments()) {
                List<StatusChange> h = e.history();
                if (h.get(0).status() != EnrolmentStatus.NOMINATED) {
                    report.finding(in.subject("enrolment", e.person()), "starts as " + h.get(0).status().label()
                            + " instead of nominated");
                }
                for (int i = 1; i < h.size(); i++) {
                    StatusChange from = h.get(i - 1);
                    StatusChange to = h.get(i);
                    if (!from.status().canMoveTo(to.status())) {
                        report.finding(in.subject("enrolment", e.person()), "moved from " + from.status().label()
                                + " to " + to.status().label() + " on " + to.on() + ", which is not allowed");
                    } else if (to.on().isBefore(from.on())) {
                        report.finding(in.subject("enrolment", e.person()), "moved to " + to.status().label() + " on "
                                + to.on() + ", before it became " + from.status().label() + " on " + from.on());
                    }
                }
            }
        }
    },

    /** The modules an event delivers are modules of its package version. */
    UNKNOWN_MODULE("event.unknown-module", ERROR,
            "The event says it delivers a module that its package version does not have.") {
        @Override
        public void check(EventCheck in, Report report) {
            for (var m : in.event().modules()) {
                if (in.roster().curriculum().module(m).isEmpty()) {
                    report.finding(in.subject("module", m), "module " + m + " is not in " + in.roster().curriculum().id()
                            + "@" + in.roster().curriculum().version());
                }
            }
        }
    },

    /** The agenda holds every session of the modules the event delivers (the whole package unless it names some). */
    SESSION_MISSING("agenda.session-missing", ERROR,
            "A session of the modules the event delivers (every module, unless the event names some) is not on the agenda.") {
        @Override
        public void check(EventCheck in, Report report) {
            in.delivered().keySet().stream().filter(s -> !in.onAgenda().contains(s)).forEach(s ->
                    report.finding(in.subject("session", s), "session " + s + " \"" + in.delivered().get(s).title()
                            + "\" is not on the agenda"));
        }
    },

    /** The agenda holds only sessions of the curriculum version, each once. */
    UNKNOWN_SESSION("agenda.unknown-session", ERROR,
            "An agenda slot names a session that the curriculum version does not have (or that lies outside the modules the "
                    + "event delivers), or places a session twice.") {
        @Override
        public void check(EventCheck in, Report report) {
            Set<SessionCode> seen = new HashSet<>();
            for (AgendaSlot slot : in.event().agenda()) {
                if (!in.sessions().containsKey(slot.session())) {
                    report.finding(in.subject("session", slot.session()), "is on the agenda but not in "
                            + in.roster().curriculum().id() + "@" + in.roster().curriculum().version());
                } else if (!in.delivered().containsKey(slot.session())) {
                    report.finding(in.subject("session", slot.session()), "is on the agenda but not in the modules this event "
                            + "delivers (" + in.event().modules().stream().map(Object::toString).sorted()
                                    .collect(Collectors.joining(", ")) + ")");
                } else if (!seen.add(slot.session())) {
                    report.finding(in.subject("session", slot.session()), "is placed on the agenda more than once");
                }
            }
        }
    },

    /** Every agenda slot falls on a course day (not outside the span, not on a listed non-course day). */
    OUTSIDE_COURSE_DAYS("agenda.outside-course-days", ERROR,
            "An agenda slot falls outside the course days, or on a day of the span the event does not teach (a weekend, a holiday).") {
        @Override
        public void check(EventCheck in, Report report) {
            for (AgendaSlot s : in.event().agenda()) {
                if (!in.event().courseDays().contains(s.day())) {
                    report.finding(in.subject("session", s.session()), "is placed on " + s.day()
                            + ", outside the course days " + in.event().courseDays());
                } else if (!in.event().isCourseDay(s.day())) {
                    report.finding(in.subject("session", s.session()), "is placed on " + s.day()
                            + ", which is not one of the event's course days (no teaching is listed that day)");
                }
            }
        }
    },

    /** Every agenda slot lasts as long as the curriculum plans for its session. */
    DURATION_MISMATCH("agenda.duration-mismatch", WARNING,
            "An agenda slot is shorter or longer than the curriculum plans for its session.") {
        @Override
        public void check(EventCheck in, Report report) {
            for (AgendaSlot slot : in.event().agenda()) {
                Session s = in.sessions().get(slot.session());
                if (s != null && slot.minutes() != s.minutes()) {
                    // The slot's day and start say which slot, as a session may be on the agenda more than once.
                    report.finding(in.subject("session", slot.session()), "is given " + slot.minutes()
                            + " minutes on the agenda on " + slot.day() + " at " + slot.start() + "; the curriculum plans " + s.minutes());
                }
            }
        }
    },

    /** No trainer is booked into two overlapping sessions. */
    TRAINER_DOUBLE_BOOKED("agenda.trainer-double-booked", ERROR,
            "A trainer is booked into two agenda slots that overlap in time.") {
        @Override
        public void check(EventCheck in, Report report) {
            doubleBookings(in.event().agenda(), (trainer, message) -> report.finding(in.subject("trainer", trainer), message));
        }
    },

    /** Every trainer on the agenda is enrolled in the event as trainer or co-trainer. */
    TRAINER_NOT_ENROLLED("agenda.trainer-not-enrolled", ERROR,
            "A person delivers an agenda slot but is not enrolled as a trainer, co-trainer or guest trainer holding a seat.") {
        @Override
        public void check(EventCheck in, Report report) {
            Set<PersonId> trainers = in.roster().seatedTrainers().stream().map(Enrolment::person)
                    .collect(Collectors.toSet());
            in.event().agenda().stream().flatMap(s -> s.trainers().stream()).distinct()
                    .filter(t -> !trainers.contains(t))
                    .forEach(t -> report.finding(in.subject("trainer", t),
                            "delivers sessions but is not enrolled as a trainer, co-trainer or guest trainer holding a seat"));
        }
    },

    /** Trainers hold the pool status the event needs: certified or lead to lead, co-trainer or above to co-deliver. */
    TRAINER_NOT_QUALIFIED("agenda.trainer-not-qualified", ERROR,
            "A trainer lacks the trainer-pool status the role needs for this package on the first course day "
                    + "(lead: certified trainer with a valid certificate; co-trainer: at least co-trainer; a ToT is led by lead trainers). "
                    + "Not applied to courses, nor to guest trainers.") {
        @Override
        public void check(EventCheck in, Report report) {
            if (!in.event().kind().needsPoolTrainers()) {
                return; // a course is taught by whoever the organisers engage
            }
            for (Enrolment e : in.roster().seatedTrainers()) {
                if (e.role() == Role.GUEST_TRAINER) {
                    continue; // an invited expert; listed by agenda.guest-trainer
                }
                Optional<TrainerRecord> record = in.roster().pool().record(e.person(), in.event().curriculum());
                String subject = in.subject("trainer", e.person());
                if (record.isEmpty()) {
                    report.finding(subject, "has no trainer-pool record for " + in.event().curriculum());
                    continue;
                }
                TrainerRecord r = record.get();
                boolean ok = switch (e.role()) {
                    case TRAINER -> r.mayLeadOn(in.firstDay()) && (in.event().kind() != Event.Kind.TOT
                            || r.statusOn(in.firstDay()).orElseThrow() == PoolStatus.LEAD_TRAINER);
                    default -> r.mayCoDeliverOn(in.firstDay());
                };
                if (!ok) {
                    report.finding(subject, "is enrolled as " + org.cadre.kernel.Label.of(e.role())
                            + " of a " + org.cadre.kernel.Label.of(in.event().kind()) + " event but on " + in.firstDay() + " is "
                            + standing(r.asOf(in.firstDay()), in.firstDay())
                            + "; record their next step or recertification in the trainer pool, or enrol them in a role their"
                            + " status allows (a guest trainer needs none)");
                }
            }
        }
    },

    /** Trainers of a cascade training graduated from the ToT the cascade names. */
    CASCADE_TRAINER_NOT_FROM_TOT("cascade.trainer-not-from-tot", WARNING,
            "A trainer of a cascade training has no record of completing the ToT the cascade says its trainers came from.") {
        @Override
        public void check(EventCheck in, Report report) {
            in.event().trainersFrom().ifPresent(tot -> {
                for (Enrolment e : in.roster().seatedTrainers()) {
                    if (e.role() == Role.GUEST_TRAINER) {
                        continue;
                    }
                    boolean graduated = in.roster().pool().record(e.person(), in.event().curriculum())
                            .map(r -> r.history().stream().flatMap(h -> h.evidence().stream())
                                    .anyMatch(ev -> ev.kind() == Evidence.Kind.TOT_COMPLETED && ev.event().equals(Optional.of(tot))))
                            .orElse(false);
                    if (!graduated) {
                        report.finding(in.subject("trainer", e.person()), "has no record of completing " + tot
                                + ", the ToT this cascade's trainers came from");
                    }
                }
            });
        }
    },

    /** An invited guest trainer leads at this event without a trainer-pool record. */
    GUEST_TRAINER("agenda.guest-trainer", INFO,
            "A guest trainer (an invited expert) delivers at this event without a trainer-pool record; valid for this event only.") {
        @Override
        public void check(EventCheck in, Report report) {
            for (Enrolment e : in.roster().seatedTrainers()) {
                if (e.role() == Role.GUEST_TRAINER) {
                    // The subject names the person, as every other rule's does: a message that named them too read twice on a
                    // page ("Janis Ozols: Janis Ozols delivers ...", the newcomer's review of session 13).
                    report.finding(in.subject("trainer", e.person()),
                            "delivers as an invited guest trainer, for this event only; not a member of the trainer pool");
                }
            }
        }
    },

    /** A ToT delivers a package that certifies trainers (its certification criteria give a certificate validity). */
    TOT_WITHOUT_CERTIFICATE("event.tot-without-certificate", ERROR,
            "A ToT delivers a package that certifies no trainers: its certification criteria give no certificate validity.") {
        @Override
        public void check(EventCheck in, Report report) {
            if (in.event().kind() == Event.Kind.TOT && !in.roster().curriculum().certification().certifiesTrainers()) {
                report.finding(in.event().subject(), "is a ToT, but " + in.roster().curriculum().id() + "@"
                        + in.roster().curriculum().version() + " certifies no trainers (no certificate validity)");
            }
        }
    },

    /** There are enough trainers for the participants. */
    TRAINER_RATIO("event.trainer-ratio", WARNING,
            "More participants per trainer than the largest ratio allowed (12 by default), or no trainer at all.") {
        @Override
        public void check(EventCheck in, Report report) {
            int participants = in.seatedParticipants().size();
            int trainers = in.roster().seatedTrainers().size();
            if (participants == 0) {
                return;
            }
            if (trainers == 0) {
                report.finding(in.event().subject(), participants + " participants and no trainer holding a seat");
            } else if (participants > (long) trainers * in.maxParticipantsPerTrainer()) {
                report.finding(in.event().subject(), participants + " participants for " + trainers + (trainers == 1 ? " trainer is " : " trainers is ")
                        + BigDecimal.valueOf(participants).divide(BigDecimal.valueOf(trainers), 1, RoundingMode.HALF_UP)
                                .toPlainString()
                        + " per trainer; at most " + in.maxParticipantsPerTrainer() + " allowed");
            }
        }
    },

    /** Attendance is recorded only for enrolled people. */
    ATTENDANCE_NOT_ENROLLED("attendance.not-enrolled", ERROR,
            "Attendance is recorded for someone who is not enrolled in the event.") {
        @Override
        public void check(EventCheck in, Report report) {
            Set<PersonId> enrolled = in.roster().enrolments().stream().map(Enrolment::person).collect(Collectors.toSet());
            // The marks' people once each, in order of their first mark.
            in.marks().people().stream().filter(p -> !enrolled.contains(p))
                    .forEach(p -> report.finding(in.subject("attendance", p), "attendance is recorded for " + p
                            + ", who is not enrolled in the event"));
        }
    },

    /**
     * Someone enrolled who holds no seat has delivery records: reports and certification count only people holding
     * a seat, so the records count nowhere until the status or the records are put right. A warning, not a
     * refusal when recording: the status may be the thing to correct (a walk-in never confirmed), and a
     * correction of the marks of someone who withdrew must remain possible.
     */
    RECORDS_WITHOUT_SEAT("enrolment.records-without-seat", WARNING,
            "Someone enrolled who holds no seat (nominated, approved, waitlisted, declined, withdrawn or a no-show) is "
                    + "marked present or late at a session, or has a test or practice-teaching score; reports and "
                    + "certification count only people holding a seat, so these records count nowhere until the status "
                    + "or the records are put right.") {
        @Override
        public void check(EventCheck in, Report report) {
            Map<PersonId, EnrolmentStatus> unseated = new HashMap<>();
            for (Enrolment e : in.roster().enrolments()) {
                if (!e.status().holdsSeat()) {
                    unseated.put(e.person(), e.status());
                }
            }
            if (unseated.isEmpty()) {
                return;
            }
            EventCheck.Marks marks = in.marks();
            for (int i = marks.attended().nextSetBit(0); i >= 0; i = marks.attended().nextSetBit(i + 1)) {
                EnrolmentStatus status = unseated.get(marks.people().get(i));
                if (status != null) {
                    report.finding(in.subject("attendance", marks.people().get(i)), "is marked present or late at a session but holds no seat ("
                            + status.label() + "); reports and certification leave the marks out");
                }
            }
            Set<PersonId> tested = new java.util.LinkedHashSet<>();
            in.roster().tests().stream().map(TestScore::person).filter(unseated::containsKey).forEach(tested::add);
            tested.forEach(p -> report.finding(in.subject("test", p), "has a test score but holds no seat (" + unseated.get(p).label()
                    + "); reports leave the score out"));
            Set<PersonId> practised = new java.util.LinkedHashSet<>();
            in.roster().practice().stream().map(PracticeTeaching::person).filter(unseated::containsKey).forEach(practised::add);
            practised.forEach(p -> report.finding(in.subject("practice", p), "has a practice-teaching score but holds no seat ("
                    + unseated.get(p).label() + "); reports and certification leave the score out"));
        }
    },

    /**
     * A participant recorded as present at the event (attended, completed or not-completed) whose every attendance mark
     * says absent or excused: the status and the register disagree, and the reports count the status (the newcomer's
     * review of session 17: one marked absent at all 15 sessions still counted as trained, with no finding).
     */
    PRESENT_BY_STATUS_ONLY("attendance.present-by-status-only", WARNING,
            "A participant whose status says they were at the event (attended, completed or not-completed) is marked absent "
                    + "or excused at every session they have a mark for: the status and the register disagree, and reports "
                    + "and certification count the status. Mark the sessions they came to, or record the status they hold "
                    + "(a no-show).") {
        @Override
        public void check(EventCheck in, Report report) {
            EventCheck.Marks marks = in.marks();
            if (marks.people().size() == marks.attended().cardinality()) {
                return;
            }
            Map<PersonId, EnrolmentStatus> present = new HashMap<>();
            for (Enrolment e : in.roster().enrolmentsAs(Role.PARTICIPANT)) {
                if (e.status().wasPresent()) {
                    present.put(e.person(), e.status());
                }
            }
            for (int i = 0; i < marks.people().size(); i++) {
                EnrolmentStatus status = present.get(marks.people().get(i));
                if (status != null && !marks.attended().get(i)) {
                    report.finding(in.subject("attendance", marks.people().get(i)), "is " + status.label()
                            + " but marked absent or excused at every session they have a mark for");
                }
            }
        }
    },

    /**
     * A participant's final status and the register disagree about the package's minimum attendance: completed with a
     * smaller share of the agenda's sessions attended than the minimum, or not-completed with at least the minimum.
     * Closing decides by the same share; a status recorded by hand is not checked against it otherwise (the newcomer's
     * review of session 20: the demo's p-kz-18 attended 9 of 14 sessions and counted among 26 graduates). Someone with
     * no mark at all is left alone: an event entered from its final list alone has no register to disagree with.
     */
    COMPLETION_DISAGREES("attendance.completion-disagrees", WARNING,
            "A participant recorded as completed attended a smaller share of the agenda's sessions than the package's "
                    + "minimum, or one recorded as not-completed attended at least that share (as closing counts it: sessions "
                    + "on the agenda marked present or late, over the agenda's sessions). Reports count completed participants "
                    + "as graduates. Correct the marks, or record the status the register supports. Someone with no mark at "
                    + "all is left alone (an event entered from its final list).") {
        @Override
        public void check(EventCheck in, Report report) {
            EventCheck.Marks marks = in.marks();
            int sessions = in.onAgenda().size();
            if (sessions == 0 || marks.people().isEmpty()) {
                return;
            }
            BigDecimal minimum = BigDecimal.valueOf(in.roster().curriculum().certification().minAttendanceShare());
            // The fewest sessions that meet the minimum, by closing's own arithmetic (a share to six places): each
            // participant is then one comparison of whole numbers.
            int needed = 0;
            while (needed <= sessions && share(needed, sessions).compareTo(minimum) < 0) {
                needed++;
            }
            for (Enrolment e : in.roster().enrolmentsAs(Role.PARTICIPANT)) {
                boolean completed = e.status() == EnrolmentStatus.COMPLETED;
                if (!completed && e.status() != EnrolmentStatus.NOT_COMPLETED) {
                    continue;
                }
                Integer at = marks.numbers().get(e.person());
                if (at == null) {
                    continue;
                }
                int present = marks.attendedSessions()[at];
                if (completed == present < needed) {
                    report.finding(in.subject("attendance", e.person()), "is " + e.status().label() + " but attended " + present
                            + " of " + sessions + " sessions on the agenda (" + percent(share(present, sessions))
                            + "), and the package's minimum is " + percent(minimum));
                }
            }
        }

        private static BigDecimal share(int present, int sessions) {
            return BigDecimal.valueOf(present).divide(BigDecimal.valueOf(sessions), 6, java.math.RoundingMode.HALF_UP);
        }

        /** To one place, without a trailing zero: 11 of 14 is "78.6 %", where a whole number read "79 %" and 39 of 49 "80 %". */
        private static String percent(BigDecimal share) {
            return share.movePointRight(2).setScale(1, java.math.RoundingMode.HALF_UP).stripTrailingZeros().toPlainString() + " %";
        }
    },

    /**
     * The course is over and participants still hold a seat without a final status (confirmed or attended): the event
     * was never closed, nor each status recorded by hand. Only a check given today's date ({@link EventCheck#on}) says so.
     */
    UNDECIDED_AFTER_EVENT("enrolment.undecided-after-event", WARNING,
            "The course is over (as of the day the check is given) and participants still hold a seat without a final status "
                    + "(confirmed or attended): close the event, or record each status by hand (completed, not-completed, "
                    + "no-show). Until then reports do not know who was absent, and a programme's donor or public report "
                    + "may be refused.") {
        @Override
        public void check(EventCheck in, Report report) {
            if (in.today().isEmpty() || !in.today().get().isAfter(in.event().courseDays().last())) {
                return;
            }
            long confirmed = 0;
            long attended = 0;
            for (Enrolment e : in.roster().enrolmentsAs(Role.PARTICIPANT)) {
                if (e.status() == EnrolmentStatus.CONFIRMED) {
                    confirmed++;
                } else if (e.status().holdsSeat() && !e.status().isFinal()) {
                    attended++;
                }
            }
            if (confirmed + attended > 0) {
                report.finding(in.event().subject(), "the course ended on " + in.event().courseDays().last() + " and "
                        + (confirmed + attended) + " participant" + (confirmed + attended == 1 ? "" : "s") + " still "
                        + (confirmed + attended == 1 ? "holds" : "hold") + " a seat without a final status (" + confirmed
                        + " confirmed, " + attended + " attended): close the event, or record each status by hand "
                        + "(completed, not-completed, no-show); until then a programme's donor report may be refused");
            }
        }
    },

    /** Attendance is recorded only for sessions on the agenda, once per person and session. */
    ATTENDANCE_UNKNOWN_SESSION("attendance.unknown-session", ERROR,
            "Attendance is recorded for a session that is not on the agenda, or twice for the same person and session.") {
        @Override
        public void check(EventCheck in, Report report) {
            List<Attendance> all = in.roster().attendance();
            for (int m : in.marks().problems()) {
                Attendance a = all.get(m);
                if (!in.onAgenda().contains(a.session())) {
                    report.finding(in.subject("attendance", a.person()), "attendance is recorded for session "
                            + a.session() + ", which is not on the agenda");
                } else {
                    report.finding(in.subject("attendance", a.person()), "attendance for session " + a.session()
                            + " is recorded more than once");
                }
            }
        }
    },

    /** Every pre-test has its post-test and the other way round, once each, for enrolled participants. */
    UNPAIRED_TEST("assessment.unpaired-test", WARNING,
            "A participant has a pre-test without a post-test or the other way round (or one of them twice); "
                    + "unpaired tests are left out of knowledge gain.") {
        @Override
        public void check(EventCheck in, Report report) {
            // Pre- and post-tests counted per person; only the people with a problem are sorted, by id.
            // A person's tests most often stand together: their counts are looked up once per run of tests.
            Map<PersonId, int[]> counts = new HashMap<>(Math.max(16, in.roster().tests().size() * 2 / 3));
            PersonId last = null;
            int[] lastCounts = null;
            for (TestScore t : in.roster().tests()) {
                if (!t.person().equals(last)) {
                    last = t.person();
                    lastCounts = counts.computeIfAbsent(last, p -> new int[2]);
                }
                lastCounts[t.phase() == TestScore.Phase.PRE ? 0 : 1]++;
            }
            Map<PersonId, int[]> unpaired = new TreeMap<>();
            counts.forEach((person, phases) -> {
                if (phases[0] != 1 || phases[1] != 1) {
                    unpaired.put(person, phases);
                }
            });
            unpaired.forEach((person, phases) -> {
                int pre = phases[0];
                int post = phases[1];
                if (pre == 0 || post == 0) {
                    report.finding(in.subject("test", person), "has a " + (pre == 0 ? "post-test but no pre-test" : "pre-test but no post-test"));
                } else if (pre > 1 || post > 1) {
                    report.finding(in.subject("test", person), "has " + pre + " pre-tests and " + post + " post-tests; one of each is expected");
                }
            });
        }
    },

    /** Test and practice scores name items of the blueprint and stay within their points. */
    SCORE_OUT_OF_RANGE("assessment.score-out-of-range", ERROR,
            "A test or practice-teaching score names an unknown item or criterion, or exceeds its maximum points; a practice-teaching score is for a task other than the rubric's.") {
        @Override
        public void check(EventCheck in, Report report) {
            var items = ScoreLimits.items(in.roster().curriculum());
            for (TestScore t : in.roster().tests()) {
                ScoreLimits.problems(t, items, message -> report.finding(in.subject("test", t.person()), message));
            }
            for (PracticeTeaching p : in.roster().practice()) {
                ScoreLimits.of(p, in.roster().rubric()).forEach(problem -> report.finding(in.subject("practice", p.person()), problem.message()));
            }
        }
    },

    /** No two people on the roster are likely the same person under different spellings. */
    LIKELY_DUPLICATE("person.likely-duplicate", WARNING,
            "Two people on the roster are likely the same person, written in different scripts or spellings; "
                    + "confirm before merging (nothing is merged automatically).") {
        @Override
        public void check(EventCheck in, Report report) {
            DuplicateFinder.Top top = DuplicateFinder.top(in.roster().people().values(), MAX_DUPLICATE_FINDINGS);
            for (DuplicateCandidate c : top.candidates()) {
                report.finding(in.subject("person", c.first()), String.format(java.util.Locale.ROOT,
                        "may be the same person as %s (similarity %.2f): %s", c.second(), c.score(), c.names()));
            }
            if (top.total() > top.candidates().size()) {
                // A roster of very similar names holds pairs by the hundred thousand: the most likely are
                // named, the rest counted, so a check stays bounded in time and memory.
                report.finding(in.event().subject(), String.format(java.util.Locale.ROOT,
                        "and %d more pairs of people on the roster may be the same person; the %d most likely are listed"
                                + " (of many people sharing one name, those compared are counted)",
                        top.total() - top.candidates().size(), top.candidates().size()));
            }
        }
    };

    private static final ImmutableList<EventRule> ALL = ImmutableList.copyOf(values());

    /**
     * Each trainer's overlapping slots, as {@link #TRAINER_DOUBLE_BOOKED} reports them: the slots sorted once
     * by day and start (slots starting together in agenda order), and each pair of slots that overlap
     * checked for trainers in both, so the work grows with the slots and the trainers of overlapping slots,
     * not with every trainer's slots (a cascade's agenda names hundreds of trainers in every slot). Sorted
     * this way, a slot overlaps the slots after it up to the first that starts at or after its end, or on
     * another day; for one trainer that is the pairs a sort of their own slots would give, in the same order.
     */
    static void doubleBookings(List<AgendaSlot> agenda, java.util.function.BiConsumer<PersonId, String> report) {
        List<AgendaSlot> sorted = agenda.stream()
                .sorted(Comparator.comparing(AgendaSlot::day).thenComparing(AgendaSlot::start)).toList();
        for (int i = 0; i < sorted.size(); i++) {
            AgendaSlot first = sorted.get(i);
            for (int j = i + 1; j < sorted.size() && sorted.get(j).day().equals(first.day())
                    && sorted.get(j).start().isBefore(first.end()); j++) {
                AgendaSlot second = sorted.get(j);
                for (PersonId trainer : first.trainers()) {
                    if (second.trainers().contains(trainer)) {
                        report.accept(trainer, "is booked into " + first.session() + " and " + second.session()
                                + ", which overlap on " + first.day());
                    }
                }
            }
        }
    }

    /**
     * A trainer's standing in the pool on a day, in words ("a trainee", "an inactive co-trainer", "a certified-trainer
     * whose certificate ran out on 2025-03-18"), not the record's subject (newcomer: the finding quoted
     * {@code pool/<package>/<person>}).
     */
    static String standing(Optional<TrainerRecord> asOf, java.time.LocalDate day) {
        if (asOf.isEmpty()) {
            return "not yet in the pool";
        }
        TrainerRecord r = asOf.get();
        String level = (r.isActive() ? "" : "inactive ") + r.status().label();
        return ("aeiou".indexOf(level.charAt(0)) >= 0 ? "an " : "a ") + level + r.certifiedUntil()
                .map(until -> until.isBefore(day) ? ", whose certificate ran out on " + until : ", certified until " + until).orElse("");
    }

    /** The most pairs {@link #LIKELY_DUPLICATE} names one by one; more are counted in one finding. */
    public static final int MAX_DUPLICATE_FINDINGS = 200;

    private final Spec spec;

    EventRule(String code, Severity severity, String meaning) {
        this.spec = new Spec(code, severity, meaning);
    }

    /** {@return every event rule, in catalogue order (the order of {@code docs/rules.md})} */
    public static ImmutableList<EventRule> all() {
        return ALL;
    }

    @Override
    public Spec spec() {
        return spec;
    }
}
