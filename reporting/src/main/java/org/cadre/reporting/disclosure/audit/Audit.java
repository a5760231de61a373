package org.cadre.reporting.disclosure.audit;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.linear.LinearSolver;

/**
 * The audit of a report: for each withheld cell, the smallest and largest value it can take given
 * everything the report publishes ({@link Ledger}), found by linear programs (ojAlgo), as statistical
 * offices audit their tables (tau-ARGUS, sdcTable). A cell fails when it is pinned to one value, or when
 * its true count is below k and the attacker can prove it is below k. The programs relax counts to real
 * numbers and the bounds are then rounded inwards to whole numbers.
 */
public final class Audit {

    private static final double EPSILON = 1e-6;

    /** How many answers of its program each part of an audit keeps, for questions asked again. */
    private static final int ANSWERS = 512;

    /** How many of its latest points an audit tries before it solves a program ({@code maxWhenWithheld}). */
    private static final int WITNESSES = 64;

    static {
        // ojAlgo prints a note on standard output when it has no hardware profile for the machine; a
        // library must not write to its embedder's console, and the documented switch silences it.
        if (System.getProperty("shut.up.ojAlgo") == null) {
            System.setProperty("shut.up.ojAlgo", "true");
        }
    }

    private Audit() {}

    /** A withheld cell that the published figures give away. */
    public record Breach(String cell, long min, long max, long trueValue, String why) {}

    /** The range of a withheld cell: {@code max} is {@link Long#MAX_VALUE} when unbounded. */
    public record Range(String cell, long min, long max, long trueValue) {}

    /**
     * Every breach of the ledger for threshold {@code k}; empty when the report is safe. A target is cleared
     * as soon as any solution of the published figures gives it a value that shows it is neither pinned
     * nor provably small (at least {@code max(true + 1, k)}, or for a count of k or more, any other whole
     * value); one program pushing all open targets together clears most of them, and only those left get
     * programs of their own, as in tau-ARGUS's audit.
     */
    public static List<Breach> breaches(Ledger ledger, int k) {
        return new Audited(ledger, k, new Memory()).breaches();
    }

    /** The range an attacker can narrow each withheld cell to (both ends solved, nothing capped). */
    public static List<Range> ranges(Ledger ledger) {
        Map<String, Range> byCell = new HashMap<>();
        for (Map.Entry<Component, List<Ledger.Target>> part : components(ledger, Double.POSITIVE_INFINITY, new Memory()).entrySet()) {
            for (Ledger.Target t : part.getValue()) {
                double[] high = part.getKey().solution(weights(t.terms()), true);
                double max = high == null ? Double.POSITIVE_INFINITY : value(t.terms(), high);
                double[] low = part.getKey().solution(weights(t.terms()), false);
                double min = low == null ? 0 : value(t.terms(), low);
                long hi = Double.isInfinite(max) || max > Long.MAX_VALUE / 2.0 ? Long.MAX_VALUE : (long) Math.floor(max + EPSILON);
                byCell.put(t.cell(), new Range(t.cell(), (long) Math.ceil(min - EPSILON), hi, t.trueValue()));
            }
        }
        List<Range> out = new ArrayList<>();
        ledger.targets().keySet().forEach(cell -> out.add(byCell.get(cell)));
        return out;
    }

    /**
     * Solutions found by earlier audits of the same unknowns (rounds of {@link Protection}): a round that
     * withholds more cells mostly widens what the attacker may assume, so an earlier solution that still
     * satisfies every published figure clears targets without a new program.
     */
    static final class Memory {
        private static final int KEEP = 400;
        private List<String> names = List.of();
        private final ArrayDeque<double[]> points = new ArrayDeque<>();
        private final long largest;

        /** Without a bound on the programs' size. */
        Memory() {
            this(Long.MAX_VALUE);
        }

        /** Bounding the size of each program solved with it ({@link #admit}). */
        Memory(long largest) {
            this.largest = largest;
        }

