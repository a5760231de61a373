package org.cadre.reporting;

import com.google.common.collect.ImmutableList;
import java.time.LocalDate;
import java.util.Optional;
import org.cadre.kernel.Require;
import org.cadre.reporting.disclosure.Cell;
import org.cadre.reporting.disclosure.Mean;
import org.cadre.reporting.disclosure.Share;
import org.cadre.reporting.disclosure.Table;

/**
 * Everything an event report states, for one audience, after disclosure control. Built by
 * {@link EventReports#of}; field names are stable (they are the JSON the API serves, documented in
 * {@code docs/reporting.md} and typed in {@code docs/openapi.yaml}).
 *
 * <p>A report is a value all the way down: every list is immutable and nothing in it is null. What is
 * withheld says so ({@link Cell#suppressed()}, an empty {@link Mean#value()} or {@link Share#percent()});
 * what does not apply is an empty {@link Optional}. The JSON writes both as {@code null}.
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
        ImmutableList<SessionAttendance> attendanceBySession, Knowledge knowledge, Practice practice,
        CertificationSummary certification, FeedbackSummary feedback, ImmutableList<Note> notes) {

    public EventReport {
        Require.text(audience, "EventReport.audience");
        Require.present(event, "EventReport.event");
        Require.present(participants, "EventReport.participants");
        Require.present(trainers, "EventReport.trainers");
        Require.present(participantsByCountryAndSex, "EventReport.participantsByCountryAndSex");
        Require.present(participantsByOrganisation, "EventReport.participantsByOrganisation");
        Require.present(peopleByRole, "EventReport.peopleByRole");
        Require.present(attendance, "EventReport.attendance");
        attendanceBySession = Require.list(attendanceBySession, "EventReport.attendanceBySession");
        Require.present(knowledge, "EventReport.knowledge");
        Require.present(practice, "EventReport.practice");
        Require.present(certification, "EventReport.certification");
        Require.present(feedback, "EventReport.feedback");
        notes = Require.list(notes, "EventReport.notes");
    }

    /** What the event is. */
    public record Facts(String id, String title, String kind, String city, String country, String timeZone,
            LocalDate firstDay, LocalDate lastDay, int courseDays, ImmutableList<VenueLine> venues, ImmutableList<String> modules,
            String curriculumId, String curriculumVersion,
            String curriculumTitle, String programmeId, String programme, String donor, ImmutableList<Integer> sdgs) {

        public Facts {
            Require.present(id, "Facts.id");
            Require.present(title, "Facts.title");
            Require.present(kind, "Facts.kind");
            Require.present(city, "Facts.city");
            Require.present(country, "Facts.country");
            Require.present(timeZone, "Facts.timeZone");
            Require.present(firstDay, "Facts.firstDay");
            Require.present(lastDay, "Facts.lastDay");
            venues = Require.list(venues, "Facts.venues");
            modules = Require.list(modules, "Facts.modules");
            Require.present(curriculumId, "Facts.curriculumId");
            Require.present(curriculumVersion, "Facts.curriculumVersion");
            Require.present(curriculumTitle, "Facts.curriculumTitle");
            Require.present(programmeId, "Facts.programmeId");
            Require.present(programme, "Facts.programme");
            Require.present(donor, "Facts.donor");
            sdgs = Require.list(sdgs, "Facts.sdgs");
        }
    }

    /**
     * A place teaching was held at, with the course days held there.
     *
     * @param region the first-level region (oblast, viloyat); empty when not recorded
     */
    public record VenueLine(String place, Optional<String> region, String country, int courseDays) {

        public VenueLine {
            Require.present(place, "VenueLine.place");
            Require.present(region, "VenueLine.region");
            Require.present(country, "VenueLine.country");
        }
    }

    /** Attendance at one agenda session. */
    public record SessionAttendance(String session, String title, LocalDate day, Share attended) {

        public SessionAttendance {
            Require.present(session, "SessionAttendance.session");
            Require.present(title, "SessionAttendance.title");
            Require.present(day, "SessionAttendance.day");
            Require.present(attended, "SessionAttendance.attended");
        }
    }

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
     * @param perOutcome the delivered outcomes that test questions assess, each with its mean percentages
     * @param untestedOutcomes the delivered outcomes no test question assesses, so absent from {@code perOutcome}: a
     *     reader is told the test does not measure them rather than left to wonder why one is missing
     */
    public record Knowledge(Cell pairs, Cell unpairedExcluded, int testMaxPoints, int passMark, Mean pre, Mean post,
            Mean normalisedGain, Share reachedPassMark, Optional<Table> scoreDistribution,
            ImmutableList<OutcomeKnowledge> perOutcome, ImmutableList<UntestedOutcome> untestedOutcomes) {

        public Knowledge {
            Require.present(pairs, "Knowledge.pairs");
            Require.present(unpairedExcluded, "Knowledge.unpairedExcluded");
            Require.present(pre, "Knowledge.pre");
            Require.present(post, "Knowledge.post");
            Require.present(normalisedGain, "Knowledge.normalisedGain");
            Require.present(reachedPassMark, "Knowledge.reachedPassMark");
            Require.present(scoreDistribution, "Knowledge.scoreDistribution");
            perOutcome = Require.list(perOutcome, "Knowledge.perOutcome");
            untestedOutcomes = Require.list(untestedOutcomes, "Knowledge.untestedOutcomes");
        }
    }

    /**
     * A learning outcome the event delivers that no test question assesses, so the pre- and post-tests say nothing of it.
     *
     * @param byPracticalTask whether a practical task (such as micro-teaching) assesses it instead at this event: the package
     *     has one for it and the event records a practice-teaching rubric
     */
    public record UntestedOutcome(String outcome, String statement, boolean byPracticalTask) {

        public UntestedOutcome {
            Require.present(outcome, "UntestedOutcome.outcome");
            Require.present(statement, "UntestedOutcome.statement");
        }
    }

    /** Knowledge of one learning outcome: mean percentage of its items' points, before and after. */
    public record OutcomeKnowledge(String outcome, String statement, Mean prePercent, Mean postPercent) {

        public OutcomeKnowledge {
            Require.present(outcome, "OutcomeKnowledge.outcome");
            Require.present(statement, "OutcomeKnowledge.statement");
            Require.present(prePercent, "OutcomeKnowledge.prePercent");
            Require.present(postPercent, "OutcomeKnowledge.postPercent");
        }
    }

    /**
     * Practice teaching (micro-teaching) scored against the rubric.
     *
     * @param maxPoints the rubric's maximum, 0 when the event has no rubric
     * @param requiredForCertification whether the package's certification criteria require passed practice teaching: with
     *     no rubric, it explains why nobody is certified
     */
    public record Practice(Cell scored, int maxPoints, int passMark, Mean total, Share passed, boolean requiredForCertification) {

        public Practice {
            Require.present(scored, "Practice.scored");
            Require.present(total, "Practice.total");
            Require.present(passed, "Practice.passed");
        }
    }

    /**
     * Certification decisions.
     *
     * @param unmetCriteria by reason code: how many participants missed each criterion
     * @param notRecorded the evidence the event records for no participant holding a seat, by the reason code of its
     *     absence ({@code certification.post-test-missing}, {@code certification.practice-teaching-missing}), when the
     *     package's certification needs it: nobody can be certified until it is recorded, so {@code certified} counts
     *     a certification not assessed, not one failed (a cascade that recorded no test read "Certified: 0 / 16" as a failed
     *     course, the newcomers' reviews of sessions 22 and 23); empty when each criterion has a record
     */
    public record CertificationSummary(Share certified, Table unmetCriteria, ImmutableList<String> notRecorded) {

        public CertificationSummary {
            Require.present(certified, "CertificationSummary.certified");
            Require.present(unmetCriteria, "CertificationSummary.unmetCriteria");
            notRecorded = Require.list(notRecorded, "CertificationSummary.notRecorded");
        }

        /**
         * A summary whose every criterion has a record.
         *
         * @param certified certified of participants holding a seat
         * @param unmetCriteria by reason code: how many participants missed each criterion
         */
        public CertificationSummary(Share certified, Table unmetCriteria) {
            this(certified, unmetCriteria, ImmutableList.of());
        }

        /** {@return whether the event records the evidence certification needs: false when nobody can be certified for want of it} */
        public boolean assessed() {
            return notRecorded.isEmpty();
        }
    }

    /**
     * Participant feedback.
     *
     * @param trainers per-trainer ratings, for the internal audience only (empty otherwise)
     * @param revisionCandidates the lowest-rated curriculum elements, worst first, with comments for the
     *     internal audience
     */
    public record FeedbackSummary(ImmutableList<SessionFeedback> sessions, ImmutableList<TrainerFeedback> trainers,
            ImmutableList<RevisionCandidate> revisionCandidates) {

        public FeedbackSummary {
            sessions = Require.list(sessions, "FeedbackSummary.sessions");
            trainers = Require.list(trainers, "FeedbackSummary.trainers");
            revisionCandidates = Require.list(revisionCandidates, "FeedbackSummary.revisionCandidates");
        }
    }

    /** Ratings of one session: the mean and how many gave each rating, 1 to 5. */
    public record SessionFeedback(String session, String title, Mean rating, Table distribution) {

        public SessionFeedback {
            Require.present(session, "SessionFeedback.session");
            Require.present(title, "SessionFeedback.title");
            Require.present(rating, "SessionFeedback.rating");
            Require.present(distribution, "SessionFeedback.distribution");
        }
    }

    /** Ratings of one trainer. */
    public record TrainerFeedback(String trainer, Mean rating) {

        public TrainerFeedback {
            Require.present(trainer, "TrainerFeedback.trainer");
            Require.present(rating, "TrainerFeedback.rating");
        }
    }

    /** A curriculum element rated low enough to revise. */
    public record RevisionCandidate(String element, String code, String title, Mean rating, ImmutableList<String> comments) {

        public RevisionCandidate {
            Require.present(element, "RevisionCandidate.element");
            Require.present(code, "RevisionCandidate.code");
            Require.present(title, "RevisionCandidate.title");
            Require.present(rating, "RevisionCandidate.rating");
            comments = Require.list(comments, "RevisionCandidate.comments");
        }
    }
}
