package org.cadre.reporting.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cadre.reporting.EventReport;
import org.cadre.reporting.EventReports;
import org.cadre.reporting.Note;
import org.cadre.reporting.disclosure.Audience;
import org.cadre.reporting.disclosure.Cell;
import org.cadre.reporting.disclosure.Disclosure;
import org.cadre.roster.demo.DemoRoster;
import org.junit.jupiter.api.Test;

class HtmlRendererTest {

    private static final EventReport INTERNAL = EventReports.of(DemoRoster.almatyTot(), Disclosure.forAudience(Audience.INTERNAL));
    private static final EventReport DONOR = EventReports.of(DemoRoster.almatyTot(), Disclosure.forAudience(Audience.DONOR));

    @Test
    void the_page_is_self_contained() {
        String html = HtmlRenderer.event(INTERNAL, Locale.ENGLISH);

        assertThat(html).startsWith("<!DOCTYPE html>").contains("<style>").doesNotContainPattern("(?i)(src|href)\\s*=")
                .doesNotContain("<script").doesNotContain("@import").doesNotContain("url(");
    }

    /**
     * The score bands' table has a total line (the pairs, before and after) but no total column: a band's pre- and
     * post-test counts are the same people twice, and their sum counted no one (the newcomer's review of session 20).
     */
    @Test
    void the_score_bands_do_not_add_the_same_people_before_and_after() {
        String html = HtmlRenderer.event(INTERNAL, Locale.ENGLISH);
        String table = table(html, "scoreDistribution");
        long pairs = INTERNAL.knowledge().pairs().get();

        assertThat(table.substring(0, table.indexOf("</tr>"))).doesNotContain("Total");
        assertThat(table).contains("<tr class=\"total\"><th>Total</th><td>" + pairs + "</td><td>" + pairs + "</td></tr>");
        // The caption says where the pass mark stands among the bands (14 of 20: 14-16 and 17-20 reach it).
        assertThat(INTERNAL.knowledge().passMark()).isEqualTo(14);
        assertThat(table).startsWith("<table data-table=\"scoreDistribution\"><caption>Pre- and post-test scores (pass mark 14; the bands "
                + "that reach it: 14-16, 17-20)</caption>");
        assertThat(HtmlRenderer.event(INTERNAL, Locale.forLanguageTag("ru-RU")))
                .contains("<caption>Баллы входного и итогового тестов (проходной балл 14; его достигают диапазоны 14-16, 17-20)</caption>");
    }

    /**
     * The feedback chart states its figures, as every chart does, and ends each bar with the session's responses as the
     * table publishes them, not "withheld" beside the table's "n = 12" (the newcomer's review of session 21).
     */
    @Test
    void the_feedback_chart_states_its_figures_and_the_published_responses() {
        String html = HtmlRenderer.event(DONOR, Locale.ENGLISH);
        var first = DONOR.feedback().sessions().get(0);
        String desc = html.substring(html.indexOf("<desc id=\"chart2-desc\">"));
        desc = desc.substring(0, desc.indexOf("</desc>"));

        assertThat(first.rating().n().isPublished()).as("the demo's first session's responses are published").isTrue();
        assertThat(first.distribution().cells().stream().map(l -> l.get(0))).as("and some of its ratings withheld").anyMatch(Cell::suppressed);
        assertThat(desc).contains(first.session() + " 1: ").contains("(n = " + first.rating().n().get() + ")").contains("5: withheld");
        String firstBar = html.substring(html.indexOf(">" + first.session() + " ", html.indexOf("chart2-desc")));
        firstBar = firstBar.substring(0, firstBar.indexOf("<text x=\"214\""));
        // Its withheld ratings are drawn as one outlined part of the published responses, the bar ending with their number.
        assertThat(firstBar).endsWith(">" + first.rating().n().get() + "</text>").doesNotContain(">withheld<")
                .contains("stroke-dasharray=\"4 2\"><title>" + first.session() + " ");
    }

    @Test
    void every_chart_has_a_title_and_a_description() {
        String html = HtmlRenderer.event(INTERNAL, Locale.ENGLISH);
        Matcher svg = Pattern.compile("<svg[^>]*aria-labelledby=\"(chart\\d+)-title \\1-desc\"[^>]*><title id=\"\\1-title\">[^<]+</title><desc id=\"\\1-desc\">[^<]+</desc>")
                .matcher(html);

        int charts = 0;
        while (svg.find()) {
            charts++;
        }
        assertThat(charts).isEqualTo(3).isEqualTo(html.split("<svg", -1).length - 1);
        assertThat(html).contains("<desc id=\"chart1-desc\">Kazakhstan: Female 4, Male 14, Another 0, Not recorded 0;");
    }

