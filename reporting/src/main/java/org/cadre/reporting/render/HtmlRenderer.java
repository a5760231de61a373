package org.cadre.reporting.render;

import com.google.common.escape.Escaper;
import com.google.common.html.HtmlEscapers;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.cadre.reporting.EventReport;
import org.cadre.reporting.EventReports;
import org.cadre.reporting.Note;
import org.cadre.reporting.ProgrammeReport;
import org.cadre.reporting.ResultsFramework;
import org.cadre.reporting.disclosure.Cell;
import org.cadre.reporting.disclosure.Mean;
import org.cadre.reporting.disclosure.Share;
import org.cadre.reporting.disclosure.Table;
import org.cadre.roster.Country;

/**
 * A report as one self-contained HTML page: inline CSS, charts as inline SVG with text alternatives, every
 * chart beside the table it draws, no external requests, print-friendly. Labels in English or Russian by
 * the {@link Locale} given; numbers and dates formatted for that locale, never the default one.
 */
public final class HtmlRenderer {

    private static final Escaper ESCAPE = HtmlEscapers.htmlEscaper();
    private static final String STYLE = """
            body{font-family:"DejaVu Sans",Arial,sans-serif;margin:2em auto;max-width:60em;color:#222;line-height:1.4}
            h1{font-size:1.6em;margin-bottom:.2em}h2{font-size:1.2em;border-bottom:1px solid #ccc;margin-top:1.6em}
            table{border-collapse:collapse;margin:.6em 0}caption{text-align:left;font-weight:bold;padding:.3em 0}
            th,td{border:1px solid #ccc;padding:.25em .6em;text-align:right}th:first-child,td:first-child{text-align:left}
            .facts td,.facts th{text-align:left}.suppressed{color:#a33}.figures{display:flex;gap:2em;flex-wrap:wrap}
            .figure{font-size:1.4em}.figure small{display:block;font-size:.6em;color:#555}
            svg.chart{display:block;margin:.6em 0;max-width:100%}
            @media print{body{margin:0;max-width:none}h2{break-after:avoid}svg.chart,table{break-inside:avoid}}
            """;

    private final Labels labels;
    private final DecimalFormat decimals;
    private final DateTimeFormatter dates;
    private int charts;

    private HtmlRenderer(Locale locale) {
        this.labels = Labels.of(locale);
        this.decimals = new DecimalFormat("0", DecimalFormatSymbols.getInstance(labels.locale()));
        this.dates = DateTimeFormatter.ofPattern("d MMMM yyyy", labels.locale());
    }

    /** The event report as an HTML page in the language of {@code locale} (English unless Russian). */
    public static String event(EventReport report, Locale locale) {
        return new HtmlRenderer(locale).render(report);
    }

    /** The programme report as an HTML page in the language of {@code locale} (English unless Russian). */
    public static String programme(ProgrammeReport report, Locale locale) {
        return new HtmlRenderer(locale).render(report);
    }

    private StringBuilder start(String title) {
        StringBuilder h = new StringBuilder(32_000);
        h.append("<!DOCTYPE html><html lang=\"").append(labels.locale().getLanguage()).append("\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>").append(e(title)).append("</title>")
                .append("<style>").append(STYLE).append("</style></head><body>");
        return h;
    }

    private String end(StringBuilder h, List<Note> notes) {
        h.append("<h2>").append(e(labels.get("notes"))).append("</h2><ul class=\"notes\">");
        // The page says why certification was not assessed where it shows it; the note is for the JSON.
        notes.stream().filter(n -> n.code() != Note.Code.CERTIFICATION_NOT_ASSESSED)
                .forEach(n -> h.append("<li>").append(e(labels.note(n))).append("</li>"));
        return XmlText.clean(h.append("</ul></body></html>").toString());
    }

