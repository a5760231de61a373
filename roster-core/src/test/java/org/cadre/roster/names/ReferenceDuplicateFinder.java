package org.cadre.roster.names;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cadre.roster.Person;

/**
 * The duplicate search as it was before issue 16 made it faster (commit a96ba2e), kept word for word as the
 * reference {@code DuplicateFinderReferenceTest} compares {@link DuplicateFinder} with: every pair of every
 * block scored in full, a set of the pairs already compared, Jaro-Winkler with two boolean arrays per call.
 */
final class ReferenceDuplicateFinder {

    /** The lowest score reported. */
    static final double THRESHOLD = 0.88;

    /** The most people compared all-pairs in one block; larger blocks are split on a finer key. */
    static final int MAX_BLOCK = 32;

    private ReferenceDuplicateFinder() {}

    /**
     * The pairs among the people who are likely the same person, however their names are written.
     * Candidates come from blocks, never from all pairs, so 100,000 people take seconds, not hours.
     *
     * @param people the people to compare; two records of the same id are never paired
     * @return pairs scoring at least {@link #THRESHOLD}, highest score first, then by ids
     */
    static ImmutableList<DuplicateCandidate> candidates(Collection<Person> people) {
        List<Person> list = List.copyOf(people);
        List<List<NameKey>> keys = new ArrayList<>(list.size());
        Map<String, List<Member>> coarse = new HashMap<>();
        for (int i = 0; i < list.size(); i++) {
            List<NameKey> variants = variants(list.get(i));
            keys.add(variants);
            Map<String, Set<Fine>> own = new HashMap<>();
            for (NameKey key : variants) {
                blockKeys(key, own);
            }
            for (Map.Entry<String, Set<Fine>> block : own.entrySet()) {
                coarse.computeIfAbsent(block.getKey(), b -> new ArrayList<>()).add(new Member(i, block.getValue()));
            }
        }
        List<List<Integer>> blocks = new ArrayList<>();
        for (List<Member> block : coarse.values()) {
            split(block, blocks);
        }
        Set<Long> compared = new HashSet<>();
        List<DuplicateCandidate> found = new ArrayList<>();
        for (List<Integer> block : blocks) {
            for (int x = 0; x < block.size(); x++) {
                for (int y = x + 1; y < block.size(); y++) {
                    int i = block.get(x);
                    int j = block.get(y);
                    if (list.get(i).id().equals(list.get(j).id())
                            || !compared.add(((long) Math.min(i, j) << 32) | Math.max(i, j))) {
                        continue;
                    }
                    double score = score(list.get(i), keys.get(i), list.get(j), keys.get(j));
                    if (score >= THRESHOLD) {
                        found.add(candidate(list.get(i), list.get(j), score));
                    }
                }
            }
        }
        found.sort(Comparator.comparingDouble(DuplicateCandidate::score).reversed()
                .thenComparing(DuplicateCandidate::first).thenComparing(DuplicateCandidate::second)
                // Not in the search as it was: two records of one id were left in the order found, which
                // depended on the order of its blocks; both searches now order them by their names.
                .thenComparing(DuplicateCandidate::names));
        return ImmutableList.copyOf(found);
    }

    /**
     * How alike two people's names are, whatever the scripts: the best score over their name variants,
     * lowered by 5 % when their countries differ.
     *
     * @param a a person
     * @param b another person
     * @return 0 (nothing alike) to 1 (the same words)
     */
    static double score(Person a, Person b) {
        return score(a, variants(a), b, variants(b));
    }

    private static double score(Person a, List<NameKey> ka, Person b, List<NameKey> kb) {
        double best = 0;
        for (NameKey x : ka) {
            for (NameKey y : kb) {
                best = Math.max(best, similarity(x, y));
            }
        }
        return a.country().equals(b.country()) ? best : best * 0.95;
    }

    /**
     * Mean similarity of best-aligned words of the shorter name: full words are aligned with full words
     * first (Jaro-Winkler), then what is left is matched by initial; an initial counts half.
     */
    static double similarity(NameKey a, NameKey b) {
        if (!a.numbers().isEmpty() && !b.numbers().isEmpty() && !a.numbers().equals(b.numbers())) {
            return 0;
        }
        List<String> shorter = a.tokens().size() <= b.tokens().size() ? a.tokens() : b.tokens();
        List<String> longer = shorter == a.tokens() ? b.tokens() : a.tokens();
        if (shorter.isEmpty() || shorter.stream().allMatch(t -> t.length() == 1)
                || longer.stream().allMatch(t -> t.length() == 1)) {
            return 0; // initials alone identify no one
        }
        boolean[] usedShort = new boolean[shorter.size()];
        boolean[] usedLong = new boolean[longer.size()];
        double total = 0;
        double weight = 0;
        double worstWord = 1.0;
        // Pass 1: full words with full words, most similar pairs first.
        List<double[]> pairs = new ArrayList<>();
        for (int i = 0; i < shorter.size(); i++) {
            for (int k = 0; k < longer.size(); k++) {
                if (shorter.get(i).length() > 1 && longer.get(k).length() > 1) {
                    pairs.add(new double[] {ReferenceJaroWinkler.similarity(shorter.get(i), longer.get(k)), i, k});
                }
            }
        }
        pairs.sort((x, y) -> Double.compare(y[0], x[0]));
        for (double[] p : pairs) {
            int i = (int) p[1];
            int k = (int) p[2];
            if (p[0] >= 0.5 && !usedShort[i] && !usedLong[k]) {
                usedShort[i] = true;
                usedLong[k] = true;
                total += p[0];
                weight += 1;
                worstWord = Math.min(worstWord, p[0]);
            }
        }
        // Pass 2: what is left, by initial.
        for (int i = 0; i < shorter.size(); i++) {
            if (usedShort[i]) {
                continue;
            }
            char initial = NameKey.initialClass(shorter.get(i).charAt(0));
            double best = 0;
            for (int k = 0; k < longer.size(); k++) {
                if (!usedLong[k] && (shorter.get(i).length() == 1 || longer.get(k).length() == 1)
                        && NameKey.initialClass(longer.get(k).charAt(0)) == initial) {
                    usedLong[k] = true;
                    best = 1.0;
                    break;
                }
            }
            boolean initialOnly = shorter.get(i).length() == 1;
            total += best * (initialOnly ? 0.5 : 1.0);
            weight += initialOnly ? 0.5 : 1.0;
            if (!initialOnly && best == 0) {
                worstWord = 0;
            }
        }
        if (weight == 0) {
            return 0;
        }
        // One exact word (a shared given name) must not carry a different surname over the line: a
        // score is at most a little above its least similar full word.
        return Math.min(total / weight, worstWord + 0.03);
    }

