package org.cadre.reporting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.cadre.curriculum.CurriculumId;
import org.cadre.kernel.Require;
import org.cadre.reporting.ProgrammeReport.CascadeLine;
import org.cadre.reporting.ProgrammeReport.EventLine;
import org.cadre.reporting.ProgrammeReport.IndicatorResult;
import org.cadre.reporting.ProgrammeReport.PoolFunnel;
import org.cadre.reporting.ResultsFramework.Indicator;
import org.cadre.reporting.disclosure.Cell;
import org.cadre.reporting.disclosure.Counts;
import org.cadre.reporting.disclosure.Disclosure;
import org.cadre.reporting.disclosure.Share;
import org.cadre.roster.CascadeReach;
import org.cadre.roster.Certification;
import org.cadre.roster.Enrolment;
import org.cadre.roster.Event;
import org.cadre.roster.EventRoster;
import org.cadre.roster.Person;
import org.cadre.roster.PersonId;
import org.cadre.roster.Programme;
import org.cadre.roster.Role;
import org.cadre.roster.Sex;
import org.cadre.roster.TestScore;
import org.cadre.roster.pool.PoolStatus;
import org.cadre.roster.pool.TrainerPool;
import org.cadre.roster.pool.TrainerRecord;

/** Computes a {@link ProgrammeReport}: a pure function of the programme's rosters, pool and period. */
public final class ProgrammeReports {

    /** A trainer is active when their latest delivery is at most this long before the period's end. */
    public static final java.time.Period ACTIVE_WITHIN = java.time.Period.ofMonths(6);

    private ProgrammeReports() {}

    /**
     * @param rosters every event roster of the programme known (events outside the period are used only
     *     to follow the period's ToTs to their cascades)
     */
    public static ProgrammeReport of(Programme programme, Collection<EventRoster> rosters, TrainerPool pool,
            ResultsFramework framework, LocalDate from, LocalDate to, Disclosure d) {
        return of(programme, rosters, pool, framework, from, to, d, p -> true);
    }

    /**
     * As {@link #of(Programme, Collection, TrainerPool, ResultsFramework, LocalDate, LocalDate, Disclosure)},
     * naming in the internal audience only the people {@code nameable} allows (the reader's scope); others
     * are numbered. Donor and public reports list no people at all, named or numbered.
     */
    public static ProgrammeReport of(Programme programme, Collection<EventRoster> rosters, TrainerPool pool,
            ResultsFramework framework, LocalDate from, LocalDate to, Disclosure d, java.util.function.Predicate<Person> nameable) {
        Require.present(programme, "programme");
        Require.present(rosters, "rosters");
        Require.present(pool, "pool");
        Require.present(framework, "framework");
        Require.present(from, "from");
        Require.present(to, "to");
        Require.that(!to.isBefore(from), "to", "must not be before from (" + from + "), was " + to);
        Require.present(d, "disclosure");
        List<EventRoster> ofProgramme = rosters.stream().filter(r -> r.event().programme().equals(programme.id()))
                .sorted(Comparator.comparing((EventRoster r) -> r.event().courseDays().first()).thenComparing(r -> r.event().id()))
                .toList();
        List<EventRoster> inPeriod = ofProgramme.stream()
                .filter(r -> !r.event().courseDays().first().isBefore(from) && !r.event().courseDays().first().isAfter(to))
                .toList();

        Map<PersonId, Person> officials = new LinkedHashMap<>();
        for (EventRoster r : inPeriod) {
            for (Enrolment e : r.enrolmentsAs(Role.PARTICIPANT)) {
                if (e.status().wasPresent() && r.people().containsKey(e.person())) {
                    officials.putIfAbsent(e.person(), r.people().get(e.person()));
                }
            }
        }
        List<EventLine> events = inPeriod.stream().map(r -> eventLine(r, d)).toList();
        Set<CurriculumId> curricula = new HashSet<>();
        ofProgramme.forEach(r -> curricula.add(r.event().curriculum()));
        // Cascades grouped by the ToT they name once, so following every ToT stays linear in events.
        Map<org.cadre.roster.EventId, List<EventRoster>> cascadesOf = new java.util.HashMap<>();
        for (EventRoster r : ofProgramme) {
            r.event().trainersFrom().ifPresent(tot -> cascadesOf.computeIfAbsent(tot, t -> new ArrayList<>()).add(r));
        }
        List<CascadeLine> cascades = new ArrayList<>();
        Set<PersonId> cascadeOfficers = new HashSet<>();
        for (EventRoster r : inPeriod) {
            if (r.event().kind() == Event.Kind.TOT) {
                CascadeReach reach = CascadeReach.of(r, cascadesOf.getOrDefault(r.event().id(), List.of()));
                cascadeOfficers.addAll(reach.officersTrained());
                cascades.add(cascadeLine(reach, r, d, nameable));
            }
        }
        PoolFunnel funnel = funnel(pool, curricula, to, d);
        org.cadre.reporting.disclosure.Table byCountry =
                d.publish(EventReports.byCountryAndSex("officialsBySexAndCountry", List.copyOf(officials.values())));
        List<IndicatorResult> indicators = framework.indicators().stream()
                .map(i -> indicator(i, officials.values(), byCountry, inPeriod, pool, curricula, to, cascadeOfficers, d)).toList();
        Map<String, String> countryOf = new java.util.HashMap<>();
        Map<String, String> names = organisationNames(ofProgramme);
        officials.values().forEach(p -> countryOf.put(organisationName(p, names), p.country().code()));
        return new ProgrammeReport(d.audience().label(), d.k(),
                new ProgrammeReport.Facts(programme.id().value(), programme.title(), programme.donor(),
                        programme.countries().stream().map(c -> c.code()).sorted().toList(), List.copyOf(programme.sdgs())),
                from, to, events, byCountry.total(), byCountry,
                d.publishNested(byOrganisation(officials.values(), names), byCountry, countryOf::get),
                funnel, cascades, indicators, notes(d));
    }

