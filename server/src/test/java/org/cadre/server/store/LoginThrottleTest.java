package org.cadre.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The login throttle, stored so that every server instance on the database counts the same attempts. */
class LoginThrottleTest {

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void forty_parallel_guesses_get_at_most_five_tries_and_the_right_password_after_them_is_refused_too(TestDatabases.Kind kind) throws Exception {
        try (Database db = TestDatabases.fresh(kind)) {
            LoginThrottle throttle = new LoginThrottle(db, Clock.systemUTC(), 5, 20, Duration.ofMinutes(15));
            ExecutorService pool = Executors.newFixedThreadPool(40);
            CountDownLatch start = new CountDownLatch(1);
            AtomicInteger tried = new AtomicInteger();
            List<Future<?>> all = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                all.add(pool.submit(() -> {
                    start.await();
                    Optional<LoginThrottle.Attempt> a = throttle.begin("admin", "10.0.0.1");
                    if (a.isPresent()) {
                        tried.incrementAndGet();
                        Thread.sleep(50); // the slow hash: every guess is still under way when the others begin
                        a.get().failed();
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : all) {
                f.get();
            }
            pool.shutdown();

            assertThat(tried.get()).isEqualTo(5);
            assertThat(throttle.begin("admin", "10.0.0.2")).as("locked, whatever the password").isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void one_persons_mistakes_lock_their_own_username_never_the_office_that_shares_their_address(TestDatabases.Kind kind) throws Exception {
        try (Database db = TestDatabases.fresh(kind)) {
            TestClock clock = new TestClock();
            LoginThrottle throttle = new LoginThrottle(db, clock, 5, 20, Duration.ofMinutes(15));
            for (int i = 0; i < 100; i++) {
                throttle.begin("forgetful", "192.0.2.7").ifPresent(LoginThrottle.Attempt::failed);
            }

            assertThat(throttle.begin("forgetful", "192.0.2.7")).isEmpty();
            assertThat(throttle.begin("admin", "192.0.2.7")).as("a colleague behind the same address").isPresent();
            clock.advance(Duration.ofMinutes(16));
            assertThat(throttle.begin("forgetful", "192.0.2.7")).as("after the window").isPresent();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void failures_for_many_usernames_from_one_address_lock_that_address(TestDatabases.Kind kind) throws Exception {
        try (Database db = TestDatabases.fresh(kind)) {
            LoginThrottle throttle = new LoginThrottle(db, Clock.systemUTC(), 5, 20, Duration.ofMinutes(15));
            for (int i = 0; i < 20; i++) {
                throttle.begin("user" + i, "198.51.100.9").orElseThrow().failed();
            }

            assertThat(throttle.begin("user20", "198.51.100.9")).as("password spraying").isEmpty();
            assertThat(throttle.begin("user20", "198.51.100.10")).isPresent();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void a_success_forgets_the_usernames_failures(TestDatabases.Kind kind) throws Exception {
        try (Database db = TestDatabases.fresh(kind)) {
            LoginThrottle throttle = new LoginThrottle(db, Clock.systemUTC(), 5, 20, Duration.ofMinutes(15));
            for (int i = 0; i < 4; i++) {
                throttle.begin("admin", "10.0.0.1").orElseThrow().failed();
            }
            throttle.begin("admin", "10.0.0.1").orElseThrow().succeeded();

            for (int i = 0; i < 4; i++) {
                assertThat(throttle.begin("admin", "10.0.0.1")).isPresent().get().satisfies(LoginThrottle.Attempt::failed);
            }
        }
    }
}
