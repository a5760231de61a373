package org.cadre.roster.names;

import com.google.common.collect.ImmutableList;
import com.ibm.icu.text.Transliterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.cadre.kernel.Require;

/**
 * A name reduced to comparable tokens: transliterated from any script to Latin ASCII (with the letters of
 * the Kazakh, Kyrgyz, Tajik and Uzbek alphabets as passports write them), lower-cased, split into words,
 * and with romanisation variants folded together (kh/h, zh/dzh/j/z, sh/s, ch/c, ts/c, yu/u, ya/a, y/i,
 * q/k, x/h, double letters), so that "Абдуллоев Фарход" and "Farkhod Abdulloyev" give the same tokens
 * {@code abduloev}, {@code farhod} (in some order), and "Нұрлан Әбілқасымов" those of "Nurlan
 * Abilkasymov". A token of one letter is an initial.
 *
 * <p>Digits are no letters of a name, but a number written in one tells people apart: "Officer 12" and "Officer 13"
 * (placeholders of an event entered from counts, or a roster's own numbering) share their words and nothing else.
 * The key keeps a name's numbers beside its words, and two names that both carry numbers are alike only if the
 * numbers are the same.
 *
 * @param tokens the name's words, reduced
 * @param numbers the runs of digits in the name, as decimal numbers without leading zeros ("007" is 7), in
 *     ascending order; empty for a name without digits
 */
public record NameKey(ImmutableList<String> tokens, ImmutableList<String> numbers) {

    /**
     * A key of words alone, for a name without digits.
     *
     * @param tokens the name's words, reduced
     */
    public NameKey(ImmutableList<String> tokens) {
        this(tokens, ImmutableList.of());
    }

    /**
     * Checks both lists are given.
     *
     * @param tokens the name's words, reduced
     * @param numbers the name's numbers, without leading zeros, in ascending order
     */
    public NameKey {
        Require.present(tokens, "NameKey.tokens");
        Require.present(numbers, "NameKey.numbers");
    }

    /**
     * The letters of the Kazakh, Kyrgyz, Tajik and Uzbek Cyrillic alphabets beyond Russian's, as passports
     * write them in Latin (ICU alone drops some: Ә, or splits a word: Қ); Й as the y it is in passports
     * (ICU writes j, which here stands for Ж, Ҷ and Дж); and a word's first Ё as the "yo" of Ёқубов /
     * Yoqubov (the folding makes "yo" an o). Each word is transliterated on its own, so {@code ^} is the
     * start of a word.
     */
    static final String NATIONAL_LETTERS = """
            [Әә] > a; [Ғғ] > g; [Ққ] > k; [Ңң] > n; [Өө] > o; [Ұұ] > u; [Үү] > u; [Һһ] > h; [Іі] > i;
            [Ҷҷ] > j; [Ҳҳ] > h; [Ӣӣ] > i; [Ӯӯ] > u; [Ўў] > o; [Йй] > y; ^ [Ёё] > o;
            """;
    private static final ThreadLocal<Transliterator> TO_LATIN_ASCII = ThreadLocal.withInitial(() -> Transliterator.createFromRules(
            "Cadre-Names", NATIONAL_LETTERS + ":: Any-Latin; :: Latin-ASCII;", Transliterator.FORWARD));
    /**
     * The Cyrillic letters of Russian, Kazakh, Kyrgyz, Tajik and Uzbek as {@link #TO_LATIN_ASCII} writes them,
     * lower-cased and with the apostrophes of the soft and hard signs already dropped (as
     * {@link #tokensOf} drops them): the same letters for a word of these letters alone, without ICU's
     * rule machinery, which cost three quarters of an event check. A word's first Ё is the "o" of
     * {@link #NATIONAL_LETTERS}; anywhere else ICU writes it e. Capital Ь and Ъ are left to ICU, which
     * writes them with a combining mark that splits the word; a word holding any letter not listed
     * (Ukrainian Є, a Latin letter beside Cyrillic ones, a hyphen) goes to ICU whole.
     * {@code CyrillicTableTest} compares both ways over generated names.
     */
    private static final String[][] CYRILLIC = {
        // Russian
        {"а", "a"}, {"б", "b"}, {"в", "v"}, {"г", "g"}, {"д", "d"}, {"е", "e"}, {"ё", "e"}, {"ж", "z"}, {"з", "z"},
        {"и", "i"}, {"й", "y"}, {"к", "k"}, {"л", "l"}, {"м", "m"}, {"н", "n"}, {"о", "o"}, {"п", "p"}, {"р", "r"},
        {"с", "s"}, {"т", "t"}, {"у", "u"}, {"ф", "f"}, {"х", "h"}, {"ц", "c"}, {"ч", "c"}, {"ш", "s"}, {"щ", "s"},
        {"ъ", ""}, {"ы", "y"}, {"ь", ""}, {"э", "e"}, {"ю", "u"}, {"я", "a"},
        // Kazakh, Kyrgyz, Tajik and Uzbek, as NATIONAL_LETTERS writes them
        {"ә", "a"}, {"ғ", "g"}, {"қ", "k"}, {"ң", "n"}, {"ө", "o"}, {"ұ", "u"}, {"ү", "u"}, {"һ", "h"}, {"і", "i"},
        {"ҷ", "j"}, {"ҳ", "h"}, {"ӣ", "i"}, {"ӯ", "u"}, {"ў", "o"},
    };
    /** {@link #CYRILLIC} indexed by the letter's offset in the Cyrillic block (U+0400 to U+04FF); null: ask ICU. */
    private static final String[] CYRILLIC_BY_CHAR = new String[0x100];

