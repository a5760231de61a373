package org.cadre.server.app;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cadre.finding.Result;
import org.cadre.reporting.EventReport;
import org.cadre.reporting.EventReports;
import org.cadre.reporting.ProgrammeReport;
import org.cadre.reporting.ProgrammeReports;
import org.cadre.reporting.disclosure.Audience;
import org.cadre.reporting.render.IatiRenderer;
import org.cadre.roster.DateRange;
import org.cadre.roster.Event;
import org.cadre.roster.EventId;
import org.cadre.roster.EventRoster;
import org.cadre.roster.Programme;
import org.cadre.roster.ProgrammeId;
import org.cadre.server.app.Outcome.Refusal;
import org.cadre.server.security.Access;
import org.cadre.server.security.Access.Permission;
import org.cadre.server.security.UserAccount;
import org.cadre.server.values.Versioned;

/**
 * Event and programme reports for an audience (internal, donor, public), every figure passed through
 * disclosure control for it; donor viewers read donor and public reports only, and a record outside the
 * user's scope is answered as a missing one. A programme's indicators are its stored results framework. The
 * doors render the reports (JSON, CSV, HTML, IATI); the reports hold nothing the audience may not see.
 */
public final class Reports {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger("cadre.reports");

    private final Stores stores;
    private final Scope scope;
    private final Settings settings;

    Reports(Stores stores, Scope scope, Settings settings) {
        this.stores = stores;
        this.scope = scope;
        this.settings = settings;
    }

    /**
     * The audience of an event's report asked for ({@code internal}, {@code donor} or {@code public}; by default the
     * one the user's role reads), if the user may read reports for it: asked by a door before it reads the rest of the
     * request.
     */
    public Outcome<Audience> audience(UserAccount user, Optional<String> asked) {
        return Scope.permit(user, Permission.READ_REPORTS).then(u -> parse(asked))
                .then(a -> mayRead(user, a.orElse(Access.defaultAudience(user))));
    }

    /**
     * The audience of a programme's report asked for, as {@link #audience(UserAccount, Optional)}, if the user may read
     * the programme's report for it ({@link Access#mayRead(UserAccount, Audience, Programme, java.util.Collection)}); by default the first
     * audience the user may read it for. A programme outside the user's scope is answered as a missing one.
     */
    public Outcome<Audience> programmeAudience(UserAccount user, String programme, Optional<String> asked) {
        return Scope.permit(user, Permission.READ_REPORTS).then(u -> parse(asked))
                .then(a -> mayRead(user, a.orElse(Access.defaultAudience(user))).map(ok -> a))
                .then(a -> programmeInScope(user, programme).then(p -> mayRead(user, a.orElse(Access.defaultAudience(user, p, stores.events.places())), p)));
    }

    private static Outcome<Optional<Audience>> parse(Optional<String> asked) {
        try {
            return Outcome.done(asked.map(Audience::parse));
        } catch (IllegalArgumentException e) {
            return Outcome.refused(Refusal.INVALID, "The audience is not one of internal, donor, public.",
                    List.of("audience: must be internal, donor or public"));
        }
    }

    /** The audiences the user may read event reports for, in the order internal, donor, public (none without the permission). */
    public List<Audience> audiences(UserAccount user) {
        return java.util.Arrays.stream(Audience.values()).filter(a -> Scope.permit(user, Permission.READ_REPORTS).then(u -> mayRead(user, a)).isDone())
                .toList();
    }

    /** The audiences the user may read the programme's report for, in the order internal, donor, public. */
    public List<Audience> audiences(UserAccount user, Programme programme) {
        List<org.cadre.server.security.EventPlace> events = stores.events.places();
        return audiences(user).stream().filter(a -> Access.mayRead(user, a, programme, events)).toList();
    }

    /** An event's report and the organisation that implemented the event (for the CSV's first column). */
    public record EventReportOf(EventReport report, String implementer) {}

    /** The event's report for the audience. */
    public Outcome<EventReportOf> event(UserAccount user, String event, Audience audience) {
        return Scope.permit(user, Permission.READ_REPORTS).then(u -> mayRead(user, audience))
                .then(a -> scope.event(user, event))
                .then(e -> scope.curriculumOf(e.value()).then(c -> stores.rosters.load(e.value().id(), c).map(Outcome::done)
                        .orElseGet(() -> Scope.notFound("event"))))
                .then(roster -> {
                    try {
                        return Outcome.done(new EventReportOf(EventReports.of(roster, settings.disclosure(audience)), EventReports.implementer(roster)));
                    } catch (org.cadre.reporting.disclosure.UnprotectableReportException exposed) {
                        return unprotectable(user, audience, exposed, Access.mayRead(user, Audience.INTERNAL));
                    }
                });
    }

