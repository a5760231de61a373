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

    /** The level one step up, if any. */
    public Optional<PoolStatus> next() {
        return this == LEAD_TRAINER ? Optional.empty() : Optional.of(values()[ordinal() + 1]);
    }

    public boolean isAtLeast(PoolStatus other) {
        return compareTo(other) >= 0;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
