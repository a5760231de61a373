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
        long[] tested = knowledgeTruth(roster, seated);
        int pairsVar = l.variable(prefix + "pairs", tested[0]);
        int unpairedVar = l.variable(prefix + "unpaired", tested[1]);
        Ledger.Expr pairsExpr = l.of(pairsVar);
        l.atMost(pairsExpr.copy().plus(unpairedVar).minus(everyone), 0);
        record(l, prefix + "knowledge/pairs", pairsExpr, k.pairs());
        record(l, prefix + "knowledge/unpaired", l.of(unpairedVar), k.unpairedExcluded());
        int reached = l.variable(prefix + "reached pass mark", tested[2]);
        l.atMost(l.of(reached).minus(pairsExpr), 0);
        share(l, prefix + "knowledge/reachedPassMark", l.of(reached), pairsExpr, k.reachedPassMark());
        int gain = l.variable(prefix + "gain n", tested[3]);
        l.atMost(l.of(gain).minus(pairsExpr), 0);
        record(l, prefix + "knowledge/normalisedGain/n", l.of(gain), k.normalisedGain().n());

        // Practice teaching: those scored among the participants, those who passed among them.
        EventReport.Practice p = report.practice();
        long[] practiceTruth = practiceTruth(roster, seated);
        int scored = l.variable(prefix + "scored", practiceTruth[0]);
        l.atMost(l.of(scored).minus(everyone), 0);
        record(l, prefix + "practice/scored", l.of(scored), p.scored());
        record(l, prefix + "practice/total/n", l.of(scored), p.total().n());
        int passed = l.variable(prefix + "passed practice", practiceTruth[1]);
        l.atMost(l.of(passed).minus(l.of(scored)), 0);
        share(l, prefix + "practice/passed", l.of(passed), l.of(scored), p.passed());

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
        for (int r = 0; r < unmet.rows().size(); r++) {
            int v = l.variable(prefix + "unmet " + unmet.rows().get(r), unmetTruth[r]);
            l.atMost(l.of(v).minus(notCertified), 0);
            missed.plus(v);
            record(l, prefix + Disclosure.cellId(unmet.id(), unmet.rows().get(r), "count"), l.of(v), unmet.cell(r, 0));
        }
        record(l, prefix + Disclosure.cellId(unmet.id(), "total", "count"), missed, unmet.total());
        l.atLeast(missed.copy().minus(notCertified), 0);

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
            if (f.rating().value().isPresent() && f.rating().n().isPublished()) {
                mean(l, points, f.rating().n().get(), f.rating().value().get());
            }
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
    }

    /** A mean to two decimals, half up, over {@code n} published values: their sum lies within half a cent of n times it. */
    static void mean(Ledger l, Ledger.Expr sum, long n, BigDecimal value) {
        double m = value.doubleValue();
        l.between(sum, n * (m - 0.005) - 1e-9, n * (m + 0.005) + 1e-9);
    }

    private static String organisationName(EventRoster roster, Enrolment e) {
        return e.nominatedBy().map(roster.organisations()::get).map(o -> o.name()).orElse("not recorded");
    }

    /** Pairs, unpaired, pairs reaching the pass mark, pairs whose pre-test was below the maximum. */
    private static long[] knowledgeTruth(EventRoster roster, List<Enrolment> seated) {
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
        long pairs = 0;
        long reached = 0;
        long gainN = 0;
        for (var p : tested) {
            var a = pre.getOrDefault(p, List.of());
            var b = post.getOrDefault(p, List.of());
            if (a.size() == 1 && b.size() == 1) {
                pairs++;
                reached += b.get(0).total() >= passMark ? 1 : 0;
                gainN += a.get(0).total() < max ? 1 : 0;
            }
        }
        return new long[] {pairs, tested.size() - pairs, reached, gainN};
    }

    private static long[] practiceTruth(EventRoster roster, List<Enrolment> seated) {
        Set<org.cadre.roster.PersonId> who = new java.util.HashSet<>();
        seated.forEach(e -> who.add(e.person()));
        Map<org.cadre.roster.PersonId, org.cadre.roster.PracticeTeaching> best = new HashMap<>();
        for (var p : roster.practice()) {
            if (who.contains(p.person())) {
                best.merge(p.person(), p, (x, y) -> x.total() >= y.total() ? x : y);
            }
        }
        long passed = roster.rubric().map(r -> best.values().stream().filter(p -> p.passes(r)).count()).orElse(0L);
        return new long[] {best.size(), passed};
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
