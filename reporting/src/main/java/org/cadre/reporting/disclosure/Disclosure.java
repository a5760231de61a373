package org.cadre.reporting.disclosure;

import com.google.common.collect.ImmutableList;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.cadre.kernel.Require;

/**
 * Applies disclosure control for one audience with threshold {@code k}.
 *
 * <p><b>Primary suppression</b>: a count from 1 to k-1 is not published (0 is: it singles no one out).
 *
 * <p><b>Secondary suppression</b>, so that no suppressed count can be worked out from what is published:
 * <ul>
 *   <li>In a one-way table (one column, with its total) a line never has exactly one suppressed entry: if
 *       it has, the smallest other positive count is suppressed as well (the total if nothing else is
 *       left).
 *   <li>In a two-way table with row, column and grand totals, the suppressed entries are edges of a
 *       bipartite graph between rows and columns (the totals being one more row and column); a suppressed
 *       entry can be worked out exactly when its edge lies on no cycle (it is a bridge). While some
 *       suppressed entry is a bridge, the smallest positive unsuppressed entry in its row or column (or,
 *       failing that, anywhere) is suppressed too. Only positive counts are suppressed, so along every
 *       cycle the counts can shift by one either way and each suppressed count has at least two
 *       possible values.
 *   <li>A share publishes its percentage only when both its numerator and denominator are published, and
 *       its numerator only when the rest of the denominator (denominator minus numerator) is 0 or at
 *       least k, so "24 of 26" cannot reveal the 2 others.
 *   <li>A mean over n people is published only when n is (and not when the audit finds it gives a withheld
 *       count away).
 * </ul>
 * For the internal audience k is 1 and nothing is suppressed.
 */
public final class Disclosure {

    private final Audience audience;
    private final int k;
    private final java.util.Set<String> forced;
    private final java.util.Set<String> released;
    private final Disclosure lower;

    private Disclosure(Audience audience, int k) {
        this(audience, k, java.util.Set.of(), java.util.Set.of(), null);
    }

    private Disclosure(Audience audience, int k, java.util.Set<String> forced, java.util.Set<String> released, Disclosure lower) {
        this.audience = Require.present(audience, "audience");
        this.k = audience == Audience.INTERNAL ? 1 : Require.inRange(k, 2, 1000, "k");
        this.forced = java.util.Set.copyOf(forced);
        this.released = java.util.Set.copyOf(released);
        this.lower = lower;
    }

    /**
     * The same control, withholding also every cell that the same report for {@code lower} withholds: a
     * public report published beside a donor report of the same event or period must not publish a figure
     * the donor report withholds, or a reader holding both could combine them. Public reports are built over
     * the donor default (k = 5) unless told otherwise.
     */
    public Disclosure over(Disclosure lower) {
        Require.present(lower, "lower");
        if (lower.audience == Audience.INTERNAL || lower.k >= k) {
            throw new IllegalArgumentException("lower: a report can only be built over one with a smaller k that withholds");
        }
        return new Disclosure(audience, k, forced, released, lower.lower == null ? lower : new Disclosure(lower.audience, lower.k, lower.forced, lower.released, null));
    }

    /**
     * The same control over no lower audience: for a public report whose k equals the donor k (the two
     * reports then withhold the same cells by the same rules).
     */
    public Disclosure withoutLower() {
        return new Disclosure(audience, k, forced, released, null);
    }

    /** The same audience, k and lower audience, with no cell forced or released: for another report. */
    public Disclosure plain() {
        return new Disclosure(audience, k, java.util.Set.of(), java.util.Set.of(), lower);
    }

    /** The disclosure whose withheld cells this one withholds too ({@link #over}), if any. */
    public java.util.Optional<Disclosure> lower() {
        return java.util.Optional.ofNullable(lower);
    }

    /**
     * The same control, withholding also the cells named (by id: {@code table/row/column}, {@code
     * table/row/total}, {@code table/total/total}, {@code figure/numerator}...): complementary suppression
     * chosen by the audit ({@link org.cadre.reporting.disclosure.audit.Audit}). A zero is never withheld.
     */
    public Disclosure withForced(java.util.Set<String> cells) {
        return new Disclosure(audience, k, cells, released, lower);
    }