    static {
        for (String[] letter : CYRILLIC) {
            char lower = letter[0].charAt(0);
            CYRILLIC_BY_CHAR[lower - 0x400] = letter[1];
            if (lower != 'ь' && lower != 'ъ') {
                CYRILLIC_BY_CHAR[Character.toUpperCase(lower) - 0x400] = letter[1];
            }
        }
    }

    private static final Pattern NOT_LETTER = Pattern.compile("[^a-z]+");
    private static final Pattern APOSTROPHES = Pattern.compile("['\u2019\u02B9\u02BA\u02BC\u0060\u00B4\\\"]");
    /** Digraphs of English-style romanisations, folded to the single letter ICU's transliteration gives. */
    private static final String[][] DIGRAPHS = {
        // "dzh" and "dj" (Дж, Ҷ) before "zh"; "sh" before "kh": in "Eskhamtueva" the s and the h of kh must
        // not become one "sh".
        {"dzh", "z"}, {"dj", "z"}, {"shch", "s"}, {"sch", "s"}, {"sh", "s"}, {"zh", "z"}, {"ch", "c"}, {"kh", "h"},
        {"ts", "c"}, {"tc", "c"}, {"gh", "g"}, {"yu", "u"}, {"iu", "u"}, {"ya", "a"}, {"ia", "a"}, {"yo", "o"},
        {"io", "o"}, {"ye", "e"},
    };
    /**
     * Single letters, in both kinds of word. Ж, Ҷ and Дж are one sound to a name: ICU writes ž (z), j and
     * dž (dz), passports Zh, J, Dzh or Dj (Uzbek and Kyrgyz passports write Ж as J: Jasur, Jeenbekov), so all
     * become z. Uzbek Latin writes Х as x and Қ as q; y and i are one letter.
     */
    private static final String[][] LETTERS = {{"dz", "z"}, {"j", "z"}, {"y", "i"}, {"w", "v"}, {"q", "k"}, {"x", "h"}};

    /**
     * Reduces a name written in any script to the words duplicate detection compares: "Абдуллоев
     * Фарход" and "ABDULLOEV Farkhod" reduce to the same words.
     *
     * @param name a name in Cyrillic or Latin script
     * @return its key; no tokens when the name holds no letters
     */
    public static NameKey of(String name) {
        return name.length() <= LONGEST_REMEMBERED_NAME ? NAMES.get(name) : reduce(name);
    }