    private String render(ProgrammeReport r) {
        var f = r.programme();
        StringBuilder h = start(labels.get("programmeReport") + ": " + f.title());
        h.append("<h1>").append(e(f.title())).append("</h1><table class=\"facts\">");
        row(h, labels.get("donorName"), f.donor());
        row(h, labels.get("sdgs"), String.join(", ", f.sdgs().stream().sorted().map(g -> labels.get("sdg") + " " + g).toList()));
        row(h, labels.get("period"), date(r.from()) + " – " + date(r.to()));
        row(h, labels.get("audience"), labels.get(r.audience()) + (r.k() > 1 ? ", k = " + r.k() : ""));
        h.append("</table><div class=\"figures\">");
        figure(h, shown(r.officialsTrained()), labels.get("officialsTrained"), r.officialsTrained().suppressed());
        figure(h, Integer.toString(r.events().size()), labels.get("events"), false);
        h.append("</div><h2>").append(e(labels.get("events"))).append("</h2><table><caption>").append(e(labels.get("events")))
                .append("</caption><tr><th>").append(e(labels.get("event"))).append("</th><th>").append(e(labels.get("courseDays")))
                .append("</th><th>").append(e(labels.get("venue"))).append("</th><th>").append(e(labels.get("participantsPresent"))).append("</th></tr>");
        for (var ev : r.events()) {
            h.append("<tr><td>").append(e(ev.title() + " (" + labels.get("kind." + ev.kind()) + ")")).append("</td><td>").append(e(date(ev.firstDay()) + " – " + date(ev.lastDay())))
                    .append(" (").append(ev.courseDays()).append(")</td><td>").append(e(places(ev.venues()))).append("</td>")
                    .append(cell(ev.participantsPresent())).append("</tr>");
        }
        h.append("</table>");
        if (!r.regions().isEmpty()) {
            h.append("<h2>").append(e(labels.get("regions"))).append("</h2><table><caption>").append(e(labels.get("regions")))
                    .append("</caption><tr><th>").append(e(labels.get("region"))).append("</th><th>").append(e(labels.get("events")))
                    .append("</th><th>").append(e(labels.get("courseDays"))).append("</th><th>").append(e(labels.get("participantsPresent")))
                    .append("</th></tr>");
            for (var region : r.regions()) {
                // "Kazakhstan (region not recorded)", not "region not recorded, Kazakhstan" (the newcomer's review of session 22).
                h.append("<tr><td>").append(e(region.region().map(name -> name + ", " + countryName(region.country()))
                        .orElse(countryName(region.country()) + " (" + labels.get("regionNotRecorded") + ")"))).append("</td><td>").append(region.events()).append("</td><td>")
                        .append(region.courseDays()).append("</td>").append(cell(region.participantsPresent())).append("</tr>");
            }
            h.append("</table>");
        }
        Table t = r.officialsBySexAndCountry();
        h.append("<h2>").append(e(labels.get("officialsByCountryAndSex"))).append("</h2>");
        List<String> series = EventReports.SEX_COLUMNS.stream().map(labels::get).toList();
        List<SvgChart.Bar> bars = new ArrayList<>();
        for (int i = 0; i < t.rows().size(); i++) {
            bars.add(new SvgChart.Bar(countryName(t.rows().get(i)), t.cells().get(i), 0, t.rowTotals().get(i)));
        }
        h.append(chart(labels.get("officialsByCountryAndSex"), describe(t), series, bars));
        table(h, t, labels.get("officialsByCountryAndSex"), labels.get("country"), true, true, series);
        table(h, r.officialsByOrganisation(), labels.get("officialsByOrganisation"), labels.get("organisation"), true, true,
                List.of(labels.get("officialsTrained")));
        var pool = r.pool();
        // A ToT's certificate is not the pool's certified-trainer level: 24 of 26 certified at the ToT beside 6 certified
        // trainers read as a contradiction (the newcomer's review of session 22).
        h.append("<h2>").append(e(labels.get("pool"))).append("</h2><p>").append(e(labels.get("poolMeaning"))).append("</p>");
        List<SvgChart.Bar> funnel = new ArrayList<>();
        List<String> funnelText = new ArrayList<>();
        for (int i = 0; i < pool.atLevel().rows().size(); i++) {
            String level = labels.get(pool.atLevel().rows().get(i));
            funnel.add(new SvgChart.Bar(level, List.of(pool.reached().get(i)), 0));
            funnelText.add(level + ": " + shown(pool.reached().get(i)));
        }
        h.append(chart(labels.get("pool"), labels.get("reached") + ": " + String.join("; ", funnelText), List.of(labels.get("reached")), funnel));
        h.append("<table data-table=\"pool\"><caption>").append(e(labels.get("pool"))).append("</caption><tr><th>").append(e(labels.get("level")))
                .append("</th><th>").append(e(labels.get("atLevel"))).append("</th><th>").append(e(labels.get("reached"))).append("</th></tr>");
        for (int i = 0; i < pool.atLevel().rows().size(); i++) {
            h.append("<tr><td>").append(e(labels.get(pool.atLevel().rows().get(i)))).append("</td>").append(cell(pool.atLevel().cell(i, 0)))
                    .append(cell(pool.reached().get(i))).append("</tr>");
        }
        h.append("</table><p>").append(e(labels.get("active") + ": " + shown(pool.active()) + "; " + labels.get("inactive") + ": "
                + shown(pool.inactive()))).append("</p>");
        h.append("<h2>").append(e(labels.get("cascade"))).append("</h2><p>").append(e(labels.get("cascadeMeaning"))).append("</p>");
        // One table of every ToT's reach, as every other chart of the report has its table (the charts alone held these
        // figures, in their descriptions: a reader could not compare ToTs side by side, nor copy them).
        if (!r.cascades().isEmpty()) {
            h.append("<table data-table=\"cascades\"><caption>").append(e(labels.get("cascade"))).append("</caption><tr>");
            for (String header : List.of("tot", "graduates", "cascades", "officersTrained", "multiplier")) {
                h.append("<th>").append(e(labels.get(header))).append("</th>");
            }
            h.append("</tr>");
            for (var c : r.cascades()) {
                boolean noGraduate = c.graduates().isPublished() && c.graduates().get() == 0;
                h.append("<tr><td>").append(e(c.title())).append("</td>").append(cell(c.graduates())).append(cell(c.cascades()))
                        .append(cell(c.officersTrained())).append(c.multiplier().isEmpty() && !noGraduate ? "<td class=\"suppressed\">" : "<td>")
                        .append(e(c.multiplier().map(this::decimal).orElse(noGraduate ? Cell.NONE : labels.get("figureWithheld"))))
                        .append("</td></tr>");
            }
            h.append("</table>");
        }
        for (var c : r.cascades()) {
            List<SvgChart.Bar> reach = List.of(new SvgChart.Bar(labels.get("graduates"), List.of(c.graduates()), 0),
                    new SvgChart.Bar(labels.get("officersTrained"), List.of(c.officersTrained()), 1));
            h.append(chart(labels.get("cascade") + ": " + c.title(), labels.get("graduates") + " " + shown(c.graduates()) + ", "
                    + labels.get("officersTrained") + " " + shown(c.officersTrained()), List.of(labels.get("count")), reach));
            if (c.perGraduate().isEmpty()) {
                continue; // none to list (donors and the public never get them): no empty table
            }
            // Each graduate's officers, who may overlap: said so beneath, for two graduates' 16 and 16 beside 16 officers in all
            // read as a mistake (the newcomer's review of session 22).
            h.append("<table data-table=\"perGraduate\"><caption>").append(e(labels.get("perGraduate") + ": " + c.title()))
                    .append("</caption><tr><th>").append(e(labels.get("graduate"))).append("</th><th>").append(e(labels.get("officersTrainedByThem")))
                    .append("</th></tr>");
            c.perGraduate().forEach(g -> h.append("<tr><td>").append(e(g.graduate())).append("</td>").append(cell(g.officers())).append("</tr>"));
            h.append("</table><p>").append(e(labels.get("perGraduateOverlap"))).append("</p>");
        }
        h.append("<h2>").append(e(labels.get("indicators"))).append("</h2><table data-table=\"indicators\"><caption>")
                .append(e(labels.get("indicators"))).append("</caption><tr><th>").append(e(labels.get("indicator"))).append("</th><th>")
                .append(e(labels.get("baseline"))).append("</th><th>").append(e(labels.get("target"))).append("</th><th>")
                .append(e(labels.get("targetFor"))).append("</th><th>").append(e(labels.get("actual"))).append("</th><th>")
                .append(e(labels.get("actualFrom"))).append("</th></tr>");
        for (var i : r.indicators()) {
            // A percentage's baseline, target and entered value say so: I2's target "25" beside "9 / 42 (21.4 %)" read as a count.
            String unit = ResultsFramework.Measure.PERCENTAGE.label().equals(i.measure()) ? " %" : "";
            String actual;
            String from;
            if (i.isCustom()) {
                actual = i.reported().map(v -> decimal(v) + unit).orElse(labels.get("notReported"));
                from = labels.get("enteredByStaff") + i.note().map(n -> ": " + n).orElse("");
            } else {
                actual = i.actual().map(this::share).orElseGet(() -> shown(i.count().orElseThrow()));
                from = labels.get("computed");
            }
            String target = i.target().map(v -> decimal(v) + unit).orElse(labels.get("noTarget"));
            String targetFor = i.target().isEmpty() ? "" : i.targetPeriod().map(p -> date(p.first()) + " – " + date(p.last()))
                    .orElse(labels.get("wholeProgramme"));
            h.append("<tr><td>").append(e(i.id() + " " + i.title())).append("</td><td>").append(e(decimal(i.baseline()) + unit))
                    .append("</td><td>").append(e(target)).append("</td><td>").append(e(targetFor))
                    .append("</td><td>").append(e(actual)).append("</td><td>").append(e(from)).append("</td></tr>");
        }
        h.append("</table>");
        return end(h, r.notes());
    }

