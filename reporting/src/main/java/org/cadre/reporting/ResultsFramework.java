package org.cadre.reporting;

import com.google.common.collect.ImmutableList;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import org.cadre.kernel.Label;
import org.cadre.kernel.Require;
import org.cadre.roster.DateRange;

/**
 * A programme's results framework: its indicators, each with a baseline and targets. A <em>standard</em>
 * indicator names a {@link Metric}, and {@link ProgrammeReports} computes its actual from the roster, under
 * disclosure control; a <em>custom</em> indicator (laws adopted, border posts applying a procedure) has no
 * metric, and its actuals are entered by staff per period, published as entered.
 *
 * <p>Targets belong to periods (a year, a phase) or, without a period, to the whole programme. A report
 * shows the target of the period that contains the report's own, else the overall target, else none
 * ({@link Indicator#targetFor}); and a custom indicator's actual entered for exactly the report's period,
 * else none ({@link Indicator#actualFor}).
 */
public record ResultsFramework(ImmutableList<Indicator> indicators) {

    /** A framework without indicators: what a programme has until one is recorded. */
    public static final ResultsFramework EMPTY = new ResultsFramework(ImmutableList.of());

    public ResultsFramework {
        indicators = Require.list(indicators, "ResultsFramework.indicators");
        for (int i = 0; i < indicators.size(); i++) {
            for (int j = 0; j < i; j++) {
                Require.that(!indicators.get(i).id().equals(indicators.get(j).id()), "ResultsFramework.indicators[" + i + "].id",
                        "must differ from the id of indicators[" + j + "]");
            }
        }
    }

    public static ResultsFramework of(Indicator... indicators) {
        return new ResultsFramework(ImmutableList.copyOf(indicators));
    }

    public boolean isEmpty() {
        return indicators.isEmpty();
    }

    /** Whether an indicator's figures are counts or percentages. */
    public enum Measure {
        COUNT, PERCENTAGE;

        /** The measure as reports and the API spell it: {@code count}, {@code percentage}. */
        public String label() {
            return Label.of(this);
        }
    }

    /** The largest figure a framework holds (below 10^11): so every figure fits its column and prints in full. */
    static final BigDecimal LIMIT = BigDecimal.TEN.pow(11);

    /** The most decimals a figure may have. */
    static final int DECIMALS = 4;

    /** A figure of a framework: not negative, below 10^11, at most four decimals, and for a percentage at most 100. */
    static BigDecimal figure(BigDecimal value, Measure measure, String field) {
        Require.present(value, field);
        Require.that(value.signum() >= 0, field, "must not be negative");
        Require.that(value.compareTo(LIMIT) < 0, field, "must be below 100000000000");
        Require.that(value.signum() == 0 || value.stripTrailingZeros().scale() <= DECIMALS, field,
                "must have at most " + DECIMALS + " decimals");
        Require.that(measure != Measure.PERCENTAGE || value.compareTo(BigDecimal.valueOf(100)) <= 0, field,
                "must be at most 100 for a percentage");
        BigDecimal plain = value.stripTrailingZeros();
        return plain.scale() < 0 ? plain.setScale(0) : plain;
    }

    /**
     * What an indicator should reach: over a period (a year, a phase of the programme) or, without one, over
     * the whole programme.
     */
    public record Target(Optional<DateRange> period, BigDecimal value) {
        public Target {
            Require.present(period, "Target.period");
            Require.present(value, "Target.value");
        }

        /** A target for the whole programme. */
        public static Target overall(BigDecimal value) {
            return new Target(Optional.empty(), value);
        }

        /** A target for the days {@code first} to {@code last}, both included. */
        public static Target of(LocalDate first, LocalDate last, BigDecimal value) {
            return new Target(Optional.of(DateRange.of(first, last)), value);
        }
    }

    /**
     * A custom indicator's actual as staff entered it for a period, with what it rests on (a source, a
     * comment) if they said.
     */
    public record ReportedActual(DateRange period, BigDecimal value, Optional<String> note) {
        public ReportedActual {
            Require.present(period, "ReportedActual.period");
            Require.present(value, "ReportedActual.value");
            note = Require.present(note, "ReportedActual.note").map(n -> Require.text(n, "ReportedActual.note"));
        }

        public static ReportedActual of(LocalDate first, LocalDate last, BigDecimal value) {
            return new ReportedActual(DateRange.of(first, last), value, Optional.empty());
        }

        public ReportedActual withNote(String note) {
            return new ReportedActual(period, value, Optional.of(note));
        }
    }

