package org.cadre.roster.names;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cadre.roster.Country;
import org.cadre.roster.Person;

/**
 * Finds likely duplicate people across Cyrillic and Latin spellings.
 *
 * <p>Each name (native and Latin, when both are known) becomes a {@link NameKey}. People are grouped into
 * blocks by keys of the form <i>skeleton of one word</i> + <i>initial of another</i> (so "ABDULLOEV F."
 * and "Farkhod Abdulloev" share the block {@code abdlv|f}; initials are compared by
 * {@link NameKey#initialClass class}). A block of more than {@value #MAX_BLOCK} people (a common given
 * name with a common initial) is split further by the whole word instead of its skeleton. Only people sharing a block are compared, so the work grows with the number of
 * people and the size of the blocks, not with all pairs. Two names
 * score the mean similarity of their best-aligned words (Jaro-Winkler; an initial matches a word it
 * begins), words missing from the shorter name (a patronymic) not counted, and at most 0.03 above their
 * least similar full word (so "Marat Akhmetov" is not "Marat Abenov"); a person's score is the best
 * over their name variants, lowered by 5 % when the countries differ.
 */
public final class DuplicateFinder {

    /** The lowest score reported. */
    public static final double THRESHOLD = 0.88;

    /** The most people compared all-pairs in one block; larger blocks are split on a finer key. */
    public static final int MAX_BLOCK = 32;

    private DuplicateFinder() {}

    /**
     * The pairs among the people who are likely the same person, however their names are written.
     * Candidates come from blocks, never from all pairs, so 100,000 people take seconds, not hours.
     *
     * @param people the people to compare; two records of the same id are never paired
     * @return pairs scoring at least {@link #THRESHOLD}, highest score first, then by ids (and names, for records sharing an id)
     */
    public static ImmutableList<DuplicateCandidate> candidates(Collection<Person> people) {
        return top(people, Integer.MAX_VALUE).candidates();
    }

    /**
     * The {@code limit} most likely pairs among the people (in the order of {@link #candidates}), and how
     * many pairs there are in all: memory stays bounded by {@code limit} however many pairs a roster of
     * similar names holds (10,000 people named "Officer Ivanov", "Officer Ivanova", ... hold many).
     *
     * @param candidates the most likely pairs, highest score first, then by ids (and names, for records sharing an id)
     * @param total every pair scoring at least {@link #THRESHOLD}, kept or not
     */
    public record Top(ImmutableList<DuplicateCandidate> candidates, int total) {}

