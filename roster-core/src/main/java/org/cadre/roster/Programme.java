package org.cadre.roster;

import com.google.common.collect.ImmutableSet;
import com.google.common.collect.ImmutableSortedSet;
import java.util.Collection;
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

    /**
     * Checks the programme.
     *
     * @param id the programme's id
     * @param title its title; not blank, stripped
     * @param donor who funds it; not blank, stripped
     * @param countries the countries in scope; copied
     * @param sdgs the goals it is tagged with, each 1 to 17; copied
     * @param period when it runs, if recorded
     * @throws IllegalArgumentException if a value is missing, a text blank or a goal outside 1 to 17
     */
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

    /**
     * A programme whose period is not recorded, from plain JDK collections (see decision 9 in
     * {@code docs/decisions.md}: Guava's immutable types in what the library returns, JDK types in what it
     * takes).
     *
     * @param id the programme's id
     * @param title the programme's title as its agreement names it
     * @param donor who funds it, as reports name it
     * @param countries the countries in scope; copied
     * @param sdgs the Sustainable Development Goals it is tagged with, 1 to 17; copied and sorted
     * @return the programme
     * @throws IllegalArgumentException if a value is missing, a text blank or a goal outside 1 to 17
     */
    public static Programme of(ProgrammeId id, String title, String donor, Collection<Country> countries,
            Collection<Integer> sdgs) {
        return new Programme(id, title, donor, Require.set(countries, "Programme.countries"),
                ImmutableSortedSet.copyOf(Require.list(sdgs, "Programme.sdgs")));
    }

    /**
     * A programme whose period is not recorded.
     *
     * @param id the programme's id
     * @param title its title
     * @param donor who funds it
     * @param countries the countries in scope
     * @param sdgs the goals it is tagged with, each 1 to 17
     * @throws IllegalArgumentException if a value is missing, a text blank or a goal outside 1 to 17
     */
    public Programme(ProgrammeId id, String title, String donor, ImmutableSet<Country> countries, ImmutableSortedSet<Integer> sdgs) {
        this(id, title, donor, countries, sdgs, Optional.empty());
    }

    /**
     * The same programme running over {@code period}.
     *
     * @param period its agreement's start to end
     * @return a new programme; this one is unchanged
     */
    public Programme withPeriod(DateRange period) {
        return new Programme(id, title, donor, countries, sdgs, Optional.of(Require.present(period, "Programme.period")));
    }
}
