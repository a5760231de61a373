package org.cadre.reporting.disclosure.audit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A report as an attacker reads it: unknown counts (variables, each with the true value only Cadre knows)
 * and everything the report publishes about them as linear constraints. A published cell is an equality
 * (its expression equals its value); a withheld cell is a target of the audit, known to be at least 1
 * (zeros are published, so a withheld count is never zero); a rounded mean or percentage bounds an
 * expression between two numbers; structure the attacker knows (at most as many people passed as took
 * the test) is an inequality.
 */
public final class Ledger {

    /** One term of a linear expression: {@code coefficient * variable}. */
    public record Term(int variable, long coefficient) {}

    /**
     * {@code lower <= sum of terms <= upper} (either side may be infinite). When the figure behind it is withheld
     * after all ({@link Protection}), what the attacker still knows is {@code floorWhenWithheld <= sum}: at least 1
     * for a count (zeros are published), nothing for a rounded mean.
     */
    public record Constraint(List<Term> terms, double lower, double upper, double floorWhenWithheld) {

        public Constraint(List<Term> terms, double lower, double upper) {
            this(terms, lower, upper, 1);
        }
    }

    /** A withheld cell: its expression and its true value. */
    public record Target(String cell, List<Term> terms, long trueValue) {}

    private final List<Long> truth = new ArrayList<>();
    private final List<String> names = new ArrayList<>();
    private final List<Constraint> constraints = new ArrayList<>();
    private final Map<String, Target> targets = new LinkedHashMap<>();
    private final Map<String, Expr> published = new LinkedHashMap<>();
    private final java.util.Set<String> ofOtherReports = new java.util.HashSet<>();
    private final Map<String, Constraint> publishedConstraints = new java.util.HashMap<>();
    private final List<Expr> headlines = new ArrayList<>();
    private final java.util.Set<String> withheldFigures = new java.util.LinkedHashSet<>();
    private final java.util.Set<String> figures = new java.util.HashSet<>();
    private boolean otherReport;

    /** A linear expression over the ledger's variables, built up term by term. */
    public static final class Expr {
        private final Map<Integer, Long> terms = new LinkedHashMap<>();

        public Expr plus(int variable) {
            return plus(variable, 1);
        }

        public Expr plus(int variable, long coefficient) {
            terms.merge(variable, coefficient, Long::sum);
            return this;
        }

        public Expr plus(Expr other) {
            other.terms.forEach((v, c) -> plus(v, c));
            return this;
        }

        public Expr minus(Expr other) {
            other.terms.forEach((v, c) -> plus(v, -c));
            return this;
        }

        public Expr times(long factor) {
            Expr out = new Expr();
            terms.forEach((v, c) -> out.plus(v, c * factor));
            return out;
        }

        public Expr copy() {
            return new Expr().plus(this);
        }

        List<Term> terms() {
            List<Term> out = new ArrayList<>();
            terms.forEach((v, c) -> {
                if (c != 0) {
                    out.add(new Term(v, c));
                }
            });
            return out;
        }

        long value(List<Long> truth) {
            long sum = 0;
            for (var e : terms.entrySet()) {
                sum += e.getValue() * truth.get(e.getKey());
            }
            return sum;
        }

        public boolean isEmpty() {
            return terms().isEmpty();
        }
    }

    /** A new unknown count, at least 0, whose true value is {@code trueValue}. */
    public int variable(String name, long trueValue) {
        truth.add(trueValue);
        names.add(name);
        return truth.size() - 1;
    }

    /** An expression of one variable. */
    public Expr of(int variable) {
        return new Expr().plus(variable);
    }

    /**
     * A cell as the report shows it: published with its value (the equality the attacker reads), or
     * withheld (a target, and at least 1). {@code value} is what is published, or null when withheld.
     */
    public void cell(String id, Expr expr, Long value) {
        cell(id, expr, value, true);
    }

    /**
     * As {@link #cell(String, Expr, Long)}; {@code positiveWhenWithheld} false for a figure withheld for
     * another reason than its own size (a share's numerator goes with a small denominator, zero or not).
     */
    public void cell(String id, Expr expr, Long value, boolean positiveWhenWithheld) {
        long trueValue = expr.value(truth);
        if (value != null) {
            if (value != trueValue) {
                throw new IllegalStateException("cell " + id + " publishes " + value + " but its expression is " + trueValue);
            }
            int before = constraints.size();
            equal(expr, value);
            if (!otherReport) {
                published.put(id, expr.copy());
                if (constraints.size() > before) {
                    publishedConstraints.put(id, constraints.get(before));
                }
            }
        } else {
            targets.put(id, new Target(id, expr.terms(), trueValue));
            if (otherReport) {
                ofOtherReports.add(id);
            }
            if (positiveWhenWithheld) {
                atLeast(expr, 1);
            }
        }
    }

