package org.cadre.reporting.disclosure.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
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
import org.junit.jupiter.api.Test;

/**
 * The audit's programs as it solves them (one row per figure, however often and in whatever multiple it is published;
 * earlier points answering later questions) agree with the figures as the ledger states them, solved by another
 * library (Apache Commons Math's simplex) one constraint per row and one program per question.
 */
class AuditProgramsTest {

    private static final int LEDGERS = 300;

    @Test
    void a_figure_published_as_a_count_and_as_a_range_is_held_to_both() {
        // a + b = 10 published, and a looser 8 <= a + b <= 12 beside it (a rounded figure over the same people), stated
        // negated: the count is what binds, so a withheld a is at most 9, not 11.
        Ledger l = new Ledger();
        int a = l.variable("a", 4);
        int b = l.variable("b", 6);
        l.cell("a", l.of(a), null);
        l.cell("b", l.of(b), null);
        l.between(l.of(a).plus(b).times(-1), -12, -8);
        l.cell("total", l.of(a).plus(b), 10L);

        assertThat(Audit.ranges(l)).extracting(Audit.Range::min, Audit.Range::max)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1L, 9L), org.assertj.core.groups.Tuple.tuple(1L, 9L));
    }

    @Test
    void a_figure_published_negated_and_in_a_multiple_is_the_same_figure() {
        // b - a = 2 (its first unknown's coefficient negative) and 2a + 2b = 20 (the sessions times the participants):
        // a = 4 and b = 6, both pinned.
        Ledger l = new Ledger();
        int a = l.variable("a", 4);
        int b = l.variable("b", 6);
        l.cell("a", l.of(a), null);
        l.cell("b", l.of(b), null);
        l.cell("difference", l.of(b).minus(l.of(a)), 2L);
        l.cell("sessions", l.of(a).plus(b).times(2), 20L);

        assertThat(Audit.ranges(l)).extracting(Audit.Range::min, Audit.Range::max)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(4L, 4L), org.assertj.core.groups.Tuple.tuple(6L, 6L));
    }

    @Test
    void ranges_agree_with_another_solver_on_random_ledgers_of_repeated_figures() {
        Random random = new Random(20261207L);
        int bounded = 0;
        for (int n = 0; n < LEDGERS; n++) {
            Ledger l = randomLedger(random);
            List<Audit.Range> ranges = Audit.ranges(l);
            for (Audit.Range range : ranges) {
                List<Ledger.Term> terms = l.targets().get(range.cell()).terms();
                double max = optimum(l, terms, List.of(), GoalType.MAXIMIZE);
                double min = optimum(l, terms, List.of(), GoalType.MINIMIZE);
                long expectedMax = Double.isInfinite(max) ? Long.MAX_VALUE : (long) Math.floor(max + 1e-6);
                assertThat(range.max()).as("ledger %d, %s: max", n, range.cell()).isEqualTo(expectedMax);
                assertThat(range.min()).as("ledger %d, %s: min", n, range.cell()).isEqualTo((long) Math.ceil(min - 1e-6));
                if (!Double.isInfinite(max)) {
                    bounded++;
                }
            }
        }
        assertThat(bounded).as("withheld cells with a finite range").isGreaterThan(LEDGERS);
    }

    @Test
    void what_withholding_more_would_free_agrees_with_another_solver_question_after_question() {
        Random random = new Random(7L);
        int freed = 0;
        int notFreed = 0;
        for (int n = 0; n < LEDGERS; n++) {
            Ledger l = randomLedger(random);
            Audit.Audited audit = new Audit.Audited(l, 3, new Audit.Memory());
            // Only positive figures are ever withheld as complements, so only they are asked about.
            List<String> published = l.published().keySet().stream().filter(id -> l.truth(l.published().get(id)) > 0).toList();
            List<String> targets = new ArrayList<>(l.targets().keySet());
            // Many questions in a row on one audit, so that later ones may be answered by earlier points.
            for (int q = 0; q < 12; q++) {
                String target = targets.get(random.nextInt(targets.size()));
                List<String> cells = new ArrayList<>();
                for (String cell : published) {
                    if (random.nextInt(3) == 0) {
                        cells.add(cell);
                    }
                }
                double need = audit.need(l.targets().get(target));
                double answer = audit.maxWhenWithheld(target, cells);
                List<Ledger.Constraint> relaxed = cells.stream().map(c -> l.publishedConstraint(c)).flatMap(java.util.Optional::stream).toList();
                double max = optimum(l, l.targets().get(target).terms(), relaxed, GoalType.MAXIMIZE);
                assertThat(answer >= need - 1e-6).as("ledger %d, %s without %s: frees", n, target, cells).isEqualTo(max >= need - 1e-6);
                if (max < need - 1e-6) {
                    assertThat(answer).as("ledger %d, %s without %s: the largest value", n, target, cells).isCloseTo(max, org.assertj.core.data.Offset.offset(1e-6));
                    notFreed++;
                } else {
                    freed++;
                }
            }
        }
        assertThat(freed).isGreaterThan(LEDGERS);
        assertThat(notFreed).isGreaterThan(LEDGERS);
    }

    /**
     * Three to six unknowns of 1 to 9; figures over random few of them published as counts, some again as they are,
     * some again in a multiple or negated, some also as a range around them (or around their negation); each unknown withheld.
     */
    private static Ledger randomLedger(Random random) {
        Ledger l = new Ledger();
        int n = 3 + random.nextInt(4);
        int[] unknowns = new int[n];
        for (int i = 0; i < n; i++) {
            unknowns[i] = l.variable("u" + i, 1 + random.nextInt(9));
        }
        for (int i = 0; i < n; i++) {
            l.cell("u" + i, l.of(unknowns[i]), null);
        }
        int figures = 1 + random.nextInt(n);
        for (int f = 0; f < figures; f++) {
            Ledger.Expr e = new Ledger.Expr();
            for (int i = 0; i < n; i++) {
                if (random.nextInt(2) == 0) {
                    e = e.plus(unknowns[i], 1 + random.nextInt(2));
                }
            }
            if (e.isEmpty()) {
                e = l.of(unknowns[random.nextInt(n)]);
            }
            long truth = l.truth(e);
            l.cell("f" + f, e, truth);
            switch (random.nextInt(5)) {
                case 0 -> l.cell("f" + f + "-again", e.copy(), truth);
                case 1 -> {
                    Ledger.Expr multiple = e.times(2 + random.nextInt(3));
                    l.cell("f" + f + "-times", multiple, l.truth(multiple));
                }
                case 2 -> l.cell("f" + f + "-negated", e.times(-1), -truth);
                case 3 -> {
                    double below = random.nextInt(3) + 0.5;
                    double above = random.nextInt(3) + 0.5;
                    if (random.nextBoolean()) {
                        l.between(e.copy(), truth - below, truth + above);
                    } else {
                        l.between(e.times(-1), -truth - above, -truth + below);
                    }
                }
                default -> {
                }
            }
        }
        return l;
    }

    /** The optimum of the terms under the ledger's constraints (these relaxed to "at least 1"), by Commons Math. */
    private static double optimum(Ledger l, List<Ledger.Term> target, List<Ledger.Constraint> relaxed, GoalType goal) {
        int n = l.variables();
        List<LinearConstraint> rows = new ArrayList<>();
        for (Ledger.Constraint c : l.constraints()) {
            double[] row = new double[n];
            c.terms().forEach(t -> row[t.variable()] += t.coefficient());
            boolean loose = relaxed.stream().anyMatch(r -> r == c);
            double lower = loose ? 1 : c.lower();
            double upper = loose ? Double.POSITIVE_INFINITY : c.upper();
            if (lower == upper) {
                rows.add(new LinearConstraint(row, Relationship.EQ, lower));
                continue;
            }
            if (!Double.isInfinite(lower)) {
                rows.add(new LinearConstraint(row, Relationship.GEQ, lower));
            }
            if (!Double.isInfinite(upper)) {
                rows.add(new LinearConstraint(row, Relationship.LEQ, upper));
            }
        }
        double[] objective = new double[n];
        target.forEach(t -> objective[t.variable()] += t.coefficient());
        try {
            PointValuePair p = new SimplexSolver(1e-9, 10, 1e-12).optimize(new MaxIter(100_000), new LinearObjectiveFunction(objective, 0),
                    new LinearConstraintSet(rows), goal, new NonNegativeConstraint(true));
            return p.getValue();
        } catch (UnboundedSolutionException unbounded) {
            return goal == GoalType.MAXIMIZE ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
        }
    }
}
