package org.cadre.roster;

import com.google.common.collect.ImmutableSet;
import com.google.common.collect.ImmutableSortedSet;
import java.util.Optional;
import org.cadre.kernel.Require;

/**
 * The donor-funded project events belong to.
 *
 * @param countries the countries in scope: only their recognised authorities may nominate participants
 * @param sdgs the Sustainable Development Goals the programme is tagged with, 1 to 17
 * @param period when the programme runs (its agreement's start and end), if recorded; reports that name no
 *     period cover it
 */
public record Programme(ProgrammeId id, String title, String donor, ImmutableSet<Country> countries,
        ImmutableSortedSet<Integer> sdgs, Optional<DateRange> period) {

    public Programme {
        Require.present(id, "Programme.id");
        title = Require.text(title, "Programme.title");
        donor = Require.text(donor, "Programme.donor");
        countries = Require.set(countries, "Programme.countries");
        sdgs = ImmutableSortedSet.copyOf(Require.list(sdgs, "Programme.sdgs"));
        for (int goal : sdgs) {
            Require.inRange(goal, 1, 17, "Programme.sdgs");
        }
        Require.present(period, "Programme.period");
    }

    /** A programme whose period is not recorded. */
    public Programme(ProgrammeId id, String title, String donor, ImmutableSet<Country> countries, ImmutableSortedSet<Integer> sdgs) {
        this(id, title, donor, countries, sdgs, Optional.empty());
    }

    /** The same programme running over {@code period}. */
    public Programme withPeriod(DateRange period) {
        return new Programme(id, title, donor, countries, sdgs, Optional.of(Require.present(period, "Programme.period")));
    }
}
