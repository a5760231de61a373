package org.cadre.reporting;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cadre.reporting.ProgrammeReports.Inputs;
import org.cadre.reporting.ProgrammeReports.Reach;
import org.cadre.reporting.disclosure.Disclosure;
import org.cadre.reporting.disclosure.Table;
import org.cadre.reporting.disclosure.audit.Ledger;
import org.cadre.roster.Enrolment;
import org.cadre.roster.Event;
import org.cadre.roster.EventId;
import org.cadre.roster.EventRoster;
import org.cadre.roster.Person;
import org.cadre.roster.Role;
import org.cadre.roster.pool.PoolStatus;

/**
 * A programme report as an attacker reads it ({@link Ledger}), with, when given, the same audience's reports
 * of the period's events. The officials are unknown counts by country, sex and own organisation; each event
 * line, pool level, cascade figure and indicator is an unknown or a sum of them, tied by what the attacker
 * knows for certain: an event's participants are among the officials and the officials are the union of
 * the events' participants (per country, sex and organisation: at least each event's, at most their sum),
 * graduates were at their ToT, a cascade's officers at its cascades, the certified-trainer indicator is two
 * levels of the pool, and the ToT certification and test figures are the events' own. Of each event the
 * attacker is further assumed to know exactly how many of those holding a seat were not present (zero
 * once an event is over), which only strengthens the audit.
 */
final class ProgrammeReportLedger {

    private static final String SEP = EventReportLedger.SEP;

    private ProgrammeReportLedger() {}

