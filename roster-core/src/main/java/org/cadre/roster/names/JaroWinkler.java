package org.cadre.roster.names;

/**
 * Jaro-Winkler similarity of two strings, 0 (nothing alike) to 1 (equal); tolerant of small misspellings.
 * Words of up to 64 letters (every name word) are matched with bit masks, allocating nothing.
 */
final class JaroWinkler {

    private JaroWinkler() {}

    static double similarity(String a, String b) {
        return similarity(a, b, 0, null);
    }

    /**
     * Whether the similarity of {@code a} and {@code b} (in that order, as {@link #similarity(String, String)}
     * measures it) may be at least {@code least}: false only when it is surely below, true when it is at
     * least that (and, rarely, when it is just below). Stops matching as soon as too few letters are left.
     */
    static boolean atLeast(String a, String b, double least) {
        return similarity(a, b, least, null) >= least;
    }

    /**
     * As {@link #atLeast(String, String, double)} with the least of {@code need}, which remembers the
     * fewest matches needed for each pair of word lengths and common prefix instead of working it out on
     * every call: the same answer.
     */
    static boolean atLeast(String a, String b, Need need) {
        return similarity(a, b, need.least, need) >= need.least;
    }

    /**
     * One least similarity and, per word lengths (up to 64) and common prefix (up to 4), the fewest
     * matches with which a score may still reach it, each worked out on first use as
     * {@link #similarity(String, String, double, Need)} would work it out. Not safe to share between threads.
     */
    static final class Need {
        private final double least;
        /** The fewest matches plus one, 0 while not worked out; indexed by lengths and prefix. */
        private final byte[] fewest = new byte[65 * 65 * 5];

        Need(double least) {
            this.least = least;
        }

        int fewest(int la, int lb, int prefix) {
            int at = (la * 65 + lb) * 5 + prefix;
            int known = fewest[at];
            if (known == 0) {
                known = needed(la, lb, prefix, least) + 1;
                fewest[at] = (byte) known;
            }
            return known - 1;
        }
    }

    /**
     * A word's letters counted for {@link #mayReach}: for each of the letters a to z, bit {@code k} of
     * level {@code n} is set when the word holds that letter at least {@code n} times ({@code n} = 1 to
     * 4; levels 1 and 2 in the first {@code long}, 32 bits apart, levels 3 and 4 in the second), so that
     * the letters two words have in common, each counted as often as the word holding it fewer times holds
     * it, are the set bits the two share. Null for a word these cannot count: a character other than a to
     * z, a letter five times or more, or more than 64 letters.
     */
    static long[] letters(String word) {
        long[] out = new long[2];
        return letters(word, out, 0) ? out : null;
    }

    /**
     * As {@link #letters(String)}, written to {@code into[at]} and {@code into[at + 1]} without allocating: a
     * letter's level is the first level whose bit is not yet set.
     *
     * @return false for a word these cannot count ({@code into} then holds nothing of use)
     */
    static boolean letters(String word, long[] into, int at) {
        if (word.length() > 64) {
            return false;
        }
        long low = 0;
        long high = 0;
        for (int i = 0; i < word.length(); i++) {
            int letter = word.charAt(i) - 'a';
            if (letter < 0 || letter >= 26) {
                return false;
            }
            long once = 1L << letter;
            long twice = once << 32;
            if ((low & once) == 0) {
                low |= once;
            } else if ((low & twice) == 0) {
                low |= twice;
            } else if ((high & once) == 0) {
                high |= once;
            } else if ((high & twice) == 0) {
                high |= twice;
            } else {
                return false;
            }
        }
        into[at] = low;
        into[at + 1] = high;
        return true;
    }

    /**
     * The first four characters of a word, one byte each (0 past its end), for {@link #prefix(int, int, int, int)}:
     * the word's characters must be below 256, as the letters a to z are.
     */
    static int head(String word) {
        int head = 0;
        for (int i = 0; i < 4; i++) {
            head = (head << 8) | (i < word.length() ? word.charAt(i) & 0xFF : 0);
        }
        return head;
    }

    /** The common prefix (up to 4) of two words of these {@link #head heads} and lengths. */
    static int prefix(int headA, int headB, int la, int lb) {
        int same = Integer.numberOfLeadingZeros(headA ^ headB) >>> 3;
        return Math.min(same, Math.min(4, Math.min(la, lb)));
    }

