-- Answers to requests sent with an Idempotency-Key: the same key and the same body get the same answer
-- again instead of a second import.

CREATE TABLE idempotent_request (
    username     VARCHAR(64)  NOT NULL,
    request_key  VARCHAR(128) NOT NULL,
    request_hash VARCHAR(64)  NOT NULL,
    status       INTEGER      NOT NULL,
    body         TEXT         NOT NULL,
    created_ms   BIGINT       NOT NULL,
    PRIMARY KEY (username, request_key)
);
