package io.linnet.billing.plan;

import io.linnet.billing.BillableMetric;
import io.linnet.billing.Plan;
import io.linnet.billing.PlanDraft;
import io.linnet.billing.PlanId;
import io.linnet.billing.PlanLimits;
import io.linnet.billing.Plans;
import io.linnet.tenancy.Actor;
import io.linnet.tenancy.DomainException;
import io.linnet.tenancy.Ids;
import io.linnet.tenancy.audit.AuditLog;
import io.linnet.tenancy.database.PlatformDatabase;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The plans, in {@code billing_plans}, written on the platform path by operators. */
@Service
public class PlanBook implements Plans {

    static final int MAX_NAME = 60;
    static final long MAX_INCLUDED = 1_000_000_000_000L;
    static final int MAX_LIMIT = 100_000_000;

    private final PlatformDatabase platform;
    private final AuditLog audit;

    PlanBook(PlatformDatabase platform, AuditLog audit) {
        this.platform = platform;
        this.audit = audit;
    }

    @Override
    public List<Plan> list(Actor.Operator operator) {
        return platform.jdbc().sql("select " + PlanRows.COLUMNS + " from billing_plans order by retired_at nulls first, monthly_price, name")
                .query(PlanRows::plan)
                .list();
    }

    @Override
    public List<Plan> offered(Actor.Member member) {
        return platform.jdbc().sql("select " + PlanRows.COLUMNS + " from billing_plans where retired_at is null order by monthly_price, name")
                .query(PlanRows::plan)
                .list();
    }

    @Override
    public Plan get(Actor.Operator operator, PlanId id) {
        return find(platform.jdbc(), id).orElseThrow(() -> DomainException.notFound("Plan"));
    }

    /** A plan by id, whoever asks (billing's own use). */
    public Optional<Plan> find(PlanId id) {
        return find(platform.jdbc(), id);
    }

    /** The plan new tenants start on. */
    public Plan defaultPlan() {
        return platform.jdbc().sql("select " + PlanRows.COLUMNS + " from billing_plans where is_default")
                .query(PlanRows::plan)
                .optional()
                .orElseThrow(() -> new IllegalStateException("No default plan: the plans are seeded at start"));
    }

    @Override
    public Plan create(Actor.Operator operator, PlanDraft draft) {
        Checked checked = check(draft);
        return platform.inTransaction(() -> {
            PlanId id = new PlanId(Ids.next());
            if (checked.draft().isDefault()) {
                platform.jdbc().sql("update billing_plans set is_default = false where is_default").update();
            }
            try {
                insert(platform.jdbc(), id, checked);
            } catch (DuplicateKeyException taken) {
                throw DomainException.conflict("A plan named '" + checked.draft().name() + "' already exists");
            }
            audit.recordOnPlatform(Optional.empty(), operator, "plan.created", "plan", id.toString(), summary(checked.draft()));
            return find(platform.jdbc(), id).orElseThrow();
        });
    }

    @Override
    public Plan update(Actor.Operator operator, PlanId id, PlanDraft draft) {
        Checked checked = check(draft);
        return platform.inTransaction(() -> {
            Plan before = lock(id);
            if (!checked.draft().currency().equalsIgnoreCase(before.currency().getCurrencyCode()) && inUse(id)) {
                throw DomainException.conflict("The currency of a plan tenants are on cannot change; create a new plan instead");
            }
            if (before.isDefault() && !checked.draft().isDefault()) {
                throw DomainException.conflict("This is the default plan: make another plan the default first");
            }
            if (checked.draft().isDefault() && before.retired()) {
                throw DomainException.conflict("A retired plan cannot be the default");
            }
            if (checked.draft().isDefault()) {
                platform.jdbc().sql("update billing_plans set is_default = false where is_default and id <> ?").param(id.value()).update();
            }
            try {
                platform.jdbc().sql("""
                                update billing_plans set name = :name, currency = :currency, monthly_price = :price,
                                       included_mau = :incMau, included_messages = :incMessages, included_pushes = :incPushes,
                                       included_storage_gb = :incStorage, overage_mau = :overMau, overage_messages = :overMessages,
                                       overage_pushes = :overPushes, overage_storage_gb = :overStorage, hard_quota = :hard,
                                       max_apps = :maxApps, max_connections_per_app = :maxConnections,
                                       api_requests_per_second = :apiRate, sends_per_second_per_user = :sendRate,
                                       pushes_per_second_per_app = :pushRate, message_retention_days = :retention,
                                       is_default = :isDefault, updated_at = now()
                                 where id = :id""")
                        .params(parameters(id, checked))
                        .update();
            } catch (DuplicateKeyException taken) {
                throw DomainException.conflict("A plan named '" + checked.draft().name() + "' already exists");
            }
            audit.recordOnPlatform(Optional.empty(), operator, "plan.updated", "plan", id.toString(), summary(checked.draft()));
            return find(platform.jdbc(), id).orElseThrow();
        });
    }