    @Test
    void english_and_russian_pages_differ_in_words_and_number_format() {
        String en = HtmlRenderer.event(INTERNAL, Locale.ENGLISH);
        String ru = HtmlRenderer.event(INTERNAL, Locale.forLanguageTag("ru-RU"));

        assertThat(en).contains("<html lang=\"en\">").contains("Participants by country and sex").contains("23 October 2023")
                .contains("(92.3 %)");
        assertThat(ru).contains("<html lang=\"ru\">").contains("Участники по странам и полу").contains("23 октября 2023")
                .contains("(92,3 %)").contains("Казахстан");
    }

    private static org.cadre.reporting.ProgrammeReport programme(Audience audience) {
        return org.cadre.reporting.ProgrammeReports.of(DemoRoster.programme(),
                java.util.List.of(DemoRoster.almatyTot(), DemoRoster.dushanbeCascade()), DemoRoster.pool(),
                org.cadre.reporting.demo.DemoResults.framework(), java.time.LocalDate.of(2023, 1, 1),
                java.time.LocalDate.of(2024, 12, 31), Disclosure.forAudience(audience));
    }

    /**
     * A ToT none of whose participants has completed it yet has no multiplier (no graduate to divide by): shown as
     * no value, not as the withheld marker, in the internal report, where nothing is withheld (the attacker's review).
     */
    @Test
    void a_multiplier_over_no_graduate_is_shown_as_no_value_not_as_withheld() {
        org.cadre.roster.EventRoster tot = DemoRoster.almatyTot();
        java.time.LocalDate before = tot.event().courseDays().first().minusDays(30);
        java.util.List<org.cadre.roster.Enrolment> confirmed = tot.enrolments().stream().map(e -> e.role() != org.cadre.roster.Role.PARTICIPANT ? e
                : org.cadre.roster.Enrolment.nominate(e.person(), e.event(), e.role(), e.nominatedBy().orElseThrow(), before)
                        .moveTo(org.cadre.roster.EnrolmentStatus.APPROVED, before)
                        .then(x -> x.moveTo(org.cadre.roster.EnrolmentStatus.CONFIRMED, before)).value()).toList();
        org.cadre.reporting.ProgrammeReport report = org.cadre.reporting.ProgrammeReports.of(DemoRoster.programme(),
                java.util.List.of(tot.toBuilder().replaceEnrolments(confirmed).build()), DemoRoster.pool(),
                org.cadre.reporting.demo.DemoResults.framework(), java.time.LocalDate.of(2023, 1, 1), java.time.LocalDate.of(2023, 12, 31),
                Disclosure.forAudience(Audience.INTERNAL));

        assertThat(report.cascades().get(0).graduates().get()).isZero();
        String html = HtmlRenderer.programme(report, Locale.ENGLISH);
        assertThat(html).doesNotContain("&lt;k").doesNotContain("withheld");
        assertThat(table(html, "cascades")).contains("<th>Officers per graduate (over all its graduates)</th>").contains("<td>0</td>").endsWith("<td>\u2014</td></tr>");
        // The same for a mean over nobody: the demo cascade recorded no test (the re-check found "<k (n = 0)").
        String cascade = HtmlRenderer.event(org.cadre.reporting.EventReports.of(DemoRoster.dushanbeCascade(),
                Disclosure.forAudience(Audience.INTERNAL)), Locale.ENGLISH);
        assertThat(cascade).contains("<td>\u2014 (n = 0) / ").doesNotContain("&lt;k");
    }

    /**
     * An event that records a criterion's evidence for nobody (the demo cascade: no post-test, no practice teaching) shows
     * its certification as not assessed, in the headline and its section, in both languages: "Certified: 0 / 16 (0.0 %)"
     * read as a failed course (the newcomers' reviews of sessions 22 and 23). The ToT, which records both, keeps its share.
     */
    @Test
    void certification_without_its_evidence_reads_not_assessed_rather_than_none_certified() {
        for (Audience audience : java.util.List.of(Audience.INTERNAL, Audience.DONOR)) {
            EventReport report = org.cadre.reporting.EventReports.of(DemoRoster.dushanbeCascade(), Disclosure.forAudience(audience));
            String en = HtmlRenderer.event(report, Locale.ENGLISH);
            assertThat(section(en, "<div class=\"figures\">", "</div></div>")).as(audience.label())
                    .contains("<div class=\"figure\"><small>Certified:</small> <span>not assessed</span>").doesNotContain("0 / 16");
            assertThat(en).as(audience.label()).contains("<p>Not assessed: no participant has a post-test or practice teaching recorded, "
                    + "which the package&#39;s certification requires.</p>");
            // The section says it too, not "0 / 16" under the headline's "not assessed"; the JSON's note is not repeated.
            assertThat(en.substring(en.indexOf("<h2>Certification</h2>"), en.indexOf("<h2>", en.indexOf("<h2>Certification</h2>") + 1))).contains("<p>Certified: not assessed</p>").doesNotContain("0 / 16");
            assertThat(en).doesNotContain("Certification was not assessed");
            assertThat(report.notes()).extracting(org.cadre.reporting.Note::code).contains(org.cadre.reporting.Note.Code.CERTIFICATION_NOT_ASSESSED);
            String ru = HtmlRenderer.event(report, Locale.forLanguageTag("ru"));
            assertThat(ru).contains("<small>Сертифицированы:</small> <span>не оценивались</span>")
                    .contains("ни для одного участника не записаны итоговый тест и практика преподавания");
        }
        String tot = HtmlRenderer.event(org.cadre.reporting.EventReports.of(DemoRoster.almatyTot(), Disclosure.forAudience(Audience.INTERNAL)),
                Locale.ENGLISH);
        assertThat(tot).contains("<small>Certified:</small> <span>24 / 26").doesNotContain("not assessed").doesNotContain("Not assessed");
    }

