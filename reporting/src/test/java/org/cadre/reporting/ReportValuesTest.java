package org.cadre.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.common.collect.ImmutableCollection;
import com.google.common.collect.ImmutableMap;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.cadre.reporting.ResultsFramework.Indicator;
import org.cadre.reporting.ResultsFramework.Measure;
import org.cadre.reporting.ResultsFramework.ReportedActual;
import org.cadre.reporting.ResultsFramework.Target;
import org.cadre.reporting.demo.DemoResults;
import org.cadre.reporting.disclosure.Audience;
import org.cadre.reporting.disclosure.Disclosure;
import org.cadre.reporting.render.JsonRenderer;
import org.cadre.roster.DateRange;
import org.cadre.roster.EventRoster;
import org.cadre.roster.demo.DemoRoster;
import org.junit.jupiter.api.Test;

/**
 * Reports are values all the way down: nothing in one is null, no list in one can be changed, and what is
 * withheld or does not apply is said by its type (a suppressed cell, an empty optional), while the JSON still
 * writes it as {@code null}.
 */
class ReportValuesTest {

    private static final List<EventRoster> DEMO = List.of(DemoRoster.almatyTot(), DemoRoster.dushanbeCascade());
    private static final DateRange Y2023 = DateRange.of(LocalDate.of(2023, 1, 1), LocalDate.of(2023, 12, 31));

    /** The demo framework with a custom indicator entered for 2023 (with a note) and one never entered. */
    private static ResultsFramework withCustomIndicators() {
        List<Indicator> all = new ArrayList<>(DemoResults.framework().indicators());
        all.add(Indicator.custom("C1", "Standard operating procedures adopted", Measure.COUNT, BigDecimal.ZERO,
                List.of(new Target(Optional.of(Y2023), BigDecimal.ONE), Target.overall(BigDecimal.valueOf(3))),
                List.of(ReportedActual.of(Y2023.first(), Y2023.last(), BigDecimal.valueOf(2)).withNote("Ministry order No. 12"))));
        all.add(Indicator.custom("C2", "Border posts applying the procedure", Measure.PERCENTAGE, BigDecimal.ZERO, List.of(), List.of()));
        return new ResultsFramework(com.google.common.collect.ImmutableList.copyOf(all));
    }

    /** Every kind of report of the demo, for every audience: withheld cells, absent regions, custom indicators and none. */
    private static List<Object> reports() {
        List<Object> reports = new ArrayList<>();
        for (Audience audience : Audience.values()) {
            Disclosure d = Disclosure.forAudience(audience);
            DEMO.forEach(r -> reports.add(EventReports.of(r, d)));
            for (ResultsFramework framework : List.of(withCustomIndicators(), ResultsFramework.EMPTY)) {
                reports.add(ProgrammeReports.of(DemoRoster.programme(), DEMO, DemoRoster.pool(), framework, Y2023.first(),
                        LocalDate.of(2024, 12, 31), d));
            }
            reports.add(ProgrammeReports.of(DemoRoster.programme(), DEMO, DemoRoster.pool(), withCustomIndicators(), Y2023.first(),
                    Y2023.last(), d));
        }
        return reports;
    }

    @Test
    void nothing_in_a_report_is_null_and_no_collection_in_it_can_be_changed() throws Exception {
        List<String> problems = new ArrayList<>();
        for (Object report : reports()) {
            walk(report, report.getClass().getSimpleName() + "(" + audienceOf(report) + ")", problems);
        }

        assertThat(problems).as("null values and changeable collections in reports").isEmpty();
    }

    @Test
    void report_types_declare_immutable_collections_and_no_boxed_numbers() {
        List<String> problems = new ArrayList<>();
        Set<Class<?>> seen = new HashSet<>();
        check(EventReport.class, seen, problems);
        check(ProgrammeReport.class, seen, problems);

        assertThat(problems).as("components that could hold a changeable collection or a bare null").isEmpty();
        assertThat(seen).as("the walk reached the nested records").hasSizeGreaterThan(20);
    }

