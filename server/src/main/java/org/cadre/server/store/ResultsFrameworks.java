package org.cadre.server.store;

import org.cadre.server.values.Versioned;
import static org.cadre.server.store.schema.Tables.FRAMEWORK_INDICATOR;
import static org.cadre.server.store.schema.Tables.INDICATOR_ACTUAL;
import static org.cadre.server.store.schema.Tables.INDICATOR_TARGET;
import static org.cadre.server.store.schema.Tables.RESULTS_FRAMEWORK;

import com.google.common.collect.ImmutableList;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cadre.kernel.Label;
import org.cadre.reporting.ResultsFramework;
import org.cadre.reporting.ResultsFramework.Indicator;
import org.cadre.reporting.ResultsFramework.Measure;
import org.cadre.reporting.ResultsFramework.Metric;
import org.cadre.reporting.ResultsFramework.ReportedActual;
import org.cadre.reporting.ResultsFramework.Target;
import org.cadre.roster.DateRange;
import org.cadre.roster.ProgrammeId;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;

/**
 * Programmes' results frameworks: indicators, targets per period and custom indicators' entered actuals,
 * stored and versioned as one document per programme. A programme without one has the empty framework at
 * version 0, from which the first one is written.
 */
public final class ResultsFrameworks {

    static final String ENTITY = "results-framework";

    private final Database db;
    private final AuditLog audit;

    public ResultsFrameworks(Database db, AuditLog audit) {
        this.db = db;
        this.audit = audit;
    }

    /** The programme's framework and its version; the empty framework at version 0 when none is stored. */
    public Versioned<ResultsFramework> get(ProgrammeId programme) {
        return get(db.dsl(), programme);
    }

    /**
     * Replaces the programme's whole framework if it is still at {@code expectedVersion} (0: none stored
     * yet); otherwise nothing is written and {@link StaleVersionException} says so. Audited in the same
     * transaction.
     */
    public Versioned<ResultsFramework> put(ProgrammeId programme, ResultsFramework framework, int expectedVersion, String actor) {
        String id = programme.value();
        try {
            return db.inTransaction(tx -> {
                Versioned<ResultsFramework> before = get(tx, programme);
                if (before.version() != expectedVersion) {
                    throw new StaleVersionException(ENTITY, id, expectedVersion);
                }
                if (expectedVersion == 0) {
                    tx.insertInto(RESULTS_FRAMEWORK).set(RESULTS_FRAMEWORK.PROGRAMME_ID, id).set(RESULTS_FRAMEWORK.VERSION, 1).execute();
                } else {
                    int updated = tx.update(RESULTS_FRAMEWORK).set(RESULTS_FRAMEWORK.VERSION, expectedVersion + 1)
                            .where(RESULTS_FRAMEWORK.PROGRAMME_ID.eq(id).and(RESULTS_FRAMEWORK.VERSION.eq(expectedVersion))).execute();
                    if (updated == 0) {
                        throw new StaleVersionException(ENTITY, id, expectedVersion);
                    }
                    // The whole document is replaced: targets and actuals first, as they name the indicators.
                    tx.deleteFrom(INDICATOR_ACTUAL).where(INDICATOR_ACTUAL.PROGRAMME_ID.eq(id)).execute();
                    tx.deleteFrom(INDICATOR_TARGET).where(INDICATOR_TARGET.PROGRAMME_ID.eq(id)).execute();
                    tx.deleteFrom(FRAMEWORK_INDICATOR).where(FRAMEWORK_INDICATOR.PROGRAMME_ID.eq(id)).execute();
                }
                write(tx, id, framework);
                audit.record(tx, actor, expectedVersion == 0 ? "create" : "update", ENTITY, id,
                        expectedVersion == 0 ? null : describe(before.value()), describe(framework));
                return new Versioned<>(framework, expectedVersion + 1);
            });
        } catch (DataAccessException e) {
            // Two first frameworks of one programme written at once: the one that lost started from a version gone.
            if (expectedVersion == 0 && StoreFailure.of(e) == StoreFailure.DUPLICATE) {
                throw new StaleVersionException(ENTITY, id, expectedVersion);
            }
            throw e;
        }
    }

