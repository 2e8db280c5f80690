-- A tenant's name tells it apart in the operator's list, so two tenants may not share one: names are
-- unique ignoring case and surrounding spaces. Names stored before this rule may repeat; each repeat
-- but the oldest gets the first free suffix (" (2)", " (3)", ...) so that the index can be built.
-- The owner is subject to the table's forced row-level security, so it is lifted for the renaming.
ALTER TABLE tenants NO FORCE ROW LEVEL SECURITY;

DO $$
DECLARE
    repeat    record;
    candidate text;
    suffix    int;
BEGIN
    FOR repeat IN
        SELECT id, base FROM (
            SELECT id, created_at, btrim(name) AS base,
                   row_number() OVER (PARTITION BY lower(btrim(name)) ORDER BY created_at, id) AS rank
              FROM tenants) ranked
         WHERE rank > 1
         ORDER BY created_at, id
    LOOP
        suffix := 2;
        LOOP
            candidate := left(repeat.base, 90) || ' (' || suffix || ')';
            EXIT WHEN NOT EXISTS (SELECT 1 FROM tenants WHERE lower(btrim(name)) = lower(candidate));
            suffix := suffix + 1;
        END LOOP;
        UPDATE tenants SET name = candidate WHERE id = repeat.id;
    END LOOP;
END
$$;

ALTER TABLE tenants FORCE ROW LEVEL SECURITY;

CREATE UNIQUE INDEX tenants_name ON tenants (lower(btrim(name)));
