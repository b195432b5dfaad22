-- Chatroom schema, version 2: permanent rooms keep their +e (ban exception) and +I (invite exception)
-- lists next to +b, in room_ban; position counts through all three lists of a room.

ALTER TABLE room_ban ADD COLUMN list TEXT NOT NULL DEFAULT 'b'; -- b (+b), e (+e) or I (+I)
