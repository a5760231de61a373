package org.cadre.reporting.disclosure.audit;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.cadre.reporting.disclosure.Disclosure;

/**
 * Suppression that passes the audit at the least loss. The report is built under the disclosure rules and
 * audited; while a withheld cell can be worked out, more published cells are withheld and the report is
 * built again. For each breach, the candidates are the published cells that share an unknown with it (or,
 * when none does, the nearest through the constraints); each is tried in the breach's linear program, and
 * the one that frees the cell (lifts its upper bound to k and past its true value) at the least loss is
 * taken: a figure published in fewer places first (a headline repeated as every table's total is kept
 * where a lone cell will do), then an inner cell before a total (fewer unknowns), then the smallest. A
 * figure published twice (the participants are also each session's denominator) goes everywhere at
 * once. For a small count in a report's own programs every candidate is tried, and then those further
 * out; when nothing frees it, every positive cell linked to it is withheld. Each round withholds at
 * least one more cell or publishes one that is given away anyway, and a report with nothing published
 * about a cell cannot give it away, so the loop ends, and its result passes the audit (but for counts of
 * k or more that only other reports pin, documented in docs/reporting.md).
 * passes the audit.
 */
public final class Protection {

    /** Pairs of complements are tried among this many of a breach's nearest candidates. */
    private static final int PAIRS_AMONG = 5;

    /** How many constraints away candidates are sought when none nearer moves a small count. */
    private static final int FURTHEST = 4;

    /** At most this many of a breach's nearest candidates are tried one by one. */
    private static final int CANDIDATES = 8;

    private Protection() {}

    /** The report built for {@code disclosure}, with as many more cells withheld as its audit needs. */
    public static <R> R protect(Disclosure disclosure, Function<Disclosure, R> build, Function<R, Ledger> ledger) {
        return protect(disclosure, build, List.of(ledger));
    }

    /**
     * The same, audited in stages: each ledger in turn, the cells withheld for one kept for the next, the last
     * the whole of what the attacker holds. A first stage over the report alone settles most breaches on small
     * programs, so that the joint program (the report with other reports) is solved only for what remains.
     * The result passes the last stage's audit.
     */
    public static <R> R protect(Disclosure disclosure, Function<Disclosure, R> build, List<Function<R, Ledger>> stages) {
        return protect(disclosure, build, stages, Long.MAX_VALUE);
    }

    /**
     * As {@link #protect(Disclosure, Function, List)}, no linear program larger than {@code largest} entries (unknowns
     * times rows, the simplex's table of doubles).
     *
     * @throws AuditTooLargeException when a program would be larger (the report is then not checked)
     */
    public static <R> R protect(Disclosure disclosure, Function<Disclosure, R> build, List<Function<R, Ledger>> stages, long largest) {
        Set<String> forced = new LinkedHashSet<>(disclosure.forced());
        Set<String> released = new LinkedHashSet<>(disclosure.released());
        R report = null;
        for (Function<R, Ledger> ledger : stages) {
            report = stage(disclosure, build, ledger, forced, released, largest);
        }
        return report;
    }

