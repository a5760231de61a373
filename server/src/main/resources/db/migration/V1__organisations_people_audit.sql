-- Cadre schema, version 1: organisations, people and the audit log.
-- Portable across SQLite and PostgreSQL: plain types only; ids are chosen by the application; times
-- are epoch milliseconds (UTC). Every aggregate row carries a version for optimistic concurrency.

CREATE TABLE organisation (
    id                   VARCHAR(64)  NOT NULL PRIMARY KEY,
    name                 VARCHAR(400) NOT NULL,
    country              VARCHAR(2)   NOT NULL,
    kind                 VARCHAR(40)  NOT NULL,
    nominating_authority BOOLEAN      NOT NULL,
    version              INTEGER      NOT NULL
);

CREATE TABLE person (
    id              VARCHAR(64)  NOT NULL PRIMARY KEY,
    native_name     VARCHAR(400),
    latin_name      VARCHAR(400),
    sex             VARCHAR(20)  NOT NULL,
    country         VARCHAR(2)   NOT NULL,
    organisation_id VARCHAR(64)  REFERENCES organisation (id),
    rank_title      VARCHAR(200),
    version         INTEGER      NOT NULL,
    CHECK (native_name IS NOT NULL OR latin_name IS NOT NULL)
);

CREATE INDEX person_organisation ON person (organisation_id);

-- Who changed what, when: written in the same transaction as the change.
CREATE TABLE audit_log (
    id        VARCHAR(36)  NOT NULL PRIMARY KEY,
    at_millis BIGINT       NOT NULL,
    actor     VARCHAR(64)  NOT NULL,
    action    VARCHAR(20)  NOT NULL,
    entity    VARCHAR(40)  NOT NULL,
    entity_id VARCHAR(64)  NOT NULL,
    old_value VARCHAR(4000),
    new_value VARCHAR(4000)
);

CREATE INDEX audit_log_entity ON audit_log (entity, entity_id);
