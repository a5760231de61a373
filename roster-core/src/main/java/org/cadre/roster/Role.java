package org.cadre.roster;

/** What a person does at an event. */
public enum Role {
    /** Is trained: counted in reach, tested, certified. */
    PARTICIPANT,
    /** Leads sessions; at a ToT a lead trainer, at a cascade a certified trainer of the pool. */
    TRAINER,
    /** Delivers sessions beside a trainer; at least a co-trainer of the pool. */
    CO_TRAINER,
    /**
     * An invited expert who leads sessions at this one event (a specialist from another country's ministry,
     * say): needs no trainer-pool record and gains none; checks and reports list them as guests.
     */
    GUEST_TRAINER,
    /** Watches, as a lead trainer observing a co-delivery does; not counted as a participant. */
    OBSERVER,
    /** Interprets between the working languages. */
    INTERPRETER,
    /** Runs the logistics. */
    ORGANISER;

    /** {@return whether the role delivers sessions: a trainer, co-trainer or guest trainer} */
    public boolean delivers() {
        return this == TRAINER || this == CO_TRAINER || this == GUEST_TRAINER;
    }
}
