package org.cadre.reporting.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import javax.xml.parsers.DocumentBuilderFactory;
import org.cadre.reporting.EventReports;
import org.cadre.reporting.ProgrammeReport;
import org.cadre.reporting.ProgrammeReports;
import org.cadre.reporting.demo.DemoResults;
import org.cadre.reporting.disclosure.Audience;
import org.cadre.reporting.disclosure.Disclosure;
import org.cadre.roster.Programme;
import org.cadre.roster.demo.DemoRoster;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Whatever text a record holds, the renderers write well-formed XML and HTML and CSV cells no spreadsheet runs. */
class RenderSafetyTest {

    @ParameterizedTest
    @ValueSource(strings = {"=1+1", "+A1", "-A1", "@SUM(A1)", "\t=1", "\r=1", "=HYPERLINK(\"http://evil.example\",\"x\")"})
    void a_cell_that_would_start_a_formula_is_text(String cell) {
        assertThat(CsvRenderer.safe(cell)).isEqualTo("'" + cell);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-3", "-0.25", "+4", "42", "<k", "Border Service", "KZ", ""})
    void a_number_or_plain_text_is_left_as_it_is(String cell) {
        assertThat(CsvRenderer.safe(cell)).isEqualTo(cell);
    }

    /** Random text with the characters XML cannot carry mixed in. */
    private static String hostile(Random rnd) {
        StringBuilder s = new StringBuilder();
        int n = 1 + rnd.nextInt(40);
        for (int i = 0; i < n; i++) {
            switch (rnd.nextInt(6)) {
                case 0 -> s.append((char) rnd.nextInt(0x20));
                case 1 -> s.append(rnd.nextBoolean() ? '\uFFFE' : '\uFFFF');
                case 2 -> s.append(rnd.nextBoolean() ? '\uD800' : '\uDC00');
                case 3 -> s.appendCodePoint(0x10000 + rnd.nextInt(0x10000));
                case 4 -> s.append("<&\"'>");
                default -> s.append((char) (0x20 + rnd.nextInt(0xD000)));
            }
        }
        return s.toString().isBlank() ? "x" + s : s.toString();
    }

    private static ProgrammeReport report(Programme programme) {
        return ProgrammeReports.of(programme, List.of(DemoRoster.almatyTot(), DemoRoster.dushanbeCascade()), DemoRoster.pool(),
                DemoResults.framework(), LocalDate.of(2023, 1, 1), LocalDate.of(2024, 12, 31), Disclosure.forAudience(Audience.PUBLIC));
    }

    /** The demo programme's public report, audited once: a programme's title and donor change none of its figures. */
    private static final ProgrammeReport DEMO = report(DemoRoster.programme());

    private static final String EVENT_HTML = HtmlRenderer.event(EventReports.of(DemoRoster.almatyTot(),
            Disclosure.forAudience(Audience.INTERNAL)), Locale.ENGLISH);

    private static Programme hostile(Random rnd, Programme p) {
        return new Programme(p.id(), hostile(rnd), hostile(rnd), p.countries(), p.sdgs());
    }

    /** The demo's report as {@link ProgrammeReports#of} writes it for a programme of another title and donor. */
    private static ProgrammeReport titled(Programme p) {
        var f = DEMO.programme();
        return new ProgrammeReport(DEMO.audience(), DEMO.k(), new ProgrammeReport.Facts(f.id(), p.title(), p.donor(), f.countries(),
                f.sdgs(), f.start(), f.end()), DEMO.from(), DEMO.to(), DEMO.events(), DEMO.regions(), DEMO.officialsTrained(),
                DEMO.officialsBySexAndCountry(), DEMO.officialsByOrganisation(), DEMO.pool(), DEMO.cascades(), DEMO.indicators(),
                DEMO.notes());
    }

    static java.util.stream.LongStream threeSeeds() {
        return org.cadre.curriculum.fixtures.Seeds.seeds(3); // each audits the whole report again
    }

    /**
     * The test below gives the renderers the demo's report with hostile text in place of its title and donor, rather than
     * a report audited anew for each of 200 seeds (3 minutes of the build): this proves the library writes exactly that report.
     */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("threeSeeds")
    void a_programme_of_any_title_and_donor_reports_the_same_figures_under_them(long seed) {
        Programme hostile = hostile(new Random(seed), DemoRoster.programme());

        assertThat(report(hostile)).as("seed %d", seed).isEqualTo(titled(hostile));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("org.cadre.curriculum.fixtures.Seeds#seeds")
    void any_text_in_a_programme_gives_well_formed_iati_and_html(long seed) throws Exception {
        Random rnd = new Random(seed);
        var report = titled(hostile(rnd, DemoRoster.programme()));

        String xml = IatiRenderer.activities(report, new IatiRenderer.Publisher("XM-1", hostile(rnd), "40"),
                LocalDate.of(2025, 1, 15));
        String html = HtmlRenderer.programme(report, Locale.ENGLISH);
        String eventHtml = EVENT_HTML;

        assertThatCode(() -> DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)))).as("seed %d", seed).doesNotThrowAnyException();
        assertThat(XmlText.clean(html)).isEqualTo(html);
        assertThat(XmlText.clean(eventHtml)).isEqualTo(eventHtml);
    }
}
