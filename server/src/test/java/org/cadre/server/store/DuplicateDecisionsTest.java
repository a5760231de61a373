package org.cadre.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;
import org.cadre.roster.Country;
import org.cadre.roster.Person;
import org.cadre.roster.PersonId;
import org.cadre.roster.Sex;
import org.cadre.server.store.TestDatabases.Kind;
import org.cadre.server.values.DuplicateDecision.Verdict;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Decisions about look-alike pairs, on SQLite and PostgreSQL: one pair in either order, replaced, audited without names. */
class DuplicateDecisionsTest {

    static List<Kind> kinds() {
        return TestDatabases.kinds();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void a_pair_is_one_pair_in_either_order_and_deciding_again_replaces_the_decision(Kind kind) throws Exception {
        try (Database db = TestDatabases.fresh(kind)) {
            AuditLog audit = new AuditLog(Clock.systemUTC());
            People people = new People(db, audit);
            // Ids whose order differs between byte order and a language's collation: the application orders them.
            for (String id : List.of("a-b", "a_b", "Z-9")) {
                people.add(Person.builder(id, Country.of("TJ")).latinName("Farhod Abdulloev").sex(Sex.MALE).build(), "test");
            }
            DuplicateDecisions decisions = new DuplicateDecisions(db, audit);

            var first = decisions.decide(PersonId.of("a_b"), PersonId.of("a-b"), Verdict.DIFFERENT, "tj");
            var again = decisions.decide(PersonId.of("a-b"), PersonId.of("a_b"), Verdict.SAME, "kz");
            decisions.decide(PersonId.of("Z-9"), PersonId.of("a-b"), Verdict.SAME, "tj");

            assertThat(first.first()).isEqualTo(again.first());
            assertThat(decisions.all()).hasSize(2);
            assertThat(decisions.get(PersonId.of("a_b"), PersonId.of("a-b"))).hasValueSatisfying(d -> {
                assertThat(d.verdict()).isEqualTo(Verdict.SAME);
                assertThat(d.decidedBy()).isEqualTo("kz");
            });
            var log = audit.of(db, DuplicateDecisions.ENTITY, first.first().value());
            assertThat(log).extracting(AuditLog.Entry::action).containsExactly("create", "update");
            assertThat(log.get(1).oldValue()).contains("verdict=different");
            assertThat(log.get(1).newValue()).contains("verdict=same").doesNotContain("Farhod");
        }
    }
}
