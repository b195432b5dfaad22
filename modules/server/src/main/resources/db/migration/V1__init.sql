-- Chatroom schema, version 1: accounts, server bans, permanent rooms.
-- Plain SQL that SQLite and PostgreSQL both take (TEXT, BIGINT, INTEGER, composite keys).

CREATE TABLE account (
    name_key      TEXT   NOT NULL PRIMARY KEY, -- the name folded by IRC case rules: one account per spelling
    name          TEXT   NOT NULL,             -- as registered
    password_hash TEXT   NOT NULL,             -- PasswordHash text form (pbkdf2-sha256$...)
    created_at    BIGINT NOT NULL              -- epoch ms
);

CREATE TABLE server_ban (
    mask       TEXT   NOT NULL PRIMARY KEY,
    reason     TEXT   NOT NULL,
    set_by     TEXT   NOT NULL,
    set_at     BIGINT NOT NULL,                -- epoch ms
    expires_at BIGINT NOT NULL                 -- epoch ms, 0 = never
);

CREATE TABLE room (
    name_key     TEXT    NOT NULL PRIMARY KEY,
    name         TEXT    NOT NULL,
    flags        TEXT    NOT NULL,             -- letters of imnt
    room_key     TEXT,                         -- +k, NULL = none
    user_limit   INTEGER NOT NULL,             -- +l, 0 = none
    topic        TEXT    NOT NULL,
    topic_set_by TEXT    NOT NULL,
    topic_set_at BIGINT  NOT NULL              -- epoch s
);

CREATE TABLE room_ban (
    room     TEXT   NOT NULL REFERENCES room (name_key) ON DELETE CASCADE, -- room.name_key
    position INTEGER NOT NULL,                 -- keeps the +b list in the order it was set
    mask     TEXT   NOT NULL,
    set_by   TEXT   NOT NULL,
    set_at   BIGINT NOT NULL,                  -- epoch s
    PRIMARY KEY (room, position)
);
