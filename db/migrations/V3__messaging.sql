-- Messaging: an app's end users, their conversations and the messages in them. Every row belongs
-- to one app of one tenant, so every key and index leads with (tenant_id, app_id): a look-up never
-- leaves one app's slice of an index, and a future distribution on tenant_id (Citus) keeps an
-- app's conversations, members and messages on one node. Row-level security fences each table
-- exactly as in V1; the application also filters by tenant and app itself.

-- End users are named by the developer (userId), not by us: the natural key is (app, userId).
-- tokens_valid_after revokes user tokens without a token table: a token issued before it is void.
-- It starts at the creation time, so tokens of a deleted and re-created user die with the first.
CREATE TABLE end_users (
    tenant_id          uuid        NOT NULL,
    app_id             uuid        NOT NULL,
    user_id            text        NOT NULL CHECK (user_id ~ '^[A-Za-z0-9_.@:-]{1,128}$'),
    name               text,
    avatar_url         text,
    custom             jsonb       NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(custom) = 'object'),
    tags               text[]      NOT NULL DEFAULT '{}',
    tokens_valid_after timestamptz NOT NULL DEFAULT now(),
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, app_id, user_id),
    FOREIGN KEY (tenant_id, app_id) REFERENCES apps (tenant_id, id) ON DELETE CASCADE
);

-- A conversation's row is also its sequencer: last_seq is bumped by the UPDATE that appends a
-- message, so the row lock orders the senders of one conversation and nothing else.
-- A direct conversation stores its two members as an ordered pair (direct_low < direct_high); the
-- partial unique index on that pair is what makes "one direct conversation per pair" true under
-- concurrent creates, whichever order the two ids arrive in.
CREATE TABLE conversations (
    tenant_id    uuid        NOT NULL,
    app_id       uuid        NOT NULL,
    id           uuid        NOT NULL,
    type         text        NOT NULL CHECK (type IN ('direct', 'group')),
    name         text,
    member_limit integer     NOT NULL CHECK (member_limit >= 2),
    direct_low   text,
    direct_high  text,
    last_seq     bigint      NOT NULL DEFAULT 0 CHECK (last_seq >= 0),
    created_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, app_id, id),
    CHECK ((type = 'direct') = (direct_low IS NOT NULL AND direct_high IS NOT NULL)),
    CHECK (direct_low COLLATE "C" < direct_high COLLATE "C"),
    FOREIGN KEY (tenant_id, app_id) REFERENCES apps (tenant_id, id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX conversations_direct_pair ON conversations (tenant_id, app_id, direct_low, direct_high)
    WHERE type = 'direct';

-- The primary key serves "members of a conversation" (fan-out, membership checks on send); the
-- second index serves "conversations of a user" (sync, unread counts) without a scan. Deleting a
-- user drops their memberships; their messages stay (see messages.sender_id).
CREATE TABLE conversation_members (
    tenant_id       uuid        NOT NULL,
    app_id          uuid        NOT NULL,
    conversation_id uuid        NOT NULL,
    user_id         text        NOT NULL,
    role            text        NOT NULL CHECK (role IN ('owner', 'admin', 'member')),
    joined_at       timestamptz NOT NULL DEFAULT now(),
    read_seq        bigint      NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant_id, app_id, conversation_id, user_id),
    FOREIGN KEY (tenant_id, app_id, conversation_id) REFERENCES conversations (tenant_id, app_id, id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, app_id, user_id) REFERENCES end_users (tenant_id, app_id, user_id) ON DELETE CASCADE
);
CREATE INDEX conversation_members_user ON conversation_members (tenant_id, app_id, user_id, conversation_id);

-- Messages are clustered by (conversation, seq): history and gap fill are range scans of the
-- primary key, in either direction, and seq is gap-free because it is taken under the
-- conversation's row lock in the inserting transaction.
-- The opaque id (UUIDv7) is for clients and recall: one unique index per app.
-- (app, sender, client_msg_id) is unique so that a retried send cannot store twice: the retry
-- finds (or collides with) the original and answers its id and seq. The same index, by its
-- prefix, finds a sender's messages when their content is purged.
-- sender_id has no foreign key: a deleted user's messages keep their place in the sequence.
-- Recall and purge replace body with a tombstone and keep the row, so seqs stay gap-free.
CREATE TABLE messages (
    tenant_id       uuid        NOT NULL,
    app_id          uuid        NOT NULL,
    conversation_id uuid        NOT NULL,
    seq             bigint      NOT NULL CHECK (seq > 0),
    id              uuid        NOT NULL,
    sender_id       text        NOT NULL,
    client_msg_id   text        NOT NULL,
    body            jsonb       NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    recalled_at     timestamptz,
    PRIMARY KEY (tenant_id, app_id, conversation_id, seq),
    UNIQUE (tenant_id, app_id, id),
    UNIQUE (tenant_id, app_id, sender_id, client_msg_id),
    FOREIGN KEY (tenant_id, app_id, conversation_id) REFERENCES conversations (tenant_id, app_id, id) ON DELETE CASCADE
);

ALTER TABLE end_users ENABLE ROW LEVEL SECURITY;
ALTER TABLE end_users FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON end_users
    USING (tenant_id = linnet_current_tenant()) WITH CHECK (tenant_id = linnet_current_tenant());

ALTER TABLE conversations ENABLE ROW LEVEL SECURITY;
ALTER TABLE conversations FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON conversations
    USING (tenant_id = linnet_current_tenant()) WITH CHECK (tenant_id = linnet_current_tenant());

ALTER TABLE conversation_members ENABLE ROW LEVEL SECURITY;
ALTER TABLE conversation_members FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON conversation_members
    USING (tenant_id = linnet_current_tenant()) WITH CHECK (tenant_id = linnet_current_tenant());

ALTER TABLE messages ENABLE ROW LEVEL SECURITY;
ALTER TABLE messages FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON messages
    USING (tenant_id = linnet_current_tenant()) WITH CHECK (tenant_id = linnet_current_tenant());

CREATE POLICY platform_path ON end_users TO ${platform_role} USING (true) WITH CHECK (true);
CREATE POLICY platform_path ON conversations TO ${platform_role} USING (true) WITH CHECK (true);
CREATE POLICY platform_path ON conversation_members TO ${platform_role} USING (true) WITH CHECK (true);
CREATE POLICY platform_path ON messages TO ${platform_role} USING (true) WITH CHECK (true);

GRANT SELECT, INSERT, UPDATE, DELETE ON end_users, conversations, conversation_members, messages
    TO ${app_role}, ${platform_role};
