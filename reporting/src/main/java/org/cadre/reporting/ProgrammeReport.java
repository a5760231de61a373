package org.cadre.reporting;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.cadre.reporting.disclosure.Cell;
import org.cadre.reporting.disclosure.Share;
import org.cadre.reporting.disclosure.Table;

/**
 * A programme's results over a period, for one audience, after disclosure control. Built by
 * {@link ProgrammeReports#of}.
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
        List<EventLine> events, List<RegionLine> regions, Cell officialsTrained, Table officialsBySexAndCountry, Table officialsByOrganisation,
        PoolFunnel pool, List<CascadeLine> cascades, List<IndicatorResult> indicators, List<String> notes) {

    /** What the programme is. */
    public record Facts(String id, String title, String donor, List<String> countries, List<Integer> sdgs) {}

    /**
     * One event of the period.
     *
     * @param guestTrainers invited experts who delivered sessions as guest trainers (not pool members); for the
     *     internal audience only (a count of people: null in donor and public reports)
     */
    public record EventLine(String id, String title, String kind, String city, String country, LocalDate firstDay,
            LocalDate lastDay, int courseDays, List<EventReport.VenueLine> venues, Integer guestTrainers,
            Cell participantsPresent) {}

    /**
     * One region the period's events taught in.
     *
     * @param region the first-level region; null for venues whose region is not recorded
     * @param participantsPresent the participants present at those events, summed over the events (a person
     *     at two events here counts twice)
     */
    public record RegionLine(String country, String region, int events, int courseDays, Cell participantsPresent) {}

    /**
     * Trainer pool funnel: how many people hold each level now, how many reached it (the sum of this
     * level and those above, computed from the published cells, so it reveals nothing more), and how many
     * are active (in service and with pool activity, trained, taught, co-taught or recertified, in the two years up to
     * the period's last day: the one definition, {@code TrainerRecord.isActiveOn}).
     *
     * @param atLevel rows: trainee, co-trainer, certified-trainer, lead-trainer
     * @param reached one per level of {@code atLevel}, in the same order
     */
    public record PoolFunnel(Table atLevel, List<Cell> reached, Cell active, Cell inactive) {}

    /**
     * The reach of one ToT through its graduates.
     *
     * @param multiplier officers trained per graduate, to two decimals
     * @param perGraduate officers trained by each graduate who delivered (an officer trained by two
     *     graduates together counts for both, so these do not add up to {@code officersTrained})
     */
    public record CascadeLine(String tot, Cell graduates, Cell cascades, Cell officersTrained, BigDecimal multiplier,
            List<GraduateReach> perGraduate) {}

    /** Officers trained by one graduate; named for the internal audience only ("graduate 1" otherwise). */
    public record GraduateReach(String graduate, Cell officers) {}

    /**
     * One indicator of the results framework, for the report's period.
     *
     * @param kind {@code standard} (its actual computed from the data, under disclosure control) or {@code custom}
     *     (its actual entered by staff, published as entered)
     * @param measure {@code count} or {@code percentage}
     * @param target the target of the period that holds the report's whole period, else the target for the whole
     *     programme; null when the framework has neither
     * @param targetPeriod the period {@code target} belongs to; null for the whole programme's target, or no target
     * @param actual a standard percentage indicator's numerator over denominator
     * @param count a standard count indicator's count
     * @param reported a custom indicator's actual as entered for exactly the report's period; null when none was
     *     (not reported)
     * @param note what staff recorded with {@code reported} (its source, a comment), if anything
     * @param computedAs the definition of a standard indicator's actual; null for a custom one
     */
    public record IndicatorResult(String id, String title, String kind, String measure, BigDecimal baseline, BigDecimal target,
            Span targetPeriod, Share actual, Cell count, BigDecimal reported, String note, String computedAs) {

        /** Whether the actual was entered by staff rather than computed from the data. */
        @com.fasterxml.jackson.annotation.JsonIgnore
        public boolean isCustom() {
            return "custom".equals(kind);
        }
    }

    /** Days {@code first} to {@code last}, both included. */
    public record Span(LocalDate first, LocalDate last) {}
}
