package org.cadre.server.store;

import org.cadre.server.values.Versioned;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.cadre.reporting.ResultsFramework;
import org.cadre.reporting.ResultsFramework.Indicator;
import org.cadre.reporting.ResultsFramework.Measure;
import org.cadre.reporting.ResultsFramework.ReportedActual;
import org.cadre.reporting.ResultsFramework.Target;
import org.cadre.reporting.demo.DemoResults;
import org.cadre.roster.DateRange;
import org.cadre.roster.demo.DemoRoster;
import org.cadre.server.store.TestDatabases.Kind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Results frameworks and programme periods on both databases: round trips to the decimal, versions, audit. */
class ResultsFrameworksTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-02-03T08:00:00Z"), ZoneOffset.UTC);

    static List<Kind> kinds() {
        return TestDatabases.kinds();
    }

    /** The demo's standard indicators and two custom ones with targets per year, exact decimals and entered actuals. */
    static ResultsFramework framework() {
        DateRange y2024 = DateRange.of(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31));
        DateRange y2025 = DateRange.of(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31));
        var all = new java.util.ArrayList<>(DemoResults.framework().indicators());
        all.add(Indicator.custom("C1", "Hours of mentoring after the ToT", Measure.COUNT, new BigDecimal("12.5"),
                List.of(Target.of(y2024.first(), y2024.last(), new BigDecimal("99999999999.9999")), Target.overall(new BigDecimal("0.0001"))),
                List.of(ReportedActual.of(y2025.first(), y2025.last(), new BigDecimal("33.3333")),
                        ReportedActual.of(y2024.first(), y2024.last(), new BigDecimal("1234567.8912")).withNote("Мониторинг, отчёт № 4"))));
        all.add(Indicator.custom("C2", "Border posts applying the procedure", Measure.PERCENTAGE, BigDecimal.ZERO, List.of(), List.of()));
        return new ResultsFramework(com.google.common.collect.ImmutableList.copyOf(all));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void a_framework_comes_back_as_it_went_in_and_replaces_the_previous_one_whole(Kind kind) throws Exception {
        try (Database db = TestDatabases.fresh(kind)) {
            AuditLog audit = new AuditLog(CLOCK);
            var programme = DemoRoster.programme();
            new Programmes(db, audit).add(programme, "admin");
            ResultsFrameworks frameworks = new ResultsFrameworks(db, audit);

            assertThat(frameworks.get(programme.id())).isEqualTo(new Versioned<>(ResultsFramework.EMPTY, 0));
            assertThat(frameworks.put(programme.id(), framework(), 0, "coordinator").version()).isEqualTo(1);
            assertThat(frameworks.get(programme.id())).isEqualTo(new Versioned<>(framework(), 1));
            assertThat(frameworks.put(programme.id(), DemoResults.framework(), 1, "m-and-e").version()).isEqualTo(2);
            assertThat(frameworks.get(programme.id()).value()).isEqualTo(DemoResults.framework());
            assertThatThrownBy(() -> frameworks.put(programme.id(), framework(), 1, "late")).isInstanceOf(StaleVersionException.class);
            assertThatThrownBy(() -> frameworks.put(programme.id(), framework(), 0, "late")).isInstanceOf(StaleVersionException.class);
            assertThat(frameworks.get(programme.id()).value()).isEqualTo(DemoResults.framework());
            assertThat(audit.of(db, "results-framework", programme.id().value())).extracting(AuditLog.Entry::action, AuditLog.Entry::actor)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("create", "coordinator"), org.assertj.core.groups.Tuple.tuple("update", "m-and-e"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void a_programme_period_is_stored_and_cleared(Kind kind) throws Exception {
        try (Database db = TestDatabases.fresh(kind)) {
            Programmes programmes = new Programmes(db, new AuditLog(CLOCK));
            var dated = DemoRoster.programme().withPeriod(DateRange.of(LocalDate.of(2023, 4, 1), LocalDate.of(2026, 3, 31)));

            programmes.add(dated, "admin");
            assertThat(programmes.get(dated.id()).orElseThrow().value()).isEqualTo(dated);
            programmes.update(DemoRoster.programme(), 1, "admin");
            assertThat(programmes.get(dated.id()).orElseThrow().value().period()).isEmpty();
        }
    }
}
