package org.cadre.server.app;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.cadre.curriculum.Curriculum;
import org.cadre.curriculum.ItemCode;
import org.cadre.curriculum.SessionCode;
import org.cadre.documents.Fields;
import org.cadre.documents.Labels;
import org.cadre.documents.SentItems;
import org.cadre.finding.Finding;
import org.cadre.roster.Attendance;
import org.cadre.roster.AttendanceMark;
import org.cadre.roster.Event;
import org.cadre.roster.EventId;
import org.cadre.roster.Feedback;
import org.cadre.roster.PersonId;
import org.cadre.roster.PracticeTeaching;
import org.cadre.roster.Rubric;
import org.cadre.roster.ScoreLimits;
import org.cadre.roster.TestScore;
import org.cadre.server.app.Outcome.Refusal;
import org.cadre.server.security.Access.Permission;
import org.cadre.server.store.Topic;
import org.cadre.server.store.TopicCache;
import org.cadre.server.security.UserAccount;
import org.cadre.roster.Person;
import org.cadre.server.values.Versioned;

/**
 * What is recorded while an event is delivered: attendance per session, pre- and post-test scores, the
 * practice-teaching rubric and its scores, and feedback. Every record names people enrolled in the event
 * (each at most once per request) and fits the package and the rubric, or nothing is recorded.
 */
public final class Delivery {

    private final Stores stores;
    private final Scope scope;

    private final Enrolling enrolling;
    private final EventRecords events;

    /** What attendance is checked against: the event (its summary), the sessions on its agenda with their days, who is enrolled. */
    private record Register(Event event, Map<SessionCode, Set<LocalDate>> agenda, Set<PersonId> enrolled, Set<PersonId> listed) {}

    /**
     * Whether a day's grid of attendance lists the enrolment: a participant holding a seat (confirmed, attended,
     * completed or not completed). A grid takes marks only for the people it lists.
     */
    public static boolean listedOnTheGrid(org.cadre.roster.Enrolment e) {
        return e.role() == org.cadre.roster.Role.PARTICIPANT && e.status().holdsSeat();
    }

    /** Registers as read, each kept until its event or an enrolment in it changes. */
    private final TopicCache<EventId, Optional<Register>> registers;

    private TopicCache.Loaded<Optional<Register>> loadRegister(EventId id) {
        Optional<Register> register = stores.events.summary(id).map(e -> {
            List<org.cadre.roster.Enrolment> enrolments = stores.enrolments.ofEvent(id).stream().map(Versioned::value).toList();
            return new Register(e.value(), Map.copyOf(stores.events.sessionDays(id)),
                    enrolments.stream().map(org.cadre.roster.Enrolment::person).collect(java.util.stream.Collectors.toUnmodifiableSet()),
                    enrolments.stream().filter(Delivery::listedOnTheGrid).map(org.cadre.roster.Enrolment::person)
                            .collect(java.util.stream.Collectors.toUnmodifiableSet()));
        });
        return new TopicCache.Loaded<>(register, Set.of(Topic.event(id.value())));
    }

    Delivery(Stores stores, Scope scope, Enrolling enrolling, EventRecords events) {
        this.stores = stores;
        this.registers = new TopicCache<>(stores.db.changes(), 256);
        this.scope = scope;
        this.enrolling = enrolling;
        this.events = events;
    }

    /** A mark as sent: the person's id and the mark's label. */
    public record Mark(String person, String mark) {}

    /** A test score as sent: the person's id and the points per test question. */
    public record Score(String person, Map<String, Integer> points) {}

    private Outcome<Event> event(UserAccount user, String eventId) {
        return Scope.permit(user, Permission.RECORD_DELIVERY).then(u -> scope.event(user, eventId)).map(Versioned::value);
    }

    private static <T> Outcome<T> invalid(Fields f) {
        return Outcome.refused(Refusal.INVALID, "The request has invalid fields; nothing was changed.", f.errors());
    }

    /**
     * The person an item of a request names, if it is an id of someone enrolled in the event and not named by an
     * earlier item ({@code seen} remembers); otherwise null, with the reason recorded under {@code at.person}.
     */
    /** Why a session held only after today takes no record yet: {@code is held on <days>, after today (<today>) ...}. */
    private static String heldAhead(java.util.Collection<LocalDate> days, LocalDate today, String what) {
        return "is held on " + days.stream().sorted().map(LocalDate::toString).collect(java.util.stream.Collectors.joining(", "))
                + ", after today (" + today + ") where the event takes place; " + what + " once it is held";
    }

