package org.cadre.curriculum;

import java.time.Period;
import java.util.Optional;
import org.cadre.kernel.Require;

/**
 * What a participant of a Training of Trainers must achieve to become a certified trainer; roster-core
 * evaluates these for each participant. Ranges are checked by the curriculum rules, so a package with
 * a typo is reported in full rather than refused at the first field.
 *
 * @param minAttendanceShare share of agenda sessions attended, 0 to 1 (0.8 = 80 %)
 * @param postTestPassMark points on the post-test needed, within the knowledge test's range
 * @param practiceTeachingRequired whether a passed micro-teaching (practical task) is required
 * @param certificateValidity how long a trainer certificate is valid before recertification; empty for a
 *     package that certifies no trainers (a course or seminar: participants complete it, nobody joins the
 *     trainer pool through it). A ToT needs it (the rule {@code event.tot-without-certificate}).
 */
public record CertificationCriteria(double minAttendanceShare, int postTestPassMark,
        boolean practiceTeachingRequired, Optional<Period> certificateValidity) {

    /**
     * Checks what can be checked on its own; ranges against the rest of the package are rule findings.
     *
     * @param minAttendanceShare share of agenda sessions attended, 0 to 1; finite
     * @param postTestPassMark points on the post-test needed
     * @param practiceTeachingRequired whether a passed practical task is required
     * @param certificateValidity how long a trainer certificate is valid; empty if the package certifies no
     *     trainers; at most {@value #MAX_VALIDITY_YEARS} years
     * @throws IllegalArgumentException if the share is not finite, the validity missing or too long
     */
    public CertificationCriteria {
        Require.finite(minAttendanceShare, "CertificationCriteria.minAttendanceShare");
        Require.present(certificateValidity, "CertificationCriteria.certificateValidity");
        // Zero or negative is a finding of the rule checks; beyond this, date arithmetic would overflow.
        certificateValidity.ifPresent(v -> Require.that(v.toTotalMonths() + v.getDays() / 30 <= MAX_VALIDITY_YEARS * 12L,
                "CertificationCriteria.certificateValidity", "must be at most " + MAX_VALIDITY_YEARS + " years"));
    }

    /**
     * Criteria of a package that certifies trainers for the given validity.
     *
     * @param minAttendanceShare share of agenda sessions attended, 0 to 1 (0.8 = 80 %)
     * @param postTestPassMark points on the post-test needed
     * @param practiceTeachingRequired whether a passed practical task is required
     * @param certificateValidity how long a trainer certificate is valid, such as three years
     * @throws IllegalArgumentException if the share is not finite, the validity missing or too long
     */
    public CertificationCriteria(double minAttendanceShare, int postTestPassMark, boolean practiceTeachingRequired,
            Period certificateValidity) {
        this(minAttendanceShare, postTestPassMark, practiceTeachingRequired,
                Optional.of(Require.present(certificateValidity, "CertificationCriteria.certificateValidity")));
    }

    /** {@return whether the package certifies trainers: it states how long their certificate is valid} */
    public boolean certifiesTrainers() {
        return certificateValidity.isPresent();
    }

    /** The longest a certificate may be valid: beyond it, a certificate is not one that expires. */
    public static final int MAX_VALIDITY_YEARS = 50;
}
