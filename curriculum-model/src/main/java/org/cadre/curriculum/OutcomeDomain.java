package org.cadre.curriculum;

/** The domain of a learning outcome, as qualification frameworks (EQF, SQF) describe them. */
public enum OutcomeDomain {
    /** Facts, principles and theory the participant knows: the elements of the smuggling offence. */
    KNOWLEDGE,
    /** What the participant can do: examine a document, plan a session. */
    SKILLS,
    /** What the participant takes responsibility for and decides alone: protecting intercepted migrants. */
    RESPONSIBILITY_AND_AUTONOMY
}
