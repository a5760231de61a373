package org.cadre.documents;

import com.google.common.collect.ImmutableList;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cadre.reporting.ResultsFramework;
import org.cadre.reporting.ResultsFramework.Indicator;
import org.cadre.reporting.ResultsFramework.Measure;
import org.cadre.reporting.ResultsFramework.Metric;
import org.cadre.reporting.ResultsFramework.ReportedActual;
import org.cadre.reporting.ResultsFramework.Target;
import org.cadre.roster.DateRange;

/**
 * A programme's results framework as one JSON document, for the API ({@code GET/PUT
 * /api/v1/programmes/{id}/framework}) and {@code cadre framework} alike: its indicators with baseline,
 * targets and, for custom indicators, the actuals staff entered. A standard indicator names its
 * {@code metric} (its measure follows from it); a custom one names its {@code measure} and no metric.
 */
public record FrameworkDoc(List<IndicatorDoc> indicators) {

    /**
     * One indicator.
     *
     * @param metric for a standard indicator: what its actual is computed from ({@code officials-trained}, ...)
     * @param measure {@code count} or {@code percentage}; required for a custom indicator
     * @param targets each with its period, or without one for the whole programme
     * @param actuals a custom indicator's actuals as entered, one per period
     */
    public record IndicatorDoc(String id, String title, String metric, String measure, BigDecimal baseline,
            List<TargetDoc> targets, List<ActualDoc> actuals) {}

    /** A target over {@code first} to {@code last} (ISO dates, both included), or over the whole programme when both are absent. */
    public record TargetDoc(String first, String last, BigDecimal value) {}

    /** An actual entered for {@code first} to {@code last}, with what it rests on ({@code note}: a source, a comment). */
    public record ActualDoc(String first, String last, BigDecimal value, String note) {}

    public static FrameworkDoc of(ResultsFramework f) {
        return new FrameworkDoc(f.indicators().stream().map(i -> new IndicatorDoc(i.id(), i.title(), i.metric().map(Metric::label).orElse(null),
                i.measure().label(), i.baseline(),
                i.targets().stream().map(t -> new TargetDoc(t.period().map(p -> p.first().toString()).orElse(null),
                        t.period().map(p -> p.last().toString()).orElse(null), t.value())).toList(),
                i.actuals().stream().map(a -> new ActualDoc(a.period().first().toString(), a.period().last().toString(), a.value(),
                        a.note().orElse(null))).toList())).toList());
    }

    /**
     * The framework the document describes; {@link Fields.InvalidFields} with every invalid field named by
     * its path ({@code indicators[2].targets[0].last: must not be before first (2024-12-31)}) when it
     * describes none.
     */
    public ResultsFramework toDomain() {
        List<String> errors = new ArrayList<>();
        if (indicators == null) {
            throw new Fields.InvalidFields(List.of("indicators: is required (an empty list for no indicators)"));
        }
        List<Indicator> built = new ArrayList<>();
        for (int i = 0; i < indicators.size(); i++) {
            String at = "indicators[" + i + "]";
            IndicatorDoc doc = indicators.get(i);
            if (doc == null) {
                errors.add(at + ": is required");
                continue;
            }
            Indicator indicator = indicator(doc, at, errors);
            if (indicator != null) {
                built.add(indicator);
            }
        }
        ResultsFramework framework = errors.isEmpty() ? within("", errors, () -> new ResultsFramework(ImmutableList.copyOf(built))) : null;
        if (!errors.isEmpty()) {
            throw new Fields.InvalidFields(errors);
        }
        return framework;
    }

