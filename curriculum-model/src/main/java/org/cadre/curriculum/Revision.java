package org.cadre.curriculum;

import org.cadre.kernel.Require;

/**
 * Why a version exists: the version it revises and the reason, for example "participant feedback from
 * the Almaty ToT, October 2023". What changed is computed by {@link CurriculumDiff}, never typed by hand.
 */
public record Revision(SemanticVersion previous, String reason) {

    public Revision {
        Require.present(previous, "Revision.previous");
        reason = Require.text(reason, "Revision.reason");
    }
}
