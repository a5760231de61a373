package org.cadre.roster.names;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.cadre.curriculum.fixtures.Seeds;
import org.cadre.roster.fixtures.SyntheticPeople;
import org.junit.jupiter.api.Test;

/**
 * The quick test's letter count (issue 16): {@link JaroWinkler#mayReach(long, long, long, long, int, int, int,
 * JaroWinkler.Need)} turns a word pair away only when {@link JaroWinkler#atLeast(String, String, JaroWinkler.Need)}
 * is false, over seeded pairs of random words, near-misses (a letter doubled, swapped or dropped), words with
 * a letter four times, and surnames and given names of synthetic people as duplicate detection reduces them;
 * and its parts (letters in common, the common prefix from the heads) equal the plain computation.
 */
class JaroWinklerLetterCountTest {

    private static final double[] LEASTS = {
        DuplicateFinder.THRESHOLD - 0.03 - 1e-9, DuplicateFinder.THRESHOLD / 0.95 - 0.03 - 1e-9, 0.5, 0.7, 0.95, 0.99};

    @Test
    void turns_away_only_pairs_that_jaro_winkler_puts_below_the_least() {
        Random rnd = new Random(Seeds.BASE + 1616);
        JaroWinkler.Need[] needs = new JaroWinkler.Need[LEASTS.length];
        for (int k = 0; k < LEASTS.length; k++) {
            needs[k] = new JaroWinkler.Need(LEASTS[k]);
        }
        int turnedAway = 0;
        int reached = 0;
        int compared = 0;
        int wronglyTurnedAway = 0;
        String firstWrong = null;
        for (int n = 0; n < 300_000; n++) {
            String a = word(rnd, n);
            String b = switch (rnd.nextInt(3)) {
                case 0 -> typo(rnd, a);
                case 1 -> typo(rnd, typo(rnd, a));
                default -> word(rnd, n + 1);
            };
            long[] la = JaroWinkler.letters(a);
            long[] lb = JaroWinkler.letters(b);
            assertThat(la == null).as("%s counted", a).isEqualTo(!countable(a));
            assertThat(lb == null).as("%s counted", b).isEqualTo(!countable(b));
            if (la == null || lb == null || a.equals(b)) {
                continue;
            }
            compared++;
            assertThat(Long.bitCount(la[0] & lb[0]) + Long.bitCount(la[1] & lb[1])).as("%s, %s in common", a, b)
                    .isEqualTo(inCommon(a, b));
            int prefix = JaroWinkler.prefix(JaroWinkler.head(a), JaroWinkler.head(b), a.length(), b.length());
            assertThat(prefix).as("%s, %s prefix", a, b).isEqualTo(prefix(a, b));
            JaroWinkler.Need need = needs[rnd.nextInt(needs.length)];
            boolean expected = JaroWinkler.atLeast(a, b, need);
            boolean quick = JaroWinkler.mayReach(la[0], la[1], lb[0], lb[1], a.length(), b.length(), prefix, need);
            if (expected) {
                reached++;
                if (!quick) {
                    wronglyTurnedAway++;
                    firstWrong = firstWrong != null ? firstWrong : a + " ~ " + b;
                }
            }
            turnedAway += quick ? 0 : 1;
        }
        assertThat(wronglyTurnedAway).as("pairs at their least turned away (of %d reaching it; first %s)", reached, firstWrong)
                .isZero();
        // Not vacuous: many pairs of every kind are compared, many turned away and many reach their least.
        assertThat(compared).isGreaterThan(250_000);
        assertThat(turnedAway).as("turned away").isGreaterThan(50_000);
        assertThat(reached).as("reached").isGreaterThan(20_000);
    }

    /** Random words, and now and then the reduced words of a synthetic name (surname or given name). */
    private static String word(Random rnd, int n) {
        if (n % 3 == 0) {
            NameKey key = NameKey.of(SyntheticPeople.cyrillicName(rnd));
            return key.tokens().get(rnd.nextInt(key.tokens().size()));
        }
        int length = n % 500 == 0 ? 30 + rnd.nextInt(40) : 1 + rnd.nextInt(14);
        // Few letters, so that words share many and some hold a letter four times or more.
        String alphabet = rnd.nextBoolean() ? "abdeiklmnorstuvz" : "aaeioubkrs";
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
        }
        return out.toString();
    }

    private static String typo(Random rnd, String word) {
        if (word.length() < 2) {
            return word + "a";
        }
        char[] letters = word.toCharArray();
        int at = rnd.nextInt(letters.length - 1) + 1;
        switch (rnd.nextInt(4)) {
            case 0 -> letters[at] = letters[at - 1];
            case 1 -> {
                char c = letters[at];
                letters[at] = letters[at - 1];
                letters[at - 1] = c;
            }
            case 2 -> letters[at] = (char) ('a' + rnd.nextInt(26));
            default -> {
                return word.substring(0, at) + word.substring(at + 1);
            }
        }
        return new String(letters);
    }

    /** At most 64 letters a to z, none five times or more. */
    private static boolean countable(String word) {
        if (word.length() > 64) {
            return false;
        }
        int[] count = new int[128];
        for (char c : word.toCharArray()) {
            if (c < 'a' || c > 'z' || ++count[c] > 4) {
                return false;
            }
        }
        return true;
    }

    /** The letters two words have in common, each as often as the word holding it fewer times. */
    private static int inCommon(String a, String b) {
        int[] count = new int[128];
        for (char c : a.toCharArray()) {
            count[c]++;
        }
        int common = 0;
        for (char c : b.toCharArray()) {
            if (count[c] > 0) {
                count[c]--;
                common++;
            }
        }
        return common;
    }

    /** The common prefix as Jaro-Winkler counts it: up to 4 characters. */
    private static int prefix(String a, String b) {
        int prefix = 0;
        while (prefix < Math.min(4, Math.min(a.length(), b.length())) && a.charAt(prefix) == b.charAt(prefix)) {
            prefix++;
        }
        return prefix;
    }
}
