package org.cadre.reporting.render;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.cadre.reporting.EventReport;
import org.cadre.reporting.EventReports;
import org.cadre.reporting.disclosure.Cell;
import org.cadre.reporting.disclosure.Table;

/**
 * The people reached by an event as CSV with an HXL hashtag row under the header: one line per country
 * and a total line, participants by sex. UTF-8 with a byte-order mark and CRLF line ends, so spreadsheet
 * programs open Cyrillic text correctly; suppressed cells show {@value Cell#MARKER}.
 */
public final class CsvRenderer {

    /** The header and HXL row, column by column. */
    public static final List<String> HEADER = List.of("Implementing organisation", "Programme", "Event", "Country",
            "Female", "Male", "Another", "Not recorded", "Total");
    public static final List<String> HXL = List.of("#org +impl", "#activity +programme", "#activity +code", "#country +code",
            "#reached +f", "#reached +m", "#reached +another", "#reached +unknown", "#reached +total");

    private static final char BOM = '\uFEFF';

    private CsvRenderer() {}

    /**
     * A cell a spreadsheet will not run as a formula (OWASP's CSV injection rule): text that begins with
     * {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return is prefixed with an
     * apostrophe, which spreadsheets show as text. A number (a negative one too) stays as it is.
     */
    public static String safe(String cell) {
        if (cell == null || cell.isEmpty() || "=+-@\t\r".indexOf(cell.charAt(0)) < 0 || NUMBER.matcher(cell).matches()) {
            return cell;
        }
        return "'" + cell;
    }

    private static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern.compile("[-+]?\\d+(\\.\\d+)?");

    private static List<String> safe(List<String> cells) {
        return cells.stream().map(CsvRenderer::safe).toList();
    }

    /**
     * @param implementer the implementing organisation's name, for the {@code #org +impl} column
     */
    public static String reach(EventReport report, String implementer) {
        Table t = report.participantsByCountryAndSex();
        StringWriter out = new StringWriter();
        out.write(BOM);
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").get())) {
            csv.printRecord(HEADER);
            csv.printRecord(HXL);
            for (int r = 0; r < t.rows().size(); r++) {
                List<String> line = new ArrayList<>(List.of(implementer, report.event().programmeId(), report.event().id(), t.rows().get(r)));
                for (int c = 0; c < EventReports.SEX_COLUMNS.size(); c++) {
                    line.add(t.cell(r, c).text());
                }
                line.add(t.rowTotals().get(r).text());
                csv.printRecord(safe(line));
            }
            List<String> total = new ArrayList<>(List.of(implementer, report.event().programmeId(), report.event().id(), "total"));
            t.columnTotals().forEach(c -> total.add(c.text()));
            total.add(t.total().text());
            csv.printRecord(safe(total));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