        /**
         * Checks a program's size before it is solved: its unknowns times its rows, the size of the simplex's table of
         * doubles. Past the bound the audit stops ({@link AuditTooLargeException}) rather than run the heap out: one of the
         * joint programs of a report of many small groups across ten events took more than 256 MB (the attacker's review
         * of session 16).
         */
        void admit(long size) {
            if (size > largest) {
                throw new AuditTooLargeException("a linear program of the audit would hold " + size + " entries, more than its bound of "
                        + largest);
            }
        }

        List<double[]> pointsFor(Ledger ledger) {
            List<String> now = ledger.names();
            if (!names.equals(now)) {
                names = now;
                points.clear();
            }
            return List.copyOf(points);
        }

        void add(double[] x) {
            if (x != null) {
                points.addFirst(x);
                if (points.size() > KEEP) {
                    points.removeLast();
                }
            }
        }
    }

    /**
     * One ledger audited: its breaches, and the programs behind them kept for {@link Protection} to ask
     * what withholding one more cell would change. The programs that push all open targets at once bound
     * every unknown by a number above anything the audit asks about (the sum of all true values plus k),
     * so that they always give a point; such a point satisfies every published figure, so whatever it
     * shows a target can be, it can be.
     */
    static final class Audited {
        private final Ledger ledger;
        private final int k;
        private final Memory memory;
        private final Map<Component, List<Ledger.Target>> parts;
        private final Map<String, Component> partOf = new HashMap<>();
        private final List<Breach> breaches;
        /** The latest points of {@link #maxWhenWithheld}'s programs, newest first. */
        private final ArrayDeque<double[]> witnesses = new ArrayDeque<>();

        Audited(Ledger ledger, int k, Memory memory) {
            this.ledger = ledger;
            this.k = k;
            this.memory = memory;
            this.parts = components(ledger, ledger.totalTruth() + k + 1.0, memory);
            parts.forEach((part, targets) -> targets.forEach(t -> partOf.put(t.cell(), part)));
            this.breaches = audit();
        }

        List<Breach> breaches() {
            return breaches;
        }

        private List<Breach> audit() {
            List<Breach> out = new ArrayList<>();
            List<double[]> known = memory.pointsFor(ledger);
            for (Map.Entry<Component, List<Ledger.Target>> part : parts.entrySet()) {
                Component model = part.getKey();
                List<Ledger.Target> open = new ArrayList<>(part.getValue());
                open.removeIf(t -> t.trueValue() <= 0); // a zero found out is no breach: zeros are published anyway
                for (double[] x : known) {
                    if (open.isEmpty()) {
                        break;
                    }
                    if (open.stream().anyMatch(t -> cleared(t, x, k)) && model.feasible(x)) {
                        open.removeIf(t -> cleared(t, x, k));
                    }
                }
                // All open targets at once, each weighted by what clears it: upwards, then (counts of k or more) down.
                for (boolean up : new boolean[] {true, false}) {
                    while (!open.isEmpty()) {
                        Map<Integer, Double> weights = new HashMap<>();
                        for (Ledger.Target t : open) {
                            if (up || t.trueValue() >= k) {
                                double w = 1.0 / (up ? Math.max(t.trueValue() + 1, k) : t.trueValue());
                                t.terms().forEach(term -> weights.merge(term.variable(), w * term.coefficient(), Double::sum));
                            }
                        }
                        if (weights.isEmpty()) {
                            break;
                        }
                        double[] x = model.cappedSolution(weights, up);
                        memory.add(x);
                        int before = open.size();
                        open.removeIf(t -> cleared(t, x, k));
                        if (open.size() == before) {
                            break;
                        }
                    }
                }
                while (!open.isEmpty()) {
                    Ledger.Target t = open.remove(0);
                    double[] high = model.solution(weights(t.terms()), true);
                    memory.add(high);
                    long hi = (long) Math.floor(value(t.terms(), high) + EPSILON);
                    open.removeIf(other -> cleared(other, high, k));
                    if (hi >= need(t)) {
                        continue;
                    }
                    double[] low = model.solution(weights(t.terms()), false);
                    memory.add(low);
                    long lo = (long) Math.ceil(value(t.terms(), low) - EPSILON);
                    open.removeIf(other -> cleared(other, low, k));
                    if (lo >= hi) {
                        out.add(new Breach(t.cell(), lo, hi, t.trueValue(), "pinned to one value"));
                    } else if (t.trueValue() < k) {
                        out.add(new Breach(t.cell(), lo, hi, t.trueValue(), "shown to be below " + k));
                    }
                }
            }
            Map<String, Integer> order = new HashMap<>();
            ledger.targets().keySet().forEach(cell -> order.put(cell, order.size()));
            out.sort(Comparator.comparingInt(b -> order.get(b.cell())));
            return out;
        }

