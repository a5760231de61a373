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

    public AgendaSlot {
        Require.present(session, "AgendaSlot.session");
        Require.present(day, "AgendaSlot.day");
        Require.present(start, "AgendaSlot.start");
        Require.present(end, "AgendaSlot.end");
        Require.that(end.isAfter(start), "AgendaSlot.end", "must be after start (" + start + "), was " + end);
        trainers = Require.set(trainers, "AgendaSlot.trainers");
    }

    public static AgendaSlot of(String session, LocalDate day, LocalTime start, int minutes, PersonId... trainers) {
        return new AgendaSlot(SessionCode.of(session), day, start, start.plusMinutes(minutes), ImmutableSet.copyOf(trainers));
    }

    public long minutes() {
        return Duration.between(start, end).toMinutes();
    }

    /** Whether the two slots share any moment (touching end to start is no overlap). */
    public boolean overlaps(AgendaSlot other) {
        return day.equals(other.day) && start.isBefore(other.end) && other.start.isBefore(end);
    }
}
