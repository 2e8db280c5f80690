-- Moderation: an app's rules on the send path, its optional pre-send hook, the review queue of
-- flagged and reported messages, the decisions taken on them, mutes and bans, and per-day counts.
-- Every row belongs to one app of one tenant, keys lead with (tenant_id, app_id), and row-level
-- security fences each table exactly as in V1.

-- A rule is a keyword list or a set of regular expressions with one action and one scope. The
-- send path never reads this table: each node compiles an app's enabled rules once and keeps them
-- until an admin changes them (every node is told through Redis).
CREATE TABLE moderation_rules (
    tenant_id  uuid        NOT NULL,
    app_id     uuid        NOT NULL,
    id         uuid        NOT NULL,
    name       text        NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    kind       text        NOT NULL CHECK (kind IN ('keywords', 'regex')),
    terms      text[]      NOT NULL,
    action     text        NOT NULL CHECK (action IN ('block', 'mask', 'flag')),
    scope      text        NOT NULL CHECK (scope IN ('all', 'groups', 'direct')),
    enabled    boolean     NOT NULL DEFAULT true,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, app_id, id),
    FOREIGN KEY (tenant_id, app_id) REFERENCES apps (tenant_id, id) ON DELETE CASCADE
);

-- The pre-send hook of an app, if it has one. The signing secret is encrypted under the master key.
CREATE TABLE moderation_hooks (
    tenant_id      uuid        NOT NULL,
    app_id         uuid        NOT NULL,
    url            text        NOT NULL CHECK (length(url) <= 2048),
    secret         text        NOT NULL,
    timeout_millis integer     NOT NULL CHECK (timeout_millis BETWEEN 100 AND 5000),
    on_failure     text        NOT NULL CHECK (on_failure IN ('open', 'closed')),
    updated_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, app_id),
    FOREIGN KEY (tenant_id, app_id) REFERENCES apps (tenant_id, id) ON DELETE CASCADE
);

-- The review queue: one item per message, whatever brought it there (a FLAG rule, one or more
-- reports, or both). A new report on a decided message opens it again. message_id has no foreign
-- key to messages (its key is (conversation, seq)); conversation and seq locate it for the context.
CREATE TABLE moderation_reviews (
    tenant_id       uuid        NOT NULL,
    app_id          uuid        NOT NULL,
    message_id      uuid        NOT NULL,
    conversation_id uuid        NOT NULL,
    seq             bigint      NOT NULL,
    sender_id       text        NOT NULL,
    flagged_by      text[]      NOT NULL DEFAULT '{}',
    matched         text[]      NOT NULL DEFAULT '{}',
    report_count    integer     NOT NULL DEFAULT 0,
    status          text        NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'approved', 'recalled')),
    decided_at      timestamptz,
    decided_by      text,
    decision_reason text,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, app_id, message_id),
    FOREIGN KEY (tenant_id, app_id, conversation_id) REFERENCES conversations (tenant_id, app_id, id) ON DELETE CASCADE
);
-- the queue as moderators read it: open items first, oldest first
CREATE INDEX moderation_reviews_queue ON moderation_reviews (tenant_id, app_id, status, created_at, message_id);

-- A report: one per (message, reporter); reporting again changes only the reason.
CREATE TABLE moderation_reports (
    tenant_id   uuid        NOT NULL,
    app_id      uuid        NOT NULL,
    message_id  uuid        NOT NULL,
    reporter_id text        NOT NULL,
    reason      text        NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
    created_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, app_id, message_id, reporter_id),
    FOREIGN KEY (tenant_id, app_id, message_id) REFERENCES moderation_reviews (tenant_id, app_id, message_id) ON DELETE CASCADE
);