    private static EventLine eventLine(EventRoster r, Disclosure d) {
        Event e = r.event();
        long present = r.enrolmentsAs(Role.PARTICIPANT).stream().filter(x -> x.status().wasPresent()).count();
        return new EventLine(e.id().value(), e.title(), e.kind().name().toLowerCase(java.util.Locale.ROOT), e.city(),
                e.country().code(), e.courseDays().first(), e.courseDays().last(), d.count(present));
    }

    private static Map<String, String> organisationNames(List<EventRoster> rosters) {
        Map<String, String> names = new TreeMap<>();
        rosters.forEach(r -> r.organisations().forEach((id, o) -> names.putIfAbsent(id.value(), o.name())));
        return names;
    }

    /** A person's own organisation by name; an official whose organisation is unknown counts under "not recorded <country>". */
    private static String organisationName(Person p, Map<String, String> names) {
        return p.organisation().map(o -> names.getOrDefault(o.value(), o.value())).orElse("not recorded " + p.country().code());
    }

    private static Counts byOrganisation(Collection<Person> officials, Map<String, String> names) {
        TreeMap<String, Long> rows = new TreeMap<>();
        for (Person p : officials) {
            rows.merge(organisationName(p, names), 1L, Long::sum);
        }
        return Counts.oneWay("officialsByOrganisation", List.copyOf(rows.keySet()),
                rows.values().stream().mapToLong(Long::longValue).toArray());
    }

    private static PoolFunnel funnel(TrainerPool pool, Set<CurriculumId> curricula, LocalDate to, Disclosure d) {
        long[] at = new long[PoolStatus.values().length];
        long active = 0;
        long inactive = 0;
        Set<PersonId> counted = new HashSet<>();
        // One line per person: their highest level over the programme's packages.
        Map<PersonId, TrainerRecord> best = new TreeMap<>();
        for (TrainerRecord r : pool.records()) {
            if (!curricula.contains(r.curriculum())) {
                continue;
            }
            r.asOf(to).ifPresent(then -> best.merge(then.person(), then,
                    (x, y) -> x.status().compareTo(y.status()) >= 0 ? x : y));
        }
        for (TrainerRecord r : best.values()) {
            if (!counted.add(r.person())) {
                continue;
            }
            at[r.status().ordinal()]++;
            boolean delivering = r.isActive() && r.lastDelivery().filter(last -> !last.isBefore(to.minus(ACTIVE_WITHIN))).isPresent();
            if (delivering) {
                active++;
            }
            if (!r.isActive()) {
                inactive++;
            }
        }
        List<String> levels = java.util.Arrays.stream(PoolStatus.values()).map(PoolStatus::label).toList();
        org.cadre.reporting.disclosure.Table atLevel = d.publish(Counts.oneWay("poolAtLevel", levels, at));
        List<Cell> cumulative = new ArrayList<>();
        for (int s = 0; s < levels.size(); s++) {
            cumulative.add(Disclosure.sum(atLevel.cells().subList(s, levels.size()).stream().map(l -> l.get(0)).toList()));
        }
        return new PoolFunnel(atLevel, cumulative, d.count(active), d.count(inactive));
    }

