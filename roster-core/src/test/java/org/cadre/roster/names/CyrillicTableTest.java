package org.cadre.roster.names;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;
import org.cadre.roster.Person;
import org.cadre.roster.demo.DemoRoster;
import org.cadre.roster.fixtures.SyntheticPeople;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The table of Cyrillic letters gives a word exactly the tokens ICU gives it, so that keys, and with
 * them duplicate candidates, are what they were before the table. Words are generated from a seed
 * (in the test name) out of the letters of Russian, Kazakh, Kyrgyz, Tajik and Uzbek in every case
 * pattern a name is written in, with and without the characters that send a word to ICU.
 */
class CyrillicTableTest {

    private static final String RUSSIAN = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя";
    private static final String NATIONAL = "әғқңөұүһіҷҳӣӯў";
    private static final String LETTERS = RUSSIAN + NATIONAL;
    /** Characters the table does not hold: a word with one goes to ICU whole. */
    private static final String OTHERS = "ЬЪєїґђ-'eAō";
    private static final int WORDS_PER_SEED = 100;

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("org.cadre.curriculum.fixtures.Seeds#seeds")
    void a_generated_word_gets_the_tokens_icu_gives_it(long seed) {
        Random rnd = new Random(seed);
        for (int n = 0; n < WORDS_PER_SEED; n++) {
            String word = word(rnd, rnd.nextInt(4) == 0);

            assertThat(NameKey.tokensOf(word)).as("seed %d: %s", seed, word).isEqualTo(NameKey.tokensByIcu(word));
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("org.cadre.curriculum.fixtures.Seeds#seeds")
    void a_word_of_the_five_alphabets_never_needs_icu(long seed) {
        Random rnd = new Random(seed);
        for (int n = 0; n < WORDS_PER_SEED; n++) {
            String word = word(rnd, false);

            // Without this the comparison above would hold as well for a table that is never used.
            assertThat(NameKey.fromTable(word)).as("seed %d: %s", seed, word).isNotNull();
        }
    }

    @Test
    void every_word_of_the_name_corpora_gets_the_tokens_icu_gives_it() {
        List<String> names = new ArrayList<>();
        SyntheticPeople.people(20231023L, 5_000).forEach(p -> addNames(p, names));
        DemoRoster.almatyParticipants().forEach(p -> addNames(p, names));
        DemoRoster.almatyTrainers().forEach(p -> addNames(p, names));
        Stream.of("Нұрлан Әбілқасымов", "Ҷамшед Ҳасанов", "Фирӯза Ҷӯраева", "Ўткир Қодиров", "Жасур Ёқубов", "Шоҳжаҳон Эргашев",
                "Чыңгыз Жээнбеков", "Ильин Юлдуз", "Дмитрий Ковалёв", "Eргашева Нодира", "ИЛЬИН", "Ёқубов").forEach(names::add);

        int fromTable = 0;
        for (String name : names) {
            for (String word : name.strip().split("\\s+")) {
                assertThat(NameKey.tokensOf(word)).as(word).isEqualTo(NameKey.tokensByIcu(word));
                fromTable += NameKey.fromTable(word) != null ? 1 : 0;
            }
        }
        assertThat(fromTable).as("words the table wrote").isGreaterThan(5_000);
    }

    private static void addNames(Person p, List<String> into) {
        p.nativeName().ifPresent(into::add);
        p.latinName().ifPresent(into::add);
    }

    /** One to twelve letters, lower-case, capitalised or in capitals; with {@code others}, one character ICU must write. */
    private static String word(Random rnd, boolean others) {
        StringBuilder b = new StringBuilder();
        int length = 1 + rnd.nextInt(12);
        // Vowels and national letters often, so that context rules (a first Ё, Ё after a consonant) get exercised.
        String pool = rnd.nextBoolean() ? LETTERS : NATIONAL + "аеёиоуыэюяйьъ";
        for (int i = 0; i < length; i++) {
            b.append(pool.charAt(rnd.nextInt(pool.length())));
        }
        if (others) {
            b.insert(rnd.nextInt(b.length() + 1), OTHERS.charAt(rnd.nextInt(OTHERS.length())));
        }
        String w = b.toString();
        String cased = switch (rnd.nextInt(3)) {
            case 0 -> w;
            case 1 -> w.substring(0, 1).toUpperCase(Locale.ROOT) + w.substring(1);
            default -> w.toUpperCase(Locale.ROOT);
        };
        // Capital soft and hard signs are ICU's (see NameKey.CYRILLIC); they come in with the others.
        return others ? cased : cased.replace('Ь', 'ь').replace('Ъ', 'ъ');
    }
}
