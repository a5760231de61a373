package org.cadre.finding;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedSet;
import java.util.Collection;
import java.util.Iterator;
import java.util.stream.Collector;
import java.util.stream.Stream;

/**
 * Every finding of one check, in {@link Finding#ORDER} (errors first, then by code and subject), so the
 * same input always prints the same list.
 */
public final class Findings implements Iterable<Finding> {

    private static final Findings NONE = new Findings(ImmutableList.of());

    private final ImmutableList<Finding> all;

    private Findings(ImmutableList<Finding> all) {
        this.all = all;
    }

    /** {@return no findings: what a check of sound input returns} */
    public static Findings none() {
        return NONE;
    }

    /**
     * The given findings, in {@link Finding#ORDER}.
     *
     * @param findings the findings, in any order
     * @return them, sorted
     */
    public static Findings of(Finding... findings) {
        return copyOf(ImmutableList.copyOf(findings));
    }

    /**
     * The given findings, in {@link Finding#ORDER}.
     *
     * @param findings the findings, in any order; copied
     * @return them, sorted
     */
    public static Findings copyOf(Collection<Finding> findings) {
        return findings.isEmpty() ? NONE : new Findings(ImmutableList.sortedCopyOf(Finding.ORDER, findings));
    }

    /**
     * All findings of both, in order: the findings of two checks of one input, say.
     *
     * @param other the other findings
     * @return both together; neither is changed
     */
    public Findings and(Findings other) {
        return copyOf(ImmutableList.<Finding>builder().addAll(all).addAll(other.all).build());
    }

    /** {@return a collector of findings from a stream, sorted as {@link #copyOf} sorts them} */
    public static Collector<Finding, ?, Findings> toFindings() {
        return Collector.of(ImmutableList::<Finding>builder, ImmutableList.Builder::add,
                (a, b) -> a.addAll(b.build()), b -> copyOf(b.build()));
    }

    /** {@return every finding, in {@link Finding#ORDER}} */
    public ImmutableList<Finding> all() {
        return all;
    }

    /** {@return the errors only, in order} */
    public ImmutableList<Finding> errors() {
        return all.stream().filter(Finding::isError).collect(ImmutableList.toImmutableList());
    }

    /** {@return whether any finding is an error, so the input cannot be used as it is} */
    public boolean hasErrors() {
        return all.stream().anyMatch(Finding::isError);
    }

    /** {@return whether there is no finding at all} */
    public boolean isEmpty() {
        return all.isEmpty();
    }

    /** {@return how many findings, of every severity} */
    public int size() {
        return all.size();
    }

    /** {@return the distinct rule codes that fired, sorted} */
    public ImmutableSortedSet<String> codes() {
        return all.stream().map(Finding::code).collect(ImmutableSortedSet.toImmutableSortedSet(String::compareTo));
    }

    /**
     * The findings of one rule.
     *
     * @param code a rule code, such as {@code agenda.session-missing}
     * @return its findings, in order; empty if it did not fire
     */
    public ImmutableList<Finding> withCode(String code) {
        requireNonNull(code, "code");
        return all.stream().filter(f -> f.code().equals(code)).collect(ImmutableList.toImmutableList());
    }

    /** {@return the findings in order, as a stream} */
    public Stream<Finding> stream() {
        return all.stream();
    }

    @Override
    public Iterator<Finding> iterator() {
        return all.iterator();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Findings other && all.equals(other.all);
    }

    @Override
    public int hashCode() {
        return all.hashCode();
    }

    /** One finding per line; {@code no findings} when empty. */
    @Override
    public String toString() {
        return all.isEmpty() ? "no findings" : String.join("\n", all.stream().map(Finding::toString).toList());
    }
}
