-- The language a user chose for the web pages (en, ru); none until they choose, when the browser's decides.

CREATE TABLE user_language (
    username VARCHAR(64) NOT NULL PRIMARY KEY REFERENCES user_account (username) ON DELETE CASCADE,
    language VARCHAR(8)  NOT NULL
);
