-- Runs as the schema owner before every migration: makes sure the two runtime roles exist and
-- carry the passwords this deployment configured. Neither role owns a table.
--   ${app_role}:      the application's everyday connections; subject to row-level security.
--   ${platform_role}: the explicit cross-tenant path (operator work, look-ups before a tenant is
--                     known); may bypass row-level security, so only dedicated code uses it.
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${app_role}') THEN
        CREATE ROLE ${app_role} LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
    END IF;
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${platform_role}') THEN
        CREATE ROLE ${platform_role} LOGIN NOSUPERUSER BYPASSRLS NOCREATEDB NOCREATEROLE;
    END IF;
    EXECUTE format('ALTER ROLE %I WITH LOGIN NOBYPASSRLS PASSWORD %L', '${app_role}', '${app_password}');
    EXECUTE format('ALTER ROLE %I WITH LOGIN BYPASSRLS PASSWORD %L', '${platform_role}', '${platform_password}');
END
$$;
