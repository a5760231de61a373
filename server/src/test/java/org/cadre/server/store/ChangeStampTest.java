package org.cadre.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
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
    void a_cached_value_is_served_until_a_write_changes_one_of_its_topics(TestDatabases.Kind kind) throws Exception {
        try (Database db = TestDatabases.fresh(kind)) {
            People people = new People(db, new AuditLog(Clock.systemUTC()));
            people.add(person("stamp-2"), "test");
            people.add(person("stamp-3"), "test");
            TopicCache<String, String> cache = new TopicCache<>(db.changes(), 10);
            AtomicInteger loads = new AtomicInteger();
            java.util.function.Function<String, TopicCache.Loaded<String>> load = id -> {
                loads.incrementAndGet();
                return new TopicCache.Loaded<>(people.get(org.cadre.roster.PersonId.of(id)).orElseThrow().value().rank().orElse(""),
                        java.util.Set.of(Topic.person(id)));
            };

            db.changes().sync();
            String first = cache.get("stamp-2", load);
            cache.get("stamp-3", load);
            db.changes().sync();
            cache.get("stamp-2", load);
            Person other = people.get(org.cadre.roster.PersonId.of("stamp-3")).orElseThrow().value();
            people.update(Person.builder("stamp-3", Country.KAZAKHSTAN).latinName("Officer stamp-3").sex(Sex.NOT_RECORDED).rank("Major").build(),
                    1, "test");
            db.changes().sync();
            String unrelated = cache.get("stamp-2", load);
            String changed = cache.get("stamp-3", load);
            people.add(person("stamp-4"), "test");
            db.changes().sync();
            cache.get("stamp-3", load);

            assertThat(first).isEmpty();
            assertThat(unrelated).as("a person the write did not touch is still served from memory").isEmpty();
            assertThat(changed).isEqualTo("Major");
            assertThat(other.rank()).isEmpty();
            assertThat(loads).as("two first reads, and one after the change of its topic; adding a person touches no cached value")
                    .hasValue(3);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void a_write_that_names_no_topic_makes_every_cache_forget_everything(TestDatabases.Kind kind) throws Exception {
        try (Database db = TestDatabases.fresh(kind)) {
            TopicCache<String, Integer> cache = new TopicCache<>(db.changes(), 10);
            AtomicInteger loads = new AtomicInteger();
            db.changes().sync();
            cache.get("a", k -> new TopicCache.Loaded<>(loads.incrementAndGet(), java.util.Set.of(Topic.person("a"))));
            db.inTransaction(tx -> tx.execute("UPDATE organisation SET version = version WHERE 1 = 0"));
            db.changes().sync();
            cache.get("a", k -> new TopicCache.Loaded<>(loads.incrementAndGet(), java.util.Set.of(Topic.person("a"))));
            assertThat(loads).hasValue(2);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void another_process_writes_are_learned_from_the_change_log(TestDatabases.Kind kind) throws Exception {
        Path file = TestDatabases.tempFile();
        try (Database db = kind == TestDatabases.Kind.SQLITE ? Database.sqlite(file) : TestDatabases.fresh(kind);
                Database other = kind == TestDatabases.Kind.SQLITE ? Database.sqlite(file) : TestDatabases.sameSchema(db)) {
            People people = new People(db, new AuditLog(Clock.systemUTC()));
            people.add(person("stamp-5"), "test");
            people.add(person("stamp-6"), "test");
            TopicCache<String, Integer> cache = new TopicCache<>(other.changes(), 10);
            AtomicInteger loads = new AtomicInteger();
            other.changes().sync();
            cache.get("stamp-5", k -> new TopicCache.Loaded<>(loads.incrementAndGet(), java.util.Set.of(Topic.person(k))));
            cache.get("stamp-6", k -> new TopicCache.Loaded<>(loads.incrementAndGet(), java.util.Set.of(Topic.person(k))));
            people.update(Person.builder("stamp-6", Country.KAZAKHSTAN).latinName("Officer stamp-6").sex(Sex.NOT_RECORDED).rank("Major").build(),
                    1, "test");
            other.changes().sync();
            cache.get("stamp-5", k -> new TopicCache.Loaded<>(loads.incrementAndGet(), java.util.Set.of(Topic.person(k))));
            cache.get("stamp-6", k -> new TopicCache.Loaded<>(loads.incrementAndGet(), java.util.Set.of(Topic.person(k))));
            assertThat(loads).as("only the changed person is read again").hasValue(3);
        }
    }
}