    private static <R> R stage(Disclosure disclosure, Function<Disclosure, R> build, Function<R, Ledger> ledger, Set<String> forced,
            Set<String> released, long largest) {
        Audit.Memory memory = new Audit.Memory(largest);
        while (true) {
            R report = build.apply(disclosure.withForced(forced).withReleased(released));
            Ledger l = ledger.apply(report);
            Audit.Audited audit = new Audit.Audited(l, disclosure.k(), memory);
            List<Audit.Breach> breaches = audit.breaches();
            if (breaches.isEmpty()) {
                return report;
            }
            // A withheld count of k or more that the attacker can work out anyway (from this report or from others)
            // is published: withholding it hides nothing, and the rules will not lean on it again.
            // A count pinned only through a rounded mean is not given away anyway: withholding the mean frees it.
            Set<String> release = new LinkedHashSet<>();
            List<String> figures = l.published().keySet().stream().filter(l::isFigure).toList();
            for (Audit.Breach b : breaches) {
                if (!l.isOfOtherReport(b.cell()) && b.trueValue() >= disclosure.k() && b.min() >= b.max()
                        && !released.contains(b.cell())
                        && (figures.isEmpty() || !audit.movedBy(b.cell(), figures))) {
                    release.add(b.cell());
                }
            }
            if (!release.isEmpty()) {
                released.addAll(release);
                forced.removeAll(release);
                if (breaches.stream().allMatch(b -> b.trueValue() >= disclosure.k())) {
                    continue;
                }
                // Publishing what is given away anyway frees no small count, so the small ones are protected in
                // the same round rather than after another audit of the whole report.
                forced.addAll(complements(l, audit, forced, disclosure.k(), release));
                l.targets().keySet().stream().filter(id -> !l.isOfOtherReport(id) && !released.contains(id)).forEach(forced::add);
                continue;
            }
            Set<String> more = complements(l, audit, forced, disclosure.k(), Set.of());
            if (more.isEmpty()) {
                // Nothing near the breaches frees them. A withheld count of k or more that stays pinned is no small
                // count found out: what pins it is published elsewhere (another report the attacker holds), and
                // withholding more of this report would hide figures without protecting anyone.
                List<Audit.Breach> small = breaches.stream().filter(b -> b.trueValue() < disclosure.k()).toList();
                if (small.isEmpty()) {
                    return report;
                }
                more = fewestOf(l, audit, small, everythingLinked(l, small, forced));
            }
            if (more.isEmpty() && breaches.stream().allMatch(b -> l.isOfOtherReport(b.cell()))) {
                // Only other reports' cells are pinned, and nothing of this report is left that bears on them: this
                // report adds nothing an attacker needs, so withholding cannot help and it ships (docs/reporting.md).
                return report;
            }
            if (more.isEmpty()) {
                List<String> small = breaches.stream().filter(b -> b.trueValue() < disclosure.k()).map(Audit.Breach::cell)
                        .distinct().toList();
                // The message goes to the server's log: the cells and why, never their true values or bounds, which are the
                // small counts themselves (the attacker's review of session 16 found them in the log).
                throw new org.cadre.reporting.disclosure.UnprotectableReportException(
                        "a small withheld count can be worked out and nothing is left to withhold: " + breaches.stream()
                                .map(b -> b.cell() + " (" + b.why() + ")").toList(), small);
            }
            forced.addAll(more);
            // What this round withheld stays withheld, so that a table's own complements cannot move under the choice.
            l.targets().keySet().stream().filter(id -> !l.isOfOtherReport(id) && !released.contains(id)).forEach(forced::add);
        }
    }