    /**
     * An event with no practice-teaching rubric recorded (the demo cascade) says so, rather than a mean "out of 0"
     * and a pass mark of 0 (the last note's open item); the ToT, which has one, shows its figures out of 20.
     */
    @Test
    void an_event_without_a_rubric_says_so_instead_of_a_mean_out_of_zero() {
        EventReport report = org.cadre.reporting.EventReports.of(DemoRoster.dushanbeCascade(), Disclosure.forAudience(Audience.INTERNAL));
        // The cascade's package (the ToT's) requires passed practice teaching, so with no rubric nobody is certified, and the
        // page says why (the newcomer's review of session 18 read "0 / 16 certified" beside "practice teaching is not scored").
        assertThat(report.practice().requiredForCertification()).isTrue();
        assertThat(report.certification().certified().numerator().value()).hasValue(0L);
        String cascade = HtmlRenderer.event(report, Locale.ENGLISH);
        // Criteria missed have no total line: each of the 16 missed two, and "Total 32" counted no one.
        String unmet = cascade.substring(cascade.indexOf("<table data-table=\"unmetCriteria\">"));
        unmet = unmet.substring(0, unmet.indexOf("</table>"));
        assertThat(unmet).contains("Practice teaching missing").doesNotContain("class=\"total\"").doesNotContain(">Total<");
        assertThat(cascade).contains("<tr class=\"total\">"); // the other tables keep theirs
        assertThat(section(cascade, "Practice teaching</h2>", "<h2>Certification")).isEqualTo("Practice teaching</h2><table class=\"facts\">"
                + "<tr><th>Rubric</th><td>none recorded for this event, but the package&#39;s certification requires passed practice "
                + "teaching: no participant can be certified until a rubric and scores are recorded</td></tr></table>");
        var p = report.practice();
        EventReport notRequired = new EventReport(report.audience(), report.k(), report.event(), report.participants(), report.trainers(),
                report.participantsByCountryAndSex(), report.participantsByOrganisation(), report.peopleByRole(), report.attendance(),
                report.attendanceBySession(), report.knowledge(), new EventReport.Practice(p.scored(), p.maxPoints(), p.passMark(),
                        p.total(), p.passed(), false), report.certification(), report.feedback(), report.notes());
        assertThat(section(HtmlRenderer.event(notRequired, Locale.ENGLISH), "Practice teaching</h2>", "<h2>Certification"))
                .isEqualTo("Practice teaching</h2><table class=\"facts\"><tr><th>Rubric</th>"
                        + "<td>none recorded for this event: practice teaching is not scored</td></tr></table>");
        String tot = HtmlRenderer.event(org.cadre.reporting.EventReports.of(DemoRoster.almatyTot(),
                Disclosure.forAudience(Audience.INTERNAL)), Locale.ENGLISH);
        assertThat(tot).contains("<tr><th>Mean score</th><td>").contains(" / 20</td></tr>").contains("<tr><th>Passed (pass mark 12)</th>")
                .contains("<tr><th>Reached the pass mark (14 points)</th>")
                .doesNotContain("none recorded for this event");
        assertThat(HtmlRenderer.event(org.cadre.reporting.EventReports.of(DemoRoster.dushanbeCascade(),
                Disclosure.forAudience(Audience.INTERNAL)), Locale.forLanguageTag("ru"))).contains("для этого мероприятия не заданы");
    }

    private static String section(String html, String from, String to) {
        return html.substring(html.indexOf(from), html.indexOf(to));
    }

