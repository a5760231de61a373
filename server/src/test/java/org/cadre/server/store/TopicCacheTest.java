package org.cadre.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** What the per-topic cache promises: one load for many callers, and never a value read before a change it was told of. */
class TopicCacheTest {

    @Test
    void callers_that_miss_together_share_one_load() throws Exception {
        try (Database db = TestDatabases.fresh(TestDatabases.Kind.SQLITE)) {
            TopicCache<String, Integer> cache = new TopicCache<>(db.changes(), 10);
            AtomicInteger loads = new AtomicInteger();
            CountDownLatch loading = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Future<Integer>> got = new ArrayList<>();
            got.add(pool.submit(() -> cache.get("roster", k -> {
                loads.incrementAndGet();
                loading.countDown();
                await(release);
                return new TopicCache.Loaded<>(42, Set.of(Topic.event("e")));
            })));
            assertThat(loading.await(5, TimeUnit.SECONDS)).isTrue();
            for (int i = 0; i < 7; i++) {
                got.add(pool.submit(() -> cache.get("roster", k -> new TopicCache.Loaded<>(loads.incrementAndGet(), Set.of()))));
            }
            Thread.sleep(100);
            release.countDown();
            for (Future<Integer> f : got) {
                assertThat(f.get(5, TimeUnit.SECONDS)).isEqualTo(42);
            }
            pool.shutdown();
            assertThat(loads).hasValue(1);
        }
    }

    @Test
    void a_load_begun_before_a_change_is_neither_kept_nor_given_to_callers_after_it() throws Exception {
        try (Database db = TestDatabases.fresh(TestDatabases.Kind.SQLITE)) {
            TopicCache<String, String> cache = new TopicCache<>(db.changes(), 10);
            CountDownLatch loading = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            ExecutorService pool = Executors.newSingleThreadExecutor();
            Future<String> early = pool.submit(() -> cache.get("roster", k -> {
                loading.countDown();
                await(release);
                return new TopicCache.Loaded<>("before the change", Set.of(Topic.event("e")));
            }));
            assertThat(loading.await(5, TimeUnit.SECONDS)).isTrue();

            cache.forget(Set.of(Topic.event("e"))); // a write the early load may not have seen
            String late = cache.get("roster", k -> new TopicCache.Loaded<>("after the change", Set.of(Topic.event("e"))));
            release.countDown();

            assertThat(early.get(5, TimeUnit.SECONDS)).isEqualTo("before the change");
            assertThat(late).isEqualTo("after the change");
            assertThat(cache.get("roster", k -> new TopicCache.Loaded<>("read again", Set.of()))).isEqualTo("after the change");
            pool.shutdown();
        }
    }

    @Test
    void only_the_values_read_from_a_changed_topic_are_forgotten() throws Exception {
        try (Database db = TestDatabases.fresh(TestDatabases.Kind.SQLITE)) {
            TopicCache<String, String> cache = new TopicCache<>(db.changes(), 10);
            cache.get("a", k -> new TopicCache.Loaded<>("a1", Set.of(Topic.event("a"), Topic.person("p"))));
            cache.get("b", k -> new TopicCache.Loaded<>("b1", Set.of(Topic.event("b"))));
            cache.forget(Set.of(Topic.person("p")));
            assertThat(cache.kept("a")).isEmpty();
            assertThat(cache.kept("b")).contains("b1");
            cache.forget(Set.of(Topic.ALL));
            assertThat(cache.size()).isZero();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
