package org.cadre.curriculum;

import com.google.common.collect.ImmutableSet;
import java.util.Collection;
import org.cadre.kernel.Require;

/**
 * A job competence of a border official, and the learning outcomes that build it: together, the
 * competences form the curriculum's competence-to-outcome map.
 */
public record Competence(CompetenceCode code, String title, ImmutableSet<OutcomeCode> outcomes) {

    public Competence {
        Require.present(code, "Competence.code");
        title = Require.text(title, "Competence.title");
        outcomes = Require.set(outcomes, "Competence.outcomes");
    }

    public static Competence of(String code, String title, Collection<String> outcomes) {
        return new Competence(CompetenceCode.of(code), title,
                outcomes.stream().map(OutcomeCode::of).collect(ImmutableSet.toImmutableSet()));
    }
}
