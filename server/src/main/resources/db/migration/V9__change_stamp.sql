-- One counter that every writing transaction increments before it commits. Its row lock orders the
-- increments like the commits, so a reader who sees the same stamp twice knows that nothing was written
-- in between, on SQLite and on PostgreSQL, by this process or any other; read caches are keyed by it.

CREATE TABLE change_stamp (
    id    INTEGER PRIMARY KEY,
    stamp BIGINT  NOT NULL
);

INSERT INTO change_stamp (id, stamp) VALUES (1, 0);
