package org.cadre.curriculum.demo;

import static org.cadre.curriculum.BorderSetting.AIR_BCP;
import static org.cadre.curriculum.BorderSetting.GREEN_BORDER;
import static org.cadre.curriculum.BorderSetting.INLAND;
import static org.cadre.curriculum.BorderSetting.LAND_BCP;
import static org.cadre.curriculum.BorderSetting.SEA_BCP;
import static org.cadre.curriculum.DeliveryMethod.ASSESSMENT;
import static org.cadre.curriculum.DeliveryMethod.CASE_STUDY;
import static org.cadre.curriculum.DeliveryMethod.DISCUSSION;
import static org.cadre.curriculum.DeliveryMethod.LECTURE;
import static org.cadre.curriculum.DeliveryMethod.MICRO_TEACHING;
import static org.cadre.curriculum.DeliveryMethod.PRACTICAL_EXERCISE;
import static org.cadre.curriculum.DeliveryMethod.ROLE_PLAY;
import static org.cadre.curriculum.DeliveryMethod.SIMULATION;
import static org.cadre.curriculum.OutcomeDomain.KNOWLEDGE;
import static org.cadre.curriculum.OutcomeDomain.RESPONSIBILITY_AND_AUTONOMY;
import static org.cadre.curriculum.OutcomeDomain.SKILLS;

import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import org.cadre.curriculum.AssessmentBlueprint;
import org.cadre.curriculum.AssessmentItem;
import org.cadre.curriculum.CertificationCriteria;
import org.cadre.curriculum.Competence;
import org.cadre.curriculum.CourseFrame;
import org.cadre.curriculum.Curriculum;
import org.cadre.curriculum.LearningOutcome;
import org.cadre.curriculum.Module;
import org.cadre.curriculum.ModuleCode;
import org.cadre.curriculum.Session;

/**
 * The Training Support Package "Strengthening the efforts in the field of training Border Officers on
 * Countering Migrants Smuggling", developed by IOM Kazakhstan with the Border Academy of the National
 * Security Committee of Kazakhstan, as the demo of Cadre.
 *
 * <p>The package title, its owners, the module "Combating Migrants' Smuggling on a State Border" and the
 * topics of its sessions come from the public description of the Almaty ToT. Outcome statements,
 * durations, test items and the 1.1.0 revision are illustrative: made up for the demo, plausible for a
 * five-day ToT, and not IOM's material.
 */
public final class DemoCurricula {

    /** The demo package's id, the same in both versions. */
    public static final String ID = "tsp-countering-migrant-smuggling";

    /** The Almaty ToT's frame: five course days of at most six contact hours. */
    public static final CourseFrame FIVE_DAY_TOT = CourseFrame.ofHours(5, 6);

    private DemoCurricula() {}

    /** {@return version 1.0.0: the package as delivered at the Almaty ToT, 23-27 October 2023} */
    public static Curriculum almatyTot() {
        return base().build();
    }

    /**
     * Version 1.1.0: revised after participant feedback from the Almaty ToT (illustrative): a hands-on
     * session on document fraud at air BCPs is added, and the green-border session gets more time.
     *
     * @return version 1.1.0
     */
    public static Curriculum revisedAfterAlmaty() {
        Curriculum v1 = almatyTot();
        Module m2 = v1.module(ModuleCode.of("M2")).orElseThrow();
        List<Session> sessions = new ArrayList<>();
        for (Session s : m2.sessions()) {
            sessions.add(s.code().value().equals("M2.S4")
                    ? new Session(s.code(), s.title(), 150, s.methods(), s.outcomes(), s.materials())
                    : s);
        }
        sessions.add(Session.builder("M2.S7", "Document fraud at air border crossing points: hands-on examination")
                .minutes(90).methods(PRACTICAL_EXERCISE, SIMULATION).outcomes("LO2")
                .material("Document examination exercise set", "1.0").build());
        return v1.toBuilder()
                .version("1.1.0")
                .replaceModule(m2.withSessions(sessions))
                .revises("1.0.0", "Participant feedback from the Almaty ToT, 23-27 October 2023: more practice on "
                        + "document fraud at air BCPs and more time for green-border strategies")
                .build();
    }

