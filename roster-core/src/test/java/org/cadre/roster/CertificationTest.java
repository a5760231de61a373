package org.cadre.roster;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableMap;
import java.time.Period;
import java.util.Optional;
import java.util.Random;
import org.cadre.curriculum.CertificationCriteria;
import org.cadre.curriculum.ItemCode;
import org.cadre.finding.Finding;
import org.cadre.roster.demo.DemoRoster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CertificationTest {

    private static final CertificationCriteria CRITERIA = new CertificationCriteria(0.8, 14, true, Period.ofYears(3));
    private static final Rubric RUBRIC = DemoRoster.microTeachingRubric();
    private static final PersonId P = PersonId.of("p1");

    private static PracticeTeaching practice(int... scores) {
        ImmutableMap.Builder<String, Integer> b = ImmutableMap.builder();
        for (int i = 0; i < scores.length; i++) {
            b.put(RUBRIC.criteria().get(i).name(), scores[i]);
        }
        return new PracticeTeaching(P, ItemCode.of("P1"), b.buildOrThrow(), Optional.empty());
    }

    /** The decision; its reasons, which a coordinator reads, are held to the API's words. */
    private static Certification.Decision decide(long attended, Optional<Integer> post, Optional<PracticeTeaching> practice) {
        Certification.Decision d = Certification.decide(CRITERIA, Optional.of(RUBRIC), P, "event/e/certification/p1", attended, 14, post, practice);
        org.cadre.roster.fixtures.RosterWords.checkFindings(d.reasons());
        return d;
    }

    @Test
    void a_participant_meeting_every_criterion_is_certified_with_three_reasons() {
        Certification.Decision d = decide(12, Optional.of(16), Optional.of(practice(4, 4, 3, 3)));

        assertThat(d.certified()).isTrue();
        assertThat(d.reasons().all()).extracting(Finding::message).containsExactly(
                "attended 12 of 14 sessions (86 %), minimum 80 %", "post-test 16 points, pass mark 14",
                "practice teaching 14 of 20 points, pass mark 12");
    }

    @Test
    void every_unmet_criterion_is_a_reason() {
        Certification.Decision d = decide(11, Optional.of(13), Optional.of(practice(3, 3, 3, 2)));

        assertThat(d.certified()).isFalse();
        assertThat(d.reasons().errors()).extracting(Finding::code).containsExactly(
                "certification.attendance-below-minimum", "certification.post-test-below-pass-mark",
                "certification.practice-teaching-below-pass-mark");
    }

    @Test
    void missing_scores_are_reasons_of_their_own() {
        Certification.Decision d = decide(14, Optional.empty(), Optional.empty());

        assertThat(d.reasons().errors()).extracting(Finding::code).containsExactly(
                "certification.post-test-missing", "certification.practice-teaching-missing");
    }

    @Test
    void practice_teaching_is_not_needed_when_not_required() {
        CertificationCriteria noPractice = new CertificationCriteria(0.8, 14, false, Period.ofYears(3));

        assertThat(Certification.decide(noPractice, Optional.empty(), P, "s", 14, 14, Optional.of(14), Optional.empty()).certified()).isTrue();
    }

    @Test
    void exactly_at_the_minimum_share_and_pass_mark_is_enough() {
        CertificationCriteria fifths = new CertificationCriteria(0.8, 14, false, Period.ofYears(3));

        assertThat(Certification.decide(fifths, Optional.empty(), P, "s", 8, 10, Optional.of(14), Optional.empty()).certified()).isTrue();
        assertThat(Certification.decide(fifths, Optional.empty(), P, "s", 7, 10, Optional.of(14), Optional.empty()).certified()).isFalse();
    }

    @Test
    void the_demo_decision_counts_attendance_from_the_roster() {
        Certification.Decision d = Certification.evaluate(DemoRoster.almatyTot(), PersonId.of("p-kz-18"));

        assertThat(d.reasons().withCode("certification.attendance-below-minimum")).extracting(Finding::message)
                .containsExactly("attended 9 of 14 sessions (64 %), minimum 80 %");
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("org.cadre.curriculum.fixtures.Seeds#seeds")
    void certification_is_monotone_in_attendance_and_scores(long seed) {
        Random rnd = new Random(seed);
        long attended = rnd.nextInt(15);
        int post = rnd.nextInt(21);
        int[] scores = {rnd.nextInt(6), rnd.nextInt(6), rnd.nextInt(6), rnd.nextInt(6)};
        Certification.Decision before = decide(attended, Optional.of(post), Optional.of(practice(scores)));

        long moreAttended = Math.min(14, attended + rnd.nextInt(4));
        int higherPost = Math.min(20, post + rnd.nextInt(4));
        int[] higher = scores.clone();
        higher[rnd.nextInt(4)] = Math.min(5, higher[0] + rnd.nextInt(3));
        for (int i = 0; i < 4; i++) {
            higher[i] = Math.max(higher[i], scores[i]);
        }
        Certification.Decision after = decide(moreAttended, Optional.of(higherPost), Optional.of(practice(higher)));

        if (before.certified()) {
            assertThat(after.certified()).as("seed %d: more attendance or points never revoke certification", seed).isTrue();
        }
        assertThat(after.reasons().errors().size()).as("seed %d", seed).isLessThanOrEqualTo(before.reasons().errors().size());
    }
}