    private static void write(DSLContext tx, String programme, ResultsFramework framework) {
        for (int i = 0; i < framework.indicators().size(); i++) {
            Indicator indicator = framework.indicators().get(i);
            tx.insertInto(FRAMEWORK_INDICATOR).set(FRAMEWORK_INDICATOR.PROGRAMME_ID, programme)
                    .set(FRAMEWORK_INDICATOR.INDICATOR_ID, indicator.id()).set(FRAMEWORK_INDICATOR.POSITION, i)
                    .set(FRAMEWORK_INDICATOR.TITLE, indicator.title())
                    .set(FRAMEWORK_INDICATOR.METRIC, indicator.metric().map(Label::of).orElse(null))
                    .set(FRAMEWORK_INDICATOR.MEASURE, indicator.measure().label()).set(FRAMEWORK_INDICATOR.BASELINE_X10000, stored(indicator.baseline()))
                    .execute();
            for (int t = 0; t < indicator.targets().size(); t++) {
                Target target = indicator.targets().get(t);
                tx.insertInto(INDICATOR_TARGET).set(INDICATOR_TARGET.PROGRAMME_ID, programme)
                        .set(INDICATOR_TARGET.INDICATOR_ID, indicator.id()).set(INDICATOR_TARGET.POSITION, t)
                        .set(INDICATOR_TARGET.FIRST_DAY, target.period().map(DateRange::first).orElse(null))
                        .set(INDICATOR_TARGET.LAST_DAY, target.period().map(DateRange::last).orElse(null))
                        .set(INDICATOR_TARGET.TARGET_X10000, stored(target.value())).execute();
            }
            for (ReportedActual actual : indicator.actuals()) {
                tx.insertInto(INDICATOR_ACTUAL).set(INDICATOR_ACTUAL.PROGRAMME_ID, programme)
                        .set(INDICATOR_ACTUAL.INDICATOR_ID, indicator.id()).set(INDICATOR_ACTUAL.FIRST_DAY, actual.period().first())
                        .set(INDICATOR_ACTUAL.LAST_DAY, actual.period().last()).set(INDICATOR_ACTUAL.ACTUAL_X10000, stored(actual.value()))
                        .set(INDICATOR_ACTUAL.NOTE, actual.note().orElse(null)).execute();
            }
        }
    }

    private static Versioned<ResultsFramework> get(DSLContext dsl, ProgrammeId programme) {
        String id = programme.value();
        Optional<Integer> version = dsl.select(RESULTS_FRAMEWORK.VERSION).from(RESULTS_FRAMEWORK)
                .where(RESULTS_FRAMEWORK.PROGRAMME_ID.eq(id)).fetchOptional(r -> r.value1());
        if (version.isEmpty()) {
            return new Versioned<>(ResultsFramework.EMPTY, 0);
        }
        Map<String, List<Target>> targets = new HashMap<>();
        for (var t : dsl.selectFrom(INDICATOR_TARGET).where(INDICATOR_TARGET.PROGRAMME_ID.eq(id)).orderBy(INDICATOR_TARGET.POSITION).fetch()) {
            Optional<DateRange> period = t.getFirstDay() == null ? Optional.empty() : Optional.of(DateRange.of(t.getFirstDay(), t.getLastDay()));
            targets.computeIfAbsent(t.getIndicatorId(), x -> new ArrayList<>()).add(new Target(period, figure(t.getTargetX10000())));
        }
        Map<String, List<ReportedActual>> actuals = new HashMap<>();
        for (var a : dsl.selectFrom(INDICATOR_ACTUAL).where(INDICATOR_ACTUAL.PROGRAMME_ID.eq(id))
                .orderBy(INDICATOR_ACTUAL.FIRST_DAY, INDICATOR_ACTUAL.LAST_DAY).fetch()) {
            actuals.computeIfAbsent(a.getIndicatorId(), x -> new ArrayList<>()).add(new ReportedActual(
                    DateRange.of(a.getFirstDay(), a.getLastDay()), figure(a.getActualX10000()), Optional.ofNullable(a.getNote())));
        }
        List<Indicator> indicators = new ArrayList<>();
        for (var r : dsl.selectFrom(FRAMEWORK_INDICATOR).where(FRAMEWORK_INDICATOR.PROGRAMME_ID.eq(id))
                .orderBy(FRAMEWORK_INDICATOR.POSITION).fetch()) {
            indicators.add(new Indicator(r.getIndicatorId(), r.getTitle(), Optional.ofNullable(r.getMetric()).map(ResultsFrameworks::metric),
                    measure(r.getMeasure()), figure(r.getBaselineX10000()), ImmutableList.copyOf(targets.getOrDefault(r.getIndicatorId(), List.of())),
                    ImmutableList.copyOf(actuals.getOrDefault(r.getIndicatorId(), List.of()))));
        }
        return new Versioned<>(new ResultsFramework(ImmutableList.copyOf(indicators)), version.get());
    }

    /** A figure as stored: a whole number of ten-thousandths (the domain allows at most four decimals). */
    private static long stored(BigDecimal figure) {
        return figure.movePointRight(4).longValueExact();
    }

    private static BigDecimal figure(long stored) {
        return BigDecimal.valueOf(stored, 4);
    }

    private static Metric metric(String label) {
        for (Metric m : Metric.values()) {
            if (Label.of(m).equals(label)) {
                return m;
            }
        }
        throw new IllegalStateException("the store holds an unknown metric: " + label);
    }

    private static Measure measure(String label) {
        for (Measure m : Measure.values()) {
            if (m.label().equals(label)) {
                return m;
            }
        }
        throw new IllegalStateException("the store holds an unknown measure: " + label);
    }

    /** The audit log's account of a framework: its indicators with their targets and actuals, counted. */
    private static String describe(ResultsFramework f) {
        StringBuilder s = new StringBuilder(f.indicators().size() + " indicators:");
        for (Indicator i : f.indicators()) {
            s.append(' ').append(i.id()).append('(').append(i.metric().map(Label::of).orElse("custom"))
                    .append(", ").append(i.targets().size()).append(" targets, ").append(i.actuals().size()).append(" actuals)");
        }
        String text = s.toString();
        return text.length() <= 4000 ? text : text.substring(0, 3996) + " ...";
    }
}