    @Override
    public Plan retire(Actor.Operator operator, PlanId id) {
        return platform.inTransaction(() -> {
            Plan plan = lock(id);
            if (plan.isDefault()) {
                throw DomainException.conflict("The default plan cannot be retired: make another plan the default first");
            }
            if (!plan.retired()) {
                platform.jdbc().sql("update billing_plans set retired_at = now(), updated_at = now() where id = ?").param(id.value()).update();
                audit.recordOnPlatform(Optional.empty(), operator, "plan.retired", "plan", id.toString(), Map.of("name", plan.name()));
            }
            return find(platform.jdbc(), id).orElseThrow();
        });
    }

    @Override
    public void delete(Actor.Operator operator, PlanId id) {
        platform.inTransaction(() -> {
            Plan plan = lock(id);
            if (plan.isDefault()) {
                throw DomainException.conflict("The default plan cannot be deleted: make another plan the default first");
            }
            if (inUse(id)) {
                throw DomainException.conflict("Tenants are or were on this plan, so it cannot be deleted; retire it instead");
            }
            platform.jdbc().sql("delete from billing_plans where id = ?").param(id.value()).update();
            audit.recordOnPlatform(Optional.empty(), operator, "plan.deleted", "plan", id.toString(), Map.of("name", plan.name()));
            return null;
        });
    }

    @Override
    public Map<PlanId, Integer> subscribers(Actor.Operator operator) {
        Map<PlanId, Integer> counts = new HashMap<>();
        platform.jdbc().sql("select plan_id, count(*) as tenants from billing_subscriptions group by plan_id")
                .query(rs -> {
                    counts.put(new PlanId(rs.getObject("plan_id", UUID.class)), rs.getInt("tenants"));
                });
        return counts;
    }

    /** Seeds Free (the default, with hard quotas), Pro and Enterprise when there are no plans at all; answers whether it did. */
    boolean seed(List<PlanDraft> plans) {
        return platform.inTransaction(() -> {
            // one node seeds; another starting at the same moment waits for this lock and then finds the plans
            platform.jdbc().sql("lock table billing_plans in share row exclusive mode").update();
            long existing = platform.jdbc().sql("select count(*) from billing_plans").query(Long.class).single();
            if (existing > 0) {
                return false;
            }
            for (PlanDraft draft : plans) {
                insert(platform.jdbc(), new PlanId(Ids.next()), check(draft));
            }
            return true;
        });
    }

    private boolean inUse(PlanId id) {
        return platform.jdbc().sql("""
                        select exists(select 1 from billing_subscriptions where plan_id = :id)
                            or exists(select 1 from billing_plan_changes where plan_id = :id)""")
                .param("id", id.value())
                .query(Boolean.class)
                .single();
    }

    private Plan lock(PlanId id) {
        return platform.jdbc().sql("select " + PlanRows.COLUMNS + " from billing_plans where id = ? for update")
                .param(id.value())
                .query(PlanRows::plan)
                .optional()
                .orElseThrow(() -> DomainException.notFound("Plan"));
    }

    private static Optional<Plan> find(JdbcClient jdbc, PlanId id) {
        return jdbc.sql("select " + PlanRows.COLUMNS + " from billing_plans where id = ?")
                .param(id.value())
                .query(PlanRows::plan)
                .optional();
    }

    private static void insert(JdbcClient jdbc, PlanId id, Checked checked) {
        jdbc.sql("""
                        insert into billing_plans (id, name, currency, monthly_price, included_mau, included_messages,
                               included_pushes, included_storage_gb, overage_mau, overage_messages, overage_pushes,
                               overage_storage_gb, hard_quota, max_apps, max_connections_per_app, api_requests_per_second,
                               sends_per_second_per_user, pushes_per_second_per_app, message_retention_days, is_default)
                        values (:id, :name, :currency, :price, :incMau, :incMessages, :incPushes, :incStorage, :overMau,
                               :overMessages, :overPushes, :overStorage, :hard, :maxApps, :maxConnections, :apiRate, :sendRate,
                               :pushRate, :retention, :isDefault)""")
                .params(parameters(id, checked))
                .update();
    }

