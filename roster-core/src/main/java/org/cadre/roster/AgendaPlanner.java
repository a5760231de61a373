package org.cadre.roster;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Iterator;
import java.util.Set;
import java.util.function.Function;
import org.cadre.curriculum.Curriculum;
import org.cadre.curriculum.Session;
import org.cadre.finding.Result;
import org.cadre.kernel.Require;

/**
 * Lays a curriculum's sessions out on the course days in teaching order: each day starts at the same
 * time, sessions follow one another with a break between them, and a day holds at most the given
 * contact time. A first draft of an agenda that a coordinator then adjusts.
 */
public final class AgendaPlanner {

    private AgendaPlanner() {}

    /**
     * The draft agenda, or a refusal ({@code agenda.session-missing}) naming the first session that does
     * not fit in the days.
     *
     * @param curriculum the package version; its sessions are placed in teaching order
     * @param days the course days, every one of them used in order
     * @param dayStart the local time each day's first session starts
     * @param maxMinutesPerDay the most minutes of sessions in one day, 1 to 1440 (breaks not counted)
     * @param breakMinutes the break between two sessions of a day; not negative
     * @param trainers who delivers each session
     * @return the slots, or {@code agenda.session-missing} for the first session that does not fit
     * @throws IllegalArgumentException if a value is missing or out of range
     */
    public static Result<ImmutableList<AgendaSlot>> plan(Curriculum curriculum, DateRange days, LocalTime dayStart,
            int maxMinutesPerDay, int breakMinutes, Function<Session, Set<PersonId>> trainers) {
        Require.present(curriculum, "curriculum");
        Require.present(days, "days");
        Require.present(dayStart, "dayStart");
        Require.inRange(maxMinutesPerDay, 1, 24 * 60, "maxMinutesPerDay");
        Require.nonNegative(breakMinutes, "breakMinutes");
        ImmutableList.Builder<AgendaSlot> slots = ImmutableList.builder();
        Iterator<LocalDate> day = days.stream().iterator();
        LocalDate current = day.next();
        LocalTime next = dayStart;
        int used = 0;
        for (Session s : curriculum.sessions().toList()) {
            boolean fitsToday = used + s.minutes() <= maxMinutesPerDay
                    && next.plusMinutes(s.minutes()).isAfter(next) && s.minutes() > 0;
            if (!fitsToday) {
                if (!day.hasNext() || s.minutes() > maxMinutesPerDay || s.minutes() == 0) {
                    return Result.refused(EventRule.SESSION_MISSING.finding("curriculum/" + curriculum.id() + "@" + curriculum.version() + "/session/" + s.code(),
                            "session " + s.code() + " (" + s.minutes() + " min) does not fit in " + days.days()
                                    + " days of at most " + maxMinutesPerDay + " minutes"));
                }
                current = day.next();
                next = dayStart;
                used = 0;
            }
            slots.add(new AgendaSlot(s.code(), current, next, next.plusMinutes(s.minutes()),
                    ImmutableSet.copyOf(trainers.apply(s))));
            used += s.minutes();
            next = next.plusMinutes(s.minutes() + (long) breakMinutes);
        }
        return Result.ok(slots.build());
    }
}
