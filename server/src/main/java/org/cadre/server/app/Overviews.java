package org.cadre.server.app;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.cadre.finding.Findings;
import org.cadre.finding.Severity;
import org.cadre.roster.Organisation;
import org.cadre.roster.OrganisationId;
import org.cadre.server.app.Outcome.Refusal;
import org.cadre.server.security.Access;
import org.cadre.server.security.Access.Permission;
import org.cadre.server.security.UserAccount;

/**
 * What a person reads at once on a screen, gathered from the use cases in one call: the events of the home
 * page with their open findings, and an event with its agenda, roster, nominating authorities and checks.
 * Each part is as its own use case gives it (the same permission and scope).
 */
public final class Overviews {

    private final Stores stores;
    private final EventRecords events;
    private final Enrolling enrolling;
    private final Directory directory;

    Overviews(Stores stores, EventRecords events, Enrolling enrolling, Directory directory) {
        this.stores = stores;
        this.events = events;
        this.enrolling = enrolling;
        this.directory = directory;
    }

    /**
     * An event on the home page, with how many errors and warnings its checks find; {@code reportsOnly} when the
     * user reads its reports but not its records (a donor viewer).
     */
    public record EventLine(EventRecords.Stored stored, int errors, int warnings, boolean reportsOnly) {}

    /**
     * The user's events, by when they run as of today: coming (soonest first), running, past (latest first); and, for a
     * user who reads reports but no records (a donor viewer, who has no programme pages), the programmes in their scope
     * whose reports they may read, by title.
     */
    public record Home(LocalDate today, List<EventLine> coming, List<EventLine> running, List<EventLine> past,
            List<org.cadre.roster.Programme> programmeReports) {}

    /** The home page's events; a role that reads no records (a donor viewer) gets none. */
    public Outcome<Home> home(UserAccount user) {
        Outcome<List<EventRecords.Stored>> listed = events.list(user);
        LocalDate today = LocalDate.now(stores.clock);
        boolean reportsOnly = false;
        List<EventRecords.Stored> shown;
        if (listed.isDone()) {
            shown = listed.get();
        } else if (listed.refusal().orElseThrow() == Refusal.FORBIDDEN && Access.may(user, Permission.READ_REPORTS)) {
            // A donor viewer reads no records, only the reports of the events in their scope.
            reportsOnly = true;
            Map<org.cadre.roster.EventId, LocalDate> closed = stores.events.closedDays();
            shown = stores.events.all().stream().filter(e -> Access.covers(user, e.value()))
                    .map(e -> new EventRecords.Stored(e, Optional.ofNullable(closed.get(e.value().id())))).toList();
        } else {
            return listed.refusal().orElseThrow() == Refusal.FORBIDDEN
                    ? Outcome.done(new Home(today, List.of(), List.of(), List.of(), List.of())) : listed.refusedAs();
        }
        List<EventLine> coming = new ArrayList<>();
        List<EventLine> running = new ArrayList<>();
        List<EventLine> past = new ArrayList<>();
        for (EventRecords.Stored s : shown) {
            Findings f = Findings.none();
            if (!reportsOnly) {
                Outcome<EventRecords.Checked> checked = events.checks(user, s.event().value().id().value());
                f = checked.isDone() ? checked.get().findings() : Findings.none();
            }
            EventLine line = new EventLine(s, count(f, Severity.ERROR), count(f, Severity.WARNING), reportsOnly);
            var days = s.event().value().courseDays();
            if (days.first().isAfter(today)) {
                coming.add(line);
            } else if (days.last().isBefore(today)) {
                past.add(line);
            } else {
                running.add(line);
            }
        }
        Comparator<EventLine> byStart = Comparator.comparing(l -> l.stored().event().value().courseDays().first());
        coming.sort(byStart);
        running.sort(byStart);
        past.sort(byStart.reversed());
        List<org.cadre.roster.Programme> programmeReports = !reportsOnly ? List.of() : stores.programmes.all().stream()
                .map(org.cadre.server.values.Versioned::value).filter(p -> Access.covers(user, p))
                .sorted(Comparator.comparing(org.cadre.roster.Programme::title)).toList();
        return Outcome.done(new Home(today, coming, running, past, programmeReports));
    }

    private static int count(Findings f, Severity severity) {
        return (int) f.all().stream().filter(x -> x.severity() == severity).count();
    }

    /** An event with what its page shows. */
    public record EventOverview(EventRecords.Stored stored, List<EventRecords.Slot> agenda, Enrolling.Roster roster, Findings checks,
            Map<OrganisationId, String> organisations, LocalDate today) {}

    /** The event, its agenda, roster and checks, and the names of the organisations the user may name, in the order of their ids. */
    public Outcome<EventOverview> event(UserAccount user, String eventId) {
        return events.get(user, eventId).then(stored -> events.agenda(user, eventId).then(agenda -> enrolling.roster(user, eventId)
                .then(roster -> events.checks(user, eventId).map(checked -> new EventOverview(stored, agenda, roster, checked.findings(),
                        directory.organisations().list(user).map(list -> list.stream()
                                .collect(com.google.common.collect.ImmutableSortedMap.toImmutableSortedMap(java.util.Comparator.naturalOrder(),
                                        Organisation::id, Organisation::name, (a, b) -> a))).value()
                                .orElse(com.google.common.collect.ImmutableSortedMap.of()),
                        stores.todayAt(stored.event().value()))))));
    }

    /** The open findings of an event's checks, for a quick look (empty when the user may not read it). */
    public Optional<Findings> findings(UserAccount user, String eventId) {
        return events.checks(user, eventId).value().map(EventRecords.Checked::findings);
    }
}
