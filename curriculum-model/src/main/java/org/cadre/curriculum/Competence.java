package org.cadre.curriculum;

import com.google.common.collect.ImmutableSet;
import java.util.Collection;
import org.cadre.kernel.Require;

/**
 * A job competence of a border official, and the learning outcomes that build it: together, the
 * competences form the curriculum's competence-to-outcome map.
 */
public record Competence(CompetenceCode code, String title, ImmutableSet<OutcomeCode> outcomes) {

    /**
     * Checks the competence on its own; whether its outcomes exist is a rule finding.
     *
     * @param code the competence's code, unique within the package
     * @param title what the official can do on the job; not blank, stripped
     * @param outcomes the learning outcomes that build it; copied (empty is a warning of the checks,
     *     {@link CurriculumRule#COMPETENCE_WITHOUT_OUTCOMES})
     * @throws IllegalArgumentException if a value is missing or the title is blank
     */
    public Competence {
        Require.present(code, "Competence.code");
        title = Require.text(title, "Competence.title");
        outcomes = Require.set(outcomes, "Competence.outcomes");
    }

    /**
     * A competence from plain codes.
     *
     * @param code the competence's code, such as {@code C1}
     * @param title what the official can do on the job
     * @param outcomes codes of the learning outcomes that build it, such as {@code LO1}
     * @return the competence
     * @throws IllegalArgumentException if a code is malformed or the title is blank
     */
    public static Competence of(String code, String title, Collection<String> outcomes) {
        return new Competence(CompetenceCode.of(code), title,
                outcomes.stream().map(OutcomeCode::of).collect(ImmutableSet.toImmutableSet()));
    }
}
