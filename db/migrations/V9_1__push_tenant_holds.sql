-- Push, held for suspended tenants: a row here stops the tenant's push work on every node (the
-- scheduler does not start its due jobs, the delivery workers do not claim its queued deliveries)
-- until the tenant is resumed and the row goes; what was held then goes out, unless it expired
-- meanwhile. push-core writes it in the transaction that suspends or resumes the tenant, from the
-- tenancy module's TenantStatusChanged event, so the hold and the suspension commit together.
-- Not tenant-scoped data but the platform's view of tenants, so only the platform role reaches it;
-- deleting the tenant deletes its hold. A tenant already suspended when this runs is not held until
-- it is suspended again: row-level security on tenants keeps the migration from reading it.
CREATE TABLE push_tenant_holds (
    tenant_id  uuid        PRIMARY KEY REFERENCES tenants (id) ON DELETE CASCADE,
    held_since timestamptz NOT NULL DEFAULT now()
);

-- fenced like every table that names a tenant; the application's everyday role has no grant at all
ALTER TABLE push_tenant_holds ENABLE ROW LEVEL SECURITY;
ALTER TABLE push_tenant_holds FORCE ROW LEVEL SECURITY;
CREATE POLICY platform_path ON push_tenant_holds TO ${platform_role} USING (true) WITH CHECK (true);

GRANT SELECT, INSERT, DELETE ON push_tenant_holds TO ${platform_role};
