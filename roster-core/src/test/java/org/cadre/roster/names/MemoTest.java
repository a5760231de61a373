package org.cadre.roster.names;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The name keys' memory: each value worked out once while remembered, never more than its bound held. */
class MemoTest {

    @Test
    void a_value_is_worked_out_once_and_the_same_value_served_after() {
        AtomicInteger calls = new AtomicInteger();
        Memo<String, String> memo = new Memo<>(10, k -> {
            calls.incrementAndGet();
            return new String(k + "!");
        });

        String first = memo.get("Farkhod");

        assertThat(memo.get("Farkhod")).isSameAs(first).isEqualTo("Farkhod!");
        assertThat(calls).hasValue(1);
    }

    @Test
    void it_holds_at_most_its_bound_and_forgets_all_when_full() {
        AtomicInteger calls = new AtomicInteger();
        Memo<Integer, Integer> memo = new Memo<>(100, k -> {
            calls.incrementAndGet();
            return k * 2;
        });
        for (int k = 0; k < 1_000; k++) {
            assertThat(memo.get(k)).isEqualTo(2 * k);
            assertThat(memo.size()).isBetween(1, 100);
        }
        assertThat(calls).hasValue(1_000);
        // 1,000 keys through a bound of 100: the last 100 went in after the last clearing, so the tenth
        // from the end is still there and the first is not.
        memo.get(990);
        assertThat(calls).hasValue(1_000);
        memo.get(0);
        assertThat(calls).hasValue(1_001);
    }

    @Test
    void threads_asking_at_once_get_one_value() throws Exception {
        Memo<String, Object> memo = new Memo<>(1_000, k -> new Object());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<List<Object>>> runs = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                runs.add(pool.submit(() -> {
                    start.await();
                    List<Object> got = new ArrayList<>();
                    for (int k = 0; k < 500; k++) {
                        got.add(memo.get("name-" + k));
                    }
                    return got;
                }));
            }
            start.countDown();
            List<Object> reference = runs.get(0).get();
            for (Future<List<Object>> run : runs) {
                List<Object> got = run.get();
                for (int k = 0; k < reference.size(); k++) {
                    assertThat(got.get(k)).isSameAs(reference.get(k));
                }
            }
        } finally {
            pool.shutdown();
        }
    }
}