        /**
         * The largest value a target could take if these published cells were withheld too (a count then at least 1, a mean nothing), or, when
         * that reaches what frees the target ({@link #need}), perhaps only a value of at least that much: a point found
         * by an earlier program of this audit that satisfies every figure as this question has them and gives the
         * target that much answers without a program of its own. The answer compared with {@link #need} is the same
         * either way; below it, it is the largest value.
         */
        double maxWhenWithheld(String target, Collection<String> cells) {
            Component model = partOf.get(target);
            List<Ledger.Constraint> relaxed = new ArrayList<>();
            for (String cell : cells) {
                ledger.publishedConstraint(cell).filter(model::holds).ifPresent(relaxed::add);
            }
            Ledger.Target t = ledger.targets().get(target);
            double need = need(t);
            for (double[] point : witnesses) {
                double v = value(t.terms(), point);
                if (v >= need - EPSILON && model.satisfies(point, relaxed, false, false)) {
                    return v;
                }
            }
            double[] x = model.solution(weights(t.terms()), true, relaxed, false);
            if (x != null) {
                witnesses.addFirst(x);
                if (witnesses.size() > WITNESSES) {
                    witnesses.removeLast();
                }
            }
            return value(t.terms(), x);
        }

        /** Whether withholding these published cells too would let the target take another whole value than its true one. */
        boolean movedBy(String target, Collection<String> cells) {
            Ledger.Target t = ledger.targets().get(target);
            if (maxWhenWithheld(target, cells) >= t.trueValue() + 1 - EPSILON) {
                return true;
            }
            Component model = partOf.get(target);
            List<Ledger.Constraint> relaxed = new ArrayList<>();
            for (String cell : cells) {
                ledger.publishedConstraint(cell).filter(model::holds).ifPresent(relaxed::add);
            }
            double[] low = model.solution(weights(t.terms()), false, relaxed, false);
            return low != null && value(t.terms(), low) <= t.trueValue() - 1 + EPSILON;
        }

        /** Withholds these published cells for the rest of this round's questions. */
        void withhold(Collection<String> cells) {
            for (String cell : cells) {
                ledger.publishedConstraint(cell).ifPresent(c -> parts.keySet().stream().filter(p -> p.holds(c)).findFirst()
                        .ifPresent(p -> p.withhold(c)));
            }
        }

        /** What clears a target: an attainable value of at least k and above its true value. */
        long need(Ledger.Target t) {
            return Math.max(t.trueValue() + 1, k);
        }
    }

    /** Whether a solution shows that a target is neither pinned nor provably below k. */
    private static boolean cleared(Ledger.Target t, double[] x, int k) {
        if (x == null) {
            return false; // no point: an unbounded program says nothing of other targets
        }
        double v = value(t.terms(), x);
        return v >= Math.max(t.trueValue() + 1, k) - EPSILON || (t.trueValue() >= k && v <= t.trueValue() - 1 + EPSILON);
    }

    private static double value(List<Ledger.Term> terms, double[] x) {
        if (x == null) {
            return Double.POSITIVE_INFINITY;
        }
        double v = 0;
        for (Ledger.Term term : terms) {
            v += term.coefficient() * x[term.variable()];
        }
        return v;
    }

    private static Map<Integer, Double> weights(List<Ledger.Term> terms) {
        Map<Integer, Double> weights = new HashMap<>();
        terms.forEach(t -> weights.merge(t.variable(), (double) t.coefficient(), Double::sum));
        return weights;
    }

