package org.cadre.documents;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;
import org.cadre.finding.Finding;
import org.cadre.roster.RosterRows;
import org.cadre.roster.RosterRows.Row;

/**
 * Reads a roster file: CSV (RFC 4180, UTF-8, an optional byte-order mark) with a header row of
 * {@link RosterRows#COLUMNS} in any order. A file that is not such a file is refused as a whole with the
 * line at fault; otherwise its rows go to {@link RosterRows#plan}. Never repeats a cell's value: a cell may
 * hold a person's name.
 */
public final class RosterCsv {

    private RosterCsv() {}

    /** The rows of a file, or why the whole file is refused. */
    public record Read(List<Row> rows, List<Finding> refusals) {
        public Read {
            rows = List.copyOf(rows);
            refusals = List.copyOf(refusals);
        }

        public boolean ok() {
            return refusals.isEmpty();
        }
    }

    public static Read read(byte[] file) {
        String decoded;
        try {
            decoded = decode(file);
        } catch (CharacterCodingException e) {
            return refused(RosterRows.fileRefused(badLine(file), "is not valid UTF-8; save the file as UTF-8"));
        }
        String text = decoded.startsWith("\uFEFF") ? decoded.substring(1) : decoded;
        // The records are read one by one into rows (a file of many thousand rows is held once as text and once
        // as rows, never also as a list of records); past the row limit nothing more is kept.
        List<Finding> errors = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        int count = 0;
        int lastLine = 0; // where the last row read began: 1 once the header row is read
        try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setDuplicateHeaderMode(DuplicateHeaderMode.ALLOW_ALL).setIgnoreEmptyLines(true).get().parse(new StringReader(text))) {
            Map<String, Integer> header = parser.getHeaderMap();
            lastLine = 1;
            List<String> names = headerNames(text);
            for (int i = 0; i < names.size(); i++) {
                if (names.subList(0, i).contains(names.get(i))) {
                    errors.add(RosterRows.fileRefused(1, "column " + (i + 1) + " repeats an earlier column"));
                }
            }
            for (String required : List.of("person_id", "country", "role")) {
                if (!header.containsKey(required)) {
                    errors.add(RosterRows.fileRefused(1, "column " + required + " is missing"));
                }
            }
            // A header cell is named by its position, never its text: a file without a header row has a person's
            // details there.
            int position = 0;
            for (String column : header.keySet()) {
                position++;
                if (!RosterRows.COLUMNS.contains(column)) {
                    // A spreadsheet saved with semicolons (or tabs) between cells gives one column of every name.
                    String separated = RosterRows.COLUMNS.stream().filter(known -> column.startsWith(known + ";") || column.startsWith(known + "\t"))
                            .findFirst().map(known -> " (cells are separated by commas; this header row seems to use "
                                    + (column.charAt(known.length()) == ';' ? "semicolons" : "tabs") + ")").orElse("");
                    errors.add(RosterRows.fileRefused(1, "column " + position + " is not one of " + String.join(", ", RosterRows.COLUMNS)
                            + separated));
                }
            }
            int[] breaks = errors.isEmpty() ? java.util.stream.IntStream.range(0, text.length()).filter(i -> text.charAt(i) == '\n').toArray()
                    : new int[0];
            for (CSVRecord record : parser) {
                if (++count > RosterRows.MAX_ROWS) {
                    break;
                }
                if (errors.isEmpty()) {
                    Row row = row(record, header, breaks);
                    rows.add(row);
                    lastLine = row.line();
                }
            }
        } catch (IOException | IllegalArgumentException | IllegalStateException | java.io.UncheckedIOException e) {
            // Commons CSV reports a malformed file (an unclosed quote) only by throwing. Past a good header row the
            // fault lies after the last row read (the newcomer's review: a quote left open on line 4 was blamed on
            // the header row); it began on the next line unless that row took several lines.
            if (lastLine > 0 && errors.isEmpty()) {
                return refused(RosterRows.fileRefused(lastLine + 1, "a quoted cell is not closed (a \" that no \" closes, on this"
                        + " line or a later one); nothing after it could be read"));
            }
            return refused(RosterRows.fileRefused(1, "the file is not CSV with a header row of " + String.join(",", RosterRows.COLUMNS)));
        }
        if (count == 0) {
            errors.add(RosterRows.fileRefused(2, "the file has no rows"));
        }
        if (count > RosterRows.MAX_ROWS) {
            errors.add(RosterRows.tooManyRows());
        }
        if (!errors.isEmpty()) {
            return new Read(List.of(), errors);
        }
        return new Read(rows, List.of());
    }

    private static Row row(CSVRecord record, Map<String, Integer> header, int[] breaks) {
        Map<String, String> cells = new HashMap<>();
        List<String> unreadable = new ArrayList<>();
        for (String column : RosterRows.COLUMNS) {
            if (header.containsKey(column) && record.isSet(column)) {
                cells.put(column, record.get(column));
                Texts.problem(record.get(column), column).ifPresent(p -> unreadable.add(column + ": " + p));
            }
        }
        return new Row(lineOf(breaks, record.getCharacterPosition()), cells, record.size() > header.size(), unreadable);
    }

    private static Read refused(Finding why) {
        return new Read(List.of(), List.of(why));
    }

    /** The cells of the header row as written (Commons CSV keeps only the first of repeated names). */
    private static List<String> headerNames(String text) {
        try (CSVParser first = CSVFormat.RFC4180.builder().setTrim(true).get().parse(new StringReader(text))) {
            var it = first.iterator();
            return it.hasNext() ? it.next().toList() : List.of();
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    /** The 1-based line on which the character at {@code position} stands, given where the line breaks are. */
    private static int lineOf(int[] breaks, long position) {
        int at = java.util.Arrays.binarySearch(breaks, (int) position);
        return (at >= 0 ? at : -at - 1) + 1;
    }

    private static String decode(byte[] bytes) throws CharacterCodingException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CharBuffer chars = decoder.decode(ByteBuffer.wrap(bytes));
        return chars.toString();
    }

    /** The line of the first byte that is not UTF-8. */
    private static int badLine(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT);
        int line = 1;
        int start = 0;
        for (int i = 0; i <= bytes.length; i++) {
            if (i == bytes.length || bytes[i] == '\n') {
                try {
                    decoder.reset().decode(ByteBuffer.wrap(bytes, start, i - start));
                } catch (CharacterCodingException e) {
                    return line;
                }
                line++;
                start = i + 1;
            }
        }
        return line;
    }
}
