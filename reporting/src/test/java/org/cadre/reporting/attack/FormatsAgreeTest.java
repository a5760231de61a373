package org.cadre.reporting.attack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.cadre.curriculum.fixtures.Seeds;
import org.cadre.reporting.EventReport;
import org.cadre.reporting.EventReports;
import org.cadre.reporting.ProgrammeReport;
import org.cadre.reporting.ProgrammeReports;
import org.cadre.reporting.demo.DemoResults;
import org.cadre.reporting.disclosure.Audience;
import org.cadre.reporting.disclosure.Cell;
import org.cadre.reporting.disclosure.Disclosure;
import org.cadre.reporting.disclosure.Table;
import org.cadre.reporting.render.CsvRenderer;
import org.cadre.reporting.render.IatiRenderer;
import org.cadre.roster.EventRoster;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * The formats publish the same cells: what the CSV and IATI outputs of a donor or public report write for
 * the people by country and sex is the report's cell, a number where it is published and no number where
 * it is withheld, so no format can undo the audit of the records.
 */
class FormatsAgreeTest {

    static java.util.stream.LongStream seeds() {
        return Seeds.seeds(6);
    }

    private static Disclosure disclosure(long seed) {
        return Disclosure.forAudience(new Random(seed + 3).nextBoolean() ? Audience.DONOR : Audience.PUBLIC);
    }

    private static String text(Cell c) {
        return c.isPublished() ? Long.toString(c.get()) : "<k";
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void the_csv_writes_each_cell_of_the_country_and_sex_table_as_the_report_holds_it(long seed) throws Exception {
        EventRoster roster = IndependentAttackTest.shapedEvent(seed);
        EventReport report = EventReports.of(roster, disclosure(seed));
        Table t = report.participantsByCountryAndSex();

        List<CSVRecord> lines = CSVFormat.RFC4180.parse(new StringReader(CsvRenderer.reach(report, "IOM").substring(1))).getRecords();
        assertThat(lines).hasSize(2 + t.rows().size() + 1);
        for (int r = 0; r <= t.rows().size(); r++) {
            CSVRecord line = lines.get(2 + r);
            List<String> expected = new ArrayList<>();
            for (int c = 0; c < t.columns().size(); c++) {
                expected.add(text(r < t.rows().size() ? t.cell(r, c) : t.columnTotals().get(c)));
            }
            expected.add(text(r < t.rows().size() ? t.rowTotals().get(r) : t.total()));
            assertThat(line.toList().subList(4, line.size())).as("seed %d, line %d", seed, r).isEqualTo(expected);
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void iati_writes_each_dimension_of_the_officials_trained_as_the_report_holds_it(long seed) throws Exception {
        var p = IndependentAttackTest.shapedProgramme(seed);
        ProgrammeReport report = ProgrammeReports.of(p.programme(), p.rosters(), p.pool(), DemoResults.framework(), p.from(), p.to(), disclosure(seed));
        Table t = report.officialsBySexAndCountry();
        String xml = IatiRenderer.activities(report, new IatiRenderer.Publisher("XM-DAC-47066", "IOM", "40"), LocalDate.of(2025, 1, 15));

        var document = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
        NodeList dimensions = document.getElementsByTagName("dimension");
        int seen = 0;
        for (int i = 0; i < dimensions.getLength(); i++) {
            Element dimension = (Element) dimensions.item(i);
            Element actual = (Element) dimension.getParentNode();
            String value = dimension.getAttribute("value");
            Cell cell = dimension.getAttribute("name").equals("sex")
                    ? t.columnTotals().get(t.columns().indexOf(value))
                    : t.rowTotals().get(t.rows().indexOf(value));
            assertThat(actual.hasAttribute("value") ? actual.getAttribute("value") : "<k").as("seed %d, %s %s", seed, dimension.getAttribute("name"), value)
                    .isEqualTo(text(cell));
            seen++;
        }
        assertThat(seen).isEqualTo(t.columns().size() + t.rows().size());
        // And no actual anywhere writes a value that the report withholds: each indicator's actual is the
        // report's published count or percentage, or has no value where the report withholds it.
        List<java.math.BigDecimal> published = new ArrayList<>();
        report.indicators().forEach(ind -> {
            if (ind.count() != null && ind.count().isPublished()) {
                published.add(java.math.BigDecimal.valueOf(ind.count().get()));
            }
            if (ind.actual() != null && ind.actual().percent() != null) {
                published.add(ind.actual().percent());
            }
        });
        t.columnTotals().stream().filter(Cell::isPublished).forEach(c -> published.add(java.math.BigDecimal.valueOf(c.get())));
        t.rowTotals().stream().filter(Cell::isPublished).forEach(c -> published.add(java.math.BigDecimal.valueOf(c.get())));
        NodeList actuals = document.getElementsByTagName("actual");
        for (int i = 0; i < actuals.getLength(); i++) {
            Element actual = (Element) actuals.item(i);
            if (actual.hasAttribute("value")) {
                java.math.BigDecimal value = new java.math.BigDecimal(actual.getAttribute("value"));
                assertThat(published).as("seed %d: %s is a published figure", seed, value).anySatisfy(v -> assertThat(v).isEqualByComparingTo(value));
            }
        }
    }
}