    private static PersonId onRoster(Fields f, String at, String person, Set<PersonId> enrolled, Set<PersonId> seen, String item) {
        PersonId p = f.at(at + ".person", () -> PersonId.of(person));
        if (p == null) {
            return null;
        }
        if (!enrolled.contains(p)) {
            f.add(at + ".person", "is not enrolled in this event");
            return null;
        }
        if (!seen.add(p)) {
            f.add(at + ".person", "appears twice; send one " + item + " per person");
            return null;
        }
        return p;
    }

    /**
     * Replaces the marks of one session on the event's agenda for the people named (attendance is taken
     * for sessions on the agenda: the rule attendance.unknown-session).
     *
     * @return how many marks were recorded
     */
    public Outcome<Integer> attendance(UserAccount user, String eventId, String sessionCode, SentItems<Mark> marks) {
        return attendance(user, eventId, java.util.Collections.singletonMap(sessionCode, marks), Optional.empty(), false);
    }

    /**
     * Replaces the marks of several sessions held on one day at once (a day's grid), all or none; a session
     * not held that day is not found, as one not on the agenda; an error is named {@code sessions.<code>.marks[i]}.
     *
     * @return how many marks were recorded
     */
    public Outcome<Integer> attendanceOfDay(UserAccount user, String eventId, LocalDate day, java.util.Map<String, List<Mark>> bySession) {
        java.util.LinkedHashMap<String, SentItems<Mark>> sent = new java.util.LinkedHashMap<>();
        bySession.forEach((session, marks) -> sent.put(session, SentItems.all("sessions." + session + ".marks", marks)));
        return attendance(user, eventId, sent, Optional.of(day), true);
    }

    /**
     * Marks of sessions, all or none.
     *
     * @param day the day whose grid sent them, if a grid did: sessions and errors are then named {@code sessions.<code>}
     * @param listedOnly whether a page that lists only the participants holding a seat sent them (the day's grid, a session's
     *     cards), so that no one else is marked through it; the API's list takes anyone enrolled, and the event check warns of
     *     marks for someone without a seat ({@code enrolment.records-without-seat})
     */
    private Outcome<Integer> attendance(UserAccount user, String eventId, java.util.Map<String, SentItems<Mark>> bySession,
            Optional<LocalDate> day, boolean listedOnly) {
        boolean named = day.isPresent();
        // The event's summary (for the scope), its agenda's sessions and who is enrolled come from a cache kept
        // until the event or an enrolment in it changes (attendance writes change none of them); then one
        // transaction: the sessions' marks read for the audit log, one batch of upserts, the audit entries.
        Outcome<Register> found = Scope.permit(user, Permission.RECORD_DELIVERY).then(u -> Scope.ofEvent(user, eventId, id -> {
            stores.db.changes().sync();
            return registers.get(id, this::loadRegister);
        }, Register::event));
        if (!found.isDone()) {
            return found.refusedAs();
        }
        Event e = found.get().event();
        Map<SessionCode, Set<LocalDate>> agenda = found.get().agenda();
        Set<PersonId> enrolled = found.get().enrolled();
        Fields f = new Fields();
        List<Attendance> recorded = new ArrayList<>();
        for (var entry : bySession.entrySet()) {
            Optional<SessionCode> code = Scope.id(entry.getKey(), SessionCode::of);
            Optional<SessionCode> session = code.filter(agenda::containsKey);
            if (session.isEmpty() && !named) {
                return Scope.notFound("session");
            }
            if (session.isEmpty()) {
                // A day's grid names its sessions in the form: one it does not hold is named, with every other fault of
                // the grid, instead of a page that is not found (newcomer's review). A code that is none is not repeated.
                f.add(code.map(c -> "sessions." + c.value()).orElse("sessions"), code.isPresent() ? "is not on this event's agenda"
                        : "names a session that is none");
                continue;
            }
            if (day.isPresent() && !agenda.get(session.get()).contains(day.get())) {
                // A session on the agenda, held another day (moved while the day's grid was open): named, so the grid
                // comes back with what was typed instead of a page that is not found. Its marks are still read, so that
                // every fault of the grid is named at once; none is saved.
                f.add("sessions." + session.get().value(), "is held on " + agenda.get(session.get()).stream().sorted()
                        .map(LocalDate::toString).collect(java.util.stream.Collectors.joining(", ")) + ", not on " + day.get()
                        + "; its marks are taken on its own day");
            }
            // Attendance is what happened: a session whose days are all after today where the event takes place has none
            // yet (marks of a 2027 event were taken: the attacker's review of session 23).
            LocalDate today = stores.todayAt(e);
            if (agenda.get(session.get()).stream().allMatch(d -> d.isAfter(today))) {
                f.add(named ? "sessions." + session.get().value() : "session", heldAhead(agenda.get(session.get()), today, "its marks are taken"));
            }
            String prefix = named ? "sessions." + session.get().value() + "." : "";
            SentItems<Mark> marks = entry.getValue();
            Set<PersonId> marked = new HashSet<>();
            f.require(prefix + "marks", marks);
            for (int i = 0; marks != null && i < marks.size(); i++) {
                String at = prefix + "marks[" + i + "]";
                Mark m = marks.items().get(i);
                if (m == null) {
                    // A mark that could not be read at all (a number for the mark itself) is named with the others.
                    f.addAll(marks.faultsOf(i));
                    continue;
                }
                // A mark read in part (a misspelt field taken out) is judged on the rest, so one answer names every fault.
                Fields judged = new Fields();
                PersonId p = onRoster(judged, at, m.person(), enrolled, marked, "mark");
                if (p != null && listedOnly && !found.get().listed().contains(p)) {
                    // A page lists the participants holding a seat: no one else is marked through it.
                    // Said so for a trainer or an observer holding a seat too (the newcomer's re-check: "holds no seat" was untrue).
                    judged.add(at + ".person", "is not a participant holding a seat in this event, so "
                            + (named ? "the day's grid does" : "this page does") + " not list them");
                    p = null;
                }
                // The mark is read whatever the person's fault, so one answer names both (the newcomer's review).
                AttendanceMark mark = judged.at(at + ".mark", () -> Labels.parse(AttendanceMark.class, m.mark()));
                f.addAll(marks.faultsWith(i, at, judged.errors()));
                if (p != null && mark != null) {
                    recorded.add(new Attendance(p, session.get(), mark));
                }
            }
        }
        if (!f.ok()) {
            return invalid(f);
        }
        stores.enrolments.recordAttendance(e.id(), recorded, user.username());
        return Outcome.done(recorded.size());
    }

