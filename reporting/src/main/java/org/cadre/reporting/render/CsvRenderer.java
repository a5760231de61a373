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
import org.cadre.reporting.Note;
import org.cadre.reporting.ProgrammeReport;
import org.cadre.reporting.ProgrammeReport.IndicatorResult;
import org.cadre.reporting.disclosure.Cell;
import org.cadre.reporting.disclosure.Table;

/**
 * Reports as CSV with an HXL hashtag row under the header. An event's: the people reached, one line per
 * country and a total line, participants by sex ({@link #reach}). A programme's: the officials trained in the
 * same shape, then one line per indicator of its results framework ({@link #programme}). UTF-8 with a
 * byte-order mark and CRLF line ends, so spreadsheet programs open Cyrillic text correctly; suppressed cells
 * show {@value Cell#MARKER}, exactly where the report withholds them, and the file says what the marker means: in the
 * event file's {@code Note} column on its total line, in the programme file's {@code note} lines (every note of the
 * report), so a spreadsheet read apart from the report still explains itself.
 */
public final class CsvRenderer {

    /** The header and HXL row, column by column. */
    public static final List<String> HEADER = List.of("Implementing organisation", "Programme", "Event", "Country",
            "Female", "Male", "Another", "Not recorded", "Total", "Note");
    public static final List<String> HXL = List.of("#org +impl", "#activity +programme", "#activity +code", "#country +code",
            "#reached +f", "#reached +m", "#reached +another", "#reached +unknown", "#reached +total", "#description +note");

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
                line.add("");
                csv.printRecord(safe(line));
            }
            List<String> total = new ArrayList<>(List.of(implementer, report.event().programmeId(), report.event().id(), "total"));
            t.columnTotals().forEach(c -> total.add(c.text()));
            total.add(t.total().text());
            total.add(report.notes().stream().filter(n -> n.code() == Note.Code.WITHHELD).map(Note::text).findFirst().orElse(""));
            csv.printRecord(safe(total));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** The header of a programme's CSV, column by column. */
    public static final List<String> PROGRAMME_HEADER = List.of("Implementing organisation", "Programme", "From", "To", "Section",
            "Country", "Female", "Male", "Another", "Not recorded", "Total", "Indicator", "Indicator title", "Kind", "Measure",
            "Baseline", "Target", "Target from", "Target to", "Actual", "Numerator", "Denominator", "Note");

    /** The HXL row of a programme's CSV. */
    public static final List<String> PROGRAMME_HXL = List.of("#org +impl", "#activity +programme", "#date +start", "#date +end",
            "#meta +section", "#country +code", "#reached +f", "#reached +m", "#reached +another", "#reached +unknown", "#reached +total",
            "#indicator +code", "#indicator +name", "#indicator +type", "#indicator +measure", "#indicator +baseline",
            "#indicator +target", "#date +target +start", "#date +target +end", "#indicator +actual", "#indicator +numerator",
            "#indicator +denominator", "#description +note");

    /** What the Actual column says of a custom indicator whose actual staff did not enter for the period. */
    public static final String NOT_REPORTED = "not reported";

    /**
     * A programme report as CSV: the officials trained by country and sex (section {@code officials}: a line
     * per country and a total line), then each indicator (section {@code indicator}) with its baseline, the
     * target the report shows (its period in Target from and Target to, both empty for the whole
     * programme's target; Target empty when there is none) and the actual: a computed count, a computed
     * percentage with its numerator and denominator, or a custom indicator's actual as entered (or
     * {@value #NOT_REPORTED}) with its note. Every cell is the report's cell: withheld ones show
     * {@value Cell#MARKER}. Last, the report's notes (section {@code note}), each in the {@code Note} column, the first saying
     * what {@value Cell#MARKER} means when the audience's threshold withholds anything.
     *
     * @param implementer the implementing organisation's name, for the {@code #org +impl} column
     */
    public static String programme(ProgrammeReport report, String implementer) {
        Table t = report.officialsBySexAndCountry();
        StringWriter out = new StringWriter();
        out.write(BOM);
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").get())) {
            csv.printRecord(PROGRAMME_HEADER);
            csv.printRecord(PROGRAMME_HXL);
            List<String> lead = List.of(implementer, report.programme().id(), report.from().toString(), report.to().toString());
            for (int r = 0; r <= t.rows().size(); r++) {
                boolean total = r == t.rows().size();
                List<String> line = new ArrayList<>(lead);
                line.add("officials");
                line.add(total ? "total" : t.rows().get(r));
                for (int c = 0; c < t.columns().size(); c++) {
                    line.add((total ? t.columnTotals().get(c) : t.cell(r, c)).text());
                }
                line.add((total ? t.total() : t.rowTotals().get(r)).text());
                line.addAll(java.util.Collections.nCopies(PROGRAMME_HEADER.size() - line.size(), ""));
                csv.printRecord(safe(line));
            }
            for (IndicatorResult i : report.indicators()) {
                List<String> line = new ArrayList<>(lead);
                line.add("indicator");
                line.addAll(java.util.Collections.nCopies(6, ""));
                line.addAll(List.of(i.id(), i.title(), i.kind(), i.measure(), plain(i.baseline()), i.target().map(CsvRenderer::plain).orElse(""),
                        i.targetPeriod().map(p -> p.first().toString()).orElse(""),
                        i.targetPeriod().map(p -> p.last().toString()).orElse("")));
                if (i.isCustom()) {
                    line.addAll(List.of(i.reported().map(CsvRenderer::plain).orElse(NOT_REPORTED), "", "", i.note().orElse("")));
                } else if (i.actual().isPresent()) {
                    var share = i.actual().get();
                    String percent = share.percent().map(CsvRenderer::plain)
                            .orElse(share.numerator().suppressed() || share.denominator().suppressed() ? Cell.MARKER : "");
                    line.addAll(List.of(percent, share.numerator().text(), share.denominator().text(), ""));
                } else {
                    line.addAll(List.of(i.count().orElseThrow().text(), "", "", ""));
                }
                csv.printRecord(safe(line));
            }
            for (Note note : report.notes()) {
                List<String> line = new ArrayList<>(lead);
                line.add("note");
                line.addAll(java.util.Collections.nCopies(PROGRAMME_HEADER.size() - line.size() - 1, ""));
                line.add(note.text());
                csv.printRecord(safe(line));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static String plain(java.math.BigDecimal value) {
        return value.toPlainString();
    }
}