    private static Indicator indicator(IndicatorDoc doc, String at, List<String> errors) {
        int before = errors.size();
        Optional<Metric> metric = Optional.empty();
        if (doc.metric() != null) {
            metric = Optional.ofNullable(field(at + ".metric", errors, () -> Labels.parse(Metric.class, doc.metric())));
        }
        Measure measure = null;
        if (doc.measure() != null) {
            measure = field(at + ".measure", errors, () -> Labels.parse(Measure.class, doc.measure()));
        } else if (doc.metric() == null) {
            errors.add(at + ".measure: is required for a custom indicator (one without a metric): count or percentage");
        } else {
            measure = metric.map(Metric::measure).orElse(null);
        }
        if (doc.baseline() == null) {
            errors.add(at + ".baseline: is required");
        }
        List<Target> targets = new ArrayList<>();
        List<TargetDoc> targetDocs = doc.targets() == null ? List.of() : doc.targets();
        for (int t = 0; t < targetDocs.size(); t++) {
            String where = at + ".targets[" + t + "]";
            TargetDoc target = targetDocs.get(t);
            if (target == null) {
                errors.add(where + ": is required");
                continue;
            }
            Optional<DateRange> period = target.first() == null && target.last() == null ? Optional.empty()
                    : Optional.ofNullable(period(where, target.first(), target.last(), errors));
            if (target.value() == null) {
                errors.add(where + ".value: is required");
            } else if (period != null) {
                targets.add(new Target(period, target.value()));
            }
        }
        List<ReportedActual> actuals = new ArrayList<>();
        List<ActualDoc> actualDocs = doc.actuals() == null ? List.of() : doc.actuals();
        for (int a = 0; a < actualDocs.size(); a++) {
            String where = at + ".actuals[" + a + "]";
            ActualDoc actual = actualDocs.get(a);
            if (actual == null) {
                errors.add(where + ": is required");
                continue;
            }
            DateRange period = period(where, actual.first(), actual.last(), errors);
            if (actual.value() == null) {
                errors.add(where + ".value: is required");
            }
            ReportedActual entered = period == null || actual.value() == null ? null
                    : within(where, errors, () -> new ReportedActual(period, actual.value(), Optional.ofNullable(actual.note())));
            if (entered != null) {
                actuals.add(entered);
            }
        }
        if (errors.size() > before) {
            return null;
        }
        Optional<Metric> m = metric;
        Measure unit = measure;
        return within(at, errors, () -> new Indicator(doc.id(), doc.title(), m, unit, doc.baseline(), ImmutableList.copyOf(targets),
                ImmutableList.copyOf(actuals)));
    }

    /** Days {@code first} to {@code last} under {@code at}: both required, ISO dates from 1900 to 2999, in order. */
    private static DateRange period(String at, String first, String last, List<String> errors) {
        LocalDate from = first == null ? missing(at + ".first", errors) : field(at + ".first", errors, () -> Dates.parse(first));
        LocalDate to = last == null ? missing(at + ".last", errors) : field(at + ".last", errors, () -> Dates.parse(last));
        return from == null || to == null ? null : within(at, errors, () -> DateRange.of(from, to));
    }

    private static LocalDate missing(String at, List<String> errors) {
        errors.add(at + ": is required (a period names its first and last day)");
        return null;
    }

    /** The value, or null with {@code at: reason} recorded, the reason being what the step's refusal says of itself. */
    private static <T> T field(String at, List<String> errors, Supplier<T> step) {
        try {
            return step.get();
        } catch (IllegalArgumentException | DateTimeException e) {
            errors.add(at + ": " + Fields.reason(e));
            return null;
        }
    }

    /** {@code Indicator.targets[1].first must not ...}: the type's field path and the rest of the reason. */
    private static final Pattern DOMAIN_FIELD = Pattern.compile("[A-Z][A-Za-z0-9]*\\.([a-z][A-Za-z0-9]*(?:\\[\\d+\\])?(?:\\.[a-z][A-Za-z0-9]*(?:\\[\\d+\\])?)*) (.*)",
            Pattern.DOTALL);

    /**
     * The value a domain constructor builds, or null with its refusal recorded under the path of the field
     * it names, below {@code at}: the domain says {@code "Indicator.targets[1].first must not fall in ..."},
     * the API says {@code indicators[2].targets[1].first: must not fall in ...}, in the API's words and
     * without the value sent.
     */
    private static <T> T within(String at, List<String> errors, Supplier<T> step) {
        try {
            return step.get();
        } catch (IllegalArgumentException | DateTimeException e) {
            Matcher m = e instanceof org.cadre.kernel.InvalidValue v ? DOMAIN_FIELD.matcher(v.subject() + " " + v.reason()) : null;
            errors.add(m != null && m.matches() ? (at.isEmpty() ? "" : at + ".") + m.group(1) + ": " + m.group(2)
                    : (at.isEmpty() ? "body" : at) + ": " + Fields.reason(e));
            return null;
        }
    }
}