    /**
     * While on, the cells recorded belong to another report the attacker also holds (an event report beside
     * its programme's): its published figures constrain the unknowns and its withheld cells are audited,
     * but the report being protected cannot withhold them, so they are never offered as complements.
     */
    public void otherReport(boolean on) {
        this.otherReport = on;
    }

    /** Whether a withheld cell belongs to another report ({@link #otherReport}). */
    public boolean isOfOtherReport(String cell) {
        return ofOtherReports.contains(cell);
    }

    /**
     * A figure published as a range rather than a count: a mean to two decimals bounds the sum of what it averages
     * ({@code lower <= expr <= upper}). The report may withhold it to protect a count it would give away (a post-test
     * mean that bounds how many fell below the pass mark); withheld, it tells the attacker nothing, and it is no
     * target of the audit (it counts no one). {@code shown} false records it as withheld.
     */
    public void figure(String id, Expr expr, double lower, double upper, boolean shown) {
        if (!shown) {
            if (!otherReport) {
                withheldFigures.add(id);
            }
            return;
        }
        List<Term> terms = expr.terms();
        if (terms.isEmpty()) {
            return;
        }
        Constraint c = new Constraint(terms, lower, upper, Double.NEGATIVE_INFINITY);
        constraints.add(c);
        figures.add(id);
        if (!otherReport) {
            published.put(id, expr.copy());
            publishedConstraints.put(id, c);
        }
    }

    /** Whether a published cell is a ranged figure ({@link #figure}) rather than a count. */
    boolean isFigure(String id) {
        return figures.contains(id);
    }

    /** The ranged figures ({@link #figure}) of the report being protected that it withholds, by id. */
    public java.util.Set<String> withheldFigures() {
        return Collections.unmodifiableSet(withheldFigures);
    }

    /** {@code expr == value}. */
    public void equal(Expr expr, double value) {
        add(expr, value, value);
    }

    public void atLeast(Expr expr, double value) {
        add(expr, value, Double.POSITIVE_INFINITY);
    }

    public void atMost(Expr expr, double value) {
        add(expr, Double.NEGATIVE_INFINITY, value);
    }

    /** {@code lower <= expr <= upper}: a rounded figure (a mean to two decimals bounds its sum). */
    public void between(Expr expr, double lower, double upper) {
        add(expr, lower, upper);
    }

    private void add(Expr expr, double lower, double upper) {
        List<Term> terms = expr.terms();
        if (!terms.isEmpty()) {
            constraints.add(new Constraint(terms, lower, upper));
        }
    }

    /** The constraints the true values break (none, for a ledger built right), described for a person. */
    public List<String> violated() {
        List<String> out = new ArrayList<>();
        for (Constraint c : constraints) {
            double v = 0;
            StringBuilder text = new StringBuilder();
            for (Term t : c.terms()) {
                v += t.coefficient() * (double) truth.get(t.variable());
                text.append(t.coefficient() >= 0 ? " +" : " ").append(t.coefficient()).append("*[").append(names.get(t.variable()))
                        .append("=").append(truth.get(t.variable())).append("]");
            }
            if (v < c.lower() - 1e-6 || v > c.upper() + 1e-6) {
                out.add(c.lower() + " <=" + text + " <= " + c.upper() + " (is " + v + ")");
            }
        }
        return out;
    }

    /** The true value of an expression (what Cadre knows). */
    public long truth(Expr expr) {
        return expr.value(truth);
    }

    /** The sum of all true values: a number no count in the report exceeds. */
    public long totalTruth() {
        long sum = 0;
        for (long v : truth) {
            sum += Math.abs(v);
        }
        return sum;
    }

    public int variables() {
        return truth.size();
    }

    /** Every unknown's name, in order. */
    public List<String> names() {
        return List.copyOf(names);
    }

    public String name(int variable) {
        return names.get(variable);
    }

    public List<Constraint> constraints() {
        return Collections.unmodifiableList(constraints);
    }

    public Map<String, Target> targets() {
        return Collections.unmodifiableMap(targets);
    }

    /**
     * The published cells of the report being protected (not those of other reports), by id, with their
     * expressions: where complementary suppression may come from.
     */
    public Map<String, Expr> published() {
        return Collections.unmodifiableMap(published);
    }

    /**
     * Marks a figure as the report's headline (an event's participants): the figure its readers come for. Where a small
     * count lies next to it, protection looks one constraint further out for cells to withhold instead (a cascade's 15
     * participants were withheld to protect the one officer without a pre-test, while its 14 pairs of tests stayed).
     */
    public void headline(Expr expr) {
        headlines.add(expr.copy());
    }

    /** The figures marked as headlines ({@link #headline}). */
    List<Expr> headlines() {
        return Collections.unmodifiableList(headlines);
    }

    /** The equality a published cell of the report being protected adds, if its expression is not empty. */
    java.util.Optional<Constraint> publishedConstraint(String cell) {
        return java.util.Optional.ofNullable(publishedConstraints.get(cell));
    }
}
