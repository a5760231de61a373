package org.cadre.curriculum;

/** The domain of a learning outcome, as qualification frameworks (EQF, SQF) describe them. */
public enum OutcomeDomain {
    KNOWLEDGE,
    SKILLS,
    RESPONSIBILITY_AND_AUTONOMY
}