    private String render(EventReport r) {
        StringBuilder h = start(labels.get("eventReport") + ": " + r.event().title());
        h.append("<h1>").append(e(r.event().title())).append("</h1>");
        facts(h, r);
        figures(h, r);
        participants(h, r);
        attendance(h, r);
        knowledge(h, r);
        practiceAndCertification(h, r);
        feedback(h, r);
        return end(h, r.notes());
    }

    private void facts(StringBuilder h, EventReport r) {
        var f = r.event();
        h.append("<table class=\"facts\">");
        row(h, labels.get("programme"), f.programme());
        row(h, labels.get("donorName"), f.donor());
        row(h, labels.get("sdgs"), String.join(", ", f.sdgs().stream().sorted().map(g -> labels.get("sdg") + " " + g).toList()));
        row(h, labels.get("package"), f.curriculumTitle() + " " + f.curriculumVersion());
        row(h, labels.get("venue"), places(f.venues()));
        row(h, labels.get("courseDays"), date(f.firstDay()) + " – " + date(f.lastDay()) + " (" + f.courseDays() + ")");
        row(h, labels.get("audience"), labels.get(r.audience()) + (r.k() > 1 ? ", k = " + r.k() : ""));
        h.append("</table>");
    }

    /** Venues as {@code Khorog (Gorno-Badakhshan), Tajikistan; Kulob (Khatlon), Tajikistan}. */
    private String places(List<org.cadre.reporting.EventReport.VenueLine> venues) {
        return String.join("; ", venues.stream().map(v -> v.place() + v.region().map(region -> " (" + region + ")").orElse("") + ", "
                + countryName(v.country())).toList());
    }