    private static Curriculum.Builder base() {
        return Curriculum.builder(ID,
                        "Strengthening the efforts in the field of training Border Officers on Countering Migrants Smuggling",
                        "1.0.0")
                .languages("ru", "en")
                .owners("IOM Kazakhstan", "Border Academy of the National Security Committee of the Republic of Kazakhstan")
                .audience("Instructors and experienced officers of the border services of Central Asia who will train "
                        + "fellow officers on countering migrant smuggling")
                .competence(Competence.of("C1", "Detect and counter migrant smuggling at the state border",
                        List.of("LO1", "LO2", "LO3", "LO6")))
                .competence(Competence.of("C2", "Train fellow border officers with the Training Support Package",
                        List.of("LO4", "LO5")))
                .outcome(LearningOutcome.of("LO1", "Explain the elements of the crime of migrant smuggling and "
                        + "distinguish it from trafficking in persons", 5, KNOWLEDGE))
                .outcome(LearningOutcome.of("LO2", "Identify indicators of migrant smuggling at a border crossing "
                        + "point, given its geographic location and technical equipment", 5, SKILLS))
                .outcome(LearningOutcome.of("LO3", "Select strategies to detect and prevent smuggling across green "
                        + "border areas", 6, SKILLS))
                .outcome(LearningOutcome.of("LO4", "Plan a border-guard training session on adult-learning "
                        + "principles", 6, SKILLS))
                .outcome(LearningOutcome.of("LO5", "Deliver a session of the package with participatory methods and "
                        + "give peer feedback", 6, RESPONSIBILITY_AND_AUTONOMY))
                .outcome(LearningOutcome.of("LO6", "Uphold the rights and protection needs of smuggled migrants "
                        + "when intercepting them", 5, RESPONSIBILITY_AND_AUTONOMY))
                .module(Module.builder("M1", "Pedagogical Aspects of Border Guard Training")
                        .outcomes("LO4")
                        .settings(INLAND)
                        .session(Session.builder("M1.S1", "Opening, course objectives and pre-test")
                                .minutes(60).methods(DISCUSSION, ASSESSMENT).build())
                        .session(Session.builder("M1.S2", "Adult learning in border guard training: sharing experiences")
                                .minutes(90).methods(DISCUSSION, LECTURE).outcomes("LO4")
                                .material("Trainer's guide, part 1", "1.0").build())
                        .session(Session.builder("M1.S3", "Planning a session from the Training Support Package")
                                .minutes(90).methods(PRACTICAL_EXERCISE, CASE_STUDY).outcomes("LO4")
                                .material("Session plan template", "1.0").build())
                        .build())
                .module(Module.builder("M2", "Combating Migrants' Smuggling on a State Border")
                        .outcomes("LO1", "LO2", "LO3", "LO6")
                        .settings(AIR_BCP, LAND_BCP, SEA_BCP, GREEN_BORDER)
                        .session(Session.builder("M2.S1", "Migrant smuggling: legal framework and the difference from "
                                        + "trafficking in persons")
                                .minutes(90).methods(LECTURE, DISCUSSION).outcomes("LO1")
                                .material("Participant handbook, chapter 1", "1.0").build())
                        .session(Session.builder("M2.S2", "Smuggling at border crossing points by geographic location: "
                                        + "air, land and sea")
                                .minutes(120).methods(LECTURE, CASE_STUDY).outcomes("LO2")
                                .material("Participant handbook, chapter 2", "1.0").build())
                        .session(Session.builder("M2.S3", "Technical equipment available at different border crossing "
                                        + "points")
                                .minutes(120).methods(PRACTICAL_EXERCISE, SIMULATION).outcomes("LO2")
                                .material("Equipment fact sheets", "1.0").build())
                        .session(Session.builder("M2.S4", "Green border areas: strategies against irregular crossings")
                                .minutes(120).methods(CASE_STUDY, SIMULATION).outcomes("LO3")
                                .material("Green border scenario cards", "1.0").build())
                        .session(Session.builder("M2.S5", "Protecting smuggled migrants at interception")
                                .minutes(90).methods(ROLE_PLAY, DISCUSSION).outcomes("LO6")
                                .material("Role-play briefs", "1.0").build())
                        .session(Session.builder("M2.S6", "Case study: a smuggling route across Central Asian borders")
                                .minutes(120).methods(CASE_STUDY).outcomes("LO1", "LO2", "LO3")
                                .material("Case file", "1.0").build())
                        .build())
                .module(Module.builder("M3", "Training Practice")
                        .outcomes("LO4", "LO5")
                        .prerequisites("M1", "M2")
                        .settings(INLAND)
                        .session(Session.builder("M3.S1", "Preparing a micro-teaching session")
                                .minutes(90).methods(PRACTICAL_EXERCISE).outcomes("LO4", "LO5").build())
                        .session(Session.builder("M3.S2", "Micro-teaching practice, round 1")
                                .minutes(180).methods(MICRO_TEACHING).outcomes("LO5")
                                .material("Micro-teaching rubric", "1.0").build())
                        .session(Session.builder("M3.S3", "Micro-teaching practice, round 2")
                                .minutes(180).methods(MICRO_TEACHING).outcomes("LO5")
                                .material("Micro-teaching rubric", "1.0").build())
                        .session(Session.builder("M3.S4", "Post-test")
                                .minutes(45).methods(ASSESSMENT).build())
                        .session(Session.builder("M3.S5", "Feedback on the training materials and closing")
                                .minutes(45).methods(DISCUSSION).build())
                        .build())
                .assessment(AssessmentBlueprint.of(14,
                        AssessmentItem.question("Q1", "Which elements make an act migrant smuggling under the Protocol?", 2, "LO1"),
                        AssessmentItem.question("Q2", "How does smuggling differ from trafficking in persons?", 2, "LO1"),
                        AssessmentItem.question("Q3", "Name three smuggling indicators at an air border crossing point.", 2, "LO2"),
                        AssessmentItem.question("Q4", "Which equipment helps detect people hidden in vehicles at a land BCP?", 2, "LO2"),
                        AssessmentItem.question("Q5", "What changes in smuggling methods at a sea port?", 2, "LO2"),
                        AssessmentItem.question("Q6", "Which patrol strategies suit a mountainous green border?", 2, "LO3"),
                        AssessmentItem.question("Q7", "How can surveillance technology support green-border control?", 2, "LO3"),
                        AssessmentItem.question("Q8", "What must an officer do first when intercepting smuggled migrants?", 2, "LO6"),
                        AssessmentItem.question("Q9", "Which adult-learning principles apply to experienced officers?", 2, "LO4"),
                        AssessmentItem.question("Q10", "Which protection needs may a smuggled migrant have?", 2, "LO6"),
                        AssessmentItem.task("P1", "Micro-teaching: deliver a 20-minute segment of the package", 20, "LO4", "LO5")))
                .certification(new CertificationCriteria(0.8, 14, true, Period.ofYears(3)));
    }
}
