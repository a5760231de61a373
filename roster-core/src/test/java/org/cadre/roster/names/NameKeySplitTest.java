package org.cadre.roster.names;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@link NameKey#of} splits a name into words without a regular expression (issue 16); it gives the
 * words splitting on {@code \s+} gave, kept here as it was, over seeded random names mixing the six
 * characters of {@code \s}, white space outside it (no-break and em spaces, file separators), letters of
 * both scripts, hyphens, digits, and names of more than {@link NameKey#MAX_WORDS} words.
 */
class NameKeySplitTest {

    private static final Pattern SPACE = Pattern.compile("\\s+");
    private static final String[] PIECES = {" ", "  ", "\t", "\n", "\u000B", "\f", "\r", "\u00A0", "\u2003", "\u001C",
        "Фарход", "Абдуллоев", "Ёқубов", "Abdulloyev", "Farkhod", "O'tkir", "А.", "F.", "-", "Нұрлан", "12", "x"};

    @Test
    void gives_the_words_the_regular_expression_gave() {
        Random rnd = new Random(16);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder name = new StringBuilder();
            for (int k = rnd.nextInt(14); k > 0; k--) {
                name.append(PIECES[rnd.nextInt(PIECES.length)]);
            }
            assertThat(NameKey.of(name.toString()).tokens()).as("%s", name).isEqualTo(reference(name.toString()));
        }
    }

    /** {@link NameKey#of}'s tokens as it found them before issue 16's second round. */
    private static List<String> reference(String name) {
        List<String> tokens = new ArrayList<>();
        for (String word : SPACE.split(name.strip())) {
            if (!word.isEmpty() && tokens.size() < NameKey.MAX_WORDS) {
                tokens.addAll(NameKey.tokensOf(word));
            }
        }
        return tokens.subList(0, Math.min(tokens.size(), NameKey.MAX_WORDS));
    }
}
