package org.cadre.roster.names;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.cadre.roster.fixtures.SyntheticPeople;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A written word is reduced to tokens once in the process: every later key holding it, in any search
 * and on any thread, shares the tokens made the first time (the same objects, which is how a test can
 * see that nothing was computed again).
 */
class NameKeyMemoryTest {

    /**
     * Each test starts from an empty memory: the memory forgets everything when it fills, and other tests'
     * names (ten thousand people in some) could fill it between two keys a test compares.
     */
    @BeforeEach
    void forget() {
        NameKey.forgetRemembered();
    }

    @Test
    void a_name_is_remembered_until_forgotten_and_a_text_too_long_to_be_a_name_is_not_remembered() {
        NameKey first = NameKey.of("Ҷӯрабеков Манучеҳр");
        assertThat(NameKey.of("Ҷӯрабеков Манучеҳр")).isSameAs(first);

        NameKey.forgetRemembered();
        assertThat(NameKey.namesRemembered()).isZero();
        NameKey again = NameKey.of("Ҷӯрабеков Манучеҳр");
        assertThat(again).isEqualTo(first).isNotSameAs(first);

        String tooLong = "Абдуллоев Фарход ".repeat(20).strip();
        assertThat(tooLong.length()).isGreaterThan(NameKey.LONGEST_REMEMBERED_NAME);
        NameKey once = NameKey.of(tooLong);
        assertThat(NameKey.of(tooLong)).isEqualTo(once).isNotSameAs(once);
        assertThat(NameKey.namesRemembered()).isEqualTo(1);
    }

    @Test
    void a_word_is_reduced_once_and_its_tokens_serve_every_later_key() {
        NameKey first = NameKey.of("Ҷӯрабеков Манучеҳр");
        NameKey later = NameKey.of("Манучеҳр Ҷӯрабеков");

        assertThat(later.tokens()).containsExactly("manucehr", "zurabekov");
        assertThat(later.tokens().get(0)).isSameAs(first.tokens().get(1));
        assertThat(later.tokens().get(1)).isSameAs(first.tokens().get(0));
    }

    @Test
    void threads_reducing_the_same_words_at_once_share_one_reduction_and_agree_with_icu() throws Exception {
        List<String> names = new ArrayList<>();
        SyntheticPeople.people(1_600L, 2_000).forEach(p -> p.nativeName().or(p::latinName).ifPresent(names::add));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<NameKey>>> runs = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                runs.add(pool.submit(() -> names.stream().map(NameKey::of).toList()));
            }
            List<NameKey> reference = runs.get(0).get();
            for (Future<List<NameKey>> run : runs) {
                List<NameKey> keys = run.get();
                for (int i = 0; i < names.size(); i++) {
                    for (int w = 0; w < keys.get(i).tokens().size(); w++) {
                        assertThat(keys.get(i).tokens().get(w)).as(names.get(i)).isSameAs(reference.get(i).tokens().get(w));
                    }
                }
            }
            for (int i = 0; i < names.size(); i++) {
                List<String> byIcu = new ArrayList<>();
                for (String word : names.get(i).split(" ")) {
                    byIcu.addAll(NameKey.tokensByIcu(word));
                }
                assertThat(reference.get(i).tokens()).as(names.get(i)).isEqualTo(byIcu);
            }
        } finally {
            pool.shutdown();
        }
    }
}
