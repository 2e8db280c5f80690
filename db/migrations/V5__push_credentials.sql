-- Push credentials: what an app signs in to APNs, FCM and Web Push with. The public part of a
-- credential (key id, team id, topic, project id, VAPID public key, certificate subject and expiry)
-- is kept in metadata for the console and the API; the secret part (private key, .p12 and its
-- password, service-account JSON) only in secret, encrypted under the master key (SecretCipher).
-- Deleting a credential revokes it: the row stays for the record, its secret is erased.
-- At most two credentials per provider are live at once (checked under the app's row lock), so a
-- rotation has no gap: upload the new one, then delete the old one.
CREATE TABLE push_credentials (
    tenant_id  uuid        NOT NULL,
    app_id     uuid        NOT NULL,
    id         uuid        NOT NULL,
    provider   text        NOT NULL CHECK (provider IN ('apns', 'fcm', 'webpush')),
    kind       text        NOT NULL CHECK (kind IN ('APNS_TOKEN', 'APNS_CERTIFICATE', 'FCM', 'WEBPUSH_VAPID')),
    label      text        NOT NULL CHECK (length(label) BETWEEN 1 AND 100),
    metadata   jsonb       NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(metadata) = 'object'),
    secret     text,
    expires_at timestamptz,
    created_at timestamptz NOT NULL DEFAULT now(),
    created_by uuid,
    revoked_at timestamptz,
    PRIMARY KEY (tenant_id, app_id, id),
    CHECK (provider = CASE kind WHEN 'APNS_TOKEN' THEN 'apns' WHEN 'APNS_CERTIFICATE' THEN 'apns'
                                WHEN 'FCM' THEN 'fcm' ELSE 'webpush' END),
    -- a live credential has its secret; a revoked one has none left
    CHECK ((revoked_at IS NULL) = (secret IS NOT NULL)),
    FOREIGN KEY (tenant_id, app_id) REFERENCES apps (tenant_id, id) ON DELETE CASCADE
);
-- serves the two everyday reads: an app's live credentials (the console, the limit check) and the
-- live ones of one provider, newest first (the delivery pipeline)
CREATE INDEX push_credentials_live ON push_credentials (tenant_id, app_id, provider, created_at DESC)
    WHERE revoked_at IS NULL;

ALTER TABLE push_credentials ENABLE ROW LEVEL SECURITY;
ALTER TABLE push_credentials FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON push_credentials
    USING (tenant_id = linnet_current_tenant()) WITH CHECK (tenant_id = linnet_current_tenant());
CREATE POLICY platform_path ON push_credentials TO ${platform_role} USING (true) WITH CHECK (true);

GRANT SELECT, INSERT, UPDATE, DELETE ON push_credentials TO ${app_role}, ${platform_role};