    private static CascadeLine cascadeLine(CascadeReach reach, EventRoster tot, Disclosure d, java.util.function.Predicate<Person> nameable) {
        List<ProgrammeReport.GraduateReach> perGraduate = new ArrayList<>();
        int n = 0;
        // Per graduate only for the internal audience: a numbered list tells donors how many graduates there are, and
        // each graduate's count beside the officers trained gives another's by subtraction.
        for (var e : d.audience().seesPersonalDetail() ? reach.perGraduate().entrySet() : java.util.Set.<java.util.Map.Entry<PersonId, Set<PersonId>>>of()) {
            n++;
            Person graduate = tot.people().get(e.getKey());
            String label = graduate != null && nameable.test(graduate) ? graduate.displayName() : "graduate " + n;
            perGraduate.add(new ProgrammeReport.GraduateReach(label, d.count(e.getValue().size())));
        }
        Cell graduates = d.count(reach.graduates().size());
        Cell officers = d.count(reach.officersTrained().size());
        BigDecimal multiplier = graduates.isPublished() && officers.isPublished() && reach.graduates().size() > 0
                ? BigDecimal.valueOf(reach.officersTrained().size()).divide(BigDecimal.valueOf(reach.graduates().size()), 2, RoundingMode.HALF_UP)
                : null;
        return new CascadeLine(reach.tot().value(), graduates, d.count(reach.cascades().size()), officers, multiplier, perGraduate);
    }

    private static IndicatorResult indicator(Indicator i, Collection<Person> officials,
            org.cadre.reporting.disclosure.Table byCountry, List<EventRoster> inPeriod,
            TrainerPool pool, Set<CurriculumId> curricula, LocalDate to, Set<PersonId> cascadeOfficers, Disclosure d) {
        long numerator;
        long denominator;
        switch (i.metric()) {
            case OFFICIALS_TRAINED -> {
                numerator = officials.size();
                denominator = 0;
            }
            case WOMEN_SHARE -> {
                numerator = officials.stream().filter(p -> p.sex() == Sex.FEMALE).count();
                denominator = officials.size();
            }
            case TOT_CERTIFICATION_RATE -> {
                numerator = 0;
                denominator = 0;
                for (EventRoster r : inPeriod) {
                    if (r.event().kind() == Event.Kind.TOT) {
                        List<Certification.Decision> decisions = Certification.evaluate(r);
                        numerator += decisions.stream().filter(Certification.Decision::certified).count();
                        denominator += decisions.size();
                    }
                }
            }
            case POST_TEST_PASS_RATE -> {
                numerator = 0;
                denominator = 0;
                for (EventRoster r : inPeriod) {
                    int pass = r.curriculum().certification().postTestPassMark();
                    Map<PersonId, int[]> phases = new TreeMap<>();
                    Map<PersonId, Integer> post = new TreeMap<>();
                    for (TestScore t : r.tests()) {
                        phases.computeIfAbsent(t.person(), p -> new int[2])[t.phase().ordinal()]++;
                        if (t.phase() == TestScore.Phase.POST) {
                            post.put(t.person(), t.total());
                        }
                    }
                    for (var e : phases.entrySet()) {
                        if (e.getValue()[0] == 1 && e.getValue()[1] == 1) {
                            denominator++;
                            if (post.get(e.getKey()) >= pass) {
                                numerator++;
                            }
                        }
                    }
                }
            }
            case CERTIFIED_TRAINERS -> {
                numerator = pool.records().stream().filter(r -> curricula.contains(r.curriculum()))
                        .map(r -> r.asOf(to)).flatMap(java.util.Optional::stream)
                        .filter(r -> r.status().isAtLeast(PoolStatus.CERTIFIED_TRAINER))
                        .map(TrainerRecord::person).distinct().count();
                denominator = 0;
            }
            case CASCADE_OFFICERS -> {
                numerator = cascadeOfficers.size();
                denominator = 0;
            }
            default -> throw new AssertionError(i.metric());
        }
        boolean percentage = i.metric().isPercentage();
        Share actual = percentage ? d.share(numerator, denominator) : null;
        Cell count = percentage ? null : d.count(numerator);
        // Figures that also stand in the officials table are taken from it as published, so an indicator
        // never reveals a total the table withholds.
        if (i.metric() == ResultsFramework.Metric.OFFICIALS_TRAINED) {
            count = byCountry.total();
        } else if (i.metric() == ResultsFramework.Metric.WOMEN_SHARE
                && (byCountry.columnTotals().get(0).suppressed() || byCountry.total().suppressed())) {
            actual = new Share(Cell.hidden(), byCountry.total(), null);
        }
        return new IndicatorResult(i.id(), i.title(), percentage ? "percentage" : "count", i.baseline(), i.target(),
                actual, count, i.metric().definition());
    }

    private static List<String> notes(Disclosure d) {
        List<String> notes = new ArrayList<>();
        d.footnote().ifPresent(notes::add);
        notes.add("Each person is counted once in the period, however many events they attended.");
        notes.add("Percentages to one decimal and multipliers to two, rounded half up; every percentage shows its denominator.");
        return notes;
    }

}
