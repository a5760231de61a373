-- Programmes: the donor-funded projects events belong to, with their countries and SDG goals.

CREATE TABLE programme (
    id      VARCHAR(64)  NOT NULL PRIMARY KEY,
    title   VARCHAR(400) NOT NULL,
    donor   VARCHAR(400) NOT NULL,
    version INTEGER      NOT NULL
);

CREATE TABLE programme_country (
    programme_id VARCHAR(64) NOT NULL REFERENCES programme (id) ON DELETE CASCADE,
    country      VARCHAR(2)  NOT NULL,
    PRIMARY KEY (programme_id, country)
);

CREATE TABLE programme_sdg (
    programme_id VARCHAR(64) NOT NULL REFERENCES programme (id) ON DELETE CASCADE,
    goal         INTEGER     NOT NULL CHECK (goal BETWEEN 1 AND 17),
    PRIMARY KEY (programme_id, goal)
);
