package org.cadre.server.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.cadre.reporting.disclosure.Audience;
import org.cadre.reporting.render.CsvRenderer;
import org.cadre.reporting.render.HtmlRenderer;
import org.cadre.reporting.render.IatiRenderer;
import org.cadre.reporting.render.JsonRenderer;
import org.cadre.server.app.Reports;
import org.cadre.server.security.UserAccount;

/**
 * Event and programme reports for an audience (internal, donor, public), through {@link Reports}, rendered
 * as JSON, CSV with its HXL row, HTML, or for programmes IATI XML; a programme's indicators are its stored
 * results framework. Every figure passes disclosure control for the audience; donor viewers cannot ask for
 * the internal one.
 */
final class ReportRoutes {

    private final Api api;
    private final Reports reports;

    ReportRoutes(Api api, Reports reports) {
        this.api = api;
        this.reports = reports;
    }

    void register(RoutesConfig r) {
        r.get("/api/v1/events/{id}/report", this::eventReport);
        r.get("/api/v1/programmes/{id}/report", this::programmeReport);
    }

    private static Locale language(Context ctx) {
        String lang = Optional.ofNullable(ctx.queryParam("lang")).orElse("en");
        if (!List.of("en", "ru").contains(lang)) {
            throw ApiProblem.invalid("Reports are written in English or Russian.", List.of("lang: must be en or ru"));
        }
        return Locale.forLanguageTag(lang);
    }

    private void eventReport(Context ctx) {
        UserAccount user = api.user(ctx);
        Audience audience = Api.value(reports.audience(user, Optional.ofNullable(ctx.queryParam("audience"))), ctx);
        String format = format(ctx, List.of("json", "csv", "html"));
        Locale lang = language(ctx);
        Reports.EventReportOf of = Api.value(reports.event(user, ctx.pathParam("id"), audience), ctx);
        switch (format) {
            case "csv" -> ctx.contentType("text/csv; charset=utf-8").result(CsvRenderer.reach(of.report(), of.implementer()));
            case "html" -> ctx.contentType("text/html; charset=utf-8").result(HtmlRenderer.event(of.report(), lang));
            default -> ctx.contentType("application/json").result(JsonRenderer.render(of.report()));
        }
    }

    /**
     * The programme's report for events that began from {@code from} to {@code to}; an end not given is
     * the programme period's, else its events' first or last course day.
     */
    private void programmeReport(Context ctx) {
        UserAccount user = api.user(ctx);
        Audience audience = Api.value(reports.audience(user, Optional.ofNullable(ctx.queryParam("audience"))), ctx);
        String format = format(ctx, List.of("json", "csv", "html", "iati"));
        Locale lang = language(ctx);
        Optional<LocalDate> from = Optional.ofNullable(ctx.queryParam("from")).map(d -> Api.date("from", d));
        Optional<LocalDate> to = Optional.ofNullable(ctx.queryParam("to")).map(d -> Api.date("to", d));
        Reports.ProgrammeReportOf of = Api.value(reports.programme(user, ctx.pathParam("id"), audience, from, to), ctx);
        switch (format) {
            case "csv" -> ctx.contentType("text/csv; charset=utf-8").result(CsvRenderer.programme(of.report(), of.implementer()));
            case "iati" -> ctx.contentType("application/xml; charset=utf-8")
                    .result(IatiRenderer.activities(of.report(), of.publisher(), of.generatedOn()));
            case "html" -> ctx.contentType("text/html; charset=utf-8").result(HtmlRenderer.programme(of.report(), lang));
            default -> ctx.contentType("application/json").result(JsonRenderer.render(of.report()));
        }
    }

    /**
     * The format from the {@code format} parameter or else the Accept header: a {@code format} that is none of {@code offered}
     * is a 400 naming the parameter, as any other parameter's value that is none (it was a 406 without errors, the newcomer's
     * review of session 13); an Accept header none of them fits is a 406.
     */
    private static String format(Context ctx, List<String> offered) {
        String format = ctx.queryParam("format");
        if (format != null && !offered.contains(format)) {
            throw ApiProblem.invalid("This report comes as " + String.join(", ", offered) + ".",
                    List.of("format: must be one of " + String.join(", ", offered)));
        }
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