    /**
     * A programme's report, the organisation that implemented its events, and what an IATI file of it names:
     * the publisher and the day it is generated.
     */
    /** A programme's report, with what its IATI file needs: the implementer, the publisher and the moment it was made. */
    public record ProgrammeReportOf(ProgrammeReport report, String implementer, IatiRenderer.Publisher publisher,
            java.time.Instant generatedAt) {}

    /**
     * The programme's report for the audience, for the events that began from {@code from} to {@code to}; an
     * end not given is the programme period's, else its events' first or last course day
     * ({@link ProgrammeReports#period}). Internal reports name only the people in the user's scope; others are
     * numbered. Reports are computed through the settings' {@link ReportGate}: each user's one after another, a few at once
     * in all; a report that gets no turn is refused as {@link Refusal#BUSY}.
     */
    public Outcome<ProgrammeReportOf> programme(UserAccount user, String programme, Audience audience, Optional<LocalDate> from,
            Optional<LocalDate> to) {
        return programmeToReport(user, programme, audience, from, to)
                .then(p -> settings.reportGate().run(user.username(), () -> programmeReport(user, p, audience, from, to)));
    }

    /**
     * As {@link #programmeToReport(UserAccount, String, Audience)}, and the period checked as {@link #programme} checks it:
     * a page refuses a period that is empty itself, not only in its frame.
     */
    public Outcome<Programme> programmeToReport(UserAccount user, String programme, Audience audience, Optional<LocalDate> from,
            Optional<LocalDate> to) {
        return programmeToReport(user, programme, audience)
                .then(p -> Checks.require(from.isEmpty() || to.isEmpty() || !to.get().isBefore(from.get()), Refusal.INVALID,
                        "The period is empty.", List.of("to: must not be before from")).map(ok -> p));
    }

    /**
     * The programme whose report the user may read for the audience, after the same checks as {@link #programme} but
     * without computing the report: for a page that shows the report in a frame, which computes it once.
     */
    public Outcome<Programme> programmeToReport(UserAccount user, String programme, Audience audience) {
        return Scope.permit(user, Permission.READ_REPORTS).then(u -> mayRead(user, audience))
                .then(a -> programmeInScope(user, programme)).then(p -> mayRead(user, audience, p).map(a -> p));
    }

    private Outcome<Programme> programmeInScope(UserAccount user, String programme) {
        return Scope.id(programme, ProgrammeId::of).flatMap(stores.programmes::get).map(Versioned::value)
                .filter(p -> Access.covers(user, p)).map(Outcome::done).orElseGet(() -> Scope.notFound("programme"));
    }

    private Outcome<ProgrammeReportOf> programmeReport(UserAccount user, Programme programme, Audience audience, Optional<LocalDate> from,
            Optional<LocalDate> to) {
        List<Event> events = new ArrayList<>();
        List<EventRoster> rosters = new ArrayList<>();
        for (Versioned<Event> e : stores.events.all()) {
            if (e.value().programme().equals(programme.id())) {
                events.add(e.value());
                stores.curricula.get(e.value().curriculum(), e.value().version())
                        .flatMap(c -> stores.rosters.load(e.value().id(), c)).ifPresent(rosters::add);
            }
        }
        // Judged again on the events read: one added in another country since the request was checked is not read internally.
        Outcome<Audience> readable = mayRead(user, audience, programme, events.stream()
                .map(e -> new org.cadre.server.security.EventPlace(e.id(), e.programme(), e.country())).toList());
        if (!readable.isDone()) {
            return readable.refusedAs();
        }
        Result<DateRange> period = ProgrammeReports.period(from, to, programme, events);
        if (!period.isOk()) {
            return Outcome.refusedBy("The report's period cannot be settled; name it with from and to.", period.refusal());
        }
        ProgrammeReport report;
        try {
            report = ProgrammeReports.of(programme, rosters, stores.trainers.pool(), stores.frameworks.get(programme.id()).value(),
                    period.value().first(), period.value().last(), settings.disclosure(audience), scope.peopleInScope(user));
        } catch (org.cadre.reporting.disclosure.UnprotectableReportException exposed) {
            return unprotectable(user, audience, exposed, Access.mayRead(user, Audience.INTERNAL, programme, stores.events.places()));
        }
        return Outcome.done(new ProgrammeReportOf(report, ProgrammeReports.implementer(rosters, period.value()), settings.publisher(),
                stores.clock.instant()));
    }

