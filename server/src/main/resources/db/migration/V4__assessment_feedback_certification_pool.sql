-- Pre/post tests per item, practice teaching per rubric criterion, feedback, certification decisions,
-- and the trainer pool's dated history.

CREATE TABLE test_score (
    event_id  VARCHAR(64) NOT NULL,
    person_id VARCHAR(64) NOT NULL,
    phase     VARCHAR(4)  NOT NULL,
    item_code VARCHAR(64) NOT NULL,
    points    INTEGER     NOT NULL,
    PRIMARY KEY (event_id, person_id, phase, item_code),
    FOREIGN KEY (event_id, person_id) REFERENCES enrolment (event_id, person_id)
);

CREATE TABLE rubric_criterion (
    event_id   VARCHAR(64)  NOT NULL REFERENCES event (id) ON DELETE CASCADE,
    task_code  VARCHAR(64)  NOT NULL,
    position   INTEGER      NOT NULL,
    name       VARCHAR(200) NOT NULL,
    max_points INTEGER      NOT NULL,
    pass_mark  INTEGER      NOT NULL,
    PRIMARY KEY (event_id, position)
);

CREATE TABLE practice_score (
    event_id  VARCHAR(64)  NOT NULL,
    person_id VARCHAR(64)  NOT NULL,
    task_code VARCHAR(64)  NOT NULL,
    criterion VARCHAR(200) NOT NULL,
    points    INTEGER      NOT NULL,
    assessor  VARCHAR(64)  REFERENCES person (id),
    PRIMARY KEY (event_id, person_id, task_code, criterion),
    FOREIGN KEY (event_id, person_id) REFERENCES enrolment (event_id, person_id)
);

-- Anonymous feedback has no author; the author column is cleared when a person is erased.
CREATE TABLE feedback (
    id              VARCHAR(36)  NOT NULL PRIMARY KEY,
    event_id        VARCHAR(64)  NOT NULL REFERENCES event (id),
    position        INTEGER      NOT NULL,
    author_id       VARCHAR(64)  REFERENCES person (id),
    session_code    VARCHAR(64)  NOT NULL,
    trainer_id      VARCHAR(64)  REFERENCES person (id),
    rating          INTEGER      NOT NULL CHECK (rating BETWEEN 1 AND 5),
    comment_text    VARCHAR(4000),
    concern_element VARCHAR(20)  NOT NULL,
    concern_code    VARCHAR(64)  NOT NULL
);

CREATE INDEX feedback_event ON feedback (event_id, position);

CREATE TABLE certification_decision (
    event_id   VARCHAR(64)   NOT NULL,
    person_id  VARCHAR(64)   NOT NULL,
    certified  BOOLEAN       NOT NULL,
    decided_on DATE          NOT NULL,
    reasons    VARCHAR(4000) NOT NULL,
    decided_by VARCHAR(64)   NOT NULL,
    PRIMARY KEY (event_id, person_id),
    FOREIGN KEY (event_id, person_id) REFERENCES enrolment (event_id, person_id)
);

CREATE TABLE trainer_record (
    person_id       VARCHAR(64) NOT NULL REFERENCES person (id),
    curriculum_id   VARCHAR(80) NOT NULL,
    validity        VARCHAR(20) NOT NULL,
    version         INTEGER     NOT NULL,
    PRIMARY KEY (person_id, curriculum_id)
);

CREATE TABLE trainer_entry (
    person_id      VARCHAR(64)   NOT NULL,
    curriculum_id  VARCHAR(80)   NOT NULL,
    position       INTEGER       NOT NULL,
    kind           VARCHAR(20)   NOT NULL,
    on_day         DATE          NOT NULL,
    status         VARCHAR(20),
    evidence_kind  VARCHAR(30),
    evidence_event VARCHAR(64),
    evidence_note  VARCHAR(1000),
    note           VARCHAR(1000) NOT NULL,
    PRIMARY KEY (person_id, curriculum_id, position),
    FOREIGN KEY (person_id, curriculum_id) REFERENCES trainer_record (person_id, curriculum_id) ON DELETE CASCADE
);
