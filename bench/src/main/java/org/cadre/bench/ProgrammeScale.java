package org.cadre.bench;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.cadre.curriculum.AssessmentItem;
import org.cadre.curriculum.Curriculum;
import org.cadre.curriculum.ItemCode;
import org.cadre.curriculum.ItemKind;
import org.cadre.curriculum.demo.DemoCurricula;
import org.cadre.roster.AgendaSlot;
import org.cadre.roster.Attendance;
import org.cadre.roster.AttendanceMark;
import org.cadre.roster.Country;
import org.cadre.roster.DateRange;
import org.cadre.roster.Enrolment;
import org.cadre.roster.EnrolmentStatus;
import org.cadre.roster.Event;
import org.cadre.roster.EventId;
import org.cadre.roster.EventRoster;
import org.cadre.roster.Person;
import org.cadre.roster.Sex;
import org.cadre.roster.TestScore;
import org.cadre.roster.demo.DemoRoster;

/**
 * A programme at scale, in memory: {@code events} events of 18 participants on the demo package (14
 * sessions), drawn from {@code events x 10} people (so people attend about 1.6 events each), one event in
 * 20 a ToT with paired tests and the rest cascades of an earlier ToT; every participant marked for every
 * session: 252 marks per event, 5,040,000 for 20,000 events.
 */
final class ProgrammeScale {

    static final int PARTICIPANTS = 18;

    private ProgrammeScale() {}

    static List<EventRoster> build(int events, long seed) {
        Random rnd = new Random(seed);
        Curriculum curriculum = DemoCurricula.almatyTot();
        EventRoster template = DemoRoster.almatyTot();
        Country[] countries = {Country.KAZAKHSTAN, Country.TAJIKISTAN, Country.UZBEKISTAN, Country.of("KG")};
        Sex[] sexes = Sex.values();
        int peopleCount = events * 10;
        List<Person> people = new ArrayList<>(peopleCount);
        for (int i = 0; i < peopleCount; i++) {
            people.add(Person.builder("p" + i, countries[rnd.nextInt(countries.length)]).latinName("Officer " + i)
                    .sex(sexes[rnd.nextInt(2)]).organisation(DemoRoster.KZ_BORDER_GUARD).build());
        }
        List<AssessmentItem> questions = curriculum.assessment().itemsOf(ItemKind.TEST_QUESTION);
        List<EventRoster> rosters = new ArrayList<>(events);
        EventId lastTot = null;
        LocalDate start = LocalDate.of(2023, 1, 2);
        for (int e = 0; e < events; e++) {
            boolean tot = e % 20 == 0;
            EventId id = EventId.of("e" + e);
            LocalDate first = start.plusDays(e % 700);
            Event.Builder b = Event.builder(id, "Event " + e, DemoRoster.PROGRAMME, curriculum.id(), curriculum.version(),
                            tot ? Event.Kind.TOT : Event.Kind.CASCADE)
                    .venue("Almaty", Country.KAZAKHSTAN, template.event().zone())
                    .courseDays(DateRange.of(first, first.plusDays(4)))
                    .travelWindow(DateRange.of(first.minusDays(1), first.plusDays(5)))
                    .participants(1, PARTICIPANTS).agenda(shift(template.event().agenda(), first));
            if (!tot) {
                b.trainersFrom(lastTot);
            } else {
                lastTot = id;
            }
            EventRoster.Builder roster = EventRoster.builder(b.build(), template.programme(), curriculum)
                    .organisations(template.organisations().values()).rubric(template.rubric().orElseThrow());
            List<Attendance> marks = new ArrayList<>(PARTICIPANTS * 14);
            List<TestScore> tests = new ArrayList<>();
            // Distinct people per event (one enrolment per person and event, as the store holds them).
            int firstDrawn = rnd.nextInt(peopleCount);
            for (int p = 0; p < PARTICIPANTS; p++) {
                Person person = people.get((firstDrawn + p) % peopleCount);
                roster.person(person);
                roster.enrolment(Enrolment.nominate(person.id(), id, org.cadre.roster.Role.PARTICIPANT, DemoRoster.KZ_BORDER_GUARD,
                                first.minusDays(30))
                        .moveTo(EnrolmentStatus.APPROVED, first.minusDays(20))
                        .then(x -> x.moveTo(EnrolmentStatus.CONFIRMED, first.minusDays(10)))
                        .then(x -> x.moveTo(EnrolmentStatus.ATTENDED, first))
                        .then(x -> x.moveTo(EnrolmentStatus.COMPLETED, first.plusDays(4))).value());
                for (AgendaSlot slot : template.event().agenda()) {
                    marks.add(new Attendance(person.id(), slot.session(), rnd.nextInt(25) == 0 ? AttendanceMark.ABSENT : AttendanceMark.PRESENT));
                }
                if (tot) {
                    ImmutableMap.Builder<ItemCode, Integer> pre = ImmutableMap.builder();
                    ImmutableMap.Builder<ItemCode, Integer> post = ImmutableMap.builder();
                    for (AssessmentItem q : questions) {
                        pre.put(q.code(), rnd.nextInt(q.maxPoints() + 1));
                        post.put(q.code(), q.maxPoints() - rnd.nextInt(2));
                    }
                    tests.add(new TestScore(person.id(), TestScore.Phase.PRE, pre.buildOrThrow()));
                    tests.add(new TestScore(person.id(), TestScore.Phase.POST, post.buildOrThrow()));
                }
            }
            rosters.add(roster.attendance(marks).tests(tests).build());
        }
        return rosters;
    }

    private static ImmutableList<AgendaSlot> shift(List<AgendaSlot> agenda, LocalDate first) {
        LocalDate was = agenda.get(0).day();
        return agenda.stream().map(s -> new AgendaSlot(s.session(), first.plusDays(s.day().toEpochDay() - was.toEpochDay()),
                s.start(), s.end(), s.trainers())).collect(ImmutableList.toImmutableList());
    }
}
