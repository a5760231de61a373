package org.cadre.examples.embedding;

import static org.cadre.curriculum.DeliveryMethod.LECTURE;
import static org.cadre.curriculum.DeliveryMethod.PRACTICAL_EXERCISE;
import static org.cadre.curriculum.OutcomeDomain.KNOWLEDGE;
import static org.cadre.curriculum.OutcomeDomain.SKILLS;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.cadre.curriculum.AssessmentBlueprint;
import org.cadre.curriculum.AssessmentItem;
import org.cadre.curriculum.CertificationCriteria;
import org.cadre.curriculum.Competence;
import org.cadre.curriculum.CourseFrame;
import org.cadre.curriculum.Curriculum;
import org.cadre.curriculum.CurriculumCheck;
import org.cadre.curriculum.ItemCode;
import org.cadre.curriculum.LearningOutcome;
import org.cadre.curriculum.Module;
import org.cadre.curriculum.Session;
import org.cadre.finding.Findings;
import org.cadre.reporting.EventReport;
import org.cadre.reporting.EventReports;
import org.cadre.reporting.disclosure.Audience;
import org.cadre.reporting.disclosure.Disclosure;
import org.cadre.reporting.render.HtmlRenderer;
import org.cadre.roster.AgendaPlanner;
import org.cadre.roster.AgendaSlot;
import org.cadre.roster.Attendance;
import org.cadre.roster.AttendanceMark;
import org.cadre.roster.Country;
import org.cadre.roster.DateRange;
import org.cadre.roster.Enrolment;
import org.cadre.roster.EnrolmentStatus;
import org.cadre.roster.Event;
import org.cadre.roster.EventCheck;
import org.cadre.roster.EventId;
import org.cadre.roster.EventRoster;
import org.cadre.roster.Organisation;
import org.cadre.roster.OrganisationId;
import org.cadre.roster.Person;
import org.cadre.roster.Programme;
import org.cadre.roster.ProgrammeId;
import org.cadre.roster.Role;
import org.cadre.roster.TestScore;
import org.cadre.roster.pool.TrainerPool;

/**
 * Cadre as a library: a one-day course on document security, its event and roster, the rule checks and
 * the event report. Everything here is made up.
 */
public final class EmbeddingExample {

    /** What one run produced: the findings of both checks and the report, as data and as HTML. */
    public record Outcome(Findings packageFindings, Findings eventFindings, EventReport report, String html) {}

    private static final LocalDate DAY = LocalDate.of(2025, 3, 12);

    private EmbeddingExample() {}

    /** Runs the example and prints what it found; the HTML report goes to the file named first, if any. */
    public static void main(String[] args) throws java.io.IOException {
        Outcome outcome = run();
        System.out.println("Package checks: " + outcome.packageFindings().size() + " findings");
        System.out.println("Event checks:   " + outcome.eventFindings());
        System.out.println("Participants:   " + outcome.report().participants().text());
        System.out.println("Attendance:     " + outcome.report().attendance().text());
        System.out.println("Post-test mean: " + outcome.report().knowledge().post().text()
                + " of " + outcome.report().knowledge().testMaxPoints() + " points");
        if (args.length > 0) {
            java.nio.file.Files.writeString(java.nio.file.Path.of(args[0]), outcome.html());
            System.out.println("HTML report:    " + args[0]);
        }
    }