    /**
     * The same control, never choosing the cells named as complements: counts of k or more that another
     * report the attacker holds gives away already, so that withholding them would hide without protecting
     * ({@link org.cadre.reporting.disclosure.audit.Protection}). A count below k is withheld all the same.
     */
    public Disclosure withReleased(java.util.Set<String> cells) {
        return new Disclosure(audience, k, forced, cells, lower);
    }

    /** Cells never chosen as complements, by id. */
    public java.util.Set<String> released() {
        return released;
    }

    private boolean released(String id) {
        return released.contains(id);
    }

    /** The cells withheld beyond the rules, by id. */
    public java.util.Set<String> forced() {
        return forced;
    }

    private boolean forced(String id, long value) {
        return value > 0 && forced.contains(id);
    }

    /** The id of a table's cell: {@code table/row/column}, with {@code total} for margins. */
    public static String cellId(String table, String row, String column) {
        return table + "/" + row + "/" + column;
    }

    /** Disclosure control for the audience with its default k. */
    public static Disclosure forAudience(Audience audience) {
        return forAudience(audience, audience.defaultK());
    }

    /**
     * Disclosure control with a chosen k (ignored for the internal audience). A public report is built
     * over the donor default ({@link #over}) when its k is larger.
     */
    public static Disclosure forAudience(Audience audience, int k) {
        Disclosure d = new Disclosure(audience, k);
        return audience == Audience.PUBLIC && d.k > Audience.DONOR.defaultK() ? d.over(new Disclosure(Audience.DONOR, Audience.DONOR.defaultK())) : d;
    }

    public Audience audience() {
        return audience;
    }

    public int k() {
        return k;
    }

    /** Whether a count may be published on its own: 0, or at least k. */
    public boolean isSafe(long count) {
        return count == 0 || count >= k;
    }

    /** A single count. */
    public Cell count(long value) {
        return isSafe(value) ? Cell.of(value) : Cell.hidden();
    }

    /** A single count known by {@code id}, withheld also when the audit asks for it. */
    public Cell count(String id, long value) {
        return isSafe(value) && !forced(id, value) ? Cell.of(value) : Cell.hidden();
    }

    /**
     * A count of some of the people a total counts (a ToT's graduates among its participants present), known by
     * {@code id}: withheld when it is below k, when the rest of the total is (25 graduates beside 26 present gave away
     * the one who did not complete), or when the audit asks for it. The total is published elsewhere or not. A zero is
     * published, as every zero is (a withheld count is at least 1): it says the rest is the whole total, which its own
     * cell protects.
     */
    public Cell countWithin(String id, long value, long total) {
        Require.that(value >= 0 && value <= total, "value", "must lie between 0 and the total");
        return value == 0 || isSafe(value) && isSafe(total - value) && !forced(id, value) ? Cell.of(value) : Cell.hidden();
    }

    /** A share: numerator of denominator, with its percentage to one decimal (half up). */
    public Share share(long numerator, long denominator) {
        return share("", numerator, denominator);
    }

    /** A share known by {@code id} (its parts {@code id/numerator} and {@code id/denominator}). */
    public Share share(String id, long numerator, long denominator) {
        Require.that(numerator >= 0 && numerator <= denominator, "numerator", "must lie between 0 and the denominator");
        Cell den = count(id + "/denominator", denominator);
        Cell num = isSafe(numerator) && isSafe(denominator - numerator) && den.isPublished() && !forced(id + "/numerator", numerator)
                ? Cell.of(numerator) : Cell.hidden();
        Optional<BigDecimal> percent = num.isPublished() && denominator > 0
                ? Optional.of(BigDecimal.valueOf(numerator * 100L).divide(BigDecimal.valueOf(denominator), 1, RoundingMode.HALF_UP))
                : Optional.empty();
        return new Share(num, den, percent);
    }

    /** A mean over {@code n} values, to two decimals (half up); withheld when n is. */
    public Mean mean(long n, BigDecimal sum) {
        return mean("", n, sum);
    }

