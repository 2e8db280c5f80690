-- A user's conversation list (the real-time sync) is ordered by activity: when the latest message
-- arrived. The UPDATE that takes a message's seq sets it in the same statement, so it costs no
-- extra write; conversations without messages sort by when they were created.
ALTER TABLE conversations ADD COLUMN last_message_at timestamptz;
UPDATE conversations c SET last_message_at = (
    SELECT max(created_at) FROM messages m
     WHERE m.tenant_id = c.tenant_id AND m.app_id = c.app_id AND m.conversation_id = c.id);
