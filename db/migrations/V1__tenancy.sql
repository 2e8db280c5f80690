-- The tenancy kernel: tenants, apps, app keys, console accounts, the audit log, and the signing
-- keys of the token issuer. Every tenant-owned table leads its keys with tenant_id and is fenced
-- by row-level security (ENABLE + FORCE) on linnet_current_tenant(), which each transaction sets
-- with set_config('linnet.tenant_id', ..., true). The platform role, and only it, has a second
-- policy per table that reaches across tenants: the explicit path for operator work.

CREATE FUNCTION linnet_current_tenant() RETURNS uuid
    LANGUAGE sql STABLE
AS $$ SELECT nullif(current_setting('linnet.tenant_id', true), '')::uuid $$;

CREATE TABLE tenants (
    id           uuid PRIMARY KEY,
    name         text        NOT NULL,
    status       text        NOT NULL CHECK (status IN ('ACTIVE', 'SUSPENDED')),
    created_at   timestamptz NOT NULL DEFAULT now(),
    suspended_at timestamptz
);

CREATE TABLE apps (
    tenant_id  uuid        NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    id         uuid        NOT NULL,
    name       text        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    -- app ids are unique platform-wide, so a token's app_id names one app without its tenant
    UNIQUE (id)
);
CREATE UNIQUE INDEX apps_name ON apps (tenant_id, lower(name));

-- An app key is an OAuth2 client of the token endpoint; id is its client id. Only a hash of the
-- secret is kept. The unique index on id serves the token endpoint's look-up by client id, which
-- happens before the tenant is known (on the platform path).
CREATE TABLE app_keys (
    tenant_id    uuid        NOT NULL,
    app_id       uuid        NOT NULL,
    id           text        NOT NULL,
    name         text        NOT NULL,
    secret_hash  text        NOT NULL,
    scopes       text[]      NOT NULL,
    status       text        NOT NULL CHECK (status IN ('ACTIVE', 'REVOKED')),
    created_at   timestamptz NOT NULL DEFAULT now(),
    created_by   uuid,
    revoked_at   timestamptz,
    last_used_at timestamptz,
    PRIMARY KEY (tenant_id, id),
    UNIQUE (id),
    FOREIGN KEY (tenant_id, app_id) REFERENCES apps (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX app_keys_app ON app_keys (tenant_id, app_id, created_at);

-- Console accounts: tenant members (tenant_id set) and platform operators (tenant_id null, role
-- OPERATOR). One account per e-mail address across the platform, so a login needs no tenant.
CREATE TABLE accounts (
    id                    uuid PRIMARY KEY,
    tenant_id             uuid REFERENCES tenants (id) ON DELETE CASCADE,
    email                 text        NOT NULL,
    display_name          text,
    password_hash         text,
    role                  text        NOT NULL CHECK (role IN ('OWNER', 'ADMIN', 'DEVELOPER', 'MODERATOR', 'VIEWER', 'OPERATOR')),
    status                text        NOT NULL CHECK (status IN ('INVITED', 'ACTIVE')),
    invitation_hash       text UNIQUE,
    invitation_expires_at timestamptz,
    created_at            timestamptz NOT NULL DEFAULT now(),
    last_login_at         timestamptz,
    CHECK ((tenant_id IS NULL) = (role = 'OPERATOR'))
);
CREATE UNIQUE INDEX accounts_email ON accounts (lower(email));
CREATE INDEX accounts_tenant ON accounts (tenant_id, created_at);

-- Every admin action: who, when, what, on which object, from which address. Append-only for the
-- application: its role may insert and read, never change or delete.
CREATE TABLE audit_log (
    tenant_id      uuid,
    id             uuid        NOT NULL PRIMARY KEY,
    at             timestamptz NOT NULL DEFAULT now(),
    actor_id       uuid,
    actor          text        NOT NULL,
    action         text        NOT NULL,
    target_type    text        NOT NULL,
    target_id      text,
    details        jsonb       NOT NULL DEFAULT '{}',
    source_address text
);
CREATE INDEX audit_log_tenant ON audit_log (tenant_id, id DESC);

-- Keys that sign access tokens, shared by every node; the private part is encrypted with the
-- master key. Platform-only: the application role has no access at all.
CREATE TABLE signing_keys (
    id          text PRIMARY KEY,
    jwk         text        NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    retired_at  timestamptz
);

ALTER TABLE tenants ENABLE ROW LEVEL SECURITY;
ALTER TABLE tenants FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON tenants USING (id = linnet_current_tenant());

ALTER TABLE apps ENABLE ROW LEVEL SECURITY;
ALTER TABLE apps FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON apps
    USING (tenant_id = linnet_current_tenant()) WITH CHECK (tenant_id = linnet_current_tenant());

ALTER TABLE app_keys ENABLE ROW LEVEL SECURITY;
ALTER TABLE app_keys FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON app_keys
    USING (tenant_id = linnet_current_tenant()) WITH CHECK (tenant_id = linnet_current_tenant());

ALTER TABLE accounts ENABLE ROW LEVEL SECURITY;
ALTER TABLE accounts FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON accounts
    USING (tenant_id = linnet_current_tenant()) WITH CHECK (tenant_id = linnet_current_tenant());

ALTER TABLE audit_log ENABLE ROW LEVEL SECURITY;
ALTER TABLE audit_log FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON audit_log
    USING (tenant_id = linnet_current_tenant()) WITH CHECK (tenant_id = linnet_current_tenant());

ALTER TABLE signing_keys ENABLE ROW LEVEL SECURITY;
ALTER TABLE signing_keys FORCE ROW LEVEL SECURITY;

-- the explicit cross-tenant path; the application role has no such policy
CREATE POLICY platform_path ON tenants TO ${platform_role} USING (true) WITH CHECK (true);
CREATE POLICY platform_path ON apps TO ${platform_role} USING (true) WITH CHECK (true);
CREATE POLICY platform_path ON app_keys TO ${platform_role} USING (true) WITH CHECK (true);
CREATE POLICY platform_path ON accounts TO ${platform_role} USING (true) WITH CHECK (true);
CREATE POLICY platform_path ON audit_log TO ${platform_role} USING (true) WITH CHECK (true);
CREATE POLICY platform_path ON signing_keys TO ${platform_role} USING (true) WITH CHECK (true);

REVOKE ALL ON ALL TABLES IN SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO ${app_role}, ${platform_role};
GRANT EXECUTE ON FUNCTION linnet_current_tenant() TO ${app_role}, ${platform_role};

GRANT SELECT ON tenants TO ${app_role};
GRANT SELECT, INSERT, UPDATE, DELETE ON apps, app_keys, accounts TO ${app_role};
GRANT SELECT, INSERT ON audit_log TO ${app_role};

GRANT SELECT, INSERT, UPDATE, DELETE ON tenants, apps, app_keys, accounts, signing_keys TO ${platform_role};
GRANT SELECT, INSERT ON audit_log TO ${platform_role};
