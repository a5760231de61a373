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

    /** The first six of {@link IndependentAttackTest}'s seeds, whose programme reports that test protects once for both. */
    static java.util.stream.LongStream seeds() {
        return Seeds.seeds(6);
    }

    private static Disclosure disclosure(long seed) {
        return Disclosure.forAudience(new Random(seed + 3).nextBoolean() ? Audience.DONOR : Audience.PUBLIC);
    }

    private static String text(Cell c) {
        return c.isPublished() ? Long.toString(c.get()) : Cell.MARKER;
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
            // The key to the marker, on the total line, whenever the audience's threshold may withhold (the newcomer's review
            // of session 18 found a file of "<k" cells that did not say what they meant).
            boolean keyed = r == t.rows().size() && report.k() > 1;
            expected.add(keyed ? "\"withheld\": a figure left out to protect individuals, because it counts fewer than " + report.k()
                    + " people or because such a count could be worked out from it. Never a zero." : "");
            assertThat(line.toList().subList(4, line.size())).as("seed %d, line %d", seed, r).isEqualTo(expected);
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void iati_writes_each_dimension_of_the_officials_trained_as_the_report_holds_it(long seed) throws Exception {
        ProgrammeReport report = IndependentAttackTest.shownReport(seed);
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
            assertThat(actual.hasAttribute("value") ? actual.getAttribute("value") : Cell.MARKER).as("seed %d, %s %s", seed, dimension.getAttribute("name"), value)
                    .isEqualTo(text(cell));
            seen++;
        }
        assertThat(seen).isEqualTo(t.columns().size() + t.rows().size());
        // And no actual anywhere writes a value that the report withholds: each indicator's actual is the
        // report's published count or percentage, or has no value where the report withholds it.
        List<java.math.BigDecimal> published = new ArrayList<>();
        report.indicators().forEach(ind -> {
            ind.count().filter(Cell::isPublished).ifPresent(count -> published.add(java.math.BigDecimal.valueOf(count.get())));
            ind.actual().flatMap(share -> share.percent()).ifPresent(published::add);
            ind.reported().ifPresent(published::add); // a custom indicator's actual, as staff entered it
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

    private static String json(com.fasterxml.jackson.databind.JsonNode cell) {
        return cell.get("suppressed").asBoolean() ? Cell.MARKER : cell.get("value").asText();
    }

    private static String number(com.fasterxml.jackson.databind.JsonNode value) {
        return value == null || value.isNull() ? "" : value.decimalValue().toPlainString();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void the_programme_csv_writes_exactly_the_cells_the_json_publishes(long seed) throws Exception {
        ProgrammeReport report = IndependentAttackTest.shownReport(seed);
        var json = org.cadre.reporting.render.JsonRenderer.mapper().readTree(org.cadre.reporting.render.JsonRenderer.render(report));
        var t = json.get("officialsBySexAndCountry");

        List<CSVRecord> lines = CSVFormat.RFC4180.parse(new StringReader(CsvRenderer.programme(report, "IOM").substring(1))).getRecords();
        assertThat(lines.get(0).toList()).isEqualTo(CsvRenderer.PROGRAMME_HEADER);
        assertThat(lines.get(1).toList()).isEqualTo(CsvRenderer.PROGRAMME_HXL);
        int rows = t.get("rows").size();
        assertThat(lines).hasSize(2 + rows + 1 + json.get("indicators").size() + json.get("notes").size());
        for (int r = 0; r <= rows; r++) {
            CSVRecord line = lines.get(2 + r);
            List<String> expected = new ArrayList<>(List.of(r < rows ? t.get("rows").get(r).asText() : "total"));
            for (int c = 0; c < t.get("columns").size(); c++) {
                expected.add(json(r < rows ? t.get("cells").get(r).get(c) : t.get("columnTotals").get(c)));
            }
            expected.add(json(r < rows ? t.get("rowTotals").get(r) : t.get("total")));
            assertThat(line.get(4)).isEqualTo("officials");
            assertThat(line.toList().subList(5, 11)).as("seed %d, line %d", seed, r).isEqualTo(expected);
            assertThat(line.toList().subList(11, line.size())).allMatch(String::isEmpty);
        }
        for (int i = 0; i < json.get("indicators").size(); i++) {
            var ind = json.get("indicators").get(i);
            CSVRecord line = lines.get(2 + rows + 1 + i);
            String actual;
            String numerator = "";
            String denominator = "";
            if (ind.get("kind").asText().equals("custom")) {
                actual = ind.get("reported").isNull() ? CsvRenderer.NOT_REPORTED : number(ind.get("reported"));
            } else if (!ind.get("actual").isNull()) {
                numerator = json(ind.get("actual").get("numerator"));
                denominator = json(ind.get("actual").get("denominator"));
                actual = !ind.get("actual").get("percent").isNull() ? number(ind.get("actual").get("percent"))
                        : numerator.equals(Cell.MARKER) || denominator.equals(Cell.MARKER) ? Cell.MARKER : "";
            } else {
                actual = json(ind.get("count"));
            }
            String note = ind.get("note").isNull() ? "" : "'" + ind.get("note").asText(); // a formula-like note is written as text
            var period = ind.get("targetPeriod");
            assertThat(line.toList().subList(4, line.size())).as("seed %d, indicator %s", seed, ind.get("id").asText()).isEqualTo(List.of(
                    "indicator", "", "", "", "", "", "", ind.get("id").asText(), ind.get("title").asText(), ind.get("kind").asText(),
                    ind.get("measure").asText(), number(ind.get("baseline")), number(ind.get("target")),
                    period.isNull() ? "" : period.get("first").asText(), period.isNull() ? "" : period.get("last").asText(),
                    actual, numerator, denominator, note));
        }
        // Then the report's notes, the JSON's words, one a line: the first says what <k means when anything may be withheld.
        int notesAt = 2 + rows + 1 + json.get("indicators").size();
        for (int i = 0; i < json.get("notes").size(); i++) {
            CSVRecord line = lines.get(notesAt + i);
            assertThat(line.get(4)).isEqualTo("note");
            assertThat(line.toList().subList(5, line.size() - 1)).allMatch(String::isEmpty);
            assertThat(line.get(line.size() - 1)).isEqualTo(json.get("notes").get(i).asText());
        }
        assertThat(report.k()).as("a donor or public report").isGreaterThan(1);
        assertThat(lines.get(notesAt).get(PROGRAMME_NOTE)).startsWith("\"withheld\": a figure left out to protect individuals, because it counts fewer than " + report.k() + " ");
    }

    private static final int PROGRAMME_NOTE = CsvRenderer.PROGRAMME_HEADER.indexOf("Note");
}
