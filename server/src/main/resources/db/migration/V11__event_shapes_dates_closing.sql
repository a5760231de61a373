-- Real event shapes (issue 13): the days of teaching with their venues, the modules an event delivers, the day
-- an event was closed; the time each business-dated fact was recorded; the wider list of organisation kinds;
-- packages that certify no trainers.

-- The days of teaching and where each is held; an event without rows teaches every day of its span at its
-- main venue (city, country).
CREATE TABLE event_day (
    event_id VARCHAR(64)  NOT NULL REFERENCES event (id) ON DELETE CASCADE,
    day      DATE         NOT NULL,
    place    VARCHAR(200) NOT NULL,
    country  VARCHAR(2)   NOT NULL,
    region   VARCHAR(200),
    PRIMARY KEY (event_id, day)
);

-- Module codes the event delivers, comma-separated; empty for the whole package.
ALTER TABLE event ADD COLUMN modules VARCHAR(4000) NOT NULL DEFAULT '';
-- The business day the event was closed (participants moved to completed or not-completed); null while open.
ALTER TABLE event ADD COLUMN closed_on DATE;

-- When each business-dated fact was recorded (epoch milliseconds, UTC); null for rows written before this
-- version (the audit log holds their time).
ALTER TABLE enrolment_status ADD COLUMN recorded_at BIGINT;
ALTER TABLE trainer_entry ADD COLUMN recorded_at BIGINT;
ALTER TABLE certification_decision ADD COLUMN recorded_at BIGINT;

-- Organisation kinds: the earlier three names for the same kinds.
UPDATE organisation SET kind = 'BORDER_GUARD' WHERE kind = 'BORDER_SERVICE';
UPDATE organisation SET kind = 'MINISTRY' WHERE kind = 'MINISTRY_OF_INTERIOR';
UPDATE organisation SET kind = 'ACADEMY' WHERE kind = 'TRAINING_ACADEMY';

-- A package that certifies no trainers stores an empty certificate_validity (the column stays NOT NULL, which
-- SQLite cannot relax in place).
