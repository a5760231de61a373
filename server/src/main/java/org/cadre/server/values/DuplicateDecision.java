package org.cadre.server.values;

import java.time.Instant;
import org.cadre.roster.PersonId;

/**
 * What staff decided about two records that look like one person: the same person, or different people. Only
 * the decision is kept; no record is ever merged by it. The pair is named in one order, the smaller id first.
 *
 * @param decidedBy the username of who decided
 * @param decidedAt when
 */
public record DuplicateDecision(PersonId first, PersonId second, Verdict verdict, String decidedBy, Instant decidedAt) {

    /** What was decided about a pair. */
    public enum Verdict {
        /** The two records describe one person. */
        SAME,
        /** The two records describe two people who only look alike. */
        DIFFERENT
    }
}
