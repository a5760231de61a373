package org.cadre.reporting;

import com.google.common.collect.ImmutableList;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.cadre.curriculum.AssessmentItem;
import org.cadre.curriculum.Curriculum;
import org.cadre.curriculum.ItemKind;
import org.cadre.curriculum.LearningOutcome;
import org.cadre.curriculum.Session;
import org.cadre.curriculum.SessionCode;
import org.cadre.reporting.EventReport.CertificationSummary;
import org.cadre.reporting.EventReport.Facts;
import org.cadre.reporting.EventReport.FeedbackSummary;
import org.cadre.reporting.EventReport.Knowledge;
import org.cadre.reporting.EventReport.OutcomeKnowledge;
import org.cadre.reporting.EventReport.Practice;
import org.cadre.reporting.EventReport.RevisionCandidate;
import org.cadre.reporting.EventReport.SessionAttendance;
import org.cadre.reporting.EventReport.SessionFeedback;
import org.cadre.reporting.EventReport.TrainerFeedback;
import org.cadre.reporting.disclosure.Cell;
import org.cadre.reporting.disclosure.Counts;
import org.cadre.reporting.disclosure.Disclosure;
import org.cadre.reporting.disclosure.audit.Protection;
import org.cadre.roster.AgendaSlot;
import org.cadre.roster.Attendance;
import org.cadre.roster.Certification;
import org.cadre.roster.CertificationReason;
import org.cadre.roster.Enrolment;
import org.cadre.roster.EventRoster;
import org.cadre.roster.Feedback;
import org.cadre.roster.Organisation;
import org.cadre.roster.Person;
import org.cadre.roster.PersonId;
import org.cadre.roster.PracticeTeaching;
import org.cadre.roster.Role;
import org.cadre.roster.Sex;
import org.cadre.roster.TestScore;
import org.cadre.kernel.Require;

/** Computes an {@link EventReport} from an event's roster: a pure function of the roster and the audience. */
public final class EventReports {

    /** Sessions whose mean rating is below this are revision candidates. */
    public static final BigDecimal REVISION_BELOW = new BigDecimal("3.50");

    /** The sex columns of every table disaggregated by sex, in this order. */
    public static final List<String> SEX_COLUMNS = List.of("female", "male", "another", "not-recorded");

    private EventReports() {}

    /**
     * The implementing organisation, as HXL's {@code #org +impl} names it: the international organisation that
     * employs or nominates someone holding a seat (the first by name if there are several), or "not recorded". An
     * organisation whose only person on the roster declined or was withdrawn did not implement the event (the
     * attacker's review of session 16: a declined IOM observer named IOM as the implementer).
     */
    public static String implementer(EventRoster roster) {
        Set<org.cadre.roster.OrganisationId> seated = new java.util.HashSet<>();
        for (Enrolment e : roster.enrolments()) {
            if (e.status().holdsSeat()) {
                e.nominatedBy().ifPresent(seated::add);
                Person p = roster.people().get(e.person());
                if (p != null) {
                    p.organisation().ifPresent(seated::add);
                }
            }
        }
        return roster.organisations().values().stream()
                .filter(o -> o.kind() == Organisation.Kind.INTERNATIONAL_ORGANISATION && seated.contains(o.id()))
                .map(Organisation::name).sorted().findFirst().orElse("not recorded");
    }

    /**
     * The event report for the disclosure's audience. For donors and the public it passes the audit: no
     * withheld count can be worked out from all it publishes together ({@link EventReportLedger}), more
     * cells being withheld where that takes it ({@link Protection}).
     */
    public static EventReport of(EventRoster roster, Disclosure disclosure) {
        Require.present(roster, "roster");
        Require.present(disclosure, "disclosure");
        if (disclosure.audience() == org.cadre.reporting.disclosure.Audience.INTERNAL) {
            return build(roster, disclosure);
        }
        return Protection.protect(overLower(disclosure, roster), d -> build(roster, d), report -> EventReportLedger.of(roster, report));
    }

    /** The disclosure, withholding also what the report for its lower audience withholds ({@link Disclosure#over}). */
    private static Disclosure overLower(Disclosure disclosure, EventRoster roster) {
        return disclosure.lower().map(lower -> {
            java.util.Set<String> withheld = new java.util.LinkedHashSet<>(disclosure.forced());
            org.cadre.reporting.disclosure.audit.Ledger below = EventReportLedger.of(roster, of(roster, lower));
            withheld.addAll(below.targets().keySet());
            withheld.addAll(below.withheldFigures());
            return disclosure.withForced(withheld);
        }).orElse(disclosure);
    }

