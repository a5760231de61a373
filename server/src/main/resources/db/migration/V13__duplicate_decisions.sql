-- What staff decided about a pair of likely duplicates (issue 15): the same person, or different people.
-- A decision is only recorded: nobody is merged. The pair is stored in one order, the smaller id first as
-- the application compares them (no CHECK: PostgreSQL's collation may order text otherwise), so that
-- deciding about B and A is deciding about A and B; deciding again replaces the decision.
-- Portable across SQLite and PostgreSQL: plain types; times are epoch milliseconds (UTC).

CREATE TABLE duplicate_decision (
    first_id   VARCHAR(64) NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    second_id  VARCHAR(64) NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    verdict    VARCHAR(20) NOT NULL,
    decided_by VARCHAR(64) NOT NULL,
    decided_at BIGINT      NOT NULL,
    PRIMARY KEY (first_id, second_id)
);

CREATE INDEX duplicate_decision_second ON duplicate_decision (second_id);
