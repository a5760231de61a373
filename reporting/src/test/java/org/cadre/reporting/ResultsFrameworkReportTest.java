package org.cadre.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cadre.finding.Finding;
import org.cadre.reporting.ProgrammeReport.IndicatorResult;
import org.cadre.reporting.ResultsFramework.Indicator;
import org.cadre.reporting.ResultsFramework.Measure;
import org.cadre.reporting.ResultsFramework.Metric;
import org.cadre.reporting.ResultsFramework.ReportedActual;
import org.cadre.reporting.ResultsFramework.Target;
import org.cadre.reporting.demo.DemoResults;
import org.cadre.reporting.disclosure.Audience;
import org.cadre.reporting.disclosure.Disclosure;
import org.cadre.roster.DateRange;
import org.cadre.roster.Event;
import org.cadre.roster.EventRoster;
import org.cadre.roster.Programme;
import org.cadre.roster.demo.DemoRoster;
import org.junit.jupiter.api.Test;

/**
 * The programme report's indicator section over a stored framework: the target of the report's period, a
 * custom indicator's entered actual, no indicators without a framework; and the period a report covers
 * when none is asked for.
 */
class ResultsFrameworkReportTest {

    private static final List<EventRoster> DEMO = List.of(DemoRoster.almatyTot(), DemoRoster.dushanbeCascade());
    private static final List<Event> EVENTS = DEMO.stream().map(EventRoster::event).toList();
    private static final DateRange Y2023 = DateRange.of(LocalDate.of(2023, 1, 1), LocalDate.of(2023, 12, 31));
    private static final DateRange Y2024 = DateRange.of(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31));

    private static ProgrammeReport report(ResultsFramework framework, DateRange period, Audience audience) {
        return ProgrammeReports.of(DemoRoster.programme(), DEMO, DemoRoster.pool(), framework, period.first(), period.last(),
                Disclosure.forAudience(audience));
    }

    private static Indicator trainedPerYear(boolean overall) {
        List<Target> targets = new ArrayList<>(List.of(new Target(Optional.of(Y2023), BigDecimal.valueOf(30)),
                new Target(Optional.of(Y2024), BigDecimal.valueOf(60))));
        if (overall) {
            targets.add(Target.overall(BigDecimal.valueOf(100)));
        }
        return Indicator.standard("I1", "Border officials trained", Metric.OFFICIALS_TRAINED, BigDecimal.ZERO, targets);
    }

    /** Adopted in 2023 as reported by the ministry; nothing entered for 2024 yet. */
    private static Indicator proceduresAdopted() {
        return Indicator.custom("C1", "Standard operating procedures adopted", Measure.COUNT, BigDecimal.ZERO,
                List.of(Target.overall(BigDecimal.valueOf(3))),
                List.of(ReportedActual.of(Y2023.first(), Y2023.last(), BigDecimal.valueOf(2)).withNote("Ministry order No. 12")));
    }

    @Test
    void the_indicator_section_shows_the_target_of_the_reports_period_and_says_which_period_it_belongs_to() {
        ResultsFramework framework = ResultsFramework.of(trainedPerYear(true));

        IndicatorResult in2023 = report(framework, Y2023, Audience.INTERNAL).indicators().get(0);
        IndicatorResult both = report(framework, DateRange.of(Y2023.first(), Y2024.last()), Audience.INTERNAL).indicators().get(0);

        assertThat(in2023.target().orElseThrow()).isEqualByComparingTo("30");
        assertThat(in2023.targetPeriod()).contains(new ProgrammeReport.Span(Y2023.first(), Y2023.last()));
        assertThat(in2023.count().orElseThrow().get()).isEqualTo(26);
        assertThat(both.target().orElseThrow()).isEqualByComparingTo("100");
        assertThat(both.targetPeriod()).as("the whole programme's target").isEmpty();
    }

    @Test
    void a_period_no_target_belongs_to_shows_none() {
        IndicatorResult both = report(ResultsFramework.of(trainedPerYear(false)), DateRange.of(Y2023.first(), Y2024.last()),
                Audience.INTERNAL).indicators().get(0);

        assertThat(both.target()).isEmpty();
        assertThat(both.targetPeriod()).isEmpty();
        assertThat(both.count().orElseThrow().get()).as("the actual is computed all the same").isEqualTo(42);
    }

    @Test
    void a_custom_indicator_shows_the_actual_entered_for_the_period_or_none() {
        ResultsFramework framework = ResultsFramework.of(trainedPerYear(true), proceduresAdopted());

        IndicatorResult in2023 = report(framework, Y2023, Audience.DONOR).indicators().get(1);
        IndicatorResult in2024 = report(framework, Y2024, Audience.DONOR).indicators().get(1);

        assertThat(in2023.kind()).isEqualTo("custom");
        assertThat(in2023.reported().orElseThrow()).isEqualByComparingTo("2");
        assertThat(in2023.note()).contains("Ministry order No. 12");
        assertThat(in2023.computedAs()).isEmpty();
        assertThat(in2023.count()).isEmpty();
        assertThat(in2024.reported()).as("not reported for 2024").isEmpty();
        assertThat(in2024.note()).isEmpty();
        assertThat(report(framework, Y2023, Audience.DONOR).notes()).anySatisfy(n -> assertThat(n.text()).contains("as staff entered them"));
    }

    @Test
    void custom_indicators_change_no_computed_figure_and_pass_no_disclosure_control() {
        List<Indicator> withCustom = new ArrayList<>(DemoResults.framework().indicators());
        withCustom.add(proceduresAdopted());
        DateRange period = DateRange.of(LocalDate.of(2023, 1, 1), LocalDate.of(2024, 12, 31));

        for (Audience audience : Audience.values()) {
            ProgrammeReport plain = report(DemoResults.framework(), period, audience);
            ProgrammeReport custom = report(new ResultsFramework(com.google.common.collect.ImmutableList.copyOf(withCustom)), period, audience);

            assertThat(custom.indicators().subList(0, plain.indicators().size())).as(audience.label()).isEqualTo(plain.indicators());
            assertThat(custom.officialsBySexAndCountry()).isEqualTo(plain.officialsBySexAndCountry());
            assertThat(custom.officialsByOrganisation()).isEqualTo(plain.officialsByOrganisation());
            assertThat(custom.pool()).isEqualTo(plain.pool());
            assertThat(custom.cascades()).isEqualTo(plain.cascades());
            assertThat(custom.events()).isEqualTo(plain.events());
        }
        // Staff's figure as entered, even below k: it counts no person this report knows of.
        assertThat(report(ResultsFramework.of(proceduresAdopted()), Y2023, Audience.PUBLIC).indicators().get(0).reported().orElseThrow())
                .isEqualByComparingTo("2");
    }

    @Test
    void without_a_framework_the_indicator_section_is_empty_and_says_so() {
        ProgrammeReport r = report(ResultsFramework.EMPTY, Y2023, Audience.DONOR);

        assertThat(r.indicators()).isEmpty();
        assertThat(r.notes()).anySatisfy(n -> assertThat(n.text()).contains("No results framework is recorded"));
        assertThat(r.officialsTrained().get()).isEqualTo(26);
    }

    @Test
    void the_period_is_the_one_asked_for_else_the_programmes_else_its_events_course_days() {
        Programme plain = DemoRoster.programme();
        Programme withPeriod = plain.withPeriod(DateRange.of(LocalDate.of(2023, 4, 1), LocalDate.of(2026, 3, 31)));
        Optional<LocalDate> none = Optional.empty();

        assertThat(ProgrammeReports.period(Optional.of(Y2024.first()), Optional.of(Y2024.last()), withPeriod, EVENTS).value())
                .isEqualTo(Y2024);
        assertThat(ProgrammeReports.period(none, none, withPeriod, EVENTS).value())
                .isEqualTo(DateRange.of(LocalDate.of(2023, 4, 1), LocalDate.of(2026, 3, 31)));
        assertThat(ProgrammeReports.period(none, none, plain, EVENTS).value())
                .isEqualTo(DateRange.of(LocalDate.of(2023, 10, 23), LocalDate.of(2024, 3, 15)));
        assertThat(ProgrammeReports.period(Optional.of(Y2024.first()), none, plain, EVENTS).value())
                .isEqualTo(DateRange.of(Y2024.first(), LocalDate.of(2024, 3, 15)));
    }

    @Test
    void a_period_that_cannot_be_settled_is_refused_with_the_reason() {
        Optional<LocalDate> none = Optional.empty();

        var unknown = ProgrammeReports.period(none, Optional.of(Y2024.last()), DemoRoster.programme(), List.of());
        var backwards = ProgrammeReports.period(Optional.of(LocalDate.of(2025, 1, 1)), none, DemoRoster.programme(), EVENTS);

        assertThat(unknown.refusal().stream().map(Finding::code)).containsExactly("report.period-unknown");
        assertThat(backwards.refusal().stream().map(Finding::code)).containsExactly("report.period-backwards");
        assertThat(backwards.refusal().stream().map(Finding::message)).singleElement().asString()
                .contains("2024-03-15").contains("2025-01-01").contains("its events' first or last course day");
    }
}
