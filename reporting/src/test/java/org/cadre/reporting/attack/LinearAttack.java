package org.cadre.reporting.attack;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.optim.MaxIter;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.linear.LinearConstraint;
import org.apache.commons.math3.optim.linear.LinearConstraintSet;
import org.apache.commons.math3.optim.linear.LinearObjectiveFunction;
import org.apache.commons.math3.optim.linear.NonNegativeConstraint;
import org.apache.commons.math3.optim.linear.Relationship;
import org.apache.commons.math3.optim.linear.SimplexSolver;
import org.apache.commons.math3.optim.linear.UnboundedSolutionException;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;

/**
 * What an attacker can work out from published figures, written apart from the code under test: named
 * unknown counts (at least 0), the figures as linear equations and inequalities, and for each withheld
 * figure its smallest and largest value, by Apache Commons Math's simplex (another library than the one
 * Cadre's audit uses) or, for a small system, by trying every whole-number assignment.
 */
final class LinearAttack {

    /** A linear expression over named unknowns. */
    static final class Sum {
        final Map<String, Double> terms = new LinkedHashMap<>();

        Sum plus(String unknown) {
            return plus(unknown, 1);
        }

        Sum plus(String unknown, double coefficient) {
            terms.merge(unknown, coefficient, Double::sum);
            return this;
        }

        Sum plus(Sum other) {
            other.terms.forEach(this::plus);
            return this;
        }

        Sum minus(Sum other) {
            other.terms.forEach((u, c) -> plus(u, -c));
            return this;
        }

        Sum times(double factor) {
            Sum out = new Sum();
            terms.forEach((u, c) -> out.plus(u, c * factor));
            return out;
        }

        boolean isEmpty() {
            return terms.values().stream().allMatch(c -> c == 0);
        }
    }

    /** A withheld figure: what it sums, its true value, and where it stands (for messages). */
    record Secret(String where, Sum sum, long truth) {}

    /** What the attacker found out about a secret. */
    record Finding(String where, double min, double max, long truth) {
        boolean pinned() {
            return Math.floor(max + 1e-6) <= Math.ceil(min - 1e-6);
        }
    }

    private record Row(Sum sum, Relationship relation, double value) {}

    private final List<String> unknowns = new ArrayList<>();
    private final Map<String, Integer> index = new LinkedHashMap<>();
    private final List<Row> rows = new ArrayList<>();
    private final List<Secret> secrets = new ArrayList<>();

    /** A new unknown count. */
    /** The unknowns so far, by name, in order. */
    List<String> unknowns() {
        return List.copyOf(unknowns);
    }

    String unknown(String name) {
        if (index.containsKey(name)) {
            throw new IllegalArgumentException("unknown " + name + " twice");
        }
        index.put(name, unknowns.size());
        unknowns.add(name);
        return name;
    }

    void equal(Sum sum, double value) {
        rows.add(new Row(sum, Relationship.EQ, value));
    }

    void atLeast(Sum sum, double value) {
        rows.add(new Row(sum, Relationship.GEQ, value));
    }

    void atMost(Sum sum, double value) {
        rows.add(new Row(sum, Relationship.LEQ, value));
    }

    /** A figure as published: its value, or withheld (a secret, then at least 1 unless {@code positive} is false). */
    void figure(String where, Sum sum, org.cadre.reporting.disclosure.Cell shown, long truth, boolean positive) {
        if (shown.isPublished()) {
            if (shown.get() != truth) {
                throw new AssertionError(where + " publishes " + shown.get() + " but is " + truth);
            }
            equal(sum, shown.get());
        } else {
            secrets.add(new Secret(where, sum, truth));
            if (positive) {
                atLeast(sum, 1);
            }
        }
    }

    List<Secret> secrets() {
        return secrets;
    }

    int size() {
        return unknowns.size();
    }

    /**
     * The range of every secret, by linear programs, or as far as the attack needs: each optimum found is a
     * point the figures allow, and a secret whose values at the points found so far already span two whole
     * numbers (and reach {@code k} when it is a small count) cannot be broken by a wider range, so its own
     * programs are not solved. The range reported for it is then the span seen, narrower than the truth.
     */
    List<Finding> solve(int k) {
        List<LinearConstraint> constraints = new ArrayList<>();
        for (Row r : rows) {
            if (!r.sum().isEmpty()) {
                constraints.add(new LinearConstraint(vector(r.sum()), r.relation(), r.value()));
            } else if (r.relation() == Relationship.EQ && r.value() != 0
                    || r.relation() == Relationship.GEQ && r.value() > 0 || r.relation() == Relationship.LEQ && r.value() < 0) {
                throw new AssertionError("the published figures contradict each other");
            }
        }
        LinearConstraintSet set = new LinearConstraintSet(constraints);
        List<double[]> points = new ArrayList<>();
        // A few points to start from: every secret as high as it goes together, as low, and the small ones high.
        double[] all = new double[unknowns.size()];
        double[] small = new double[unknowns.size()];
        for (Secret s : secrets) {
            double[] v = vector(s.sum());
            for (int i = 0; i < v.length; i++) {
                all[i] += v[i];
                small[i] += s.truth() >= 1 && s.truth() < k ? v[i] : 0;
            }
        }
        if (!secrets.isEmpty()) {
            optimum(all, set, GoalType.MAXIMIZE, points);
            optimum(all, set, GoalType.MINIMIZE, points);
            optimum(small, set, GoalType.MAXIMIZE, points);
        }
        List<Finding> out = new ArrayList<>();
        for (Secret s : secrets) {
            double[] v = vector(s.sum());
            double low = Double.POSITIVE_INFINITY;
            double high = Double.NEGATIVE_INFINITY;
            for (double[] x : points) {
                double at = dot(v, x);
                low = Math.min(low, at);
                high = Math.max(high, at);
            }
            Finding seen = new Finding(s.where(), low, high, s.truth());
            boolean enough = !points.isEmpty() && !seen.pinned() && (s.truth() < 1 || s.truth() >= k || Math.floor(high + 1e-6) >= k);
            if (enough) {
                out.add(seen);
                continue;
            }
            out.add(new Finding(s.where(), optimum(v, set, GoalType.MINIMIZE, points), optimum(v, set, GoalType.MAXIMIZE, points), s.truth()));
        }
        return out;
    }

