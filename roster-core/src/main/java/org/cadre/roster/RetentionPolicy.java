package org.cadre.roster;

import com.google.common.collect.ImmutableList;
import java.time.LocalDate;
import java.time.Period;
import java.util.Map;
import java.util.Set;
import org.cadre.kernel.Require;

/**
 * How long identifiable participant records are kept: a person whose last event ended more than the
 * retention period before {@code today}, and who is not in the trainer pool (trainers' records are the
 * pool's evidence), is due for erasure. Their enrolments and scores stay, so aggregates keep their
 * figures.
 */
public record RetentionPolicy(Period keep) {

    /**
     * The longest period a policy keeps records, in years: longer than any record lives, and short enough that a day minus
     * it is a day (two billion years was a date-time failure where the policy was applied).
     */
    public static final int MAX_YEARS = 1_000;

    /**
     * Checks the period.
     *
     * @param keep how long after their last event a participant's record is kept; positive
     * @throws IllegalArgumentException if the period is missing, zero or negative
     */
    public RetentionPolicy {
        Require.present(keep, "RetentionPolicy.keep");
        Require.that(!keep.isNegative() && !keep.isZero(), "RetentionPolicy.keep", "must be positive, was " + keep);
    }

    /**
     * A policy counted in whole years (five by default at the command line).
     *
     * @param years from 1 to {@link #MAX_YEARS}
     * @return the policy
     * @throws IllegalArgumentException if {@code years} is not from 1 to {@link #MAX_YEARS}
     */
    public static RetentionPolicy years(int years) {
        return new RetentionPolicy(Period.ofYears(Require.inRange(years, 1, MAX_YEARS, "years")));
    }

    /**
     * The people due for erasure on {@code today}, sorted.
     *
     * @param today the day the policy is applied
     * @param lastEventDay each participant's last event's last course day
     * @param inPool people with a trainer-pool record
     * @param erased people erased already
     * @return the participants whose last event ended before {@code today} minus the period, neither in the
     *     pool nor erased, by id
     */
    public ImmutableList<PersonId> due(LocalDate today, Map<PersonId, LocalDate> lastEventDay, Set<PersonId> inPool, Set<PersonId> erased) {
        return lastEventDay.entrySet().stream()
                .filter(e -> !keeps(e.getValue(), today) && !inPool.contains(e.getKey()) && !erased.contains(e.getKey()))
                .map(Map.Entry::getKey).sorted().collect(ImmutableList.toImmutableList());
    }

    /**
     * Whether the record of a participant whose last event ended on {@code lastEventDay} is still kept on {@code today}
     * (a record not kept is due for erasure unless its person is in the trainer pool).
     *
     * @param lastEventDay the last course day of the person's last event
     * @param today the day the policy is applied
     * @return false once {@code lastEventDay} is before {@code today} minus the period
     */
    public boolean keeps(LocalDate lastEventDay, LocalDate today) {
        Require.present(lastEventDay, "lastEventDay");
        Require.present(today, "today");
        return !lastEventDay.isBefore(today.minus(keep));
    }
}