    /**
     * The longest name (in characters) whose key is remembered, and the longest written word whose tokens
     * are: longer texts, which are not names, are reduced each time they are asked for, so the memory of
     * names stays within a few megabytes whatever an embedder passes in.
     */
    static final int LONGEST_REMEMBERED_NAME = 200;
    static final int LONGEST_REMEMBERED_WORD = 64;

    /**
     * Forgets every name and word remembered in this process ({@link #of} works them out again when next
     * asked). For an erasure: the names of the people erased should not stay in memory either. Other
     * processes (another server instance) forget theirs when their memory next fills or they stop.
     */
    public static void forgetRemembered() {
        NAMES.clear();
        WORDS.clear();
    }

    /** {@return how many whole names are remembered now} */
    static int namesRemembered() {
        return NAMES.size();
    }

    /** {@link #of}, worked out word by word. */
    private static NameKey reduce(String name) {
        List<String> tokens = new ArrayList<>();
        // The words between runs of white space (as splitting on the regular expression \s+ gives them, without
        // a regular expression; strip leaves no such character at either end).
        String stripped = name.strip();
        int from = 0;
        for (int i = 0; i <= stripped.length() && tokens.size() < MAX_WORDS; i++) {
            if (i == stripped.length() || isSpace(stripped.charAt(i))) {
                if (i > from) {
                    String word = stripped.substring(from, i);
                    tokens.addAll(word.length() <= LONGEST_REMEMBERED_WORD ? WORDS.get(word) : tokensOf(word));
                }
                from = i + 1;
            }
        }
        return new NameKey(ImmutableList.copyOf(tokens.subList(0, Math.min(tokens.size(), MAX_WORDS))), numbersIn(stripped));
    }

    /**
     * The runs of digits in a text (in any script's digits), each as a decimal number without leading zeros, in
     * ascending order, at most {@link #MAX_WORDS} of them.
     */
    static ImmutableList<String> numbersIn(String text) {
        List<String> out = new ArrayList<>(0);
        StringBuilder run = new StringBuilder();
        for (int i = 0; i <= text.length(); i++) {
            int digit = i < text.length() ? Character.digit(text.charAt(i), 10) : -1;
            if (digit >= 0) {
                run.append((char) ('0' + digit));
            } else if (run.length() > 0) {
                int first = 0;
                while (first < run.length() - 1 && run.charAt(first) == '0') {
                    first++; // leading zeros dropped: "007" is 7, "00" is 0
                }
                if (out.size() < MAX_WORDS) {
                    out.add(run.substring(first));
                }
                run.setLength(0);
            }
        }
        out.sort(java.util.Comparator.comparingInt(String::length).thenComparing(java.util.Comparator.naturalOrder()));
        return ImmutableList.copyOf(out);
    }

    /**
     * Whether two names' numbers let them be the same person: either carries none, or both carry the same.
     *
     * @param other another name's key
     * @return false when both names hold numbers and the numbers differ
     */
    public boolean numbersAgree(NameKey other) {
        return numbers.isEmpty() || other.numbers.isEmpty() || numbers.equals(other.numbers);
    }

    /**
     * The most written words whose tokens are remembered, and the most whole names whose keys are, a few
     * megabytes each: the people of every roster a server checks (given names recur, surnames less), so
     * that checking an event again, or after one change, reduces no word twice.
     */
    static final int WORDS_REMEMBERED = 50_000;

    /**
     * Each written word's tokens, shared by every key made in the process and safe to share between
     * threads: the same words recur across people and across checks of the same roster, and reducing a
     * word, though cheaper since the Cyrillic table, is still most of a key.
     */
    private static final Memo<String, List<String>> WORDS = new Memo<>(WORDS_REMEMBERED, NameKey::tokensOf);

