package org.cadre.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class LabelTest {

    /** Two enums of the same shape, one whose constants have bodies (each its own class). */
    enum Step { TOT_COMPLETED, CERTIFIED, NOT_YET_SEEN }

    enum Mark {
        PRESENT { @Override boolean counts() { return true; } },
        LATE_ARRIVAL { @Override boolean counts() { return true; } },
        ABSENT;

        boolean counts() {
            return false;
        }
    }

    @Test
    void a_label_is_the_name_in_lower_case_with_hyphens_for_every_constant_of_every_enum_asked_in_any_order() {
        // Asked alternately, so a label kept per type (not per constant) or by position in the wrong type shows.
        for (int round = 0; round < 3; round++) {
            for (Enum<?> e : new Enum<?>[] {Mark.LATE_ARRIVAL, Step.TOT_COMPLETED, Mark.PRESENT, Step.NOT_YET_SEEN, Mark.ABSENT, Step.CERTIFIED}) {
                assertThat(Label.of(e)).isEqualTo(e.name().toLowerCase(Locale.ROOT).replace('_', '-'));
            }
        }
        assertThat(Label.of(Mark.LATE_ARRIVAL)).isEqualTo("late-arrival");
        assertThat(Label.of(Step.NOT_YET_SEEN)).isEqualTo("not-yet-seen");
    }

    @Test
    void a_label_finds_its_constant_back() {
        assertThat(Label.find(Mark.class, "late-arrival")).contains(Mark.LATE_ARRIVAL);
        assertThat(Label.find(Step.class, "late-arrival")).isEmpty();
        assertThat(Label.find(Step.class, "TOT_COMPLETED")).isEmpty();
    }
}
