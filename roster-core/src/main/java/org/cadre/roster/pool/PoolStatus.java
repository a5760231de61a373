package org.cadre.roster.pool;

import java.util.Locale;
import java.util.Optional;

/** A person's level in the trainer pool of one package, lowest first. A step cannot be skipped. */
public enum PoolStatus {
    /** Enrolled in a ToT. */
    TRAINEE,
    /** Completed a ToT; may co-deliver under a certified trainer. */
    CO_TRAINER,
    /** Co-delivered a cascade training under observation; may lead a delivery while the certificate is valid. */
    CERTIFIED_TRAINER,
    /** Delivered several trainings as a certified trainer; may lead ToTs and observe co-trainers. */
    LEAD_TRAINER;

    /** {@return the level one step up; empty for a lead trainer} */
    public Optional<PoolStatus> next() {
        return this == LEAD_TRAINER ? Optional.empty() : Optional.of(values()[ordinal() + 1]);
    }

    /**
     * Whether this level is the other or higher, as role requirements ask ("at least a co-trainer").
     *
     * @param other the level required
     * @return whether this level meets it
     */
    public boolean isAtLeast(PoolStatus other) {
        return compareTo(other) >= 0;
    }

    /** {@return the spelling used in documents and messages: {@code certified-trainer}} */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
