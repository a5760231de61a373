-- What each committed write transaction changed, by topic ("event:<id>", "person:<id>", "user:<name>",
-- "session:<hash>", or "*" for anything), one row per transaction with its topics separated by spaces
-- (none: it changed nothing any cache holds): a reader whose change stamp moved reads the topics of the stamps
-- it missed and forgets only what they name, on SQLite and PostgreSQL, by this process or any other.
-- Old rows are pruned; row 2 of change_stamp holds the lowest stamp whose topics are still kept, so a reader
-- further behind than that forgets everything.

CREATE TABLE change_log (
    stamp  BIGINT        NOT NULL PRIMARY KEY,
    topics VARCHAR(8000) NOT NULL
);

INSERT INTO change_stamp (id, stamp) VALUES (2, 0);

-- Login attempts, for the throttle shared by every server instance on the database: an attempt is stored
-- before the password is checked (pending) and stays as a failure unless it succeeds. Rows older than the
-- throttle's window are pruned as new attempts come. Attempts for one username or from one address are
-- reserved one after another (SQLite's single writer; on PostgreSQL a transaction-scoped advisory lock).

CREATE TABLE login_attempt (
    id          VARCHAR(40) NOT NULL PRIMARY KEY,
    username    VARCHAR(64) NOT NULL,
    address     VARCHAR(64) NOT NULL,  -- as the username: longer values are kept as their hash
    at_ms       BIGINT      NOT NULL,
    outcome     VARCHAR(8)  NOT NULL
);

CREATE INDEX login_attempt_user ON login_attempt (username, at_ms);
CREATE INDEX login_attempt_address ON login_attempt (address, at_ms);
