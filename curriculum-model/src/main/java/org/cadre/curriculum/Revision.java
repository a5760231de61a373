package org.cadre.curriculum;

import org.cadre.kernel.Require;

/**
 * Why a version exists: the version it revises and the reason, for example "participant feedback from
 * the Almaty ToT, October 2023". What changed is computed by {@link CurriculumDiff}, never typed by hand.
 */
public record Revision(SemanticVersion previous, String reason) {

    /**
     * Checks the record.
     *
     * @param previous the version this one revises
     * @param reason why it was revised, for the people who approve the new version; not blank, stripped
     * @throws IllegalArgumentException if a value is missing or the reason is blank
     */
    public Revision {
        Require.present(previous, "Revision.previous");
        reason = Require.text(reason, "Revision.reason");
    }
}
