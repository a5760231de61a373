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
 * @param indicators the results framework, each actual computed from the data
 */
public record ProgrammeReport(String audience, int k, Facts programme, LocalDate from, LocalDate to,
        List<EventLine> events, List<RegionLine> regions, Cell officialsTrained, Table officialsBySexAndCountry, Table officialsByOrganisation,
        PoolFunnel pool, List<CascadeLine> cascades, List<IndicatorResult> indicators, List<String> notes) {

    /** What the programme is. */
    public record Facts(String id, String title, String donor, List<String> countries, List<Integer> sdgs) {}

    /**
     * One event of the period.
     *
     * @param guestTrainers invited experts who delivered as guest trainers (not pool members)
     */
    public record EventLine(String id, String title, String kind, String city, String country, LocalDate firstDay,
            LocalDate lastDay, int courseDays, List<EventReport.VenueLine> venues, int guestTrainers,
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
     * One indicator of the results framework.
     *
     * @param actual numerator over denominator for a percentage indicator; for a count, the count as
     *     numerator and no denominator
     */
    public record IndicatorResult(String id, String title, String measure, BigDecimal baseline, BigDecimal target,
            Share actual, Cell count, String computedAs) {}
}
