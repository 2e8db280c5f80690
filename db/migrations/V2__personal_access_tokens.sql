-- Personal access tokens: a console account's credentials for /manage/v1 and /ops/v1 scripts,
-- instead of its password. Only a hash of the token is kept. A member's tokens are tenant-owned
-- rows (row-level security as for accounts); an operator's have no tenant and are reached on the
-- platform path only. The look-up by hash at sign-in happens before the tenant is known, so it
-- runs on the platform path too.
CREATE TABLE access_tokens (
    tenant_id    uuid REFERENCES tenants (id) ON DELETE CASCADE,
    id           uuid        NOT NULL PRIMARY KEY,
    account_id   uuid        NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    name         text        NOT NULL,
    token_hash   text        NOT NULL UNIQUE,
    created_at   timestamptz NOT NULL DEFAULT now(),
    expires_at   timestamptz,
    last_used_at timestamptz,
    revoked_at   timestamptz
);
CREATE INDEX access_tokens_account ON access_tokens (tenant_id, account_id, created_at);

ALTER TABLE access_tokens ENABLE ROW LEVEL SECURITY;
ALTER TABLE access_tokens FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON access_tokens
    USING (tenant_id = linnet_current_tenant()) WITH CHECK (tenant_id = linnet_current_tenant());

CREATE POLICY platform_path ON access_tokens TO ${platform_role} USING (true) WITH CHECK (true);

GRANT SELECT, INSERT, UPDATE, DELETE ON access_tokens TO ${app_role}, ${platform_role};
