-- Events with their quotas and agenda; enrolments with their full status history; attendance marks.

CREATE TABLE event (
    id                 VARCHAR(64)  NOT NULL PRIMARY KEY,
    title              VARCHAR(400) NOT NULL,
    programme_id       VARCHAR(64)  NOT NULL REFERENCES programme (id),
    curriculum_id      VARCHAR(80)  NOT NULL,
    curriculum_version VARCHAR(40)  NOT NULL,
    kind               VARCHAR(20)  NOT NULL,
    city               VARCHAR(200) NOT NULL,
    country            VARCHAR(2)   NOT NULL,
    time_zone          VARCHAR(64)  NOT NULL,
    first_day          DATE         NOT NULL,
    last_day           DATE         NOT NULL,
    arrival_day        DATE         NOT NULL,
    departure_day      DATE         NOT NULL,
    min_participants   INTEGER      NOT NULL,
    max_participants   INTEGER      NOT NULL,
    languages          VARCHAR(200) NOT NULL,
    interpretation     BOOLEAN      NOT NULL,
    trainers_from      VARCHAR(64)  REFERENCES event (id),
    version            INTEGER      NOT NULL
);

CREATE TABLE event_quota (
    event_id VARCHAR(64) NOT NULL REFERENCES event (id) ON DELETE CASCADE,
    country  VARCHAR(2)  NOT NULL,
    seats    INTEGER     NOT NULL,
    PRIMARY KEY (event_id, country)
);

-- One row per agenda slot, in agenda order; times are minutes after local midnight in the event's zone.
CREATE TABLE agenda_slot (
    event_id     VARCHAR(64) NOT NULL REFERENCES event (id) ON DELETE CASCADE,
    position     INTEGER     NOT NULL,
    session_code VARCHAR(64) NOT NULL,
    day          DATE        NOT NULL,
    start_minute INTEGER     NOT NULL,
    end_minute   INTEGER     NOT NULL,
    PRIMARY KEY (event_id, position)
);

CREATE TABLE agenda_trainer (
    event_id  VARCHAR(64) NOT NULL,
    position  INTEGER     NOT NULL,
    person_id VARCHAR(64) NOT NULL REFERENCES person (id),
    PRIMARY KEY (event_id, position, person_id),
    FOREIGN KEY (event_id, position) REFERENCES agenda_slot (event_id, position) ON DELETE CASCADE
);

CREATE TABLE enrolment (
    event_id     VARCHAR(64) NOT NULL REFERENCES event (id),
    person_id    VARCHAR(64) NOT NULL REFERENCES person (id),
    role         VARCHAR(20) NOT NULL,
    nominated_by VARCHAR(64) REFERENCES organisation (id),
    version      INTEGER     NOT NULL,
    PRIMARY KEY (event_id, person_id)
);

CREATE TABLE enrolment_status (
    event_id  VARCHAR(64) NOT NULL,
    person_id VARCHAR(64) NOT NULL,
    position  INTEGER     NOT NULL,
    status    VARCHAR(20) NOT NULL,
    on_day    DATE        NOT NULL,
    PRIMARY KEY (event_id, person_id, position),
    FOREIGN KEY (event_id, person_id) REFERENCES enrolment (event_id, person_id) ON DELETE CASCADE
);

CREATE TABLE attendance (
    event_id     VARCHAR(64) NOT NULL,
    person_id    VARCHAR(64) NOT NULL,
    session_code VARCHAR(64) NOT NULL,
    mark         VARCHAR(10) NOT NULL,
    PRIMARY KEY (event_id, person_id, session_code),
    FOREIGN KEY (event_id, person_id) REFERENCES enrolment (event_id, person_id)
);