    /**
     * A learning outcome's figures are mean scores in per cent, said so in its header (a "%" header over 64.42 read as a
     * share, the newcomer's review of session 19); revision candidates that are none are said to be none, in the page's
     * language, not left as an empty heading.
     */
    @Test
    void outcome_means_say_they_are_means_and_no_revision_candidate_is_said_in_words() {
        String tot = HtmlRenderer.event(INTERNAL, Locale.ENGLISH);
        assertThat(tot).contains("<th>Mean pre-test score, %</th><th>Mean post-test score, %</th>").doesNotContain("<th>Pre-test %</th>")
                .doesNotContain("revision-none");
        // A region not recorded follows its country's name.
        assertThat(HtmlRenderer.programme(programme(Audience.INTERNAL), Locale.ENGLISH)).contains("<tr><td>Kazakhstan (region not recorded)</td>")
                .doesNotContain("region not recorded, ");
        assertThat(HtmlRenderer.programme(programme(Audience.INTERNAL), Locale.forLanguageTag("ru"))).contains("<tr><td>Казахстан (регион не указан)</td>");
        // Attendance is of session marks, said so; the programme's events count their participants present.
        assertThat(tot).contains("<h2>Attendance</h2><p>Participants&#39; attendance at sessions (attended of expected): 349 / 364 (95.9 %)</p>");
        assertThat(HtmlRenderer.programme(programme(Audience.INTERNAL), Locale.ENGLISH))
                .contains("<th>Venue</th><th>Participants present</th>").doesNotContain("<th>Participants</th>");
        // An outcome the tests do not measure is said to be so, beneath the table, not left out without a word.
        assertThat(tot).contains("<p>Not measured by the pre- and post-tests (no test question assesses them):</p><ul><li>LO5 Deliver a "
                + "session of the package with participatory methods and give peer feedback (assessed by practice teaching)</li></ul>");
        assertThat(HtmlRenderer.event(INTERNAL, Locale.forLanguageTag("ru-RU"))).contains("(оценивается практикой преподавания)</li></ul>");
        EventReport cascade = org.cadre.reporting.EventReports.of(DemoRoster.dushanbeCascade(), Disclosure.forAudience(Audience.INTERNAL));
        assertThat(cascade.feedback().revisionCandidates()).isEmpty();
        // The cascade recorded no test: no chart or table of score bands all zero, and its LO5 is not assessed there (the
        // package's micro-teaching is, but the cascade records no rubric: the newcomer's review of session 22).
        assertThat(cascade.knowledge().pairs().get()).isZero();
        assertThat(HtmlRenderer.event(cascade, Locale.ENGLISH)).doesNotContain("scoreDistribution").doesNotContain("Pre- and post-test scores")
                .contains("(not assessed at this event)</li>").doesNotContain("assessed by practice teaching");
        // The cascade recorded no feedback at all: said so, not "no rating below 3.50" (the newcomer's review of session 22).
        assertThat(cascade.feedback().sessions()).allMatch(s -> s.rating().n().get() == 0);
        assertThat(HtmlRenderer.event(cascade, Locale.ENGLISH)).contains("<p class=\"revision-none\">No feedback is recorded for this event, "
                + "so no session can be weighed for revision.</p>").doesNotContain("No session has a shown mean rating");
        // The donor's ToT has feedback, and its one candidate's mean is withheld: none is published below 3.50.
        assertThat(DONOR.feedback().revisionCandidates()).isEmpty();
        assertThat(HtmlRenderer.event(DONOR, Locale.ENGLISH)).contains("<p class=\"revision-none\">No session has a shown mean rating below 3.50.</p>");
        assertThat(HtmlRenderer.event(DONOR, Locale.forLanguageTag("ru-RU")))
                .contains("<p class=\"revision-none\">Нет занятий с приведённой средней оценкой ниже 3,50.</p>");
    }

    /**
     * A headline figure reads label first, in the page as on the screen: read as text, a withheld one said "withheld
     * Trainers" (the newcomer's review of session 21). Its withheld value is marked as a withheld cell is.
     */
    @Test
    void a_headline_figure_reads_its_label_before_its_value_and_marks_a_withheld_one() {
        assertThat(DONOR.trainers().suppressed()).as("the donor's four trainers are withheld").isTrue();

        assertThat(HtmlRenderer.event(DONOR, Locale.ENGLISH))
                .contains("<div class=\"figure\"><small>Trainers:</small> <span class=\"suppressed\">withheld</span></div>")
                .contains("<div class=\"figure\"><small>Participants:</small> <span>" + DONOR.participants().get() + "</span></div>");
        assertThat(HtmlRenderer.event(DONOR, Locale.forLanguageTag("ru-RU")))
                .contains("<small>Тренеры:</small> <span class=\"suppressed\">скрыто</span></div>");
        // A session's attendance withheld is marked as every withheld cell is (it was black: the newcomer's review of session 22).
        assertThat(DONOR.attendanceBySession()).anyMatch(s -> s.attended().numerator().suppressed());
        String donor = HtmlRenderer.event(DONOR, Locale.ENGLISH);
        String attendance = donor.substring(donor.indexOf("<h2>Attendance</h2>"), donor.indexOf("<h2>", donor.indexOf("<h2>Attendance</h2>") + 4));
        assertThat(attendance).contains("<td class=\"suppressed\">withheld / ").doesNotContain("<td>withheld / ");
    }

