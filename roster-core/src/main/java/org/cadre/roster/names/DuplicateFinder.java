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
 * Finds likely duplicate people across Cyrillic and Latin spellings.
 *
 * <p>Each name (native and Latin, when both are known) becomes a {@link NameKey}. People are grouped into
 * blocks by keys of the form <i>skeleton of one word</i> + <i>initial of another</i> (so "ABDULLOEV F."
 * and "Farkhod Abdulloev" share the block {@code abdl|f}); only people sharing a block are compared, so
 * the work grows with the number of people and the size of the blocks, not with all pairs. Two names
 * score the mean similarity of their best-aligned words (Jaro-Winkler; an initial matches a word it
 * begins), words missing from the shorter name (a patronymic) not counted, and at most 0.1 above their
 * least similar full word (so "Marat Akhmetov" is not "Marat Abenov"); a person's score is the best
 * over their name variants, lowered by 5 % when the countries differ.
 */
public final class DuplicateFinder {

    /** The lowest score reported. */
    public static final double THRESHOLD = 0.88;

    private DuplicateFinder() {}

    /** Candidate pairs, highest score first, then by ids. */
    public static ImmutableList<DuplicateCandidate> candidates(Collection<Person> people) {
        List<Person> list = List.copyOf(people);
        List<List<NameKey>> keys = new ArrayList<>(list.size());
        Map<String, List<Integer>> blocks = new HashMap<>();
        for (int i = 0; i < list.size(); i++) {
            List<NameKey> variants = variants(list.get(i));
            keys.add(variants);
            Set<String> own = new HashSet<>();
            for (NameKey key : variants) {
                blockKeys(key, own);
            }
            for (String block : own) {
                blocks.computeIfAbsent(block, b -> new ArrayList<>()).add(i);
            }
        }
        Set<Long> compared = new HashSet<>();
        List<DuplicateCandidate> found = new ArrayList<>();
        for (List<Integer> block : blocks.values()) {
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
                .thenComparing(DuplicateCandidate::first).thenComparing(DuplicateCandidate::second));
        return ImmutableList.copyOf(found);
    }

    /** How alike two people's names are, 0 to 1. */
    public static double score(Person a, Person b) {
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

    /** Mean similarity of best-aligned words, greedily, words of the shorter name only. */
    static double similarity(NameKey a, NameKey b) {
        List<String> shorter = a.tokens().size() <= b.tokens().size() ? a.tokens() : b.tokens();
        List<String> longer = shorter == a.tokens() ? b.tokens() : a.tokens();
        if (shorter.isEmpty() || shorter.stream().allMatch(t -> t.length() == 1)) {
            return 0; // initials alone identify no one
        }
        boolean[] used = new boolean[longer.size()];
        double total = 0;
        double weight = 0;
        double worstWord = 1.0;
        // Full words first, so an initial cannot take the word a full word needs.
        List<String> ordered = new ArrayList<>(shorter);
        ordered.sort(Comparator.comparingInt(String::length).reversed());
        for (String token : ordered) {
            double best = 0;
            int bestAt = -1;
            for (int k = 0; k < longer.size(); k++) {
                if (used[k]) {
                    continue;
                }
                String other = longer.get(k);
                double s = token.length() == 1 || other.length() == 1
                        ? (token.charAt(0) == other.charAt(0) ? 1.0 : 0.0)
                        : JaroWinkler.similarity(token, other);
                if (s > best) {
                    best = s;
                    bestAt = k;
                }
            }
            if (bestAt >= 0) {
                used[bestAt] = true;
            }
            double w = token.length() == 1 ? 0.5 : 1.0;
            total += best * w;
            weight += w;
            if (token.length() > 1) {
                worstWord = Math.min(worstWord, best);
            }
        }
        // One exact word (a shared first name) must not carry a clearly different surname over the line.
        return Math.min(total / weight, worstWord + 0.1);
    }

    private static List<NameKey> variants(Person p) {
        List<NameKey> out = new ArrayList<>(2);
        p.nativeName().map(NameKey::of).filter(k -> !k.isEmpty()).ifPresent(out::add);
        p.latinName().map(NameKey::of).filter(k -> !k.isEmpty()).filter(k -> !out.contains(k)).ifPresent(out::add);
        return out;
    }

    private static void blockKeys(NameKey key, Set<String> into) {
        List<String> tokens = key.tokens();
        if (tokens.size() == 1) {
            into.add(NameKey.skeleton(tokens.get(0)) + "|");
            return;
        }
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i).length() < 2) {
                continue;
            }
            String skeleton = NameKey.skeleton(tokens.get(i));
            for (int j = 0; j < tokens.size(); j++) {
                if (j != i) {
                    into.add(skeleton + "|" + tokens.get(j).charAt(0));
                }
            }
        }
    }

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
