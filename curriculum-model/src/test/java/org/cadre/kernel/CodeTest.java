package org.cadre.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@link Require#isCode} is written out for speed and must take exactly what the pattern it replaced took:
 * compared with that pattern over seeded strings drawn from letters and numbers of many scripts (supplementary
 * ones included), the three marks, and characters it refuses (spaces, combining marks, lone surrogates, symbols),
 * of lengths around its limit.
 */
class CodeTest {

    private static final Pattern CODE = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}._-]{0,63}");

    private static final int[] POOL = {'a', 'Z', '0', '9', '.', '_', '-', ' ', '/', '+', 'ж', 'Ә', 'ғ', 'ў', 'ҳ', 'ң', 'ө', 'ү', 'і', 'ا', '中',
        '٣', '²', 'Ⅻ', '½', 0x0301, 0x200D, 0x1D400, 0x1D7D8, 0x10400, 0x1F600, 0xD800, 0xDC00, '\t', '\u00A0', 'ǅ', 'ʰ', '〇'};

    @Test
    void takes_exactly_what_the_pattern_takes() {
        Random rnd = new Random(20231023L);
        int taken = 0;
        for (int n = 0; n < 200_000; n++) {
            int length = rnd.nextInt(4) == 0 ? 60 + rnd.nextInt(8) : rnd.nextInt(6);
            StringBuilder s = new StringBuilder();
            for (int i = 0; i < length; i++) {
                // Mostly letters and digits, so that long valid codes (and the limit) are reached.
                int c = rnd.nextInt(5) < 3 ? POOL[rnd.nextInt(4)] : POOL[rnd.nextInt(POOL.length)];
                s.appendCodePoint(c);
            }
            String text = s.toString();
            boolean expected = CODE.matcher(text).matches();
            assertThat(Require.isCode(text)).as("'%s' (%d chars)", text, text.length()).isEqualTo(expected);
            taken += expected ? 1 : 0;
        }
        assertThat(taken).as("valid codes among the samples").isGreaterThan(10_000);
        assertThat(Require.isCode(null)).isFalse();
        assertThat(Require.isCode("")).isFalse();
    }
}