    private void figures(StringBuilder h, EventReport r) {
        h.append("<div class=\"figures\">");
        figure(h, shown(r.participants()), labels.get("participants"), r.participants().suppressed());
        figure(h, shown(r.trainers()), labels.get("trainers"), r.trainers().suppressed());
        figure(h, Integer.toString(r.event().courseDays()), labels.get("courseDays"), false);
        Share certified = r.certification().certified();
        if (r.certification().assessed()) {
            figure(h, share(certified), labels.get("certified"), certified.numerator().suppressed() || certified.denominator().suppressed());
        } else {
            // Not "0 / 16": the event recorded no post-test or practice teaching, so nobody could be certified.
            figure(h, labels.get("notAssessed"), labels.get("certified"), false);
        }
        h.append("</div>");
    }

    private void participants(StringBuilder h, EventReport r) {
        Table t = r.participantsByCountryAndSex();
        h.append("<h2>").append(e(labels.get("byCountryAndSex"))).append("</h2>");
        List<String> series = EventReports.SEX_COLUMNS.stream().map(labels::get).toList();
        List<SvgChart.Bar> bars = new ArrayList<>();
        for (int i = 0; i < t.rows().size(); i++) {
            bars.add(new SvgChart.Bar(countryName(t.rows().get(i)), t.cells().get(i), 0, t.rowTotals().get(i)));
        }
        h.append(chart(labels.get("byCountryAndSex"), describe(t), series, bars));
        table(h, t, labels.get("byCountryAndSex"), labels.get("country"), true, true, series);
        table(h, r.participantsByOrganisation(), labels.get("byOrganisation"), labels.get("organisation"), true, true,
                List.of(labels.get("participants")));
    }

