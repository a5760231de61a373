package org.cadre.roster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.cadre.curriculum.fixtures.Seeds;
import org.cadre.roster.demo.DemoRoster;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link EventRule#WAITLIST_ORDER}, rewritten to read those still waiting earliest first and stop at the
 * first who joined on or after a promoted person (and to read nothing when no one waits), reports exactly
 * what the rule before it reported: the old rule is kept here word for word (as of {@code 2841622}) and
 * both run over the Almaty ToT with seeded waiting lists, promotions from them on the same and other days,
 * and people never waiting. Compared as sorted lists, as a check sorts its findings.
 */
class WaitlistOrderReferenceTest {

    private static final EventRoster DEMO = DemoRoster.almatyTot();

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void reports_what_the_old_rule_reported(long seed) {
        EventRoster roster = withWaitingList(new Random(seed));
        List<String> actual = new ArrayList<>();
        EventRule.WAITLIST_ORDER.check(EventCheck.of(roster), (subject, message) -> actual.add(subject + ": " + message));

        List<String> expected = reference(roster);
        assertThat(actual).as("seed %d", seed).containsExactlyInAnyOrderElementsOf(expected);
    }

    static java.util.stream.LongStream seeds() {
        return Seeds.seeds(100);
    }

    @org.junit.jupiter.api.Test
    void most_seeded_waiting_lists_are_out_of_order_and_some_rosters_have_none() {
        long withFindings = seeds().filter(seed -> !reference(withWaitingList(new Random(seed))).isEmpty()).count();
        assertThat(withFindings).isBetween(50L, 95L);
    }

    /** One roster in five as it is; in the others each participant, at random: left as they are, still waiting since a day in September, or promoted from the list. */
    private static EventRoster withWaitingList(Random rnd) {
        List<Enrolment> enrolments = new ArrayList<>();
        boolean anyWaiting = rnd.nextInt(5) > 0;
        for (Enrolment e : DEMO.enrolments()) {
            int kind = anyWaiting && e.role() == Role.PARTICIPANT ? rnd.nextInt(3) : 0;
            if (kind == 0) {
                enrolments.add(e);
                continue;
            }
            LocalDate joined = LocalDate.of(2023, 9, 3 + rnd.nextInt(6));
            Enrolment waiting = Enrolment.nominate(e.person(), DEMO.event().id(), Role.PARTICIPANT, e.nominatedBy().orElseThrow(),
                            LocalDate.of(2023, 9, 1))
                    .moveTo(EnrolmentStatus.APPROVED, LocalDate.of(2023, 9, 2))
                    .then(x -> x.moveTo(EnrolmentStatus.WAITLISTED, joined)).value();
            enrolments.add(kind == 1 ? waiting : waiting.moveTo(EnrolmentStatus.CONFIRMED, joined.plusDays(rnd.nextInt(5))).value());
        }
        return DEMO.toBuilder().replaceEnrolments(enrolments).build();
    }

    /** The rule as it was, reporting to a list. */
    private static List<String> reference(EventRoster roster) {
        EventCheck in = EventCheck.of(roster);
        List<String> out = new ArrayList<>();
        List<Enrolment> waiting = in.roster().enrolments().stream()
                .filter(e -> e.status() == EnrolmentStatus.WAITLISTED).toList();
        for (Enrolment promoted : in.roster().enrolments()) {
            Optional<java.time.LocalDate> joined = promoted.waitlistedOn();
            if (joined.isEmpty() || promoted.status() == EnrolmentStatus.WAITLISTED) {
                continue;
            }
            waiting.stream().filter(w -> w.waitlistedOn().orElseThrow().isBefore(joined.get()))
                    .forEach(w -> out.add(in.subject("enrolment", promoted.person()) + ": "
                            + "left the waiting list (joined " + joined.get() + ") ahead of " + w.person()
                            + ", waiting since " + w.waitlistedOn().orElseThrow()));
        }
        return out;
    }
}
