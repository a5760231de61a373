package org.cadre.roster;

import com.google.common.collect.ImmutableSet;
import com.google.common.collect.ImmutableSortedSet;
import org.cadre.kernel.Require;

/**
 * The donor-funded project events belong to.
 *
 * @param countries the countries in scope: only their recognised authorities may nominate participants
 * @param sdgs the Sustainable Development Goals the programme is tagged with, 1 to 17
 */
public record Programme(ProgrammeId id, String title, String donor, ImmutableSet<Country> countries,
        ImmutableSortedSet<Integer> sdgs) {

    public Programme {
        Require.present(id, "Programme.id");
        title = Require.text(title, "Programme.title");
        donor = Require.text(donor, "Programme.donor");
        countries = Require.set(countries, "Programme.countries");
        sdgs = ImmutableSortedSet.copyOf(Require.list(sdgs, "Programme.sdgs"));
        for (int goal : sdgs) {
            Require.inRange(goal, 1, 17, "Programme.sdgs");
        }
    }
}
