-- Runs as the schema owner before every migration: makes sure the two runtime roles exist and
-- carry the passwords this deployment configured. Neither role owns a table.
--   ${app_role}:      the application's everyday connections; subject to row-level security.
--   ${platform_role}: the explicit cross-tenant path (operator work, look-ups before a tenant is
--                     known); policies of its own let it read across tenants, so only dedicated
--                     code uses it. Neither role has BYPASSRLS, so an owner with CREATEROLE (not
--                     a superuser) can run the migrations.
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${app_role}') THEN
        CREATE ROLE ${app_role} LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
    END IF;
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${platform_role}') THEN
        CREATE ROLE ${platform_role} LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
    END IF;
    EXECUTE format('ALTER ROLE %I WITH LOGIN PASSWORD %L', '${app_role}', '${app_password}');
    EXECUTE format('ALTER ROLE %I WITH LOGIN PASSWORD %L', '${platform_role}', '${platform_password}');
END
$$;
