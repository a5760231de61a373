package org.cadre.reporting;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.cadre.curriculum.SessionCode;
import org.cadre.reporting.disclosure.Cell;
import org.cadre.reporting.disclosure.Disclosure;
import org.cadre.reporting.disclosure.Share;
import org.cadre.reporting.disclosure.Table;
import org.cadre.reporting.disclosure.audit.Ledger;
import org.cadre.roster.AgendaSlot;
import org.cadre.roster.Enrolment;
import org.cadre.roster.EventRoster;
import org.cadre.roster.Person;
import org.cadre.roster.Role;

/**
 * An event report as an attacker reads it ({@link Ledger}): the participants as unknown counts by country,
 * sex and nominating organisation (the attacker knows which organisation is of which country), other roles,
 * attendance per session, tests, practice, certification and feedback ratings as unknowns, and every
 * published figure of every section as a constraint on them, together: tables that share people are one
 * system of equations, a rounded mean beside its distribution bounds the ratings, a share's parts are
 * bounded by its whole.
 */
final class EventReportLedger {

    /** Separates the parts of a key: a character no name may hold (names are XML text). */
    static final String SEP = "\u0000";

    private EventReportLedger() {}

    static Ledger of(EventRoster roster, EventReport report) {
        Ledger l = new Ledger();
        into(l, "", roster, report);
        return l;
    }

