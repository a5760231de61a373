package org.cadre.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cadre.roster.EnrolmentStatus.*;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.cadre.finding.Finding;
import org.cadre.finding.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The enrolment status machine: every legal move is taken, every illegal one refused without change. */
class EnrolmentTest {

    private static final LocalDate DAY = LocalDate.of(2023, 9, 15);

    /** The transitions of the issue, written out independently of the code. */
    private static final Map<EnrolmentStatus, Set<EnrolmentStatus>> LEGAL = Map.of(
            NOMINATED, EnumSet.of(APPROVED, DECLINED),
            APPROVED, EnumSet.of(CONFIRMED, WAITLISTED),
            WAITLISTED, EnumSet.of(CONFIRMED),
            CONFIRMED, EnumSet.of(ATTENDED, NO_SHOW, WITHDRAWN),
            ATTENDED, EnumSet.of(COMPLETED, NOT_COMPLETED),
            DECLINED, EnumSet.noneOf(EnrolmentStatus.class),
            NO_SHOW, EnumSet.noneOf(EnrolmentStatus.class),
            WITHDRAWN, EnumSet.noneOf(EnrolmentStatus.class),
            COMPLETED, EnumSet.noneOf(EnrolmentStatus.class),
            NOT_COMPLETED, EnumSet.noneOf(EnrolmentStatus.class));

    /** Shortest path from nominated to each status. */
    private static final Map<EnrolmentStatus, List<EnrolmentStatus>> PATH = Map.of(
            NOMINATED, List.of(),
            APPROVED, List.of(APPROVED),
            DECLINED, List.of(DECLINED),
            WAITLISTED, List.of(APPROVED, WAITLISTED),
            CONFIRMED, List.of(APPROVED, CONFIRMED),
            ATTENDED, List.of(APPROVED, CONFIRMED, ATTENDED),
            NO_SHOW, List.of(APPROVED, CONFIRMED, NO_SHOW),
            WITHDRAWN, List.of(APPROVED, CONFIRMED, WITHDRAWN),
            COMPLETED, List.of(APPROVED, CONFIRMED, ATTENDED, COMPLETED),
            NOT_COMPLETED, List.of(APPROVED, CONFIRMED, ATTENDED, NOT_COMPLETED));

    static List<Arguments> everyPair() {
        List<Arguments> pairs = new ArrayList<>();
        for (EnrolmentStatus from : EnrolmentStatus.values()) {
            for (EnrolmentStatus to : EnrolmentStatus.values()) {
                pairs.add(Arguments.of(from, to, LEGAL.get(from).contains(to)));
            }
        }
        return pairs;
    }

    private static Enrolment at(EnrolmentStatus status) {
        Enrolment e = Enrolment.nominate(PersonId.of("p1"), EventId.of("e1"), Role.PARTICIPANT, OrganisationId.of("o1"), DAY);
        for (EnrolmentStatus s : PATH.get(status)) {
            e = e.moveTo(s, DAY).value();
        }
        return e;
    }

    @ParameterizedTest(name = "{0} -> {1} legal: {2}")
    @MethodSource("everyPair")
    void a_move_is_taken_exactly_when_it_is_legal(EnrolmentStatus from, EnrolmentStatus to, boolean legal) {
        Enrolment before = at(from);

        Result<Enrolment> result = before.moveTo(to, DAY.plusDays(1));

        assertThat(result.isOk()).isEqualTo(legal);
        if (legal) {
            assertThat(result.value().status()).isEqualTo(to);
            assertThat(result.value().history()).hasSize(before.history().size() + 1);
        } else {
            assertThat(result.refusal().all()).extracting(Finding::code).containsExactly("enrolment.illegal-transition");
            org.cadre.roster.fixtures.RosterWords.checkFindings(result.refusal());
            assertThat(before.status()).isEqualTo(from);
        }
    }

    @Test
    void a_refusal_names_the_moves_that_are_allowed() {
        assertThat(at(NOMINATED).moveTo(CONFIRMED, DAY).refusal().all()).extracting(Finding::message)
                .containsExactly("cannot move from nominated to confirmed; allowed: approved, declined");
        assertThat(at(COMPLETED).moveTo(ATTENDED, DAY).refusal().all()).extracting(Finding::message)
                .containsExactly("cannot move from completed to attended; allowed: none, completed is final");
    }

    @Test
    void a_move_dated_before_the_current_status_is_refused() {
        Result<Enrolment> result = at(APPROVED).moveTo(CONFIRMED, DAY.minusDays(1));

        assertThat(result.refusal().all()).extracting(Finding::message)
                .containsExactly("cannot move to confirmed on 2023-09-14, before the current status began (2023-09-15)");
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("org.cadre.curriculum.fixtures.Seeds#seeds")
    void no_sequence_of_commands_reaches_an_illegal_history(long seed) {
        Random rnd = new Random(seed);
        Enrolment e = at(NOMINATED);
        LocalDate day = DAY;
        for (int i = 0; i < 12; i++) {
            EnrolmentStatus target = EnrolmentStatus.values()[rnd.nextInt(EnrolmentStatus.values().length)];
            day = day.plusDays(rnd.nextInt(3) - 1);
            Enrolment before = e;
            Result<Enrolment> r = e.moveTo(target, day);
            e = r.toOptional().orElse(e);
            if (!r.isOk()) {
                assertThat(e).as("seed %d: a refusal changes nothing", seed).isSameAs(before);
            }
        }
        List<Enrolment.StatusChange> h = e.history();
        assertThat(h.get(0).status()).as("seed %d", seed).isEqualTo(NOMINATED);
        for (int i = 1; i < h.size(); i++) {
            assertThat(LEGAL.get(h.get(i - 1).status())).as("seed %d, step %d", seed, i).contains(h.get(i).status());
            assertThat(h.get(i).on()).as("seed %d, step %d", seed, i).isAfterOrEqualTo(h.get(i - 1).on());
        }
    }
}
