package org.cadre.roster.names;

import org.cadre.kernel.Require;
import org.cadre.roster.PersonId;

/**
 * Two records that likely describe the same person: for a person to confirm, never merged automatically.
 *
 * @param first the smaller id of the two
 * @param score 0 to 1; candidates are reported from {@link DuplicateFinder#THRESHOLD}
 * @param names the two names compared, as written, for the person who decides
 */
public record DuplicateCandidate(PersonId first, PersonId second, double score, String names) {

    /**
     * Checks the pair.
     *
     * @param first the smaller id of the two
     * @param second the larger id
     * @param score similarity, 0 to 1
     * @param names the two names compared, as written; not blank
     * @throws IllegalArgumentException if a value is missing, the ids are not in order or the score is
     *     outside 0 to 1
     */
    public DuplicateCandidate {
        Require.present(first, "DuplicateCandidate.first");
        Require.present(second, "DuplicateCandidate.second");
        Require.that(first.compareTo(second) < 0, "DuplicateCandidate.first", "must sort before second");
        Require.that(score >= 0 && score <= 1, "DuplicateCandidate.score", "must be between 0 and 1, was " + score);
        names = Require.text(names, "DuplicateCandidate.names");
    }
}
