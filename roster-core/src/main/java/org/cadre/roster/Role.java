package org.cadre.roster;

/** What a person does at an event. */
public enum Role {
    PARTICIPANT,
    TRAINER,
    CO_TRAINER,
    OBSERVER,
    INTERPRETER,
    ORGANISER;

    /** Delivers sessions: a trainer or co-trainer. */
    public boolean delivers() {
        return this == TRAINER || this == CO_TRAINER;
    }
}