    /**
     * The ledger split into independent parts (targets linked by no constraint cannot inform each other),
     * each with its linear program and its targets; a finite {@code cap} bounds every unknown.
     */
    private static Map<Component, List<Ledger.Target>> components(Ledger ledger, double cap, Memory memory) {
        List<String> broken = ledger.violated();
        if (!broken.isEmpty()) {
            throw new IllegalStateException("the ledger contradicts the true values: " + broken);
        }
        int n = ledger.variables();
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        for (Ledger.Constraint c : ledger.constraints()) {
            for (int i = 1; i < c.terms().size(); i++) {
                union(parent, c.terms().get(0).variable(), c.terms().get(i).variable());
            }
        }
        for (Ledger.Target t : ledger.targets().values()) {
            for (int i = 1; i < t.terms().size(); i++) {
                union(parent, t.terms().get(0).variable(), t.terms().get(i).variable());
            }
        }
        Map<Integer, Component> models = new HashMap<>();
        for (Ledger.Constraint c : ledger.constraints()) {
            models.computeIfAbsent(find(parent, c.terms().get(0).variable()), x -> new Component(n, cap, memory)).add(c);
        }
        Map<Component, List<Ledger.Target>> out = new LinkedHashMap<>();
        for (Ledger.Target t : ledger.targets().values()) {
            if (t.terms().isEmpty()) {
                continue;
            }
            Component model = models.computeIfAbsent(find(parent, t.terms().get(0).variable()), x -> new Component(n, cap, memory));
            out.computeIfAbsent(model, x -> new ArrayList<>()).add(t);
        }
        return out;
    }

    /** The linear program of one part, built afresh for every question (an objective, perhaps a relaxation). */
    private static final class Component {
        private final List<Ledger.Constraint> constraints = new ArrayList<>();
        private final java.util.Set<Ledger.Constraint> withheld = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        private final java.util.SortedSet<Integer> variables = new java.util.TreeSet<>();
        private final int size;
        private final double cap;
        private final Memory memory;

        Component(int size, double cap, Memory memory) {
            this.size = size;
            this.cap = cap;
            this.memory = memory;
        }

        void add(Ledger.Constraint c) {
            constraints.add(c);
            c.terms().forEach(t -> variables.add(t.variable()));
        }

        boolean holds(Ledger.Constraint c) {
            return constraints.stream().anyMatch(x -> x == c);
        }

        /** Treats a published cell as withheld (a count at least 1, a mean nothing) from now on. */
        void withhold(Ledger.Constraint c) {
            withheld.add(c);
        }

        /** Whether a point satisfies every constraint of this part as the ledger states it (and the bounds). */
        boolean feasible(double[] x) {
            return satisfies(x, List.of(), false, false);
        }

        /**
         * Whether a point satisfies every constraint of this part as a question has them: the withheld equalities (and
         * these too) as their floor when withheld (a count at least 1, a mean nothing), every unknown at least 0 and, when capped, at most the cap. Within a millionth, or,
         * {@code relative}, a millionth of each bound's size (for a solver's own points, whose rounding grows with the
         * figures; a point taken to answer a question is held to the first).
         */
        boolean satisfies(double[] x, Collection<Ledger.Constraint> alsoWithheld, boolean capped, boolean relative) {
            for (int i : variables) {
                if (x[i] < -EPSILON || capped && x[i] > cap + EPSILON) {
                    return false;
                }
            }
            for (Ledger.Constraint c : constraints) {
                double v = value(c.terms(), x);
                boolean relaxed = withheld.contains(c) || alsoWithheld.stream().anyMatch(y -> y == c);
                double lower = relaxed ? c.floorWhenWithheld() : c.lower();
                double upper = relaxed ? Double.POSITIVE_INFINITY : c.upper();
                double slack = relative ? EPSILON * Math.max(1, Math.abs(Double.isInfinite(upper) ? lower : upper)) : EPSILON;
                if (v < lower - slack || v > upper + slack) {
                    return false;
                }
            }
            return true;
        }

        double[] solution(Map<Integer, Double> objective, boolean maximise) {
            return solution(objective, maximise, List.of(), false);
        }

        /** As {@link #solution(Map, boolean)}, every unknown at most the cap: a point, never unbounded. */
        double[] cappedSolution(Map<Integer, Double> objective, boolean maximise) {
            return solution(objective, maximise, List.of(), !Double.isInfinite(cap));
        }