    /** The cells to withhold this round, breach by breach, each choice counted in the next breach's program. */
    static Set<String> complements(Ledger l, Audit.Audited audit, Set<String> forced, int k, Set<String> skip) {
        Map<String, Ledger.Expr> published = l.published();
        Map<String, List<String>> copies = new HashMap<>();
        Map<Integer, List<String>> cellsOf = new HashMap<>();
        published.forEach((id, e) -> {
            if (!forced.contains(id) && l.truth(e) > 0) {
                copies.computeIfAbsent(key(e.terms()), x -> new ArrayList<>()).add(id);
                e.terms().forEach(t -> cellsOf.computeIfAbsent(t.variable(), x -> new ArrayList<>()).add(id));
            }
        });
        Map<Integer, List<Ledger.Constraint>> constraintsOf = new HashMap<>();
        for (Ledger.Constraint c : l.constraints()) {
            c.terms().forEach(t -> constraintsOf.computeIfAbsent(t.variable(), x -> new ArrayList<>()).add(c));
        }
        Set<String> headlines = headlineKeys(l);
        Set<String> chosen = new LinkedHashSet<>();
        // Searching every candidate, and further out, is for a report's own programs, which are small; with
        // other reports' tables in them the programs are large, and the nearest few are tried.
        boolean thorough = l.targets().keySet().stream().noneMatch(l::isOfOtherReport);
        for (Audit.Breach b : audit.breaches()) {
            if (skip.contains(b.cell())) {
                continue;
            }
            Ledger.Target target = l.targets().get(b.cell());
            long need = audit.need(target);
            if (!chosen.isEmpty() && audit.maxWhenWithheld(b.cell(), List.of()) >= need - 1e-6) {
                continue; // this round's earlier choices free it already
            }
            List<String> same = copies.get(key(target.terms()));
            if (same != null) {
                take(same, chosen, audit); // published elsewhere as it stands: that copy gives it away
                continue;
            }
            List<List<String>> candidates = nearest(target, cellsOf, constraintsOf, copies, published, chosen, l, 1);
            if (thorough && b.trueValue() < k && candidates.stream().anyMatch(g -> headlines.contains(key(published.get(g.get(0)).terms())))) {
                // A small count next to the headline: the figures one constraint further out may free it instead (the
                // gain's n beside the pairs that bound the one officer without a pre-test).
                candidates = nearest(target, cellsOf, constraintsOf, copies, published, chosen, l, 2);
            }
            // The first candidate (least loss first) that frees the cell, unless two that come before it do it
            // together (a row and a column total before the grand total); failing all, the first that widens its range.
            List<String> best = null;
            int frees = -1;
            List<String> widens = null;
            // The nearest few first; only when none of them frees or widens a small count, the rest.
            int tries = thorough && b.trueValue() < k ? candidates.size() : Math.min(candidates.size(), CANDIDATES);
            for (int i = 0; i < tries && frees < 0 && (i < CANDIDATES || widens == null); i++) {
                double max = audit.maxWhenWithheld(b.cell(), candidates.get(i));
                if (max >= need - 1e-6) {
                    frees = i;
                } else if (widens == null && max > b.max() + 1e-6) {
                    widens = candidates.get(i);
                }
            }
            if (thorough && frees < 0 && widens == null && b.trueValue() < k) {
                // Nothing near moves a small count: look further out (a pass mark count bounding the pairs that
                // bound the unpaired) before withholding everything linked to it.
                List<List<String>> further = nearest(target, cellsOf, constraintsOf, copies, published, chosen, l, FURTHEST);
                further.removeAll(candidates);
                for (int i = 0; i < further.size() && frees < 0; i++) {
                    double max = audit.maxWhenWithheld(b.cell(), further.get(i));
                    if (max >= need - 1e-6) {
                        candidates.add(further.get(i));
                        frees = candidates.size() - 1;
                    } else if (widens == null && max > b.max() + 1e-6) {
                        widens = further.get(i);
                    }
                }
            }
            // Pairs only for a small count: a pinned count of k or more is freed by anything that widens it.
            int before = frees == 0 || b.trueValue() >= k ? 0 : Math.min(frees >= 0 ? frees : candidates.size(), PAIRS_AMONG);
            List<int[]> pairs = new ArrayList<>();
            for (int i = 0; i < before; i++) {
                for (int j = i + 1; j < before; j++) {
                    pairs.add(new int[] {i, j});
                }
            }
            pairs.sort(Comparator.comparingInt((int[] p) -> p[1]).thenComparingInt(p -> p[0]));
            for (int[] p : pairs) {
                List<String> both = new ArrayList<>(candidates.get(p[0]));
                both.addAll(candidates.get(p[1]));
                if (audit.maxWhenWithheld(b.cell(), both) >= need - 1e-6) {
                    best = both;
                    break;
                }
            }
            if (best == null) {
                best = frees >= 0 ? candidates.get(frees) : widens;
            }
            if (best != null) {
                take(best, chosen, audit);
            }
        }
        return chosen;
    }

    private static void take(List<String> cells, Set<String> chosen, Audit.Audited audit) {
        chosen.addAll(cells);
        audit.withhold(cells);
    }

    /**
     * The published cells (each with its copies) that share an unknown with the target or, if none does,
     * those nearest to it through the constraints; least loss first: fewer places it is published in (a
     * headline repeated in every table's total is kept where a lone cell will do), a rounded mean before a count
     * (withholding a count withholds the means over it too), fewer unknowns, smaller, then by id.
     */
    private static List<List<String>> nearest(Ledger.Target target, Map<Integer, List<String>> cellsOf,
            Map<Integer, List<Ledger.Constraint>> constraintsOf, Map<String, List<String>> copies,
            Map<String, Ledger.Expr> published, Set<String> chosen, Ledger l, int reach) {
        Set<Integer> seen = new HashSet<>();
        List<Integer> frontier = new ArrayList<>();
        for (Ledger.Term t : target.terms()) {
            if (seen.add(t.variable())) {
                frontier.add(t.variable());
            }
        }
        // The cells that share an unknown with the target and those one constraint further (a column total
        // beside the row that binds); if there are none, the nearest further out.
        Set<String> found = new LinkedHashSet<>();
        int depth = 0;
        while (!frontier.isEmpty() && (found.isEmpty() || depth <= reach)) {
            frontier.forEach(v -> cellsOf.getOrDefault(v, List.of()).forEach(found::add));
            found.removeAll(chosen);
            List<Integer> next = new ArrayList<>();
            for (int v : frontier) {
                for (Ledger.Constraint c : constraintsOf.getOrDefault(v, List.of())) {
                    for (Ledger.Term t : c.terms()) {
                        if (seen.add(t.variable())) {
                            next.add(t.variable());
                        }
                    }
                }
            }
            frontier = next;
            depth++;
        }
        Map<String, List<String>> groups = new HashMap<>();
        for (String id : found) {
            List<String> group = copies.get(key(published.get(id).terms()));
            groups.putIfAbsent(group.get(0), group);
        }
        List<List<String>> out = new ArrayList<>(groups.values());
        out.sort(Comparator.comparingInt((List<String> g) -> g.size())
                .thenComparing(g -> !l.isFigure(g.get(0)))
                .thenComparingInt(g -> published.get(g.get(0)).terms().size())
                .thenComparingLong(g -> l.truth(published.get(g.get(0))))
                .thenComparing(g -> g.get(0)));
        return out;
    }