    /**
     * Every ToT's cascade reach stands in one table (ToT, graduates, cascades, officers trained, officers per graduate), as
     * every other chart's figures stand in a table: the charts alone held them. A withheld figure is marked in it.
     */
    @Test
    void the_cascade_reach_is_a_table_with_every_figure_of_its_charts() {
        org.cadre.reporting.ProgrammeReport internal = programme(Audience.INTERNAL);
        var line = internal.cascades().get(0);
        String html = HtmlRenderer.programme(internal, Locale.ENGLISH);

        assertThat(table(html, "cascades")).isEqualTo("<table data-table=\"cascades\"><caption>Cascade reach</caption><tr><th>ToT</th>"
                + "<th>Graduates</th><th>Cascade trainings</th><th>Officers trained by graduates</th><th>Officers per graduate (over all its graduates)</th></tr><tr><td>"
                + TOT_TITLE + "</td><td>" + line.graduates().get() + "</td><td>" + line.cascades().get() + "</td><td>"
                + line.officersTrained().get() + "</td><td>" + line.multiplier().orElseThrow() + "</td></tr>");
        org.cadre.reporting.ProgrammeReport donor = programme(Audience.DONOR);
        assertThat(donor.cascades().get(0).graduates().suppressed()).as("the donor's graduates are withheld (25 of 26 present)").isTrue();
        assertThat(table(HtmlRenderer.programme(donor, Locale.forLanguageTag("ru-RU")), "cascades"))
                .contains("<td class=\"suppressed\">скрыто</td>").endsWith("<td class=\"suppressed\">скрыто</td></tr>");
    }

    /** A chart's bar from its label to the text at its end (the published total, or the marker). */
    private static String bar(String html, String label) {
        String bar = html.substring(html.indexOf(">" + label + "</text>"));
        return bar.substring(0, bar.indexOf("</text>", bar.indexOf("</text>") + 1) + "</text>".length());
    }

    /** The table {@code data-table=id} of a page, from its opening tag to its last row. */
    private static String table(String html, String id) {
        String table = html.substring(html.indexOf("<table data-table=\"" + id + "\">"));
        return table.substring(0, table.indexOf("</table>"));
    }

    @Test
    void a_share_of_no_one_reads_as_no_value_not_zero_over_zero() {
        // The cascade has no tests: the share that reached the pass mark is of no one (the newcomer's review: "0 / 0").
        String cascade = HtmlRenderer.event(org.cadre.reporting.EventReports.of(DemoRoster.dushanbeCascade(),
                Disclosure.forAudience(Audience.INTERNAL)), Locale.ENGLISH);

        assertThat(cascade).doesNotContain("0 / 0").contains("<td>\u2014 (n = 0)</td>");
    }

    @Test
    void a_country_bar_whose_parts_are_withheld_ends_with_its_published_total_not_the_marker() {
        org.cadre.reporting.ProgrammeReport donor = programme(Audience.DONOR);
        org.cadre.reporting.disclosure.Cell kazakhstan = donor.officialsBySexAndCountry().rowTotals().get(donor.officialsBySexAndCountry().rows().indexOf("KZ"));
        assertThat(kazakhstan.isPublished()).as("the table publishes Kazakhstan's total").isTrue();
        String html = HtmlRenderer.programme(donor, Locale.ENGLISH);
        String bar = bar(html, "Kazakhstan");

        assertThat(bar).endsWith(">" + kazakhstan.get() + "</text>").doesNotContain("&lt;k");
    }

