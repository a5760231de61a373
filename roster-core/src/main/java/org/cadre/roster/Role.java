package org.cadre.roster;

/** What a person does at an event. */
public enum Role {
    PARTICIPANT,
    TRAINER,
    CO_TRAINER,
    /**
     * An invited expert who leads sessions at this one event (a specialist from another country's ministry,
     * say): needs no trainer-pool record and gains none; checks and reports list them as guests.
     */
    GUEST_TRAINER,
    OBSERVER,
    INTERPRETER,
    ORGANISER;

    /** Delivers sessions: a trainer, co-trainer or guest trainer. */
    public boolean delivers() {
        return this == TRAINER || this == CO_TRAINER || this == GUEST_TRAINER;
    }
}
