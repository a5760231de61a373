package org.cadre.curriculum;

import org.cadre.kernel.Require;

/**
 * What a participant can do after the course.
 *
 * @param code unique within the curriculum
 * @param statement the outcome as written in the package ("Distinguish migrant smuggling from ...")
 * @param level qualification level on the EQF / Sectoral Qualifications Framework scale, 1 to 8
 * @param domain knowledge, skills, or responsibility and autonomy
 */
public record LearningOutcome(OutcomeCode code, String statement, int level, OutcomeDomain domain) {

    /**
     * Checks the outcome on its own.
     *
     * @param code unique within the curriculum
     * @param statement the outcome as written in the package; not blank, stripped
     * @param level qualification level, 1 to 8
     * @param domain knowledge, skills, or responsibility and autonomy
     * @throws IllegalArgumentException if a value is missing, the statement blank or the level outside 1 to 8
     */
    public LearningOutcome {
        Require.present(code, "LearningOutcome.code");
        statement = Require.text(statement, "LearningOutcome.statement");
        Require.inRange(level, 1, 8, "LearningOutcome.level");
        Require.present(domain, "LearningOutcome.domain");
    }

    /**
     * An outcome from a plain code.
     *
     * @param code the outcome's code, such as {@code LO1}
     * @param statement the outcome as written in the package
     * @param level qualification level on the EQF scale, 1 to 8
     * @param domain knowledge, skills, or responsibility and autonomy
     * @return the outcome
     * @throws IllegalArgumentException if the code is malformed, the statement blank or the level outside 1 to 8
     */
    public static LearningOutcome of(String code, String statement, int level, OutcomeDomain domain) {
        return new LearningOutcome(OutcomeCode.of(code), statement, level, domain);
    }
}
