package org.cadre.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;
import org.cadre.roster.Country;
import org.cadre.roster.Person;
import org.cadre.roster.Sex;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The change stamp read caches rely on: every committed write moves it, nothing else does. */
class ChangeStampTest {

    private static Person person(String id) {
        return Person.builder(id, Country.KAZAKHSTAN).latinName("Officer " + id).sex(Sex.NOT_RECORDED).build();
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void every_committed_write_moves_the_stamp_and_reads_and_rolled_back_writes_do_not(TestDatabases.Kind kind) throws Exception {
        try (Database db = TestDatabases.fresh(kind)) {
            People people = new People(db, new AuditLog(Clock.systemUTC()));
            long start = db.changeStamp();

            people.add(person("stamp-1"), "test");
            long afterWrite = db.changeStamp();
            people.all();
            long afterRead = db.changeStamp();
            assertThatThrownBy(() -> people.add(person("stamp-1"), "test")).as("the same id again").isInstanceOf(RuntimeException.class);
            long afterFailure = db.changeStamp();

            assertThat(afterWrite).isGreaterThan(start);
            assertThat(afterRead).isEqualTo(afterWrite);
            assertThat(afterFailure).isEqualTo(afterWrite);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void a_cached_value_is_served_until_a_write_commits(TestDatabases.Kind kind) throws Exception {
        try (Database db = TestDatabases.fresh(kind)) {
            People people = new People(db, new AuditLog(Clock.systemUTC()));
            StampedCache<String, Integer> cache = new StampedCache<>(10);
            AtomicInteger loads = new AtomicInteger();

            int first = cache.get("people", db.changeStamp(), () -> { loads.incrementAndGet(); return people.all().size(); });
            int again = cache.get("people", db.changeStamp(), () -> { loads.incrementAndGet(); return people.all().size(); });
            people.add(person("stamp-2"), "test");
            int afterWrite = cache.get("people", db.changeStamp(), () -> { loads.incrementAndGet(); return people.all().size(); });

            assertThat(again).isEqualTo(first);
            assertThat(afterWrite).isEqualTo(first + 1);
            assertThat(loads).hasValue(2);
        }
    }
}
