-- Push, expanding a tag target without reading messaging's tables: messaging names the users that carry
-- the tags a page at a time (keyset by user id) and push writes those users' devices into the outbox.
-- The last user of the page written is where the next page starts, moved in the same transaction as the
-- page's rows like expand_cursor (the last device) for the other targets, so an expansion that stops
-- anywhere resumes exactly there.
ALTER TABLE push_jobs ADD COLUMN expand_user_cursor text;
