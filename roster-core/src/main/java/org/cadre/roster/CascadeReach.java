package org.cadre.roster;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import com.google.common.collect.ImmutableSortedMap;
import com.google.common.collect.ImmutableSortedSet;
import java.util.Collection;
import java.util.Comparator;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.cadre.kernel.Require;

/**
 * How far a ToT reached: its graduates, the cascade trainings that name it as their trainers' source,
 * and the officers those trainings trained, in all and per graduate who delivered them. The multiplier
 * (officers trained per graduate) is what justifies a ToT to a donor.
 *
 * @param graduates ToT participants whose enrolment reached {@link EnrolmentStatus#COMPLETED}
 * @param cascades the cascade trainings whose trainers came from this ToT
 * @param officersTrained distinct participants present (attended or completed) at those cascades
 * @param perGraduate for each graduate who delivered at least one of them (as trainer or co-trainer), the
 *     distinct officers present at the cascades they delivered
 */
public record CascadeReach(EventId tot, ImmutableSortedSet<PersonId> graduates, ImmutableList<EventId> cascades,
        ImmutableSortedSet<PersonId> officersTrained, ImmutableSortedMap<PersonId, ImmutableSortedSet<PersonId>> perGraduate) {

    /**
     * Checks that every part is present; {@link #of} computes them.
     *
     * @param tot the ToT
     * @param graduates its participants who completed it
     * @param cascades the cascade trainings whose trainers came from it, first day first
     * @param officersTrained distinct participants present at those cascades
     * @param perGraduate officers reached per graduate who delivered
     * @throws IllegalArgumentException if a value is missing
     */
    public CascadeReach {
        Require.present(tot, "CascadeReach.tot");
        Require.present(graduates, "CascadeReach.graduates");
        Require.present(cascades, "CascadeReach.cascades");
        Require.present(officersTrained, "CascadeReach.officersTrained");
        Require.present(perGraduate, "CascadeReach.perGraduate");
    }

    /**
     * Whether a cascade may name {@code tot} as the ToT its trainers came from, by their days: the ToT must have ended
     * by the cascade's first day (a cascade of 2019 cannot take its trainers from a ToT of 2023).
     *
     * @param cascade the cascade
     * @param tot the ToT it names
     * @return {@code command.tot-after-cascade} when the ToT ends after the cascade begins; empty otherwise
     */
    public static java.util.Optional<org.cadre.finding.Finding> totInTime(Event cascade, Event tot) {
        Require.present(cascade, "cascade");
        Require.present(tot, "tot");
        if (!tot.courseDays().last().isAfter(cascade.courseDays().first())) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(RosterCommand.TOT_AFTER_CASCADE.finding(cascade.subject() + "/trainersFrom",
                "names a ToT that ends on " + tot.courseDays().last() + ", after this event begins (" + cascade.courseDays().first()
                        + "); its trainers come from a ToT completed before it"));
    }

    /**
     * What holding {@code tot} on its days would break: each of the events that take their trainers from it and begin
     * before it ends, as a {@code command.tot-after-cascade} finding about the ToT's days (the ToT moved past a cascade
     * already recorded, the other side of {@link #totInTime}).
     *
     * @param tot the ToT, on the days it would be held
     * @param events any events; those whose {@code trainersFrom} names the ToT are judged
     * @return one finding per cascade that begins before the ToT ends, by the cascade's id; empty when none does
     */
    public static ImmutableList<org.cadre.finding.Finding> cascadesInTime(Event tot, Collection<Event> events) {
        Require.present(tot, "tot");
        Require.present(events, "events");
        return events.stream().filter(e -> e.trainersFrom().equals(java.util.Optional.of(tot.id())) && !e.id().equals(tot.id()))
                .filter(cascade -> totInTime(cascade, tot).isPresent()).sorted(Comparator.comparing(Event::id))
                .map(cascade -> RosterCommand.TOT_AFTER_CASCADE.finding(tot.subject() + "/courseDays",
                        "ends after " + cascade.id() + " begins (" + cascade.courseDays().first() + "), which takes its trainers"
                                + " from this ToT; a ToT is completed before its cascades"))
                .collect(ImmutableList.toImmutableList());
    }

    /**
     * The reach of the ToT over the given events (events that are not its cascades are ignored).
     *
     * @param tot the ToT's roster
     * @param events any events; the cascades among them are those whose {@code trainersFrom} names the ToT
     * @return the reach; empty sets when no cascade names it
     * @throws IllegalArgumentException if {@code tot} is not a ToT
     */
    public static CascadeReach of(EventRoster tot, Collection<EventRoster> events) {
        Require.present(tot, "tot");
        Require.that(tot.event().kind() == Event.Kind.TOT, "tot", "must be a ToT, was " + tot.event().kind());
        ImmutableSortedSet<PersonId> graduates = tot.enrolmentsAs(Role.PARTICIPANT).stream()
                .filter(e -> e.status() == EnrolmentStatus.COMPLETED).map(Enrolment::person)
                .collect(ImmutableSortedSet.toImmutableSortedSet(Comparator.naturalOrder()));
        ImmutableList<EventRoster> cascades = events.stream()
                .filter(r -> r.event().trainersFrom().filter(tot.event().id()::equals).isPresent())
                .sorted(Comparator.comparing((EventRoster r) -> r.event().courseDays().first()).thenComparing(r -> r.event().id()))
                .collect(ImmutableList.toImmutableList());
        Set<PersonId> trained = new TreeSet<>();
        TreeMap<PersonId, TreeSet<PersonId>> perGraduate = new TreeMap<>();
        for (EventRoster cascade : cascades) {
            Set<PersonId> present = cascade.enrolmentsAs(Role.PARTICIPANT).stream()
                    .filter(e -> e.status().wasPresent()).map(Enrolment::person).collect(ImmutableSet.toImmutableSet());
            trained.addAll(present);
            cascade.seatedTrainers().stream().map(Enrolment::person).filter(graduates::contains)
                    .forEach(g -> perGraduate.computeIfAbsent(g, k -> new TreeSet<>()).addAll(present));
        }
        ImmutableSortedMap.Builder<PersonId, ImmutableSortedSet<PersonId>> per = ImmutableSortedMap.naturalOrder();
        perGraduate.forEach((g, officers) -> per.put(g, ImmutableSortedSet.copyOf(officers)));
        return new CascadeReach(tot.event().id(), graduates,
                cascades.stream().map(r -> r.event().id()).collect(ImmutableList.toImmutableList()),
                ImmutableSortedSet.copyOf(trained), per.buildOrThrow());
    }
}
