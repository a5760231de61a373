package org.cadre.server.store;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cadre.curriculum.demo.DemoCurricula;
import org.cadre.reporting.demo.DemoResults;
import org.cadre.roster.Certification;
import org.cadre.roster.EventRoster;
import org.cadre.roster.Person;
import org.cadre.roster.PersonId;
import org.cadre.roster.demo.DemoRoster;

/**
 * Loads the demo (both package versions, the Almaty ToT and the Dushanbe cascade, all fictional people, and
 * the demo programme's illustrative results framework) into an empty store.
 */
public final class DemoData {

    private static final String ACTOR = "demo";

    private DemoData() {}

    /** Whether the store holds no organisations yet, and so may receive the demo. */
    public static boolean isEmpty(Database db, AuditLog audit) {
        return new Organisations(db, audit).all().isEmpty();
    }

    public static void load(Database db, AuditLog audit) {
        new Curricula(db, audit).add(DemoCurricula.almatyTot(), ACTOR);
        new Curricula(db, audit).add(DemoCurricula.revisedAfterAlmaty(), ACTOR);
        DemoRoster.organisations().forEach(o -> new Organisations(db, audit).add(o, ACTOR));
        EventRoster almaty = DemoRoster.almatyTot();
        EventRoster cascade = DemoRoster.dushanbeCascade();
        Map<PersonId, Person> people = new LinkedHashMap<>(almaty.people());
        cascade.people().forEach(people::putIfAbsent);
        new People(db, audit).addAll(List.copyOf(people.values()), ACTOR);
        new Programmes(db, audit).add(almaty.programme(), ACTOR);
        // The demo's illustrative results framework; any other programme has only the one stored for it.
        new ResultsFrameworks(db, audit).put(almaty.programme().id(), DemoResults.framework(), 0, ACTOR);
        for (EventRoster r : List.of(almaty, cascade)) {
            var id = r.event().id();
            new Events(db, audit).add(r.event(), ACTOR);
            new Enrolments(db, audit).addAll(r.enrolments(), ACTOR);
            new Enrolments(db, audit).recordAttendance(id, r.attendance(), ACTOR);
            Assessments assessments = new Assessments(db, audit);
            assessments.recordTests(id, r.tests(), ACTOR);
            r.rubric().ifPresent(rubric -> assessments.setRubric(id, rubric, ACTOR));
            assessments.recordPractice(id, r.practice(), ACTOR);
            new FeedbackItems(db, audit).addAll(id, r.feedback(), ACTOR);
        }
        new Certifications(db, audit).record(almaty.event().id(), Certification.evaluate(almaty), almaty.event().courseDays().last(), ACTOR);
        Trainers trainers = new Trainers(db, audit);
        List<org.cadre.roster.pool.TrainerRecord> records = new ArrayList<>(DemoRoster.pool().records());
        records.forEach(t -> trainers.save(t, DemoCurricula.almatyTot().certification().certificateValidity().orElseThrow(), 0, ACTOR));
    }

}
