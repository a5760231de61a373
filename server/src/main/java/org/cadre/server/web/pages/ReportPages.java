package org.cadre.server.web.pages;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.cadre.reporting.disclosure.Audience;
import org.cadre.reporting.render.CsvRenderer;
import org.cadre.reporting.render.HtmlRenderer;
import org.cadre.reporting.render.IatiRenderer;
import org.cadre.reporting.render.JsonRenderer;
import org.cadre.roster.EventRoster;
import org.cadre.server.app.EventWork;
import org.cadre.server.app.Outcome;
import org.cadre.server.app.Reports;
import org.cadre.server.security.UserAccount;

/**
 * Certification (who meets the criteria and why not; decide and record) and the reports: an event's or a
 * programme's report for each audience the user may read, shown as the reporting module renders it, and
 * downloaded as JSON, CSV (with its HXL row) or, for programmes, IATI XML.
 */
final class ReportPages {

    /** Asked by a page that shows a report in a frame: the report itself may be framed by Cadre's own pages. */
    static final String FRAMEABLE = "cadre.frameable";

    private final PageKit kit;

    ReportPages(PageKit kit) {
        this.kit = kit;
    }

    void register(RoutesConfig r) {
        r.get("/events/{id}/certification", this::certification);
        r.post("/events/{id}/certification", this::certify);
        r.get("/events/{id}/reports", ctx -> reports(ctx, "events"));
        r.get("/events/{id}/reports/file", ctx -> file(ctx, "events"));
        r.get("/programmes/{id}/reports", ctx -> reports(ctx, "programmes"));
        r.get("/programmes/{id}/reports/file", ctx -> file(ctx, "programmes"));
    }

    private void certification(Context ctx) {
        Optional<UserAccount> user = kit.user(ctx);
        if (user.isEmpty()) {
            return;
        }
        showCertification(ctx, user.get(), PageKit.noticeParam(ctx, "done") != null
                ? Optional.of(PageKit.messages(ctx).get("certification.done")) : Optional.empty(), List.of());
    }

    private void showCertification(Context ctx, UserAccount user, Optional<String> notice, List<String> errors) {
        EventWork.Evaluated evaluated = PageKit.value(kit.app.eventWork().evaluate(user, ctx.pathParam("id")), ctx);
        EventRoster r = evaluated.roster();
        kit.render(ctx, "certification.jte", kit.view(ctx, user, "certification.title", r.event().title()), "r", r,
                "decisions", evaluated.decisions(), "notice", notice.orElse(""), "errors", errors);
    }

    private void certify(Context ctx) {
        Optional<UserAccount> user = kit.user(ctx);
        if (user.isEmpty()) {
            return;
        }
        if (!"yes".equals(ctx.formParam("confirm"))) {
            showCertification(ctx, user.get(), Optional.empty(), List.of("confirm: " + PageKit.messages(ctx).get("certification.unconfirmed")));
            ctx.status(400);
            return;
        }
        Outcome<EventWork.Certified> certified = kit.app.eventWork().certify(user.get(), ctx.pathParam("id"), Optional.empty());
        if (certified.isDone()) {
            ctx.redirect(PageKit.withNotice(ctx, ctx.path() + "?done=1"), HttpStatus.SEE_OTHER);
            return;
        }
        PageKit.unlessShownOnTheForm(certified, ctx);
        List<String> errors = PageKit.problems(certified);
        int status = new PageProblem(certified).status();
        showCertification(ctx, user.get(), Optional.empty(), errors);
        ctx.status(status);
    }

    private void reports(Context ctx, String kind) {
        Optional<UserAccount> user = kit.user(ctx);
        if (user.isEmpty()) {
            return;
        }
        onlyParameters(ctx, kind.equals("events") ? List.of("audience") : List.of("audience", "from", "to"));
        Outcome<Audience> asked = audience(ctx, user.get(), kind);
        // A programme's report covers the events that began in a period, as the API's: empty, the programme's own.
        Outcome<Optional<LocalDate>> fromAsked = org.cadre.server.web.QueryStrings.day("from", ctx.queryParam("from"), true);
        Outcome<Optional<LocalDate>> toAsked = org.cadre.server.web.QueryStrings.day("to", ctx.queryParam("to"), true);
        PageKit.value(Outcome.together(List.of(asked, fromAsked, toAsked)), ctx);
        Audience audience = asked.get();
        Optional<LocalDate> from = fromAsked.get();
        Optional<LocalDate> to = toAsked.get();
        Messages t = PageKit.messages(ctx);
        String title;
        List<Audience> audiences;
        if (kind.equals("events")) {
            Reports.EventReportOf of = PageKit.value(kit.app.reports().event(user.get(), ctx.pathParam("id"), audience), ctx);
            title = t.get("reports.event-title", of.report().event().title());
            audiences = kit.app.reports().audiences(user.get());
        } else {
            // The title alone: the frame computes the report (once per view, not once for the page and again for the frame).
            org.cadre.roster.Programme programme = PageKit.value(kit.app.reports().programmeToReport(user.get(), ctx.pathParam("id"),
                    audience, from, to), ctx);
            title = t.get("reports.programme-title", programme.title());
            audiences = kit.app.reports().audiences(user.get(), programme);
        }
        String period = from.map(d -> "&from=" + d).orElse("") + to.map(d -> "&to=" + d).orElse("");
        View v = new View(t, user, PageKit.token(ctx).map(PageKit::csrf).orElse(""), PageKit.here(ctx), title);
        kit.render(ctx, "reports.jte", v, "kind", kind, "id", ctx.pathParam("id"), "audience", audience.label(),
                "audiences", audiences.stream().map(Audience::label).toList(),
                "from", from.map(LocalDate::toString).orElse(""), "to", to.map(LocalDate::toString).orElse(""), "period", period);
    }

