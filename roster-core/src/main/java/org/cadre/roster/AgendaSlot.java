package org.cadre.roster;

import com.google.common.collect.ImmutableSet;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import org.cadre.curriculum.SessionCode;
import org.cadre.kernel.Require;

/**
 * One curriculum session placed on the agenda: its day, local start and end time (in the event's time
 * zone) and the trainers who deliver it.
 */
public record AgendaSlot(SessionCode session, LocalDate day, LocalTime start, LocalTime end,
        ImmutableSet<PersonId> trainers) {

    /**
     * Checks the slot on its own; whether it fits the event (its course days, the curriculum, the trainers'
     * other slots) is for {@link EventCheck}.
     *
     * @param session the curriculum session delivered
     * @param day the day, in the event's time zone
     * @param start local start time
     * @param end local end time; after {@code start} on the same day
     * @param trainers who deliver it; copied
     * @throws IllegalArgumentException if a value is missing or the slot ends before it starts
     */
    public AgendaSlot {
        Require.present(session, "AgendaSlot.session");
        Require.present(day, "AgendaSlot.day");
        Require.present(start, "AgendaSlot.start");
        Require.present(end, "AgendaSlot.end");
        Require.that(end.isAfter(start), "AgendaSlot.end", "must be after start (" + start + "), was " + end);
        trainers = Require.set(trainers, "AgendaSlot.trainers");
    }

    /**
     * A slot of the given length.
     *
     * @param session the session's code, such as {@code M1.S2}
     * @param day the day
     * @param start local start time
     * @param minutes its length; positive, ending the same day
     * @param trainers who deliver it
     * @return the slot
     * @throws IllegalArgumentException if the code is malformed or the slot does not end after it starts
     */
    public static AgendaSlot of(String session, LocalDate day, LocalTime start, int minutes, PersonId... trainers) {
        return new AgendaSlot(SessionCode.of(session), day, start, start.plusMinutes(minutes), ImmutableSet.copyOf(trainers));
    }

    /** {@return the slot's length in minutes, to compare with the session's planned minutes} */
    public long minutes() {
        return Duration.between(start, end).toMinutes();
    }

    /**
     * Whether the two slots share any moment (touching end to start is no overlap), as a trainer booked
     * into both could not deliver both.
     *
     * @param other another slot of the same event
     * @return whether they overlap
     */
    public boolean overlaps(AgendaSlot other) {
        return day.equals(other.day) && start.isBefore(other.end) && other.start.isBefore(end);
    }
}
