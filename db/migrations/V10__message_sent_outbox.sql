-- MessageSent's outbox (issue 11): the statement that stores a message also writes its row here, so
-- the announcement of every committed message is as durable as the message. Once every listener of
-- MessageSent (offline push, and billing's metering) has handled it, the row is deleted, one statement
-- per batch; a row left behind (a listener failed, the node stopped between the commit and its
-- listeners) is claimed after a while and the event announced again: at least once. Owned by messaging.
-- Rows live for milliseconds, so the table stays small: no index but the key, which the deletes use
-- (the sweep reads it whole, every half minute, across tenants on the platform role).
CREATE TABLE message_sent_outbox (
    tenant_id  uuid        NOT NULL,
    app_id     uuid        NOT NULL,
    message_id uuid        NOT NULL,
    stored_at  timestamptz NOT NULL DEFAULT now(),
    -- null until the sweep claims the row; then until when this claim holds (the next try comes after)
    retry_at   timestamptz,
    attempts   int         NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant_id, app_id, message_id)
);

ALTER TABLE message_sent_outbox ENABLE ROW LEVEL SECURITY;
ALTER TABLE message_sent_outbox FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON message_sent_outbox
    USING (tenant_id = linnet_current_tenant()) WITH CHECK (tenant_id = linnet_current_tenant());
CREATE POLICY platform_path ON message_sent_outbox TO ${platform_role} USING (true) WITH CHECK (true);

-- the application writes rows with its messages; only the platform path claims and deletes them
GRANT SELECT, INSERT ON message_sent_outbox TO ${app_role};
GRANT SELECT, UPDATE, DELETE ON message_sent_outbox TO ${platform_role};
