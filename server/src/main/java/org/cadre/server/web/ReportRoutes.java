package org.cadre.server.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.cadre.finding.Result;
import org.cadre.reporting.EventReport;
import org.cadre.reporting.EventReports;
import org.cadre.reporting.ProgrammeReport;
import org.cadre.reporting.ProgrammeReports;
import org.cadre.reporting.disclosure.Audience;
import org.cadre.reporting.render.CsvRenderer;
import org.cadre.reporting.render.HtmlRenderer;
import org.cadre.reporting.render.IatiRenderer;
import org.cadre.reporting.render.JsonRenderer;
import org.cadre.roster.DateRange;
import org.cadre.roster.Event;
import org.cadre.roster.EventRoster;
import org.cadre.roster.Programme;
import org.cadre.roster.ProgrammeId;
import org.cadre.server.security.Access;
import org.cadre.server.security.Access.Permission;
import org.cadre.server.security.UserAccount;
import org.cadre.server.store.Versioned;

/**
 * Event and programme reports for an audience (internal, donor, public), as JSON, CSV with its HXL row,
 * HTML, or for programmes IATI XML; a programme's indicators are its stored results framework. Every figure passes disclosure control for the audience; donor
 * viewers cannot ask for the internal one.
 */
final class ReportRoutes {

    private final Api api;
    private final IatiRenderer.Publisher publisher;

    ReportRoutes(Api api) {
        this.api = api;
        this.publisher = api.settings.publisher();
    }

    void register(RoutesConfig r) {
        r.get("/api/v1/events/{id}/report", this::eventReport);
        r.get("/api/v1/programmes/{id}/report", this::programmeReport);
    }

    private Audience audience(Context ctx, UserAccount user) {
        String text = Optional.ofNullable(ctx.queryParam("audience")).orElse(Access.defaultAudience(user).label());
        Audience audience;
        try {
            audience = Audience.parse(text);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalid("The audience is not one of internal, donor, public.", List.of("audience: must be internal, donor or public"));
        }
        if (!Access.mayRead(user, audience)) {
            throw ApiProblem.forbidden("A donor viewer sees donor or public reports only.");
        }
        return audience;
    }

    private static Locale language(Context ctx) {
        String lang = Optional.ofNullable(ctx.queryParam("lang")).orElse("en");
        if (!List.of("en", "ru").contains(lang)) {
            throw ApiProblem.invalid("Reports are written in English or Russian.", List.of("lang: must be en or ru"));
        }
        return Locale.forLanguageTag(lang);
    }

    private void eventReport(Context ctx) {
        UserAccount user = api.allow(ctx, Permission.READ_REPORTS);
        Audience audience = audience(ctx, user);
        String format = format(ctx, List.of("json", "csv", "html"));
        Locale lang = language(ctx);
        Event event = api.event(ctx, user).value();
        EventRoster roster = api.rosters.load(event.id(), api.curriculumOf(event)).orElseThrow(() -> ApiProblem.notFound("event"));
        EventReport report = EventReports.of(roster, api.settings.disclosure(audience));
        switch (format) {
            case "csv" -> ctx.contentType("text/csv; charset=utf-8").result(CsvRenderer.reach(report, EventReports.implementer(roster)));
            case "html" -> ctx.contentType("text/html; charset=utf-8").result(HtmlRenderer.event(report, lang));
            default -> ctx.contentType("application/json").result(JsonRenderer.render(report));
        }
    }

    /**
     * The programme's report for events that began from {@code from} to {@code to}; an end not given is
     * the programme period's, else its events' first or last course day ({@link ProgrammeReports#period}).
     * The indicators are the programme's stored results framework (none when it has none).
     */
    private void programmeReport(Context ctx) {
        UserAccount user = api.allow(ctx, Permission.READ_REPORTS);
        Audience audience = audience(ctx, user);
        String format = format(ctx, List.of("json", "csv", "html", "iati"));
        Locale lang = language(ctx);
        Optional<LocalDate> from = Optional.ofNullable(ctx.queryParam("from")).map(d -> Api.date("from", d));
        Optional<LocalDate> to = Optional.ofNullable(ctx.queryParam("to")).map(d -> Api.date("to", d));
        if (from.isPresent() && to.isPresent() && to.get().isBefore(from.get())) {
            throw ApiProblem.invalid("The period is empty.", List.of("to: must not be before from"));
        }
        Programme programme = Api.id(ctx.pathParam("id"), ProgrammeId::of).flatMap(api.programmes::get).map(Versioned::value)
                .filter(p -> Access.covers(user, p)).orElseThrow(() -> ApiProblem.notFound("programme"));
        List<Event> events = new ArrayList<>();
        List<EventRoster> rosters = new ArrayList<>();
        for (Versioned<Event> e : api.events.all()) {
            if (e.value().programme().equals(programme.id())) {
                events.add(e.value());
                api.curricula.get(e.value().curriculum(), e.value().version())
                        .flatMap(c -> api.rosters.load(e.value().id(), c)).ifPresent(rosters::add);
            }
        }
        Result<DateRange> period = ProgrammeReports.period(from, to, programme, events);
        if (!period.isOk()) {
            throw ApiProblem.refused("The report's period cannot be settled; name it with from and to.", period.refusal());
        }
        // Internal reports name only the people in the reader's scope; others are numbered.
        ProgrammeReport report = ProgrammeReports.of(programme, rosters, api.trainers.pool(), api.frameworks.get(programme.id()).value(),
                period.value().first(), period.value().last(), api.settings.disclosure(audience), api.peopleInScope(user));
        switch (format) {
            case "csv" -> ctx.contentType("text/csv; charset=utf-8").result(CsvRenderer.programme(report, ProgrammeReports.implementer(rosters)));
            case "iati" -> ctx.contentType("application/xml; charset=utf-8")
                    .result(IatiRenderer.activities(report, publisher, LocalDate.now(api.clock)));
            case "html" -> ctx.contentType("text/html; charset=utf-8").result(HtmlRenderer.programme(report, lang));
            default -> ctx.contentType("application/json").result(JsonRenderer.render(report));
        }
    }

    /** The format from the {@code format} parameter or else the Accept header; 406 when none of {@code offered} fits. */
    private static String format(Context ctx, List<String> offered) {
        String format = ctx.queryParam("format");
        if (format == null) {
            String accept = Optional.ofNullable(ctx.header("Accept")).orElse("*/*");
            if (accept.contains("text/csv")) {
                format = "csv";
            } else if (accept.contains("text/html")) {
                format = "html";
            } else if (accept.contains("application/xml")) {
                format = "iati";
            } else if (accept.contains("application/json") || accept.contains("*/*")) {
                format = "json";
            }
        }
        if (format == null || !offered.contains(format)) {
            throw new ApiProblem(Problem.of("not-acceptable", "Not acceptable", 406, "This report comes as " + String.join(", ", offered) + "."));
        }
        return format;
    }
}
