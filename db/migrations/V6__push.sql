-- Push: devices, templates, per-app push settings, push jobs, and the delivery outbox. Every row
-- belongs to one app of one tenant and leads its keys with (tenant_id, app_id), fenced by row-level
-- security as in V1. The delivery workers are the one exception to "every index leads with
-- tenant_id": claiming due work is cross-tenant by nature, so the two claim indexes lead with the
-- due time, and the workers reach them only through the platform role.

-- A device is what a user's app registered with its provider: an APNs token (with the environment
-- that issued it), an FCM registration token, or a Web Push subscription (token holds its endpoint).
-- (app, provider, token) is unique: registering the same token again moves the device to whoever
-- registered it last, as happens when a phone changes hands or a user signs in as someone else.
-- A device the provider reports dead keeps its row, marked invalid with the provider's reason, so
-- its history explains the failures; targeting skips it. Deleting the user deletes their devices.
CREATE TABLE push_devices (
    tenant_id      uuid        NOT NULL,
    app_id         uuid        NOT NULL,
    id             uuid        NOT NULL,
    user_id        text        NOT NULL,
    provider       text        NOT NULL CHECK (provider IN ('apns', 'fcm', 'webpush')),
    token          text        NOT NULL CHECK (length(token) BETWEEN 1 AND 4096),
    environment    text        CHECK (environment IN ('sandbox', 'production')),
    p256dh         text,
    auth           text,
    app_version    text,
    locale         text,
    created_at     timestamptz NOT NULL DEFAULT now(),
    last_seen_at   timestamptz NOT NULL DEFAULT now(),
    invalid_at     timestamptz,
    invalid_reason text,
    PRIMARY KEY (tenant_id, app_id, id),
    UNIQUE (tenant_id, app_id, provider, token),
    CHECK ((provider = 'apns') = (environment IS NOT NULL)),
    CHECK ((provider = 'webpush') = (p256dh IS NOT NULL AND auth IS NOT NULL)),
    FOREIGN KEY (tenant_id, app_id, user_id) REFERENCES end_users (tenant_id, app_id, user_id) ON DELETE CASCADE
);
-- a user's devices (the devices API, targeting by users, offline push)
CREATE INDEX push_devices_user ON push_devices (tenant_id, app_id, user_id);

-- Templates: a notification with {{variables}} in its texts, rendered when a job is created.
CREATE TABLE push_templates (
    tenant_id    uuid        NOT NULL,
    app_id       uuid        NOT NULL,
    id           uuid        NOT NULL,
    name         text        NOT NULL,
    content      jsonb       NOT NULL CHECK (jsonb_typeof(content) = 'object'),
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, app_id, id),
    FOREIGN KEY (tenant_id, app_id) REFERENCES apps (tenant_id, id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX push_templates_name ON push_templates (tenant_id, app_id, lower(name));

-- How an app wants chat messages pushed to members who are offline: at all, and with how much of
-- the message on a lock screen ('full': sender and text; 'sender': who wrote, not what; 'none':
-- only that something arrived). No row means the defaults.
CREATE TABLE push_app_settings (
    tenant_id       uuid        NOT NULL,
    app_id          uuid        NOT NULL,
    offline_push    boolean     NOT NULL DEFAULT true,
    offline_preview text        NOT NULL DEFAULT 'full' CHECK (offline_preview IN ('full', 'sender', 'none')),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, app_id),
    FOREIGN KEY (tenant_id, app_id) REFERENCES apps (tenant_id, id) ON DELETE CASCADE
);

