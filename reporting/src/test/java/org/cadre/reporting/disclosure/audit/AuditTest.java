package org.cadre.reporting.disclosure.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The audit finds what an attacker can work out from published figures. */
class AuditTest {

    @Test
    void a_published_total_equal_to_the_number_of_withheld_cells_pins_each_to_one() {
        Ledger l = new Ledger();
        int a = l.variable("a", 1);
        int b = l.variable("b", 1);
        l.cell("a", l.of(a), null);
        l.cell("b", l.of(b), null);
        l.cell("total", l.of(a).plus(b), 2L);

        assertThat(Audit.breaches(l, 5)).extracting(Audit.Breach::cell).containsExactly("a", "b");
        assertThat(Audit.ranges(l)).allSatisfy(r -> assertThat(r.min()).isEqualTo(1).isEqualTo(r.max()));
    }

    @Test
    void two_withheld_cells_under_a_larger_total_keep_a_range_that_reaches_k() {
        Ledger l = new Ledger();
        int a = l.variable("a", 3);
        int b = l.variable("b", 7);
        l.cell("a", l.of(a), null);
        l.cell("b", l.of(b), null);
        l.cell("total", l.of(a).plus(b), 10L);

        assertThat(Audit.breaches(l, 5)).isEmpty();
        assertThat(Audit.ranges(l)).extracting(Audit.Range::min, Audit.Range::max)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1L, 9L), org.assertj.core.groups.Tuple.tuple(1L, 9L));
    }

    @Test
    void a_rounded_mean_beside_its_distribution_pins_the_withheld_ratings() {
        // 12 ratings of 4 or 5 with a mean of 4.92: one 4 and eleven 5s, though both counts are withheld.
        Ledger l = new Ledger();
        int fours = l.variable("4", 1);
        int fives = l.variable("5", 11);
        l.cell("fours", l.of(fours), null);
        l.cell("fives", l.of(fives), null);
        l.cell("n", l.of(fours).plus(fives), 12L);
        l.between(l.of(fours).times(4).plus(l.of(fives).times(5)), 12 * 4.915, 12 * 4.925);

        assertThat(Audit.breaches(l, 5)).extracting(Audit.Breach::cell).containsExactly("fours", "fives");
    }

    @Test
    void a_withheld_cell_bounded_below_k_fails_even_when_not_pinned() {
        Ledger l = new Ledger();
        int a = l.variable("a", 2);
        int b = l.variable("b", 1);
        l.cell("a", l.of(a), null);
        l.cell("b", l.of(b), null);
        l.cell("total", l.of(a).plus(b), 3L);

        assertThat(Audit.breaches(l, 5)).extracting(Audit.Breach::why).containsOnly("shown to be below 5");
    }

    @Test
    void a_withheld_cell_nothing_bounds_is_safe() {
        Ledger l = new Ledger();
        int a = l.variable("a", 2);
        l.cell("a", l.of(a), null);

        assertThat(Audit.ranges(l)).singleElement().satisfies(r -> assertThat(r.max()).isEqualTo(Long.MAX_VALUE));
        assertThat(Audit.breaches(l, 5)).isEmpty();
    }

    /**
     * A report refused as unprotectable names the cells in its message, which the server logs, but never their true
     * values or bounds: those are the small counts themselves.
     */
    @Test
    void a_refusal_names_the_cells_but_not_their_values_or_bounds() {
        Ledger l = new Ledger();
        int women = l.variable("women", 3);
        l.cell("table/women", l.of(women), null);
        l.atMost(l.of(women), 3); // known from elsewhere: nothing the report publishes can be withheld to free it

        Throwable refused = org.assertj.core.api.Assertions.catchThrowable(() -> Protection.protect(
                org.cadre.reporting.disclosure.Disclosure.forAudience(org.cadre.reporting.disclosure.Audience.DONOR), d -> "report",
                r -> l));

        assertThat(refused).isInstanceOf(org.cadre.reporting.disclosure.UnprotectableReportException.class)
                .hasMessageContaining("table/women").hasMessageNotContaining("3").hasMessageNotContaining("trueValue");
    }
}