    /** One person's mark as recorded: the person (as stored) and the mark. */
    public record Marked(PersonId id, Optional<Person> person, AttendanceMark mark) {}

    /**
     * Records one person's mark for one session (one tap on the attendance page), as {@link #attendance} records
     * a list of one, and answers with the person marked. The page lists the participants holding a seat, and marks no one
     * else (someone else enrolled is refused as not a participant holding a seat, as on the day's grid).
     */
    public Outcome<Marked> markOne(UserAccount user, String eventId, String sessionCode, String person, String mark) {
        SentItems<Mark> one = SentItems.all("marks", List.of(new Mark(person, mark)));
        return attendance(user, eventId, java.util.Collections.singletonMap(sessionCode, one), Optional.empty(), true).map(n -> {
            PersonId id = PersonId.of(person);
            return new Marked(id, stores.people.get(id).map(Versioned::value), Labels.parse(AttendanceMark.class, mark));
        });
    }

    /**
     * One session's attendance sheet: its slot on the agenda and the package's title for it, the roster (as
     * {@link Enrolling#roster} reads it) and the marks recorded for the session.
     *
     * @param title the package's title of the session, if the package version is stored
     * @param marks the marks recorded for this session, by person
     */
    public record Sheet(Enrolling.Roster roster, org.cadre.roster.AgendaSlot slot, Optional<String> title,
            java.util.Map<PersonId, AttendanceMark> marks) {}

    /** The sheet of one session on the event's agenda (a session not on it is not found). */
    public Outcome<Sheet> sheet(UserAccount user, String eventId, String sessionCode) {
        return enrolling.roster(user, eventId).then(roster -> scope.event(user, eventId).then(full -> {
            // The roster's event is a summary without its agenda: the slot comes from the event itself.
            Event e = full.value();
            Optional<org.cadre.roster.AgendaSlot> slot = e.agenda().stream().filter(s -> s.session().value().equals(sessionCode)).findFirst();
            if (slot.isEmpty()) {
                return Scope.notFound("session");
            }
            Optional<String> title = scope.curriculumOf(e).value().flatMap(c -> c.session(slot.get().session())).map(x -> x.title());
            java.util.Map<PersonId, AttendanceMark> marks = new java.util.HashMap<>();
            stores.enrolments.attendance(e.id(), slot.get().session()).forEach(a -> marks.put(a.person(), a.mark()));
            return Outcome.done(new Sheet(roster, slot.get(), title, marks));
        }));
    }

    /**
     * The event's records as delivery pages show them: the roster with its people, the agenda, attendance,
     * tests, rubric, practice and feedback, and the package version it delivers.
     */
    public Outcome<org.cadre.roster.EventRoster> records(UserAccount user, String eventId) {
        return events.roster(user, eventId, Permission.READ_RECORDS);
    }

    /** An event in the caller's scope whose delivery records they may read. */
    private Outcome<Event> readable(UserAccount user, String eventId) {
        return Scope.permit(user, Permission.READ_RECORDS).then(u -> scope.event(user, eventId)).map(Versioned::value);
    }

