-- Usernames are unique whatever their case: "Admin" beside "admin" would be two accounts that people
-- cannot tell apart. The key is the username in lower case (usernames are ASCII letters, digits, dots,
-- underscores and hyphens, so no other normalisation applies); logins find the account by it.

ALTER TABLE user_account ADD COLUMN username_key VARCHAR(64);

UPDATE user_account SET username_key = LOWER(username);

CREATE UNIQUE INDEX user_account_username_key ON user_account (username_key);