        /**
         * A solution optimising the weighted sum of unknowns (every unknown of the ledger by index, zero
         * outside this part), with these equalities also withheld, or null when the objective is unbounded.
         */
        double[] solution(Map<Integer, Double> objective, boolean maximise, Collection<Ledger.Constraint> alsoWithheld, boolean capped) {
            // The same question asked again of this part (the rounds of Protection ask many twice) is answered as before: the
            // solver is deterministic, so the answer is the one solving it again would give.
            java.util.BitSet relaxedRows = new java.util.BitSet(constraints.size());
            for (int r = 0; r < constraints.size(); r++) {
                Ledger.Constraint k = constraints.get(r);
                if (withheld.contains(k) || alsoWithheld.stream().anyMatch(x -> x == k)) {
                    relaxedRows.set(r);
                }
            }
            Question question = new Question(Map.copyOf(objective), maximise, capped, relaxedRows);
            if (answers.containsKey(question)) {
                double[] kept = answers.get(question);
                if (kept == null) {
                    return null;
                }
                double[] answer = new double[size];
                int[] own = own();
                for (int i = 0; i < own.length; i++) {
                    answer[own[i]] = kept[i];
                }
                return answer;
            }
            double[] answer = solve(objective, maximise, alsoWithheld, capped);
            if (answer == null) {
                answers.put(question, null);
            } else {
                // Kept as this part's unknowns only (a point is zero outside them): a ledger's parts are many, its unknowns more.
                int[] own = own();
                double[] kept = new double[own.length];
                for (int i = 0; i < own.length; i++) {
                    kept[i] = answer[own[i]];
                }
                answers.put(question, kept);
            }
            return answer;
        }

        /** This part's unknowns, ascending (fixed once the ledger is split, before any question). */
        private int[] own() {
            if (own == null) {
                own = variables.stream().mapToInt(Integer::intValue).toArray();
            }
            return own;
        }

        private int[] own;

        /** A question put to this part's program: its objective, its sense, whether capped, and the rows relaxed. */
        private record Question(Map<Integer, Double> objective, boolean maximise, boolean capped, java.util.BitSet relaxed) {}