    /**
     * A bar whose parts are withheld and whose total is published draws the withheld rest of its total as one outlined part:
     * in the donor's ToT report Kazakhstan's 18, split by sex withheld, drew no bar at all (the newcomer's review of session
     * 22). Its length is the published total less the published parts, as the table beside gives it.
     */
    @Test
    void a_bar_with_withheld_parts_draws_the_rest_of_its_published_total_as_an_outline() {
        org.cadre.reporting.disclosure.Table t = DONOR.participantsByCountryAndSex();
        int kz = t.rows().indexOf("KZ");
        assertThat(t.rowTotals().get(kz).isPublished()).isTrue();
        assertThat(t.cells().get(kz)).as("Kazakhstan's split by sex in the donor's ToT report").anyMatch(Cell::suppressed);
        long published = t.cells().get(kz).stream().filter(Cell::isPublished).mapToLong(Cell::get).sum();
        long max = 0;
        for (int r = 0; r < t.rows().size(); r++) {
            long parts = t.cells().get(r).stream().filter(Cell::isPublished).mapToLong(Cell::get).sum();
            max = Math.max(max, t.rowTotals().get(r).isPublished() ? Math.max(parts, t.rowTotals().get(r).get()) : parts);
        }
        String html = HtmlRenderer.event(DONOR, Locale.ENGLISH);
        String bar = bar(html, "Kazakhstan");

        // An outline, not a colour: a grey fill read as the grey of rating 5 in the feedback chart (the newcomer's review of
        // session 22); its title says what is withheld of the published total, and the legend names the outline.
        java.util.regex.Matcher outline = Pattern.compile("<rect class=\"bar withheld\" x=\"[0-9.]+\" y=\"[0-9]+\" width=\"([0-9.]+)\" "
                + "height=\"22\" fill=\"#ffffff\" stroke=\"#555555\" stroke-dasharray=\"4 2\"><title>Kazakhstan: "
                + t.rowTotals().get(kz).get() + "; withheld: Female, Male</title></rect>").matcher(bar);
        assertThat(outline.find()).as(bar).isTrue();
        assertThat(Double.parseDouble(outline.group(1))).isCloseTo(420.0 * (t.rowTotals().get(kz).get() - published) / max,
                org.assertj.core.data.Offset.offset(0.1));
        assertThat(bar).endsWith(">" + t.rowTotals().get(kz).get() + "</text>");
        String chart = html.substring(html.lastIndexOf("<svg", html.indexOf(">Kazakhstan</text>")), html.indexOf(">Kazakhstan</text>"));
        assertThat(chart).contains("<rect class=\"withheld-key\"").contains(">withheld</text>");
        for (String colour : SvgChart.COLOURS) {
            assertThat(SvgChart.WITHHELD_STYLE).as("the outline is no series' colour").doesNotContain("fill=\"" + colour + "\"");
        }
        // Every bar's label fits left of its bar, the feedback chart's long session titles too.
        Matcher label = Pattern.compile("<text x=\"214\" y=\"[0-9]+\" font-size=\"12\" text-anchor=\"end\">([^<]*)</text>").matcher(html);
        int labels = 0;
        while (label.find()) {
            labels++;
            assertThat(label.group(1).replace("&#39;", "'").replace("&amp;", "&").length()).as(label.group(1)).isLessThanOrEqualTo(31);
        }
        assertThat(labels).isGreaterThan(10);
        // The internal report withholds nothing, and draws no outline.
        assertThat(HtmlRenderer.event(INTERNAL, Locale.ENGLISH)).doesNotContain("bar withheld");
    }

    /**
     * The pool section says a ToT's certificate is not the pool's certified-trainer level: 24 of 26 certified at the ToT
     * (indicator I3) beside 6 certified trainers read as a contradiction (the newcomer's review of session 22).
     */
    @Test
    void the_pool_says_a_tots_certificate_is_not_its_certified_trainer_level() {
        org.cadre.reporting.ProgrammeReport internal = programme(Audience.INTERNAL);
        String html = HtmlRenderer.programme(internal, Locale.ENGLISH);

        assertThat(html).contains("<h2>Trainer pool</h2><p>A ToT&#39;s certificate admits its holder to the pool as a co-trainer; "
                + "a co-trainer becomes a certified trainer once observed co-delivering a training");
        assertThat(HtmlRenderer.programme(internal, Locale.forLanguageTag("ru")))
                .contains("<h2>Пул тренеров</h2><p>Сертификат обучения тренеров принимает его обладателя в пул как со-тренера;");
    }

    @Test
    void the_programme_page_says_what_graduates_and_officers_trained_are() {
        assertThat(HtmlRenderer.programme(programme(Audience.DONOR), Locale.ENGLISH))
                .contains("<h2>Cascade reach</h2><p>Graduates are a ToT&#39;s participants whose enrolment reached completed, which closing decides "
                        + "by attendance, certified or not: they may be more than the ToT&#39;s certified participants.")
                // The regions count where people were trained, not where they come from: 26 beside Kazakhstan's 18 officials
                // read as a contradiction (the newcomer's review of session 23).
                .contains("<h2>Participants present by the region they were trained in (any nationality)</h2>");
        assertThat(HtmlRenderer.programme(programme(Audience.DONOR), Locale.forLanguageTag("ru")))
                .contains("<h2>Каскадный охват</h2><p>Выпускники \u2014 участники обучения тренеров,").doesNotContain("участники ToT")
                .contains("<th>Обучение тренеров</th><th>Выпускники</th>");
    }

