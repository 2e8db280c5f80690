-- Inviting an address must not reveal whether it already has an account in another tenant, so an
-- invitation is stored whatever other tenants hold. An address still has at most one active
-- account on the platform (sign-in needs no tenant): accepting an invitation for an address that
-- is active elsewhere fails on this index. Within a tenant an address appears once.
DROP INDEX accounts_email;
CREATE UNIQUE INDEX accounts_email ON accounts (lower(email)) WHERE status = 'ACTIVE';
CREATE UNIQUE INDEX accounts_tenant_email ON accounts (tenant_id, lower(email));