    private static EventReport build(EventRoster roster, Disclosure disclosure) {
        List<Enrolment> seated = roster.seatedParticipants();
        List<Person> participants = seated.stream().map(e -> roster.people().get(e.person())).toList();
        org.cadre.reporting.disclosure.Table byCountry = disclosure.publish(byCountryAndSex("participantsByCountryAndSex", participants));
        Map<String, String> countryOf = new HashMap<>();
        seated.forEach(e -> countryOf.put(organisationName(roster, e), e.nominatedBy().map(roster.organisations()::get)
                .map(o -> o.country().code()).orElse(roster.people().get(e.person()).country().code())));
        Knowledge knowledge = knowledge(roster, seated, disclosure);
        Practice practice = practice(roster, seated, disclosure);
        FeedbackSummary feedback = feedback(roster, disclosure);
        boolean meanWithheld = java.util.stream.Stream.concat(java.util.stream.Stream.concat(
                        java.util.stream.Stream.of(knowledge.pre(), knowledge.post(), knowledge.normalisedGain(), practice.total()),
                        knowledge.perOutcome().stream().flatMap(o -> java.util.stream.Stream.of(o.prePercent(), o.postPercent()))),
                feedback.sessions().stream().map(SessionFeedback::rating))
                .anyMatch(m -> m.suppressed() && m.n().isPublished());
        CertificationSummary certification = certification(roster, disclosure);
        // The participants figure is the table's total, so the two can never disagree about what is withheld.
        return new EventReport(disclosure.audience().label(), disclosure.k(), facts(roster),
                byCountry.total(), disclosure.count("trainers", roster.seatedTrainers().size()),
                byCountry,
                disclosure.publishNested(byOrganisation(roster, seated), byCountry, countryOf::get),
                disclosure.publishNestedWithOwnTotal(byRole(roster), participantsOnly(byCountry),
                        role -> role.equals("participant") ? "participants" : "others"),
                attendance(roster, seated, disclosure),
                attendanceBySession(roster, seated, disclosure),
                knowledge,
                practice,
                certification,
                feedback,
                notes(disclosure, meanWithheld, !certification.assessed()));
    }

    private static Facts facts(EventRoster roster) {
        var e = roster.event();
        var c = roster.curriculum();
        var p = roster.programme();
        return new Facts(e.id().value(), e.title(), e.kind().name().toLowerCase(java.util.Locale.ROOT), e.city(),
                e.country().code(), e.zone().getId(), e.courseDays().first(), e.courseDays().last(), e.courseDayCount(),
                venues(e), e.modules().stream().map(Object::toString).sorted().collect(ImmutableList.toImmutableList()), c.id().value(),
                c.version().toString(), c.title(), p.id().value(), p.title(), p.donor(), ImmutableList.copyOf(p.sdgs()));
    }

    /** The venues of an event's teaching days, in the order first used, each with its number of course days. */
    static ImmutableList<EventReport.VenueLine> venues(org.cadre.roster.Event e) {
        Map<org.cadre.roster.Venue, Integer> days = new java.util.LinkedHashMap<>();
        e.teachingDays().forEach(d -> days.merge(d.venue(), 1, Integer::sum));
        return days.entrySet().stream().map(v -> new EventReport.VenueLine(v.getKey().place(), v.getKey().region(),
                v.getKey().country().code(), v.getValue())).collect(ImmutableList.toImmutableList());
    }

    /** People by country (rows, ISO codes sorted) and sex (columns). */
    static Counts byCountryAndSex(String id, List<Person> people) {
        TreeMap<String, long[]> rows = new TreeMap<>();
        for (Person p : people) {
            rows.computeIfAbsent(p.country().code(), k -> new long[SEX_COLUMNS.size()])[sexColumn(p.sex())]++;
        }
        return Counts.of(id, List.copyOf(rows.keySet()), SEX_COLUMNS, rows.values().toArray(new long[0][]));
    }

    static int sexColumn(Sex sex) {
        return switch (sex) {
            case FEMALE -> 0;
            case MALE -> 1;
            case ANOTHER -> 2;
            case NOT_RECORDED -> 3;
        };
    }