    /**
     * A report disclosure control cannot make safe for the audience: refused, not published with a count that
     * could be worked out. The log says which cells (ids and why, never names, values or bounds) for the M&E team to look at. A
     * reader who may read the internal report is told the cells too (ids only), so they can find the event whose
     * records pin them, except cells of an event's own report outside the reader's scope (the attacker's review of
     * session 15: they told a coordinator of another country that a woman and a man were seated there); a donor
     * viewer is told none, since an id says its count is small, and nor is a reader who may not read the programme's
     * internal report.
     *
     * @param readsInternal whether the user may read the same report for the internal audience
     */
    private <T> Outcome<T> unprotectable(UserAccount user, Audience audience,
            org.cadre.reporting.disclosure.UnprotectableReportException exposed, boolean readsInternal) {
        LOG.warn("report refused for audience {}: {}", audience.label(), exposed.getMessage());
        String refused = "This report cannot be published for the " + audience.label() + " audience: with the records as they stand, a "
                + "count below k could be worked out from it, and withholding more does not prevent it. ";
        if (!readsInternal) {
            return Outcome.refused(Refusal.CONFLICT, refused + "The case is logged for the M&E team.");
        }
        Map<EventId, Boolean> visible = new HashMap<>();
        List<String> all = exposed.cells().stream()
                .filter(c -> ProgrammeReports.eventOfCell(c).map(e -> visible.computeIfAbsent(e, x -> scope.event(user, x.value()).isDone()))
                        .orElse(true))
                .map(c -> c + ": could be worked out").toList();
        List<String> cells = new ArrayList<>(all.subList(0, Math.min(all.size(), MOST_CELLS_NAMED)));
        if (all.size() > MOST_CELLS_NAMED) {
            cells.add("and " + (all.size() - MOST_CELLS_NAMED) + " more cells: could be worked out");
        }
        if (cells.isEmpty()) {
            return Outcome.refused(Refusal.CONFLICT, refused + "The internal report can be read; the case is logged for the M&E team.");
        }
        return Outcome.refused(Refusal.CONFLICT, refused + "The internal report can be read. The counts that could be worked out are "
                + "listed (the first " + MOST_CELLS_NAMED + ", then how many more); docs/reporting.md says what commonly causes this, such as participants of an "
                + "event that is over whose statuses were never decided.", cells);
    }

    /** The most cells a refused report names: enough to find the events, not a dump of every table. */
    static final int MOST_CELLS_NAMED = 20;

    /** A donor viewer reads donor and public reports only. */
    private static Outcome<Audience> mayRead(UserAccount user, Audience audience) {
        return Access.mayRead(user, audience) ? Outcome.done(audience)
                : Outcome.refused(Refusal.FORBIDDEN, "The donor-viewer role reads donor and public reports only.",
                        List.of("audience: must be donor or public for the donor-viewer role"));
    }

    /** The internal report of a programme with events outside the user's scope is read only by those whose scope covers them all. */
    private Outcome<Audience> mayRead(UserAccount user, Audience audience, Programme programme) {
        return mayRead(user, audience, programme, stores.events.places());
    }

    private static Outcome<Audience> mayRead(UserAccount user, Audience audience, Programme programme,
            List<org.cadre.server.security.EventPlace> events) {
        return Access.mayRead(user, audience, programme, events) ? Outcome.done(audience)
                : Outcome.refused(Refusal.FORBIDDEN, INTERNAL_PROGRAMME, List.of("audience: must be donor or public for this programme"));
    }

    static final String INTERNAL_PROGRAMME = "The programme has events outside your scope: its internal report, with the exact "
            + "counts of all its events, is read only by someone whose scope covers every one of them (an administrator, someone "
            + "scoped by the programme, or someone scoped by the countries of all its events). Its donor and public reports are yours "
            + "to read, and so are the internal reports of the events in your scope.";
}
