package org.cadre.server.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.cadre.roster.demo.DemoRoster;
import org.cadre.server.store.AuditLog;
import org.cadre.server.store.Database;
import org.cadre.server.store.Organisations;
import org.cadre.server.store.TestDatabases;
import org.cadre.server.store.Users;
import org.junit.jupiter.api.Test;

/**
 * Two instances started at the same moment on a new PostgreSQL database (as the README's two-instance example
 * does): the administrator and the demo are stored once, and neither instance fails (the newcomer's review
 * found the second dying on a duplicate administrator).
 */
class FirstStartTest {

    @Test
    void two_instances_starting_together_on_a_new_database_store_the_administrator_and_the_demo_once() throws Exception {
        for (int round = 0; round < 3; round++) {
            try (Database a = TestDatabases.fresh(TestDatabases.Kind.POSTGRES); Database b = TestDatabases.sameSchema(a)) {
                ExecutorService pool = Executors.newFixedThreadPool(2);
                CountDownLatch go = new CountDownLatch(1);
                List<Future<Setup.Started>> started = new ArrayList<>();
                for (Database db : List.of(a, b)) {
                    started.add(pool.submit(() -> {
                        go.await();
                        return Setup.firstStart(db, true, "admin", "a long enough password");
                    }));
                }
                go.countDown();
                List<Setup.Started> results = new ArrayList<>();
                for (Future<Setup.Started> f : started) {
                    results.add(f.get(120, TimeUnit.SECONDS));
                }
                pool.shutdown();

                assertThat(results).filteredOn(Setup.Started::administratorCreated).as("round %d", round).hasSize(1);
                assertThat(results).filteredOn(Setup.Started::demoLoaded).as("round %d", round).hasSize(1);
                AuditLog audit = new AuditLog(Clock.systemUTC());
                assertThat(new Users(a, audit).all()).hasSize(1);
                assertThat(new Organisations(a, audit).all()).hasSize(DemoRoster.organisations().size());
            }
        }
    }
}
