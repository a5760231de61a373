package org.cadre.server.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableSortedSet;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.cadre.roster.demo.DemoRoster;
import org.cadre.server.security.UserAccount;
import org.cadre.server.store.AuditLog;
import org.cadre.server.store.Database;
import org.cadre.server.store.DemoData;
import org.cadre.server.store.Enrolments;
import org.cadre.server.store.TestDatabases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A roster import retried with the same Idempotency-Key while the first is still being stored (a client that
 * timed out, eight times at once): every request gets the first one's answer, and the rows are stored once.
 * The attacker's review of issue 16 saw 1 x 201, 5 x 409 "the roster changed" and 2 x 422 "enrolled already".
 */
class ConcurrentRetriesTest {

    private static final UserAccount COORDINATOR = new UserAccount("coordinator", "-", UserAccount.Role.ADMIN, ImmutableSortedSet.of(),
            ImmutableSortedSet.of(), false);

    private static byte[] csv(int round, int rows) {
        StringBuilder csv = new StringBuilder("person_id,latin_name,country,role,nominated_by\r\n");
        for (int i = 0; i < rows; i++) {
            csv.append("retry-").append(round).append('-').append(i).append(",Officer ").append(i).append(",KZ,participant,kz-border-academy\r\n");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void retries_sent_at_once_all_get_the_first_answer_and_the_rows_are_stored_once(TestDatabases.Kind kind) throws Exception {
        try (Database db = TestDatabases.fresh(kind)) {
            DemoData.load(db, new AuditLog(Clock.systemUTC()));
            Enrolling enrolling = UseCases.of(db, Clock.systemUTC()).enrolling();
            int before = new Enrolments(db, new AuditLog(Clock.systemUTC())).ofEvent(DemoRoster.ALMATY_TOT).size();
            int rows = 1_500;
            for (int round = 0; round < 3; round++) {
                byte[] file = csv(round, rows);
                String key = "retry-key-" + round;
                ExecutorService pool = Executors.newFixedThreadPool(8);
                CountDownLatch go = new CountDownLatch(1);
                List<Future<Outcome<Enrolling.Imported>>> sent = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    sent.add(pool.submit(() -> {
                        go.await();
                        return enrolling.importRoster(COORDINATOR, DemoRoster.ALMATY_TOT.value(), file, "2023-09-20", Optional.of(key),
                                imported -> new Enrolling.Answer(201, "{\"enrolled\":" + imported.enrolled() + "}"), n -> stored -> { });
                    }));
                }
                go.countDown();
                int stored = 0;
                for (Future<Outcome<Enrolling.Imported>> f : sent) {
                    Outcome<Enrolling.Imported> answer = f.get(180, TimeUnit.SECONDS);
                    assertThat(answer.isDone()).as("round %d: %s %s", round, answer.detail(), answer.errors()).isTrue();
                    if (answer.get().replay().isEmpty()) {
                        stored++;
                    } else {
                        assertThat(answer.get().replay().get()).isEqualTo(new Enrolling.Answer(201, "{\"enrolled\":" + rows + "}"));
                    }
                }
                pool.shutdown();
                assertThat(stored).as("round %d: stored by one request", round).isEqualTo(1);
            }
            assertThat(new Enrolments(db, new AuditLog(Clock.systemUTC())).ofEvent(DemoRoster.ALMATY_TOT)).hasSize(before + 3 * rows);
        }
    }
}