    /**
     * A mean known by {@code id} (its n is {@code id/n}); withheld when n is, or when the audit asks for it
     * ({@code id/mean}).
     */
    public Mean mean(String id, long n, BigDecimal sum) {
        return mean(id, count(id + "/n", n), n, sum);
    }

    /**
     * A mean whose n is already published elsewhere (a table's total): it takes that cell as its n, so the
     * two never disagree about what is withheld.
     */
    public Mean mean(Cell n, long trueN, BigDecimal sum) {
        return mean("", n, trueN, sum);
    }

    /** As {@link #mean(Cell, long, BigDecimal)}, known by {@code id}: withheld also when the audit asks ({@code id/mean}). */
    public Mean mean(String id, Cell n, long trueN, BigDecimal sum) {
        boolean withheld = n.suppressed() || trueN > 0 && !id.isEmpty() && forced.contains(id + "/mean");
        Optional<BigDecimal> value = !withheld && trueN > 0
                ? Optional.of(sum.divide(BigDecimal.valueOf(trueN), 2, RoundingMode.HALF_UP)) : Optional.empty();
        return new Mean(n, value, withheld);
    }

    /** The sum of published cells, withheld when any of them is. */
    public static Cell sum(List<Cell> cells) {
        long total = 0;
        for (Cell c : cells) {
            if (c.suppressed()) {
                return Cell.hidden();
            }
            total += c.get();
        }
        return Cell.of(total);
    }