    private void attendance(StringBuilder h, EventReport r) {
        // Marks, not people: 349 / 364 is participants' sessions attended of those held (the newcomer's review of session 22).
        h.append("<h2>").append(e(labels.get("attendance"))).append("</h2><p>").append(e(labels.get("sessionMarks") + ": "
                + share(r.attendance()))).append("</p>");
        h.append("<table><caption>").append(e(labels.get("attendance"))).append("</caption><tr><th>")
                .append(e(labels.get("session"))).append("</th><th>").append(e(labels.get("day"))).append("</th><th>")
                .append(e(labels.get("attendance"))).append("</th></tr>");
        for (var s : r.attendanceBySession()) {
            h.append("<tr><td>").append(e(s.session() + " " + s.title())).append("</td><td>").append(e(date(s.day())))
                    .append("</td>").append(s.attended().numerator().suppressed() || s.attended().denominator().suppressed()
                            ? "<td class=\"suppressed\">" : "<td>").append(e(share(s.attended()))).append("</td></tr>");
        }
        h.append("</table>");
    }

    private void knowledge(StringBuilder h, EventReport r) {
        var k = r.knowledge();
        h.append("<h2>").append(e(labels.get("knowledge"))).append("</h2><table class=\"facts\">");
        row(h, labels.get("pairs"), shown(k.pairs()));
        row(h, labels.get("unpaired"), shown(k.unpairedExcluded()));
        row(h, labels.get("meanPre"), mean(k.pre()) + " / " + k.testMaxPoints() + " " + labels.get("points"));
        row(h, labels.get("meanPost"), mean(k.post()) + " / " + k.testMaxPoints() + " " + labels.get("points"));
        row(h, labels.get("gain"), mean(k.normalisedGain()));
        row(h, labels.get("reachedPass") + " (" + k.passMark() + " " + labels.get("points") + ")", share(k.reachedPassMark()));
        h.append("</table>");
        // No pairs, no bands: a chart and table of zeros under a pass-mark caption said nothing (the newcomer's review of
        // session 22: the cascade, which recorded no test).
        boolean noPairs = k.pairs().isPublished() && k.pairs().get() == 0;
        if (k.scoreDistribution().isPresent() && !noPairs) {
            Table d = k.scoreDistribution().get();
            List<String> series = List.of(labels.get("pre"), labels.get("post"));
            List<SvgChart.Bar> bars = new ArrayList<>();
            for (int i = 0; i < d.rows().size(); i++) {
                bars.add(new SvgChart.Bar(labels.get("pre") + " " + d.rows().get(i), List.of(d.cell(i, 0)), 0));
                bars.add(new SvgChart.Bar(labels.get("post") + " " + d.rows().get(i), List.of(d.cell(i, 1)), 1));
            }
            // The bands meet at the pass mark; the caption says which reach it (the newcomer's review of session 21: nothing
            // on the page told which side of the mark a band stood).
            String caption = labels.get("scoreDistribution");
            if (k.passMark() > 0 && k.passMark() <= k.testMaxPoints()) {
                List<String> reaching = d.rows().stream().filter(band -> Integer.parseInt(band.split("-")[0]) >= k.passMark()).toList();
                caption += " (" + labels.get("passMarkIs") + " " + k.passMark() + "; " + labels.get("bandsReaching") + " "
                        + String.join(", ", reaching) + ")";
            }
            h.append(chart(caption, describe(d), List.of(labels.get("pairs")), bars));
            // No total column: a band's pre- and post-test counts are the same people counted twice.
            table(h, d, caption, labels.get("band"), true, false, series);
        }
        h.append("<table><caption>").append(e(labels.get("outcome"))).append("</caption><tr><th>").append(e(labels.get("outcome")))
                .append("</th><th>").append(e(labels.get("outcomePre"))).append("</th><th>").append(e(labels.get("outcomePost"))).append("</th></tr>");
        for (var o : k.perOutcome()) {
            h.append("<tr><td>").append(e(o.outcome() + " " + o.statement())).append("</td><td>").append(e(mean(o.prePercent())))
                    .append("</td><td>").append(e(mean(o.postPercent()))).append("</td></tr>");
        }
        h.append("</table>");
        if (!k.untestedOutcomes().isEmpty()) {
            h.append("<p>").append(e(labels.get("untestedOutcomes"))).append("</p><ul>");
            for (var o : k.untestedOutcomes()) {
                h.append("<li>").append(e(o.outcome() + " " + o.statement() + " ("
                        + labels.get(o.byPracticalTask() ? "untestedByTask" : "untestedAtAll") + ")")).append("</li>");
            }
            h.append("</ul>");
        }
    }