    /** Builds the package, the event and its roster, checks both and renders the internal event report. */
    public static Outcome run() {
        // 1. The package: what is taught, how long, and how it is assessed.
        Curriculum course = Curriculum.builder("tsp-document-security", "Document security at land crossings", "1.0.0")
                .languages("ru").owners("Example Border Academy").audience("First-line officers at land BCPs")
                .competence(Competence.of("C1", "Detect forged travel documents", List.of("LO1", "LO2")))
                .outcome(LearningOutcome.of("LO1", "Name the security features of a passport", 4, KNOWLEDGE))
                .outcome(LearningOutcome.of("LO2", "Examine a passport under UV light and magnification", 4, SKILLS))
                .module(Module.builder("M1", "Examining travel documents").outcomes("LO1", "LO2")
                        .session(Session.builder("M1.S1", "Security features").minutes(90)
                                .methods(LECTURE).outcomes("LO1").build())
                        .session(Session.builder("M1.S2", "Hands-on examination").minutes(150)
                                .methods(PRACTICAL_EXERCISE).outcomes("LO2").build())
                        .build())
                .assessment(AssessmentBlueprint.of(6,
                        AssessmentItem.question("Q1", "Which features show under UV light?", 5, "LO1"),
                        AssessmentItem.question("Q2", "Examine the specimen: genuine or forged?", 5, "LO2")))
                .certification(new CertificationCriteria(0.8, 6, false, Optional.empty()))
                .build();
        Findings packageFindings = CurriculumCheck.of(course).within(CourseFrame.ofHours(1, 6)).run();

        // 2. The event: a one-day course in Dostyk, its agenda drafted from the package.
        Person trainer = Person.builder("t-1", Country.KAZAKHSTAN).latinName("Aliya Nurmagambetova").build();
        List<AgendaSlot> agenda = AgendaPlanner.plan(course, DateRange.of(DAY, DAY), LocalTime.of(9, 0), 360, 30,
                session -> Set.of(trainer.id())).value();
        Event event = Event.builder(EventId.of("course-dostyk-2025"), "Document security course",
                        ProgrammeId.of("example-programme"), course.id(), course.version(), Event.Kind.COURSE)
                .venue("Dostyk", Country.KAZAKHSTAN, ZoneId.of("Asia/Almaty"))
                .courseDays(DateRange.of(DAY, DAY)).travelWindow(DateRange.of(DAY.minusDays(1), DAY.plusDays(1)))
                .participants(4, 12).languages("ru").agenda(agenda)
                .build();

        // 3. The roster: who was nominated by whom, what they attended and scored. The same officer is on
        //    it twice, once in Cyrillic and once in Latin script, as happens when lists are merged.
        OrganisationId borderService = OrganisationId.of("kz-border-service");
        EventRoster.Builder roster = EventRoster.builder(event,
                        Programme.of(event.programme(), "Example programme", "Example donor", Set.of(Country.KAZAKHSTAN), Set.of(16)),
                        course)
                .organisations(List.of(new Organisation(borderService, "Border Service", Country.KAZAKHSTAN,
                        Organisation.Kind.BORDER_GUARD, true)))
                .person(trainer).enrolment(completed(trainer, Role.TRAINER, borderService))
                .pool(TrainerPool.empty());
        String[] officers = {"Серик Жумабаев", "Айгуль Касымова", "Нурлан Сапаров", "Асель Нурланова", "Nurlan Saparov"};
        for (int i = 0; i < officers.length; i++) {
            Person officer = officers[i].matches("\\p{IsLatin}.*")
                    ? Person.builder("p-" + i, Country.KAZAKHSTAN).latinName(officers[i]).build()
                    : Person.builder("p-" + i, Country.KAZAKHSTAN).nativeName(officers[i]).build();
            roster.person(officer).enrolment(completed(officer, Role.PARTICIPANT, borderService));
            for (AgendaSlot slot : agenda) {
                roster.attendance(List.of(new Attendance(officer.id(), slot.session(), AttendanceMark.PRESENT)));
            }
            roster.tests(List.of(
                    TestScore.of(officer.id(), TestScore.Phase.PRE, Map.of(ItemCode.of("Q1"), 2, ItemCode.of("Q2"), i % 3)),
                    TestScore.of(officer.id(), TestScore.Phase.POST, Map.of(ItemCode.of("Q1"), 4, ItemCode.of("Q2"), 3 + i % 3))));
        }
        EventRoster built = roster.build();
        Findings eventFindings = EventCheck.of(built).run();

        // 4. The report for programme staff, and its HTML.
        EventReport report = EventReports.of(built, Disclosure.forAudience(Audience.INTERNAL));
        return new Outcome(packageFindings, eventFindings, report, HtmlRenderer.event(report, Locale.ENGLISH));
    }

    private static Enrolment completed(Person person, Role role, OrganisationId nominatedBy) {
        return Enrolment.nominate(person.id(), EventId.of("course-dostyk-2025"), role, nominatedBy, DAY.minusDays(30))
                .moveTo(EnrolmentStatus.APPROVED, DAY.minusDays(20))
                .then(e -> e.moveTo(EnrolmentStatus.CONFIRMED, DAY.minusDays(10)))
                .then(e -> e.moveTo(EnrolmentStatus.ATTENDED, DAY))
                .then(e -> e.moveTo(EnrolmentStatus.COMPLETED, DAY))
                .value();
    }
}