    /**
     * As {@link #candidates}, keeping only the {@code limit} most likely pairs.
     *
     * @param people the people to compare; two records of the same id are never paired
     * @param limit the most pairs kept (0: only count them)
     * @return the most likely pairs, highest score first, then by ids (and names, for records sharing an id), and how many pairs there are in all
     */
    public static Top top(Collection<Person> people, int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative: " + limit);
        }
        // Pairs are kept as found and described (their names written out) only once they are the ones kept.
        Comparator<Found> order = Comparator.comparingDouble(Found::score).reversed()
                .thenComparing((Found f) -> f.first().id()).thenComparing(f -> f.second().id())
                .thenComparing(Found::names); // two records of one id: the same order whatever the blocks
        // The worst kept candidate on top, so a better one replaces it.
        java.util.PriorityQueue<Found> kept = new java.util.PriorityQueue<>(order.reversed());
        int total = 0;
        List<Person> list = List.copyOf(people);
        int n = list.size();
        List<List<NameKey>> keys = new ArrayList<>(n);
        Tokens tokens = new Tokens(2 * n); // room for two distinct words a person, more than most rosters hold
        BlockKeys blockKeys = new BlockKeys();
        QuickWords quickWords = new QuickWords(8 * n);
        int[] quickStart = new int[n];
        // Countries as numbers, so a pair compares two ints, not two records. Ids are compared only for the
        // few pairs that pass the quick test (numbering them took a look-up per person in a map as large as
        // the roster).
        int[] countryOf = new int[n];
        Map<Country, Integer> numbers = new HashMap<>();
        // One pass over the people: each person's words are read while still in the processor's caches.
        for (int i = 0; i < n; i++) {
            List<NameKey> variants = variants(list.get(i));
            keys.add(variants);
            Words[] words = distinctWords(variants, tokens);
            for (Words w : words) {
                blockKeys(w, tokens, i, blockKeys);
            }
            quickStart[i] = quickWords.add(words);
            countryOf[i] = numbers.computeIfAbsent(list.get(i).country(), k -> numbers.size());
        }
        int[] quick = quickWords.array();
        // The least word similarity the quick test asks for (see mayReach), in the same and across countries.
        JaroWinkler.Need sameCountry = new JaroWinkler.Need(THRESHOLD - 0.03 - 1e-9);
        JaroWinkler.Need otherCountry = new JaroWinkler.Need(THRESHOLD / 0.95 - 0.03 - 1e-9);
        List<int[]> blocks = blockKeys.blocks();
        // Each block's members once, in index order; each person's blocks in block order. A pair is
        // compared in the first block the two share and skipped in the others, so no set of the pairs
        // already compared is needed.
        int[][] members = new int[blocks.size()][];
        int[] blockCount = new int[n];
        for (int b = 0; b < blocks.size(); b++) {
            members[b] = sortedDistinct(blocks.get(b));
            for (int i : members[b]) {
                blockCount[i]++;
            }
        }
        int[][] blocksOf = new int[n][];
        for (int i = 0; i < n; i++) {
            blocksOf[i] = new int[blockCount[i]];
            blockCount[i] = 0;
        }
        for (int b = 0; b < members.length; b++) {
            for (int i : members[b]) {
                blocksOf[i][blockCount[i]++] = b;
            }
        }
        for (int b = 0; b < members.length; b++) {
            int[] block = members[b];
            for (int x = 0; x < block.length; x++) {
                int i = block[x];
                for (int y = x + 1; y < block.length; y++) {
                    int j = block[y];
                    // The quick test first: it turns away nearly every pair, in every block the two share alike,
                    // so which block the pair is compared in is asked only of the few it lets through.
                    if (!mayReach(quick, quickStart[i], quickStart[j], countryOf[i] == countryOf[j] ? sameCountry : otherCountry,
                            tokens)
                            || firstShared(blocksOf[i], blocksOf[j]) != b
                            || list.get(i).id().equals(list.get(j).id())) {
                        continue;
                    }
                    double score = score(list.get(i), keys.get(i), list.get(j), keys.get(j));
                    if (score >= THRESHOLD) {
                        total++;
                        if (limit > 0) {
                            Found c = Found.of(list.get(i), list.get(j), score);
                            if (kept.size() < limit) {
                                kept.add(c);
                            } else if (order.compare(c, kept.peek()) < 0) {
                                kept.poll();
                                kept.add(c);
                            }
                        }
                    }
                }
            }
        }
        List<Found> found = new ArrayList<>(kept);
        found.sort(order);
        return new Top(found.stream().map(Found::candidate).collect(ImmutableList.toImmutableList()), total);
    }

    /**
     * How alike two people's names are, whatever the scripts: the best score over their name variants,
     * lowered by 5 % when their countries differ.
     *
     * @param a a person
     * @param b another person
     * @return 0 (nothing alike) to 1 (the same words)
     */
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

    /**
     * Mean similarity of best-aligned words of the shorter name: full words are aligned with full words
     * first (Jaro-Winkler), then what is left is matched by initial; an initial counts half. Names that both
     * hold numbers, different ones, score 0 ({@link NameKey#numbersAgree}).
     */
    static double similarity(NameKey a, NameKey b) {
        if (!a.numbersAgree(b)) {
            return 0; // "Officer 12" is not "Officer 13"
        }
        List<String> shorter = a.tokens().size() <= b.tokens().size() ? a.tokens() : b.tokens();
        List<String> longer = shorter == a.tokens() ? b.tokens() : a.tokens();
        if (shorter.isEmpty() || initialsOnly(shorter) || initialsOnly(longer)) {
            return 0; // initials alone identify no one
        }
        boolean[] usedShort = new boolean[shorter.size()];
        boolean[] usedLong = new boolean[longer.size()];
        double total = 0;
        double weight = 0;
        double worstWord = 1.0;
        // Pass 1: full words with full words, most similar pairs first (pairs alike in order found: a
        // stable insertion sort of at most 36 pairs, in two arrays rather than a list of arrays).
        int longWords = longer.size();
        double[] similar = new double[shorter.size() * longWords];
        int[] pairOf = new int[similar.length];
        int pairs = 0;
        for (int i = 0; i < shorter.size(); i++) {
            for (int k = 0; k < longWords; k++) {
                if (shorter.get(i).length() > 1 && longer.get(k).length() > 1) {
                    double s = JaroWinkler.similarity(shorter.get(i), longer.get(k));
                    int at = pairs++;
                    while (at > 0 && similar[at - 1] < s) {
                        similar[at] = similar[at - 1];
                        pairOf[at] = pairOf[at - 1];
                        at--;
                    }
                    similar[at] = s;
                    pairOf[at] = i * longWords + k;
                }
            }
        }
        for (int p = 0; p < pairs; p++) {
            int i = pairOf[p] / longWords;
            int k = pairOf[p] % longWords;
            if (similar[p] >= 0.5 && !usedShort[i] && !usedLong[k]) {
                usedShort[i] = true;
                usedLong[k] = true;
                total += similar[p];
                weight += 1;
                worstWord = Math.min(worstWord, similar[p]);
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

    private static boolean initialsOnly(List<String> tokens) {
        for (String t : tokens) {
            if (t.length() != 1) {
                return false;
            }
        }
        return true;
    }

    /** The first block in both sorted lists of blocks. */
    private static int firstShared(int[] a, int[] b) {
        int x = 0;
        int y = 0;
        while (a[x] != b[y]) {
            if (a[x] < b[y]) {
                x++;
            } else {
                y++;
            }
        }
        return a[x];
    }

    /**
     * A name variant's words, read once per search for {@link #mayReach} and the block keys: their numbers
     * in the search ({@link Tokens}), which are initials, and each word's initial class.
     */
    private record Words(int[] ids, boolean[] initial, char[] initialClass, boolean anyFull) {

        static Words of(NameKey key, Tokens numbers) {
            List<String> tokens = key.tokens();
            int[] ids = new int[tokens.size()];
            boolean[] initial = new boolean[ids.length];
            char[] initialClass = new char[ids.length];
            boolean anyFull = false;
            for (int i = 0; i < ids.length; i++) {
                String token = tokens.get(i);
                ids[i] = numbers.id(token);
                initial[i] = token.length() == 1;
                initialClass[i] = NameKey.initialClass(token.charAt(0));
                anyFull |= !initial[i];
            }
            return new Words(ids, initial, initialClass, anyFull);
        }
    }

    /**
     * The variants' words, leaving out a variant whose words are those of an earlier one in another order
     * ("Абдуллоев Фарход" and "Farkhod Abdulloyev" most often reduce to the same two words): the quick
     * test and the block keys depend only on which words a name holds, not on their order, so a
     * reordered variant changes neither, and leaving it out spares the quick test up to three quarters of
     * its word comparisons for a pair of such people. The full score still reads every variant.
     */
    private static Words[] distinctWords(List<NameKey> variants, Tokens tokens) {
        List<Words> out = new ArrayList<>(variants.size());
        List<int[]> seen = new ArrayList<>(variants.size());
        for (NameKey variant : variants) {
            Words w = Words.of(variant, tokens);
            int[] sorted = w.ids().clone();
            java.util.Arrays.sort(sorted);
            boolean reordered = false;
            for (int[] earlier : seen) {
                reordered |= java.util.Arrays.equals(earlier, sorted);
            }
            if (!reordered) {
                out.add(w);
                seen.add(sorted);
            }
        }
        return out.toArray(Words[]::new);
    }

    /**
     * The words and skeletons of one search, numbered as first seen: equal words get equal numbers, and
     * equal skeletons equal numbers, so block keys are packed in a {@code long} instead of built as strings.
     * What the quick test reads of each word is packed by number in one array, {@link #STRIDE} {@code long}s a
     * word, so that testing a pair of words reads one place in memory per word.
     */
    private static final class Tokens {
        private final Map<String, Integer> ids;
        private final List<String> words = new ArrayList<>();
        private final Map<String, Integer> skeletons;
        private int[] skeletonOf;
        /**
         * Per word: its {@link JaroWinkler#letters letters}' levels 1 and 2, and 3 and 4; then its
         * {@link JaroWinkler#head head} (high 32 bits), whether its letters are counted (bit 24), its length
         * (bits 16 to 23, 0 when longer than 255) and its initial class (low 16 bits).
         */
        private long[] data;
        static final int STRIDE = 3;
        private static final long COUNTED = 1L << 24;

        /** Sized for about {@code words} words, so that the maps are not rehashed while they fill. */
        Tokens(int words) {
            ids = new HashMap<>(Math.max(16, words * 4 / 3));
            skeletons = new HashMap<>(Math.max(16, words * 4 / 3));
            skeletonOf = new int[Math.max(64, words)];
            data = new long[Math.max(64, words) * STRIDE];
        }
        private static final long INITIAL = 1L << 25;

        int id(String token) {
            Integer known = ids.get(token);
            if (known != null) {
                return known;
            }
            int id = words.size();
            ids.put(token, id);
            words.add(token);
            if (id == skeletonOf.length) {
                skeletonOf = java.util.Arrays.copyOf(skeletonOf, 2 * id);
                data = java.util.Arrays.copyOf(data, 2 * id * STRIDE);
            }
            skeletonOf[id] = skeletons.computeIfAbsent(NameKey.skeleton(token), k -> skeletons.size());
            long meta = NameKey.initialClass(token.charAt(0)) | (token.length() == 1 ? INITIAL : 0);
            // Not counted: more than 64 letters (so a counted word's length fits 8 bits), or other characters.
            if (JaroWinkler.letters(token, data, id * STRIDE)) {
                meta |= (long) JaroWinkler.head(token) << 32 | COUNTED | (long) token.length() << 16;
            }
            data[id * STRIDE + 2] = meta;
            return id;
        }

        /** Whether the word is an initial, and its initial class, from the packed data. */
        long meta(int id) {
            return data[id * STRIDE + 2];
        }

        /**
         * Whether two different words (by number, in the order Jaro-Winkler would read them) may score the
         * least of {@code need}: the letter count of {@link JaroWinkler#mayReach}, else Jaro-Winkler itself.
         */
        boolean mayReach(int a, int b, JaroWinkler.Need need) {
            long metaA = data[a * STRIDE + 2];
            long metaB = data[b * STRIDE + 2];
            if ((metaA & metaB & COUNTED) != 0) {
                int la = (int) (metaA >>> 16) & 0xFF;
                int lb = (int) (metaB >>> 16) & 0xFF;
                int prefix = JaroWinkler.prefix((int) (metaA >>> 32), (int) (metaB >>> 32), la, lb);
                if (!JaroWinkler.mayReach(data[a * STRIDE], data[a * STRIDE + 1], data[b * STRIDE], data[b * STRIDE + 1],
                        la, lb, prefix, need)) {
                    return false;
                }
            }
            return JaroWinkler.atLeast(words.get(a), words.get(b), need);
        }

        /** The number of the word's {@link NameKey#skeleton}. */
        int skeleton(int id) {
            return skeletonOf[id];
        }
    }

    /** In a variant's header in {@link QuickWords}: the variant holds initials only. */
    private static final int NO_FULL = 1 << 16;
    private static final int LENGTH = NO_FULL - 1;

    /**
     * Every person's distinct variants' word numbers for {@link #mayReach}, one person after another in one
     * array, so that the quick test of a pair reads two short runs of memory instead of the variants'
     * records and their arrays: at a person's start, the number of variants; then for each variant a header
     * (its number of words, plus {@link #NO_FULL} when all are initials) and its words' numbers.
     */
    private static final class QuickWords {
        private int[] out;
        private int size;

        QuickWords(int expected) {
            out = new int[Math.max(16, expected)];
        }

        /** Adds a person's variants; returns where they start. */
        int add(Words[] person) {
            int start = size;
            int need = 1;
            for (Words w : person) {
                need += 1 + w.ids().length;
            }
            if (size + need > out.length) {
                out = java.util.Arrays.copyOf(out, Math.max(2 * out.length, size + need));
            }
            out[size++] = person.length;
            for (Words w : person) {
                out[size++] = w.ids().length | (w.anyFull() ? 0 : NO_FULL);
                System.arraycopy(w.ids(), 0, out, size, w.ids().length);
                size += w.ids().length;
            }
            return start;
        }

        /** The words added, one person after another (the array may run on past the last). */
        int[] array() {
            return out;
        }
    }

    /**
     * Whether two people's names may score {@link #THRESHOLD} or more; false only when no pair of their
     * variants can, so a pair it turns away is one {@link #score} would have put below the line. A score
     * is at most 0.03 above its least similar full word, so every full word of the shorter name needs a
     * word of the other scoring at least the threshold less 0.03 (or, failing that, an initial of its class).
     * Most pairs in a block share one word and fail on the other, most often on the letters the two words
     * have in common (see {@link Tokens#mayReach}), else after one or two word comparisons that stop as
     * soon as too few letters are left to match. The people's words are read from {@link QuickWords}.
     */
    private static boolean mayReach(int[] quick, int a, int b, JaroWinkler.Need need, Tokens tokens) {
        int x = a + 1;
        for (int p = quick[a]; p > 0; p--) {
            int y = b + 1;
            for (int q = quick[b]; q > 0; q--) {
                if (mayReachVariant(quick, x, y, need, tokens)) {
                    return true;
                }
                y += 1 + (quick[y] & LENGTH);
            }
            x += 1 + (quick[x] & LENGTH);
        }
        return false;
    }

    /** As {@link #mayReach(int[], int, int, JaroWinkler.Need, Tokens)} for one variant of each (at x and y). */
    private static boolean mayReachVariant(int[] quick, int x, int y, JaroWinkler.Need wordNeed, Tokens tokens) {
        boolean xShorter = (quick[x] & LENGTH) <= (quick[y] & LENGTH);
        int shorter = xShorter ? x : y;
        int longer = xShorter ? y : x;
        if (((quick[x] | quick[y]) & NO_FULL) != 0) {
            return false; // initials alone identify no one: similarity 0
        }
        int shortWords = quick[shorter] & LENGTH;
        int longWords = quick[longer] & LENGTH;
        for (int i = shorter + 1; i <= shorter + shortWords; i++) {
            int word = quick[i];
            long meta = tokens.meta(word);
            if ((meta & Tokens.INITIAL) != 0) {
                continue;
            }
            boolean partner = false;
            for (int k = longer + 1; k <= longer + longWords && !partner; k++) {
                int other = quick[k];
                long otherMeta = tokens.meta(other);
                partner = (otherMeta & Tokens.INITIAL) != 0
                        ? (char) otherMeta == (char) meta
                        : other == word // the same word: similarity 1
                                || tokens.mayReach(word, other, wordNeed);
            }
            if (!partner) {
                return false;
            }
        }
        return true;
    }

    private static List<NameKey> variants(Person p) {
        List<NameKey> out = new ArrayList<>(2);
        p.nativeName().filter(n -> !placeholder(n)).map(NameKey::of).filter(k -> !k.isEmpty()).ifPresent(out::add);
        p.latinName().filter(n -> !placeholder(n)).map(NameKey::of).filter(k -> !k.isEmpty()).filter(k -> !out.contains(k))
                .ifPresent(out::add);
        return out;
    }

    /**
     * Whether a name is written wholly in brackets: a placeholder, not a name, such as the "(erased)" a store writes over
     * an erased person's names. It is compared with nothing: erased people were all found alike, n(n-1)/2 pairs of
     * "(erased)" at score 1 (the attacker's review of session 17).
     *
     * @param name a name as written
     * @return whether it is a placeholder
     */
    public static boolean placeholder(String name) {
        String s = name.strip();
        return s.length() >= 2 && s.charAt(0) == '(' && s.charAt(s.length() - 1) == ')';
    }

    /**
     * Every person's block keys, one entry per key in the order added (person after person): a coarse key
     * packs a skeleton's number and an initial class (0: none, a name of one word); a fine word key packs a
     * word's number and the same initial class; a fine skeleton key is the other word's skeleton number plus
     * one (0: none, the other word is an initial). Grouped by sorting on numbers, without a map of lists: the
     * keys of 10,000 people are tens of thousands of entries, and a map of boxed keys to lists of records
     * cost each entry several times what it does at 1,000 once it outgrew the processor's caches.
     */
    private static final class BlockKeys {
        private int[] person = new int[64];
        private long[] coarse = new long[64];
        private long[] word = new long[64];
        private int[] skeleton = new int[64];
        private int size;

        void add(int index, long coarseKey, long wordKey, int skeletonKey) {
            if (size == coarse.length) {
                person = java.util.Arrays.copyOf(person, 2 * size);
                coarse = java.util.Arrays.copyOf(coarse, 2 * size);
                word = java.util.Arrays.copyOf(word, 2 * size);
                skeleton = java.util.Arrays.copyOf(skeleton, 2 * size);
            }
            person[size] = index;
            coarse[size] = coarseKey;
            word[size] = wordKey;
            skeleton[size] = skeletonKey;
            size++;
        }

        /**
         * The groups of people compared all with all: each coarse block (the people sharing a coarse key, in
         * the order the keys first appear), whole when it holds at most {@link #MAX_BLOCK} people, else
         * {@link #split}.
         */
        List<int[]> blocks() {
            List<int[]> into = new ArrayList<>();
            int[] all = new int[size];
            for (int e = 0; e < size; e++) {
                all[e] = e;
            }
            Groups byCoarse = Groups.of(all, 0, size, coarse);
            for (int g = 0; g < byCoarse.count(); g++) {
                int from = byCoarse.start()[g];
                int to = byCoarse.start()[g + 1];
                int[] people = people(byCoarse.entries(), from, to);
                if (people.length <= MAX_BLOCK) {
                    into.add(people);
                } else {
                    split(byCoarse.entries(), from, to, into);
                }
            }
            return into;
        }

        /**
         * Splits a coarse block too large to compare whole: its people are grouped by whole word and initial
         * class; a group still too large is split by the other word's skeleton, and the people known in it
         * only by an initial join every part (and are compared among themselves).
         */
        private void split(int[] entries, int from, int to, List<int[]> into) {
            long[] words = new long[to - from];
            for (int k = from; k < to; k++) {
                words[k - from] = word[entries[k]];
            }
            Groups byWord = Groups.of(entries, from, to, words);
            for (int g = 0; g < byWord.count(); g++) {
                int wordFrom = byWord.start()[g];
                int wordTo = byWord.start()[g + 1];
                int[] people = people(byWord.entries(), wordFrom, wordTo);
                if (people.length <= MAX_BLOCK) {
                    into.add(people);
                    continue;
                }
                int[] initialEntries = new int[wordTo - wordFrom];
                int[] fullEntries = new int[wordTo - wordFrom];
                int initials = 0;
                int full = 0;
                for (int k = wordFrom; k < wordTo; k++) {
                    int e = byWord.entries()[k];
                    if (skeleton[e] == 0) {
                        initialEntries[initials++] = e;
                    } else {
                        fullEntries[full++] = e;
                    }
                }
                int[] known = people(initialEntries, 0, initials);
                if (known.length > 0) {
                    bounded(known, into);
                }
                long[] skeletons = new long[full];
                for (int k = 0; k < full; k++) {
                    skeletons[k] = skeleton[fullEntries[k]];
                }
                Groups bySkeleton = Groups.of(fullEntries, 0, full, skeletons);
                for (int p = 0; p < bySkeleton.count(); p++) {
                    int[] part = people(bySkeleton.entries(), bySkeleton.start()[p], bySkeleton.start()[p + 1]);
                    int[] group = java.util.Arrays.copyOf(part, part.length + known.length);
                    System.arraycopy(known, 0, group, part.length, known.length);
                    bounded(group, into);
                }
            }
        }

        /** The people of a run of entries, each once (a run's entries are in the order added, so person after person). */
        private int[] people(int[] entries, int from, int to) {
            int[] out = new int[to - from];
            int count = 0;
            for (int k = from; k < to; k++) {
                int p = person[entries[k]];
                if (count == 0 || out[count - 1] != p) {
                    out[count++] = p;
                }
            }
            return count == out.length ? out : java.util.Arrays.copyOf(out, count);
        }
    }

    /**
     * Entries grouped by a key, groups in the order their keys first appear, entries in their order within
     * each group: a counting sort on the keys' numbers, given by a table of open addressing.
     *
     * @param entries the entries, each group's a run from {@code start[g]} to {@code start[g + 1]}
     * @param start where each group's run begins, and its end
     * @param count the number of groups
     */
    private record Groups(int[] entries, int[] start, int count) {

        /** Groups {@code entries[from..to)} by their keys, {@code keys[k - from]} the key of {@code entries[k]}. */
        static Groups of(int[] entries, int from, int to, long[] keys) {
            int length = to - from;
            KeyNumbers numbers = new KeyNumbers(length);
            int[] groupOf = new int[length];
            for (int k = 0; k < length; k++) {
                groupOf[k] = numbers.number(keys[k]);
            }
            int count = numbers.size();
            int[] start = new int[count + 1];
            for (int g : groupOf) {
                start[g + 1]++;
            }
            for (int g = 0; g < count; g++) {
                start[g + 1] += start[g];
            }
            int[] next = java.util.Arrays.copyOf(start, count);
            int[] out = new int[length];
            for (int k = 0; k < length; k++) {
                out[next[groupOf[k]]++] = entries[from + k];
            }
            return new Groups(out, start, count);
        }
    }

    /**
     * Numbers {@code long} keys 0, 1, 2... in the order first seen: open addressing with linear probing on a
     * multiplicative hash, so that keys differing only in high bits (a skeleton's number shifted above an
     * initial class) spread over the table; no boxing.
     */
    private static final class KeyNumbers {
        private long[] keys;
        private int[] numbers; // the key's number plus one; 0: empty
        private int shift;
        private int size;

        KeyNumbers(int expected) {
            int capacity = Integer.highestOneBit(Math.max(16, Math.min(expected, 1 << 20) * 2 - 1)) << 1;
            keys = new long[capacity];
            numbers = new int[capacity];
            shift = 64 - Integer.numberOfTrailingZeros(capacity);
        }

        int number(long key) {
            int mask = keys.length - 1;
            int at = (int) ((key * 0x9E3779B97F4A7C15L) >>> shift);
            while (numbers[at] != 0) {
                if (keys[at] == key) {
                    return numbers[at] - 1;
                }
                at = (at + 1) & mask;
            }
            keys[at] = key;
            numbers[at] = ++size;
            if (2 * size > keys.length) {
                grow();
            }
            return size - 1;
        }

        int size() {
            return size;
        }

        private void grow() {
            long[] oldKeys = keys;
            int[] oldNumbers = numbers;
            keys = new long[2 * oldKeys.length];
            numbers = new int[2 * oldKeys.length];
            shift--;
            int mask = keys.length - 1;
            for (int k = 0; k < oldKeys.length; k++) {
                if (oldNumbers[k] != 0) {
                    int at = (int) ((oldKeys[k] * 0x9E3779B97F4A7C15L) >>> shift);
                    while (numbers[at] != 0) {
                        at = (at + 1) & mask;
                    }
                    keys[at] = oldKeys[k];
                    numbers[at] = oldNumbers[k];
                }
            }
        }
    }

    /**
     * Adds the name's block keys: for each full word, its skeleton with the initial class of each other
     * word. Each carries the finer keys used when the block is too large: the whole word with that
     * initial class, and the whole word with the other word's skeleton (none when the other word is an
     * initial).
     */
    private static void blockKeys(Words name, Tokens tokens, int index, BlockKeys into) {
        int[] ids = name.ids();
        if (ids.length == 1) {
            into.add(index, pack(tokens.skeleton(ids[0]), (char) 0), pack(ids[0], (char) 0), 0);
            return;
        }
        for (int i = 0; i < ids.length; i++) {
            if (name.initial()[i]) {
                continue;
            }
            for (int j = 0; j < ids.length; j++) {
                if (j != i) {
                    char initial = name.initialClass()[j];
                    into.add(index, pack(tokens.skeleton(ids[i]), initial), pack(ids[i], initial),
                            name.initial()[j] ? 0 : tokens.skeleton(ids[j]) + 1);
                }
            }
        }
    }

    private static long pack(int number, char initialClass) {
        return ((long) number << 16) | initialClass;
    }

    /**
     * The most people compared all with all in one group that no key can split further (people who share
     * one name, written alike): larger groups are compared in consecutive parts of this size, so that a
     * roster of thousands of identical names costs thousands of comparisons per part, not millions in all.
     * Pairs across parts are not compared; among so many people of one name every pair is a candidate anyway.
     */
    public static final int MAX_GROUP = 256;

    /** A group as it is when it holds at most {@link #MAX_GROUP} entries, else its people in order, in parts of that size. */
    private static void bounded(int[] group, List<int[]> into) {
        if (group.length <= MAX_GROUP) {
            into.add(group);
            return;
        }
        int[] sorted = sortedDistinct(group);
        for (int from = 0; from < sorted.length; from += MAX_GROUP) {
            into.add(java.util.Arrays.copyOfRange(sorted, from, Math.min(sorted.length, from + MAX_GROUP)));
        }
    }

    /** The indices sorted, each once. */
    private static int[] sortedDistinct(int[] indices) {
        int[] sorted = indices.clone();
        java.util.Arrays.sort(sorted);
        int size = 0;
        for (int k = 0; k < sorted.length; k++) {
            if (size == 0 || sorted[size - 1] != sorted[k]) {
                sorted[size++] = sorted[k];
            }
        }
        return size == sorted.length ? sorted : java.util.Arrays.copyOf(sorted, size);
    }

    /** A pair found, the person of the lower id first, its score at most 1: a {@link DuplicateCandidate} not yet described. */
    private record Found(Person first, Person second, double score) {

        static Found of(Person a, Person b, double score) {
            Person first = a.id().compareTo(b.id()) < 0 ? a : b;
            return new Found(first, first == a ? b : a, Math.min(1.0, score));
        }

        String names() {
            return describe(first) + " / " + describe(second);
        }

        DuplicateCandidate candidate() {
            return new DuplicateCandidate(first.id(), second.id(), score, names());
        }
    }

    private static String describe(Person p) {
        return p.nativeName().map(n -> p.latinName().map(l -> n + " (" + l + ")").orElse(n)).orElseGet(() -> p.latinName().orElseThrow());
    }
}
