package org.cadre.reporting.disclosure;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Tries to recompute suppressed counts of a published two-way or one-way table by brute force: it
 * enumerates every assignment of non-negative integers (up to a bound it is generously given: the true
 * grand total) to the suppressed entries that agrees with every published row, column and grand total,
 * and reports the entries that take a single value in all of them. Independent of {@link Disclosure}'s
 * own reasoning; practical for small tables only.
 */
final class Attacker {

    private final int rows;
    private final int width;
    private final Long[][] known; // null = suppressed
    private final List<int[]> unknowns = new ArrayList<>();
    private final List<int[][]> equations = new ArrayList<>(); // each: positions, last one is the total
    private final long bound;
    private final List<Set<Long>> seen = new ArrayList<>();

    Attacker(Table t, long bound) {
        boolean rowTotals = !t.rowTotals().isEmpty();
        rows = t.rows().size();
        int cols = t.columns().size();
        width = rowTotals ? cols + 1 : cols;
        known = new Long[rows + 1][width];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                known[r][c] = boxed(t.cell(r, c));
            }
            if (rowTotals) {
                known[r][cols] = boxed(t.rowTotals().get(r));
            }
        }
        for (int c = 0; c < cols; c++) {
            known[rows][c] = boxed(t.columnTotals().get(c));
        }
        if (rowTotals) {
            known[rows][cols] = boxed(t.total());
            for (int r = 0; r <= rows; r++) {
                int[][] eq = new int[cols + 1][];
                for (int c = 0; c <= cols; c++) {
                    eq[c] = new int[] {r, c};
                }
                equations.add(eq);
            }
        }
        for (int c = 0; c < width; c++) {
            int[][] eq = new int[rows + 1][];
            for (int r = 0; r <= rows; r++) {
                eq[r] = new int[] {r, c};
            }
            equations.add(eq);
        }
        for (int r = 0; r <= rows; r++) {
            for (int c = 0; c < width; c++) {
                if (known[r][c] == null) {
                    unknowns.add(new int[] {r, c});
                    seen.add(new HashSet<>());
                }
            }
        }
        this.bound = bound;
    }

    /** Positions (row, column; the totals are the last row and column) whose value is forced. */
    List<int[]> derivable() {
        long[][] value = new long[rows + 1][width];
        search(0, value);
        List<int[]> forced = new ArrayList<>();
        for (int i = 0; i < unknowns.size(); i++) {
            if (seen.get(i).size() < 2) {
                forced.add(unknowns.get(i));
            }
        }
        return forced;
    }

    private boolean allAmbiguous() {
        return seen.stream().allMatch(s -> s.size() >= 2);
    }

    private boolean search(int i, long[][] value) {
        if (i == unknowns.size()) {
            for (int j = 0; j < unknowns.size(); j++) {
                seen.get(j).add(value[unknowns.get(j)[0]][unknowns.get(j)[1]]);
            }
            return allAmbiguous();
        }
        int[] pos = unknowns.get(i);
        for (long v = 0; v <= bound; v++) {
            value[pos[0]][pos[1]] = v;
            if (consistent(i, value) && search(i + 1, value)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the equations hold as far as the first {@code assigned + 1} unknowns decide them. */
    private boolean consistent(int assigned, long[][] value) {
        for (int[][] eq : equations) {
            long sum = 0;
            boolean complete = true;
            for (int p = 0; p < eq.length - 1; p++) {
                Long v = valueAt(eq[p], assigned, value);
                if (v == null) {
                    complete = false;
                } else {
                    sum += v;
                }
            }
            Long total = valueAt(eq[eq.length - 1], assigned, value);
            if (total != null && (sum > total || (complete && sum != total))) {
                return false;
            }
        }
        return true;
    }

    private Long valueAt(int[] pos, int assigned, long[][] value) {
        Long k = known[pos[0]][pos[1]];
        if (k != null) {
            return k;
        }
        for (int j = 0; j <= assigned; j++) {
            if (unknowns.get(j)[0] == pos[0] && unknowns.get(j)[1] == pos[1]) {
                return value[pos[0]][pos[1]];
            }
        }
        return null;
    }

    /** A published cell's value, or null for a withheld one. */
    private static Long boxed(Cell cell) {
        return cell.isPublished() ? cell.get() : null;
    }
}
