package org.cadre.roster;

import com.google.common.collect.ImmutableList;
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
 * Findings asOfToday = EventCheck.of(roster).on(LocalDate.now(clock.withZone(roster.event().zone()))).run();
 * }</pre>
 *
 * <p>A check knows no date unless it is given one ({@link #on}): the library reads no clock. The rules about what
 * should have happened by now ({@link EventRule#UNDECIDED_AFTER_EVENT}) are silent without it.
 */
public final class EventCheck {

    /** The default largest number of participants per trainer before {@link EventRule#TRAINER_RATIO} warns. */
    public static final int DEFAULT_MAX_PARTICIPANTS_PER_TRAINER = 12;

    private final EventRoster roster;
    private final int maxParticipantsPerTrainer;
    private final ImmutableMap<SessionCode, Session> sessions;
    private final ImmutableMap<SessionCode, Session> delivered;
    private final ImmutableSet<SessionCode> onAgenda;
    private final java.util.Optional<LocalDate> today;

    private EventCheck(EventRoster roster, int maxParticipantsPerTrainer, java.util.Optional<LocalDate> today) {
        this.roster = Require.present(roster, "roster");
        this.maxParticipantsPerTrainer = Require.positive(maxParticipantsPerTrainer, "maxParticipantsPerTrainer");
        this.today = today;
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
        return new EventCheck(roster, DEFAULT_MAX_PARTICIPANTS_PER_TRAINER, java.util.Optional.empty());
    }

    /**
     * The same check with another limit for {@link EventRule#TRAINER_RATIO}.
     *
     * @param max the most participants per trainer; positive
     * @return a new check; this one is unchanged
     * @throws IllegalArgumentException if {@code max} is not positive
     */
    public EventCheck withMaxParticipantsPerTrainer(int max) {
        return new EventCheck(roster, max, today);
    }

    /**
     * The same check as of a day, so that it also says what should have happened by then: statuses still undecided
     * once the course is over ({@link EventRule#UNDECIDED_AFTER_EVENT}).
     *
     * @param today the current day where the event takes place
     * @return a new check; this one is unchanged
     */
    public EventCheck on(LocalDate today) {
        return new EventCheck(roster, maxParticipantsPerTrainer, java.util.Optional.of(Require.present(today, "today")));
    }

    /** {@return the day the check is made as of, when it was given one} */
    java.util.Optional<LocalDate> today() {
        return today;
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

    private ImmutableList<Enrolment> seated;

    /** The roster's {@link EventRoster#seatedParticipants()}, worked out once for the rules that count them. */
    ImmutableList<Enrolment> seatedParticipants() {
        if (seated == null) {
            seated = roster.seatedParticipants();
        }
        return seated;
    }

    /** The first course day: the day pool qualifications are judged on. */
    LocalDate firstDay() {
        return roster.event().courseDays().first();
    }

    /**
     * The attendance marks read once for the attendance rules: the marks' people once each, in order of their
     * first mark ({@code people}), and which marks are problems, in order ({@code problems}): a session not on
     * the agenda, or a mark repeating an earlier mark of the same person and session; and which of the people
     * ({@code attended}, by their place in {@code people}) are marked present or late at least once. Built on
     * first use.
     *
     * @param attendedSessions for each person by number, the sessions on the agenda they attended (present or late),
     *     each counted once
     * @param numbers each person's number, their place in {@code people}
     */
    record Marks(List<PersonId> people, int[] problems, java.util.BitSet attended, int[] attendedSessions, Map<PersonId, Integer> numbers) {}

    private Marks marks;

    Marks marks() {
        if (marks == null) {
            Map<SessionCode, Integer> sessionIndex = new HashMap<>();
            for (SessionCode s : onAgenda) {
                sessionIndex.putIfAbsent(s, sessionIndex.size());
            }
            List<Attendance> all = roster.attendance();
            List<PersonId> people = new ArrayList<>();
            Map<PersonId, Integer> personIndex = new HashMap<>();
            // Marks usually come person by person: then one pass finds the repeats (one number per session
            // remembers the last person seen there) and keeps nothing per mark but the problems.
            int[] lastPerson = new int[sessionIndex.size()];
            java.util.Arrays.fill(lastPerson, -1);
            int[] problems = new int[16];
            int found = 0;
            boolean byPerson = true;
            PersonId last = null;
            int lastIndex = -1;
            java.util.BitSet attended = new java.util.BitSet();
            int[] attendedSessions = new int[16];
            for (int m = 0; m < all.size(); m++) {
                Attendance a = all.get(m);
                // The last person's number is reused without a look-up.
                if (!a.person().equals(last)) {
                    last = a.person();
                    Integer known = personIndex.putIfAbsent(last, people.size());
                    if (known == null) {
                        lastIndex = people.size();
                        people.add(last);
                    } else {
                        lastIndex = known;
                        byPerson = false; // someone's marks come in two runs: sorted below instead
                    }
                }
                if (a.mark().attended()) {
                    attended.set(lastIndex);
                }
                if (byPerson) {
                    Integer session = sessionIndex.get(a.session());
                    if (session == null || lastPerson[session] == lastIndex) {
                        problems = add(problems, found++, m);
                    } else {
                        lastPerson[session] = lastIndex;
                        if (a.mark().attended()) {
                            attendedSessions = count(attendedSessions, lastIndex);
                        }
                    }
                }
            }
            if (!byPerson) {
                found = 0;
                int[] personOf = new int[all.size()];
                int[] sessionOf = new int[all.size()];
                for (int m = 0; m < all.size(); m++) {
                    Attendance a = all.get(m);
                    personOf[m] = personIndex.get(a.person());
                    Integer session = sessionIndex.get(a.session());
                    sessionOf[m] = session == null ? -1 : session;
                }
                boolean[] repeated = repeatedMarks(personOf, sessionOf, people.size(), sessionIndex.size());
                attendedSessions = new int[people.size()];
                for (int m = 0; m < all.size(); m++) {
                    if (sessionOf[m] < 0 || repeated[m]) {
                        problems = add(problems, found++, m);
                    } else if (all.get(m).mark().attended()) {
                        attendedSessions[personOf[m]]++;
                    }
                }
            }
            marks = new Marks(List.copyOf(people), java.util.Arrays.copyOf(problems, found), attended,
                    java.util.Arrays.copyOf(attendedSessions, people.size()), java.util.Collections.unmodifiableMap(personIndex));
        }
        return marks;
    }

    /** {@code counts} with one more at {@code at}, grown when {@code at} is past its end. */
    private static int[] count(int[] counts, int at) {
        int[] out = at >= counts.length ? java.util.Arrays.copyOf(counts, Math.max(2 * counts.length, at + 1)) : counts;
        out[at]++;
        return out;
    }

    private static int[] add(int[] to, int at, int value) {
        int[] out = at == to.length ? java.util.Arrays.copyOf(to, 2 * at) : to;
        out[at] = value;
        return out;
    }

    /**
     * Which marks on the agenda repeat an earlier mark of the same person and session, for marks not
     * recorded person by person. The marks are visited person by person (a counting sort by person number,
     * keeping the marks' order within a person), and one number per session remembers the last person seen
     * there: no set of people per session, and memory linear in the marks whatever the numbers of people
     * and sessions.
     */
    private static boolean[] repeatedMarks(int[] personOf, int[] sessionOf, int people, int sessions) {
        int count = personOf.length;
        int[] start = new int[people + 1];
        for (int p : personOf) {
            start[p + 1]++;
        }
        for (int p = 0; p < people; p++) {
            start[p + 1] += start[p];
        }
        int[] byPerson = new int[count];
        int[] next = start.clone();
        for (int m = 0; m < count; m++) {
            byPerson[next[personOf[m]]++] = m;
        }
        int[] lastPerson = new int[sessions];
        java.util.Arrays.fill(lastPerson, -1);
        boolean[] repeated = new boolean[count];
        for (int m : byPerson) {
            int session = sessionOf[m];
            if (session >= 0) {
                if (lastPerson[session] == personOf[m]) {
                    repeated[m] = true;
                } else {
                    lastPerson[session] = personOf[m];
                }
            }
        }
        return repeated;
    }

    String subject(String kind, Object id) {
        return roster.event().subject() + "/" + kind + "/" + id;
    }
}