    private void practiceAndCertification(StringBuilder h, EventReport r) {
        var p = r.practice();
        h.append("<h2>").append(e(labels.get("practice"))).append("</h2><table class=\"facts\">");
        if (p.maxPoints() == 0) {
            // No mean "/ 0", no "Passed (0)": there is nothing to score against. When the package requires practice teaching, say
            // that this is why nobody is certified (a cascade's "0 of 16 certified" beside "not scored" read as a fault).
            row(h, labels.get("rubric"), labels.get(p.requiredForCertification() ? "noRubricRequired" : "noRubric"));
        } else {
            row(h, labels.get("scored"), shown(p.scored()));
            row(h, labels.get("meanTotal"), mean(p.total()) + " / " + p.maxPoints());
            // "Passed (12)" read as twelve who passed (the newcomer's review of session 22).
            row(h, labels.get("passed") + " (" + labels.get("passMarkIs") + " " + p.passMark() + ")", share(p.passed()));
        }
        // Not "0 / 16" under a headline of "not assessed" (the newcomer's review of session 23).
        h.append("</table><h2>").append(e(labels.get("certification"))).append("</h2><p>")
                .append(e(labels.get("certified") + ": " + (r.certification().assessed() ? share(r.certification().certified())
                        : labels.get("notAssessed")))).append("</p>");
        if (!r.certification().assessed()) {
            h.append("<p>").append(e(labels.get("notRecordedLead") + " " + String.join(labels.get("notRecordedJoin"),
                    r.certification().notRecorded().stream().map(code -> labels.get("nr." + code)).toList()) + " "
                    + labels.get("notRecordedTail"))).append("</p>");
        }
        Table unmet = r.certification().unmetCriteria();
        table(h, unmet, labels.get("unmet"), labels.get("criterion"), false, true, List.of(labels.get("count")));
    }