    /**
     * Whether two different words of these {@link #letters}, lengths (at most 64) and common prefix may
     * score the least of {@code need}: false only when {@link #atLeast(String, String, Need)} is surely
     * false, without matching a letter. Jaro-Winkler matches pair each letter of one word with an equal
     * letter of the other, so there are no more matches than letters in common, and a score with fewer
     * matches than {@link Need#fewest} is below the least (the bound that number is worked out from allows
     * no transposition, and transpositions only lower a score). Most word pairs a duplicate search tests
     * (two surnames in one block) share too few letters; this turns them away with two ANDs and two bit
     * counts.
     */
    static boolean mayReach(long lowA, long highA, long lowB, long highB, int la, int lb, int prefix, Need need) {
        int common = Long.bitCount(lowA & lowB) + Long.bitCount(highA & highB);
        return common >= need.fewest(la, lb, prefix);
    }

    /** The fewest matches with which the score could still reach least (0 when least is 0). */
    private static int needed(int la, int lb, int prefix, double least) {
        // With m matches and no transposition, Jaro is at most (m/la + m/lb + 1) / 3. A margin keeps
        // rounding on the safe side.
        int needed = 0;
        if (least > 0) {
            while (needed <= Math.min(la, lb) && bound(needed, la, lb, prefix) < least - 1e-9) {
                needed++;
            }
        }
        return needed;
    }

    /**
     * The similarity, or a value below {@code least} (not the similarity) as soon as it cannot reach it.
     * With {@code least} = 0 always the similarity: the same matches, transpositions and arithmetic as
     * the textbook loop with two boolean arrays.
     */
    private static double similarity(String a, String b, double least, Need remembered) {
        if (a.equals(b)) {
            return 1.0;
        }
        int la = a.length();
        int lb = b.length();
        if (la == 0 || lb == 0) {
            return 0.0;
        }
        if (la > 64 || lb > 64) {
            return longWords(a, b);
        }
        int prefix = 0;
        while (prefix < Math.min(4, Math.min(la, lb)) && a.charAt(prefix) == b.charAt(prefix)) {
            prefix++;
        }
        // The fewest matches with which the score could still reach least.
        int needed = remembered != null ? remembered.fewest(la, lb, prefix) : needed(la, lb, prefix, least);
        int window = Math.max(0, Math.max(la, lb) / 2 - 1);
        long matchedA = 0;
        long matchedB = 0;
        int matches = 0;
        for (int i = 0; i < la; i++) {
            int from = Math.max(0, i - window);
            int to = Math.min(lb - 1, i + window);
            char c = a.charAt(i);
            for (int j = from; j <= to; j++) {
                if ((matchedB & (1L << j)) == 0 && c == b.charAt(j)) {
                    matchedA |= 1L << i;
                    matchedB |= 1L << j;
                    matches++;
                    break;
                }
            }
            if (matches + (la - 1 - i) < needed) {
                return -1.0;
            }
        }
        if (matches == 0) {
            return 0.0;
        }
        int transpositions = 0;
        for (int i = 0, j = 0; i < la; i++) {
            if ((matchedA & (1L << i)) != 0) {
                while ((matchedB & (1L << j)) == 0) {
                    j++;
                }
                if (a.charAt(i) != b.charAt(j)) {
                    transpositions++;
                }
                j++;
            }
        }
        return winkler(matches, transpositions, la, lb, prefix);
    }

    private static double bound(int m, int la, int lb, int prefix) {
        if (m == 0) {
            return 0.0;
        }
        return winkler(m, 0, la, lb, prefix);
    }

    private static double winkler(int matches, int transpositions, int la, int lb, int prefix) {
        double m = matches;
        double jaro = (m / la + m / lb + (m - transpositions / 2.0) / m) / 3.0;
        return jaro + prefix * 0.1 * (1.0 - jaro);
    }

    /** The textbook loop, for words too long for a bit mask. */
    private static double longWords(String a, String b) {
        int window = Math.max(0, Math.max(a.length(), b.length()) / 2 - 1);
        boolean[] matchedA = new boolean[a.length()];
        boolean[] matchedB = new boolean[b.length()];
        int matches = 0;
        for (int i = 0; i < a.length(); i++) {
            int from = Math.max(0, i - window);
            int to = Math.min(b.length() - 1, i + window);
            for (int j = from; j <= to; j++) {
                if (!matchedB[j] && a.charAt(i) == b.charAt(j)) {
                    matchedA[i] = true;
                    matchedB[j] = true;
                    matches++;
                    break;
                }
            }
        }
        if (matches == 0) {
            return 0.0;
        }
        int transpositions = 0;
        for (int i = 0, j = 0; i < a.length(); i++) {
            if (matchedA[i]) {
                while (!matchedB[j]) {
                    j++;
                }
                if (a.charAt(i) != b.charAt(j)) {
                    transpositions++;
                }
                j++;
            }
        }
        int prefix = 0;
        while (prefix < Math.min(4, Math.min(a.length(), b.length())) && a.charAt(prefix) == b.charAt(prefix)) {
            prefix++;
        }
        return winkler(matches, transpositions, a.length(), b.length(), prefix);
    }
}
