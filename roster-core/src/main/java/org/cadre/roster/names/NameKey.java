package org.cadre.roster.names;

import com.google.common.collect.ImmutableList;
import com.ibm.icu.text.Transliterator;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A name reduced to comparable tokens: transliterated from any script to Latin ASCII, lower-cased, split
 * into words, and with romanisation variants folded together (kh/h, zh/z, sh/s, ch/c, ts/c, yu/u, ya/a,
 * y/i, j/i, double letters), so that "Абдуллоев Фарход" and "Farkhod Abdulloyev" give the same tokens
 * {@code abduloev}, {@code farhod} (in some order). A token of one letter is an initial.
 */
public record NameKey(ImmutableList<String> tokens) {

    private static final ThreadLocal<Transliterator> TO_LATIN_ASCII =
            ThreadLocal.withInitial(() -> Transliterator.getInstance("Any-Latin; Latin-ASCII"));
    private static final Pattern NOT_LETTER = Pattern.compile("[^a-z]+");
    private static final String[][] FOLDS = {
        {"shch", "s"}, {"sch", "s"}, {"kh", "h"}, {"zh", "z"}, {"sh", "s"}, {"ch", "c"}, {"ts", "c"}, {"tc", "c"},
        {"gh", "g"}, {"yu", "u"}, {"iu", "u"}, {"ya", "a"}, {"ia", "a"}, {"yo", "o"}, {"io", "o"}, {"ye", "e"},
        {"j", "i"}, {"y", "i"}, {"w", "v"}, {"q", "k"}, {"x", "ks"}, {"'", ""},
    };

    /** Reduces a name written in any script. */
    public static NameKey of(String name) {
        String latin = isAscii(name) ? name : TO_LATIN_ASCII.get().transliterate(name);
        String lower = latin.toLowerCase(Locale.ROOT);
        ImmutableList.Builder<String> tokens = ImmutableList.builder();
        for (String word : NOT_LETTER.split(lower)) {
            if (!word.isEmpty()) {
                tokens.add(fold(word));
            }
        }
        return new NameKey(tokens.build());
    }

    static String fold(String word) {
        String s = word;
        for (String[] f : FOLDS) {
            if (s.contains(f[0])) {
                s = s.replace(f[0], f[1]);
            }
        }
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (out.length() == 0 || out.charAt(out.length() - 1) != c) {
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * The token's consonant skeleton, for blocking: first letter, then the consonants, at most 4
     * characters ({@code abduloev} gives {@code abdl}).
     */
    static String skeleton(String token) {
        StringBuilder out = new StringBuilder(4).append(token.charAt(0));
        for (int i = 1; i < token.length() && out.length() < 4; i++) {
            char c = token.charAt(i);
            if ("aeiou".indexOf(c) < 0) {
                out.append(c);
            }
        }
        return out.toString();
    }

    public boolean isEmpty() {
        return tokens.isEmpty();
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) > 127) {
                return false;
            }
        }
        return true;
    }
}