    private void feedback(StringBuilder h, EventReport r) {
        h.append("<h2>").append(e(labels.get("feedback"))).append("</h2>");
        List<String> ratings = List.of("1", "2", "3", "4", "5");
        List<SvgChart.Bar> bars = new ArrayList<>();
        List<String> described = new ArrayList<>();
        for (var s : r.feedback().sessions()) {
            List<Cell> counts = s.distribution().cells().stream().map(l -> l.get(0)).toList();
            // The bar ends with the session's responses as the table publishes them (its parts withheld or not): it read
            // "withheld" beside "n = 12" in the table (the newcomer's review of session 21).
            bars.add(new SvgChart.Bar(s.session() + " " + s.title(), counts, 0, s.rating().n()));
            List<String> parts = new ArrayList<>();
            for (int i = 0; i < counts.size() && i < ratings.size(); i++) {
                parts.add(ratings.get(i) + ": " + shown(counts.get(i)));
            }
            described.add(s.session() + " " + String.join(", ", parts) + " (n = " + shown(s.rating().n()) + ")");
        }
        // The description states the figures, as every other chart's does.
        h.append(chart(labels.get("feedback"), labels.get("feedback") + ", " + labels.get("responses") + " 1-5: "
                + String.join("; ", described), ratings, bars));
        h.append("<table><caption>").append(e(labels.get("feedback"))).append("</caption><tr><th>").append(e(labels.get("session")))
                .append("</th><th>").append(e(labels.get("meanRating"))).append("</th>");
        ratings.forEach(x -> h.append("<th>").append(x).append("</th>"));
        h.append("</tr>");
        for (var s : r.feedback().sessions()) {
            h.append("<tr><td>").append(e(s.session() + " " + s.title())).append("</td><td>").append(e(mean(s.rating()))).append("</td>");
            s.distribution().cells().forEach(l -> h.append(cell(l.get(0))));
            h.append("</tr>");
        }
        h.append("</table>");
        if (!r.feedback().trainers().isEmpty()) {
            h.append("<table><caption>").append(e(labels.get("trainerFeedback"))).append("</caption><tr><th>")
                    .append(e(labels.get("trainer"))).append("</th><th>").append(e(labels.get("meanRating"))).append("</th></tr>");
            r.feedback().trainers().forEach(t -> h.append("<tr><td>").append(e(t.trainer())).append("</td><td>")
                    .append(e(mean(t.rating()))).append("</td></tr>"));
            h.append("</table>");
        }
        h.append("<h2>").append(e(labels.get("revision"))).append("</h2><ul class=\"revision\">");
        for (var c : r.feedback().revisionCandidates()) {
            h.append("<li><strong>").append(e(c.code() + " " + c.title())).append("</strong>: ").append(e(mean(c.rating())));
            if (!c.comments().isEmpty()) {
                h.append("<ul>");
                c.comments().forEach(x -> h.append("<li>").append(e(x)).append("</li>"));
                h.append("</ul>");
            }
            h.append("</li>");
        }
        h.append("</ul>");
        boolean noFeedback = r.feedback().sessions().stream().allMatch(s -> s.rating().n().isPublished() && s.rating().n().get() == 0);
        if (noFeedback) {
            // No rating at all is not "no rating below 3.50" (the newcomer's review of session 22: the cascade recorded none).
            h.append("<p class=\"revision-none\">").append(e(labels.get("noFeedback"))).append("</p>");
        } else if (r.feedback().revisionCandidates().isEmpty()) {
            // An empty heading read as something left out (the newcomer's review of session 19).
            h.append("<p class=\"revision-none\">").append(e(labels.get("noRevision") + decimal(org.cadre.reporting.EventReports.REVISION_BELOW) + "."))
                    .append("</p>");
        }
        // Every session whose mean is withheld, its n shown or not (those of few responses were left out: the newcomer's
        // review of session 19 read the list as complete).
        List<String> unweighed = r.feedback().sessions().stream().filter(s -> s.rating().suppressed())
                .map(EventReport.SessionFeedback::session).toList();
        if (!unweighed.isEmpty()) {
            h.append("<p class=\"revision-withheld\">").append(e(labels.get("ratingsWithheld") + String.join(", ", unweighed) + "."))
                    .append("</p>");
        }
    }

    private String chart(String title, String description, List<String> series, List<SvgChart.Bar> bars) {
        return SvgChart.bars("chart" + (++charts), title, description, series, bars, labels.get("figureWithheld"));
    }

    /** A sentence that says what the chart shows, for screen readers and when images are off. */
    private String describe(Table t) {
        StringBuilder d = new StringBuilder();
        for (int i = 0; i < t.rows().size(); i++) {
            if (i > 0) {
                d.append("; ");
            }
            String label = isByCountry(t) ? countryName(t.rows().get(i)) : labels.get(t.rows().get(i));
            d.append(label).append(": ");
            if (t.columns().size() == 1) {
                d.append(shown(t.cell(i, 0)));
                continue;
            }
            List<String> parts = new ArrayList<>();
            for (int c = 0; c < t.columns().size(); c++) {
                parts.add(labels.get(t.columns().get(c)) + " " + shown(t.cell(i, c)));
            }
            d.append(String.join(", ", parts));
        }
        return d.toString();
    }

    private static boolean isByCountry(Table t) {
        return t.id().equals("participantsByCountryAndSex") || t.id().equals("officialsBySexAndCountry");
    }

