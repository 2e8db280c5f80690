-- Usage metering (issue 12), owned by the analytics module. Every node counts in memory what its
-- events tell it and adds its counts here in one statement per table every few seconds
-- (linnet.analytics.flush-interval), across tenants on the platform role; the console and the
-- analytics API read them back per tenant. Times are UTC.

-- Per app, metric and hour: sums (messages, bytes, deliveries, API calls, ...) are added to; peaks
-- (concurrent connections) keep the greatest. `dimension` splits a metric where it has parts (the app
-- key of an API call); '' where it has none.
CREATE TABLE analytics_hourly (
    tenant_id uuid        NOT NULL,
    app_id    uuid        NOT NULL,
    hour      timestamptz NOT NULL,
    metric    text        NOT NULL,
    dimension text        NOT NULL DEFAULT '',
    value     bigint      NOT NULL,
    PRIMARY KEY (tenant_id, app_id, metric, dimension, hour),
    FOREIGN KEY (tenant_id, app_id) REFERENCES apps (tenant_id, id) ON DELETE CASCADE
);

-- The same per UTC day, kept longer; also the day's distinct active users.
CREATE TABLE analytics_daily (
    tenant_id uuid   NOT NULL,
    app_id    uuid   NOT NULL,
    day       date   NOT NULL,
    metric    text   NOT NULL,
    dimension text   NOT NULL DEFAULT '',
    value     bigint NOT NULL,
    PRIMARY KEY (tenant_id, app_id, metric, dimension, day),
    FOREIGN KEY (tenant_id, app_id) REFERENCES apps (tenant_id, id) ON DELETE CASCADE
);

-- Who was active (connected or sent) on which day: the key makes every user count once a day, however
-- many nodes saw them; monthly and rolling 30-day active users are distinct counts over it.
CREATE TABLE analytics_active_users (
    tenant_id uuid NOT NULL,
    app_id    uuid NOT NULL,
    day       date NOT NULL,
    user_id   text NOT NULL,
    PRIMARY KEY (tenant_id, app_id, day, user_id),
    FOREIGN KEY (tenant_id, app_id) REFERENCES apps (tenant_id, id) ON DELETE CASCADE
);

-- Each node's highest number of an app's connections in each minute: the sum over nodes is the
-- minute's peak, and the hour's peak is the highest minute. Kept two days.
CREATE TABLE analytics_connection_minutes (
    tenant_id   uuid        NOT NULL,
    app_id      uuid        NOT NULL,
    minute      timestamptz NOT NULL,
    node        text        NOT NULL,
    connections int         NOT NULL,
    PRIMARY KEY (tenant_id, app_id, minute, node),
    FOREIGN KEY (tenant_id, app_id) REFERENCES apps (tenant_id, id) ON DELETE CASCADE
);

CREATE INDEX analytics_hourly_by_hour ON analytics_hourly (hour);
CREATE INDEX analytics_daily_by_day ON analytics_daily (day);
CREATE INDEX analytics_active_users_by_day ON analytics_active_users (day);
CREATE INDEX analytics_connection_minutes_by_minute ON analytics_connection_minutes (minute);

ALTER TABLE analytics_hourly ENABLE ROW LEVEL SECURITY;
ALTER TABLE analytics_hourly FORCE ROW LEVEL SECURITY;
ALTER TABLE analytics_daily ENABLE ROW LEVEL SECURITY;
ALTER TABLE analytics_daily FORCE ROW LEVEL SECURITY;
ALTER TABLE analytics_active_users ENABLE ROW LEVEL SECURITY;
ALTER TABLE analytics_active_users FORCE ROW LEVEL SECURITY;
ALTER TABLE analytics_connection_minutes ENABLE ROW LEVEL SECURITY;
ALTER TABLE analytics_connection_minutes FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON analytics_hourly
    USING (tenant_id = linnet_current_tenant()) WITH CHECK (tenant_id = linnet_current_tenant());
CREATE POLICY tenant_isolation ON analytics_daily
    USING (tenant_id = linnet_current_tenant()) WITH CHECK (tenant_id = linnet_current_tenant());
CREATE POLICY tenant_isolation ON analytics_active_users
    USING (tenant_id = linnet_current_tenant()) WITH CHECK (tenant_id = linnet_current_tenant());
CREATE POLICY tenant_isolation ON analytics_connection_minutes
    USING (tenant_id = linnet_current_tenant()) WITH CHECK (tenant_id = linnet_current_tenant());
CREATE POLICY platform_path ON analytics_hourly TO ${platform_role} USING (true) WITH CHECK (true);
CREATE POLICY platform_path ON analytics_daily TO ${platform_role} USING (true) WITH CHECK (true);
CREATE POLICY platform_path ON analytics_active_users TO ${platform_role} USING (true) WITH CHECK (true);
CREATE POLICY platform_path ON analytics_connection_minutes TO ${platform_role} USING (true) WITH CHECK (true);

-- tenants read their own numbers; only the platform path (the flush, the retention job, the
-- operator's totals) writes and reads across tenants
GRANT SELECT ON analytics_hourly, analytics_daily, analytics_active_users, analytics_connection_minutes TO ${app_role};
GRANT SELECT, INSERT, UPDATE, DELETE ON analytics_hourly, analytics_daily, analytics_active_users,
    analytics_connection_minutes TO ${platform_role};
