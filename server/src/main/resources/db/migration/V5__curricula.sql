-- Training Support Packages: every version kept whole. A version is never changed once stored; a
-- revision is a new version. Lists keep their order in a position column.

CREATE TABLE curriculum (
    id                          VARCHAR(80)   NOT NULL,
    version                     VARCHAR(40)   NOT NULL,
    title                       VARCHAR(400)  NOT NULL,
    target_audience             VARCHAR(1000) NOT NULL,
    languages                   VARCHAR(200)  NOT NULL,
    test_pass_mark              INTEGER       NOT NULL,
    min_attendance_share        VARCHAR(20)   NOT NULL,
    post_test_pass_mark         INTEGER       NOT NULL,
    practice_teaching_required  BOOLEAN       NOT NULL,
    certificate_validity        VARCHAR(20)   NOT NULL,
    revises                     VARCHAR(40),
    revision_reason             VARCHAR(1000),
    PRIMARY KEY (id, version)
);

CREATE TABLE curriculum_owner (
    curriculum_id VARCHAR(80)  NOT NULL,
    version       VARCHAR(40)  NOT NULL,
    position      INTEGER      NOT NULL,
    name          VARCHAR(400) NOT NULL,
    PRIMARY KEY (curriculum_id, version, position),
    FOREIGN KEY (curriculum_id, version) REFERENCES curriculum (id, version) ON DELETE CASCADE
);

CREATE TABLE learning_outcome (
    curriculum_id VARCHAR(80)   NOT NULL,
    version       VARCHAR(40)   NOT NULL,
    position      INTEGER       NOT NULL,
    code          VARCHAR(64)   NOT NULL,
    statement     VARCHAR(1000) NOT NULL,
    level         INTEGER       NOT NULL,
    domain        VARCHAR(40)   NOT NULL,
    PRIMARY KEY (curriculum_id, version, position),
    FOREIGN KEY (curriculum_id, version) REFERENCES curriculum (id, version) ON DELETE CASCADE
);

-- Competences, modules, sessions and assessment items, each with its list-valued fields as
-- comma-free child rows in curriculum_ref (kind says which list).
CREATE TABLE competence (
    curriculum_id VARCHAR(80)  NOT NULL,
    version       VARCHAR(40)  NOT NULL,
    position      INTEGER      NOT NULL,
    code          VARCHAR(64)  NOT NULL,
    title         VARCHAR(400) NOT NULL,
    PRIMARY KEY (curriculum_id, version, position),
    FOREIGN KEY (curriculum_id, version) REFERENCES curriculum (id, version) ON DELETE CASCADE
);

CREATE TABLE curriculum_module (
    curriculum_id VARCHAR(80)  NOT NULL,
    version       VARCHAR(40)  NOT NULL,
    position      INTEGER      NOT NULL,
    code          VARCHAR(64)  NOT NULL,
    title         VARCHAR(400) NOT NULL,
    PRIMARY KEY (curriculum_id, version, position),
    FOREIGN KEY (curriculum_id, version) REFERENCES curriculum (id, version) ON DELETE CASCADE
);

CREATE TABLE curriculum_session (
    curriculum_id   VARCHAR(80)  NOT NULL,
    version         VARCHAR(40)  NOT NULL,
    module_position INTEGER      NOT NULL,
    position        INTEGER      NOT NULL,
    code            VARCHAR(64)  NOT NULL,
    title           VARCHAR(400) NOT NULL,
    minutes         INTEGER      NOT NULL,
    PRIMARY KEY (curriculum_id, version, module_position, position),
    FOREIGN KEY (curriculum_id, version) REFERENCES curriculum (id, version) ON DELETE CASCADE
);

CREATE TABLE session_material (
    curriculum_id    VARCHAR(80)  NOT NULL,
    version          VARCHAR(40)  NOT NULL,
    module_position  INTEGER      NOT NULL,
    session_position INTEGER      NOT NULL,
    position         INTEGER      NOT NULL,
    title            VARCHAR(400) NOT NULL,
    material_version VARCHAR(40)  NOT NULL,
    PRIMARY KEY (curriculum_id, version, module_position, session_position, position),
    FOREIGN KEY (curriculum_id, version) REFERENCES curriculum (id, version) ON DELETE CASCADE
);

CREATE TABLE assessment_item (
    curriculum_id VARCHAR(80)   NOT NULL,
    version       VARCHAR(40)   NOT NULL,
    position      INTEGER       NOT NULL,
    code          VARCHAR(64)   NOT NULL,
    kind          VARCHAR(20)   NOT NULL,
    prompt        VARCHAR(1000) NOT NULL,
    max_points    INTEGER       NOT NULL,
    PRIMARY KEY (curriculum_id, version, position),
    FOREIGN KEY (curriculum_id, version) REFERENCES curriculum (id, version) ON DELETE CASCADE
);

-- The set-valued fields of the elements above, in order: owner says whose (competence, module,
-- session or item, by position), list says which field (outcomes, prerequisites, settings, methods).
CREATE TABLE curriculum_ref (
    curriculum_id VARCHAR(80) NOT NULL,
    version       VARCHAR(40) NOT NULL,
    owner         VARCHAR(20) NOT NULL,
    owner_key     VARCHAR(40) NOT NULL,
    list          VARCHAR(20) NOT NULL,
    position      INTEGER     NOT NULL,
    value         VARCHAR(64) NOT NULL,
    PRIMARY KEY (curriculum_id, version, owner, owner_key, list, position),
    FOREIGN KEY (curriculum_id, version) REFERENCES curriculum (id, version) ON DELETE CASCADE
);
