package org.cadre.bench;

import com.google.common.collect.ImmutableList;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.cadre.curriculum.Curriculum;
import org.cadre.curriculum.demo.DemoCurricula;
import org.cadre.reporting.ProgrammeReport;
import org.cadre.reporting.ProgrammeReports;
import org.cadre.reporting.ResultsFramework;
import org.cadre.reporting.disclosure.Audience;
import org.cadre.reporting.disclosure.Disclosure;
import org.cadre.reporting.disclosure.UnprotectableReportException;
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
import org.cadre.roster.Organisation;
import org.cadre.roster.OrganisationId;
import org.cadre.roster.Person;
import org.cadre.roster.Role;
import org.cadre.roster.Sex;
import org.cadre.roster.demo.DemoRoster;
import org.cadre.roster.pool.TrainerPool;

/**
 * The disclosure audit's bound ({@code ProgrammeReports.LARGEST_PROGRAM}) on shapes of the attacker's review of session
 * 16: programmes of up to ten events whose participants come from many organisations, every sex, one country, so that
 * the events' tables hold many small groups. Each shape's donor and public programme report is computed once (the audit
 * is the time), and the line says whether it was published or refused. Run it with the heap a server is given
 * ({@code -Xmx256m}): before the bound, the largest shape ran it out. Left out, as they take a minute or more: six events
 * of 40 people from 20 agencies (20 to 35 s a report in session 17, 85 s on session 16's machine) and three of 300 from
 * 80; run them by their numbers.
 *
 * <p>Run: {@code java -Xmx256m -cp bench/target/benchmarks.jar org.cadre.bench.AuditBound}, or with three numbers (events,
 * people, organisations) for one shape: {@code ... AuditBound 6 40 20}.
 */
public final class AuditBound {

    private AuditBound() {}

    /** Events, participants per event, organisations they come from. */
    private static final int[][] SHAPES = {{1, 18, 3}, {3, 30, 15}, {10, 20, 10}, {1, 300, 80}, {10, 300, 80}};

    /** With no arguments, every shape of {@link #SHAPES}; with three (events, people, organisations), that one shape. */
    public static void main(String[] args) {
        int[][] shapes = args.length == 3
                ? new int[][] {{Integer.parseInt(args[0]), Integer.parseInt(args[1]), Integer.parseInt(args[2])}}
                : SHAPES;
        for (int[] shape : shapes) {
            List<EventRoster> rosters = programme(shape[0], shape[1], shape[2], 42);
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%2d events x %3d people from %2d organisations:",
                    shape[0], shape[1], shape[2]));
            for (Audience audience : List.of(Audience.DONOR, Audience.PUBLIC)) {
                long start = System.nanoTime();
                String how;
                try {
                    ProgrammeReport r = ProgrammeReports.of(DemoRoster.programme(), rosters, TrainerPool.empty(), ResultsFramework.EMPTY,
                            LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31), Disclosure.forAudience(audience));
                    how = "published (" + r.notes().size() + " notes)";
                } catch (UnprotectableReportException refused) {
                    how = "refused";
                } catch (OutOfMemoryError heap) {
                    how = "OUT OF MEMORY";
                }
                line.append(String.format(Locale.ROOT, " %s %.1f s, %s;", audience.label(), (System.nanoTime() - start) / 1e9, how));
            }
            System.out.println(line);
        }
    }

    /** {@code events} events in 2025, each of {@code people} Kazakh participants from {@code organisations} agencies. */
    static List<EventRoster> programme(int events, int people, int organisations, long seed) {
        Random rnd = new Random(seed);
        Curriculum curriculum = DemoCurricula.almatyTot();
        EventRoster template = DemoRoster.almatyTot();
        List<Organisation> agencies = new ArrayList<>();
        for (int o = 0; o < organisations; o++) {
            agencies.add(new Organisation(OrganisationId.of("agency-" + o), "Agency " + o, Country.KAZAKHSTAN,
                    Organisation.Kind.BORDER_GUARD, true));
        }
        Sex[] sexes = Sex.values();
        List<EventRoster> rosters = new ArrayList<>();
        for (int e = 0; e < events; e++) {
            LocalDate first = LocalDate.of(2025, 1 + e, 6);
            EventId id = EventId.of("course-" + e);
            LocalDate was = template.event().agenda().get(0).day();
            ImmutableList<AgendaSlot> agenda = template.event().agenda().stream().map(s -> new AgendaSlot(s.session(),
                    first.plusDays(s.day().toEpochDay() - was.toEpochDay()), s.start(), s.end(), s.trainers()))
                    .collect(ImmutableList.toImmutableList());
            Event event = Event.builder(id, "Course " + e, DemoRoster.PROGRAMME, curriculum.id(), curriculum.version(), Event.Kind.COURSE)
                    .venue("Almaty", Country.KAZAKHSTAN, template.event().zone()).courseDays(DateRange.of(first, first.plusDays(4)))
                    .travelWindow(DateRange.of(first.minusDays(1), first.plusDays(5))).participants(1, people).agenda(agenda).build();
            EventRoster.Builder roster = EventRoster.builder(event, template.programme(), curriculum).organisations(agencies);
            List<Attendance> marks = new ArrayList<>();
            for (int p = 0; p < people; p++) {
                Organisation from = agencies.get(rnd.nextInt(organisations));
                Person person = Person.builder("c" + e + "-p" + p, Country.KAZAKHSTAN).latinName("Officer " + e + " " + p)
                        .sex(sexes[rnd.nextInt(sexes.length)]).organisation(from.id()).build();
                roster.person(person);
                roster.enrolment(Enrolment.nominate(person.id(), id, Role.PARTICIPANT, from.id(), first.minusDays(30))
                        .moveTo(EnrolmentStatus.APPROVED, first.minusDays(20))
                        .then(x -> x.moveTo(EnrolmentStatus.CONFIRMED, first.minusDays(10)))
                        .then(x -> x.moveTo(EnrolmentStatus.ATTENDED, first))
                        .then(x -> x.moveTo(EnrolmentStatus.COMPLETED, first.plusDays(4))).value());
                for (AgendaSlot slot : agenda) {
                    marks.add(new Attendance(person.id(), slot.session(), AttendanceMark.PRESENT));
                }
            }
            rosters.add(roster.attendance(marks).build());
        }
        return rosters;
    }
}
