package org.cadre.reporting.attack;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.cadre.reporting.EventReport;
import org.cadre.reporting.ProgrammeReport;
import org.cadre.reporting.attack.LinearAttack.Sum;
import org.cadre.reporting.disclosure.Share;
import org.cadre.reporting.disclosure.Table;
import org.cadre.roster.Enrolment;
import org.cadre.roster.Event;
import org.cadre.roster.EventRoster;
import org.cadre.roster.Person;
import org.cadre.roster.Role;
import org.cadre.roster.Sex;

/**
 * Reads donor and public reports as an attacker would and writes down, from scratch, what they say as
 * linear figures ({@link LinearAttack}): the people as unknown counts by country, sex and organisation
 * (organisations' countries are known), every table, headline, share, mean and rating distribution, and
 * how a programme's figures stand to its events' reports (the officials are the union of the events'
 * participants: for each country and sex at least each event's present participants and at most their
 * sum; of each event the attacker knows how many holding a seat were not present). The true values come
 * from the internal report of the same data, cell for cell. This shares no code with Cadre's own audit.
 */
final class ReportAttacker {

    private ReportAttacker() {}

    private static String sexLabel(Sex sex) {
        return sex.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static String roleLabel(Role role) {
        return role.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** What an event report ties to a programme: its seated participants by country and sex, and more. */
    record EventUnknowns(Map<String, Sum> byCountryAndSex, Sum all, Sum certified, Sum pairs, Sum reached) {}

    /** The people of an event report: its participants' tables and headline, as unknowns by country, sex and organisation. */
    private record People(Map<String, Sum> byCountryAndSex, Sum all) {}

    /** Writes only the people tables of an event report into the attack: small enough to try every assignment. */
    static void peopleOnly(LinearAttack a, EventRoster roster, EventReport shown, EventReport truth) {
        people(a, "", roster, shown, truth);
    }

    private static People people(LinearAttack a, String at, EventRoster roster, EventReport shown, EventReport truth) {
        // Unknowns: seated participants by country, sex and nominating organisation, for every combination of
        // country and organisation that occurs (the attacker knows which organisation sends whom from where).
        Map<String, String> organisationName = new HashMap<>();
        roster.organisations().forEach((id, o) -> organisationName.put(id.value(), o.name()));
        Set<String> pairs = new LinkedHashSet<>();
        for (Enrolment e : roster.seatedParticipants()) {
            Person p = roster.people().get(e.person());
            String org = e.nominatedBy().map(o -> organisationName.getOrDefault(o.value(), o.value())).orElse("not recorded");
            pairs.add(p.country().code() + "\t" + org);
        }
        Map<String, List<String>> atoms = new LinkedHashMap<>(); // "country\tsex\torg" -> unknown
        Sum all = new Sum();
        for (String pair : pairs) {
            String[] co = pair.split("\t");
            for (Sex sex : Sex.values()) {
                String name = a.unknown(at + "people " + co[0] + " " + sexLabel(sex) + " " + co[1]);
                atoms.put(co[0] + "\t" + sexLabel(sex) + "\t" + co[1], List.of(name));
                all.plus(name);
            }
        }
        Table t = shown.participantsByCountryAndSex();
        Table tt = truth.participantsByCountryAndSex();
        Map<String, Sum> byCountryAndSex = new LinkedHashMap<>();
        for (int r = 0; r < t.rows().size(); r++) {
            Sum row = new Sum();
            for (int c = 0; c < t.columns().size(); c++) {
                Sum cell = select(atoms, t.rows().get(r), t.columns().get(c), null);
                byCountryAndSex.put(t.rows().get(r) + "\t" + t.columns().get(c), cell);
                a.figure(at + t.id() + " " + t.rows().get(r) + "/" + t.columns().get(c), cell, t.cell(r, c), tt.cell(r, c).get(), true);
                row.plus(cell);
            }
            a.figure(at + t.id() + " " + t.rows().get(r) + "/total", row, t.rowTotals().get(r), tt.rowTotals().get(r).get(), true);
        }
        for (int c = 0; c < t.columns().size(); c++) {
            a.figure(at + t.id() + " total/" + t.columns().get(c), select(atoms, null, t.columns().get(c), null),
                    t.columnTotals().get(c), tt.columnTotals().get(c).get(), true);
        }
        a.figure(at + t.id() + " total", all, t.total(), tt.total().get(), true);
        a.figure(at + "participants", all, shown.participants(), truth.participants().get(), true);

        Table o = shown.participantsByOrganisation();
        Table ot = truth.participantsByOrganisation();
        for (int r = 0; r < o.rows().size(); r++) {
            a.figure(at + o.id() + " " + o.rows().get(r), select(atoms, null, null, o.rows().get(r)), o.cell(r, 0), ot.cell(r, 0).get(), true);
        }
        a.figure(at + o.id() + " total", all, o.total(), ot.total().get(), true);
        return new People(byCountryAndSex, all);
    }

    /** Writes an event report into the attack under the name prefix {@code at}, question by question. */
    static EventUnknowns event(LinearAttack a, String at, EventRoster roster, EventReport shown, EventReport truth) {
        return event(a, at, roster, shown, truth, true);
    }

    /**
     * As {@link #event(LinearAttack, String, EventRoster, EventReport, EventReport)}; {@code questions} false leaves out
     * the questions' points (in a programme's attack, where every event's questions made the programs too large for the
     * build's time; each event's own attack reasons with them).
     */
    static EventUnknowns event(LinearAttack a, String at, EventRoster roster, EventReport shown, EventReport truth, boolean questions) {
        People people = people(a, at, roster, shown, truth);
        Sum all = people.all();
        Map<String, Sum> byCountryAndSex = people.byCountryAndSex();

        // People by role: participants are the people above; each other role an unknown.
        Table roles = shown.peopleByRole();
        Table rt = truth.peopleByRole();
        Sum everyone = new Sum().plus(all);
        Sum delivering = new Sum();
        for (int r = 0; r < roles.rows().size(); r++) {
            String label = roles.rows().get(r);
            Sum cell;
            if (label.equals(roleLabel(Role.PARTICIPANT))) {
                cell = new Sum().plus(all);
            } else {
                cell = new Sum().plus(a.unknown(at + "role " + label));
                everyone.plus(cell);
            }
            for (Role role : Role.values()) {
                if (roleLabel(role).equals(label) && role.delivers()) {
                    delivering.plus(cell);
                }
            }
            a.figure(at + roles.id() + " " + label, cell, roles.cell(r, 0), rt.cell(r, 0).get(), true);
        }
        a.figure(at + roles.id() + " total", everyone, roles.total(), rt.total().get(), true);
        a.figure(at + "trainers", delivering, shown.trainers(), truth.trainers().get(), true);

        // Attendance: present per session, at most everyone; their sum of sessions times the participants.
        Sum marks = new Sum();
        for (int s = 0; s < shown.attendanceBySession().size(); s++) {
            EventReport.SessionAttendance session = shown.attendanceBySession().get(s);
            Sum present = new Sum().plus(a.unknown(at + "present " + session.session()));
            a.atMost(new Sum().plus(present).minus(all), 0);
            marks.plus(present);
            share(a, at + "attendance " + session.session(), present, all, session.attended(),
                    truth.attendanceBySession().get(s).attended());
        }
        share(a, at + "attendance", marks, all.times(shown.attendanceBySession().size()), shown.attendance(), truth.attendance());

        // Knowledge: pairs and unpaired among the participants; passes among the pairs.
        EventReport.Knowledge k = shown.knowledge();
        EventReport.Knowledge kt = truth.knowledge();
        Sum pairsSum = new Sum().plus(a.unknown(at + "pairs"));
        Sum unpaired = new Sum().plus(a.unknown(at + "unpaired"));
        a.atMost(new Sum().plus(pairsSum).plus(unpaired).minus(all), 0);
        a.figure(at + "pairs", pairsSum, k.pairs(), kt.pairs().get(), true);
        a.figure(at + "unpaired", unpaired, k.unpairedExcluded(), kt.unpairedExcluded().get(), true);
        a.figure(at + "pre n", pairsSum, k.pre().n(), kt.pre().n().get(), true);
        a.figure(at + "post n", pairsSum, k.post().n(), kt.post().n().get(), true);
        Sum reached = new Sum().plus(a.unknown(at + "reached"));
        a.atMost(new Sum().plus(reached).minus(pairsSum), 0);
        share(a, at + "reached pass mark", reached, pairsSum, k.reachedPassMark(), kt.reachedPassMark());
        Sum gain = new Sum().plus(a.unknown(at + "gain n"));
        a.atMost(new Sum().plus(gain).minus(pairsSum), 0);
        a.figure(at + "gain n", gain, k.normalisedGain().n(), kt.normalisedGain().n().get(), true);
        // Test points: a pair reaching the pass mark scored at least the pass mark after, one below it at most a point
        // less; a pair with no gain to make (not in the gain's n) scored the maximum before, the others at most a point
        // less. The rounded means bound the sums.
        Sum[] post = pointsAroundPassMark(a, at + "post points", reached, pairsSum, k.passMark(), k.testMaxPoints(), k.post());
        Sum postPassing = post[0];
        Sum postFailing = post[1];
        // Question by question: the curriculum says which questions serve which outcome and their points. The points
        // of those passing on a question are at most its points each; of those failing too, and all their questions
        // together at most the pass mark less one each. An outcome's mean percentage bounds the points on its questions.
        if (questions) {
            Sum failingOnQuestions = new Sum();
            Sum allQuestions = new Sum();
            Map<String, Sum> byOutcome = new HashMap<>();
            Map<String, Integer> outcomePoints = new HashMap<>();
            for (org.cadre.curriculum.AssessmentItem item : roster.curriculum().assessment().items()) {
                if (item.kind() != org.cadre.curriculum.ItemKind.TEST_QUESTION) {
                    continue;
                }
                Sum passing = new Sum().plus(a.unknown(at + "question " + item.code() + " passing"));
                Sum failing = new Sum().plus(a.unknown(at + "question " + item.code() + " failing"));
                a.atMost(new Sum().plus(passing).minus(reached.times(item.maxPoints())), 0);
                a.atMost(new Sum().plus(failing).minus(pairsSum.times(item.maxPoints())).plus(reached.times(item.maxPoints())), 0);
                failingOnQuestions.plus(failing);
                allQuestions.plus(passing).plus(failing);
                for (var outcome : item.outcomes()) {
                    byOutcome.computeIfAbsent(outcome.value(), x -> new Sum()).plus(passing).plus(failing);
                    outcomePoints.merge(outcome.value(), item.maxPoints(), Integer::sum);
                }
            }
            a.atMost(new Sum().plus(failingOnQuestions).minus(postFailing), 0);
            a.atMost(new Sum().plus(allQuestions).minus(postPassing).minus(postFailing), 0);
            for (EventReport.OutcomeKnowledge o : k.perOutcome()) {
                if (o.postPercent().value().isPresent() && outcomePoints.containsKey(o.outcome())) {
                    double scale = outcomePoints.get(o.outcome()) / 100.0;
                    double m = o.postPercent().value().get().doubleValue();
                    long n = o.postPercent().n().get();
                    a.atLeast(byOutcome.get(o.outcome()), n * (m - 0.005) * scale - 1e-9);
                    a.atMost(byOutcome.get(o.outcome()), n * (m + 0.005) * scale + 1e-9);
                }
            }
        }
        Sum preTop = new Sum().plus(a.unknown(at + "pre points at the maximum"));
        Sum preRest = new Sum().plus(a.unknown(at + "pre points below the maximum"));
        a.equal(new Sum().plus(preTop).minus(pairsSum.times(k.testMaxPoints())).plus(gain.times(k.testMaxPoints())), 0);
        a.atMost(new Sum().plus(preRest).minus(gain.times(k.testMaxPoints() - 1)), 0);
        roundedMean(a, new Sum().plus(preTop).plus(preRest), k.pre());

        // Practice teaching.
        EventReport.Practice p = shown.practice();
        Sum scored = new Sum().plus(a.unknown(at + "scored"));
        a.atMost(new Sum().plus(scored).minus(all), 0);
        a.figure(at + "scored", scored, p.scored(), truth.practice().scored().get(), true);
        a.figure(at + "practice n", scored, p.total().n(), truth.practice().total().n().get(), true);
        Sum passed = new Sum().plus(a.unknown(at + "passed practice"));
        a.atMost(new Sum().plus(passed).minus(scored), 0);
        share(a, at + "passed practice", passed, scored, p.passed(), truth.practice().passed());
        if (roster.rubric().isPresent()) {
            pointsAroundPassMark(a, at + "practice points", passed, scored, p.passMark(), p.maxPoints(), p.total());
        }

        // Certification: the certified among the participants; each one not certified missed a criterion.
        Sum certified = new Sum().plus(a.unknown(at + "certified"));
        a.atMost(new Sum().plus(certified).minus(all), 0);
        share(a, at + "certified", certified, all, shown.certification().certified(), truth.certification().certified());
        Table unmet = shown.certification().unmetCriteria();
        Table ut = truth.certification().unmetCriteria();
        Sum notCertified = new Sum().plus(all).minus(certified);
        Sum missed = new Sum();
        for (int r = 0; r < unmet.rows().size(); r++) {
            Sum u = new Sum().plus(a.unknown(at + "unmet " + unmet.rows().get(r)));
            a.atMost(new Sum().plus(u).minus(notCertified), 0);
            missed.plus(u);
            a.figure(at + "unmet " + unmet.rows().get(r), u, unmet.cell(r, 0), ut.cell(r, 0).get(), true);
        }
        a.figure(at + "unmet total", missed, unmet.total(), ut.total().get(), true);
        a.atLeast(new Sum().plus(missed).minus(notCertified), 0);
        // Who misses which criterion: every pair below the pass mark is below it (and perhaps some unpaired); someone
        // below the attendance minimum missed so many sessions that the missed marks bound how many there can be.
        if (!roster.event().agenda().isEmpty()) {
            Map<String, Sum> byReason = new HashMap<>();
            for (int r = 0; r < unmet.rows().size(); r++) {
                byReason.put(unmet.rows().get(r), new Sum().plus(at + "unmet " + unmet.rows().get(r)));
            }
            Sum failedTest = byReason.get("certification.post-test-below-pass-mark");
            Sum belowPassMark = new Sum().plus(pairsSum).minus(reached);
            a.atLeast(new Sum().plus(failedTest).minus(belowPassMark), 0);
            a.atMost(new Sum().plus(failedTest).minus(belowPassMark).minus(unpaired), 0);
            int sessions = shown.attendanceBySession().size();
            double minimum = roster.curriculum().certification().minAttendanceShare();
            int enough = (int) Math.ceil(minimum * sessions - 1e-9);
            Sum missedMarks = all.times(sessions).minus(marks);
            a.atMost(byReason.get("certification.attendance-below-minimum").times(sessions - enough + 1).minus(missedMarks), 0);
        }

        // Feedback: ratings 1 to 5 per session, their number and rounded mean.
        for (int s = 0; s < shown.feedback().sessions().size(); s++) {
            EventReport.SessionFeedback f = shown.feedback().sessions().get(s);
            EventReport.SessionFeedback ft = truth.feedback().sessions().get(s);
            Sum n = new Sum();
            Sum points = new Sum();
            for (int r = 0; r < 5; r++) {
                String u = a.unknown(at + "rating " + f.session() + " " + (r + 1));
                n.plus(u);
                points.plus(u, r + 1);
                a.figure(at + "rating " + f.session() + " " + (r + 1), new Sum().plus(u), f.distribution().cell(r, 0),
                        ft.distribution().cell(r, 0).get(), true);
            }
            a.figure(at + "ratings " + f.session(), n, f.distribution().total(), ft.distribution().total().get(), true);
            a.figure(at + "rating n " + f.session(), n, f.rating().n(), ft.rating().n().get(), true);
            if (f.rating().value().isPresent() && f.rating().n().isPublished()) {
                double m = f.rating().value().get().doubleValue();
                long count = f.rating().n().get();
                a.atLeast(points, count * (m - 0.005) - 1e-9);
                a.atMost(points, count * (m + 0.005) + 1e-9);
            }
        }
        return new EventUnknowns(byCountryAndSex, all, certified, pairsSum, reached);
    }

    private static Sum select(Map<String, List<String>> atoms, String country, String sex, String org) {
        Sum out = new Sum();
        atoms.forEach((key, names) -> {
            String[] k = key.split("\t");
            if ((country == null || k[0].equals(country)) && (sex == null || k[1].equals(sex)) && (org == null || k[2].equals(org))) {
                names.forEach(out::plus);
            }
        });
        return out;
    }

    /**
     * A share: its denominator a figure; its numerator too (withheld, it may be 0), and then what the denominator holds
     * beside it, which may be the small count the numerator was withheld for.
     */
    private static void share(LinearAttack a, String at, Sum numerator, Sum denominator, Share shown, Share truth) {
        a.figure(at + " denominator", denominator, shown.denominator(), truth.denominator().get(), true);
        a.figure(at + " numerator", numerator, shown.numerator(), truth.numerator().get(), false);
        if (shown.numerator().suppressed()) {
            a.figure(at + " others", new Sum().plus(denominator).minus(numerator), shown.numerator(),
                    truth.denominator().get() - truth.numerator().get(), false);
        }
    }

    /**
     * The points of those who passed (each from the pass mark to the maximum) and of those who did not (each at most the
     * pass mark less one), of {@code all} scored, bounded together by their rounded mean; answers the two sums.
     */
    private static Sum[] pointsAroundPassMark(LinearAttack a, String name, Sum passedCount, Sum all, int passMark, int max,
            org.cadre.reporting.disclosure.Mean mean) {
        Sum passing = new Sum().plus(a.unknown(name + " passing"));
        Sum failing = new Sum().plus(a.unknown(name + " failing"));
        a.atLeast(new Sum().plus(passing).minus(passedCount.times(passMark)), 0);
        a.atMost(new Sum().plus(passing).minus(passedCount.times(max)), 0);
        a.atMost(new Sum().plus(failing).minus(all.times(passMark - 1)).plus(passedCount.times(passMark - 1)), 0);
        roundedMean(a, new Sum().plus(passing).plus(failing), mean);
        return new Sum[] {passing, failing};
    }

    /** A mean rounded to two decimals over its published n: the sum lies within n half-hundredths of n times it. */
    private static void roundedMean(LinearAttack a, Sum sum, org.cadre.reporting.disclosure.Mean shown) {
        if (shown.value().isPresent()) {
            double m = shown.value().get().doubleValue();
            long n = shown.n().get();
            a.atLeast(sum, n * (m - 0.005) - 1e-9);
            a.atMost(sum, n * (m + 0.005) + 1e-9);
        }
    }

    /**
     * Writes a programme report into the attack, with the reports of the period's events when given (in
     * the order of {@code inPeriod}).
     */
    static void programme(LinearAttack a, ProgrammeReport shown, ProgrammeReport truth, List<EventRoster> inPeriod,
            List<EventReport> eventsShown, List<EventReport> eventsTruth) {
        // Officials by country, sex and own organisation (by name; an unknown organisation counts under its country).
        Map<String, String> names = new HashMap<>();
        inPeriod.forEach(r -> r.organisations().forEach((id, o) -> names.putIfAbsent(id.value(), o.name())));
        Set<String> pairs = new LinkedHashSet<>();
        Set<String> countries = new LinkedHashSet<>();
        for (EventRoster r : inPeriod) {
            for (Enrolment e : r.enrolmentsAs(Role.PARTICIPANT)) {
                if (e.status().holdsSeat()) {
                    Person p = r.people().get(e.person());
                    String org = p.organisation().map(o -> names.getOrDefault(o.value(), o.value())).orElse("not recorded " + p.country().code());
                    pairs.add(p.country().code() + "\t" + org);
                    countries.add(p.country().code());
                }
            }
        }
        Map<String, List<String>> atoms = new LinkedHashMap<>();
        Sum all = new Sum();
        for (String pair : pairs) {
            String[] co = pair.split("\t");
            for (Sex sex : Sex.values()) {
                String name = a.unknown("officials " + co[0] + " " + sexLabel(sex) + " " + co[1]);
                atoms.put(co[0] + "\t" + sexLabel(sex) + "\t" + co[1], List.of(name));
                all.plus(name);
            }
        }
        Table t = shown.officialsBySexAndCountry();
        Table tt = truth.officialsBySexAndCountry();
        for (int r = 0; r < t.rows().size(); r++) {
            Sum row = new Sum();
            for (int c = 0; c < t.columns().size(); c++) {
                Sum cell = select(atoms, t.rows().get(r), t.columns().get(c), null);
                a.figure("officials " + t.rows().get(r) + "/" + t.columns().get(c), cell, t.cell(r, c), tt.cell(r, c).get(), true);
                row.plus(cell);
            }
            a.figure("officials " + t.rows().get(r) + "/total", row, t.rowTotals().get(r), tt.rowTotals().get(r).get(), true);
        }
        for (int c = 0; c < t.columns().size(); c++) {
            a.figure("officials total/" + t.columns().get(c), select(atoms, null, t.columns().get(c), null), t.columnTotals().get(c),
                    tt.columnTotals().get(c).get(), true);
        }
        a.figure("officials total", all, t.total(), tt.total().get(), true);
        a.figure("officials trained", all, shown.officialsTrained(), truth.officialsTrained().get(), true);
        Table o = shown.officialsByOrganisation();
        Table ot = truth.officialsByOrganisation();
        for (int r = 0; r < o.rows().size(); r++) {
            a.figure("officials of " + o.rows().get(r), select(atoms, null, null, o.rows().get(r)), o.cell(r, 0), ot.cell(r, 0).get(), true);
        }
        a.figure("officials by organisation total", all, o.total(), ot.total().get(), true);

        // Event lines and, with the events' reports, the officials as the union of the events' participants.
        Map<String, Sum> line = new LinkedHashMap<>();
        Map<String, EventUnknowns> events = new HashMap<>();
        Sum lines = new Sum();
        Map<String, Sum> presentSum = new HashMap<>();
        Map<String, Long> absentSum = new HashMap<>();
        for (int i = 0; i < inPeriod.size(); i++) {
            EventRoster r = inPeriod.get(i);
            String id = r.event().id().value();
            Sum l = new Sum().plus(a.unknown("line " + id));
            line.put(id, l);
            lines.plus(l);
            a.atMost(new Sum().plus(l).minus(all), 0);
            if (!eventsShown.isEmpty()) {
                EventUnknowns e = event(a, "event " + id + ": ", r, eventsShown.get(i), eventsTruth.get(i), false);
                events.put(id, e);
                Map<String, Long> absent = new HashMap<>();
                for (Enrolment en : r.seatedParticipants()) {
                    if (!en.status().wasPresent()) {
                        Person p = r.people().get(en.person());
                        absent.merge(p.country().code() + "\t" + sexLabel(p.sex()), 1L, Long::sum);
                    }
                }
                Sum present = new Sum();
                long absentTotal = 0;
                for (var cell : e.byCountryAndSex().entrySet()) {
                    long gone = absent.getOrDefault(cell.getKey(), 0L);
                    String[] cs = cell.getKey().split("\t");
                    if (countries.contains(cs[0])) {
                        Sum officials = select(atoms, cs[0], cs[1], null);
                        a.atLeast(new Sum().plus(officials).minus(cell.getValue()), -gone);
                    }
                    presentSum.computeIfAbsent(cell.getKey(), x -> new Sum()).plus(cell.getValue());
                    absentSum.merge(cell.getKey(), gone, Long::sum);
                    present.plus(cell.getValue());
                    absentTotal += gone;
                }
                a.equal(new Sum().plus(l).minus(present), -absentTotal);
            }
        }
        if (!eventsShown.isEmpty()) {
            for (String country : countries) {
                for (Sex sex : Sex.values()) {
                    String key = country + "\t" + sexLabel(sex);
                    a.atMost(select(atoms, country, sexLabel(sex), null).minus(presentSum.getOrDefault(key, new Sum())),
                            -absentSum.getOrDefault(key, 0L));
                }
            }
        }
        a.atMost(new Sum().plus(all).minus(lines), 0);
        for (int i = 0; i < shown.events().size(); i++) {
            ProgrammeReport.EventLine e = shown.events().get(i);
            a.figure("line " + e.id(), line.get(e.id()), e.participantsPresent(), truth.events().get(i).participantsPresent().get(), true);
        }
        // Regions: what the event lines' venues say was taught where, each region the sum of its events' lines.
        for (int i = 0; i < shown.regions().size(); i++) {
            ProgrammeReport.RegionLine region = shown.regions().get(i);
            Sum sum = new Sum();
            for (ProgrammeReport.EventLine e : shown.events()) {
                boolean there = e.venues().stream().anyMatch(v -> v.country().equals(region.country())
                        && java.util.Objects.equals(v.region(), region.region()));
                if (there) {
                    sum.plus(line.get(e.id()));
                }
            }
            a.figure("region " + region.country() + "/" + region.region(), sum, region.participantsPresent(),
                    truth.regions().get(i).participantsPresent().get(), true);
        }

        // The pool: people per level, the active and inactive among them.
        Table pool = shown.pool().atLevel();
        Table pt = truth.pool().atLevel();
        Sum everyoneInPool = new Sum();
        Map<String, Sum> level = new HashMap<>();
        for (int r = 0; r < pool.rows().size(); r++) {
            Sum v = new Sum().plus(a.unknown("pool " + pool.rows().get(r)));
            level.put(pool.rows().get(r), v);
            everyoneInPool.plus(v);
            a.figure("pool " + pool.rows().get(r), v, pool.cell(r, 0), pt.cell(r, 0).get(), true);
        }
        a.figure("pool total", everyoneInPool, pool.total(), pt.total().get(), true);
        for (int r = 0; r < shown.pool().reached().size(); r++) {
            Sum reached = new Sum();
            for (int s = r; s < pool.rows().size(); s++) {
                reached.plus(level.get(pool.rows().get(s)));
            }
            a.figure("pool reached " + pool.rows().get(r), reached, shown.pool().reached().get(r), truth.pool().reached().get(r).get(), true);
        }
        Sum active = new Sum().plus(a.unknown("pool active"));
        Sum inactive = new Sum().plus(a.unknown("pool inactive"));
        a.atMost(new Sum().plus(active).plus(inactive).minus(everyoneInPool), 0);
        a.figure("pool active", active, shown.pool().active(), truth.pool().active().get(), true);
        a.figure("pool inactive", inactive, shown.pool().inactive(), truth.pool().inactive().get(), true);

        // Cascades: graduates were at their ToT; a ToT's officers at its cascades.
        Map<String, String> totOf = new HashMap<>();
        inPeriod.forEach(r -> r.event().trainersFrom().ifPresent(tot -> totOf.put(r.event().id().value(), tot.value())));
        Sum officersOfAll = new Sum();
        List<Sum> officersEach = new ArrayList<>();
        for (int i = 0; i < shown.cascades().size(); i++) {
            ProgrammeReport.CascadeLine c = shown.cascades().get(i);
            ProgrammeReport.CascadeLine ct = truth.cascades().get(i);
            Sum graduates = new Sum().plus(a.unknown("graduates " + c.tot()));
            if (line.containsKey(c.tot())) { // a ToT before the period has no line
                a.atMost(new Sum().plus(graduates).minus(line.get(c.tot())), 0);
            }
            a.figure("graduates " + c.tot(), graduates, c.graduates(), ct.graduates().get(), true);
            Sum officers = new Sum().plus(a.unknown("officers " + c.tot()));
            totOf.forEach((cascade, tot) -> {
                if (tot.equals(c.tot()) && line.containsKey(cascade)) {
                    a.atLeast(new Sum().plus(officers).minus(line.get(cascade)), 0);
                }
            });
            a.figure("officers " + c.tot(), officers, c.officersTrained(), ct.officersTrained().get(), true);
            officersOfAll.plus(officers);
            officersEach.add(officers);
        }
        // Every official was at an event of the period; a cascade's participants are among its ToT's officers.
        java.util.Set<String> tots = new java.util.HashSet<>();
        shown.cascades().forEach(c -> tots.add(c.tot()));
        Sum bound = new Sum().plus(officersOfAll);
        line.forEach((id, l) -> {
            if (!tots.contains(totOf.getOrDefault(id, ""))) {
                bound.plus(l);
            }
        });
        a.atMost(new Sum().plus(all).minus(bound), 0);

        // Indicators.
        for (int i = 0; i < shown.indicators().size(); i++) {
            ProgrammeReport.IndicatorResult ind = shown.indicators().get(i);
            if (ind.isCustom()) {
                continue; // entered by staff, not computed from the records: nothing about the people
            }
            ProgrammeReport.IndicatorResult it = truth.indicators().stream().filter(x -> x.id().equals(ind.id())).findFirst().orElseThrow();
            String at = "indicator " + ind.id();
            switch (metricOf(ind)) {
                case "officials" -> a.figure(at, all, ind.count().orElseThrow(), it.count().orElseThrow().get(), true);
                case "women" -> {
                    a.figure(at + " denominator", all, ind.actual().orElseThrow().denominator(), it.actual().orElseThrow().denominator().get(), true);
                    a.figure(at + " numerator", select(atoms, null, sexLabel(Sex.FEMALE), null), ind.actual().orElseThrow().numerator(),
                            it.actual().orElseThrow().numerator().get(), false);
                }
                case "certification", "tests" -> {
                    boolean certification = metricOf(ind).equals("certification");
                    Sum num = new Sum().plus(a.unknown(at + " numerator"));
                    Sum den = new Sum().plus(a.unknown(at + " denominator"));
                    a.atMost(new Sum().plus(num).minus(den), 0);
                    Sum totLines = new Sum();
                    Sum joined = new Sum();
                    Sum joinedNum = new Sum();
                    for (EventRoster r : inPeriod) {
                        if (certification && r.event().kind() != Event.Kind.TOT) {
                            continue;
                        }
                        totLines.plus(line.get(r.event().id().value()));
                        EventUnknowns e = events.get(r.event().id().value());
                        if (e != null) {
                            joined.plus(certification ? e.all() : e.pairs());
                            joinedNum.plus(certification ? e.certified() : e.reached());
                        }
                    }
                    if (!events.isEmpty()) {
                        a.equal(new Sum().plus(den).minus(joined), 0);
                        a.equal(new Sum().plus(num).minus(joinedNum), 0);
                    } else if (certification) {
                        a.atLeast(new Sum().plus(den).minus(totLines), 0);
                    }
                    a.figure(at + " denominator", den, ind.actual().orElseThrow().denominator(), it.actual().orElseThrow().denominator().get(), true);
                    a.figure(at + " numerator", num, ind.actual().orElseThrow().numerator(), it.actual().orElseThrow().numerator().get(), false);
                }
                case "trainers" -> {
                    // In service with a valid certificate on the last day: some of those at certified-trainer or lead level.
                    Sum valid = new Sum().plus(a.unknown(at));
                    a.atMost(new Sum().plus(valid).minus(level.get("certified-trainer")).minus(level.get("lead-trainer")), 0);
                    a.figure(at, valid, ind.count().orElseThrow(), it.count().orElseThrow().get(), true);
                }
                case "cascade" -> {
                    Sum u = new Sum().plus(a.unknown(at));
                    for (Sum each : officersEach) {
                        a.atLeast(new Sum().plus(u).minus(each), 0);
                    }
                    a.atMost(new Sum().plus(u).minus(officersOfAll), 0);
                    a.figure(at, u, ind.count().orElseThrow(), it.count().orElseThrow().get(), true);
                }
                default -> throw new AssertionError("an indicator the attacker does not know: " + ind.computedAs());
            }
        }
    }

    /** Which metric an indicator reports, from its published definition. */
    private static String metricOf(ProgrammeReport.IndicatorResult ind) {
        String d = ind.computedAs().orElseThrow();
        if (d.startsWith("distinct participants present at any event")) {
            return "officials";
        } else if (d.startsWith("female officials")) {
            return "women";
        } else if (d.startsWith("ToT participants certified")) {
            return "certification";
        } else if (d.startsWith("paired tests")) {
            return "tests";
        } else if (d.startsWith("people in service at certified-trainer")) {
            return "trainers";
        } else if (d.startsWith("distinct participants present at the period's cascades")) {
            return "cascade";
        }
        return d;
    }

    /** The findings that break the rule for threshold k: pinned, or a small count shown to be below k. */
    static List<String> breaches(List<LinearAttack.Finding> findings, int k) {
        List<String> out = new ArrayList<>();
        for (LinearAttack.Finding f : findings) {
            if (f.truth() > 0 && f.pinned()) {
                out.add(f.where() + " (" + f.truth() + ") pinned to [" + f.min() + ", " + f.max() + "]");
            } else if (f.truth() >= 1 && f.truth() < k && Math.floor(f.max() + 1e-6) < k) {
                out.add(f.where() + " (" + f.truth() + ") shown to be at most " + f.max());
            }
        }
        return out;
    }
}
