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

    public static Findings none() {
        return NONE;
    }

    public static Findings of(Finding... findings) {
        return copyOf(ImmutableList.copyOf(findings));
    }

    public static Findings copyOf(Collection<Finding> findings) {
        return findings.isEmpty() ? NONE : new Findings(ImmutableList.sortedCopyOf(Finding.ORDER, findings));
    }

    /** All findings of both, in order. */
    public Findings and(Findings other) {
        return copyOf(ImmutableList.<Finding>builder().addAll(all).addAll(other.all).build());
    }

    public static Collector<Finding, ?, Findings> toFindings() {
        return Collector.of(ImmutableList::<Finding>builder, ImmutableList.Builder::add,
                (a, b) -> a.addAll(b.build()), b -> copyOf(b.build()));
    }

    public ImmutableList<Finding> all() {
        return all;
    }

    public ImmutableList<Finding> errors() {
        return all.stream().filter(Finding::isError).collect(ImmutableList.toImmutableList());
    }

    public boolean hasErrors() {
        return all.stream().anyMatch(Finding::isError);
    }

    public boolean isEmpty() {
        return all.isEmpty();
    }

    public int size() {
        return all.size();
    }

    /** The distinct rule codes that fired, sorted. */
    public ImmutableSortedSet<String> codes() {
        return all.stream().map(Finding::code).collect(ImmutableSortedSet.toImmutableSortedSet(String::compareTo));
    }

    public ImmutableList<Finding> withCode(String code) {
        requireNonNull(code, "code");
        return all.stream().filter(f -> f.code().equals(code)).collect(ImmutableList.toImmutableList());
    }

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