    /**
     * One indicator.
     *
     * @param metric what a standard indicator's actual is computed from; empty for a custom indicator
     * @param measure counts or percentages; a standard indicator's is its metric's
     * @param targets at most one for the whole programme; the periods of the others do not overlap
     * @param actuals a custom indicator's actuals as entered, at most one per period, in period order; none for a
     *     standard one
     */
    public record Indicator(String id, String title, Optional<Metric> metric, Measure measure, BigDecimal baseline,
            ImmutableList<Target> targets, ImmutableList<ReportedActual> actuals) {

        public Indicator {
            Require.code(id, "Indicator.id");
            title = Require.text(title, "Indicator.title");
            Require.present(metric, "Indicator.metric");
            Require.present(measure, "Indicator.measure");
            if (metric.isPresent()) {
                Require.that(metric.get().measure() == measure, "Indicator.measure",
                        "must be " + metric.get().measure().label() + " for the metric " + metric.get().label());
            }
            baseline = figure(baseline, measure, "Indicator.baseline");
            targets = Require.list(targets, "Indicator.targets");
            ImmutableList.Builder<Target> checked = ImmutableList.builder();
            for (int i = 0; i < targets.size(); i++) {
                Target t = targets.get(i);
                checked.add(new Target(t.period(), figure(t.value(), measure, "Indicator.targets[" + i + "].value")));
                for (int j = 0; j < i; j++) {
                    Optional<DateRange> earlier = targets.get(j).period();
                    if (t.period().isEmpty()) {
                        Require.that(earlier.isPresent(), "Indicator.targets[" + i + "]",
                                "must name a period: targets[" + j + "] is the target for the whole programme already");
                    } else if (earlier.isPresent()) {
                        Require.that(!overlap(t.period().get(), earlier.get()), "Indicator.targets[" + i + "].first",
                                "must not fall in the period of targets[" + j + "] (" + earlier.get().first() + " to "
                                        + earlier.get().last() + "): the periods of targets must not overlap");
                    }
                }
            }
            targets = checked.build();
            actuals = Require.list(actuals, "Indicator.actuals");
            Require.that(metric.isEmpty() || actuals.isEmpty(), "Indicator.actuals",
                    "must be empty for a standard indicator: its actuals are computed from the data");
            ImmutableList.Builder<ReportedActual> entered = ImmutableList.builder();
            for (int i = 0; i < actuals.size(); i++) {
                ReportedActual a = actuals.get(i);
                entered.add(new ReportedActual(a.period(), figure(a.value(), measure, "Indicator.actuals[" + i + "].value"), a.note()));
                for (int j = 0; j < i; j++) {
                    Require.that(!a.period().equals(actuals.get(j).period()), "Indicator.actuals[" + i + "].first",
                            "must not repeat the period of actuals[" + j + "]: one actual per period");
                }
            }
            // In period order: the actuals are a set keyed by period, and equal frameworks list them alike.
            actuals = ImmutableList.sortedCopyOf(java.util.Comparator.comparing((ReportedActual a) -> a.period().first())
                    .thenComparing(a -> a.period().last()), entered.build());
        }

        /** A standard indicator with one target for the whole programme (the simplest framework). */
        public Indicator(String id, String title, Metric metric, BigDecimal baseline, BigDecimal target) {
            this(id, title, Optional.of(Require.present(metric, "Indicator.metric")), metric.measure(), baseline,
                    ImmutableList.of(Target.overall(target)), ImmutableList.of());
        }

        /** A standard indicator: its actual is computed by {@code metric}. */
        public static Indicator standard(String id, String title, Metric metric, BigDecimal baseline, Iterable<Target> targets) {
            return new Indicator(id, title, Optional.of(Require.present(metric, "Indicator.metric")), metric.measure(), baseline,
                    ImmutableList.copyOf(targets), ImmutableList.of());
        }

        /** A custom indicator: its actuals are entered by staff, per period. */
        public static Indicator custom(String id, String title, Measure measure, BigDecimal baseline, Iterable<Target> targets,
                Iterable<ReportedActual> actuals) {
            return new Indicator(id, title, Optional.empty(), measure, baseline, ImmutableList.copyOf(targets),
                    ImmutableList.copyOf(actuals));
        }

        public boolean isCustom() {
            return metric.isEmpty();
        }

        /**
         * The target a report over {@code period} shows: the target whose period holds the report's whole
         * period (periods do not overlap, so there is at most one), else the target for the whole programme,
         * else none.
         */
        public Optional<Target> targetFor(DateRange period) {
            Require.present(period, "period");
            return targets.stream().filter(t -> t.period().filter(p -> p.contains(period)).isPresent()).findFirst()
                    .or(() -> targets.stream().filter(t -> t.period().isEmpty()).findFirst());
        }

        /**
         * The actual entered for exactly {@code period}, if any. An actual for another period (a year, when the
         * report covers a quarter) is not the report's: it is neither shown nor added up.
         */
        public Optional<ReportedActual> actualFor(DateRange period) {
            Require.present(period, "period");
            return actuals.stream().filter(a -> a.period().equals(period)).findFirst();
        }

        private static boolean overlap(DateRange a, DateRange b) {
            return !a.first().isAfter(b.last()) && !b.first().isAfter(a.last());
        }
    }

    /** What a standard indicator's actual is computed from. */
    public enum Metric {
        /** Distinct officials present at the period's events (count). */
        OFFICIALS_TRAINED(false, "distinct participants present at any event of the period"),
        /** Women among the officials trained (percentage). */
        WOMEN_SHARE(true, "female officials trained / officials trained"),
        /** ToT participants certified (percentage). */
        TOT_CERTIFICATION_RATE(true, "ToT participants certified / ToT participants holding a seat (ToTs whose agenda lists a session)"),
        /** Paired tests whose post-test reached the pass mark (percentage). */
        POST_TEST_PASS_RATE(true, "paired tests of participants holding a seat whose post-test reached the pass mark / those paired tests"),
        /** Certified and lead trainers in the pool at the period's end (count). */
        CERTIFIED_TRAINERS(false, "people in service at certified-trainer or lead-trainer level whose certificate is valid on the last day"),
        /** Officers trained in cascades by the programme's ToT graduates (count). */
        CASCADE_OFFICERS(false, "distinct participants present at the period's cascades, whatever the period of the ToT their trainers came from");

        private final boolean percentage;
        private final String definition;

        Metric(boolean percentage, String definition) {
            this.percentage = percentage;
            this.definition = definition;
        }

        public boolean isPercentage() {
            return percentage;
        }

        public Measure measure() {
            return percentage ? Measure.PERCENTAGE : Measure.COUNT;
        }

        public String definition() {
            return definition;
        }

        /** The metric as the API spells it: {@code officials-trained}, {@code women-share}, ... */
        public String label() {
            return Label.of(this);
        }
    }

}