    @Test
    void the_donor_page_has_no_empty_table_per_graduate() {
        assertThat(HtmlRenderer.programme(programme(Audience.INTERNAL), Locale.ENGLISH)).contains("data-table=\"perGraduate\"");
        assertThat(HtmlRenderer.programme(programme(Audience.DONOR), Locale.ENGLISH)).doesNotContain("data-table=\"perGraduate\"")
                .doesNotContain("Officers trained by each graduate").doesNotContain("need not add up");
    }

    /**
     * Each graduate's officers are captioned as such, with their ToT, and said to overlap: two graduates' 16 and 16 beside 16
     * officers in all, under a caption nearly the main table's, read as a mistake (the newcomer's review of session 22).
     */
    @Test
    void each_graduates_officers_are_said_to_overlap() {
        String html = HtmlRenderer.programme(programme(Audience.INTERNAL), Locale.ENGLISH);
        String table = table(html, "perGraduate");

        assertThat(table).startsWith("<table data-table=\"perGraduate\"><caption>Officers trained by each graduate: " + TOT_TITLE
                + "</caption><tr><th>Graduate</th><th>Officers they trained, alone or with other graduates</th></tr>");
        assertThat(html.substring(html.indexOf(table) + table.length())).startsWith("</table><p>An officer trained by two graduates "
                + "together counts for both, so these need not add up to the officers trained.</p>");
    }

    /** The demo ToT's title as HTML writes it ("Migrants' Smuggling"). */
    private static final String TOT_TITLE = DemoRoster.almatyTot().event().title().replace("'", "&#39;");

    @Test
    void the_programme_page_draws_the_pool_funnel_and_the_cascade_reach() {
        String html = HtmlRenderer.programme(programme(Audience.INTERNAL), Locale.ENGLISH);

        assertThat(html.split("<svg", -1)).hasSize(4);
        assertThat(html).contains("<title id=\"chart2-title\">Trainer pool</title>")
                .contains("<desc id=\"chart2-desc\">Reached this level: Trainee: 28; Co-trainer: 28; "
                        + "Certified trainer: 6; Lead trainer: 4</desc>")
                .contains("<desc id=\"chart3-desc\">Graduates 25, Officers trained by graduates 16</desc>")
                // the pool as of the period's last day, not "now"; inactive is taken out of service (the newcomer's review)
                .contains("<th>At this level on the period&#39;s last day</th>").contains("Taken out of service: ")
                .contains("in the 2 years up to the period&#39;s last day")
                // the ToT by its title, not its id (an M&E officer reads "Cascade reach: tot-almaty-2023" as a code)
                .contains("<title id=\"chart3-title\">Cascade reach: " + TOT_TITLE + "</title>")
                .contains("<tr><td>" + TOT_TITLE + "</td><td>25</td><td>1</td><td>16</td><td>0.64</td></tr>")
                .doesNotContain(DemoRoster.almatyTot().event().id().value())
                .contains("<div class=\"figure\"><small>Officials trained:</small> <span>42</span></div>")
                // The officials' table by organisation says officials, as its column does (it said "Participants by organisation").
                .contains("<caption>Officials trained by organisation</caption>").doesNotContain("Participants by organisation")
                // A percentage's baseline and target are percentages, said so; a count's are not (the newcomer's review of session 20).
                .contains("<td>I2 Share of women among the officials trained</td><td>10 %</td><td>25 %</td><td>the whole programme</td>"
                        + "<td>9 / 42 (21.4 %)</td><td>computed from the data</td>")
                .contains("<td>I1 Border officials trained on countering migrant smuggling</td><td>0</td><td>100</td>")
                .doesNotContainPattern("(?i)(src|href)\\s*=");
    }

    @Test
    void the_public_programme_page_names_no_graduate() {
        String html = HtmlRenderer.programme(programme(Audience.PUBLIC), Locale.forLanguageTag("ru"));

        assertThat(html).contains("Каскадный охват").doesNotContain("graduate 1").doesNotContain("Farkhod").doesNotContain("Фарход");
    }

    @Test
    void both_languages_have_every_label() {
        assertThat(Labels.keys(true)).isEqualTo(Labels.keys(false));
    }

    @Test
    void every_note_has_russian_words_with_the_same_figures() {
        for (Note.Code code : Note.Code.values()) {
            String russian = Labels.russian(code);
            assertThat(russian).as(code.name()).isNotBlank();
            for (int i = 0; i < code.arity(); i++) {
                assertThat(russian).as(code.name()).contains("{" + i + "}");
            }
            assertThat(russian).as(code.name()).doesNotContain("{" + code.arity() + "}");
        }
    }