    @Test
    void what_is_withheld_or_absent_is_still_null_in_json() throws Exception {
        JsonNode donor = JsonRenderer.mapper().readTree(JsonRenderer.render(EventReports.of(DemoRoster.almatyTot(),
                Disclosure.forAudience(Audience.DONOR))));
        JsonNode programme = JsonRenderer.mapper().readTree(JsonRenderer.render(ProgrammeReports.of(DemoRoster.programme(), DEMO,
                DemoRoster.pool(), withCustomIndicators(), Y2023.first(), LocalDate.of(2024, 12, 31), Disclosure.forAudience(Audience.DONOR))));

        assertThat(donor.get("trainers").toString()).isEqualTo("{\"value\":null,\"suppressed\":true}");
        assertThat(donor.at("/knowledge/scoreDistribution").isNull()).isTrue();
        assertThat(donor.at("/event/venues/0/region").isNull()).isTrue();
        assertThat(programme.at("/events/0/guestTrainers").isNull()).isTrue();
        JsonNode officials = programme.at("/indicators/0");
        assertThat(officials.get("actual").isNull()).isTrue();
        assertThat(officials.get("count").get("value").asLong()).isEqualTo(42);
        assertThat(officials.get("reported").isNull()).isTrue();
        JsonNode custom = programme.at("/indicators/6");
        assertThat(custom.get("id").asText()).isEqualTo("C1");
        assertThat(custom.get("target").decimalValue()).isEqualByComparingTo("3");
        assertThat(custom.get("targetPeriod").isNull()).as("the whole programme's target").isTrue();
        assertThat(custom.get("reported").isNull()).as("nothing entered for 2023-2024 as a whole").isTrue();
        assertThat(custom.get("computedAs").isNull()).isTrue();
        assertThat(programme.at("/indicators/7/target").isNull()).isTrue();
    }

    private static String audienceOf(Object report) {
        return report instanceof EventReport e ? e.audience() : ((ProgrammeReport) report).audience();
    }

    /** Records component by component, collections and optionals element by element. */
    private static void walk(Object value, String path, List<String> problems) throws Exception {
        if (value == null) {
            problems.add(path + " is null");
        } else if (value.getClass().isRecord()) {
            for (RecordComponent c : value.getClass().getRecordComponents()) {
                c.getAccessor().setAccessible(true);
                walk(c.getAccessor().invoke(value), path + "." + c.getName(), problems);
            }
        } else if (value instanceof Collection<?> collection) {
            if (changeable(collection)) {
                problems.add(path + " can be changed (" + value.getClass().getName() + ")");
            }
            int i = 0;
            for (Object element : collection) {
                walk(element, path + "[" + i++ + "]", problems);
            }
        } else if (value instanceof Map<?, ?> map) {
            problems.add(path + " is a map (" + map.getClass().getName() + ")");
        } else if (value instanceof Optional<?> optional && optional.isPresent()) {
            walk(optional.get(), path, problems);
        }
    }

    /** Whether adding to the collection works (it is then taken back out). */
    @SuppressWarnings("unchecked")
    private static boolean changeable(Collection<?> collection) {
        try {
            ((Collection<Object>) collection).add(collection.isEmpty() ? "x" : collection.iterator().next());
        } catch (UnsupportedOperationException expected) {
            return false;
        }
        return true;
    }

    /** The declared types of the components of {@code type} and of the records they reach. */
    private static void check(Class<?> type, Set<Class<?>> seen, List<String> problems) {
        if (!seen.add(type)) {
            return;
        }
        for (RecordComponent c : type.getRecordComponents()) {
            checkType(c.getGenericType(), type.getSimpleName() + "." + c.getName(), seen, problems);
        }
    }

    private static void checkType(Type declared, String where, Set<Class<?>> seen, List<String> problems) {
        Class<?> raw = declared instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) declared;
        if (Number.class.isAssignableFrom(raw) && !raw.equals(BigDecimal.class) || raw.equals(Boolean.class)
                || raw.equals(Character.class)) {
            problems.add(where + " is declared " + raw.getSimpleName() + ", a boxed value whose absence would be null");
        }
        checkNested(declared, where, seen, problems);
    }

    /** Collections and the records they hold (whose elements, in an immutable collection, are never null). */
    private static void checkNested(Type declared, String where, Set<Class<?>> seen, List<String> problems) {
        Class<?> raw = declared instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) declared;
        if (Collection.class.isAssignableFrom(raw) && !ImmutableCollection.class.isAssignableFrom(raw)
                || Map.class.isAssignableFrom(raw) && !ImmutableMap.class.isAssignableFrom(raw) || raw.isArray()) {
            problems.add(where + " is declared " + declared.getTypeName() + ", which may be changed");
        }
        if (raw.isRecord()) {
            check(raw, seen, problems);
        }
        if (declared instanceof ParameterizedType p) {
            for (Type argument : p.getActualTypeArguments()) {
                checkNested(argument, where + "<>", seen, problems);
            }
        }
    }
}
