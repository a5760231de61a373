package org.cadre.reporting.disclosure;

import com.google.common.collect.ImmutableList;
import java.util.Arrays;
import java.util.List;
import org.cadre.kernel.Require;

/**
 * A table of true counts before disclosure control: rows by columns. Totals are computed, never typed,
 * so they always equal the sum of their parts.
 */
public final class Counts {

    private final String id;
    private final ImmutableList<String> rows;
    private final ImmutableList<String> columns;
    private final long[][] values;

    private Counts(String id, List<String> rows, List<String> columns, long[][] values) {
        this.id = Require.code(id, "Counts.id");
        this.rows = ImmutableList.copyOf(rows);
        this.columns = ImmutableList.copyOf(columns);
        Require.that(values.length == rows.size(), "Counts.values", "must have one line per row");
        this.values = new long[values.length][];
        for (int r = 0; r < values.length; r++) {
            Require.that(values[r].length == columns.size(), "Counts.values", "must have one value per column");
            for (long v : values[r]) {
                Require.that(v >= 0, "Counts.values", "must not be negative, was " + v);
            }
            this.values[r] = values[r].clone();
        }
    }

    /** A two-way table. */
    public static Counts of(String id, List<String> rows, List<String> columns, long[][] values) {
        return new Counts(id, rows, columns, values);
    }

    /** A one-way breakdown: one column named {@code count}. */
    public static Counts oneWay(String id, List<String> rows, long[] values) {
        long[][] grid = new long[values.length][1];
        for (int r = 0; r < values.length; r++) {
            grid[r][0] = values[r];
        }
        return new Counts(id, rows, List.of("count"), grid);
    }

    public String id() {
        return id;
    }

    public ImmutableList<String> rows() {
        return rows;
    }

    public ImmutableList<String> columns() {
        return columns;
    }

    public long value(int row, int column) {
        return values[row][column];
    }

    public long rowTotal(int row) {
        return Arrays.stream(values[row]).sum();
    }

    public long columnTotal(int column) {
        long sum = 0;
        for (long[] line : values) {
            sum += line[column];
        }
        return sum;
    }

    public long total() {
        long sum = 0;
        for (long[] line : values) {
            sum += Arrays.stream(line).sum();
        }
        return sum;
    }

    /** Whether the table has row totals: only when it has more than one column. */
    public boolean hasRowTotals() {
        return columns.size() > 1;
    }
}
