package org.cadre.roster;

import com.google.common.collect.ImmutableList;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.cadre.curriculum.CertificationCriteria;
import org.cadre.curriculum.SessionCode;
import org.cadre.finding.Finding;
import org.cadre.finding.Result;
import org.cadre.finding.Findings;
import org.cadre.kernel.Require;

/**
 * Evaluates the package's {@link CertificationCriteria} for participants: the share of agenda sessions
 * attended (present or late), the post-test score, and, when required, passed practice teaching. A
 * participant is certified when every criterion is met; the decision carries one reason per criterion.
 *
 * <p>The decision is monotone: more attendance or a higher score never turns a certification into a
 * refusal (a property test holds this).
 */
public final class Certification {

    private Certification() {}

    /**
     * The day certification is decided: {@code on}, or by default the last course day once it has passed
     * (today before then, which is refused). Refused when it is before the last course day
     * ({@link RosterCommand#BEFORE_COURSE_END}) or after today where the event takes place
     * ({@link RosterCommand#DATED_AHEAD}): a decision is taken once the course has ended, and recorded as taken.
      *
      * @param event the event certified
      * @param on the day asked for; empty for the default
      * @param today the current day where the event takes place
      * @return the day decided, or why it may not be
     */
    public static Result<LocalDate> decisionDay(Event event, Optional<LocalDate> on, LocalDate today) {
        Require.present(event, "event");
        LocalDate last = event.courseDays().last();
        LocalDate day = on.orElseGet(() -> today.isBefore(last) ? today : last);
        if (day.isBefore(last)) {
            return Result.refused(RosterCommand.BEFORE_COURSE_END.finding(event.subject(),
                    "must not be before the last course day (" + last + ")"));
        }
        if (day.isAfter(today)) {
            return Result.refused(RosterCommand.DATED_AHEAD.finding(event.subject(),
                    "dated " + day + ", after today (" + today + ") where the event takes place"));
        }
        return Result.ok(day);
    }

    /**
     * Why the event cannot be certified from its records, if it cannot: its agenda lists no session
     * ({@link RosterCommand#CERTIFY_WITHOUT_AGENDA}). Every participant would be decided "attended 0 of 0 sessions" and
     * refused, a decision the records do not support: an earlier ToT entered with only its graduates on the roster
     * was recorded as certifying none of them (the newcomer's review of session 14).
     *
     * @param event the event to certify
     * @return the finding, or empty when the agenda lists a session
     */
    public static Optional<Finding> withoutAgenda(Event event) {
        Require.present(event, "event");
        return event.agenda().isEmpty() ? Optional.of(RosterCommand.CERTIFY_WITHOUT_AGENDA.finding(event.subject(),
                "lists no session; record the agenda, attendance and tests first, or, for a ToT entered without them, its "
                        + "graduates' statuses by hand (attended, then completed) and their pool steps as evidence naming it")) : Optional.empty();
    }

    /**
     * The decision for every participant holding a seat, in roster order. The roster's marks, tests and
     * practice are grouped by person once, so a large course costs time in proportion to its records. An event
     * whose agenda lists no session has none ({@link #withoutAgenda}): there is nothing to decide attendance by,
     * and each would read "attended 0 of 0 sessions", not certified for want of records, in reports as in a
     * decision (the newcomer's review of session 15 found an earlier ToT entered by evidence counted 0 of 3
     * certified).
     *
     * @param roster the event's roster, with its attendance, tests and practice teaching
     * @return one decision per seated participant; none when the agenda lists no session
     */
    public static ImmutableList<Decision> evaluate(EventRoster roster) {
        if (withoutAgenda(roster.event()).isPresent()) {
            return ImmutableList.of();
        }
        Set<SessionCode> agenda = agenda(roster);
        Map<PersonId, Set<SessionCode>> attended = new HashMap<>();
        for (Attendance a : roster.attendance()) {
            if (a.mark().attended() && agenda.contains(a.session())) {
                attended.computeIfAbsent(a.person(), p -> new HashSet<>()).add(a.session());
            }
        }
        Map<PersonId, Integer> post = new HashMap<>();
        for (TestScore t : roster.tests()) {
            if (t.phase() == TestScore.Phase.POST) {
                post.merge(t.person(), t.total(), Math::max);
            }
        }
        Map<PersonId, PracticeTeaching> practice = new HashMap<>();
        for (PracticeTeaching p : roster.practice()) {
            practice.merge(p.person(), p, (x, y) -> y.total() > x.total() ? y : x);
        }
        return roster.seatedParticipants().stream()
                .map(e -> decide(roster, agenda, e.person(), attended.getOrDefault(e.person(), Set.of()).size(),
                        Optional.ofNullable(post.get(e.person())), Optional.ofNullable(practice.get(e.person()))))
                .collect(ImmutableList.toImmutableList());
    }

