package org.cadre.reporting.disclosure;

import com.google.common.collect.ImmutableList;
import java.util.List;
import org.cadre.kernel.Require;

/**
 * A published table of counts: rows by columns, with row totals (when there is more than one column),
 * column totals and the grand total. The same shape serves a one-way breakdown (one column).
 *
 * @param id stable name of the table, used as a key in JSON and as the HXL-tagged CSV's name
 */
public record Table(String id, ImmutableList<String> rows, ImmutableList<String> columns,
        ImmutableList<ImmutableList<Cell>> cells, ImmutableList<Cell> rowTotals, ImmutableList<Cell> columnTotals,
        Cell total) {

    public Table {
        Require.code(id, "Table.id");
        rows = Require.list(rows, "Table.rows");
        columns = Require.list(columns, "Table.columns");
        cells = Require.list(cells, "Table.cells");
        rowTotals = Require.list(rowTotals, "Table.rowTotals");
        columnTotals = Require.list(columnTotals, "Table.columnTotals");
        Require.present(total, "Table.total");
        Require.that(cells.size() == rows.size(), "Table.cells", "must have one line per row");
        for (List<Cell> line : cells) {
            Require.that(line.size() == columns.size(), "Table.cells", "must have one cell per column");
        }
        Require.that(rowTotals.isEmpty() || rowTotals.size() == rows.size(), "Table.rowTotals", "must be empty or one per row");
        Require.that(columnTotals.size() == columns.size(), "Table.columnTotals", "must have one per column");
    }

    public Cell cell(int row, int column) {
        return cells.get(row).get(column);
    }

    /** The cell in the row with this label and the only column (for one-way tables). */
    public Cell get(String row) {
        return cell(rows.indexOf(row), 0);
    }

    public Cell get(String row, String column) {
        return cell(rows.indexOf(row), columns.indexOf(column));
    }

    public boolean anySuppressed() {
        return total.suppressed() || rowTotals.stream().anyMatch(Cell::suppressed)
                || columnTotals.stream().anyMatch(Cell::suppressed)
                || cells.stream().flatMap(List::stream).anyMatch(Cell::suppressed);
    }
}