        /** The latest answers, so many that a round's repeated questions are found, few enough to keep memory flat. */
        private final Map<Question, double[]> answers = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Question, double[]> eldest) {
                return size() > ANSWERS;
            }
        };

        private double[] solve(Map<Integer, Double> objective, boolean maximise, Collection<Ledger.Constraint> alsoWithheld, boolean capped) {
            // The rows as this question has them: a withheld count becomes "at least 1", a withheld mean nothing.
            List<double[]> bounds = new ArrayList<>();
            List<List<Ledger.Term>> rows = new ArrayList<>();
            for (Ledger.Constraint k : constraints) {
                boolean relaxed = withheld.contains(k) || alsoWithheld.stream().anyMatch(x -> x == k);
                rows.add(k.terms());
                bounds.add(relaxed ? new double[] {k.floorWhenWithheld(), Double.POSITIVE_INFINITY} : new double[] {k.lower(), k.upper()});
            }
            // Presolve: an equality left with one free unknown fixes it (a published count of one unknown), and the
            // fixed values are carried into the other rows, until nothing more is fixed.
            double[] fixed = new double[size];
            boolean[] isFixed = new boolean[size];
            boolean[] done = new boolean[rows.size()];
            boolean changed = true;
            while (changed) {
                changed = false;
                for (int r = 0; r < rows.size(); r++) {
                    if (done[r] || bounds.get(r)[0] != bounds.get(r)[1]) {
                        continue;
                    }
                    Ledger.Term free = null;
                    int frees = 0;
                    double rest = 0;
                    for (Ledger.Term t : rows.get(r)) {
                        if (isFixed[t.variable()]) {
                            rest += t.coefficient() * fixed[t.variable()];
                        } else {
                            frees++;
                            free = t;
                        }
                    }
                    if (frees == 1) {
                        fixed[free.variable()] = (bounds.get(r)[0] - rest) / free.coefficient();
                        isFixed[free.variable()] = true;
                        done[r] = true;
                        changed = true;
                    } else if (frees == 0) {
                        done[r] = true;
                    }
                }
            }
            // ojAlgo's simplex through its plain builder (minimise c.x; A x = b; G x <= h; x >= 0), in doubles and
            // without the BigDecimal presolve of its modelling layer, which cost more than the programs themselves.
            int[] index = new int[size];
            int m = 0;
            int[] unknown = new int[variables.size()];
            for (int v : variables) {
                if (!isFixed[v]) {
                    index[v] = m;
                    unknown[m++] = v;
                }
            }
            double[] c = new double[m];
            for (Map.Entry<Integer, Double> w : objective.entrySet()) {
                if (variables.contains(w.getKey()) && !isFixed[w.getKey()]) {
                    c[index[w.getKey()]] += maximise ? -w.getValue() : w.getValue();
                }
            }
            double[] x = new double[size];
            for (int v : variables) {
                if (isFixed[v]) {
                    if (fixed[v] < -EPSILON || capped && fixed[v] > cap + EPSILON) {
                        throw new IllegalStateException("the published figures of a report contradict each other (an unknown fixed at " + fixed[v] + ")");
                    }
                    x[v] = fixed[v];
                }
            }
            if (m == 0) {
                return x;
            }
            // The rows with the fixed unknowns carried out, one row per figure: the same figure published in several
            // places (a total in every table, a count beside the share it is the denominator of), or a multiple of it,
            // is one row whose bounds are all of theirs together. The program is the same; it has half the rows.
            Map<Row, double[]> merged = new LinkedHashMap<>();
            for (int r = 0; r < rows.size(); r++) {
                if (done[r]) {
                    continue;
                }
                java.util.TreeMap<Integer, Long> terms = new java.util.TreeMap<>();
                double rest = 0;
                for (Ledger.Term term : rows.get(r)) {
                    if (isFixed[term.variable()]) {
                        rest += term.coefficient() * fixed[term.variable()];
                    } else {
                        terms.merge(index[term.variable()], term.coefficient(), Long::sum);
                    }
                }
                terms.values().removeIf(v -> v == 0);
                double lower = bounds.get(r)[0] - rest;
                double upper = bounds.get(r)[1] - rest;
                if (terms.isEmpty()) {
                    if (lower > EPSILON || upper < -EPSILON) {
                        throw new IllegalStateException("the published figures of a report contradict each other");
                    }
                    continue;
                }
                Row row = Row.of(terms);
                double divisor = row.divisor();
                double[] range = divisor > 0 ? new double[] {lower / divisor, upper / divisor} : new double[] {upper / divisor, lower / divisor};
                merged.merge(row, range, (p, q) -> new double[] {Math.max(p[0], q[0]), Math.min(p[1], q[1])});
            }
            int tableRows = 0;
            for (double[] range : merged.values()) {
                tableRows += range[0] >= range[1] || Double.isInfinite(range[0]) || Double.isInfinite(range[1]) ? 1 : 2;
            }
            memory.admit((long) m * (tableRows + (capped ? m : 0) + 1));
            // The rows gathered first and handed to the builder at once, as sparse matrices: added one by one, each
            // copied the right-hand sides so far (quadratic in the rows) and each equality came as a dense row.
            List<Row> lessRows = new ArrayList<>();
            List<Double> lessSigns = new ArrayList<>();
            List<Double> lessBounds = new ArrayList<>();
            List<Row> equalRows = new ArrayList<>();
            List<Double> equalBounds = new ArrayList<>();
            for (Map.Entry<Row, double[]> each : merged.entrySet()) {
                Row row = each.getKey();
                double lower = each.getValue()[0];
                double upper = each.getValue()[1];
                if (lower > upper + EPSILON * Math.max(1, Math.abs(upper))) {
                    throw new IllegalStateException("the published figures of a report contradict each other");
                }
                if (lower >= upper) {
                    equalRows.add(row);
                    equalBounds.add(lower);
                    continue;
                }
                if (!Double.isInfinite(upper)) {
                    lessRows.add(row);
                    lessSigns.add(1.0);
                    lessBounds.add(upper);
                }
                if (!Double.isInfinite(lower)) {
                    lessRows.add(row);
                    lessSigns.add(-1.0);
                    lessBounds.add(-lower);
                }
            }
            LinearSolver.Builder builder = LinearSolver.newGeneralBuilder(c);
            int caps = capped ? m : 0;
            if (caps + lessRows.size() > 0) {
                org.ojalgo.matrix.store.SparseStore<Double> body = org.ojalgo.matrix.store.SparseStore.R064.make(caps + lessRows.size(), m);
                org.ojalgo.matrix.store.R064Store rhs = org.ojalgo.matrix.store.R064Store.FACTORY.make(caps + lessRows.size(), 1);
                for (int i = 0; i < caps; i++) {
                    body.set(i, i, 1.0);
                    rhs.set(i, 0, cap);
                }
                for (int r = 0; r < lessRows.size(); r++) {
                    lessRows.get(r).into(body, caps + r, lessSigns.get(r));
                    rhs.set(caps + r, 0, lessBounds.get(r));
                }
                builder.inequalities(body, rhs);
            }
            if (!equalRows.isEmpty()) {
                org.ojalgo.matrix.store.SparseStore<Double> body = org.ojalgo.matrix.store.SparseStore.R064.make(equalRows.size(), m);
                org.ojalgo.matrix.store.R064Store rhs = org.ojalgo.matrix.store.R064Store.FACTORY.make(equalRows.size(), 1);
                for (int r = 0; r < equalRows.size(); r++) {
                    equalRows.get(r).into(body, r, 1.0);
                    rhs.set(r, 0, equalBounds.get(r));
                }
                builder.equalities(body, rhs);
            }
            Optimisation.Result result = builder.build().solve();
            if (result.getState() == Optimisation.State.UNBOUNDED) {
                return null;
            }
            if (!result.getState().isFeasible()) {
                throw new IllegalStateException("the published figures of a report contradict each other (" + result.getState() + ")");
            }
            for (int i = 0; i < m; i++) {
                x[unknown[i]] = result.doubleValue(i);
            }
            // Every point the audit leans on satisfies the figures as this question has them: checked here, not trusted
            // to the solver (or to the merging of rows above), since a point that broke one would clear a target it
            // does not clear.
            if (!satisfies(x, alsoWithheld, capped, true)) {
                throw new IllegalStateException("the audit's linear program gave a point that breaks a published figure");
            }
            return x;
        }
    }

    /**
     * A row of a program: its unknowns (by their place in the program, ascending) and their coefficients divided by
     * their greatest common divisor, the first positive, so that a figure and its multiples are one row.
     */
    private record Row(int[] unknowns, long[] coefficients, long divisor) {

        static Row of(java.util.SortedMap<Integer, Long> terms) {
            long gcd = 0;
            for (long v : terms.values()) {
                gcd = com.google.common.math.LongMath.gcd(gcd, Math.abs(v));
            }
            long divisor = terms.get(terms.firstKey()) < 0 ? -gcd : gcd;
            int[] unknowns = new int[terms.size()];
            long[] coefficients = new long[terms.size()];
            int i = 0;
            for (Map.Entry<Integer, Long> t : terms.entrySet()) {
                unknowns[i] = t.getKey();
                coefficients[i++] = t.getValue() / divisor;
            }
            return new Row(unknowns, coefficients, divisor);
        }

        /** Writes the row, times {@code sign}, into a matrix's row. */
        void into(org.ojalgo.matrix.store.SparseStore<Double> body, int at, double sign) {
            for (int i = 0; i < unknowns.length; i++) {
                body.set(at, unknowns[i], sign * coefficients[i]);
            }
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Row r && java.util.Arrays.equals(unknowns, r.unknowns) && java.util.Arrays.equals(coefficients, r.coefficients);
        }

        @Override
        public int hashCode() {
            return 31 * java.util.Arrays.hashCode(unknowns) + java.util.Arrays.hashCode(coefficients);
        }

        @Override
        public String toString() {
            return java.util.Arrays.toString(unknowns) + " x " + java.util.Arrays.toString(coefficients);
        }
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    private static void union(int[] parent, int a, int b) {
        parent[find(parent, a)] = find(parent, b);
    }
}