    /**
     * The decision for one participant; their best post-test and practice teaching count.
     *
     * @param roster the event's roster
     * @param person the participant
     * @return the decision, with one reason per criterion
     */
    public static Decision evaluate(EventRoster roster, PersonId person) {
        Require.present(person, "person");
        Set<SessionCode> agenda = agenda(roster);
        long attended = roster.attendance().stream()
                .filter(a -> a.person().equals(person) && a.mark().attended() && agenda.contains(a.session()))
                .map(Attendance::session).distinct().count();
        Optional<Integer> post = roster.tests().stream()
                .filter(t -> t.person().equals(person) && t.phase() == TestScore.Phase.POST)
                .map(TestScore::total).max(Integer::compare);
        Optional<PracticeTeaching> practice = roster.practice().stream().filter(p -> p.person().equals(person))
                .max(java.util.Comparator.comparingInt(PracticeTeaching::total));
        return decide(roster, agenda, person, attended, post, practice);
    }

    private static Set<SessionCode> agenda(EventRoster roster) {
        return roster.event().agenda().stream().map(AgendaSlot::session).collect(Collectors.toSet());
    }

    private static Decision decide(EventRoster roster, Set<SessionCode> agenda, PersonId person, long attended,
            Optional<Integer> post, Optional<PracticeTeaching> practice) {
        return decide(roster.curriculum().certification(), roster.rubric(), person,
                roster.event().subject() + "/certification/" + person, attended, agenda.size(), post, practice);
    }

    /**
     * The decision from the figures themselves, for callers that hold them already (a store that counts
     * in SQL).
     *
     * @param criteria the package's certification criteria
     * @param rubric how practice teaching is scored, if the package has a practical task
     * @param person the participant
     * @param subject the subject of the reasons, such as {@code event/tot-almaty-2023/certification/p-kz-01}
     * @param attended agenda sessions the person attended
     * @param sessions agenda sessions in all; with none, attendance is never met
     * @param postTest the post-test score in points, if recorded
     * @param practice the scored practice teaching, if recorded
     * @return certified when every criterion is met, with one reason per criterion
     */
    public static Decision decide(CertificationCriteria criteria, Optional<Rubric> rubric, PersonId person,
            String subject, long attended, long sessions, Optional<Integer> postTest, Optional<PracticeTeaching> practice) {
        List<Finding> reasons = new ArrayList<>();
        BigDecimal share = sessions == 0 ? BigDecimal.ZERO
                : BigDecimal.valueOf(attended).divide(BigDecimal.valueOf(sessions), 6, RoundingMode.HALF_UP);
        BigDecimal minimum = BigDecimal.valueOf(criteria.minAttendanceShare());
        String attendance = "attended " + attended + " of " + sessions + " sessions (" + percent(share) + "), "
                + "minimum " + percent(minimum);
        reasons.add(share.compareTo(minimum) >= 0 && sessions > 0
                ? CertificationReason.CRITERION_MET.finding(subject, attendance)
                : CertificationReason.ATTENDANCE_BELOW_MINIMUM.finding(subject, attendance));
        if (postTest.isEmpty()) {
            reasons.add(CertificationReason.POST_TEST_MISSING.finding(subject, "no post-test score recorded"));
        } else {
            String test = "post-test " + postTest.get() + (postTest.get() == 1 ? " point" : " points") + ", pass mark "
                    + criteria.postTestPassMark();
            reasons.add(postTest.get() >= criteria.postTestPassMark()
                    ? CertificationReason.CRITERION_MET.finding(subject, test)
                    : CertificationReason.POST_TEST_BELOW_PASS_MARK.finding(subject, test));
        }
        if (criteria.practiceTeachingRequired()) {
            if (practice.isEmpty() || rubric.isEmpty()) {
                reasons.add(CertificationReason.PRACTICE_TEACHING_MISSING.finding(subject, "no scored practice teaching recorded"));
            } else {
                String teaching = "practice teaching " + practice.get().total() + " of " + rubric.get().maxPoints()
                        + " points, pass mark " + rubric.get().passMark();
                reasons.add(practice.get().passes(rubric.get())
                        ? CertificationReason.CRITERION_MET.finding(subject, teaching)
                        : CertificationReason.PRACTICE_TEACHING_BELOW_PASS_MARK.finding(subject, teaching));
            }
        }
        Findings all = Findings.copyOf(reasons);
        return new Decision(person, !all.hasErrors(), all);
    }

    private static String percent(BigDecimal share) {
        return share.movePointRight(2).setScale(0, RoundingMode.HALF_UP).toPlainString() + " %";
    }

    /**
     * Whether a participant is certified, and why.
     *
     * @param reasons one finding per criterion: {@code certification.criterion-met} (info) when met, an
     *     error naming the criterion when not
     */
    public record Decision(PersonId person, boolean certified, Findings reasons) {
        /**
         * Checks that the verdict agrees with the reasons.
         *
         * @param person the participant
         * @param certified whether every criterion is met
         * @param reasons one finding per criterion
         * @throws IllegalArgumentException if a value is missing, or {@code certified} is true while a reason
         *     is an error (or false while none is)
         */
        public Decision {
            Require.present(person, "Decision.person");
            Require.present(reasons, "Decision.reasons");
            Require.that(certified != reasons.hasErrors(), "Decision.certified", "must be true exactly when no reason is an error");
        }
    }
}
