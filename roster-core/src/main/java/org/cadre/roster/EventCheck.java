package org.cadre.roster;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cadre.curriculum.Session;
import org.cadre.curriculum.SessionCode;
import org.cadre.finding.Findings;
import org.cadre.finding.Rule;
import org.cadre.kernel.Require;

/**
 * Checks one event's roster against every {@link EventRule} and returns all findings.
 *
 * <pre>{@code
 * Findings findings = EventCheck.of(roster).run();
 * Findings stricter = EventCheck.of(roster).withMaxParticipantsPerTrainer(8).run();
 * }</pre>
 */
public final class EventCheck {

    /** The default largest number of participants per trainer before {@link EventRule#TRAINER_RATIO} warns. */
    public static final int DEFAULT_MAX_PARTICIPANTS_PER_TRAINER = 12;

    private final EventRoster roster;
    private final int maxParticipantsPerTrainer;
    private final ImmutableMap<SessionCode, Session> sessions;
    private final ImmutableMap<SessionCode, Session> delivered;
    private final ImmutableSet<SessionCode> onAgenda;

    private EventCheck(EventRoster roster, int maxParticipantsPerTrainer) {
        this.roster = Require.present(roster, "roster");
        this.maxParticipantsPerTrainer = Require.positive(maxParticipantsPerTrainer, "maxParticipantsPerTrainer");
        Map<SessionCode, Session> byCode = new LinkedHashMap<>();
        roster.curriculum().sessions().forEach(s -> byCode.putIfAbsent(s.code(), s));
        this.sessions = ImmutableMap.copyOf(byCode);
        // The sessions this event delivers: the whole package, or the modules it names.
        Map<SessionCode, Session> chosen = new LinkedHashMap<>();
        roster.curriculum().modules().stream()
                .filter(m -> roster.event().deliversWholePackage() || roster.event().modules().contains(m.code()))
                .flatMap(m -> m.sessions().stream()).forEach(s -> chosen.putIfAbsent(s.code(), s));
        this.delivered = ImmutableMap.copyOf(chosen);
        this.onAgenda = roster.event().agenda().stream().map(AgendaSlot::session).collect(ImmutableSet.toImmutableSet());
    }

    /**
     * A check of the roster with the default participants-per-trainer limit.
     *
     * @param roster everything known about the event
     * @return the check, ready to {@link #run()}
     */
    public static EventCheck of(EventRoster roster) {
        return new EventCheck(roster, DEFAULT_MAX_PARTICIPANTS_PER_TRAINER);
    }

    /**
     * The same check with another limit for {@link EventRule#TRAINER_RATIO}.
     *
     * @param max the most participants per trainer; positive
     * @return a new check; this one is unchanged
     * @throws IllegalArgumentException if {@code max} is not positive
     */
    public EventCheck withMaxParticipantsPerTrainer(int max) {
        return new EventCheck(roster, max);
    }

    /**
     * Runs every rule; never stops at the first finding.
     *
     * @return every finding, errors first; empty when the event is sound
     */
    public Findings run() {
        return Rule.checkAll(EventRule.all(), this);
    }

    /** {@return the roster checked} */
    public EventRoster roster() {
        return roster;
    }

    /** {@return the event checked} */
    public Event event() {
        return roster.event();
    }

    int maxParticipantsPerTrainer() {
        return maxParticipantsPerTrainer;
    }

    /** The curriculum version's sessions by code. */
    ImmutableMap<SessionCode, Session> sessions() {
        return sessions;
    }

    /** The sessions of the modules this event delivers (every session when it delivers the whole package). */
    ImmutableMap<SessionCode, Session> delivered() {
        return delivered;
    }

    ImmutableSet<SessionCode> onAgenda() {
        return onAgenda;
    }

    /** The first course day: the day pool qualifications are judged on. */
    LocalDate firstDay() {
        return roster.event().courseDays().first();
    }

    /**
     * The attendance marks read once for the attendance rules: each mark's person numbered in order of
     * first appearance ({@code people}), and each mark's session numbered in the order of the agenda's
     * sessions, -1 when it is not on the agenda. Built on first use.
     */
    record Marks(List<PersonId> people, int[] personOf, int[] sessionOf, int sessions) {}

    private Marks marks;

    Marks marks() {
        if (marks == null) {
            Map<SessionCode, Integer> sessionIndex = new HashMap<>();
            for (SessionCode s : onAgenda) {
                sessionIndex.putIfAbsent(s, sessionIndex.size());
            }
            List<Attendance> all = roster.attendance();
            int[] personOf = new int[all.size()];
            int[] sessionOf = new int[all.size()];
            List<PersonId> people = new ArrayList<>();
            Map<PersonId, Integer> personIndex = new HashMap<>();
            PersonId last = null;
            int lastIndex = -1;
            for (int m = 0; m < all.size(); m++) {
                Attendance a = all.get(m);
                // Marks usually come person by person: the last person's number is reused without a look-up.
                if (!a.person().equals(last)) {
                    last = a.person();
                    Integer known = personIndex.putIfAbsent(last, people.size());
                    if (known == null) {
                        lastIndex = people.size();
                        people.add(last);
                    } else {
                        lastIndex = known;
                    }
                }
                personOf[m] = lastIndex;
                Integer session = sessionIndex.get(a.session());
                sessionOf[m] = session == null ? -1 : session;
            }
            marks = new Marks(List.copyOf(people), personOf, sessionOf, sessionIndex.size());
        }
        return marks;
    }

    String subject(String kind, Object id) {
        return roster.event().subject() + "/" + kind + "/" + id;
    }
}
