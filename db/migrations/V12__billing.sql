-- Billing (issue 13), owned by the billing module: plans, each tenant's subscription and the plan
-- changes of its current period (for proration), invoices with their lines, and the soft-quota notices
-- already given. Money is exact numeric; a line's amount is rounded to the currency's minor unit.

-- Plans are the platform's; tenants may read them (to choose one), only the platform path writes.
CREATE TABLE billing_plans (
    id                          uuid PRIMARY KEY,
    name                        text          NOT NULL UNIQUE,
    currency                    char(3)       NOT NULL,
    monthly_price               numeric(19,4) NOT NULL CHECK (monthly_price >= 0),
    included_mau                bigint        NOT NULL CHECK (included_mau >= 0),
    included_messages           bigint        NOT NULL CHECK (included_messages >= 0),
    included_pushes             bigint        NOT NULL CHECK (included_pushes >= 0),
    included_storage_gb         bigint        NOT NULL CHECK (included_storage_gb >= 0),
    overage_mau                 numeric(19,6) NOT NULL CHECK (overage_mau >= 0),
    overage_messages            numeric(19,6) NOT NULL CHECK (overage_messages >= 0),
    overage_pushes              numeric(19,6) NOT NULL CHECK (overage_pushes >= 0),
    overage_storage_gb          numeric(19,6) NOT NULL CHECK (overage_storage_gb >= 0),
    hard_quota                  boolean       NOT NULL,
    max_apps                    integer       NOT NULL CHECK (max_apps > 0),
    max_connections_per_app     integer       NOT NULL CHECK (max_connections_per_app > 0),
    api_requests_per_second     integer       NOT NULL CHECK (api_requests_per_second > 0),
    sends_per_second_per_user   integer       NOT NULL CHECK (sends_per_second_per_user > 0),
    pushes_per_second_per_app   integer       NOT NULL CHECK (pushes_per_second_per_app > 0),
    message_retention_days      integer       NOT NULL CHECK (message_retention_days > 0),
    is_default                  boolean       NOT NULL DEFAULT false,
    retired_at                  timestamptz,
    created_at                  timestamptz   NOT NULL DEFAULT now(),
    updated_at                  timestamptz   NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX billing_plans_one_default ON billing_plans (is_default) WHERE is_default;

-- One per tenant. period_start is the first day (UTC) of the period not yet closed into an invoice.
CREATE TABLE billing_subscriptions (
    tenant_id     uuid        PRIMARY KEY REFERENCES tenants (id) ON DELETE CASCADE,
    plan_id       uuid        NOT NULL REFERENCES billing_plans (id),
    status        text        NOT NULL CHECK (status IN ('trialing', 'active', 'past_due', 'cancelled')),
    period_start  date        NOT NULL,
    plan_since    timestamptz NOT NULL DEFAULT now(),
    tax_rate      numeric(7,4) CHECK (tax_rate >= 0 AND tax_rate <= 100),
    created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX billing_subscriptions_plan ON billing_subscriptions (plan_id);

-- Every plan change: the plan from a day on (the day of a change counts for the new plan).
CREATE TABLE billing_plan_changes (
    tenant_id  uuid        NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    id         uuid        NOT NULL PRIMARY KEY,
    day        date        NOT NULL,
    plan_id    uuid        NOT NULL REFERENCES billing_plans (id),
    at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX billing_plan_changes_tenant ON billing_plan_changes (tenant_id, day, at);

-- One invoice per tenant and period: the unique key is what makes the period close happen once.
CREATE SEQUENCE billing_invoice_numbers;
CREATE TABLE billing_invoices (
    tenant_id     uuid          NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    id            uuid          NOT NULL PRIMARY KEY,
    number        text          NOT NULL UNIQUE,
    tenant_name   text          NOT NULL,
    period_start  date          NOT NULL,
    period_end    date          NOT NULL,
    currency      char(3)       NOT NULL,
    subtotal      numeric(19,4) NOT NULL,
    tax_rate      numeric(7,4),
    tax           numeric(19,4) NOT NULL,
    total         numeric(19,4) NOT NULL,
    status        text          NOT NULL CHECK (status IN ('draft', 'issued', 'paid', 'void')),
    void_reason   text,
    created_at    timestamptz   NOT NULL DEFAULT now(),
    issued_at     timestamptz,
    paid_at       timestamptz,
    voided_at     timestamptz,
    UNIQUE (tenant_id, period_start)
);
CREATE TABLE billing_invoice_lines (
    tenant_id    uuid          NOT NULL,
    invoice_id   uuid          NOT NULL REFERENCES billing_invoices (id) ON DELETE CASCADE,
    position     integer       NOT NULL,
    kind         text          NOT NULL CHECK (kind IN ('base', 'overage', 'tax')),
    description  text          NOT NULL,
    quantity     numeric(24,9) NOT NULL,
    unit_price   numeric(24,9) NOT NULL,
    amount       numeric(19,4) NOT NULL,
    PRIMARY KEY (invoice_id, position)
);

-- The soft-quota thresholds (80 and 100 percent) each tenant crossed in each period: warned once.
CREATE TABLE billing_quota_notices (
    tenant_id     uuid        NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    period_start  date        NOT NULL,
    metric        text        NOT NULL,
    percent       integer     NOT NULL,
    at            timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, period_start, metric, percent)
);

ALTER TABLE billing_subscriptions ENABLE ROW LEVEL SECURITY;
ALTER TABLE billing_subscriptions FORCE ROW LEVEL SECURITY;
ALTER TABLE billing_plan_changes ENABLE ROW LEVEL SECURITY;
ALTER TABLE billing_plan_changes FORCE ROW LEVEL SECURITY;
ALTER TABLE billing_invoices ENABLE ROW LEVEL SECURITY;
ALTER TABLE billing_invoices FORCE ROW LEVEL SECURITY;
ALTER TABLE billing_invoice_lines ENABLE ROW LEVEL SECURITY;
ALTER TABLE billing_invoice_lines FORCE ROW LEVEL SECURITY;
ALTER TABLE billing_quota_notices ENABLE ROW LEVEL SECURITY;
ALTER TABLE billing_quota_notices FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON billing_subscriptions
    USING (tenant_id = linnet_current_tenant()) WITH CHECK (tenant_id = linnet_current_tenant());
CREATE POLICY tenant_isolation ON billing_plan_changes
    USING (tenant_id = linnet_current_tenant()) WITH CHECK (tenant_id = linnet_current_tenant());
CREATE POLICY tenant_isolation ON billing_invoices
    USING (tenant_id = linnet_current_tenant()) WITH CHECK (tenant_id = linnet_current_tenant());
CREATE POLICY tenant_isolation ON billing_invoice_lines
    USING (tenant_id = linnet_current_tenant()) WITH CHECK (tenant_id = linnet_current_tenant());
CREATE POLICY tenant_isolation ON billing_quota_notices
    USING (tenant_id = linnet_current_tenant()) WITH CHECK (tenant_id = linnet_current_tenant());
CREATE POLICY platform_path ON billing_subscriptions TO ${platform_role} USING (true) WITH CHECK (true);
CREATE POLICY platform_path ON billing_plan_changes TO ${platform_role} USING (true) WITH CHECK (true);
CREATE POLICY platform_path ON billing_invoices TO ${platform_role} USING (true) WITH CHECK (true);
CREATE POLICY platform_path ON billing_invoice_lines TO ${platform_role} USING (true) WITH CHECK (true);
CREATE POLICY platform_path ON billing_quota_notices TO ${platform_role} USING (true) WITH CHECK (true);

-- tenants read their own subscription, invoices and notices, and the plans; the platform path writes
GRANT SELECT ON billing_plans, billing_subscriptions, billing_plan_changes, billing_invoices, billing_invoice_lines,
    billing_quota_notices TO ${app_role};
GRANT SELECT, INSERT, UPDATE, DELETE ON billing_plans, billing_subscriptions, billing_plan_changes, billing_invoices,
    billing_invoice_lines, billing_quota_notices TO ${platform_role};
GRANT USAGE ON SEQUENCE billing_invoice_numbers TO ${platform_role};