    /**
     * The event's pre- and post-test scores as recorded, by person, pre before post, each score's points in the
     * blueprint's order; of one phase when a label is given ({@code pre} or {@code post}).
     */
    public Outcome<List<TestScore>> testScores(UserAccount user, String eventId, Optional<String> phaseLabel) {
        return readable(user, eventId).then(e -> {
            Fields f = new Fields();
            Optional<TestScore.Phase> phase = phaseLabel.map(label -> f.at("phase", () -> Labels.parse(TestScore.Phase.class, label)));
            if (!f.ok()) {
                return Outcome.refused(Refusal.INVALID, "The request has an invalid parameter.", f.errors());
            }
            // Each score's points in the blueprint's order (Q2 before Q10), where the package version is stored.
            List<ItemCode> order = scope.curriculumOf(e).value().map(c -> c.assessment().items().stream()
                    .map(org.cadre.curriculum.AssessmentItem::code).toList()).orElse(List.of());
            return Outcome.done(stores.assessments.tests(e.id()).stream()
                    .filter(t -> phase.isEmpty() || t.phase() == phase.get())
                    .sorted(java.util.Comparator.comparing((TestScore t) -> t.person().value()).thenComparing(TestScore::phase))
                    .map(t -> TestScore.of(t.person(), t.phase(), inOrder(t.points(), order)))
                    .toList());
        });
    }

    /** The map's entries in the order of {@code order}'s keys, those it lacks after them in the map's own order. */
    private static <K, V> Map<K, V> inOrder(Map<K, V> map, List<K> order) {
        Map<K, V> out = new LinkedHashMap<>();
        order.stream().filter(map::containsKey).forEach(k -> out.put(k, map.get(k)));
        map.forEach(out::putIfAbsent);
        return out;
    }

    /** The event's practice-teaching rubric; not found when none is set. */
    public Outcome<Rubric> rubricOf(UserAccount user, String eventId) {
        return readable(user, eventId).then(e -> stores.assessments.rubric(e.id()).map(Outcome::done)
                .orElseGet(() -> Outcome.refused(Refusal.NOT_FOUND, "No rubric is set for this event.")));
    }

    /** The event's practice-teaching results as recorded, by person, then task, each result's scores in the rubric's order. */
    public Outcome<List<PracticeTeaching>> practiceResults(UserAccount user, String eventId) {
        return readable(user, eventId).map(e -> {
            // Each result's scores in the rubric's order of criteria.
            List<String> order = stores.assessments.rubric(e.id()).map(r -> r.criteria().stream().map(Rubric.Criterion::name).toList())
                    .orElse(List.of());
            return stores.assessments.practice(e.id()).stream().map(p -> new PracticeTeaching(p.person(), p.task(),
                    com.google.common.collect.ImmutableMap.copyOf(inOrder(p.scores(), order)), p.assessor())).toList();
        });
    }

    /**
     * The event's feedback as recorded, in the order it was added.
     *
     * @param items the items; their authors left out unless {@code authorsShown}
     * @param authorsShown whether the items name their authors: only for those who may write the event's roster
     *        ({@link Permission#WRITE_RECORDS}: coordinators and administrators); a trainer, who records delivery but not the
     *        roster, and an M&amp;E officer read no participant's id beside a rating
     */
    public record FeedbackRead(List<Feedback> items, boolean authorsShown) {}

    /** The event's feedback as recorded; see {@link FeedbackRead} for who reads its authors. */
    public Outcome<FeedbackRead> feedbackItems(UserAccount user, String eventId) {
        return readable(user, eventId).map(e -> {
            boolean authors = org.cadre.server.security.Access.may(user, Permission.WRITE_RECORDS);
            List<Feedback> items = stores.feedback.ofEvent(e.id());
            List<Feedback> shown = authors ? items : items.stream()
                    .map(i -> new Feedback(Optional.empty(), i.session(), i.trainer(), i.rating(), i.comment(), i.concerns())).toList();
            return new FeedbackRead(shown, authors);
        });
    }

