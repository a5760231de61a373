-- Roster files checked on the import page and waiting for their confirmation, kept in the database so that the
-- confirmation may reach any server instance (before, each instance kept its own in memory). A file is kept for
-- half an hour after its check and each user keeps at most four; older ones are deleted as new ones come. The
-- file is stored as base64 text, the same on SQLite and PostgreSQL.

CREATE TABLE roster_upload (
    upload_key  VARCHAR(64)  NOT NULL PRIMARY KEY,
    username    VARCHAR(64)  NOT NULL,
    event_id    VARCHAR(64)  NOT NULL,
    created_ms  BIGINT       NOT NULL,
    content     TEXT         NOT NULL
);

CREATE INDEX roster_upload_user ON roster_upload (username, created_ms);
CREATE INDEX roster_upload_created ON roster_upload (created_ms);
