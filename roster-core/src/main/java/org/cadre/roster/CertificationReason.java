package org.cadre.roster;

import static org.cadre.finding.Severity.ERROR;
import static org.cadre.finding.Severity.INFO;

import com.google.common.collect.ImmutableList;
import org.cadre.finding.RuleInfo;
import org.cadre.finding.Severity;

/** The reasons a certification decision gives, one per criterion; catalogued in {@code docs/rules.md}. */
public enum CertificationReason implements RuleInfo.Specified {

    /** A criterion is met (info). */
    CRITERION_MET("certification.criterion-met", INFO, "A certification criterion is met; the message says which and by how much."),
    /** Too few agenda sessions attended. */
    ATTENDANCE_BELOW_MINIMUM("certification.attendance-below-minimum", ERROR,
            "The participant attended a smaller share of the agenda's sessions than the package requires."),
    /** No post-test score. */
    POST_TEST_MISSING("certification.post-test-missing", ERROR, "The participant has no post-test score."),
    /** Post-test below the pass mark. */
    POST_TEST_BELOW_PASS_MARK("certification.post-test-below-pass-mark", ERROR,
            "The participant's post-test score is below the package's pass mark."),
    /** Practice teaching required but not scored. */
    PRACTICE_TEACHING_MISSING("certification.practice-teaching-missing", ERROR,
            "Practice teaching is required but the participant has no scored practice teaching."),
    /** Practice teaching below the rubric's pass mark. */
    PRACTICE_TEACHING_BELOW_PASS_MARK("certification.practice-teaching-below-pass-mark", ERROR,
            "The participant's practice teaching scored below the rubric's pass mark.");

    private static final ImmutableList<CertificationReason> ALL = ImmutableList.copyOf(values());

    private final Spec spec;

    CertificationReason(String code, Severity severity, String meaning) {
        this.spec = new Spec(code, severity, meaning);
    }

    /** {@return every reason, in catalogue order} */
    public static ImmutableList<CertificationReason> all() {
        return ALL;
    }

    @Override
    public Spec spec() {
        return spec;
    }
}