    private static double dot(double[] a, double[] b) {
        double out = 0;
        for (int i = 0; i < a.length; i++) {
            out += a[i] * b[i];
        }
        return out;
    }

    private double optimum(double[] objective, LinearConstraintSet set, GoalType goal, List<double[]> points) {
        try {
            PointValuePair p = new SimplexSolver(1e-9, 10, 1e-12).optimize(new MaxIter(100_000), new LinearObjectiveFunction(objective, 0),
                    set, goal, new NonNegativeConstraint(true));
            points.add(p.getPoint());
            return p.getValue();
        } catch (UnboundedSolutionException e) {
            return goal == GoalType.MAXIMIZE ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
        }
    }

    private double[] vector(Sum sum) {
        double[] v = new double[unknowns.size()];
        sum.terms.forEach((u, c) -> {
            Integer i = index.get(u);
            if (i == null) {
                throw new IllegalArgumentException("no unknown " + u);
            }
            v[i] += c;
        });
        return v;
    }

    /**
     * The range of every secret over all whole-number assignments of at most {@code bound} per unknown that
     * satisfy every figure; null when there are more than {@code limit} assignments to try.
     */
    List<Finding> bruteForce(int bound, long limit) {
        int n = unknowns.size();
        double[][] a = new double[rows.size()][];
        for (int r = 0; r < rows.size(); r++) {
            a[r] = vector(rows.get(r).sum());
        }
        // A row can be checked once its last unknown is set.
        int[] lastOf = new int[rows.size()];
        for (int r = 0; r < rows.size(); r++) {
            lastOf[r] = -1;
            for (int i = 0; i < n; i++) {
                if (a[r][i] != 0) {
                    lastOf[r] = i;
                }
            }
        }
        List<List<Integer>> checkAt = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            checkAt.add(new ArrayList<>());
        }
        for (int r = 0; r < rows.size(); r++) {
            if (lastOf[r] >= 0) {
                checkAt.get(lastOf[r]).add(r);
            }
        }
        double[][] s = new double[secrets.size()][];
        for (int i = 0; i < secrets.size(); i++) {
            s[i] = vector(secrets.get(i).sum());
        }
        double[] min = new double[secrets.size()];
        double[] max = new double[secrets.size()];
        java.util.Arrays.fill(min, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(max, Double.NEGATIVE_INFINITY);
        long[] tried = {0};
        int[] x = new int[n];
        boolean complete = search(0, x, a, checkAt, bound, s, min, max, tried, limit);
        if (!complete) {
            return null;
        }
        List<Finding> out = new ArrayList<>();
        for (int i = 0; i < secrets.size(); i++) {
            out.add(new Finding(secrets.get(i).where(), min[i], max[i], secrets.get(i).truth()));
        }
        return out;
    }

    /** Whether a row of nonnegative coefficients that caps its sum (= or <=) is already above its value. */
    private boolean overshoots(int i, int[] x, double[][] a) {
        for (int r = 0; r < a.length; r++) {
            if (a[r][i] <= 0 || rows.get(r).relation() == Relationship.GEQ) {
                continue;
            }
            double v = 0;
            boolean nonnegative = true;
            for (int j = 0; j < a[r].length; j++) {
                nonnegative &= a[r][j] >= 0;
                if (j <= i) {
                    v += a[r][j] * x[j];
                }
            }
            if (nonnegative && v > rows.get(r).value() + 1e-9) {
                return true;
            }
        }
        return false;
    }

    private boolean search(int i, int[] x, double[][] a, List<List<Integer>> checkAt, int bound, double[][] s, double[] min, double[] max,
            long[] tried, long limit) {
        if (i == x.length) {
            for (int k = 0; k < s.length; k++) {
                double v = 0;
                for (int j = 0; j < x.length; j++) {
                    v += s[k][j] * x[j];
                }
                min[k] = Math.min(min[k], v);
                max[k] = Math.max(max[k], v);
            }
            return true;
        }
        for (int value = 0; value <= bound; value++) {
            if (++tried[0] > limit) {
                return false;
            }
            x[i] = value;
            if (overshoots(i, x, a)) {
                break; // a sum of counts already above what it may be: larger values only make it worse
            }
            boolean ok = true;
            for (int r : checkAt.get(i)) {
                double v = 0;
                for (int j = 0; j <= i; j++) {
                    v += a[r][j] * x[j];
                }
                Row row = rows.get(r);
                ok = switch (row.relation()) {
                    case EQ -> Math.abs(v - row.value()) < 1e-9;
                    case GEQ -> v >= row.value() - 1e-9;
                    case LEQ -> v <= row.value() + 1e-9;
                };
                if (!ok) {
                    break;
                }
            }
            if (ok && !search(i + 1, x, a, checkAt, bound, s, min, max, tried, limit)) {
                return false;
            }
        }
        x[i] = 0;
        return true;
    }
}