    /**
     * Of the cells linked to the small breaches (every one of which withheld frees them), as few as will still
     * free them all: each figure is tried back in, those most worth publishing first (published in more places,
     * then more unknowns, a total before its parts, then larger), and stays published when every breach is still
     * freed without it. The row totals of a table then stay withheld where a grand total and the headline can be
     * kept.
     */
    static Set<String> fewestOf(Ledger l, Audit.Audited audit, List<Audit.Breach> small, Set<String> linked) {
        Map<String, Ledger.Expr> published = l.published();
        Map<String, List<String>> groups = new java.util.LinkedHashMap<>();
        Map<String, Integer> places = new HashMap<>();
        published.forEach((id, e) -> places.merge(key(e.terms()), 1, Integer::sum));
        for (String id : linked) {
            groups.computeIfAbsent(key(published.get(id).terms()), x -> new ArrayList<>()).add(id);
        }
        List<String> order = new ArrayList<>(groups.keySet());
        order.sort(Comparator.comparingInt((String g) -> -places.get(g))
                .thenComparingInt(g -> -published.get(groups.get(g).get(0)).terms().size())
                .thenComparingLong(g -> -l.truth(published.get(groups.get(g).get(0))))
                .thenComparing(g -> groups.get(g).get(0)));
        Set<String> kept = new LinkedHashSet<>(order);
        for (String g : order) {
            kept.remove(g);
            List<String> withheld = new ArrayList<>();
            kept.forEach(x -> withheld.addAll(groups.get(x)));
            boolean frees = small.stream().allMatch(b -> audit.maxWhenWithheld(b.cell(), withheld)
                    >= audit.need(l.targets().get(b.cell())) - 1e-6);
            if (!frees) {
                kept.add(g);
            }
        }
        Set<String> out = new LinkedHashSet<>();
        kept.forEach(g -> out.addAll(groups.get(g)));
        return out;
    }

    /** Every positive published cell that shares a constraint with a breached cell's unknowns. */
    static Set<String> everythingLinked(Ledger l, List<Audit.Breach> breaches, Set<String> forced) {
        Set<Integer> linked = new HashSet<>();
        for (Audit.Breach b : breaches) {
            l.targets().get(b.cell()).terms().forEach(t -> linked.add(t.variable()));
        }
        boolean grew = true;
        while (grew) {
            grew = false;
            for (Ledger.Constraint c : l.constraints()) {
                if (c.terms().stream().anyMatch(t -> linked.contains(t.variable()))) {
                    for (Ledger.Term t : c.terms()) {
                        grew |= linked.add(t.variable());
                    }
                }
            }
        }
        Set<String> out = new LinkedHashSet<>();
        l.published().forEach((id, e) -> {
            if (!forced.contains(id) && l.truth(e) > 0 && e.terms().stream().anyMatch(t -> linked.contains(t.variable()))) {
                out.add(id);
            }
        });
        return out;
    }

    /**
     * An expression's terms in a canonical order, divided by their greatest common divisor: equal keys are
     * the same figure, or a multiple of it (the sessions times the participants).
     */
    /** The keys ({@link #key}) of the ledger's headlines. */
    private static Set<String> headlineKeys(Ledger l) {
        Set<String> keys = new HashSet<>();
        l.headlines().forEach(e -> keys.add(key(e.terms())));
        return keys;
    }

    private static String key(List<Ledger.Term> terms) {
        BigInteger gcd = BigInteger.ZERO;
        for (Ledger.Term t : terms) {
            gcd = gcd.gcd(BigInteger.valueOf(t.coefficient()));
        }
        long divisor = gcd.signum() == 0 ? 1 : gcd.longValue();
        StringBuilder out = new StringBuilder();
        terms.stream().sorted(Comparator.comparingInt(Ledger.Term::variable))
                .forEach(t -> out.append(t.variable()).append('*').append(t.coefficient() / divisor).append(' '));
        return out.toString();
    }
}