    /**
     * Records pre- or post-test scores: each names an enrolled person once and scores test questions of the
     * package's blueprint within their points ({@link ScoreLimits}).
     *
     * @return how many scores were recorded
     */
    public Outcome<Integer> tests(UserAccount user, String eventId, String phaseLabel, SentItems<Score> scores) {
        Outcome<Event> found = event(user, eventId);
        if (!found.isDone()) {
            return found.refusedAs();
        }
        Event e = found.get();
        Outcome<Curriculum> curriculum = scope.curriculumOf(e);
        if (!curriculum.isDone()) {
            return curriculum.refusedAs();
        }
        Curriculum c = curriculum.get();
        Set<PersonId> enrolled = scope.enrolledIn(e.id());
        Set<PersonId> tested = new HashSet<>();
        Fields f = new Fields();
        TestScore.Phase phase = f.at("phase", () -> Labels.parse(TestScore.Phase.class, phaseLabel));
        f.require("scores", scores);
        List<TestScore> recorded = new ArrayList<>();
        for (int i = 0; scores != null && i < scores.size(); i++) {
            String at = "scores[" + i + "]";
            Score s = scores.items().get(i);
            if (s == null) {
                f.addAll(scores.faultsOf(i));
                continue;
            }
            // A score read in part (a misspelt field taken out) is judged on the rest, so one answer names every fault.
            Fields judged = new Fields();
            TestScore score = judgedScore(judged, at, s, enrolled, tested, phase, c);
            f.addAll(scores.faultsWith(i, at, judged.errors()));
            if (score != null && judged.ok()) {
                recorded.add(score);
            }
        }
        if (!f.ok()) {
            return invalid(f);
        }
        stores.assessments.recordTests(e.id(), recorded, user.username());
        return Outcome.done(recorded.size());
    }

    /**
     * A test score as sent, judged: its person enrolled and not named before, its points whole numbers from 0 on test
     * questions of the blueprint within their maximum, each fault recorded in {@code f}; null when it has one. The points
     * are judged whatever the person's fault, so one answer names both.
     */
    private static TestScore judgedScore(Fields f, String at, Score s, Set<PersonId> enrolled, Set<PersonId> tested,
            TestScore.Phase phase, Curriculum c) {
        PersonId p = onRoster(f, at, s.person(), enrolled, tested, "score");
        Map<String, Integer> sent = s.points();
        if (sent == null || sent.isEmpty()) {
            // A score replaces the person's earlier one of the phase: none would erase it (the newcomer's review).
            f.add(at + ".points", sent == null ? "is required" : "must name at least one test question");
            return null;
        }
        // Each point is judged on its own, and a fault in one hides none of the others (the newcomer's review): a code that is
        // none or a negative point is named at its question, the rest are held to the blueprint.
        Map<ItemCode, Integer> points = new LinkedHashMap<>();
        boolean faulty = false;
        for (Map.Entry<String, Integer> point : sent.entrySet()) {
            String path = at + ".points." + org.cadre.documents.Documents.fieldName(point.getKey());
            Optional<ItemCode> code = Scope.id(point.getKey(), ItemCode::of);
            if (code.isEmpty()) {
                f.add(path, "is not a test question's code");
                faulty = true;
            } else if (point.getValue() == null || point.getValue() < 0) {
                f.add(path, "must be a whole number from 0");
                faulty = true;
            } else {
                points.put(code.get(), point.getValue());
            }
        }
        // The limits are judged against any person's id, for they do not depend on who: one answer names every fault.
        PersonId who = p != null ? p : Scope.id(s.person(), PersonId::of).orElse(null);
        if (points.isEmpty() || who == null) {
            return null;
        }
        TestScore score = f.at(at, () -> TestScore.of(who, phase == null ? TestScore.Phase.PRE : phase, points));
        if (score == null) {
            return null;
        }
        List<Finding> beyond = ScoreLimits.of(score, c);
        beyond.forEach(problem -> f.add(at, problem.message()));
        return beyond.isEmpty() && p != null && !faulty ? score : null;
    }

    /** Sets the event's practice-teaching rubric. */
    public Outcome<Rubric> rubric(UserAccount user, String eventId, Rubric rubric) {
        return rubric(user, eventId, new SentRubric(Optional.of(rubric), Optional.of(rubric.task()), List.of()));
    }

    /**
     * A rubric as sent: the rubric if it could be read, the task's code if it is one, and the faults of the rest, so
     * that whether the task is one of the package's is said with them.
     */
    public record SentRubric(Optional<Rubric> rubric, Optional<ItemCode> task, List<String> faults) {
        public SentRubric {
            faults = List.copyOf(faults);
            if (rubric.isEmpty() && faults.isEmpty()) {
                throw new IllegalArgumentException("SentRubric: a rubric not read without its faults");
            }
        }
    }

    /** Sets the event's practice-teaching rubric as sent, naming every fault at once (the task's with the others'). */
    public Outcome<Rubric> rubric(UserAccount user, String eventId, SentRubric sent) {
        return event(user, eventId).then(e -> scope.curriculumOf(e).then(c -> {
            List<String> errors = new ArrayList<>(sent.faults());
            // The rubric scores a practical task of the package: another code would score what nobody sets (the newcomer's review).
            if (sent.task().isPresent() && c.assessment().itemsOf(org.cadre.curriculum.ItemKind.PRACTICAL_TASK).stream()
                    .noneMatch(i -> i.code().equals(sent.task().get()))) {
                errors.add(0, "task: is not a practical task of the package's assessment blueprint");
            }
            if (!errors.isEmpty() || sent.rubric().isEmpty()) {
                return Outcome.refused(Refusal.INVALID, "The rubric was not set.", errors);
            }
            stores.assessments.setRubric(e.id(), sent.rubric().get(), user.username());
            return Outcome.done(sent.rubric().get());
        }));
    }

