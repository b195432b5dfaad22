-- Chatroom schema, version 3: history (issue 15). Plain SQL that SQLite and PostgreSQL both take:
-- TEXT, BIGINT, INTEGER, composite keys, no AUTOINCREMENT/SERIAL.

-- One row per stored line: room PRIVMSG/NOTICE/TAGMSG, private messages between accounts, and the
-- room events (JOIN, PART, QUIT, KICK, NICK, TOPIC, MODE). The line is rebuilt as
-- ":" sender " " command " " args, with time, msgid and tags put back in front.
CREATE TABLE history (
    target_key TEXT   NOT NULL, -- a room's folded name (#room), or "@a b" for the private talk of accounts a and b (folded, sorted)
    msgid      TEXT   NOT NULL, -- as sent; a QUIT or NICK is one line kept in each room it was told in
    time_ms    BIGINT NOT NULL, -- server-time, epoch ms; strictly increasing per target (ties bumped by 1 ms)
    command    TEXT   NOT NULL, -- PRIVMSG, NOTICE, TAGMSG, JOIN, PART, QUIT, KICK, NICK, TOPIC, MODE
    kind       INTEGER NOT NULL, -- 0 = a message (PRIVMSG, NOTICE), 1 = anything else (shown with draft/event-playback)
    sender     TEXT   NOT NULL, -- nick!user@host as sent
    account    TEXT,            -- the sender's account, NULL = not logged in
    tags       TEXT,            -- client-only tags (+react=...;+reply=...), escaped; NULL = none
    args       TEXT   NOT NULL, -- the parameters after the command, as on the wire ("#room :hello")
    PRIMARY KEY (target_key, msgid)
);
-- Paging (CHATHISTORY) reads a target by time; unique because the time order per target is strict.
CREATE UNIQUE INDEX history_target_time ON history (target_key, time_ms);
-- Clients without event-playback read messages only: one range of this index, however many JOINs lie between.
CREATE INDEX history_target_kind_time ON history (target_key, kind, time_ms);
-- Retention deletes by time over every target.
CREATE INDEX history_time ON history (time_ms);

-- Who talked privately with whom, and when last: CHATHISTORY TARGETS without scanning history.
CREATE TABLE private_peer (
    account_key TEXT   NOT NULL, -- folded account of one side
    peer_key    TEXT   NOT NULL, -- folded account of the other
    peer        TEXT   NOT NULL, -- the other's account as registered (shown as the target)
    target_key  TEXT   NOT NULL, -- history.target_key of the talk
    last_ms     BIGINT NOT NULL,
    PRIMARY KEY (account_key, peer_key)
);

-- Private messages sent to an account while nobody was logged in to it: played at its next login.
CREATE TABLE pending_private (
    account_key TEXT NOT NULL,
    target_key  TEXT NOT NULL, -- history.target_key of the talk
    msgid       TEXT NOT NULL,
    PRIMARY KEY (account_key, target_key, msgid)
);

-- draft/read-marker: the last-read point per account per target (epoch ms).
CREATE TABLE read_marker (
    account_key TEXT   NOT NULL,
    target_key  TEXT   NOT NULL,
    time_ms     BIGINT NOT NULL,
    PRIMARY KEY (account_key, target_key)
);

-- The account that registered a permanent room keeps op in it across restarts; NULL = nobody.
ALTER TABLE room ADD COLUMN owner TEXT;