    /**
     * Adds the event report to {@code l}, its cell ids after {@code prefix}, and answers the participants
     * who hold a seat as expressions by {@link #personKey} (country, sex column, own organisation), so that
     * a programme report can be linked to it.
     */
    static Links into(Ledger l, String prefix, EventRoster roster, EventReport report) {
        List<Enrolment> seated = roster.seatedParticipants();
        // Atoms: participants by country, sex column, nominating organisation and own organisation (every sex of each
        // combination that occurs, so that the attacker's knowledge of organisations' countries is given).
        Map<String, Long> truth = new TreeMap<>();
        Set<String> combinations = new LinkedHashSet<>();
        for (Enrolment e : seated) {
            Person p = roster.people().get(e.person());
            String org = organisationName(roster, e);
            String own = p.organisation().map(o -> o.value()).orElse("-");
            combinations.add(p.country().code() + SEP + org + SEP + own);
            truth.merge(p.country().code() + SEP + EventReports.sexColumn(p.sex()) + SEP + org + SEP + own, 1L, Long::sum);
        }
        Map<String, Integer> atom = new LinkedHashMap<>();
        Map<String, Ledger.Expr> byPerson = new LinkedHashMap<>();
        for (String combination : combinations) {
            String[] co = combination.split(SEP, 3);
            for (int s = 0; s < EventReports.SEX_COLUMNS.size(); s++) {
                String key = co[0] + SEP + s + SEP + co[1] + SEP + co[2];
                int v = l.variable(prefix + "participants " + key, truth.getOrDefault(key, 0L));
                atom.put(key, v);
                byPerson.computeIfAbsent(co[0] + SEP + s + SEP + co[2], x -> new Ledger.Expr()).plus(v);
            }
        }
        Ledger.Expr everyone = new Ledger.Expr();
        atom.values().forEach(everyone::plus);
        l.headline(everyone);

        // Participants by country and sex, and the headline (its total).
        Table t = report.participantsByCountryAndSex();
        Map<String, Ledger.Expr> byCountry = new HashMap<>();
        Map<Integer, Ledger.Expr> bySex = new HashMap<>();
        for (int r = 0; r < t.rows().size(); r++) {
            String country = t.rows().get(r);
            Ledger.Expr row = new Ledger.Expr();
            for (int c = 0; c < t.columns().size(); c++) {
                int sex = c;
                Ledger.Expr cell = new Ledger.Expr();
                atom.forEach((key, v) -> {
                    String[] k = key.split(SEP, 4);
                    if (k[0].equals(country) && Integer.parseInt(k[1]) == sex) {
                        cell.plus(v);
                    }
                });
                record(l, prefix + Disclosure.cellId(t.id(), country, t.columns().get(c)), cell, t.cell(r, c));
                row.plus(cell);
                bySex.computeIfAbsent(c, x -> new Ledger.Expr()).plus(cell);
            }
            byCountry.put(country, row);
            record(l, prefix + Disclosure.cellId(t.id(), country, "total"), row, t.rowTotals().get(r));
        }
        for (int c = 0; c < t.columns().size(); c++) {
            record(l, prefix + Disclosure.cellId(t.id(), "total", t.columns().get(c)), bySex.getOrDefault(c, new Ledger.Expr()), t.columnTotals().get(c));
        }
        record(l, prefix + Disclosure.cellId(t.id(), "total", "total"), everyone, t.total());

        // Participants by nominating organisation (nested in the countries).
        Table orgs = report.participantsByOrganisation();
        for (int r = 0; r < orgs.rows().size(); r++) {
            String org = orgs.rows().get(r);
            Ledger.Expr cell = new Ledger.Expr();
            atom.forEach((key, v) -> {
                if (key.split(SEP, 4)[2].equals(org)) {
                    cell.plus(v);
                }
            });
            record(l, prefix + Disclosure.cellId(orgs.id(), org, "count"), cell, orgs.cell(r, 0));
        }
        record(l, prefix + Disclosure.cellId(orgs.id(), "total", "count"), everyone, orgs.total());

        // People by role: participants are the atoms; each other role an unknown of its own.
        Table roles = report.peopleByRole();
        Map<Role, Long> seatedByRole = new HashMap<>();
        roster.enrolments().stream().filter(e -> e.status().holdsSeat()).forEach(e -> seatedByRole.merge(e.role(), 1L, Long::sum));
        Ledger.Expr allRoles = everyone.copy();
        Ledger.Expr delivering = new Ledger.Expr();
        for (int r = 0; r < roles.rows().size(); r++) {
            String label = roles.rows().get(r);
            Role role = Role.valueOf(label.toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
            Ledger.Expr cell = role == Role.PARTICIPANT ? everyone.copy()
                    : l.of(l.variable(prefix + "role " + label, seatedByRole.getOrDefault(role, 0L)));
            if (role != Role.PARTICIPANT) {
                allRoles.plus(cell);
            }
            if (role.delivers()) {
                delivering.plus(cell);
            }
            record(l, prefix + Disclosure.cellId(roles.id(), label, "count"), cell, roles.cell(r, 0));
        }
        record(l, prefix + Disclosure.cellId(roles.id(), "total", "count"), allRoles, roles.total());
        record(l, prefix + "trainers", delivering, report.trainers());

        // Attendance: present per session (distinct sessions of the agenda), their sum, and the shares.
        Set<SessionCode> agenda = new LinkedHashSet<>();
        roster.event().agenda().stream().map(AgendaSlot::session).forEach(agenda::add);
        Set<org.cadre.roster.PersonId> who = new java.util.HashSet<>();
        seated.forEach(e -> who.add(e.person()));
        Map<SessionCode, Set<org.cadre.roster.PersonId>> present = new HashMap<>();
        roster.attendance().stream().filter(a -> who.contains(a.person()) && a.mark().attended())
                .forEach(a -> present.computeIfAbsent(a.session(), s -> new java.util.HashSet<>()).add(a.person()));
        Map<String, Ledger.Expr> presentAt = new HashMap<>();
        Ledger.Expr attended = new Ledger.Expr();
        for (SessionCode s : agenda) {
            int v = l.variable(prefix + "present " + s, present.getOrDefault(s, Set.of()).size());
            l.atMost(l.of(v).minus(everyone), 0);
            presentAt.put(s.value(), l.of(v));
            attended.plus(v);
        }
        share(l, prefix + "attendance", attended, everyone.times(agenda.size()), report.attendance());
        for (EventReport.SessionAttendance s : report.attendanceBySession()) {
            share(l, prefix + "attendanceBySession/" + s.session(), presentAt.getOrDefault(s.session(), new Ledger.Expr()), everyone, s.attended());
        }

        // Knowledge: pairs and unpaired among the participants; passes among the pairs; the gain's n.
        EventReport.Knowledge k = report.knowledge();
        KnowledgeTruth tested = knowledgeTruth(roster, seated, k);
        int pairsVar = l.variable(prefix + "pairs", tested.pairs());
        int unpairedVar = l.variable(prefix + "unpaired", tested.unpaired());
        Ledger.Expr pairsExpr = l.of(pairsVar);
        l.atMost(pairsExpr.copy().plus(unpairedVar).minus(everyone), 0);
        record(l, prefix + "knowledge/pairs", pairsExpr, k.pairs());
        record(l, prefix + "knowledge/unpaired", l.of(unpairedVar), k.unpairedExcluded());
        int reached = l.variable(prefix + "reached pass mark", tested.reached());
        l.atMost(l.of(reached).minus(pairsExpr), 0);
        share(l, prefix + "knowledge/reachedPassMark", l.of(reached), pairsExpr, k.reachedPassMark());
        int gain = l.variable(prefix + "gain n", tested.gainN());
        l.atMost(l.of(gain).minus(pairsExpr), 0);
        record(l, prefix + "knowledge/normalisedGain/n", l.of(gain), k.normalisedGain().n());
        Ledger.Expr below = pairsExpr.copy().minus(l.of(reached));
        testPoints(l, prefix, k, tested, pairsExpr, l.of(reached), l.of(gain), below);

        // Practice teaching: those scored among the participants, those who passed among them, and the mean score,
        // which bounds how many passed (a pass is at least the pass mark, a fail at most one point below it).
        EventReport.Practice p = report.practice();
        long[] practiceTruth = practiceTruth(roster, seated);
        int scored = l.variable(prefix + "scored", practiceTruth[0]);
        l.atMost(l.of(scored).minus(everyone), 0);
        record(l, prefix + "practice/scored", l.of(scored), p.scored());
        record(l, prefix + "practice/total/n", l.of(scored), p.total().n());
        int passed = l.variable(prefix + "passed practice", practiceTruth[1]);
        l.atMost(l.of(passed).minus(l.of(scored)), 0);
        share(l, prefix + "practice/passed", l.of(passed), l.of(scored), p.passed());
        int passedPoints = l.variable(prefix + "practice points of those who passed", practiceTruth[2]);
        int failedPoints = l.variable(prefix + "practice points of those who did not", practiceTruth[3]);
        if (roster.rubric().isPresent()) {
            l.atLeast(l.of(passedPoints).minus(l.of(passed).times(p.passMark())), 0);
            l.atMost(l.of(passedPoints).minus(l.of(passed).times(Math.max(p.maxPoints(), practiceTruth[4]))), 0);
            l.atMost(l.of(failedPoints).minus(l.of(scored).minus(l.of(passed)).times(Math.max(0, p.passMark() - 1))), 0);
        } else {
            l.equal(l.of(passedPoints), 0);
            l.atMost(l.of(failedPoints).minus(l.of(scored).times(Math.max(p.maxPoints(), practiceTruth[4]))), 0);
        }
        mean(l, prefix + "practice/total/mean", l.of(passedPoints).plus(failedPoints), p.total());

        // Certification: the certified among the participants; each one not certified misses at least one criterion.
        // An event whose agenda lists no session decides for nobody (Certification.evaluate), as everyone knows.
        EventReport.CertificationSummary cert = report.certification();
        Ledger.Expr decided = org.cadre.roster.Certification.withoutAgenda(roster.event()).isPresent() ? new Ledger.Expr() : everyone;
        long certifiedTruth = org.cadre.roster.Certification.evaluate(roster).stream().filter(org.cadre.roster.Certification.Decision::certified).count();
        int certified = l.variable(prefix + "certified", certifiedTruth);
        l.atMost(l.of(certified).minus(decided), 0);
        share(l, prefix + "certification/certified", l.of(certified), decided, cert.certified());
        Table unmet = cert.unmetCriteria();
        Ledger.Expr notCertified = decided.copy().minus(l.of(certified));
        Ledger.Expr missed = new Ledger.Expr();
        long[] unmetTruth = unmetTruth(roster, unmet.rows());
        List<Integer> unmetVars = new ArrayList<>();
        for (int r = 0; r < unmet.rows().size(); r++) {
            int v = l.variable(prefix + "unmet " + unmet.rows().get(r), unmetTruth[r]);
            unmetVars.add(v);
            l.atMost(l.of(v).minus(notCertified), 0);
            missed.plus(v);
            record(l, prefix + Disclosure.cellId(unmet.id(), unmet.rows().get(r), "count"), l.of(v), unmet.cell(r, 0));
            if (!decided.isEmpty()) {
                // Those who met the criterion are a count too, as a share's rest is: "post-test missing 9" beside 10 participants
                // said that one person took the post-test (the attacker's second review of session 23).
                l.cell(prefix + Disclosure.cellId(unmet.id(), unmet.rows().get(r), "rest"), decided.copy().minus(l.of(v)), null, false);
            }
        }
        record(l, prefix + Disclosure.cellId(unmet.id(), "total", "count"), missed, unmet.total());
        l.atLeast(missed.copy().minus(notCertified), 0);
        certificationLinks(l, roster, unmet.rows(), unmetVars, everyone, attended, agenda.size(), pairsExpr, l.of(unpairedVar), below,
                l.of(scored), l.of(passed));

        // Feedback: ratings per session, their number, and the rounded mean.
        for (EventReport.SessionFeedback f : report.feedback().sessions()) {
            Table ratings = f.distribution();
            long[] ratingTruth = ratingTruth(roster, f.session());
            Ledger.Expr n = new Ledger.Expr();
            Ledger.Expr points = new Ledger.Expr();
            for (int r = 0; r < ratings.rows().size(); r++) {
                int v = l.variable(prefix + "rating " + f.session() + " " + ratings.rows().get(r), ratingTruth[r]);
                n.plus(v);
                points.plus(v, r + 1);
                record(l, prefix + Disclosure.cellId(ratings.id(), ratings.rows().get(r), "count"), l.of(v), ratings.cell(r, 0));
            }
            record(l, prefix + Disclosure.cellId(ratings.id(), "total", "count"), n, ratings.total());
            record(l, prefix + "feedback/" + f.session() + "/n", n, f.rating().n());
            mean(l, prefix + "feedback/" + f.session() + "/mean", points, f.rating());
        }
        return new Links(byPerson, everyone, l.of(certified), pairsExpr, l.of(reached));
    }

    /** The key a person is linked by across reports: country, sex column and own organisation (or "-"). */
    static String personKey(Person p) {
        return p.country().code() + SEP + EventReports.sexColumn(p.sex()) + SEP + p.organisation().map(o -> o.value()).orElse("-");
    }

    /**
     * What a programme report shares with an event report: the seated participants by {@link #personKey},
     * all of them, the certified, and the paired tests and those of them reaching the pass mark.
     */
    record Links(Map<String, Ledger.Expr> seatedByPerson, Ledger.Expr seated, Ledger.Expr certified, Ledger.Expr pairs,
            Ledger.Expr reachedPassMark) {}

    /** A cell of the report as the ledger holds it: published with its value, or withheld. */
    static void record(Ledger l, String id, Ledger.Expr expr, Cell cell) {
        if (cell == null) {
            return;
        }
        l.cell(id, expr, cell.isPublished() ? cell.get() : null);
    }

    /** A share's numerator and denominator; a published percentage adds nothing its published parts do not. */
    static void share(Ledger l, String id, Ledger.Expr numerator, Ledger.Expr denominator, Share share) {
        record(l, id + "/denominator", denominator, share.denominator());
        // A numerator is withheld with a small denominator or complement, zero or not.
        l.cell(id + "/numerator", numerator, share.numerator().isPublished() ? share.numerator().get() : null, false);
        if (share.numerator().suppressed()) {
            // The rest of the denominator is a count too ("22 of 26" withheld for the 4 others): it is audited as well, so
            // that nothing else published (a post-test mean near the maximum) shows it to be small.
            l.cell(id + "/rest", denominator.copy().minus(numerator), null, false);
        }
    }

    /**
     * A mean to two decimals, half up, over {@code n} published values: their sum lies within half a cent of n times it.
     * It is a figure the report may withhold ({@link Ledger#figure}); a mean over n = 0 says nothing.
     */
    static void mean(Ledger l, String id, Ledger.Expr sum, org.cadre.reporting.disclosure.Mean mean) {
        if (mean.value().isPresent()) {
            double[] band = band(mean.n().get(), mean.value().get(), 1);
            l.figure(id, sum, band[0], band[1], true);
        } else if (mean.suppressed()) {
            l.figure(id, sum, 0, 0, false);
        }
    }

    /** The range of a sum whose mean over n, to two decimals half up, is {@code value}, times {@code scale}. */
    static double[] band(long n, BigDecimal value, double scale) {
        double m = value.doubleValue();
        return new double[] {n * (m - 0.005) * scale - 1e-9 * Math.max(1, scale), n * (m + 0.005) * scale + 1e-9 * Math.max(1, scale)};
    }

    private static String organisationName(EventRoster roster, Enrolment e) {
        return e.nominatedBy().map(roster.organisations()::get).map(o -> o.name()).orElse("not recorded");
    }

    /**
     * The points of the tests as unknowns, bounded by what everyone knows of them and by the published means: the
     * post-test points of the pairs reaching the pass mark (each at least the pass mark) and of those below it (each at
     * most a point under it), the pre-test points of the pairs at the maximum and below it, the points of each group of
     * questions (those of the same delivered outcomes) that make up both, and the normalised gains, each at most 1 and
     * at most (pass mark - 1) / maximum for a pair below the pass mark. A post-test mean of 18.85 of 20 over 26 pairs,
     * pass mark 14, shows that at most 4 fell below it; with these, the audit sees it.
     */
    private static void testPoints(Ledger l, String prefix, EventReport.Knowledge k, KnowledgeTruth t, Ledger.Expr pairs,
            Ledger.Expr reached, Ledger.Expr gainN, Ledger.Expr below) {
        long max = k.testMaxPoints();
        long passMark = k.passMark();
        long cap = Math.max(max, t.highest());
        Ledger.Expr atMax = pairs.copy().minus(gainN);
        Ledger.Expr[] totals = new Ledger.Expr[2];
        for (int phase = 0; phase < 2; phase++) {
            String name = phase == 0 ? "pre" : "post";
            // Post: those reaching the pass mark and the rest; pre: those at the maximum (no gain to make) and the rest.
            Ledger.Expr upper = phase == 0 ? atMax : reached;
            Ledger.Expr lower = phase == 0 ? gainN.copy() : below;
            long threshold = phase == 0 ? max : passMark;
            Ledger.Expr high = l.of(l.variable(prefix + name + "-test points at or above " + threshold, t.high()[phase]));
            Ledger.Expr low = l.of(l.variable(prefix + name + "-test points below " + threshold, t.low()[phase]));
            l.atLeast(high.copy().minus(upper.times(threshold)), 0);
            l.atMost(high.copy().minus(upper.times(cap)), 0);
            l.atMost(low.copy().minus(lower.times(Math.max(0, threshold - 1))), 0);
            Ledger.Expr total = high.copy().plus(low);
            totals[phase] = total;
            // The groups of questions, their points split as the total is: those at or above the threshold score at most the
            // group's points each, those below at most that or the threshold less one, whichever is less; with the rest of
            // the questions they make up each side's total. Split so, the outcomes' published percentages bound the pairs
            // below the pass mark jointly (the attacker's review of session 18: 441 of the 18 points of four outcomes over 26
            // pairs leave room for at most 5 below a pass mark of 14 out of 20).
            Ledger.Expr[] sides = {high, low};
            Ledger.Expr[] counts = {upper, lower};
            Map<Set<String>, Ledger.Expr> group = new HashMap<>();
            for (int side = 0; side < 2; side++) {
                String which = side == 0 ? "at or above " + threshold : "below " + threshold;
                Ledger.Expr parts = new Ledger.Expr();
                for (var g : t.groups().entrySet()) {
                    QuestionGroup q = g.getValue();
                    long each = side == 0 ? q.cap() : Math.min(q.cap(), Math.max(0, threshold - 1));
                    Ledger.Expr v = l.of(l.variable(prefix + name + "-test points " + which + " of questions of " + g.getKey(),
                            q.points()[phase][side]));
                    l.atMost(v.copy().minus(counts[side].times(each)), 0);
                    group.computeIfAbsent(g.getKey(), x -> new Ledger.Expr()).plus(v);
                    parts.plus(v);
                }
                Ledger.Expr rest = l.of(l.variable(prefix + name + "-test points " + which + " of other questions", t.rest()[phase][side]));
                l.atMost(rest.copy().minus(counts[side].times(side == 0 ? t.restCap() : Math.min(t.restCap(), Math.max(0, threshold - 1)))), 0);
                l.equal(parts.copy().plus(rest).minus(sides[side]), 0);
            }
            for (EventReport.OutcomeKnowledge o : k.perOutcome()) {
                Ledger.Expr points = new Ledger.Expr();
                group.forEach((codes, v) -> {
                    if (codes.contains(o.outcome())) {
                        points.plus(v);
                    }
                });
                org.cadre.reporting.disclosure.Mean m = phase == 0 ? o.prePercent() : o.postPercent();
                String id = prefix + EventReports.outcomeMeanId(o.outcome(), name) + "/mean";
                if (m.value().isPresent()) {
                    // The mean of the percentages of the outcome's points: their sum is 100 / its points times the points.
                    double[] band = band(m.n().get(), m.value().get(), t.outcomePoints().getOrDefault(o.outcome(), 0) / 100.0);
                    l.figure(id, points, band[0], band[1], true);
                } else if (m.suppressed()) {
                    l.figure(id, points, 0, 0, false);
                }
            }
        }
        mean(l, prefix + "knowledge/pre/mean", totals[0], k.pre());
        mean(l, prefix + "knowledge/post/mean", totals[1], k.post());

        // The normalised gains of the pairs below the maximum, in hundredths and shifted by (maximum - 1) each so
        // that their sum is a count: a gain lies between -(maximum - 1) and 1, below the pass mark at most
        // (pass mark - 1) / maximum, at or above it at least pass mark - maximum + 1.
        if (max >= 1 && passMark >= 1 && passMark <= max) {
            long scale = GAIN_SCALE;
            int gains = l.variable(prefix + "normalised gains, shifted", t.shiftedGains());
            Ledger.Expr belowWithGain = l.of(l.variable(prefix + "pairs below the pass mark and the maximum", t.belowWithGain()));
            l.atMost(belowWithGain.copy().minus(below), 0);
            l.atMost(belowWithGain.copy().minus(gainN), 0);
            l.atLeast(belowWithGain.copy().minus(below).plus(atMax), 0);
            long ceiling = (long) Math.floor(scale * (max - passMark + 1) / (double) max);
            // sum <= gainN - (1 - (passMark - 1) / max) * belowWithGain, shifted: + scale * (max - 1) * gainN.
            l.atMost(l.of(gains).minus(gainN.times(scale * max)).plus(belowWithGain.times(ceiling)), t.gainCount());
            // sum >= passMark - max + 1 for the rest and -(max - 1) for those below, shifted.
            l.atLeast(l.of(gains).minus(gainN.times(scale * passMark)).plus(belowWithGain.times(scale * passMark)), -t.gainCount());
            org.cadre.reporting.disclosure.Mean g = k.normalisedGain();
            Ledger.Expr sum = l.of(gains).minus(gainN.times(scale * (max - 1)));
            if (g.value().isPresent()) {
                double[] band = band(g.n().get(), g.value().get(), scale);
                l.figure(prefix + "knowledge/normalisedGain/mean", sum, band[0] - t.gainCount(), band[1] + t.gainCount(), true);
            } else if (g.suppressed()) {
                l.figure(prefix + "knowledge/normalisedGain/mean", sum, 0, 0, false);
            }
        }
    }

    /** Normalised gains are counted in hundredths in the ledger. */
    private static final long GAIN_SCALE = 100;

    /**
     * A group of test questions (those of the same delivered outcomes): at most how many points a pair scores on them (their
     * points, or more where a record holds more), and the pairs' points by phase (pre, post) and side (at or above the
     * phase's threshold, below it).
     */
    record QuestionGroup(long cap, long[][] points) {}

    /**
     * What Cadre knows of the tests: pairs, unpaired, pairs reaching the pass mark, pairs whose pre-test was below the
     * maximum; points before and after at or above the threshold (the maximum before, the pass mark after) and below
     * it; points by group of questions and the rest; the highest total; the normalised gains in hundredths,
     * shifted, and how many they are (the rounding's slack); the pairs below both the pass mark and the maximum.
     */
    record KnowledgeTruth(long pairs, long unpaired, long reached, long gainN, long[] high, long[] low, Map<Set<String>, QuestionGroup> groups,
            long[][] rest, long restCap, Map<String, Integer> outcomePoints, long highest, long shiftedGains, long gainCount,
            long belowWithGain) {}

    private static KnowledgeTruth knowledgeTruth(EventRoster roster, List<Enrolment> seated, EventReport.Knowledge k) {
        Set<org.cadre.roster.PersonId> who = new java.util.HashSet<>();
        seated.forEach(e -> who.add(e.person()));
        Map<org.cadre.roster.PersonId, List<org.cadre.roster.TestScore>> pre = new HashMap<>();
        Map<org.cadre.roster.PersonId, List<org.cadre.roster.TestScore>> post = new HashMap<>();
        for (var t : roster.tests()) {
            if (who.contains(t.person())) {
                (t.phase() == org.cadre.roster.TestScore.Phase.PRE ? pre : post).computeIfAbsent(t.person(), x -> new ArrayList<>()).add(t);
            }
        }
        Set<org.cadre.roster.PersonId> tested = new java.util.HashSet<>(pre.keySet());
        tested.addAll(post.keySet());
        int max = roster.curriculum().assessment().testMaxPoints();
        int passMark = roster.curriculum().certification().postTestPassMark();
        // The questions of the outcomes the report shows, grouped by the set of those outcomes each belongs to.
        Set<String> shown = new java.util.HashSet<>();
        k.perOutcome().forEach(o -> shown.add(o.outcome()));
        Map<org.cadre.curriculum.ItemCode, Set<String>> groupOf = new HashMap<>();
        Map<Set<String>, Integer> groupMax = new HashMap<>();
        Map<String, Integer> outcomePoints = new HashMap<>();
        for (var item : roster.curriculum().assessment().items()) {
            if (item.kind() != org.cadre.curriculum.ItemKind.TEST_QUESTION) {
                continue;
            }
            Set<String> codes = new java.util.TreeSet<>();
            item.outcomes().forEach(o -> {
                if (shown.contains(o.value())) {
                    codes.add(o.value());
                    outcomePoints.merge(o.value(), item.maxPoints(), Integer::sum);
                }
            });
            if (!codes.isEmpty()) {
                groupOf.put(item.code(), codes);
                groupMax.merge(codes, item.maxPoints(), Integer::sum);
            }
        }
        Map<Set<String>, long[][]> groupPoints = new java.util.TreeMap<>(java.util.Comparator.comparing(Object::toString));
        Map<Set<String>, Long> groupHighest = new HashMap<>();
        groupMax.keySet().forEach(g -> groupPoints.put(g, new long[2][2]));
        long restHighest = 0;
        long pairs = 0;
        long reached = 0;
        long gainN = 0;
        long[] high = new long[2];
        long[] low = new long[2];
        long[][] rest = new long[2][2];
        long highest = 0;
        BigDecimal gains = BigDecimal.ZERO;
        long belowWithGain = 0;
        for (var p : tested) {
            var a = pre.getOrDefault(p, List.of());
            var b = post.getOrDefault(p, List.of());
            if (a.size() != 1 || b.size() != 1) {
                continue;
            }
            pairs++;
            var scores = List.of(a.get(0), b.get(0));
            int before = a.get(0).total();
            int after = b.get(0).total();
            highest = Math.max(highest, Math.max(before, after));
            reached += after >= passMark ? 1 : 0;
            if (before < max) {
                gainN++;
                gains = gains.add(BigDecimal.valueOf(after - before).divide(BigDecimal.valueOf(max - before), 10, java.math.RoundingMode.HALF_UP));
                belowWithGain += after < passMark ? 1 : 0;
            }
            for (int phase = 0; phase < 2; phase++) {
                int total = scores.get(phase).total();
                boolean atOrAbove = total >= (phase == 0 ? max : passMark);
                int side = atOrAbove ? 0 : 1;
                (atOrAbove ? high : low)[phase] += total;
                long grouped = 0;
                Map<Set<String>, Long> mine = new HashMap<>();
                for (var e : scores.get(phase).points().entrySet()) {
                    Set<String> g = groupOf.get(e.getKey());
                    if (g != null) {
                        groupPoints.get(g)[phase][side] += e.getValue();
                        mine.merge(g, (long) e.getValue(), Long::sum);
                        grouped += e.getValue();
                    }
                }
                mine.forEach((g, points) -> groupHighest.merge(g, points, Math::max));
                rest[phase][side] += total - grouped;
                restHighest = Math.max(restHighest, total - grouped);
            }
        }
        Map<Set<String>, QuestionGroup> groups = new LinkedHashMap<>();
        groupPoints.forEach((g, points) -> groups.put(g, new QuestionGroup(Math.max(groupMax.get(g), groupHighest.getOrDefault(g, 0L)), points)));
        long restCap = Math.max(Math.max(0, max - groupMax.values().stream().mapToLong(Integer::longValue).sum()), restHighest);
        long shifted = gains.multiply(BigDecimal.valueOf(GAIN_SCALE)).setScale(0, java.math.RoundingMode.HALF_UP).longValueExact()
                + GAIN_SCALE * Math.max(0, max - 1) * gainN;
        return new KnowledgeTruth(pairs, tested.size() - pairs, reached, gainN, high, low, groups, rest, restCap, outcomePoints, highest,
                shifted, gainN + 1, belowWithGain);
    }

    /** Scored, passed, the points of those who passed and of the rest, the highest score. */
    private static long[] practiceTruth(EventRoster roster, List<Enrolment> seated) {
        Set<org.cadre.roster.PersonId> who = new java.util.HashSet<>();
        seated.forEach(e -> who.add(e.person()));
        Map<org.cadre.roster.PersonId, org.cadre.roster.PracticeTeaching> best = new HashMap<>();
        for (var p : roster.practice()) {
            if (who.contains(p.person())) {
                best.merge(p.person(), p, (x, y) -> x.total() >= y.total() ? x : y);
            }
        }
        long passed = 0;
        long passedPoints = 0;
        long failedPoints = 0;
        long highest = 0;
        for (var p : best.values()) {
            boolean passes = roster.rubric().map(p::passes).orElse(false);
            passed += passes ? 1 : 0;
            if (passes) {
                passedPoints += p.total();
            } else {
                failedPoints += p.total();
            }
            highest = Math.max(highest, p.total());
        }
        return new long[] {best.size(), passed, passedPoints, failedPoints, highest};
    }

    /**
     * What everyone knows of the reasons a participant is not certified: one below the attendance minimum missed at least
     * (sessions - fewest that meet it + 1) sessions, which the attendance figures bound; every pair below the pass mark
     * is below it and so is at most every unpaired test besides; the post-test is missing for everyone without a test
     * and for at most the unpaired besides; practice teaching is missing for everyone not scored and below the pass
     * mark for those scored who did not pass (when the curriculum requires it).
     */
    private static void certificationLinks(Ledger l, EventRoster roster, List<String> rows, List<Integer> unmet, Ledger.Expr everyone,
            Ledger.Expr attended, int sessions, Ledger.Expr pairs, Ledger.Expr unpaired, Ledger.Expr below, Ledger.Expr scored,
            Ledger.Expr passed) {
        if (org.cadre.roster.Certification.withoutAgenda(roster.event()).isPresent()) {
            return;
        }
        var criteria = roster.curriculum().certification();
        Map<String, Ledger.Expr> reason = new HashMap<>();
        for (int r = 0; r < rows.size(); r++) {
            reason.put(rows.get(r), l.of(unmet.get(r)));
        }
        Ledger.Expr belowMinimum = reason.get(org.cadre.roster.CertificationReason.ATTENDANCE_BELOW_MINIMUM.code());
        if (belowMinimum != null && sessions > 0) {
            BigDecimal minimum = BigDecimal.valueOf(criteria.minAttendanceShare());
            int fewest = 0;
            while (fewest <= sessions && BigDecimal.valueOf(fewest).divide(BigDecimal.valueOf(sessions), 6, java.math.RoundingMode.HALF_UP)
                    .compareTo(minimum) < 0) {
                fewest++;
            }
            l.atMost(belowMinimum.times(sessions - fewest + 1L).plus(attended).minus(everyone.times(sessions)), 0);
        }
        Ledger.Expr belowPass = reason.get(org.cadre.roster.CertificationReason.POST_TEST_BELOW_PASS_MARK.code());
        if (belowPass != null) {
            l.atLeast(belowPass.copy().minus(below), 0);
            l.atMost(belowPass.copy().minus(below).minus(unpaired), 0);
        }
        Ledger.Expr missing = reason.get(org.cadre.roster.CertificationReason.POST_TEST_MISSING.code());
        if (missing != null) {
            l.atLeast(missing.copy().minus(everyone).plus(pairs).plus(unpaired), 0);
            l.atMost(missing.copy().minus(everyone).plus(pairs), 0);
        }
        Ledger.Expr practiceMissing = reason.get(org.cadre.roster.CertificationReason.PRACTICE_TEACHING_MISSING.code());
        Ledger.Expr practiceBelow = reason.get(org.cadre.roster.CertificationReason.PRACTICE_TEACHING_BELOW_PASS_MARK.code());
        if (practiceMissing != null && practiceBelow != null && criteria.practiceTeachingRequired()) {
            if (roster.rubric().isPresent()) {
                l.equal(practiceMissing.copy().minus(everyone).plus(scored), 0);
                l.equal(practiceBelow.copy().minus(scored).plus(passed), 0);
            } else {
                l.equal(practiceMissing.copy().minus(everyone), 0);
            }
        }
    }

    private static long[] unmetTruth(EventRoster roster, List<String> codes) {
        long[] out = new long[codes.size()];
        for (var decision : org.cadre.roster.Certification.evaluate(roster)) {
            for (int i = 0; i < codes.size(); i++) {
                if (!decision.reasons().withCode(codes.get(i)).isEmpty()) {
                    out[i]++;
                }
            }
        }
        return out;
    }

    private static long[] ratingTruth(EventRoster roster, String session) {
        long[] out = new long[5];
        for (var f : roster.feedback()) {
            if (f.trainer().isEmpty() && f.session().value().equals(session)) {
                out[f.rating() - 1]++;
            }
        }
        return out;
    }
}