-- Mutes (in one conversation, or the whole app when conversation_id is null) and bans. Active
-- while lifted_at is null and expires_at is null or ahead. Lifting keeps the row, for the record.
CREATE TABLE moderation_restrictions (
    tenant_id       uuid        NOT NULL,
    app_id          uuid        NOT NULL,
    id              uuid        NOT NULL,
    user_id         text        NOT NULL,
    kind            text        NOT NULL CHECK (kind IN ('mute', 'ban')),
    conversation_id uuid,
    reason          text        NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
    created_by      text        NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    expires_at      timestamptz,
    lifted_at       timestamptz,
    lifted_by       text,
    lift_reason     text,
    PRIMARY KEY (tenant_id, app_id, id),
    CHECK (kind = 'mute' OR conversation_id IS NULL),
    FOREIGN KEY (tenant_id, app_id) REFERENCES apps (tenant_id, id) ON DELETE CASCADE
);
-- the restrictions still in force (what each node loads, and the ban check on token verification)
CREATE INDEX moderation_restrictions_live ON moderation_restrictions (tenant_id, app_id, user_id) WHERE lifted_at IS NULL;

-- Per-day counts for the console's chart, bumped as things happen (in UTC days).
CREATE TABLE moderation_daily_counts (
    tenant_id uuid    NOT NULL,
    app_id    uuid    NOT NULL,
    day       date    NOT NULL,
    blocked   bigint  NOT NULL DEFAULT 0,
    masked    bigint  NOT NULL DEFAULT 0,
    flagged   bigint  NOT NULL DEFAULT 0,
    reported  bigint  NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant_id, app_id, day),
    FOREIGN KEY (tenant_id, app_id) REFERENCES apps (tenant_id, id) ON DELETE CASCADE
);

ALTER TABLE moderation_rules ENABLE ROW LEVEL SECURITY;
ALTER TABLE moderation_rules FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON moderation_rules
    USING (tenant_id = linnet_current_tenant()) WITH CHECK (tenant_id = linnet_current_tenant());

ALTER TABLE moderation_hooks ENABLE ROW LEVEL SECURITY;
ALTER TABLE moderation_hooks FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON moderation_hooks
    USING (tenant_id = linnet_current_tenant()) WITH CHECK (tenant_id = linnet_current_tenant());

ALTER TABLE moderation_reviews ENABLE ROW LEVEL SECURITY;
ALTER TABLE moderation_reviews FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON moderation_reviews
    USING (tenant_id = linnet_current_tenant()) WITH CHECK (tenant_id = linnet_current_tenant());

ALTER TABLE moderation_reports ENABLE ROW LEVEL SECURITY;
ALTER TABLE moderation_reports FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON moderation_reports
    USING (tenant_id = linnet_current_tenant()) WITH CHECK (tenant_id = linnet_current_tenant());

ALTER TABLE moderation_restrictions ENABLE ROW LEVEL SECURITY;
ALTER TABLE moderation_restrictions FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON moderation_restrictions
    USING (tenant_id = linnet_current_tenant()) WITH CHECK (tenant_id = linnet_current_tenant());

ALTER TABLE moderation_daily_counts ENABLE ROW LEVEL SECURITY;
ALTER TABLE moderation_daily_counts FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON moderation_daily_counts
    USING (tenant_id = linnet_current_tenant()) WITH CHECK (tenant_id = linnet_current_tenant());

CREATE POLICY platform_path ON moderation_rules TO ${platform_role} USING (true) WITH CHECK (true);
CREATE POLICY platform_path ON moderation_hooks TO ${platform_role} USING (true) WITH CHECK (true);
CREATE POLICY platform_path ON moderation_reviews TO ${platform_role} USING (true) WITH CHECK (true);
CREATE POLICY platform_path ON moderation_reports TO ${platform_role} USING (true) WITH CHECK (true);
CREATE POLICY platform_path ON moderation_restrictions TO ${platform_role} USING (true) WITH CHECK (true);
CREATE POLICY platform_path ON moderation_daily_counts TO ${platform_role} USING (true) WITH CHECK (true);

GRANT SELECT, INSERT, UPDATE, DELETE ON moderation_rules, moderation_hooks, moderation_reviews, moderation_reports,
    moderation_restrictions, moderation_daily_counts TO ${app_role}, ${platform_role};