-- A push job: who (target), what (content, already rendered from its template), when (send_at),
-- until when (expires_at). Its life: scheduled -> expanding (targets written to the outbox page by
-- page, expand_cursor remembering the last device written, so a job resumes where it stopped) ->
-- sending -> completed; or scheduled -> cancelled.
-- The counters are maintained by the transactions that change the deliveries, so reading them is
-- one row, however large the audience: queued (deliveries not yet final), sent (handed to a
-- provider at least once), delivered (the provider accepted), failed (final otherwise, by reason in
-- push_job_failures), opened (devices that reported an open).
-- lease_until: the node expanding the job holds it until then; a crashed node's job comes back.
-- coalesce_key: offline chat pushes for one recipient and conversation update the job still
-- scheduled under that key instead of adding one, so a burst of messages is one notification.
CREATE TABLE push_jobs (
    tenant_id     uuid        NOT NULL,
    app_id        uuid        NOT NULL,
    id            uuid        NOT NULL,
    origin        text        NOT NULL CHECK (origin IN ('api', 'console', 'offline')),
    state         text        NOT NULL CHECK (state IN ('scheduled', 'expanding', 'sending', 'completed', 'cancelled')),
    target        jsonb       NOT NULL,
    content       jsonb       NOT NULL,
    template_id   uuid,
    collapse_key  text,
    priority      text        NOT NULL CHECK (priority IN ('high', 'normal')),
    send_at       timestamptz NOT NULL,
    expires_at    timestamptz NOT NULL,
    coalesce_key  text,
    created_at    timestamptz NOT NULL DEFAULT now(),
    expanded_at   timestamptz,
    completed_at  timestamptz,
    cancelled_at  timestamptz,
    lease_until   timestamptz,
    lease_id      uuid,
    expand_cursor uuid,
    targeted      integer     NOT NULL DEFAULT 0 CHECK (targeted >= 0),
    queued        integer     NOT NULL DEFAULT 0 CHECK (queued >= 0),
    sent          integer     NOT NULL DEFAULT 0 CHECK (sent >= 0),
    delivered     integer     NOT NULL DEFAULT 0 CHECK (delivered >= 0),
    failed        integer     NOT NULL DEFAULT 0 CHECK (failed >= 0),
    opened        integer     NOT NULL DEFAULT 0 CHECK (opened >= 0),
    PRIMARY KEY (tenant_id, app_id, id),
    FOREIGN KEY (tenant_id, app_id) REFERENCES apps (tenant_id, id) ON DELETE CASCADE
);
-- the scheduler's claim: jobs due for expansion, across tenants (platform role only)
CREATE INDEX push_jobs_due ON push_jobs (send_at) WHERE state IN ('scheduled', 'expanding');
CREATE UNIQUE INDEX push_jobs_coalescing ON push_jobs (tenant_id, app_id, coalesce_key)
    WHERE state = 'scheduled' AND coalesce_key IS NOT NULL;

CREATE TABLE push_job_failures (
    tenant_id uuid    NOT NULL,
    app_id    uuid    NOT NULL,
    job_id    uuid    NOT NULL,
    reason    text    NOT NULL,
    count     integer NOT NULL CHECK (count > 0),
    PRIMARY KEY (tenant_id, app_id, job_id, reason),
    FOREIGN KEY (tenant_id, app_id, job_id) REFERENCES push_jobs (tenant_id, app_id, id) ON DELETE CASCADE
);

-- The delivery outbox: one row per (job, device), written by expansion, so a re-run of a page
-- cannot queue a device twice. A worker claims due rows with FOR UPDATE SKIP LOCKED and moves
-- due_at to the end of its lease, stamping claim_id: a crashed node's claims come due again when
-- the lease runs out, and only the claim's holder may record its outcome. A retry sets due_at to
-- the next attempt. state 'queued' is the only one that is not final.
-- No foreign key to push_devices: a device deleted while queued ends as failed ('DeviceRemoved')
-- instead of vanishing from the job's counts.
CREATE TABLE push_deliveries (
    tenant_id           uuid        NOT NULL,
    app_id              uuid        NOT NULL,
    job_id              uuid        NOT NULL,
    device_id           uuid        NOT NULL,
    user_id             text        NOT NULL,
    provider            text        NOT NULL,
    state               text        NOT NULL CHECK (state IN ('queued', 'delivered', 'failed')),
    due_at              timestamptz NOT NULL,
    attempts            integer     NOT NULL DEFAULT 0,
    claim_id            uuid,
    claimed_by          text,
    reason              text,
    provider_message_id text,
    updated_at          timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, app_id, job_id, device_id),
    FOREIGN KEY (tenant_id, app_id, job_id) REFERENCES push_jobs (tenant_id, app_id, id) ON DELETE CASCADE
);
-- the workers' claim: due rows across tenants, oldest first (platform role only); small, since
-- final rows leave it
CREATE INDEX push_deliveries_due ON push_deliveries (due_at) WHERE state = 'queued';