    private static List<NameKey> variants(Person p) {
        List<NameKey> out = new ArrayList<>(2);
        p.nativeName().map(NameKey::of).filter(k -> !k.isEmpty()).ifPresent(out::add);
        p.latinName().map(NameKey::of).filter(k -> !k.isEmpty()).filter(k -> !out.contains(k)).ifPresent(out::add);
        return out;
    }

    /**
     * Adds the name's block keys: for each full word, its skeleton with the initial class of each other
     * word. Each carries the finer keys used when the block is too large: the whole word with that
     * initial class, and the whole word with the other word's skeleton (none when the other word is an
     * initial).
     */
    private static void blockKeys(NameKey key, Map<String, Set<Fine>> into) {
        List<String> tokens = key.tokens();
        if (tokens.size() == 1) {
            String only = NameKey.skeleton(tokens.get(0)) + "|";
            into.computeIfAbsent(only, k -> new HashSet<>()).add(new Fine(tokens.get(0), null));
            return;
        }
        for (int i = 0; i < tokens.size(); i++) {
            String word = tokens.get(i);
            if (word.length() < 2) {
                continue;
            }
            for (int j = 0; j < tokens.size(); j++) {
                if (j != i) {
                    String other = tokens.get(j);
                    char initial = NameKey.initialClass(other.charAt(0));
                    into.computeIfAbsent(NameKey.skeleton(word) + "|" + initial, k -> new HashSet<>())
                            .add(new Fine(word + "|" + initial, other.length() < 2 ? null : word + "|" + NameKey.skeleton(other)));
                }
            }
        }
    }

    /**
     * Splits a block into groups small enough to compare all pairs: a block of at most {@link #MAX_BLOCK}
     * stays whole; a larger one is grouped by whole word and initial class; a group still too large is
     * split by the other word's skeleton, and the members known only by an initial join every part.
     */
    private static void split(List<Member> block, List<List<Integer>> into) {
        if (block.size() <= MAX_BLOCK) {
            into.add(block.stream().map(Member::index).toList());
            return;
        }
        Map<String, Set<Integer>> byWord = new HashMap<>();
        Map<String, Map<String, Set<Integer>>> bySkeleton = new HashMap<>();
        Map<String, Set<Integer>> initialsOnly = new HashMap<>();
        for (Member m : block) {
            for (Fine f : m.fine()) {
                byWord.computeIfAbsent(f.word(), k -> new java.util.LinkedHashSet<>()).add(m.index());
                if (f.withSkeleton() == null) {
                    initialsOnly.computeIfAbsent(f.word(), k -> new java.util.LinkedHashSet<>()).add(m.index());
                } else {
                    bySkeleton.computeIfAbsent(f.word(), k -> new HashMap<>())
                            .computeIfAbsent(f.withSkeleton(), k -> new java.util.LinkedHashSet<>()).add(m.index());
                }
            }
        }
        byWord.forEach((word, members) -> {
            if (members.size() <= MAX_BLOCK) {
                into.add(List.copyOf(members));
                return;
            }
            Set<Integer> initials = initialsOnly.getOrDefault(word, Set.of());
            into.add(List.copyOf(initials));
            for (Set<Integer> part : bySkeleton.getOrDefault(word, Map.of()).values()) {
                List<Integer> group = new ArrayList<>(part);
                group.addAll(initials);
                into.add(group);
            }
        });
    }

    private record Fine(String word, String withSkeleton) {}

    private record Member(int index, Set<Fine> fine) {}

    private static DuplicateCandidate candidate(Person a, Person b, double score) {
        Person first = a.id().compareTo(b.id()) < 0 ? a : b;
        Person second = first == a ? b : a;
        return new DuplicateCandidate(first.id(), second.id(), Math.min(1.0, score),
                describe(first) + " / " + describe(second));
    }

    private static String describe(Person p) {
        return p.nativeName().map(n -> p.latinName().map(l -> n + " (" + l + ")").orElse(n)).orElseGet(() -> p.latinName().orElseThrow());
    }
}