    /** The table as published for this audience. */
    public Table publish(Counts counts) {
        int rows = counts.rows().size();
        int cols = counts.columns().size();
        boolean rowTotals = counts.hasRowTotals();
        int width = rowTotals ? cols + 1 : cols;
        long[][] grid = new long[rows + 1][width];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                grid[r][c] = counts.value(r, c);
            }
            if (rowTotals) {
                grid[r][cols] = counts.rowTotal(r);
            }
        }
        for (int c = 0; c < cols; c++) {
            grid[rows][c] = counts.columnTotal(c);
        }
        if (rowTotals) {
            grid[rows][cols] = counts.total();
        }
        boolean[][] hidden = new boolean[rows + 1][width];
        boolean[][] keep = new boolean[rows + 1][width];
        for (int r = 0; r <= rows; r++) {
            for (int c = 0; c < width; c++) {
                String row = r < rows ? counts.rows().get(r) : "total";
                String column = c < cols ? counts.columns().get(c) : "total";
                keep[r][c] = released(cellId(counts.id(), row, column)) || !rowTotals && r == rows && released(cellId(counts.id(), "total", "total"));
                hidden[r][c] = !isSafe(grid[r][c]) || forced(cellId(counts.id(), row, column), grid[r][c])
                        || !rowTotals && r == rows && forced(cellId(counts.id(), "total", "total"), grid[r][c]);
            }
        }
        if (rowTotals) {
            protectTwoWay(grid, hidden, keep);
        } else {
            protectOneWay(grid, hidden, keep);
        }
        ImmutableList.Builder<ImmutableList<Cell>> cells = ImmutableList.builder();
        ImmutableList.Builder<Cell> rowTotalCells = ImmutableList.builder();
        for (int r = 0; r < rows; r++) {
            ImmutableList.Builder<Cell> line = ImmutableList.builder();
            for (int c = 0; c < cols; c++) {
                line.add(cell(grid, hidden, r, c));
            }
            cells.add(line.build());
            if (rowTotals) {
                rowTotalCells.add(cell(grid, hidden, r, cols));
            }
        }
        ImmutableList.Builder<Cell> columnTotals = ImmutableList.builder();
        for (int c = 0; c < cols; c++) {
            columnTotals.add(cell(grid, hidden, rows, c));
        }
        Cell total = rowTotals ? cell(grid, hidden, rows, cols) : columnTotals.build().get(0);
        return new Table(counts.id(), counts.rows(), counts.columns(), cells.build(), rowTotalCells.build(),
                columnTotals.build(), total);
    }

    /**
     * Publishes a one-way breakdown whose rows nest in the rows of an already published table (for
     * example organisations within countries), so that the two cannot be combined to work out a
     * withheld count: for each parent row, its children and the parent's row total form a line; over all
     * rows, the children and the parent's grand total form another. No line may hold exactly one withheld
     * entry; the parent's entries are fixed, so a child is withheld to complete a line.
     *
     * @param parentRowOf the parent row each child row belongs to
     */
    public Table publishNested(Counts children, Table parent, java.util.function.Function<String, String> parentRowOf) {
        return nested(children, parent, parentRowOf, false);
    }

    /**
     * As {@link #publishNested}, for a breakdown of more people than the parent counts (people by role,
     * whose participant row is the participants table's total): the children's total is their own figure,
     * published when safe and withheld, like any entry, to complete its line. The parent's grand total
     * plays no part.
     */
    public Table publishNestedWithOwnTotal(Counts children, Table parent, java.util.function.Function<String, String> parentRowOf) {
        return nested(children, parent, parentRowOf, true);
    }

    private Table nested(Counts children, Table parent, java.util.function.Function<String, String> parentRowOf, boolean ownTotal) {
        Require.that(children.columns().size() == 1, "children", "must be a one-way breakdown");
        int n = children.rows().size();
        long[] value = new long[n];
        boolean[] hidden = new boolean[n];
        boolean[] pinnedByRelease = new boolean[n];
        long total = 0;
        java.util.Map<String, List<Integer>> groups = new java.util.LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            value[i] = children.value(i, 0);
            hidden[i] = !isSafe(value[i]) || forced(cellId(children.id(), children.rows().get(i), children.columns().get(0)), value[i]);
            pinnedByRelease[i] = released(cellId(children.id(), children.rows().get(i), children.columns().get(0)));
            total += value[i];
            groups.computeIfAbsent(parentRowOf.apply(children.rows().get(i)), g -> new ArrayList<>()).add(i);
        }
        // One line per parent row (its children and the parent's published or withheld count), and one line
        // of all children and the grand total. A group whose row the parent lacks (with an own total: the
        // people other than the parent's) sums to the grand total less the parent's rows.
        List<List<Integer>> lines = new ArrayList<>();
        List<Boolean> parentHidden = new ArrayList<>();
        List<Boolean> free = new ArrayList<>();
        boolean[] pinned = new boolean[n];
        groups.forEach((row, members) -> {
            int at = parent.rows().indexOf(row);
            boolean rowHidden = at >= 0 && (parent.rowTotals().isEmpty() ? parent.cell(at, 0) : parent.rowTotals().get(at)).suppressed();
            lines.add(members);
            parentHidden.add(rowHidden);
            free.add(at < 0);
            if (at >= 0 && !rowHidden && members.size() == 1) {
                pinned[members.get(0)] = true; // its value is the parent's: withholding it here protects nothing
            }
        });
        long freeGroups = free.stream().filter(f -> f).count();
        boolean anyParentRowHidden = parentHidden.stream().anyMatch(h -> h);
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            all.add(i);
        }
        lines.add(all);
        free.add(false);
        int allLine = lines.size() - 1;
        boolean[] grandHidden = {ownTotal ? !isSafe(total) || forced(cellId(children.id(), "total", "count"), total)
                : parent.total().suppressed()};
        parentHidden.add(grandHidden[0]);
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int l = 0; l < lines.size(); l++) {
                List<Integer> line = lines.get(l);
                boolean totalUnknown = l == allLine ? grandHidden[0]
                        : free.get(l) ? ownTotal && (grandHidden[0] || anyParentRowHidden || freeGroups > 1) : parentHidden.get(l);
                long withheld = line.stream().filter(i -> hidden[i]).count() + (totalUnknown ? 1 : 0);
                if (withheld != 1) {
                    continue;
                }
                int pick = -1;
                for (int i : line) {
                    if (!hidden[i] && !pinned[i] && !pinnedByRelease[i] && value[i] > 0 && (pick < 0 || value[i] < value[pick])) {
                        pick = i;
                    }
                }
                if (pick >= 0) {
                    hidden[pick] = true;
                    changed = true;
                } else if (ownTotal && (l == allLine || free.get(l)) && !grandHidden[0] && !released(cellId(children.id(), "total", "count"))) {
                    // Nothing else to withhold in the line: the children's own total, which completes it, goes.
                    grandHidden[0] = true;
                    changed = true;
                }
            }
        }
        ImmutableList.Builder<ImmutableList<Cell>> cells = ImmutableList.builder();
        for (int i = 0; i < n; i++) {
            cells.add(ImmutableList.of(hidden[i] ? Cell.hidden() : Cell.of(value[i])));
        }
        Cell grand = grandHidden[0] ? Cell.hidden() : Cell.of(total);
        return new Table(children.id(), children.rows(), children.columns(), cells.build(), ImmutableList.of(),
                ImmutableList.of(grand), grand);
    }

    private static Cell cell(long[][] grid, boolean[][] hidden, int r, int c) {
        return hidden[r][c] ? Cell.hidden() : Cell.of(grid[r][c]);
    }

    /** One column and its total: one line; never exactly one suppressed entry in it. */
    private static void protectOneWay(long[][] grid, boolean[][] hidden, boolean[][] keep) {
        int n = grid.length;
        int suppressed = 0;
        for (int r = 0; r < n; r++) {
            suppressed += hidden[r][0] ? 1 : 0;
        }
        if (suppressed != 1) {
            return;
        }
        int pick = -1;
        for (int r = 0; r < n - 1; r++) {
            if (!hidden[r][0] && !keep[r][0] && grid[r][0] > 0 && (pick < 0 || grid[r][0] < grid[pick][0])) {
                pick = r;
            }
        }
        if (pick >= 0 || !keep[n - 1][0]) {
            hidden[pick >= 0 ? pick : n - 1][0] = true;
        }
    }

    /** Rows and columns with their totals: no suppressed entry may be a bridge. */
    private static void protectTwoWay(long[][] grid, boolean[][] hidden, boolean[][] keep) {
        int rows = grid.length;
        int cols = grid[0].length;
        while (true) {
            int[] bridge = findBridge(hidden);
            if (bridge == null) {
                return;
            }
            int r = bridge[0];
            int c = bridge[1];
            // The cheapest cycle through the bridge: the fewest more entries, then the smallest sum, so that a
            // small count's row and the totals close a loop without pulling in every total of the table.
            List<int[]> cycle = cheapestPath(grid, hidden, keep, r, c);
            if (!cycle.isEmpty()) {
                cycle.forEach(e -> hidden[e[0]][e[1]] = true);
                continue;
            }
            int[] best = null;
            for (int cc = 0; cc < cols; cc++) {
                best = better(grid, hidden, keep, best, r, cc);
            }
            for (int rr = 0; rr < rows; rr++) {
                best = better(grid, hidden, keep, best, rr, c);
            }
            if (best == null) {
                // Every positive entry of its row and column is suppressed already: suppress the smallest
                // positive published entry anywhere, which joins another line to its component.
                for (int rr = 0; rr < rows; rr++) {
                    for (int cc = 0; cc < cols; cc++) {
                        best = better(grid, hidden, keep, best, rr, cc);
                    }
                }
            }
            if (best == null) {
                // Every positive entry left is one another report gives away (released): what withholding could
                // do, it has done, and the audit that follows has the last word. Without released entries this
                // cannot happen: when every positive entry is suppressed they form cycles.
                boolean anyKept = java.util.Arrays.stream(keep).anyMatch(line -> {
                    for (boolean b : line) {
                        if (b) {
                            return true;
                        }
                    }
                    return false;
                });
                if (anyKept) {
                    return;
                }
                throw new IllegalStateException("no complementary suppression found for a derivable count");
            }
            hidden[best[0]][best[1]] = true;
        }
    }

    /**
     * The unsuppressed entries to suppress so that row node {@code r0} and column node {@code c0} are joined
     * other than through their own entry: a cheapest path over suppressed entries (free) and unsuppressed
     * positive ones not kept (one more entry each, then their value), fewest entries first, then the smallest
     * sum. Empty when no such path exists.
     */
    private static List<int[]> cheapestPath(long[][] grid, boolean[][] hidden, boolean[][] keep, int r0, int c0) {
        int rows = grid.length;
        int cols = grid[0].length;
        int nodes = rows + cols;
        long[] count = new long[nodes];
        long[] sum = new long[nodes];
        int[] via = new int[nodes];
        boolean[] done = new boolean[nodes];
        java.util.Arrays.fill(count, Long.MAX_VALUE);
        java.util.Arrays.fill(via, -1);
        count[r0] = 0;
        sum[r0] = 0;
        while (true) {
            int u = -1;
            for (int i = 0; i < nodes; i++) {
                if (!done[i] && count[i] != Long.MAX_VALUE && (u < 0 || count[i] < count[u] || count[i] == count[u] && sum[i] < sum[u])) {
                    u = i;
                }
            }
            if (u < 0) {
                return List.of();
            }
            done[u] = true;
            if (u == rows + c0) {
                break;
            }
            boolean isRow = u < rows;
            int others = isRow ? cols : rows;
            for (int o = 0; o < others; o++) {
                int r = isRow ? u : o;
                int c = isRow ? o : u - rows;
                if (r == r0 && c == c0) {
                    continue; // not through the bridge itself
                }
                long addCount;
                long addSum;
                if (hidden[r][c]) {
                    addCount = 0;
                    addSum = 0;
                } else if (!keep[r][c] && grid[r][c] > 0) {
                    addCount = 1;
                    addSum = grid[r][c];
                } else {
                    continue;
                }
                int v = isRow ? rows + c : r;
                long nc = count[u] + addCount;
                long ns = sum[u] + addSum;
                if (!done[v] && (nc < count[v] || nc == count[v] && ns < sum[v])) {
                    count[v] = nc;
                    sum[v] = ns;
                    via[v] = u;
                }
            }
        }
        List<int[]> path = new ArrayList<>();
        for (int v = rows + c0; via[v] >= 0; v = via[v]) {
            int u = via[v];
            int r = u < rows ? u : v;
            int c = u < rows ? v - rows : u - rows;
            if (!hidden[r][c]) {
                path.add(new int[] {r, c});
            }
        }
        return path;
    }

    /**
     * The better complement: unsuppressed and positive (a suppressed zero protects nothing, since a
     * published zero total next to it gives it away), smaller before larger, earlier before later.
     */
    private static int[] better(long[][] grid, boolean[][] hidden, boolean[][] keep, int[] current, int r, int c) {
        if (hidden[r][c] || keep[r][c] || grid[r][c] == 0) {
            return current;
        }
        if (current == null || grid[r][c] < grid[current[0]][current[1]]) {
            return new int[] {r, c};
        }
        return current;
    }

    /**
     * A suppressed entry whose edge (row r to column c) lies on no cycle of suppressed entries, or null.
     * Small tables: each edge is removed in turn and its ends tested for another path.
     */
    static int[] findBridge(boolean[][] hidden) {
        int rows = hidden.length;
        int cols = hidden[0].length;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                if (hidden[r][c] && !connectedWithout(hidden, r, c)) {
                    return new int[] {r, c};
                }
            }
        }
        return null;
    }

    /** Whether row node r and column node c are joined by suppressed entries other than (r, c). */
    private static boolean connectedWithout(boolean[][] hidden, int r0, int c0) {
        int rows = hidden.length;
        int cols = hidden[0].length;
        boolean[] seenRow = new boolean[rows];
        boolean[] seenCol = new boolean[cols];
        Deque<int[]> queue = new ArrayDeque<>();
        seenRow[r0] = true;
        queue.add(new int[] {0, r0});
        while (!queue.isEmpty()) {
            int[] node = queue.poll();
            if (node[0] == 0) {
                int r = node[1];
                for (int c = 0; c < cols; c++) {
                    if (hidden[r][c] && !(r == r0 && c == c0) && !seenCol[c]) {
                        if (c == c0) {
                            return true;
                        }
                        seenCol[c] = true;
                        queue.add(new int[] {1, c});
                    }
                }
            } else {
                int c = node[1];
                for (int r = 0; r < rows; r++) {
                    if (hidden[r][c] && !(r == r0 && c == c0) && !seenRow[r]) {
                        seenRow[r] = true;
                        queue.add(new int[] {0, r});
                    }
                }
            }
        }
        return false;
    }
}