    /** @param eventReports the period's event reports in the order of {@code in.inPeriod()}, or empty */
    static Ledger of(Inputs in, ProgrammeReport report, List<EventReport> eventReports) {
        Ledger l = new Ledger();
        boolean linked = !eventReports.isEmpty();
        // Atoms: officials by country, sex and own organisation, every sex of each country and organisation seen.
        Map<String, Long> truth = new HashMap<>();
        Set<String> seen = new LinkedHashSet<>();
        for (Person p : in.officials().values()) {
            truth.merge(EventReportLedger.personKey(p), 1L, Long::sum);
            seen.add(p.country().code() + SEP + ownOrganisation(p));
        }
        if (linked) {
            for (EventRoster r : in.inPeriod()) {
                for (Enrolment e : r.seatedParticipants()) {
                    Person p = r.people().get(e.person());
                    seen.add(p.country().code() + SEP + ownOrganisation(p));
                }
            }
        }
        Map<String, Integer> atom = new LinkedHashMap<>();
        for (String pair : seen) {
            String[] co = pair.split(SEP, 2);
            for (int s = 0; s < EventReports.SEX_COLUMNS.size(); s++) {
                String key = co[0] + SEP + s + SEP + co[1];
                atom.put(key, l.variable("officials " + key, truth.getOrDefault(key, 0L)));
            }
        }
        Ledger.Expr everyone = new Ledger.Expr();
        atom.values().forEach(everyone::plus);

        // Officials by country and sex; their total is also the officials-trained figure and indicator.
        Table t = report.officialsBySexAndCountry();
        for (int r = 0; r < t.rows().size(); r++) {
            String country = t.rows().get(r);
            Ledger.Expr row = new Ledger.Expr();
            for (int c = 0; c < t.columns().size(); c++) {
                Ledger.Expr cell = new Ledger.Expr();
                for (var a : atom.entrySet()) {
                    String[] k = a.getKey().split(SEP, 3);
                    if (k[0].equals(country) && Integer.parseInt(k[1]) == c) {
                        cell.plus(a.getValue());
                    }
                }
                EventReportLedger.record(l, Disclosure.cellId(t.id(), country, t.columns().get(c)), cell, t.cell(r, c));
                row.plus(cell);
            }
            EventReportLedger.record(l, Disclosure.cellId(t.id(), country, "total"), row, t.rowTotals().get(r));
        }
        for (int c = 0; c < t.columns().size(); c++) {
            Ledger.Expr column = new Ledger.Expr();
            for (var a : atom.entrySet()) {
                if (Integer.parseInt(a.getKey().split(SEP, 3)[1]) == c) {
                    column.plus(a.getValue());
                }
            }
            EventReportLedger.record(l, Disclosure.cellId(t.id(), "total", t.columns().get(c)), column, t.columnTotals().get(c));
        }
        EventReportLedger.record(l, Disclosure.cellId(t.id(), "total", "total"), everyone, t.total());

        // Officials by own organisation (the attacker knows each organisation's country).
        Table orgs = report.officialsByOrganisation();
        Map<String, Ledger.Expr> byName = new HashMap<>();
        for (var a : atom.entrySet()) {
            String[] k = a.getKey().split(SEP, 3);
            String name = k[2].equals("-") ? "not recorded " + k[0] : in.organisationNames().getOrDefault(k[2], k[2]);
            byName.computeIfAbsent(name, x -> new Ledger.Expr()).plus(a.getValue());
        }
        for (int r = 0; r < orgs.rows().size(); r++) {
            EventReportLedger.record(l, Disclosure.cellId(orgs.id(), orgs.rows().get(r), "count"),
                    byName.getOrDefault(orgs.rows().get(r), new Ledger.Expr()), orgs.cell(r, 0));
        }
        EventReportLedger.record(l, Disclosure.cellId(orgs.id(), "total", "count"), everyone, orgs.total());

        // Event lines: participants present at each event of the period.
        Map<EventId, Ledger.Expr> line = new HashMap<>();
        Map<EventId, EventReportLedger.Links> links = new HashMap<>();
        Ledger.Expr allLines = new Ledger.Expr();
        Map<String, Ledger.Expr> presentSum = new HashMap<>();
        Map<String, Long> absentSum = new HashMap<>();
        for (int i = 0; i < in.inPeriod().size(); i++) {
            EventRoster r = in.inPeriod().get(i);
            EventId id = r.event().id();
            long presentTruth = r.enrolmentsAs(Role.PARTICIPANT).stream().filter(e -> e.status().wasPresent()).count();
            int v = l.variable("line " + id.value(), presentTruth);
            line.put(id, l.of(v));
            allLines.plus(v);
            if (linked) {
                l.otherReport(true);
                EventReportLedger.Links link = EventReportLedger.into(l, ProgrammeReports.EVENT_CELLS + id.value() + "/", r, eventReports.get(i));
                l.otherReport(false);
                links.put(id, link);
                Map<String, Long> absent = new HashMap<>();
                for (Enrolment e : r.seatedParticipants()) {
                    if (!e.status().wasPresent()) {
                        absent.merge(EventReportLedger.personKey(r.people().get(e.person())), 1L, Long::sum);
                    }
                }
                Ledger.Expr present = new Ledger.Expr();
                long absentTotal = 0;
                for (var seated : link.seatedByPerson().entrySet()) {
                    long gone = absent.getOrDefault(seated.getKey(), 0L);
                    // The officials of a key are at least this event's present participants of that key.
                    l.atLeast(l.of(atom.get(seated.getKey())).minus(seated.getValue()), -gone);
                    presentSum.computeIfAbsent(seated.getKey(), x -> new Ledger.Expr()).plus(seated.getValue());
                    absentSum.merge(seated.getKey(), gone, Long::sum);
                    present.plus(seated.getValue());
                    absentTotal += gone;
                }
                l.equal(l.of(v).minus(present), -absentTotal);
            } else {
                l.atMost(l.of(v).minus(everyone), 0);
            }
        }
        if (linked) {
            // ... and at most the sum of the events' present participants of that key.
            for (var a : atom.entrySet()) {
                l.atMost(l.of(a.getValue()).minus(presentSum.getOrDefault(a.getKey(), new Ledger.Expr())),
                        -absentSum.getOrDefault(a.getKey(), 0L));
            }
        } else {
            l.atMost(everyone.copy().minus(allLines), 0);
        }
        for (ProgrammeReport.EventLine e : report.events()) {
            EventReportLedger.record(l, "events/" + e.id(), line.get(EventId.of(e.id())), e.participantsPresent());
        }
        // The events' lines less the officials are the attendances of people at more than one event: a count of people too.
        // Lines of 8 and 8 beside 15 officials said that one person was at both (the attacker's second review of session 23).
        if (line.size() > 1) {
            l.cell("officials/present-again", allLines.copy().minus(everyone), null, false);
        }
        // Regions: each the sum of the lines of the events taught there.
        Map<String, Ledger.Expr> regionSum = new HashMap<>();
        for (EventRoster r : in.inPeriod()) {
            for (ProgrammeReports.RegionKey key : ProgrammeReports.regionsOf(r.event()).keySet()) {
                regionSum.computeIfAbsent(key.cellId(), x -> new Ledger.Expr()).plus(line.get(r.event().id()));
            }
        }
        for (ProgrammeReport.RegionLine region : report.regions()) {
            String id = new ProgrammeReports.RegionKey(region.country(), region.region().orElse(null)).cellId();
            EventReportLedger.record(l, id, regionSum.get(id), region.participantsPresent());
        }

        // The pool on the period's last day: people per level, the active and the inactive among them.
        Table atLevel = report.pool().atLevel();
        Ledger.Expr pool = new Ledger.Expr();
        Map<String, Integer> level = new HashMap<>();
        for (int r = 0; r < atLevel.rows().size(); r++) {
            int v = l.variable("pool " + atLevel.rows().get(r), in.funnel().atLevel()[r]);
            level.put(atLevel.rows().get(r), v);
            pool.plus(v);
            EventReportLedger.record(l, Disclosure.cellId(atLevel.id(), atLevel.rows().get(r), "count"), l.of(v), atLevel.cell(r, 0));
        }
        EventReportLedger.record(l, Disclosure.cellId(atLevel.id(), "total", "count"), pool, atLevel.total());
        // People at a level or above: a figure of its own unless the published cells give it (then it adds nothing).
        for (int r = 0; r < atLevel.rows().size(); r++) {
            boolean above = atLevel.cells().subList(r, atLevel.rows().size()).stream().allMatch(c -> c.get(0).isPublished());
            boolean below = atLevel.total().isPublished()
                    && atLevel.cells().subList(0, r).stream().allMatch(c -> c.get(0).isPublished());
            if (!above && !below) {
                Ledger.Expr reached = new Ledger.Expr();
                for (int s = r; s < atLevel.rows().size(); s++) {
                    reached.plus(level.get(atLevel.rows().get(s)));
                }
                EventReportLedger.record(l, ProgrammeReports.reachedId(atLevel.rows().get(r)), reached, report.pool().reached().get(r));
            }
        }
        int active = l.variable("pool active", in.funnel().active());
        int inactive = l.variable("pool inactive", in.funnel().inactive());
        l.atMost(l.of(active).plus(inactive).minus(pool), 0);
        EventReportLedger.record(l, "pool/active", l.of(active), report.pool().active());
        EventReportLedger.record(l, "pool/inactive", l.of(inactive), report.pool().inactive());

        // Cascades: a ToT's graduates were present at it; its cascades' officers were present at them.
        Map<String, Ledger.Expr> officersOf = new HashMap<>();
        Set<EventId> inPeriod = new java.util.HashSet<>(line.keySet());
        for (int i = 0; i < in.reaches().size(); i++) {
            Reach reach = in.reaches().get(i);
            ProgrammeReport.CascadeLine shown = report.cascades().get(i);
            String at = "cascades/" + reach.reach().tot().value();
            int graduates = l.variable("graduates " + reach.reach().tot().value(), reach.reach().graduates().size());
            if (line.containsKey(reach.reach().tot())) { // a ToT of an earlier period has no line here
                l.atMost(l.of(graduates).minus(line.get(reach.reach().tot())), 0);
            }
            EventReportLedger.record(l, at + "/graduates", l.of(graduates), shown.graduates());
            int officers = l.variable("officers " + reach.reach().tot().value(), reach.reach().officersTrained().size());
            Ledger.Expr cascadeLines = new Ledger.Expr();
            boolean allInPeriod = true;
            for (EventId c : reach.reach().cascades()) {
                if (inPeriod.contains(c)) {
                    l.atLeast(l.of(officers).minus(line.get(c)), 0);
                    cascadeLines.plus(line.get(c));
                } else {
                    allInPeriod = false;
                }
            }
            if (allInPeriod) {
                l.atMost(l.of(officers).minus(cascadeLines), 0);
                l.atMost(l.of(officers).minus(everyone), 0);
            }
            officersOf.put(reach.reach().tot().value(), l.of(officers));
            EventReportLedger.record(l, at + "/officers", l.of(officers), shown.officersTrained());
        }
        // Every official was present at an event of the period, and a cascade's participants are among its ToT's officers:
        // the officials are at most the lines of the other events and those officers. A period of only one ToT's cascades
        // has its officers for officials: 20 officers beside one country's 16 published gave the other country's 4 (the
        // attacker's review of session 23).
        Set<EventId> covered = new java.util.HashSet<>();
        Ledger.Expr bound = new Ledger.Expr();
        for (Reach reach : in.reaches()) {
            boolean any = false;
            for (EventId c : reach.reach().cascades()) {
                if (inPeriod.contains(c)) {
                    covered.add(c);
                    any = true;
                }
            }
            if (any) {
                bound.plus(officersOf.get(reach.reach().tot().value()));
            }
        }
        line.forEach((id, expr) -> {
            if (!covered.contains(id)) {
                bound.plus(expr);
            }
        });
        l.atMost(everyone.copy().minus(bound), 0);

        // Indicators that are not cells of the tables above.
        for (int i = 0; i < in.indicators().size(); i++) {
            ProgrammeReports.IndicatorFigures f = in.indicators().get(i);
            ProgrammeReport.IndicatorResult shown = report.indicators().get(i);
            String id = "indicators/" + f.indicator().id();
            if (f.indicator().isCustom()) {
                continue; // entered by staff and published as entered: no figure computed from the people here
            }
            switch (f.indicator().metric().get()) {
                case OFFICIALS_TRAINED, WOMEN_SHARE -> {
                    // The officials table's own cells.
                }
                case TOT_CERTIFICATION_RATE, POST_TEST_PASS_RATE -> {
                    int num = l.variable(id + " numerator", f.numerator());
                    int den = l.variable(id + " denominator", f.denominator());
                    l.atMost(l.of(num).minus(l.of(den)), 0);
                    boolean certification = f.indicator().metric().get() == ResultsFramework.Metric.TOT_CERTIFICATION_RATE;
                    Ledger.Expr seatedOrPairs = new Ledger.Expr();
                    Ledger.Expr certifiedOrReached = new Ledger.Expr();
                    Ledger.Expr totLines = new Ledger.Expr();
                    for (EventRoster r : in.inPeriod()) {
                        if (certification && (r.event().kind() != Event.Kind.TOT
                                || org.cadre.roster.Certification.withoutAgenda(r.event()).isPresent())) {
                            continue; // a ToT without an agenda decides for nobody (Certification.evaluate)
                        }
                        totLines.plus(line.get(r.event().id()));
                        EventReportLedger.Links link = links.get(r.event().id());
                        if (link != null) {
                            seatedOrPairs.plus(certification ? link.seated() : link.pairs());
                            certifiedOrReached.plus(certification ? link.certified() : link.reachedPassMark());
                        }
                    }
                    if (linked) {
                        l.equal(l.of(den).minus(seatedOrPairs), 0);
                        l.equal(l.of(num).minus(certifiedOrReached), 0);
                    } else if (certification) {
                        l.atLeast(l.of(den).minus(totLines), 0); // a ToT's seats hold at least those present
                    }
                    EventReportLedger.share(l, id, l.of(num), l.of(den), shown.actual().orElseThrow());
                }
                case CERTIFIED_TRAINERS -> {
                    // Those whose certificate is valid on the last day: some of the people at certified-trainer or lead level.
                    int valid = l.variable(id, f.numerator());
                    l.atMost(l.of(valid).plus(level.get(PoolStatus.CERTIFIED_TRAINER.label()), -1)
                            .plus(level.get(PoolStatus.LEAD_TRAINER.label()), -1), 0);
                    EventReportLedger.record(l, id, l.of(valid), shown.count().orElseThrow());
                }
                case CASCADE_OFFICERS -> {
                    int all = l.variable(id, f.numerator());
                    Ledger.Expr sum = new Ledger.Expr();
                    for (Ledger.Expr o : officersOf.values()) {
                        l.atLeast(l.of(all).minus(o), 0);
                        sum.plus(o);
                    }
                    l.atMost(l.of(all).minus(sum), 0);
                    EventReportLedger.record(l, id, l.of(all), shown.count().orElseThrow());
                }
                default -> throw new AssertionError(f.indicator().metric().get());
            }
        }
        return l;
    }

    private static String ownOrganisation(Person p) {
        return p.organisation().map(o -> o.value()).orElse("-");
    }
}