    /**
     * @param totalLine whether the table ends with its total line: not for criteria missed, where one person missing two
     *     counts twice and the sum (32 for 16 participants) counts no one (the newcomer's review of session 19)
     * @param totalColumn whether the rows' totals are shown, if the table has them: not for the score bands, whose pre- and
     *     post-test counts are the same people twice
     */
    private void table(StringBuilder h, Table t, String caption, String rowHeader, boolean totalLine, boolean totalColumn,
            List<String> columns) {
        boolean totals = totalColumn && !t.rowTotals().isEmpty();
        h.append("<table data-table=\"").append(e(t.id())).append("\"><caption>").append(e(caption)).append("</caption><tr><th>")
                .append(e(rowHeader)).append("</th>");
        columns.forEach(c -> h.append("<th>").append(e(c)).append("</th>"));
        if (totals) {
            h.append("<th>").append(e(labels.get("total"))).append("</th>");
        }
        h.append("</tr>");
        for (int i = 0; i < t.rows().size(); i++) {
            String label = isByCountry(t) ? countryName(t.rows().get(i)) : labels.get(t.rows().get(i));
            h.append("<tr><td>").append(e(label)).append("</td>");
            t.cells().get(i).forEach(c -> h.append(cell(c)));
            if (totals) {
                h.append(cell(t.rowTotals().get(i)));
            }
            h.append("</tr>");
        }
        if (totalLine) {
            h.append("<tr class=\"total\"><th>").append(e(labels.get("total"))).append("</th>");
            t.columnTotals().forEach(c -> h.append(cell(c)));
            if (totals) {
                h.append(cell(t.total()));
            }
            h.append("</tr>");
        }
        h.append("</table>");
    }

    private String cell(Cell c) {
        return (c.suppressed() ? "<td class=\"suppressed\">" : "<td>") + e(shown(c)) + "</td>";
    }

    /**
     * A count as the page shows it: its value, or the word for withheld in the page's language ({@link Cell#MARKER} is
     * English, for the JSON's notes and the CSV).
     */
    private String shown(Cell c) {
        return c.suppressed() ? labels.get("figureWithheld") : Long.toString(c.get());
    }

    private void row(StringBuilder h, String name, String value) {
        h.append("<tr><th>").append(e(name)).append("</th><td>").append(e(value)).append("</td></tr>");
    }

    /**
     * A headline figure: its label above its value, in that order in the page as on the screen, so that one read as text
     * (a screen reader, a copied page) says "Trainers: withheld", not "withheld Trainers" (the newcomer's review of
     * session 21). A value withheld in whole or in part is marked as a table's withheld cell is.
     */
    private void figure(StringBuilder h, String value, String label, boolean withheld) {
        h.append("<div class=\"figure\"><small>").append(e(label)).append(":</small> ")
                .append(withheld ? "<span class=\"suppressed\">" : "<span>")
                .append(e(value)).append("</span></div>");
    }

    private String share(Share s) {
        if (s.denominator().isPublished() && s.denominator().get() == 0) {
            return Cell.NONE + " (n = 0)"; // a share of no one is no share, as a mean of no one is no mean (not "0 / 0")
        }
        // A withheld numerator says so in words, as a withheld mean does: "<k / 26" beside 24 of 26 certified read as fewer than
        // five (the newcomer's review of session 19); a cell withheld to protect another's count is seldom small itself.
        String text = shown(s.numerator()) + " / " + shown(s.denominator());
        return s.percent().map(p -> text + " (" + decimal(p) + " %)").orElse(text);
    }

    private String mean(Mean m) {
        // No value that is not withheld (over n = 0) is no mean at all. A withheld mean says so in words: "<k" beside a
        // post-test mean read as a mean below k points (the newcomer's review of session 18).
        return m.value().map(this::decimal).orElse(m.suppressed() ? labels.get("figureWithheld") : Cell.NONE) + " (n = " + shown(m.n()) + ")";
    }

    /** The number with as many decimals as it carries (percentages one, means two), in the page's locale. */
    private String decimal(BigDecimal v) {
        DecimalFormat f = (DecimalFormat) decimals.clone();
        f.setMinimumFractionDigits(Math.max(0, v.scale()));
        f.setMaximumFractionDigits(Math.max(0, v.scale()));
        return f.format(v);
    }

    private String date(LocalDate d) {
        return dates.format(d);
    }

    private String countryName(String code) {
        try {
            return new Locale.Builder().setRegion(Country.of(code).code()).build().getDisplayCountry(labels.locale());
        } catch (IllegalArgumentException notACountry) {
            return code;
        }
    }

    private static String e(String s) {
        return ESCAPE.escape(s);
    }
}