    /**
     * Records practice-teaching scores: each names an enrolled person (and, if any, an enrolled assessor) and
     * scores criteria of the event's rubric within their points.
     *
     * @return how many results were recorded
     */
    public Outcome<Integer> practice(UserAccount user, String eventId, SentItems<PracticeTeaching> sent) {
        Outcome<Event> found = event(user, eventId);
        if (!found.isDone()) {
            return found.refusedAs();
        }
        Event e = found.get();
        Set<PersonId> enrolled = scope.enrolledIn(e.id());
        Optional<Rubric> rubric = stores.assessments.rubric(e.id());
        List<String> errors = new ArrayList<>();
        if (sent == null) {
            return Outcome.refused(Refusal.INVALID, "Practice teaching was not recorded.", List.of("results: is required"));
        }
        List<PracticeTeaching> results = new ArrayList<>();
        Set<List<Object>> seen = new HashSet<>();
        for (int i = 0; i < sent.size(); i++) {
            PracticeTeaching result = sent.items().get(i);
            if (result == null) {
                // A result that could not be read is named with what the rules say of the others.
                errors.addAll(sent.faultsOf(i));
                continue;
            }
            // A result read in part (a misspelt field taken out) is judged on the rest, so one answer names every fault.
            String at = "results[" + i + "]";
            List<String> judged = new ArrayList<>();
            results.add(result);
            if (!enrolled.contains(result.person())) {
                judged.add(at + ".person: is not enrolled in this event");
            } else if (!seen.add(List.of(result.person(), result.task()))) {
                // The later would silently replace the earlier (the newcomer's review).
                judged.add(at + ".person: appears twice for this task; send one result per person");
            }
            // A task the rubric does not score is the task's fault, named under it (it read "results[1].scores: ...").
            ScoreLimits.ofTask(result, rubric).ifPresent(problem -> judged.add(at + ".task: " + problem.message()));
            // The assessor is named like every other id: one not enrolled here reads the same, whether or not it exists.
            if (result.assessor().filter(a -> !enrolled.contains(a)).isPresent()) {
                judged.add(at + ".assessor: is not enrolled in this event");
            }
            if (result.scores().isEmpty()) {
                // A result replaces the person's earlier one of the task: none would erase it.
                judged.add(at + ".scores: must name at least one criterion of the rubric");
            }
            for (Finding problem : ScoreLimits.ofScores(result, rubric)) {
                judged.add(at + ".scores: " + problem.message());
            }
            errors.addAll(sent.faultsWith(i, at, judged));
        }
        if (!errors.isEmpty()) {
            return Outcome.refused(Refusal.INVALID, "Practice teaching was not recorded.", errors);
        }
        stores.assessments.recordPractice(e.id(), results, user.username());
        return Outcome.done(results.size());
    }

    /**
     * Records feedback: each item rates a session of the package the event delivers, and names, if anyone, an
     * enrolled author and an enrolled trainer.
     *
     * @return how many items were recorded
     */
    public Outcome<Integer> feedback(UserAccount user, String eventId, SentItems<Feedback> sent) {
        return feedback(user, eventId, sent, Optional.empty(), n -> null).map(Added::recorded);
    }

    /**
     * Feedback added, or the first answer to a request sent again with its Idempotency-Key.
     *
     * @param recorded how many items were recorded (0 for a replay)
     * @param replay the answer given to the first request with the key, when this one repeats it
     */
    public record Added(int recorded, Optional<Enrolling.Answer> replay) {}

