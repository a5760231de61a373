package org.cadre.reporting;

import com.google.common.collect.ImmutableList;
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
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import org.cadre.curriculum.CurriculumId;
import org.cadre.finding.Result;
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
import org.cadre.roster.DateRange;
import org.cadre.roster.Enrolment;
import org.cadre.roster.Event;
import org.cadre.roster.EventId;
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
        return of(programme, rosters, pool, framework, from, to, d, nameable, LARGEST_PROGRAM);
    }

    /** As {@link #of(Programme, Collection, TrainerPool, ResultsFramework, LocalDate, LocalDate, Disclosure, java.util.function.Predicate)}, no program of the audit larger than {@code largestProgram}. */
    static ProgrammeReport of(Programme programme, Collection<EventRoster> rosters, TrainerPool pool, ResultsFramework framework,
            LocalDate from, LocalDate to, Disclosure d, java.util.function.Predicate<Person> nameable, long largestProgram) {
        Require.present(programme, "programme");
        Require.present(rosters, "rosters");
        Require.present(pool, "pool");
        Require.present(framework, "framework");
        Require.present(from, "from");
        Require.present(to, "to");
        Require.that(!to.isBefore(from), "to", "must not be before from (" + from + "), was " + to);
        Require.present(d, "disclosure");
        Inputs in = inputs(programme, rosters, pool, framework, from, to);
        if (d.audience() == org.cadre.reporting.disclosure.Audience.INTERNAL) {
            return build(in, d, nameable);
        }
        // The period's event reports for the same audience are part of what an attacker holds: with few enough
        // events they are audited together with this report (see LINKED_EVENTS).
        boolean linked = in.inPeriod().size() <= LINKED_EVENTS;
        List<EventReport> eventReports = linked
                ? in.inPeriod().stream().map(r -> EventReports.of(r, d.plain())).toList()
                : List.of();
        // The report alone first (small programs settle most of it), then with the events' reports.
        java.util.function.Function<ProgrammeReport, org.cadre.reporting.disclosure.audit.Ledger> alone =
                report -> ProgrammeReportLedger.of(in, report, List.of());
        // A public report withholds whatever the donor report of the same period withholds (Disclosure.over).
        Disclosure over = d.lower().map(lower -> {
            Set<String> withheld = new java.util.LinkedHashSet<>(d.forced());
            withheld.addAll(ProgrammeReportLedger.of(in, of(programme, rosters, pool, framework, from, to, lower, nameable, largestProgram), List.of())
                    .targets().keySet());
            return d.withForced(withheld);
        }).orElse(d);
        List<java.util.function.Function<ProgrammeReport, org.cadre.reporting.disclosure.audit.Ledger>> stages = new ArrayList<>();
        stages.add(alone);
        if (linked && !eventReports.isEmpty()) {
            stages.add(report -> ProgrammeReportLedger.of(in, report, eventReports));
        }
        try {
            return org.cadre.reporting.disclosure.audit.Protection.protect(over, x -> build(in, x, nameable), stages, largestProgram);
        } catch (org.cadre.reporting.disclosure.audit.AuditTooLargeException tooLarge) {
            // Refused, never published less checked: checked against its own figures only, such a report let the independent
            // attacker work withheld counts out from it and its events' reports (session 16).
            throw new org.cadre.reporting.disclosure.UnprotectableReportException("the report is too large to check: "
                    + tooLarge.getMessage(), List.of());
        }
    }

    /**
     * The most entries (unknowns times rows) of any one linear program of a donor or public programme report's audit: its
     * simplex table of doubles, 32 MB, kept well inside the heap a server is given. Programmes as training is run stay far
     * below it (the largest measured, ten events of 20 people from 10 agencies: 1.5 million); one of many small groups
     * across ten events (300 people from 80 agencies each) needed more than 256 MB and ran the heap out (the attacker's
     * review of session 16). Past it the report is refused (409), never published unchecked.
     */
    public static final long LARGEST_PROGRAM = 4_000_000L;

    /**
     * Donor and public programme reports of periods with at most this many events are audited together with
     * the same audience's reports of each of those events; above it, on their own (the report says so), since
     * the joint linear programs grow with every event's tables. See docs/reporting.md.
     */
    public static final int LINKED_EVENTS = 10;

    /** What a programme report is computed from, worked out once, whatever the audience. */
    record Inputs(Programme programme, LocalDate from, LocalDate to, List<EventRoster> ofProgramme, List<EventRoster> inPeriod,
            Map<PersonId, Person> officials, Map<String, String> organisationNames, List<Reach> reaches, Funnel funnel,
            List<IndicatorFigures> indicators) {}

    /** A ToT of the period with its reach. */
    record Reach(EventRoster tot, CascadeReach reach) {}

    /** The pool's people per level (highest over the programme's packages), active and inactive. */
    record Funnel(long[] atLevel, long active, long inactive, long certified) {}

    /** An indicator's numerator and denominator (0 for a count; both 0 for a custom indicator, whose actual is entered). */
    record IndicatorFigures(Indicator indicator, long numerator, long denominator) {}

    /**
     * The period a programme report covers: the days asked for; where one end is not asked for, that end of
     * the programme's period, else of its events' course days (the first event's first day to the last
     * event's last day). Refused, with the reason, when an end is missing and the programme has neither a
     * period nor events, or when the period would end before it begins.
     *
     * @param events the programme's events (others are ignored)
     */
    public static Result<DateRange> period(Optional<LocalDate> from, Optional<LocalDate> to, Programme programme,
            Collection<Event> events) {
        Require.present(from, "from");
        Require.present(to, "to");
        Require.present(programme, "programme");
        Require.present(events, "events");
        String subject = "programme/" + programme.id().value();
        Optional<DateRange> usual = programme.period().or(() -> span(programme, events));
        if ((from.isEmpty() || to.isEmpty()) && usual.isEmpty()) {
            return Result.refused(PeriodRefusal.UNKNOWN.finding(subject, "The programme has no period recorded and no events: "
                    + "name the report's first and last day."));
        }
        LocalDate first = from.orElseGet(() -> usual.get().first());
        LocalDate last = to.orElseGet(() -> usual.get().last());
        if (last.isBefore(first)) {
            String unnamed = from.isPresent() && to.isPresent() ? ""
                    : programme.period().isPresent() ? " (the end not named is the programme period's)"
                    : " (the end not named is its events' first or last course day)";
            return Result.refused(PeriodRefusal.BACKWARDS.finding(subject, "The report would end on " + last
                    + ", before it begins on " + first + unnamed + "."));
        }
        return Result.ok(DateRange.of(first, last));
    }

    /** How the audit's ids of an event report's cells begin, in a programme report's audit: this, the event's id, a slash. */
    static final String EVENT_CELLS = "event ";

    /**
     * The event whose own report a cell id of a programme report's audit belongs to, such as {@code tot-1} for
     * {@code event tot-1/participantsByCountryAndSex/KG/female} ({@link
     * org.cadre.reporting.disclosure.UnprotectableReportException#cells}); empty for a cell of the programme
     * report itself.
     *
     * @param cell a cell id
     * @return the event's id, or empty
     */
    public static Optional<EventId> eventOfCell(String cell) {
        int slash = cell.indexOf('/');
        return cell.startsWith(EVENT_CELLS) && slash > EVENT_CELLS.length()
                ? Optional.of(EventId.of(cell.substring(EVENT_CELLS.length(), slash))) : Optional.empty();
    }

    /**
     * The implementing organisation, as HXL's {@code #org +impl} names it: the international organisation on
     * the rosters (the first by name if there are several), or "not recorded".
     */
    public static String implementer(Collection<EventRoster> rosters) {
        return rosters.stream().map(EventReports::implementer).filter(name -> !name.equals("not recorded")).sorted()
                .findFirst().orElse("not recorded");
    }

    /**
     * As {@link #implementer(Collection)}, of the events a report of the period covers (those that began in it): a
     * report of years in which no implementer's staff were enrolled does not name the implementer of other years.
     *
     * @param rosters the programme's events
     * @param period the report's period
     * @return the implementing organisation's name, or "not recorded"
     */
    public static String implementer(Collection<EventRoster> rosters, DateRange period) {
        return implementer(rosters.stream().filter(r -> began(r, period.first(), period.last())).toList());
    }

    /** Whether the event began from {@code from} to {@code to}: the events a report of that period covers. */
    private static boolean began(EventRoster r, LocalDate from, LocalDate to) {
        return !r.event().courseDays().first().isBefore(from) && !r.event().courseDays().first().isAfter(to);
    }

    /** The first course day of the programme's first event to the last course day of its last. */
    private static Optional<DateRange> span(Programme programme, Collection<Event> events) {
        List<DateRange> days = events.stream().filter(e -> e.programme().equals(programme.id())).map(Event::courseDays).toList();
        if (days.isEmpty()) {
            return Optional.empty();
        }
        LocalDate first = days.stream().map(DateRange::first).min(Comparator.naturalOrder()).orElseThrow();
        LocalDate last = days.stream().map(DateRange::last).max(Comparator.naturalOrder()).orElseThrow();
        return Optional.of(DateRange.of(first, last));
    }

    private static Inputs inputs(Programme programme, Collection<EventRoster> rosters, TrainerPool pool,
            ResultsFramework framework, LocalDate from, LocalDate to) {
        List<EventRoster> ofProgramme = rosters.stream().filter(r -> r.event().programme().equals(programme.id()))
                .sorted(Comparator.comparing((EventRoster r) -> r.event().courseDays().first()).thenComparing(r -> r.event().id()))
                .toList();
        List<EventRoster> inPeriod = ofProgramme.stream().filter(r -> began(r, from, to)).toList();
        Map<PersonId, Person> officials = new LinkedHashMap<>();
        for (EventRoster r : inPeriod) {
            for (Enrolment e : r.enrolmentsAs(Role.PARTICIPANT)) {
                if (e.status().wasPresent() && r.people().containsKey(e.person())) {
                    officials.putIfAbsent(e.person(), r.people().get(e.person()));
                }
            }
        }
        Set<CurriculumId> curricula = new HashSet<>();
        ofProgramme.forEach(r -> curricula.add(r.event().curriculum()));
        // Cascades grouped by the ToT they name once, so following every ToT stays linear in events.
        Map<org.cadre.roster.EventId, List<EventRoster>> cascadesOf = new java.util.HashMap<>();
        for (EventRoster r : ofProgramme) {
            r.event().trainersFrom().ifPresent(tot -> cascadesOf.computeIfAbsent(tot, t -> new ArrayList<>()).add(r));
        }
        // Cascades count in the period they are held in, credited to their ToT whenever it was held: a line for
        // each ToT of the period and for each earlier ToT with cascades in the period.
        Set<org.cadre.roster.EventId> periodIds = new HashSet<>();
        inPeriod.forEach(r -> periodIds.add(r.event().id()));
        List<Reach> reaches = new ArrayList<>();
        Set<PersonId> cascadeOfficers = new HashSet<>();
        for (EventRoster r : ofProgramme) {
            if (r.event().kind() != Event.Kind.TOT) {
                continue;
            }
            List<EventRoster> cascades = cascadesOf.getOrDefault(r.event().id(), List.of()).stream()
                    .filter(c -> periodIds.contains(c.event().id())).toList();
            if (periodIds.contains(r.event().id()) || !cascades.isEmpty()) {
                CascadeReach reach = CascadeReach.of(r, cascades);
                cascadeOfficers.addAll(reach.officersTrained());
                reaches.add(new Reach(r, reach));
            }
        }
        // The programme's own pool: the people who took part in its events, in the packages it delivers.
        Set<PersonId> took = new HashSet<>();
        ofProgramme.forEach(r -> r.enrolments().forEach(e -> took.add(e.person())));
        Funnel funnel = funnel(pool, curricula, took, to);
        List<IndicatorFigures> indicators = framework.indicators().stream()
                .map(i -> indicator(i, officials.values(), inPeriod, funnel, cascadeOfficers)).toList();
        return new Inputs(programme, from, to, ofProgramme, inPeriod, officials, organisationNames(ofProgramme), reaches, funnel,
                indicators);
    }

    private static ProgrammeReport build(Inputs in, Disclosure d, java.util.function.Predicate<Person> nameable) {
        ImmutableList<EventLine> events = in.inPeriod().stream().map(r -> eventLine(r, d)).collect(ImmutableList.toImmutableList());
        ImmutableList<ProgrammeReport.RegionLine> regions = regionLines(in.inPeriod(), d);
        ImmutableList<CascadeLine> cascades = in.reaches().stream().map(r -> cascadeLine(r.reach(), r.tot(), d, nameable))
                .collect(ImmutableList.toImmutableList());
        org.cadre.reporting.disclosure.Table byCountry =
                d.publish(EventReports.byCountryAndSex("officialsBySexAndCountry", List.copyOf(in.officials().values())));
        DateRange period = DateRange.of(in.from(), in.to());
        ImmutableList<IndicatorResult> indicators = in.indicators().stream().map(i -> indicator(i, byCountry, d, period))
                .collect(ImmutableList.toImmutableList());
        Map<String, String> countryOf = new java.util.HashMap<>();
        in.officials().values().forEach(p -> countryOf.put(organisationName(p, in.organisationNames()), p.country().code()));
        Programme programme = in.programme();
        return new ProgrammeReport(d.audience().label(), d.k(),
                new ProgrammeReport.Facts(programme.id().value(), programme.title(), programme.donor(),
                        programme.countries().stream().map(c -> c.code()).sorted().collect(ImmutableList.toImmutableList()),
                        ImmutableList.copyOf(programme.sdgs()), programme.period().map(org.cadre.roster.DateRange::first),
                        programme.period().map(org.cadre.roster.DateRange::last)),
                in.from(), in.to(), events, regions, byCountry.total(), byCountry,
                d.publishNested(byOrganisation(in.officials().values(), in.organisationNames()), byCountry, countryOf::get),
                funnel(in.funnel(), d), cascades, indicators, notes(d, in));
    }

    private static EventLine eventLine(EventRoster r, Disclosure d) {
        Event e = r.event();
        long present = r.enrolmentsAs(Role.PARTICIPANT).stream().filter(x -> x.status().wasPresent()).count();
        // Guests who delivered sessions; a count of people, so for the internal audience only.
        Set<PersonId> onAgenda = new HashSet<>();
        e.agenda().forEach(s -> onAgenda.addAll(s.trainers()));
        OptionalInt guests = d.audience().seesPersonalDetail() ? OptionalInt.of((int) r.seatedTrainers().stream()
                .filter(x -> x.role() == Role.GUEST_TRAINER && onAgenda.contains(x.person())).count()) : OptionalInt.empty();
        return new EventLine(e.id().value(), e.title(), e.kind().name().toLowerCase(java.util.Locale.ROOT), e.city(),
                e.country().code(), e.courseDays().first(), e.courseDays().last(), e.courseDayCount(), EventReports.venues(e),
                guests, d.count("events/" + e.id().value(), present));
    }

    /** A region's key: its country and region name ({@code TJ/Khatlon}; {@code TJ/-} when not recorded). */
    record RegionKey(String country, String region) {
        String cellId() {
            return "regions/" + country + "/" + (region == null ? "-" : region);
        }
    }

    /** The regions an event taught in, each with its number of course days there, in the order first used. */
    static Map<RegionKey, Integer> regionsOf(Event e) {
        Map<RegionKey, Integer> days = new java.util.LinkedHashMap<>();
        e.teachingDays().forEach(d -> days.merge(new RegionKey(d.venue().country().code(), d.venue().region().orElse(null)), 1,
                Integer::sum));
        return days;
    }

    /** Participants present per region taught in, summed over the events held there, sorted by country and region. */
    private static ImmutableList<ProgrammeReport.RegionLine> regionLines(List<EventRoster> inPeriod, Disclosure d) {
        Map<RegionKey, long[]> byRegion = new TreeMap<>(Comparator.comparing(RegionKey::country)
                .thenComparing(RegionKey::region, Comparator.nullsLast(Comparator.naturalOrder())));
        for (EventRoster r : inPeriod) {
            long present = r.enrolmentsAs(Role.PARTICIPANT).stream().filter(x -> x.status().wasPresent()).count();
            regionsOf(r.event()).forEach((key, days) -> {
                long[] sums = byRegion.computeIfAbsent(key, k -> new long[3]);
                sums[0]++;
                sums[1] += days;
                sums[2] += present;
            });
        }
        return byRegion.entrySet().stream().map(x -> new ProgrammeReport.RegionLine(x.getKey().country(), Optional.ofNullable(x.getKey().region()),
                (int) x.getValue()[0], (int) x.getValue()[1], d.count(x.getKey().cellId(), x.getValue()[2])))
                .collect(ImmutableList.toImmutableList());
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

    private static Funnel funnel(TrainerPool pool, Set<CurriculumId> curricula, Set<PersonId> people, LocalDate to) {
        long[] at = new long[PoolStatus.values().length];
        long active = 0;
        long inactive = 0;
        // One line per person: their highest level over the programme's packages.
        Map<PersonId, TrainerRecord> best = new TreeMap<>();
        // Certified on the last day: in service then, with a certificate of one of the programme's packages still valid (a
        // level reached stays, a certificate lapses: the newcomer's review of session 16 found lapsed ones counted).
        Set<PersonId> certified = new java.util.HashSet<>();
        for (TrainerRecord r : pool.records()) {
            if (!curricula.contains(r.curriculum()) || !people.contains(r.person())) {
                continue;
            }
            r.asOf(to).ifPresent(then -> best.merge(then.person(), then,
                    (x, y) -> x.status().compareTo(y.status()) >= 0 ? x : y));
            r.asOf(to).filter(then -> then.isActive() && then.isCertifiedOn(to))
                    .ifPresent(then -> certified.add(then.person()));
        }
        for (TrainerRecord r : best.values()) {
            at[r.status().ordinal()]++;
            if (r.isActiveOn(to)) {
                active++;
            }
            if (!r.isActive()) {
                inactive++;
            }
        }
        return new Funnel(at, active, inactive, certified.size());
    }

    /**
     * People at a level or above: the sum of the published cells at those levels, or the published total less
     * the levels below, when either is whole; otherwise a figure of its own, published when the audit allows.
     */
    private static Cell reached(org.cadre.reporting.disclosure.Table atLevel, Funnel f, int s, Disclosure d) {
        List<Cell> cells = atLevel.cells().stream().map(l -> l.get(0)).toList();
        Cell above = Disclosure.sum(cells.subList(s, cells.size()));
        if (above.isPublished()) {
            return above;
        }
        Cell below = Disclosure.sum(cells.subList(0, s));
        if (atLevel.total().isPublished() && below.isPublished()) {
            return Cell.of(atLevel.total().get() - below.get());
        }
        long value = 0;
        for (int t = s; t < f.atLevel().length; t++) {
            value += f.atLevel()[t];
        }
        return d.count(reachedId(atLevel.rows().get(s)), value);
    }

    static String reachedId(String level) {
        return "pool/reached/" + level;
    }

    private static PoolFunnel funnel(Funnel f, Disclosure d) {
        List<String> levels = java.util.Arrays.stream(PoolStatus.values()).map(PoolStatus::label).toList();
        org.cadre.reporting.disclosure.Table atLevel = d.publish(Counts.oneWay("poolAtLevel", levels, f.atLevel()));
        List<Cell> cumulative = new ArrayList<>();
        for (int s = 0; s < levels.size(); s++) {
            cumulative.add(reached(atLevel, f, s, d));
        }
        return new PoolFunnel(atLevel, ImmutableList.copyOf(cumulative), d.count("pool/active", f.active()), d.count("pool/inactive", f.inactive()));
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
        String at = "cascades/" + reach.tot().value();
        // Graduates are some of the ToT's participants present, which the events' lines publish: the rest (those who did
        // not complete) is a count of people too (the newcomer's review of session 21: 25 beside 26 gave away the one).
        long present = tot.enrolmentsAs(Role.PARTICIPANT).stream().filter(x -> x.status().wasPresent()).count();
        Cell graduates = d.countWithin(at + "/graduates", reach.graduates().size(), present);
        Cell officers = d.count(at + "/officers", reach.officersTrained().size());
        Optional<BigDecimal> multiplier = graduates.isPublished() && officers.isPublished() && reach.graduates().size() > 0
                ? Optional.of(BigDecimal.valueOf(reach.officersTrained().size())
                        .divide(BigDecimal.valueOf(reach.graduates().size()), 2, RoundingMode.HALF_UP))
                : Optional.empty();
        return new CascadeLine(reach.tot().value(), tot.event().title(), graduates, Cell.of(reach.cascades().size()), officers, multiplier,
                ImmutableList.copyOf(perGraduate));
    }

    private static IndicatorFigures indicator(Indicator i, Collection<Person> officials, List<EventRoster> inPeriod, Funnel funnel,
            Set<PersonId> cascadeOfficers) {
        long numerator = 0;
        long denominator = 0;
        if (i.isCustom()) {
            return new IndicatorFigures(i, 0, 0);
        }
        switch (i.metric().get()) {
            case OFFICIALS_TRAINED -> numerator = officials.size();
            case WOMEN_SHARE -> {
                numerator = officials.stream().filter(p -> p.sex() == Sex.FEMALE).count();
                denominator = officials.size();
            }
            case TOT_CERTIFICATION_RATE -> {
                for (EventRoster r : inPeriod) {
                    if (r.event().kind() == Event.Kind.TOT) {
                        List<Certification.Decision> decisions = Certification.evaluate(r);
                        numerator += decisions.stream().filter(Certification.Decision::certified).count();
                        denominator += decisions.size();
                    }
                }
            }
            case POST_TEST_PASS_RATE -> {
                for (EventRoster r : inPeriod) {
                    long[] pairs = pairedTests(r);
                    denominator += pairs[0];
                    numerator += pairs[1];
                }
            }
            case CERTIFIED_TRAINERS -> numerator = funnel.certified();
            case CASCADE_OFFICERS -> numerator = cascadeOfficers.size();
            default -> throw new AssertionError(i.metric().get());
        }
        return new IndicatorFigures(i, numerator, denominator);
    }

    /**
     * Participants holding a seat with exactly one pre-test and one post-test, and those of them whose
     * post-test reached the pass mark: the figures of the event report's knowledge section.
     */
    static long[] pairedTests(EventRoster r) {
        Set<PersonId> seated = new HashSet<>();
        r.seatedParticipants().forEach(e -> seated.add(e.person()));
        int pass = r.curriculum().certification().postTestPassMark();
        Map<PersonId, int[]> phases = new java.util.HashMap<>();
        Map<PersonId, Integer> post = new java.util.HashMap<>();
        for (TestScore t : r.tests()) {
            if (!seated.contains(t.person())) {
                continue;
            }
            phases.computeIfAbsent(t.person(), p -> new int[2])[t.phase().ordinal()]++;
            if (t.phase() == TestScore.Phase.POST) {
                post.put(t.person(), t.total());
            }
        }
        long pairs = 0;
        long reached = 0;
        for (var e : phases.entrySet()) {
            if (e.getValue()[0] == 1 && e.getValue()[1] == 1) {
                pairs++;
                reached += post.get(e.getKey()) >= pass ? 1 : 0;
            }
        }
        return new long[] {pairs, reached};
    }

    private static IndicatorResult indicator(IndicatorFigures f, org.cadre.reporting.disclosure.Table byCountry, Disclosure d,
            DateRange period) {
        Indicator i = f.indicator();
        Optional<ResultsFramework.Target> target = i.targetFor(period);
        Optional<BigDecimal> targetValue = target.map(ResultsFramework.Target::value);
        Optional<ProgrammeReport.Span> targetPeriod = target.flatMap(ResultsFramework.Target::period)
                .map(p -> new ProgrammeReport.Span(p.first(), p.last()));
        String measure = i.measure().label();
        if (i.isCustom()) {
            // Entered by staff for the period and published as entered: not a count of people computed here.
            Optional<ResultsFramework.ReportedActual> entered = i.actualFor(period);
            return new IndicatorResult(i.id(), i.title(), "custom", measure, i.baseline(), targetValue, targetPeriod, Optional.empty(),
                    Optional.empty(), entered.map(ResultsFramework.ReportedActual::value),
                    entered.flatMap(ResultsFramework.ReportedActual::note), Optional.empty());
        }
        ResultsFramework.Metric metric = i.metric().get();
        boolean percentage = metric.isPercentage();
        Optional<Share> actual = percentage ? Optional.of(d.share("indicators/" + i.id(), f.numerator(), f.denominator())) : Optional.empty();
        Optional<Cell> count = percentage ? Optional.empty() : Optional.of(d.count("indicators/" + i.id(), f.numerator()));
        // Figures that also stand in the officials table are the table's cells as published, so an indicator
        // never reveals what the table withholds, nor withholds what it publishes.
        if (metric == ResultsFramework.Metric.OFFICIALS_TRAINED) {
            count = Optional.of(byCountry.total());
        } else if (metric == ResultsFramework.Metric.WOMEN_SHARE) {
            Cell women = byCountry.columnTotals().get(EventReports.sexColumn(Sex.FEMALE));
            Cell all = byCountry.total();
            Optional<BigDecimal> percent = women.isPublished() && all.isPublished() && all.get() > 0
                    ? Optional.of(BigDecimal.valueOf(women.get() * 100L).divide(BigDecimal.valueOf(all.get()), 1, RoundingMode.HALF_UP))
                    : Optional.empty();
            actual = Optional.of(new Share(women, all, percent));
        }
        return new IndicatorResult(i.id(), i.title(), "standard", measure, i.baseline(), targetValue, targetPeriod,
                actual, count, Optional.empty(), Optional.empty(), Optional.of(metric.definition()));
    }

    private static ImmutableList<Note> notes(Disclosure d, Inputs in) {
        List<Note> notes = new ArrayList<>();
        if (d.k() > 1) {
            notes.add(Note.withheld(d.k()));
        }
        if (d.k() > 1 && in.inPeriod().size() > LINKED_EVENTS) {
            notes.add(Note.of(Note.Code.NOT_LINKED, LINKED_EVENTS));
        }
        if (in.indicators().isEmpty()) {
            notes.add(Note.of(Note.Code.NO_FRAMEWORK));
        }
        if (in.indicators().stream().anyMatch(f -> f.indicator().isCustom())) {
            notes.add(Note.of(Note.Code.CUSTOM_ACTUALS));
        }
        notes.add(Note.of(Note.Code.COUNTED_ONCE));
        notes.add(Note.of(Note.Code.PROGRAMME_ROUNDING));
        return ImmutableList.copyOf(notes);
    }

}
