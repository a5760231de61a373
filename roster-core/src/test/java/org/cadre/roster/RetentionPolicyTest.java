package org.cadre.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RetentionPolicyTest {

    private static final PersonId OLD = PersonId.of("old");
    private static final PersonId RECENT = PersonId.of("recent");
    private static final PersonId TRAINER = PersonId.of("trainer");
    private static final PersonId GONE = PersonId.of("gone");

    @Test
    void only_participants_past_the_period_and_outside_the_pool_are_due() {
        Map<PersonId, LocalDate> last = Map.of(OLD, LocalDate.of(2020, 10, 27), RECENT, LocalDate.of(2024, 3, 15),
                TRAINER, LocalDate.of(2019, 5, 1), GONE, LocalDate.of(2018, 1, 1));

        assertThat(RetentionPolicy.years(5).due(LocalDate.of(2026, 1, 1), last, Set.of(TRAINER), Set.of(GONE)))
                .containsExactly(OLD);
    }

    @Test
    void the_last_day_of_the_period_is_still_kept() {
        Map<PersonId, LocalDate> last = Map.of(OLD, LocalDate.of(2021, 1, 1));

        assertThat(RetentionPolicy.years(5).due(LocalDate.of(2026, 1, 1), last, Set.of(), Set.of())).isEmpty();
        assertThat(RetentionPolicy.years(5).due(LocalDate.of(2026, 1, 2), last, Set.of(), Set.of())).containsExactly(OLD);
        assertThat(RetentionPolicy.years(5).keeps(LocalDate.of(2021, 1, 1), LocalDate.of(2026, 1, 1))).isTrue();
        assertThat(RetentionPolicy.years(5).keeps(LocalDate.of(2021, 1, 1), LocalDate.of(2026, 1, 2))).isFalse();
    }

    @Test
    void a_period_must_be_positive() {
        assertThatIllegalArgumentException().isThrownBy(() -> RetentionPolicy.years(0)).withMessageStartingWith("years must be between 1 and 1000");
    }

    /**
     * A period is at most a thousand years, so that a day minus it is a day (the attacker's last check of session 13: two
     * billion years failed where the policy was applied, a stack trace from the command line).
     */
    @Test
    void a_period_is_at_most_a_thousand_years_and_applies_at_that_length() {
        assertThat(RetentionPolicy.years(RetentionPolicy.MAX_YEARS).keeps(LocalDate.of(2000, 1, 1), LocalDate.of(2999, 12, 31))).isTrue();
        assertThatIllegalArgumentException().isThrownBy(() -> RetentionPolicy.years(RetentionPolicy.MAX_YEARS + 1))
                .withMessageStartingWith("years must be between 1 and 1000");
        assertThatIllegalArgumentException().isThrownBy(() -> RetentionPolicy.years(2_000_000_000));
    }
}