    /** The Russian pages' notes were English sentences under a Russian heading (the newcomer's review of session 18). */
    @Test
    void the_russian_pages_write_their_notes_in_russian() {
        String event = HtmlRenderer.event(DONOR, Locale.forLanguageTag("ru"));
        String programme = HtmlRenderer.programme(programme(Audience.DONOR), Locale.forLanguageTag("ru"));

        for (String html : java.util.List.of(event, programme)) {
            String notes = html.substring(html.indexOf("<ul class=\"notes\">")).replaceAll("<[^>]*>", " ");
            assertThat(notes).contains("«скрыто»: показатель не приводится для защиты людей, потому что в нём меньше 5 человек").doesNotContainPattern("[A-Za-z]{4,}");
        }
        // A withheld cell, figure or bar end is written in the page's words too ("<k" once stood for every one of them).
        for (String html : java.util.List.of(event, programme)) {
            assertThat(html).contains("<td class=\"suppressed\">скрыто</td>");
            assertThat(html.replaceAll("<[^>]*>", " ")).doesNotContain("withheld").doesNotContain("<k");
        }
        assertThat(event).contains("только по парным входным и итоговым тестам");
        assertThat(programme).contains("Обученные сотрудники учитывают каждого человека в периоде один раз");
        // The events' kinds and the goals in words of the page, not codes (the newcomer's review of session 19: "(tot)", "SDG 11").
        assertThat(programme).contains("(обучение тренеров)").contains("(каскадное обучение)").contains("ЦУР 16")
                .doesNotContain("(tot)").doesNotContain("(cascade)").doesNotContain("SDG");
        assertThat(JsonRenderer.render(DONOR)).contains("\"\\\"withheld\\\": a figure left out to protect individuals, because it counts fewer than 5 people");
    }

    @Test
    void the_donor_page_shows_markers_not_zeros_and_no_names() {
        String html = HtmlRenderer.event(DONOR, Locale.ENGLISH);

        assertThat(html).contains("<td class=\"suppressed\">withheld</td>").contains("&quot;withheld&quot;: a figure left out")
                .doesNotContain("&lt;k")
                .doesNotContain("Farkhod").doesNotContain("Абдуллоев").doesNotContain("Bellini").doesNotContain("Two hours");
    }

    @Test
    void the_page_does_not_depend_on_the_default_locale() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("ar-EG"));
            String underArabic = HtmlRenderer.event(INTERNAL, Locale.ENGLISH);
            Locale.setDefault(Locale.ENGLISH);
            assertThat(underArabic).isEqualTo(HtmlRenderer.event(INTERNAL, Locale.ENGLISH));
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void the_indicator_table_says_whose_target_it_shows_and_what_staff_entered_or_that_they_did_not() {
        var y2023 = org.cadre.roster.DateRange.of(java.time.LocalDate.of(2023, 1, 1), java.time.LocalDate.of(2023, 12, 31));
        var framework = org.cadre.reporting.ResultsFramework.of(
                org.cadre.reporting.ResultsFramework.Indicator.custom("C1", "Procedures adopted",
                        org.cadre.reporting.ResultsFramework.Measure.COUNT, java.math.BigDecimal.ZERO,
                        java.util.List.of(new org.cadre.reporting.ResultsFramework.Target(java.util.Optional.of(y2023), java.math.BigDecimal.TEN)),
                        java.util.List.of(org.cadre.reporting.ResultsFramework.ReportedActual.of(y2023.first(), y2023.last(),
                                java.math.BigDecimal.valueOf(2)).withNote("Order <12>"))),
                org.cadre.reporting.ResultsFramework.Indicator.custom("C2", "Posts applying them",
                        org.cadre.reporting.ResultsFramework.Measure.PERCENTAGE, java.math.BigDecimal.ZERO, java.util.List.of(), java.util.List.of()));
        var report = org.cadre.reporting.ProgrammeReports.of(DemoRoster.programme(),
                java.util.List.of(DemoRoster.almatyTot(), DemoRoster.dushanbeCascade()), DemoRoster.pool(), framework,
                java.time.LocalDate.of(2023, 7, 1), java.time.LocalDate.of(2023, 9, 30), Disclosure.forAudience(Audience.DONOR));

        String en = HtmlRenderer.programme(report, Locale.ENGLISH);
        String ru = HtmlRenderer.programme(report, Locale.forLanguageTag("ru"));

        assertThat(en).contains("<td>C1 Procedures adopted</td><td>0</td><td>10</td><td>1 January 2023 – 31 December 2023</td>"
                        + "<td>not reported</td><td>entered by staff</td>")
                .contains("<td>C2 Posts applying them</td><td>0 %</td><td>no target for this period</td><td></td><td>not reported</td>");
        assertThat(ru).contains("не представлено").contains("нет цели на этот период");
    }
}