    private static Map<String, Object> parameters(PlanId id, Checked checked) {
        PlanDraft draft = checked.draft();
        PlanLimits limits = draft.limits();
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("id", id.value());
        values.put("name", draft.name());
        values.put("currency", checked.currency().getCurrencyCode());
        values.put("price", draft.monthlyPrice());
        values.put("incMau", included(draft, BillableMetric.ACTIVE_USERS));
        values.put("incMessages", included(draft, BillableMetric.MESSAGES));
        values.put("incPushes", included(draft, BillableMetric.PUSHES));
        values.put("incStorage", included(draft, BillableMetric.STORAGE_GB));
        values.put("overMau", overage(draft, BillableMetric.ACTIVE_USERS));
        values.put("overMessages", overage(draft, BillableMetric.MESSAGES));
        values.put("overPushes", overage(draft, BillableMetric.PUSHES));
        values.put("overStorage", overage(draft, BillableMetric.STORAGE_GB));
        values.put("hard", draft.hardQuota());
        values.put("maxApps", limits.maxApps());
        values.put("maxConnections", limits.maxConnectionsPerApp());
        values.put("apiRate", limits.apiRequestsPerSecond());
        values.put("sendRate", limits.sendsPerSecondPerUser());
        values.put("pushRate", limits.pushesPerSecondPerApp());
        values.put("retention", limits.messageRetentionDays());
        values.put("isDefault", draft.isDefault());
        return values;
    }

    private static long included(PlanDraft draft, BillableMetric metric) {
        return draft.included() == null ? 0 : draft.included().getOrDefault(metric, 0L);
    }

    private static BigDecimal overage(PlanDraft draft, BillableMetric metric) {
        return draft.overagePrices() == null ? BigDecimal.ZERO : draft.overagePrices().getOrDefault(metric, BigDecimal.ZERO);
    }

    private static Map<String, Object> summary(PlanDraft draft) {
        return Map.of("name", draft.name(), "monthlyPrice", draft.monthlyPrice().toPlainString() + " " + draft.currency(),
                "hardQuota", draft.hardQuota(), "default", draft.isDefault());
    }

    record Checked(PlanDraft draft, Currency currency) {
    }

    /** Refuses a plan that is incomplete or out of range, naming the field. */
    static Checked check(PlanDraft draft) {
        if (draft == null) {
            throw DomainException.invalid("A plan is required");
        }
        String name = draft.name() == null ? "" : draft.name().strip();
        if (name.isEmpty() || name.length() > MAX_NAME || name.chars().anyMatch(Character::isISOControl)) {
            throw DomainException.invalid("name: a plan needs a name of 1 to " + MAX_NAME + " characters");
        }
        Currency currency;
        try {
            currency = Currency.getInstance(draft.currency() == null ? "" : draft.currency().strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw DomainException.invalid("currency: an ISO 4217 code such as EUR, USD or JPY");
        }
        if (currency.getDefaultFractionDigits() < 0) {
            throw DomainException.invalid("currency: a currency with a minor unit (not " + currency.getCurrencyCode() + ")");
        }
        BigDecimal price = draft.monthlyPrice();
        if (price == null || price.signum() < 0 || price.scale() > currency.getDefaultFractionDigits()
                || price.compareTo(new BigDecimal("1000000000")) >= 0) {
            throw DomainException.invalid("monthlyPrice: zero or more, in " + currency.getCurrencyCode() + " with at most "
                    + currency.getDefaultFractionDigits() + " decimals");
        }
        for (BillableMetric metric : BillableMetric.values()) {
            long included = included(draft, metric);
            if (included < 0 || included > MAX_INCLUDED) {
                throw DomainException.invalid("included." + metric.key() + ": from 0 to " + MAX_INCLUDED);
            }
            BigDecimal overage = overage(draft, metric);
            if (overage == null || overage.signum() < 0 || overage.stripTrailingZeros().scale() > 6
                    || overage.compareTo(new BigDecimal("1000000")) >= 0) {
                throw DomainException.invalid("overagePrices." + metric.key() + ": zero or more, with at most 6 decimals");
            }
        }
        PlanLimits limits = draft.limits();
        if (limits == null) {
            throw DomainException.invalid("limits: a plan needs its limits");
        }
        limit("limits.maxApps", limits.maxApps());
        limit("limits.maxConnectionsPerApp", limits.maxConnectionsPerApp());
        limit("limits.apiRequestsPerSecond", limits.apiRequestsPerSecond());
        limit("limits.sendsPerSecondPerUser", limits.sendsPerSecondPerUser());
        limit("limits.pushesPerSecondPerApp", limits.pushesPerSecondPerApp());
        limit("limits.messageRetentionDays", limits.messageRetentionDays());
        return new Checked(new PlanDraft(name, currency.getCurrencyCode(), price, draft.included() == null ? Map.of() : draft.included(),
                draft.overagePrices() == null ? Map.of() : draft.overagePrices(), draft.hardQuota(), limits, draft.isDefault()), currency);
    }

    private static void limit(String field, int value) {
        if (value < 1 || value > MAX_LIMIT) {
            throw DomainException.invalid(field + ": from 1 to " + MAX_LIMIT);
        }
    }
}