    private static Counts byOrganisation(EventRoster roster, List<Enrolment> seated) {
        TreeMap<String, Long> rows = new TreeMap<>();
        for (Enrolment e : seated) {
            rows.merge(organisationName(roster, e), 1L, Long::sum);
        }
        return Counts.oneWay("participantsByOrganisation", List.copyOf(rows.keySet()),
                rows.values().stream().mapToLong(Long::longValue).toArray());
    }

    /**
     * The participants headline as a parent for the role breakdown: its participant row must agree with
     * it, so it cannot be told apart from the others by subtraction. (The role table's total, everyone
     * holding a seat, is its own figure: the parent's total does not bound it.)
     */
    private static org.cadre.reporting.disclosure.Table participantsOnly(org.cadre.reporting.disclosure.Table byCountry) {
        return new org.cadre.reporting.disclosure.Table("participants", ImmutableList.of("participants"), ImmutableList.of("count"),
                ImmutableList.of(ImmutableList.of(byCountry.total())), ImmutableList.of(), ImmutableList.of(byCountry.total()), byCountry.total());
    }

    private static String organisationName(EventRoster roster, Enrolment e) {
        return e.nominatedBy().map(roster.organisations()::get).map(o -> o.name()).orElse("not recorded");
    }

    private static Counts byRole(EventRoster roster) {
        long[] counts = new long[Role.values().length];
        roster.enrolments().stream().filter(e -> e.status().holdsSeat()).forEach(e -> counts[e.role().ordinal()]++);
        return Counts.oneWay("peopleByRole", java.util.Arrays.stream(Role.values())
                .map(r -> r.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')).toList(), counts);
    }

    private static org.cadre.reporting.disclosure.Share attendance(EventRoster roster, List<Enrolment> seated, Disclosure d) {
        Set<PersonId> who = seated.stream().map(Enrolment::person).collect(Collectors.toSet());
        Set<SessionCode> agenda = roster.event().agenda().stream().map(AgendaSlot::session).collect(Collectors.toSet());
        Map<SessionCode, Set<PersonId>> present = new HashMap<>();
        roster.attendance().stream()
                .filter(a -> who.contains(a.person()) && agenda.contains(a.session()) && a.mark().attended())
                .forEach(a -> present.computeIfAbsent(a.session(), s -> new java.util.HashSet<>()).add(a.person()));
        long attended = present.values().stream().mapToLong(Set::size).sum();
        return d.share("attendance", attended, (long) who.size() * agenda.size());
    }

    private static ImmutableList<SessionAttendance> attendanceBySession(EventRoster roster, List<Enrolment> seated, Disclosure d) {
        Set<PersonId> who = seated.stream().map(Enrolment::person).collect(Collectors.toSet());
        Map<SessionCode, Set<PersonId>> present = new HashMap<>();
        for (Attendance a : roster.attendance()) {
            if (who.contains(a.person()) && a.mark().attended()) {
                present.computeIfAbsent(a.session(), s -> new java.util.HashSet<>()).add(a.person());
            }
        }
        Map<SessionCode, Session> sessions = sessions(roster.curriculum());
        return roster.event().agenda().stream()
                .sorted(Comparator.comparing(AgendaSlot::day).thenComparing(AgendaSlot::start))
                .map(slot -> new SessionAttendance(slot.session().value(),
                        Optional.ofNullable(sessions.get(slot.session())).map(Session::title).orElse(slot.session().value()),
                        slot.day(), d.share("attendanceBySession/" + slot.session().value(),
                                present.getOrDefault(slot.session(), Set.of()).size(), who.size())))
                .collect(ImmutableList.toImmutableList());
    }

    private static Knowledge knowledge(EventRoster roster, List<Enrolment> seated, Disclosure d) {
        Curriculum c = roster.curriculum();
        int max = c.assessment().testMaxPoints();
        int passMark = c.certification().postTestPassMark();
        Set<PersonId> who = seated.stream().map(Enrolment::person).collect(Collectors.toSet());
        Map<PersonId, List<TestScore>> pre = new HashMap<>();
        Map<PersonId, List<TestScore>> post = new HashMap<>();
        for (TestScore t : roster.tests()) {
            if (who.contains(t.person())) {
                (t.phase() == TestScore.Phase.PRE ? pre : post).computeIfAbsent(t.person(), p -> new ArrayList<>()).add(t);
            }
        }
        Set<PersonId> tested = new java.util.TreeSet<>(pre.keySet());
        tested.addAll(post.keySet());
        List<TestScore[]> pairs = new ArrayList<>();
        for (PersonId p : tested) {
            List<TestScore> a = pre.getOrDefault(p, List.of());
            List<TestScore> b = post.getOrDefault(p, List.of());
            if (a.size() == 1 && b.size() == 1) {
                pairs.add(new TestScore[] {a.get(0), b.get(0)});
            }
        }
        long unpaired = tested.size() - pairs.size();
        BigDecimal preSum = BigDecimal.ZERO;
        BigDecimal postSum = BigDecimal.ZERO;
        BigDecimal gainSum = BigDecimal.ZERO;
        long gainN = 0;
        long reached = 0;
        for (TestScore[] pair : pairs) {
            int before = pair[0].total();
            int after = pair[1].total();
            preSum = preSum.add(BigDecimal.valueOf(before));
            postSum = postSum.add(BigDecimal.valueOf(after));
            if (before < max) {
                gainSum = gainSum.add(BigDecimal.valueOf(after - before).divide(BigDecimal.valueOf(max - before), 10, RoundingMode.HALF_UP));
                gainN++;
            }
            if (after >= passMark) {
                reached++;
            }
        }
        // The distribution by score band is for the internal audience only; the pairs figure is every
        // mean's n, so no mean is published over a withheld count.
        java.util.Optional<org.cadre.reporting.disclosure.Table> bands = d.audience().seesPersonalDetail()
                ? java.util.Optional.of(d.publish(scoreBands(pairs, max, passMark))) : java.util.Optional.empty();
        Cell pairCount = d.count("knowledge/pairs", pairs.size());
        List<OutcomeKnowledge> perOutcome = new ArrayList<>();
        List<EventReport.UntestedOutcome> untested = new ArrayList<>();
        // Only the outcomes the event delivers: an event of one module showed another module's outcome at 0.0 % before
        // and after, as if it had been taught and not learnt (the newcomer's review of session 14).
        Set<org.cadre.curriculum.OutcomeCode> delivered = c.modules().stream().filter(m -> roster.event().modules().contains(m.code()))
                .flatMap(m -> m.outcomes().stream()).collect(Collectors.toSet());
        for (LearningOutcome o : c.outcomes()) {
            if (!roster.event().modules().isEmpty() && !delivered.contains(o.code())) {
                continue;
            }
            List<AssessmentItem> items = c.assessment().items().stream()
                    .filter(i -> i.kind() == ItemKind.TEST_QUESTION && i.outcomes().contains(o.code())).toList();
            int itemMax = items.stream().mapToInt(AssessmentItem::maxPoints).sum();
            if (itemMax == 0) {
                // Said, not skipped: the ToT's LO5 (delivering a session) is scored by micro-teaching, and a table of the
                // other outcomes left a reader to wonder where it went. By a practical task only where the event scores one: a
                // cascade on the ToT's package records no rubric (the newcomer's review of session 22).
                untested.add(new EventReport.UntestedOutcome(o.code().value(), o.statement(), roster.rubric().isPresent()
                        && c.assessment().items().stream().anyMatch(i -> i.kind() == ItemKind.PRACTICAL_TASK && i.outcomes().contains(o.code()))));
                continue;
            }
            BigDecimal a = BigDecimal.ZERO;
            BigDecimal b = BigDecimal.ZERO;
            for (TestScore[] pair : pairs) {
                a = a.add(percentOf(pair[0], items, itemMax));
                b = b.add(percentOf(pair[1], items, itemMax));
            }
            perOutcome.add(new OutcomeKnowledge(o.code().value(), o.statement(), d.mean(outcomeMeanId(o.code().value(), "pre"), pairCount,
                    pairs.size(), a), d.mean(outcomeMeanId(o.code().value(), "post"), pairCount, pairs.size(), b)));
        }
        org.cadre.reporting.disclosure.Share passShare = pairCount.isPublished() ? d.share("knowledge/reachedPassMark", reached, pairs.size())
                : org.cadre.reporting.disclosure.Share.hidden();
        return new Knowledge(pairCount, d.count("knowledge/unpaired", unpaired), max, passMark, d.mean("knowledge/pre", pairCount, pairs.size(), preSum),
                d.mean("knowledge/post", pairCount, pairs.size(), postSum), d.mean("knowledge/normalisedGain", gainN, gainSum), passShare, bands,
                ImmutableList.copyOf(perOutcome), ImmutableList.copyOf(untested));
    }

    /** The id of an outcome's mean percentage before ({@code pre}) or after ({@code post}) the course. */
    static String outcomeMeanId(String outcome, String phase) {
        return "knowledge/outcome/" + outcome + "/" + phase;
    }

    /**
     * Pairs by score band, each score counted in the band whose label holds it. The bands meet at the pass mark: two of
     * (nearly) equal width below it and two from it to the maximum (0-6, 7-13, 14-16, 17-20 for a pass mark of 14 out of
     * 20), so no band holds scores on both sides of it (equal bands put 10-14 together, below the mark and at it). A
     * pass mark of 0 or above the maximum gives four bands of equal width over 0..max. Bounds that meet make one band
     * fewer (a test of few points has a band a score). Labels and counts read the same lower bounds.
     */
    static Counts scoreBands(List<TestScore[]> pairs, int max, int passMark) {
        java.util.TreeSet<Integer> bounds = new java.util.TreeSet<>();
        if (passMark > 0 && passMark <= max) {
            bounds.addAll(List.of(0, passMark / 2, passMark, passMark + (max + 1 - passMark) / 2, max + 1));
        } else {
            for (int b = 0; b <= 4; b++) {
                bounds.add(b * (max + 1) / 4);
            }
        }
        int[] from = bounds.stream().mapToInt(Integer::intValue).toArray();
        int bands = from.length - 1;
        List<String> labels = new ArrayList<>();
        for (int b = 0; b < bands; b++) {
            labels.add(from[b] == from[b + 1] - 1 ? String.valueOf(from[b]) : from[b] + "-" + (from[b + 1] - 1));
        }
        long[][] counts = new long[bands][2];
        for (TestScore[] pair : pairs) {
            for (int phase = 0; phase < 2; phase++) {
                int band = bands - 1;
                while (band > 0 && pair[phase].total() < from[band]) {
                    band--;
                }
                counts[band][phase]++;
            }
        }
        return Counts.of("scoreDistribution", labels, List.of("pre", "post"), counts);
    }

    private static BigDecimal percentOf(TestScore score, List<AssessmentItem> items, int itemMax) {
        int points = items.stream().mapToInt(i -> score.points().getOrDefault(i.code(), 0)).sum();
        return BigDecimal.valueOf(points * 100L).divide(BigDecimal.valueOf(itemMax), 10, RoundingMode.HALF_UP);
    }

    private static Practice practice(EventRoster roster, List<Enrolment> seated, Disclosure d) {
        Set<PersonId> who = seated.stream().map(Enrolment::person).collect(Collectors.toSet());
        Map<PersonId, PracticeTeaching> best = new HashMap<>();
        for (PracticeTeaching p : roster.practice()) {
            if (who.contains(p.person())) {
                best.merge(p.person(), p, (x, y) -> x.total() >= y.total() ? x : y);
            }
        }
        int max = roster.rubric().map(r -> r.maxPoints()).orElse(0);
        int passMark = roster.rubric().map(r -> r.passMark()).orElse(0);
        long passed = roster.rubric().map(r -> best.values().stream().filter(p -> p.passes(r)).count()).orElse(0L);
        BigDecimal sum = best.values().stream().map(p -> BigDecimal.valueOf(p.total())).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new Practice(d.count("practice/scored", best.size()), max, passMark, d.mean("practice/total", best.size(), sum),
                d.share("practice/passed", passed, best.size()), roster.curriculum().certification().practiceTeachingRequired());
    }

    private static CertificationSummary certification(EventRoster roster, Disclosure d) {
        List<Certification.Decision> decisions = Certification.evaluate(roster);
        long certified = decisions.stream().filter(Certification.Decision::certified).count();
        List<CertificationReason> unmet = CertificationReason.all().stream()
                .filter(r -> r.severity() == org.cadre.finding.Severity.ERROR).toList();
        long[] counts = new long[unmet.size()];
        for (Certification.Decision decision : decisions) {
            for (int i = 0; i < unmet.size(); i++) {
                if (!decision.reasons().withCode(unmet.get(i).code()).isEmpty()) {
                    counts[i]++;
                }
            }
        }
        // Evidence recorded for nobody: every decision misses it, so "0 of n certified" says the event did not assess, not
        // that its participants failed.
        ImmutableList<String> notRecorded = decisions.isEmpty() ? ImmutableList.of() : java.util.stream.IntStream.range(0, unmet.size())
                .filter(i -> counts[i] == decisions.size() && (unmet.get(i) == CertificationReason.POST_TEST_MISSING
                        || unmet.get(i) == CertificationReason.PRACTICE_TEACHING_MISSING))
                .mapToObj(i -> unmet.get(i).code()).collect(ImmutableList.toImmutableList());
        return new CertificationSummary(d.share("certification/certified", certified, decisions.size()), d.publish(Counts.oneWay("unmetCriteria",
                unmet.stream().map(CertificationReason::code).toList(), counts)), notRecorded);
    }

    private static FeedbackSummary feedback(EventRoster roster, Disclosure d) {
        Map<SessionCode, Session> sessions = sessions(roster.curriculum());
        Map<SessionCode, List<Feedback>> bySession = new LinkedHashMap<>();
        roster.event().agenda().forEach(s -> bySession.put(s.session(), new ArrayList<>()));
        Map<PersonId, List<Feedback>> byTrainer = new TreeMap<>();
        for (Feedback f : roster.feedback()) {
            if (f.trainer().isPresent()) {
                byTrainer.computeIfAbsent(f.trainer().get(), t -> new ArrayList<>()).add(f);
            } else {
                bySession.computeIfAbsent(f.session(), s -> new ArrayList<>()).add(f);
            }
        }
        List<SessionFeedback> perSession = new ArrayList<>();
        bySession.forEach((code, items) -> {
            long[] distribution = new long[5];
            items.forEach(f -> distribution[f.rating() - 1]++);
            perSession.add(new SessionFeedback(code.value(), title(sessions, code), mean("feedback/" + code.value(), items, d),
                    d.publish(Counts.oneWay("ratings-" + code.value(), List.of("1", "2", "3", "4", "5"), distribution))));
        });
        List<TrainerFeedback> perTrainer = !d.audience().seesPersonalDetail() ? List.of() : byTrainer.entrySet().stream()
                .map(e -> new TrainerFeedback(Optional.ofNullable(roster.people().get(e.getKey())).map(Person::displayName)
                        .orElse(e.getKey().value()), mean(e.getValue(), d)))
                .toList();
        List<RevisionCandidate> candidates = new ArrayList<>();
        bySession.forEach((code, items) -> {
            var rating = mean("feedback/" + code.value(), items, d);
            if (rating.value().isPresent() && rating.value().get().compareTo(REVISION_BELOW) < 0) {
                ImmutableList<String> comments = d.audience().seesPersonalDetail()
                        ? items.stream().flatMap(f -> f.comment().stream()).collect(ImmutableList.toImmutableList()) : ImmutableList.of();
                candidates.add(new RevisionCandidate("session", code.value(), title(sessions, code), rating, comments));
            }
        });
        candidates.sort(Comparator.comparing((RevisionCandidate c) -> c.rating().value().orElseThrow()).thenComparing(RevisionCandidate::code));
        return new FeedbackSummary(ImmutableList.copyOf(perSession), ImmutableList.copyOf(perTrainer), ImmutableList.copyOf(candidates));
    }

    private static org.cadre.reporting.disclosure.Mean mean(List<Feedback> items, Disclosure d) {
        return mean("", items, d);
    }

    private static org.cadre.reporting.disclosure.Mean mean(String id, List<Feedback> items, Disclosure d) {
        return d.mean(id, items.size(), BigDecimal.valueOf(items.stream().mapToInt(Feedback::rating).sum()));
    }

    private static String title(Map<SessionCode, Session> sessions, SessionCode code) {
        return Optional.ofNullable(sessions.get(code)).map(Session::title).orElse(code.value());
    }

    private static Map<SessionCode, Session> sessions(Curriculum c) {
        Map<SessionCode, Session> out = new HashMap<>();
        c.sessions().forEach(s -> out.putIfAbsent(s.code(), s));
        return out;
    }

    private static ImmutableList<Note> notes(Disclosure d, boolean meanWithheld, boolean certificationNotAssessed) {
        List<Note> notes = new ArrayList<>();
        if (d.k() > 1) {
            notes.add(Note.withheld(d.k()));
        }
        if (meanWithheld) {
            notes.add(Note.of(Note.Code.MEAN_WITHHELD, d.k()));
        }
        notes.add(Note.of(Note.Code.EVENT_ROUNDING));
        notes.add(Note.of(Note.Code.PAIRED_TESTS));
        if (certificationNotAssessed) {
            // Said in the JSON too, where the certified share reads 0 (the newcomer's review of session 23).
            notes.add(Note.of(Note.Code.CERTIFICATION_NOT_ASSESSED));
        }
        return ImmutableList.copyOf(notes);
    }
}