    /**
     * Records feedback as {@link #feedback(UserAccount, String, SentItems)} does; with an Idempotency-Key, keeps the
     * answer with the items, so the same items sent again under the key (a retry after a lost answer) get the first
     * answer again and add nothing, and other items under it are refused. An item with an author replaces that author's
     * earlier item on the same session, trainer (or none) and element; anonymous items are added, so without a key a
     * request of anonymous items sent twice adds them twice.
     *
     * @param key the request's Idempotency-Key, if any
     * @param answer the answer to keep for the number of items recorded (used only with a key)
     */
    public Outcome<Added> feedback(UserAccount user, String eventId, SentItems<Feedback> sent, Optional<String> key,
            java.util.function.Function<Integer, Enrolling.Answer> answer) {
        Outcome<Event> found = event(user, eventId);
        if (!found.isDone()) {
            return found.refusedAs();
        }
        Event e = found.get();
        Optional<Finding> badKey = key.flatMap(org.cadre.roster.ImportRequest::keyRefusal);
        if (badKey.isPresent()) {
            return Outcome.refused(Refusal.INVALID, "The Idempotency-Key is not valid.", List.of("Idempotency-Key: " + badKey.get().message()));
        }
        // A retry of a request already recorded is answered before its items are judged again: what it names may have
        // changed since (an author withdrawn), and the first answer stands. Items that could not all be read are no
        // request that was recorded.
        String hash = sent == null || !sent.unread().isEmpty() ? null : feedbackHash(e.id(), sent.items());
        if (hash != null) {
            Optional<Outcome<Added>> earlier = earlierFeedback(user, key, hash);
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        Outcome<Curriculum> curriculum = scope.curriculumOf(e);
        if (!curriculum.isDone()) {
            return curriculum.refusedAs();
        }
        Map<PersonId, org.cadre.roster.Role> roles = new java.util.HashMap<>();
        stores.enrolments.ofEvent(e.id()).forEach(v -> roles.put(v.value().person(), v.value().role()));
        Set<PersonId> enrolled = roles.keySet();
        if (sent == null) {
            return Outcome.refused(Refusal.INVALID, "Feedback was not recorded.", List.of("items: is required"));
        }
        List<Feedback> items = new ArrayList<>();
        for (int i = 0; i < sent.size(); i++) {
            if (sent.items().get(i) != null) {
                items.add(sent.items().get(i)); // read whole or in part: judged either way
            }
        }
        // The package's rules over the items read, once: each finding names its item by its place among them.
        Map<String, Finding> unknownSession = new java.util.HashMap<>();
        Feedback.unknownSessions(items, curriculum.get()).forEach(f -> unknownSession.put(f.subject(), f));
        Map<String, Finding> unknownElement = new java.util.HashMap<>();
        Feedback.unknownConcerns(items, curriculum.get()).forEach(f -> unknownElement.put(f.subject(), f));
        // A trainer of another session was taken (the newcomer's review of session 13).
        Map<String, Finding> offAgenda = new java.util.HashMap<>();
        Feedback.trainersNotDelivering(items, e).forEach(f -> offAgenda.put(f.subject(), f));
        List<String> errors = new ArrayList<>();
        Set<List<Object>> rated = new HashSet<>();
        boolean writesRecords = org.cadre.server.security.Access.may(user, Permission.WRITE_RECORDS);
        Set<PersonId> erased = new HashSet<>();
        stores.people.byIds(items.stream().flatMap(f -> f.author().stream()).filter(enrolled::contains).distinct().toList())
                .forEach((id, v) -> {
                    if (org.cadre.server.store.People.isErased(v.value())) {
                        erased.add(id);
                    }
                });
        // Feedback is on what happened: a session all of whose days on the agenda are after today has none yet (the attacker's
        // review of session 23 recorded feedback on an event a year ahead). A session off the agenda is the event check's.
        LocalDate today = stores.todayAt(e);
        Map<org.cadre.curriculum.SessionCode, java.util.TreeSet<LocalDate>> days = new java.util.HashMap<>();
        e.agenda().forEach(slot -> days.computeIfAbsent(slot.session(), c -> new java.util.TreeSet<>()).add(slot.day()));
        for (int i = 0, read = 0; i < sent.size(); i++) {
            if (sent.items().get(i) == null) {
                // An item that could not be read is named with what the rules say of the others.
                errors.addAll(sent.faultsOf(i));
                continue;
            }
            Feedback fb = items.get(read);
            String subject = "feedback/" + read++;
            List<String> judged = new ArrayList<>();
            if (fb.author().isPresent() && enrolled.contains(fb.author().get())
                    && !rated.add(List.of(fb.author().get(), fb.session(), fb.trainer().map(PersonId::value).orElse(""), fb.concerns()))) {
                // The trainer is part of the thing rated: an item naming a trainer rates that trainer, not the session, so
                // one author may rate a session and its trainer in one list (the newcomer's review of session 23).
                judged.add("items[" + i + "].author: rates the same thing twice in this list (the session, trainer and element of "
                        + "an item before it); send one item per author and thing rated");
            }
            if (unknownSession.containsKey(subject)) {
                judged.add("items[" + i + "].session: " + unknownSession.get(subject).message());
            } else if (days.containsKey(fb.session()) && days.get(fb.session()).first().isAfter(today)) {
                judged.add("items[" + i + "].session: " + heldAhead(days.get(fb.session()), today, "its feedback is given"));
            } else if (unknownElement.containsKey(subject)) {
                // An element the package lacks (module m1 beside M1) would let one author rate a session twice (the attacker's re-check).
                judged.add("items[" + i + "].concerns.code: " + unknownElement.get(subject).message());
            } else if (fb.concerns().element() == org.cadre.curriculum.CurriculumDiff.Element.SESSION
                    && !fb.concerns().code().equals(fb.session().value())) {
                // Counted in its session's n, an item concerning another session rated that one too, held or not (the
                // attacker's second review of session 23).
                judged.add("items[" + i + "].concerns.code: names session " + fb.concerns().code() + ", but the item is on session "
                        + fb.session().value() + "; an item concerns its own session or an element other than a session");
            }
            if (fb.author().isPresent() && !enrolled.contains(fb.author().get())) {
                judged.add("items[" + i + "].author: is not enrolled in this event");
            } else if (fb.author().isPresent() && !writesRecords) {
                // A trainer reads feedback without its authors, so could not see an author's earlier item, nor replace it:
                // naming one counted the author twice (the attacker's second review of session 23).
                judged.add("items[" + i + "].author: only a coordinator or administrator records feedback with its author; leave "
                        + "author out");
            } else if (fb.author().isPresent() && erased.contains(fb.author().get())) {
                judged.add("items[" + i + "].author: was erased; feedback is no longer recorded in their name");
            } else if (fb.author().isPresent() && fb.author().equals(fb.trainer())) {
                judged.add("items[" + i + "].trainer: is the author; a trainer does not rate themselves");
            }
            if (fb.trainer().isPresent() && !enrolled.contains(fb.trainer().get())) {
                judged.add("items[" + i + "].trainer: is not enrolled in this event");
            } else if (fb.trainer().isPresent() && !roles.get(fb.trainer().get()).delivers()) {
                // Feedback on a trainer names someone who delivers the event (the attacker's re-check: a participant was taken).
                judged.add("items[" + i + "].trainer: is enrolled as " + org.cadre.kernel.Label.of(roles.get(fb.trainer().get()))
                        + ", not as a trainer of this event");
            } else if (offAgenda.containsKey(subject)) {
                judged.add("items[" + i + "].trainer: " + offAgenda.get(subject).message());
            }
            errors.addAll(sent.faultsWith(i, "items[" + i + "]", judged));
        }
        if (!errors.isEmpty()) {
            return Outcome.refused(Refusal.INVALID, "Feedback was not recorded.", errors);
        }
        Optional<Map.Entry<String, org.cadre.server.store.RosterImports.Answer>> kept = key.map(k -> {
            Enrolling.Answer a = answer.apply(items.size());
            return Map.entry(k, new org.cadre.server.store.RosterImports.Answer(hash, a.status(), a.body()));
        });
        try {
            // Only who reads authors names them (above), and replaces any earlier item of the author.
            stores.feedback.addAll(e.id(), items, user.username(), kept);
        } catch (RuntimeException failure) {
            if (key.isPresent() && Failure.of(failure) == Failure.DUPLICATE) {
                // A retry stored beside the first request: the first committed, and its answer is this one's.
                return earlierFeedback(user, key, hash).orElseThrow(() -> failure);
            }
            throw failure;
        }
        return Outcome.done(new Added(items.size(), Optional.empty()));
    }

    /** The answer kept for the user's key: that answer for the same request, a refusal for another; empty without either. */
    private Optional<Outcome<Added>> earlierFeedback(UserAccount user, Optional<String> key, String hash) {
        return key.flatMap(k -> stores.imports.answered(user.username(), k)).map(earlier -> earlier.requestHash().equals(hash)
                ? Outcome.done(new Added(0, Optional.of(new Enrolling.Answer(earlier.status(), earlier.body()))))
                : Outcome.refused(Refusal.UNPROCESSABLE, "That Idempotency-Key was used for another request; use a new key for new items.",
                        List.of("Idempotency-Key: was used with another request (other items, another event or a roster file); "
                                + "use a new key for a new request")));
    }

    /** The hash (SHA-256, hex) of a feedback request: "feedback", the event and every item's fields, in order. */
    private static String feedbackHash(EventId event, List<Feedback> items) {
        com.google.common.hash.Hasher h = com.google.common.hash.Hashing.sha256().newHasher();
        java.util.function.Consumer<Optional<String>> put = text -> {
            // Each text with its length, and an absent one apart from an empty one, so no two requests run together alike.
            h.putInt(text.map(String::length).orElse(-1));
            text.ifPresent(t -> h.putString(t, java.nio.charset.StandardCharsets.UTF_8));
        };
        put.accept(Optional.of("feedback"));
        put.accept(Optional.of(event.value()));
        h.putInt(items.size());
        for (Feedback f : items) {
            put.accept(f.author().map(PersonId::value));
            put.accept(Optional.of(f.session().value()));
            put.accept(f.trainer().map(PersonId::value));
            h.putInt(f.rating());
            put.accept(f.comment());
            put.accept(Optional.of(f.concerns().element().name()));
            put.accept(Optional.of(f.concerns().code()));
        }
        return h.hash().toString();
    }
}
