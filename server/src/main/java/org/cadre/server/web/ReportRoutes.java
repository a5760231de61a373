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
import org.cadre.server.app.Outcome;
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

    /** The report's language from {@code lang}: English unless asked. */
    private static Outcome<Locale> language(Context ctx) {
        String lang = Optional.ofNullable(ctx.queryParam("lang")).orElse("en");
        return List.of("en", "ru").contains(lang) ? Outcome.done(Locale.forLanguageTag(lang))
                : Outcome.refused(Outcome.Refusal.INVALID, "Reports are written in English or Russian.", List.of("lang: must be en or ru"));
    }

    private void eventReport(Context ctx) {
        UserAccount user = api.user(ctx);
        List<String> offered = List.of("json", "csv", "html");
        Outcome<Audience> audience = reports.audience(user, Optional.ofNullable(ctx.queryParam("audience")));
        Outcome<Optional<String>> asked = format(ctx, offered);
        Outcome<Locale> lang = language(ctx);
        Api.value(Outcome.together(List.of(audience, asked, lang)), ctx);
        String format = negotiated(ctx, asked.get(), offered);
        Reports.EventReportOf of = Api.value(reports.event(user, ctx.pathParam("id"), audience.get()), ctx);
        switch (format) {
            case "csv" -> ctx.contentType("text/csv; charset=utf-8").result(CsvRenderer.reach(of.report(), of.implementer()));
            case "html" -> ctx.contentType("text/html; charset=utf-8").result(HtmlRenderer.event(of.report(), lang.get()));
            default -> ctx.contentType("application/json").result(JsonRenderer.render(of.report()));
        }
    }

    /**
     * The programme's report for events that began from {@code from} to {@code to}; an end not given is
     * the programme period's, else its events' first or last course day.
     */
    private void programmeReport(Context ctx) {
        UserAccount user = api.user(ctx);
        List<String> offered = List.of("json", "csv", "html", "iati");
        Outcome<Audience> audience = reports.programmeAudience(user, ctx.pathParam("id"), Optional.ofNullable(ctx.queryParam("audience")));
        Outcome<Optional<String>> asked = format(ctx, offered);
        Outcome<Locale> lang = language(ctx);
        Outcome<Optional<LocalDate>> from = QueryStrings.day("from", ctx.queryParam("from"), false);
        Outcome<Optional<LocalDate>> to = QueryStrings.day("to", ctx.queryParam("to"), false);
        Api.value(Outcome.together(List.of(audience, asked, lang, from, to)), ctx);
        String format = negotiated(ctx, asked.get(), offered);
        Reports.ProgrammeReportOf of = Api.value(reports.programme(user, ctx.pathParam("id"), audience.get(), from.get(), to.get()), ctx);
        switch (format) {
            case "csv" -> ctx.contentType("text/csv; charset=utf-8").result(CsvRenderer.programme(of.report(), of.implementer()));
            case "iati" -> ctx.contentType("application/xml; charset=utf-8")
                    .result(IatiRenderer.activities(of.report(), of.publisher(), of.implementer(), of.generatedAt()));
            case "html" -> ctx.contentType("text/html; charset=utf-8").result(HtmlRenderer.programme(of.report(), lang.get()));
            default -> ctx.contentType("application/json").result(JsonRenderer.render(of.report()));
        }
    }

    /**
     * The format the {@code format} parameter asks for, if it does: one that is none of {@code offered} is refused naming the
     * parameter, as any other parameter's value that is none (it was a 406 without errors, the newcomer's review of session 13).
     */
    private static Outcome<Optional<String>> format(Context ctx, List<String> offered) {
        String format = ctx.queryParam("format");
        return format == null || offered.contains(format) ? Outcome.done(Optional.ofNullable(format))
                : Outcome.refused(Outcome.Refusal.INVALID, "This report comes as " + String.join(", ", offered) + ".",
                        List.of("format: must be one of " + String.join(", ", offered)));
    }

    /** The format asked for, else the one the Accept header prefers among {@code offered}; a 406 when it fits none. */
    private static String negotiated(Context ctx, Optional<String> asked, List<String> offered) {
        return asked.or(() -> negotiated(Optional.ofNullable(ctx.header("Accept")).filter(a -> !a.isBlank()).orElse("*/*"), offered))
                .orElseThrow(() -> new ApiProblem(Problem.of("not-acceptable", "Not acceptable", 406,
                        "This report comes as " + String.join(", ", offered) + ".")));
    }

    /** The media type each format is sent as. */
    private static final java.util.Map<String, String> MEDIA_TYPES = java.util.Map.of("json", "application/json", "csv", "text/csv",
            "html", "text/html", "iati", "application/xml");

    /**
     * The format an Accept header prefers among {@code offered}: each format takes the quality ({@code q}, 1 unless given)
     * of the most specific media range it matches ({@code text/csv}, then {@code text/*}, then {@code *}{@code /*}); the
     * highest above 0 wins, on a tie the range listed first, then the first offered. Before, the header was searched for
     * each type in a fixed order, so {@code text/csv;q=0} gave CSV (the attacker's re-check of session 13).
     */
    static Optional<String> negotiated(String accept, List<String> offered) {
        String best = null;
        double bestQuality = 0;
        int bestAt = Integer.MAX_VALUE;
        String[] ranges = accept.split(",", -1);
        for (String format : offered) {
            String type = MEDIA_TYPES.get(format);
            String anySubtype = type.substring(0, type.indexOf('/')) + "/*";
            int specificity = -1;
            double quality = 0;
            int at = -1;
            for (int i = 0; i < ranges.length; i++) {
                String[] parts = ranges[i].split(";", -1);
                String range = parts[0].strip().toLowerCase(java.util.Locale.ROOT);
                int fits = range.equals(type) ? 2 : range.equals(anySubtype) ? 1 : range.equals("*/*") ? 0 : -1;
                if (fits > specificity) {
                    specificity = fits;
                    quality = quality(parts);
                    at = i;
                }
            }
            if (quality > 0 && (quality > bestQuality || quality == bestQuality && at < bestAt)) {
                best = format;
                bestQuality = quality;
                bestAt = at;
            }
        }
        return Optional.ofNullable(best);
    }

    /** A media range's {@code q} parameter: 1 when it has none, 0 when it is not a number from 0 to 1. */
    private static double quality(String[] parameters) {
        for (int i = 1; i < parameters.length; i++) {
            String[] nameValue = parameters[i].split("=", 2);
            if (nameValue.length == 2 && nameValue[0].strip().equalsIgnoreCase("q")) {
                try {
                    double q = Double.parseDouble(nameValue[1].strip());
                    return q >= 0 && q <= 1 ? q : 0;
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 1;
    }
}
