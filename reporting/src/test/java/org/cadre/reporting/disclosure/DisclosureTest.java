package org.cadre.reporting.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class DisclosureTest {

    private static final Disclosure DONOR = Disclosure.forAudience(Audience.DONOR);

    private static Counts random(Random rnd, int rows, int cols, int max) {
        long[][] v = new long[rows][cols];
        List<String> rowNames = new ArrayList<>();
        List<String> colNames = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            rowNames.add("r" + r);
            for (int c = 0; c < cols; c++) {
                v[r][c] = rnd.nextInt(4) == 0 ? 0 : rnd.nextInt(max + 1);
            }
        }
        for (int c = 0; c < cols; c++) {
            colNames.add("c" + c);
        }
        return Counts.of("t", rowNames, colNames, v);
    }

    private static Stream<Cell> allCells(Table t) {
        return Stream.of(t.cells().stream().flatMap(List::stream), t.rowTotals().stream(), t.columnTotals().stream(),
                Stream.of(t.total())).flatMap(s -> s);
    }

    @Test
    void the_internal_audience_sees_every_count() {
        Table t = Disclosure.forAudience(Audience.INTERNAL).publish(Counts.oneWay("sex", List.of("female", "male"), new long[] {1, 25}));

        assertThat(t.anySuppressed()).isFalse();
        assertThat(t.get("female").get()).isEqualTo(1);
    }

    @Test
    void a_small_count_and_its_complement_are_suppressed_in_a_one_way_table() {
        Table t = DONOR.publish(Counts.oneWay("sex", List.of("female", "male", "another"), new long[] {6, 20, 0}));

        assertThat(t.get("female").get()).isEqualTo(6);
        assertThat(t.get("male").get()).isEqualTo(20);
        assertThat(t.total().get()).isEqualTo(26);
        Table small = DONOR.publish(Counts.oneWay("sex", List.of("female", "male", "another"), new long[] {2, 24, 0}));
        assertThat(small.get("female").suppressed()).isTrue();
        assertThat(small.get("male").suppressed()).as("the complement, else 26 - 24 gives 2").isTrue();
        assertThat(small.get("another").get()).isZero();
        assertThat(small.total().get()).isEqualTo(26);
    }

    @Test
    void a_share_hides_a_numerator_whose_complement_is_small() {
        assertThat(DONOR.share(24, 26).text()).isEqualTo("withheld of 26");
        assertThat(DONOR.share(20, 26).text()).isEqualTo("20 of 26 (76.9 %)");
        assertThat(DONOR.share(26, 26).text()).isEqualTo("26 of 26 (100.0 %)");
        assertThat(Disclosure.forAudience(Audience.INTERNAL).share(24, 26).text()).isEqualTo("24 of 26 (92.3 %)");
    }

    @Test
    void a_mean_over_fewer_than_k_people_is_withheld() {
        assertThat(DONOR.mean(4, java.math.BigDecimal.valueOf(17)).text()).isEqualTo("withheld (n = withheld)");
        assertThat(DONOR.mean(12, java.math.BigDecimal.valueOf(50)).text()).isEqualTo("4.17 (n = 12)");
    }

    /** A count within a total is withheld when it or the rest of the total is small: 25 of 26 gives away the one. */
    @Test
    void a_count_within_a_total_is_withheld_when_the_rest_is_small() {
        assertThat(DONOR.countWithin("x", 25, 26).suppressed()).isTrue();
        assertThat(DONOR.countWithin("x", 2, 26).suppressed()).isTrue();
        assertThat(DONOR.countWithin("x", 21, 26).get()).isEqualTo(21);
        assertThat(DONOR.countWithin("x", 26, 26).get()).isEqualTo(26);
        assertThat(DONOR.countWithin("x", 0, 26).get()).isZero();
        assertThat(DONOR.countWithin("x", 0, 3).get()).as("a zero is published: a withheld count is at least 1").isZero();
        assertThat(DONOR.withForced(java.util.Set.of("x")).countWithin("x", 21, 26).suppressed()).isTrue();
        assertThat(Disclosure.forAudience(Audience.INTERNAL).countWithin("x", 25, 26).get()).isEqualTo(25);
    }

    @Test
    void a_mean_the_audit_asks_for_is_withheld_over_its_published_n() {
        Mean m = DONOR.withForced(java.util.Set.of("knowledge/post/mean")).mean("knowledge/post", Cell.of(26), 26, java.math.BigDecimal.valueOf(490));

        assertThat(m.suppressed()).isTrue();
        assertThat(m.value()).isEmpty();
        assertThat(m.text()).isEqualTo("withheld (n = 26)");
        assertThat(DONOR.mean("knowledge/post", Cell.of(26), 26, java.math.BigDecimal.valueOf(490)).text()).isEqualTo("18.85 (n = 26)");
    }

    /** A mean over nobody has no value, and says so rather than "<k", even in the internal report (attacker's review). */
    @Test
    void a_mean_over_nobody_is_shown_as_no_value_not_as_withheld() {
        assertThat(Disclosure.forAudience(Audience.INTERNAL).mean(0, java.math.BigDecimal.ZERO).text()).isEqualTo("\u2014 (n = 0)");
        assertThat(DONOR.mean(0, java.math.BigDecimal.ZERO).text()).isEqualTo("\u2014 (n = 0)");
    }

    @Test
    void a_nested_breakdown_does_not_give_away_a_withheld_parent_total() {
        // Kazakhstan's row total is withheld in the country table; its two organisations would add up to it.
        com.google.common.collect.ImmutableList<Cell> none = com.google.common.collect.ImmutableList.of();
        Table countries = new Table("c", com.google.common.collect.ImmutableList.of("KZ", "TJ"),
                com.google.common.collect.ImmutableList.of("count"),
                com.google.common.collect.ImmutableList.of(com.google.common.collect.ImmutableList.of(Cell.hidden()),
                        com.google.common.collect.ImmutableList.of(Cell.hidden())),
                none, com.google.common.collect.ImmutableList.of(Cell.of(33)), Cell.of(33));
        Table orgs = DONOR.publishNested(Counts.oneWay("o", List.of("kz-a", "kz-b", "tj-a"), new long[] {12, 6, 15}), countries,
                row -> row.startsWith("kz") ? "KZ" : "TJ");

        // One more withheld entry in the Kazakh line (the smaller organisation) leaves two unknowns there.
        assertThat(orgs.get("kz-b").suppressed()).isTrue();
        assertThat(orgs.get("kz-a").get()).isEqualTo(12);
        assertThat(orgs.get("tj-a").suppressed()).as("TJ's total is withheld too, so its only organisation is").isTrue();
        assertThat(orgs.total().get()).isEqualTo(33);
    }

    @Test
    void a_withheld_child_is_not_left_alone_beside_its_published_parent_total() {
        Table countries = DONOR.publish(Counts.oneWay("c", List.of("TJ"), new long[] {20}));
        Table orgs = DONOR.publishNested(Counts.oneWay("o", List.of("tj-a", "tj-b", "tj-c"), new long[] {3, 7, 10}), countries,
                row -> "TJ");

        assertThat(orgs.get("tj-a").suppressed()).isTrue();
        assertThat(orgs.get("tj-b").suppressed()).as("else 20 - 7 - 10 gives 3").isTrue();
        assertThat(orgs.get("tj-c").get()).isEqualTo(10);
    }

    static Stream<Long> seeds() {
        return org.cadre.curriculum.fixtures.Seeds.seeds().boxed();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void no_published_count_lies_between_1_and_k_minus_1(long seed) {
        Random rnd = new Random(seed);
        for (Audience audience : List.of(Audience.DONOR, Audience.PUBLIC)) {
            Disclosure d = Disclosure.forAudience(audience, 2 + rnd.nextInt(10));
            Counts counts = random(rnd, 1 + rnd.nextInt(8), 1 + rnd.nextInt(5), 30);
            Table t = d.publish(counts);

            assertThat(allCells(t).filter(Cell::isPublished).map(Cell::get))
                    .as("seed %d, k %d", seed, d.k()).allMatch(v -> v == 0 || v >= d.k());
            for (int r = 0; r < counts.rows().size(); r++) {
                for (int c = 0; c < counts.columns().size(); c++) {
                    Cell cell = t.cell(r, c);
                    assertThat(cell.suppressed() || cell.get() == counts.value(r, c))
                            .as("seed %d: a published cell holds the true count", seed).isTrue();
                }
            }
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void no_suppressed_count_can_be_recomputed_from_a_small_table(long seed) {
        Random rnd = new Random(seed);
        int k = 3 + rnd.nextInt(3);
        Disclosure d = Disclosure.forAudience(Audience.DONOR, k);
        boolean oneWay = rnd.nextInt(3) == 0;
        Counts counts = oneWay ? random(rnd, 2 + rnd.nextInt(4), 1, 9) : random(rnd, 2 + rnd.nextInt(2), 2 + rnd.nextInt(2), 7);
        Table t = d.publish(counts);

        List<int[]> forced = new Attacker(t, counts.total()).derivable();

        assertThat(forced).as("seed %d, k %d: suppressed entries an attacker can pin down in %s", seed, k, t).isEmpty();
    }

    @Test
    void the_attacker_does_find_a_lone_suppressed_cell() {
        Table leaky = new Table("t", com.google.common.collect.ImmutableList.of("a", "b"), com.google.common.collect.ImmutableList.of("count"),
                com.google.common.collect.ImmutableList.of(com.google.common.collect.ImmutableList.of(Cell.hidden()),
                        com.google.common.collect.ImmutableList.of(Cell.of(20))),
                com.google.common.collect.ImmutableList.of(), com.google.common.collect.ImmutableList.of(Cell.of(22)), Cell.of(22));

        assertThat(new Attacker(leaky, 22).derivable()).extracting(p -> p[0] + "," + p[1]).containsExactly("0,0");
    }

    /** 26 participants, published by the participants table; 4 trainers; no one else. */
    private static Table roles(Audience audience) {
        Table participants = new Table("participants", com.google.common.collect.ImmutableList.of("participants"),
                com.google.common.collect.ImmutableList.of("count"), com.google.common.collect.ImmutableList.of(
                        com.google.common.collect.ImmutableList.of(Cell.of(26))), com.google.common.collect.ImmutableList.of(),
                com.google.common.collect.ImmutableList.of(Cell.of(26)), Cell.of(26));
        return Disclosure.forAudience(audience).publishNestedWithOwnTotal(
                Counts.oneWay("peopleByRole", List.of("participant", "trainer", "observer"), new long[] {26, 4, 0}), participants,
                role -> role.equals("participant") ? "participants" : "others");
    }

    @Test
    void a_role_breakdown_withholds_its_total_when_the_published_participants_would_give_the_others_away() {
        Table donor = roles(Audience.DONOR);

        assertThat(donor.cell(0, 0)).isEqualTo(Cell.of(26));
        assertThat(donor.cell(1, 0).suppressed()).isTrue();
        assertThat(donor.cell(2, 0)).isEqualTo(Cell.of(0));
        assertThat(donor.total().suppressed()).as("30 people of whom 26 participants would say 4 trainers").isTrue();
    }

    @Test
    void an_internal_role_breakdown_withholds_nothing() {
        Table internal = roles(Audience.INTERNAL);

        assertThat(internal.cells()).extracting(row -> row.get(0)).containsExactly(Cell.of(26), Cell.of(4), Cell.of(0));
        assertThat(internal.total()).isEqualTo(Cell.of(30));
    }
}