-- A client reports that a notification was opened; once per device and job.
CREATE TABLE push_opens (
    tenant_id uuid        NOT NULL,
    app_id    uuid        NOT NULL,
    job_id    uuid        NOT NULL,
    device_id uuid        NOT NULL,
    opened_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, app_id, job_id, device_id),
    FOREIGN KEY (tenant_id, app_id, job_id) REFERENCES push_jobs (tenant_id, app_id, id) ON DELETE CASCADE
);

ALTER TABLE push_devices ENABLE ROW LEVEL SECURITY;
ALTER TABLE push_devices FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON push_devices
    USING (tenant_id = linnet_current_tenant()) WITH CHECK (tenant_id = linnet_current_tenant());

ALTER TABLE push_templates ENABLE ROW LEVEL SECURITY;
ALTER TABLE push_templates FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON push_templates
    USING (tenant_id = linnet_current_tenant()) WITH CHECK (tenant_id = linnet_current_tenant());

ALTER TABLE push_app_settings ENABLE ROW LEVEL SECURITY;
ALTER TABLE push_app_settings FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON push_app_settings
    USING (tenant_id = linnet_current_tenant()) WITH CHECK (tenant_id = linnet_current_tenant());

ALTER TABLE push_jobs ENABLE ROW LEVEL SECURITY;
ALTER TABLE push_jobs FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON push_jobs
    USING (tenant_id = linnet_current_tenant()) WITH CHECK (tenant_id = linnet_current_tenant());

ALTER TABLE push_job_failures ENABLE ROW LEVEL SECURITY;
ALTER TABLE push_job_failures FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON push_job_failures
    USING (tenant_id = linnet_current_tenant()) WITH CHECK (tenant_id = linnet_current_tenant());

ALTER TABLE push_deliveries ENABLE ROW LEVEL SECURITY;
ALTER TABLE push_deliveries FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON push_deliveries
    USING (tenant_id = linnet_current_tenant()) WITH CHECK (tenant_id = linnet_current_tenant());

ALTER TABLE push_opens ENABLE ROW LEVEL SECURITY;
ALTER TABLE push_opens FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON push_opens
    USING (tenant_id = linnet_current_tenant()) WITH CHECK (tenant_id = linnet_current_tenant());

CREATE POLICY platform_path ON push_devices TO ${platform_role} USING (true) WITH CHECK (true);
CREATE POLICY platform_path ON push_templates TO ${platform_role} USING (true) WITH CHECK (true);
CREATE POLICY platform_path ON push_app_settings TO ${platform_role} USING (true) WITH CHECK (true);
CREATE POLICY platform_path ON push_jobs TO ${platform_role} USING (true) WITH CHECK (true);
CREATE POLICY platform_path ON push_job_failures TO ${platform_role} USING (true) WITH CHECK (true);
CREATE POLICY platform_path ON push_deliveries TO ${platform_role} USING (true) WITH CHECK (true);
CREATE POLICY platform_path ON push_opens TO ${platform_role} USING (true) WITH CHECK (true);

GRANT SELECT, INSERT, UPDATE, DELETE
    ON push_devices, push_templates, push_app_settings, push_jobs, push_job_failures, push_deliveries, push_opens
    TO ${app_role}, ${platform_role};
