-- Login sessions of the web API. Only a hash of each bearer token is stored.

CREATE TABLE login_session (
    token_hash   VARCHAR(64) NOT NULL PRIMARY KEY,
    username     VARCHAR(64) NOT NULL REFERENCES user_account (username) ON DELETE CASCADE,
    created_ms   BIGINT      NOT NULL,
    last_seen_ms BIGINT      NOT NULL
);

CREATE INDEX login_session_user ON login_session (username);