    /**
     * A query parameter a report page or download does not read is refused naming it, as the API refuses one (one it reads
     * given twice is refused before, as on every page): a misspelt {@code ?audiance=donor} gave the internal file to someone
     * who meant to pass the donor's on.
     */
    private static void onlyParameters(Context ctx, List<String> read) {
        List<String> errors = org.cadre.server.web.QueryStrings.names(ctx.queryParamMap()).stream().filter(name -> !read.contains(name))
                .map(name -> org.cadre.server.web.QueryStrings.shown(name)
                        + ": is not a parameter of this page; it reads " + String.join(", ", read))
                .toList();
        if (!errors.isEmpty()) {
            throw new PageProblem(Outcome.refused(Outcome.Refusal.INVALID, PageKit.messages(ctx).get("error.query-unread"), errors));
        }
    }

    /** The audience asked for, or the first the user may read the event's or programme's report for. */
    private Outcome<Audience> audience(Context ctx, UserAccount user, String kind) {
        Optional<String> asked = Optional.ofNullable(ctx.queryParam("audience"));
        return kind.equals("events") ? kit.app.reports().audience(user, asked)
                : kit.app.reports().programmeAudience(user, ctx.pathParam("id"), asked);
    }

    /** The report as a file: HTML (shown in the report page's frame), JSON, CSV, or IATI XML for a programme. */
    private void file(Context ctx, String kind) {
        Optional<UserAccount> user = kit.user(ctx);
        if (user.isEmpty()) {
            return;
        }
        onlyParameters(ctx, kind.equals("events") ? List.of("audience", "format") : List.of("audience", "from", "to", "format"));
        Outcome<Audience> asked = audience(ctx, user.get(), kind);
        String format = Optional.ofNullable(ctx.queryParam("format")).orElse("html");
        List<String> offered = kind.equals("events") ? List.of("html", "json", "csv") : List.of("html", "json", "csv", "iati");
        Outcome<String> formatAsked = offered.contains(format) ? Outcome.done(format) : Outcome.refused(Outcome.Refusal.INVALID,
                "The report comes as " + String.join(", ", offered) + ".", List.of("format: must be one of " + String.join(", ", offered)));
        Outcome<Optional<LocalDate>> from = org.cadre.server.web.QueryStrings.day("from", ctx.queryParam("from"), true);
        Outcome<Optional<LocalDate>> to = org.cadre.server.web.QueryStrings.day("to", ctx.queryParam("to"), true);
        PageKit.value(Outcome.together(List.of(asked, formatAsked, from, to)), ctx);
        Audience audience = asked.get();
        if (format.equals("html")) {
            // Shown in the report page's frame, whatever the answer: a refusal ("Busy", withheld) is read there too.
            ctx.attribute(FRAMEABLE, true);
        }
        Locale lang = PageKit.messages(ctx).locale();
        String name;
        String body;
        String type;
        if (kind.equals("events")) {
            Reports.EventReportOf of = PageKit.value(kit.app.reports().event(user.get(), ctx.pathParam("id"), audience), ctx);
            name = of.report().event().id();
            switch (format) {
                case "csv" -> { body = CsvRenderer.reach(of.report(), of.implementer()); type = "text/csv; charset=utf-8"; }
                case "json" -> { body = JsonRenderer.render(of.report()); type = "application/json"; }
                default -> { body = HtmlRenderer.event(of.report(), lang); type = "text/html; charset=utf-8"; }
            }
        } else {
            Reports.ProgrammeReportOf of = PageKit.value(kit.app.reports().programme(user.get(), ctx.pathParam("id"), audience,
                    from.get(), to.get()), ctx);
            // A file of each period its own name: reports of several events or periods downloaded together never collide.
            name = of.report().programme().id() + "-" + of.report().from() + "-to-" + of.report().to();
            switch (format) {
                case "csv" -> { body = CsvRenderer.programme(of.report(), of.implementer()); type = "text/csv; charset=utf-8"; }
                case "json" -> { body = JsonRenderer.render(of.report()); type = "application/json"; }
                case "iati" -> { body = IatiRenderer.activities(of.report(), of.publisher(), of.implementer(), of.generatedAt()); type = "application/xml; charset=utf-8"; }
                default -> { body = HtmlRenderer.programme(of.report(), lang); type = "text/html; charset=utf-8"; }
            }
        }
        if (!format.equals("html")) {
            String extension = format.equals("iati") ? "xml" : format;
            // Ids may hold any letter; a header's file name keeps to ASCII.
            String file = (name + "-" + audience.label() + "-report").replaceAll("[^A-Za-z0-9._-]", "_") + "." + extension;
            ctx.header("Content-Disposition", "attachment; filename=\"" + file + "\"");
        }
        ctx.header("Cache-Control", "no-store");
        ctx.contentType(type).result(body);
    }
}
