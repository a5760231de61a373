package org.cadre.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.google.common.collect.ImmutableList;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.cadre.reporting.ResultsFramework.Indicator;
import org.cadre.reporting.ResultsFramework.Measure;
import org.cadre.reporting.ResultsFramework.Metric;
import org.cadre.reporting.ResultsFramework.ReportedActual;
import org.cadre.reporting.ResultsFramework.Target;
import org.cadre.roster.DateRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Results frameworks: what makes one malformed, which target a period shows, which entered actual it shows. */
class ResultsFrameworkTest {

    private static final DateRange Y2023 = year(2023);
    private static final DateRange Y2024 = year(2024);

    private static DateRange year(int y) {
        return DateRange.of(LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31));
    }

    private static BigDecimal n(String value) {
        return new BigDecimal(value);
    }

    private static Target target(DateRange period, String value) {
        return new Target(Optional.of(period), n(value));
    }

    private static Indicator trained(Target... targets) {
        return Indicator.standard("I1", "Officials trained", Metric.OFFICIALS_TRAINED, BigDecimal.ZERO, List.of(targets));
    }

    private static Indicator laws(List<Target> targets, ReportedActual... actuals) {
        return Indicator.custom("C1", "Standard operating procedures adopted", Measure.COUNT, BigDecimal.ZERO, targets, List.of(actuals));
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of("two indicators with one id", (ThrowingCallable) () -> ResultsFramework.of(trained(), laws(List.of()),
                                Indicator.standard("I1", "Women", Metric.WOMEN_SHARE, BigDecimal.ZERO, List.of())),
                        "ResultsFramework.indicators[2].id must differ from the id of indicators[0]"),
                Arguments.of("overlapping target periods", (ThrowingCallable) () -> trained(target(Y2023, "50"),
                                target(DateRange.of(LocalDate.of(2023, 7, 1), LocalDate.of(2024, 6, 30)), "60")),
                        "Indicator.targets[1].first must not fall in the period of targets[0] (2023-01-01 to 2023-12-31): "
                                + "the periods of targets must not overlap"),
                Arguments.of("two targets for the whole programme", (ThrowingCallable) () -> trained(Target.overall(n("100")),
                                target(Y2024, "40"), Target.overall(n("120"))),
                        "Indicator.targets[2] must name a period: targets[0] is the target for the whole programme already"),
                Arguments.of("a percentage above 100", (ThrowingCallable) () -> Indicator.standard("I2", "Women", Metric.WOMEN_SHARE,
                                BigDecimal.TEN, List.of(target(Y2024, "120"))),
                        "Indicator.targets[0].value must be at most 100 for a percentage"),
                Arguments.of("a negative baseline", (ThrowingCallable) () -> Indicator.standard("I1", "Officials trained",
                                Metric.OFFICIALS_TRAINED, n("-1"), List.of()),
                        "Indicator.baseline must not be negative"),
                Arguments.of("too many decimals", (ThrowingCallable) () -> laws(List.of(), ReportedActual.of(Y2024.first(), Y2024.last(),
                                n("1.23456"))),
                        "Indicator.actuals[0].value must have at most 4 decimals"),
                Arguments.of("a figure too large to print", (ThrowingCallable) () -> trained(target(Y2024, "1e11")),
                        "Indicator.targets[0].value must be below 100000000000"),
                Arguments.of("a standard indicator measured otherwise than its metric", (ThrowingCallable) () -> new Indicator("I2", "Women",
                                Optional.of(Metric.WOMEN_SHARE), Measure.COUNT, BigDecimal.ZERO, ImmutableList.of(), ImmutableList.of()),
                        "Indicator.measure must be percentage for the metric women-share"),
                Arguments.of("an entered actual on a standard indicator", (ThrowingCallable) () -> new Indicator("I1", "Officials trained",
                                Optional.of(Metric.OFFICIALS_TRAINED), Measure.COUNT, BigDecimal.ZERO, ImmutableList.of(),
                                ImmutableList.of(ReportedActual.of(Y2024.first(), Y2024.last(), BigDecimal.TEN))),
                        "Indicator.actuals must be empty for a standard indicator: its actuals are computed from the data"),
                Arguments.of("two actuals for one period", (ThrowingCallable) () -> laws(List.of(),
                                ReportedActual.of(Y2024.first(), Y2024.last(), BigDecimal.ONE),
                                ReportedActual.of(Y2024.first(), Y2024.last(), BigDecimal.TEN)),
                        "Indicator.actuals[1].first must not repeat the period of actuals[0]: one actual per period"),
                Arguments.of("a blank note", (ThrowingCallable) () -> ReportedActual.of(Y2024.first(), Y2024.last(), BigDecimal.ONE)
                                .withNote("  "),
                        "ReportedActual.note must not be blank"),
                Arguments.of("a target period ending before it begins", (ThrowingCallable) () -> Target.of(LocalDate.of(2024, 12, 31),
                                LocalDate.of(2024, 1, 1), BigDecimal.ONE),
                        "DateRange.last must not be before first (2024-12-31), was 2024-01-01"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void a_malformed_framework_is_refused_naming_the_field(String what, ThrowingCallable construction, String message) {
        assertThatIllegalArgumentException().isThrownBy(construction).withMessage(message);
    }

    @Test
    void a_report_shows_the_target_of_the_period_that_holds_its_own_else_the_overall_one() {
        Indicator i = trained(target(Y2023, "40"), Target.overall(n("100")), target(Y2024, "60"));

        assertThat(i.targetFor(Y2024)).map(Target::value).contains(n("60"));
        assertThat(i.targetFor(DateRange.of(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 3, 31)))).map(Target::value).contains(n("60"));
        assertThat(i.targetFor(Y2023)).map(Target::period).contains(Optional.of(Y2023));
        // Two years together: neither year's target holds the period, so the programme's is shown.
        assertThat(i.targetFor(DateRange.of(Y2023.first(), Y2024.last()))).map(Target::period).contains(Optional.empty());
    }

    @Test
    void without_an_overall_target_a_period_no_target_holds_has_none() {
        Indicator i = trained(target(Y2023, "40"), target(Y2024, "60"));

        assertThat(i.targetFor(DateRange.of(Y2023.first(), Y2024.last()))).isEmpty();
        assertThat(i.targetFor(year(2025))).isEmpty();
    }

    @Test
    void the_simplest_framework_has_one_target_for_every_period() {
        Indicator i = new Indicator("I1", "Officials trained", Metric.OFFICIALS_TRAINED, BigDecimal.ZERO, n("100"));

        assertThat(i.targetFor(Y2023)).map(Target::value).contains(n("100"));
        assertThat(i.targetFor(year(1990))).map(Target::value).contains(n("100"));
        assertThat(i.isCustom()).isFalse();
    }

    @Test
    void an_entered_actual_is_shown_for_exactly_its_period_and_never_for_a_part_or_a_whole_of_it() {
        ReportedActual adopted = ReportedActual.of(Y2024.first(), Y2024.last(), n("2")).withNote("Ministry order of 12 March 2024");
        Indicator i = laws(List.of(target(Y2024, "3")), ReportedActual.of(Y2023.first(), Y2023.last(), BigDecimal.ONE), adopted);

        assertThat(i.isCustom()).isTrue();
        assertThat(i.actualFor(Y2024)).contains(adopted);
        assertThat(i.actualFor(Y2024).flatMap(ReportedActual::note)).contains("Ministry order of 12 March 2024");
        assertThat(i.actualFor(DateRange.of(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 6, 30)))).isEmpty();
        assertThat(i.actualFor(DateRange.of(Y2023.first(), Y2024.last()))).isEmpty();
    }

    @Test
    void figures_keep_their_value_and_lose_only_trailing_zeros() {
        Indicator i = Indicator.custom("C2", "Border posts applying the procedure", Measure.PERCENTAGE, n("12.50"),
                List.of(Target.overall(n("100.0"))), List.of(ReportedActual.of(Y2024.first(), Y2024.last(), n("33.3330"))));

        assertThat(i.baseline()).hasToString("12.5");
        assertThat(i.targets().get(0).value()).hasToString("100");
        assertThat(i.actuals().get(0).value()).hasToString("33.333");
    }
}
