package org.cadre.documents;

import java.io.IOException;
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

    /** The rows of a file held whole, or why the whole file is refused (as {@link #open}, for files of a size to hold). */
    public static Read read(byte[] file) {
        Rows rows = open(file);
        if (!rows.ok()) {
            return new Read(List.of(), rows.refusals());
        }
        List<Row> all = new ArrayList<>(rows.count());
        for (List<Row> chunk = rows.next(1_000); !chunk.isEmpty(); chunk = rows.next(1_000)) {
            all.addAll(chunk);
        }
        return new Read(all, List.of());
    }

    /**
     * Opens a file to be read a chunk of rows at a time, so that a file of many thousand rows is never held as
     * rows all at once. The file is read through once on opening without keeping its rows (its encoding, its
     * header row, every quote closed, its rows counted): a file refused as a whole is refused before any row
     * is read.
     *
     * @param file the file's bytes
     * @return the file's rows to read, or why the whole file is refused
     */
    public static Rows open(byte[] file) {
        int from = file.length >= 3 && (file[0] & 0xFF) == 0xEF && (file[1] & 0xFF) == 0xBB && (file[2] & 0xFF) == 0xBF ? 3 : 0;
        Lines breaks;
        try {
            breaks = lines(file, from);
        } catch (CharacterCodingException e) {
            int[] bad = badLine(file);
            Finding fault = RosterRows.fileRefused(bad[0], "is not valid UTF-8; save the file as UTF-8");
            // The rows before the bad line are still given, to be checked, so that one answer names every fault (the
            // attacker's review: a bad row on line 2 came only after line 3's bytes were mended).
            Rows before = bad[0] > 2 ? open(java.util.Arrays.copyOf(file, bad[1])) : Rows.refused(fault);
            return before.ok() ? before.refusedWith(fault) : Rows.refused(fault);
        }
        // Read through once, keeping nothing: a fault anywhere (an unclosed quote on the last line) refuses the file
        // before any row is checked.
        List<Finding> errors = new ArrayList<>();
        int count = 0;
        int lastLine = 0; // where the last row read began: 1 once the header row is read
        List<String> names = headerNames(file, from);
        Map<String, Integer> header = columns(names);
        try (CSVParser parser = parser(file, from)) {
            lastLine = 1;
            errors.addAll(headerProblems(header, names));
            for (CSVRecord record : parser) {
                if (blank(record)) {
                    continue; // a row of empty cells (",,,", as spreadsheets write) is skipped, as an empty line is
                }
                if (++count > RosterRows.MAX_ROWS) {
                    break;
                }
                if (errors.isEmpty()) {
                    lastLine = breaks.lineOf(record.getCharacterPosition());
                }
            }
        } catch (IOException | IllegalArgumentException | IllegalStateException | java.io.UncheckedIOException e) {
            // Commons CSV reports a malformed file (an unclosed quote) only by throwing. Past a good header row the
            // fault lies after the last row read (the newcomer's review: a quote left open on line 4 was blamed on
            // the header row); it began on the next line unless that row took several lines.
            if (lastLine > 0 && errors.isEmpty()) {
                // Its words tell the two faults apart; they are the parser's own, never the file's text.
                boolean afterQuote = String.valueOf(e.getMessage()).contains("between encapsulated token and delimiter");
                Finding fault = RosterRows.fileRefused(lastLine + 1, afterQuote
                        ? "a quoted cell has more text after its closing \" (write the whole cell within the quotes, and a \" in it as \"\");"
                                + " nothing after it could be read"
                        : "a quoted cell is not closed (a \" that no \" closes, on this line or a later one); nothing after it could be read");
                // The rows read before it are still given, to be checked: one answer names every fault.
                try {
                    return new Rows(parser(file, from), header, names.size(), breaks, count, List.of(fault));
                } catch (IOException | RuntimeException again) {
                    return Rows.refused(fault);
                }
            }
            return Rows.refused(RosterRows.fileRefused(1, "the file is not CSV with a header row of " + String.join(",", RosterRows.COLUMNS)));
        }
        if (count == 0) {
            errors.add(RosterRows.fileRefused(2, "the file has no rows"));
        }
        if (count > RosterRows.MAX_ROWS) {
            errors.add(RosterRows.tooManyRows());
        }
        if (!errors.isEmpty()) {
            return new Rows(null, null, 0, null, 0, errors);
        }
        try {
            CSVParser parser = parser(file, from);
            return new Rows(parser, header, names.size(), breaks, count, List.of());
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("a file read through once could not be read again", e);
        }
    }

    /**
     * A roster file's rows, read a chunk at a time in the file's order (see {@link #open}), or why the whole
     * file is refused.
     */
    public static final class Rows {
        private final CSVParser parser;
        private final java.util.Iterator<CSVRecord> records;
        private final Map<String, Integer> header;
        private final int headerCells;
        private final Lines breaks;
        private final int count;
        private final List<Finding> refusals;
        private int read;

        private Rows(CSVParser parser, Map<String, Integer> header, int headerCells, Lines breaks, int count, List<Finding> refusals) {
            this.parser = parser;
            this.records = parser == null ? java.util.Collections.emptyIterator() : parser.iterator();
            this.header = header;
            this.headerCells = headerCells;
            this.breaks = breaks;
            this.count = count;
            this.refusals = List.copyOf(refusals);
        }

        private static Rows refused(Finding why) {
            return new Rows(null, null, 0, null, 0, List.of(why));
        }

        /** These rows, the file refused for {@code why} after them. */
        private Rows refusedWith(Finding why) {
            return new Rows(parser, header, headerCells, breaks, count, List.of(why));
        }

        /** {@return whether the file may be imported row by row (no refusal of the whole file)} */
        public boolean ok() {
            return refusals.isEmpty();
        }

        /** {@return why the whole file is refused; empty when it is not} */
        public List<Finding> refusals() {
            return refusals;
        }

        /**
         * How many rows {@link #next} gives: every row of a file that is not refused; of a refused one, the rows before
         * a fault after which nothing could be read (a quote left open, bytes that are not UTF-8), to be checked so that
         * one answer names every fault, or none.
         *
         * @return the rows to read
         */
        public int count() {
            return count;
        }

        /**
         * The next rows of the file.
         *
         * @param max the most rows returned
         * @return up to {@code max} rows, in the file's order; empty once every row has been read
         */
        public List<Row> next(int max) {
            if (max < 1) {
                throw new IllegalArgumentException("max must be positive: " + max);
            }
            List<Row> out = new ArrayList<>(Math.min(max, count - read));
            while (out.size() < max && read < count && records.hasNext()) {
                CSVRecord record = records.next();
                if (!blank(record)) {
                    out.add(row(record, header, headerCells, breaks));
                    read++;
                }
            }
            if (read == count && parser != null) {
                try {
                    parser.close();
                } catch (IOException e) {
                    // a reader over bytes in memory: nothing to release
                }
            }
            return out;
        }
    }

    /** The parser of a roster file from {@code from} (past a byte order mark), its header row read. */
    private static CSVParser parser(byte[] file, int from) throws IOException {
        // Cells are trimmed by trimmed(), not by the parser, whose trimming also drops control characters at a cell's
        // ends: a cell holding one is refused, as the JSON API refuses it, not stored without it (the attacker's review).
        CSVParser parser = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get().parse(reader(file, from));
        var rows = parser.iterator();
        if (rows.hasNext()) {
            rows.next(); // the header row, read by headerNames
        }
        return parser;
    }

    private static java.io.Reader reader(byte[] file, int from) {
        return new java.io.InputStreamReader(new java.io.ByteArrayInputStream(file, from, file.length - from), StandardCharsets.UTF_8);
    }

    /** What is wrong with the header row: repeated, missing and unknown columns, each named by its position. */
    private static List<Finding> headerProblems(Map<String, Integer> header, List<String> names) {
        List<Finding> errors = new ArrayList<>();
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
        return errors;
    }

    private static Row row(CSVRecord record, Map<String, Integer> header, int headerCells, Lines breaks) {
        Map<String, String> cells = new HashMap<>();
        List<String> unreadable = new ArrayList<>();
        for (String column : RosterRows.COLUMNS) {
            Integer at = header.get(column);
            if (at != null && at < record.size()) {
                String cell = trimmed(record.get(at));
                cells.put(column, cell);
                Texts.problem(cell, column).ifPresent(p -> unreadable.add(column + ": " + p));
            }
        }
        return new Row(breaks.lineOf(record.getCharacterPosition()), cells, record.size() > headerCells, unreadable);
    }

    /** A cell without the spaces, tabs and line breaks around it; other characters are kept, to be judged. */
    private static String trimmed(String cell) {
        int start = 0;
        int end = cell.length();
        while (start < end && " \t\r\n".indexOf(cell.charAt(start)) >= 0) {
            start++;
        }
        while (end > start && " \t\r\n".indexOf(cell.charAt(end - 1)) >= 0) {
            end--;
        }
        return cell.substring(start, end);
    }

    /** Whether every cell of the record is empty once trimmed: a row of nothing, skipped as an empty line is. */
    private static boolean blank(CSVRecord record) {
        for (String cell : record) {
            if (!trimmed(cell).isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /** Each column's place in the header row (the first, when a column is repeated). */
    private static Map<String, Integer> columns(List<String> names) {
        Map<String, Integer> columns = new java.util.LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            columns.putIfAbsent(names.get(i), i);
        }
        return columns;
    }

    private static Read refused(Finding why) {
        return new Read(List.of(), List.of(why));
    }

    /** The cells of the header row as written (Commons CSV keeps only the first of repeated names). */
    private static List<String> headerNames(byte[] file, int from) {
        try (CSVParser first = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get().parse(reader(file, from))) {
            var it = first.iterator();
            return it.hasNext() ? it.next().stream().map(RosterCsv::trimmed).toList() : List.of();
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    /**
     * Where a file's line breaks stand (as positions among its characters), and which lines are empty: the parser
     * gives a row the position where it began to read it, before the empty lines it skipped.
     */
    private record Lines(int[] breaks, java.util.BitSet empty) {

        /** The 1-based line on which the row read from {@code position} begins: past the empty lines there. */
        int lineOf(long position) {
            int at = java.util.Arrays.binarySearch(breaks, (int) position);
            int line = (at >= 0 ? at : -at - 1) + 1;
            while (empty.get(line)) {
                line++;
            }
            return line;
        }
    }

    /**
     * Where the file's line breaks stand, as positions among its characters from {@code from} (the positions the
     * parser gives its records), and which lines hold nothing (or only a carriage return), read through a small
     * buffer: the file is never held whole as text.
     *
     * @throws CharacterCodingException when the file is not UTF-8
     */
    private static Lines lines(byte[] bytes, int from) throws CharacterCodingException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, from, bytes.length - from);
        CharBuffer out = CharBuffer.allocate(8_192);
        int[] breaks = new int[64];
        java.util.BitSet empty = new java.util.BitSet();
        boolean anything = false; // whether the line read so far holds a character other than its line break
        int carriageReturn = -1; // where a carriage return waits to be known as a break of its own or the start of CR LF
        int size = 0;
        int position = 0;
        boolean flushing = false;
        while (true) {
            java.nio.charset.CoderResult result = flushing ? decoder.flush(out) : decoder.decode(in, out, true);
            if (result.isError()) {
                result.throwException();
            }
            out.flip();
            while (out.hasRemaining()) {
                char c = out.get();
                // Lines end as the parser ends them: at CR LF, at LF, and at a CR alone (old Mac files).
                if (carriageReturn >= 0 && c != '\n') {
                    breaks = lineBreak(breaks, size++, carriageReturn, anything, empty);
                    anything = false;
                }
                carriageReturn = -1;
                if (c == '\n') {
                    breaks = lineBreak(breaks, size++, position, anything, empty);
                    anything = false;
                } else if (c == '\r') {
                    carriageReturn = position;
                } else {
                    anything = true;
                }
                position++;
            }
            out.clear();
            if (result.isUnderflow()) { // every byte decoded (then, every character flushed)
                if (flushing) {
                    if (carriageReturn >= 0) {
                        breaks = lineBreak(breaks, size++, carriageReturn, anything, empty);
                    }
                    return new Lines(java.util.Arrays.copyOf(breaks, size), empty);
                }
                flushing = true;
            }
        }
    }

    /** Records the end of line {@code index + 1} at {@code position}, and whether it held nothing; the array, grown if need be. */
    private static int[] lineBreak(int[] breaks, int index, int position, boolean anything, java.util.BitSet empty) {
        int[] into = index == breaks.length ? java.util.Arrays.copyOf(breaks, 2 * index) : breaks;
        into[index] = position;
        if (!anything) {
            empty.set(index + 1); // line index + 1 (1-based) ends here, holding nothing
        }
        return into;
    }

    /**
     * The line of the first byte that is not UTF-8, lines ending as the parser ends them (CR LF, LF, a CR alone), and
     * where that line begins (a byte offset).
     */
    private static int[] badLine(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(8_192);
        while (true) {
            java.nio.charset.CoderResult result = decoder.decode(in, out, true);
            out.clear();
            if (result.isError() || result.isUnderflow()) {
                break; // at the first byte of the sequence at fault (or at the end)
            }
        }
        int line = 1;
        int start = 0;
        for (int i = 0; i < in.position(); i++) {
            if (bytes[i] == '\n' || bytes[i] == '\r' && (i + 1 >= bytes.length || bytes[i + 1] != '\n')) {
                line++;
                start = i + 1;
            }
        }
        return new int[] {line, start};
    }
}