    /**
     * Each whole name's key: a person's name is the same text (most often the same string, its hash kept)
     * on every check of a roster, so one look-up serves it instead of one per word, with no word cut out of
     * it; this halved the keys' part of a duplicate search of 10,000 people. A name not remembered is
     * reduced word by word through {@link #WORDS}.
     */
    private static final Memo<String, NameKey> NAMES = new Memo<>(WORDS_REMEMBERED, NameKey::reduce);

    /**
     * The most words of a name compared: enough for a surname, given names, a patronymic and a particle
     * ("Абдуллоев Фарход Рахимович угли"); a longer text is not a name, and comparing it word by word
     * would cost its square.
     */
    public static final int MAX_WORDS = 6;

    /**
     * A word written in ASCII Latin is an English-style romanisation: its digraphs (kh, sh, ch, ...) are
     * folded. A word in another script, or in Latin with diacritics, is transliterated by ICU, which
     * writes each of those sounds as one letter (h, š, č), so its letter pairs are real pairs and stay:
     * "Тошхамдулий" gives {@code tosh-amduli}, like "Toshkhamduliy", not {@code tos-amduli}.
     */
    static List<String> tokensOf(String word) {
        String table = fromTable(word);
        if (table != null) {
            return table.isEmpty() ? List.of() : List.of(fold(table, false));
        }
        return tokensByIcu(word);
    }

    /** As {@link #tokensOf}, every word through ICU: the way the table must agree with. */
    static List<String> tokensByIcu(String word) {
        boolean romanised = isAscii(word);
        String latin = romanised ? word : TO_LATIN_ASCII.get().transliterate(word);
        // Soft and hard signs come out as apostrophes ("Il'in"): part of the word, not a break in it.
        String lower = APOSTROPHES.matcher(latin.toLowerCase(Locale.ROOT)).replaceAll("");
        List<String> out = new ArrayList<>(1);
        for (String part : NOT_LETTER.split(lower)) {
            if (!part.isEmpty()) {
                out.add(fold(part, romanised));
            }
        }
        return List.copyOf(out);
    }

    /**
     * The word in lower-case ASCII letters by {@link #CYRILLIC}, or null when it holds a character the table
     * does not list.
     */
    static String fromTable(String word) {
        StringBuilder out = new StringBuilder(word.length() + 4);
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (c < 0x400 || c > 0x4FF) {
                return null;
            }
            if (i == 0 && (c == 'Ё' || c == 'ё')) {
                out.append('o');
                continue;
            }
            String latin = CYRILLIC_BY_CHAR[c - 0x400];
            if (latin == null) {
                return null;
            }
            out.append(latin);
        }
        return out.toString();
    }

    static String fold(String word, boolean romanised) {
        String s = word;
        if (romanised) {
            for (String[] f : DIGRAPHS) {
                if (s.contains(f[0])) {
                    s = s.replace(f[0], f[1]);
                }
            }
        }
        for (String[] f : LETTERS) {
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
     * The token's consonant skeleton, for blocking: first letter, then the consonants, at most 5
     * characters ({@code abduloev} gives {@code abdlv}). Vowels are where romanisations differ most.
     */
    static String skeleton(String token) {
        StringBuilder out = new StringBuilder(5).append(token.charAt(0));
        for (int i = 1; i < token.length() && out.length() < 5; i++) {
            char c = token.charAt(i);
            if ("aeiou".indexOf(c) < 0) {
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * The class of a word's first letter, for comparing initials across romanisations: an initial "Y."
     * may stand for Юлдуз (ICU: {@code ulduz}), "K." for Хуршед ({@code hursed}), "T." for Цой
     * ({@code coi}). Vowels form one class, {@code h}/{@code k} another, {@code c}/{@code t} a third.
     */
    static char initialClass(char c) {
        return switch (c) {
            case 'a', 'e', 'i', 'o', 'u' -> 'a';
            case 'h', 'k' -> 'k';
            case 'c', 't' -> 't';
            default -> c;
        };
    }

    /** {@return whether the name held no letters to compare} */
    public boolean isEmpty() {
        return tokens.isEmpty();
    }

    /** Whether the character is one of {@code \s}: space, tab, line feed, vertical tab, form feed, return. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
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
