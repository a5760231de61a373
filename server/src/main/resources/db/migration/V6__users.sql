-- Users of the web API and their roles and scopes. Passwords are stored only as slow salted hashes.

CREATE TABLE user_account (
    username      VARCHAR(64)  NOT NULL PRIMARY KEY,
    password_hash VARCHAR(400) NOT NULL,
    role          VARCHAR(20)  NOT NULL,
    disabled      BOOLEAN      NOT NULL,
    version       INTEGER      NOT NULL
);

CREATE TABLE user_country (
    username VARCHAR(64) NOT NULL REFERENCES user_account (username) ON DELETE CASCADE,
    country  VARCHAR(2)  NOT NULL,
    PRIMARY KEY (username, country)
);

CREATE TABLE user_programme (
    username     VARCHAR(64) NOT NULL REFERENCES user_account (username) ON DELETE CASCADE,
    programme_id VARCHAR(64) NOT NULL REFERENCES programme (id),
    PRIMARY KEY (username, programme_id)
);
