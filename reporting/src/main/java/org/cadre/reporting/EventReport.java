package org.cadre.reporting;

import java.time.LocalDate;
import java.util.List;
import org.cadre.reporting.disclosure.Cell;
import org.cadre.reporting.disclosure.Mean;
import org.cadre.reporting.disclosure.Share;
import org.cadre.reporting.disclosure.Table;

/**
 * Everything an event report states, for one audience, after disclosure control. Built by
 * {@link EventReports#of}; field names are stable (they are the JSON the API serves, documented in
 * {@code docs/reporting.md}).
 *
 * @param participants participants holding a seat (confirmed, attended or completed)
 * @param participantsByCountryAndSex rows: ISO country codes; columns: female, male, another, not-recorded
 * @param participantsByOrganisation rows: nominating organisations' names
 * @param peopleByRole everyone holding a seat, by role
 * @param attendance attendance marks present or late, of all marks expected (participants x sessions)
 * @param notes footnotes: what the suppression marker means, how figures are rounded
 */
public record EventReport(String audience, int k, Facts event, Cell participants, Cell trainers,
        Table participantsByCountryAndSex, Table participantsByOrganisation, Table peopleByRole, Share attendance,
        List<SessionAttendance> attendanceBySession, Knowledge knowledge, Practice practice,
        CertificationSummary certification, FeedbackSummary feedback, List<String> notes) {

    /** What the event is. */
    public record Facts(String id, String title, String kind, String city, String country, String timeZone,
            LocalDate firstDay, LocalDate lastDay, int courseDays, List<VenueLine> venues, List<String> modules,
            String curriculumId, String curriculumVersion,
            String curriculumTitle, String programmeId, String programme, String donor, List<Integer> sdgs) {}

    /**
     * A place teaching was held at, with the course days held there.
     *
     * @param region the first-level region (oblast, viloyat); null when not recorded
     */
    public record VenueLine(String place, String region, String country, int courseDays) {}

    /** Attendance at one agenda session. */
    public record SessionAttendance(String session, String title, LocalDate day, Share attended) {}

    /**
     * Knowledge from paired pre- and post-tests only.
     *
     * @param pairs participants with exactly one pre-test and one post-test
     * @param unpairedExcluded participants with a test but no pair, left out of every figure here
     * @param normalisedGain mean of (post - pre) / (max - pre) over pairs whose pre-test was below the
     *     maximum, as a share 0..1 to two decimals
     * @param reachedPassMark pairs whose post-test reached the pass mark
     * @param scoreDistribution pairs by score band (rows, such as {@code 0-4}) before and after (columns
     *     {@code pre}, {@code post}); for the internal audience only (empty otherwise: at the size of a
     *     ToT its bands fall below any k, and withholding them would withhold the pairs total too)
     */
    public record Knowledge(Cell pairs, Cell unpairedExcluded, int testMaxPoints, int passMark, Mean pre, Mean post,
            Mean normalisedGain, Share reachedPassMark, java.util.Optional<Table> scoreDistribution,
            List<OutcomeKnowledge> perOutcome) {}

    /** Knowledge of one learning outcome: mean percentage of its items' points, before and after. */
    public record OutcomeKnowledge(String outcome, String statement, Mean prePercent, Mean postPercent) {}

    /** Practice teaching (micro-teaching) scored against the rubric. */
    public record Practice(Cell scored, int maxPoints, int passMark, Mean total, Share passed) {}

    /**
     * Certification decisions.
     *
     * @param unmetCriteria by reason code: how many participants missed each criterion
     */
    public record CertificationSummary(Share certified, Table unmetCriteria) {}

    /**
     * Participant feedback.
     *
     * @param trainers per-trainer ratings, for the internal audience only (empty otherwise)
     * @param revisionCandidates the lowest-rated curriculum elements, worst first, with comments for the
     *     internal audience
     */
    public record FeedbackSummary(List<SessionFeedback> sessions, List<TrainerFeedback> trainers,
            List<RevisionCandidate> revisionCandidates) {}

    /** Ratings of one session: the mean and how many gave each rating, 1 to 5. */
    public record SessionFeedback(String session, String title, Mean rating, Table distribution) {}

    /** Ratings of one trainer. */
    public record TrainerFeedback(String trainer, Mean rating) {}

    /** A curriculum element rated low enough to revise. */
    public record RevisionCandidate(String element, String code, String title, Mean rating, List<String> comments) {}
}
