package org.cadre.reporting;

import com.google.common.collect.ImmutableList;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import java.util.OptionalInt;
import org.cadre.kernel.Require;
import org.cadre.reporting.disclosure.Cell;
import org.cadre.reporting.disclosure.Share;
import org.cadre.reporting.disclosure.Table;

/**
 * A programme's results over a period, for one audience, after disclosure control. Built by
 * {@link ProgrammeReports#of}.
 *
 * <p>As {@link EventReport}, a value all the way down: immutable lists, no nulls; what is withheld or does not
 * apply is an empty {@link Optional} (or a suppressed {@link Cell}), written {@code null} in JSON.
 *
 * @param officialsTrained distinct participants present (attended or completed) at any event of the
 *     period: a person at two events counts once
 * @param officialsBySexAndCountry the same people, rows: ISO country codes; columns: sex
 * @param officialsByOrganisation the same people by their organisation
 * @param regions participants present per region the period's events taught in (an event taught in two
 *     regions counts in both, so regions need not add up to the events' total)
 * @param pool the programme's trainer pool (people who took part in its events) on the period's last day
 * @param cascades one line per ToT of the period
 * @param indicators the results framework for the period: standard indicators' actuals computed from the data,
 *     custom ones' as staff entered them for the period
 */
public record ProgrammeReport(String audience, int k, Facts programme, LocalDate from, LocalDate to,
        ImmutableList<EventLine> events, ImmutableList<RegionLine> regions, Cell officialsTrained, Table officialsBySexAndCountry,
        Table officialsByOrganisation, PoolFunnel pool, ImmutableList<CascadeLine> cascades, ImmutableList<IndicatorResult> indicators,
        ImmutableList<Note> notes) {

    public ProgrammeReport {
        Require.text(audience, "ProgrammeReport.audience");
        Require.present(programme, "ProgrammeReport.programme");
        Require.present(from, "ProgrammeReport.from");
        Require.present(to, "ProgrammeReport.to");
        events = Require.list(events, "ProgrammeReport.events");
        regions = Require.list(regions, "ProgrammeReport.regions");
        Require.present(officialsTrained, "ProgrammeReport.officialsTrained");
        Require.present(officialsBySexAndCountry, "ProgrammeReport.officialsBySexAndCountry");
        Require.present(officialsByOrganisation, "ProgrammeReport.officialsByOrganisation");
        Require.present(pool, "ProgrammeReport.pool");
        cascades = Require.list(cascades, "ProgrammeReport.cascades");
        indicators = Require.list(indicators, "ProgrammeReport.indicators");
        notes = Require.list(notes, "ProgrammeReport.notes");
    }

    /** What the programme is. */
    public record Facts(String id, String title, String donor, ImmutableList<String> countries, ImmutableList<Integer> sdgs,
            java.util.Optional<java.time.LocalDate> start, java.util.Optional<java.time.LocalDate> end) {

        /**
         * @param start the first day of the programme's period, where it is recorded (not the report's period)
         * @param end its last day, where it is recorded
         */
        public Facts {
            Require.present(id, "Facts.id");
            Require.present(title, "Facts.title");
            Require.present(donor, "Facts.donor");
            countries = Require.list(countries, "Facts.countries");
            sdgs = Require.list(sdgs, "Facts.sdgs");
            Require.present(start, "Facts.start");
            Require.present(end, "Facts.end");
        }
    }

    /**
     * One event of the period.
     *
     * @param guestTrainers invited experts who delivered sessions as guest trainers (not pool members); for the
     *     internal audience only (a count of people: empty in donor and public reports)
     */
    public record EventLine(String id, String title, String kind, String city, String country, LocalDate firstDay,
            LocalDate lastDay, int courseDays, ImmutableList<EventReport.VenueLine> venues, OptionalInt guestTrainers,
            Cell participantsPresent) {

        public EventLine {
            Require.present(id, "EventLine.id");
            Require.present(title, "EventLine.title");
            Require.present(kind, "EventLine.kind");
            Require.present(city, "EventLine.city");
            Require.present(country, "EventLine.country");
            Require.present(firstDay, "EventLine.firstDay");
            Require.present(lastDay, "EventLine.lastDay");
            venues = Require.list(venues, "EventLine.venues");
            Require.present(guestTrainers, "EventLine.guestTrainers");
            Require.present(participantsPresent, "EventLine.participantsPresent");
        }
    }

    /**
     * One region the period's events taught in.
     *
     * @param region the first-level region; empty for venues whose region is not recorded
     * @param participantsPresent the participants present at those events, summed over the events (a person
     *     at two events here counts twice)
     */
    public record RegionLine(String country, Optional<String> region, int events, int courseDays, Cell participantsPresent) {

        public RegionLine {
            Require.present(country, "RegionLine.country");
            Require.present(region, "RegionLine.region");
            Require.present(participantsPresent, "RegionLine.participantsPresent");
        }
    }

    /**
     * Trainer pool funnel: how many people hold each level now, how many reached it (the sum of this
     * level and those above, computed from the published cells, so it reveals nothing more), and how many
     * are active (in service and with pool activity, trained, taught, co-taught or recertified, in the two years up to
     * the period's last day: the one definition, {@code TrainerRecord.isActiveOn}).
     *
     * @param atLevel rows: trainee, co-trainer, certified-trainer, lead-trainer
     * @param reached one per level of {@code atLevel}, in the same order
     */
    public record PoolFunnel(Table atLevel, ImmutableList<Cell> reached, Cell active, Cell inactive) {

        public PoolFunnel {
            Require.present(atLevel, "PoolFunnel.atLevel");
            reached = Require.list(reached, "PoolFunnel.reached");
            Require.present(active, "PoolFunnel.active");
            Require.present(inactive, "PoolFunnel.inactive");
        }
    }

    /**
     * The reach of one ToT through its graduates.
     *
     * @param tot the ToT's id
     * @param title the ToT's title, as its event is named (an event's title names no one)
     * @param graduates the ToT's graduates
     * @param cascades the cascades its graduates delivered in the period
     * @param officersTrained the officers present at those cascades, each once
     * @param multiplier officers trained per graduate, to two decimals; empty when the graduates or the officers
     *     are withheld, or there are no graduates
     * @param perGraduate officers trained by each graduate who delivered (an officer trained by two
     *     graduates together counts for both, so these do not add up to {@code officersTrained})
     */
    public record CascadeLine(String tot, String title, Cell graduates, Cell cascades, Cell officersTrained, Optional<BigDecimal> multiplier,
            ImmutableList<GraduateReach> perGraduate) {

        public CascadeLine {
            Require.present(tot, "CascadeLine.tot");
            Require.present(title, "CascadeLine.title");
            Require.present(graduates, "CascadeLine.graduates");
            Require.present(cascades, "CascadeLine.cascades");
            Require.present(officersTrained, "CascadeLine.officersTrained");
            Require.present(multiplier, "CascadeLine.multiplier");
            Require.that(multiplier.isEmpty() || graduates.isPublished() && officersTrained.isPublished(), "CascadeLine.multiplier",
                    "must be empty when the graduates or the officers trained are withheld");
            perGraduate = Require.list(perGraduate, "CascadeLine.perGraduate");
        }
    }

    /** Officers trained by one graduate; named for the internal audience only ("graduate 1" otherwise). */
    public record GraduateReach(String graduate, Cell officers) {

        public GraduateReach {
            Require.present(graduate, "GraduateReach.graduate");
            Require.present(officers, "GraduateReach.officers");
        }
    }

    /**
     * One indicator of the results framework, for the report's period. A standard indicator has exactly one of
     * {@code actual} (a percentage) and {@code count}, and {@code computedAs}; a custom one has none of them, and
     * {@code reported} and {@code note} when staff entered them.
     *
     * @param kind {@code standard} (its actual computed from the data, under disclosure control) or {@code custom}
     *     (its actual entered by staff, published as entered)
     * @param measure {@code count} or {@code percentage}
     * @param target the target of the period that holds the report's whole period, else the target for the whole
     *     programme; empty when the framework has neither
     * @param targetPeriod the period {@code target} belongs to; empty for the whole programme's target, or no target
     * @param actual a standard percentage indicator's numerator over denominator
     * @param count a standard count indicator's count
     * @param reported a custom indicator's actual as entered for exactly the report's period; empty when none was
     *     (not reported)
     * @param note what staff recorded with {@code reported} (its source, a comment), if anything
     * @param computedAs the definition of a standard indicator's actual; empty for a custom one
     */
    public record IndicatorResult(String id, String title, String kind, String measure, BigDecimal baseline,
            Optional<BigDecimal> target, Optional<Span> targetPeriod, Optional<Share> actual, Optional<Cell> count,
            Optional<BigDecimal> reported, Optional<String> note, Optional<String> computedAs) {

        public IndicatorResult {
            Require.present(id, "IndicatorResult.id");
            Require.present(title, "IndicatorResult.title");
            Require.that("standard".equals(kind) || "custom".equals(kind), "IndicatorResult.kind", "must be standard or custom");
            Require.present(measure, "IndicatorResult.measure");
            Require.present(baseline, "IndicatorResult.baseline");
            Require.present(target, "IndicatorResult.target");
            Require.present(targetPeriod, "IndicatorResult.targetPeriod");
            Require.that(targetPeriod.isEmpty() || target.isPresent(), "IndicatorResult.targetPeriod", "must be empty without a target");
            Require.present(actual, "IndicatorResult.actual");
            Require.present(count, "IndicatorResult.count");
            Require.present(reported, "IndicatorResult.reported");
            Require.present(note, "IndicatorResult.note");
            Require.present(computedAs, "IndicatorResult.computedAs");
            if ("custom".equals(kind)) {
                Require.that(actual.isEmpty() && count.isEmpty() && computedAs.isEmpty(), "IndicatorResult",
                        "a custom indicator has no computed actual, count or definition");
            } else {
                Require.that(actual.isPresent() != count.isPresent(), "IndicatorResult", "a standard indicator has an actual or a count");
                Require.that(computedAs.isPresent(), "IndicatorResult.computedAs", "must be given for a standard indicator");
                Require.that(reported.isEmpty() && note.isEmpty(), "IndicatorResult", "a standard indicator has nothing entered by staff");
            }
        }

        /** Whether the actual was entered by staff rather than computed from the data. */
        @com.fasterxml.jackson.annotation.JsonIgnore
        public boolean isCustom() {
            return "custom".equals(kind);
        }
    }

    /** Days {@code first} to {@code last}, both included. */
    public record Span(LocalDate first, LocalDate last) {

        public Span {
            Require.present(first, "Span.first");
            Require.present(last, "Span.last");
        }
    }
}
