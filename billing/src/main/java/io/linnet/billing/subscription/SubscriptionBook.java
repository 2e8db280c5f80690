package io.linnet.billing.subscription;

import io.linnet.analytics.Analytics;
import io.linnet.analytics.TenantUsage;
import io.linnet.billing.BillableMetric;
import io.linnet.billing.BillableUsage;
import io.linnet.billing.Billing;
import io.linnet.billing.BillingOverview;
import io.linnet.billing.BillingPeriod;
import io.linnet.billing.Plan;
import io.linnet.billing.PlanId;
import io.linnet.billing.QuotaNotice;
import io.linnet.billing.QuotaUsage;
import io.linnet.billing.Statement;
import io.linnet.billing.Subscription;
import io.linnet.billing.SubscriptionStatus;
import io.linnet.billing.invoice.InvoiceCalculator;
import io.linnet.billing.invoice.PlanSpan;
import io.linnet.billing.plan.PlanBook;
import io.linnet.billing.plan.PlanRows;
import io.linnet.tenancy.Actor;
import io.linnet.tenancy.DomainException;
import io.linnet.tenancy.Ids;
import io.linnet.tenancy.Permission;
import io.linnet.tenancy.TenantCreated;
import io.linnet.tenancy.TenantId;
import io.linnet.tenancy.audit.AuditLog;
import io.linnet.tenancy.database.PlatformDatabase;
import io.linnet.tenancy.database.TenantDatabase;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Each tenant's one subscription ({@code billing_subscriptions}) and its plan changes
 * ({@code billing_plan_changes}, one row per change, whose day counts for the new plan). A new tenant
 * starts on the default plan; a tenant that predates billing gets its subscription the first time it is
 * looked up.
 */
@Service
public class SubscriptionBook implements Billing {

    private static final String SELECT = """
            select s.tenant_id, s.status, s.period_start, s.plan_since, s.tax_rate, %s
              from billing_subscriptions s join billing_plans p on p.id = s.plan_id""".formatted(PlanRows.columns("p"));

    private final PlatformDatabase platform;
    private final TenantDatabase tenants;
    private final PlanBook plans;
    private final Analytics analytics;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SubscriptionBook(PlatformDatabase platform, TenantDatabase tenants, PlanBook plans, Analytics analytics, AuditLog audit,
                     ApplicationEventPublisher events) {
        this.platform = platform;
        this.tenants = tenants;
        this.plans = plans;
        this.analytics = analytics;
        this.audit = audit;
        this.events = events;
        this.clock = Clock.systemUTC();
    }

    /** A new tenant starts on the default plan, in the transaction that creates it. */
    @EventListener
    void tenantCreated(TenantCreated created) {
        start(created.tenantId());
    }

    /** The tenant's subscription, made on the default plan if it has none yet. */
    public Subscription of(TenantId tenant) {
        return find(tenant).orElseGet(() -> {
            try {
                return platform.inTransaction(() -> {
                    start(tenant);
                    return find(tenant).orElseThrow();
                });
            } catch (DataIntegrityViolationException noSuchTenant) {
                throw DomainException.notFound("Tenant");
            }
        });
    }

    private void start(TenantId tenant) {
        Plan plan = plans.defaultPlan();
        LocalDate today = today();
        int added = platform.jdbc().sql("""
                        insert into billing_subscriptions (tenant_id, plan_id, status, period_start)
                        values (?, ?, 'active', ?) on conflict (tenant_id) do nothing""")
                .params(tenant.value(), plan.id().value(), BillingPeriod.containing(today).start())
                .update();
        if (added == 1) {
            recordChange(tenant, plan.id(), today);
        }
    }

    @Override
    public BillingOverview overview(Actor.Member member) {
        member.require(Permission.BILLING);
        of(member.tenantId());
        return tenants.inTenant(member.tenantId(), () -> overview(member.tenantId(), tenants.jdbc()));
    }

    @Override
    public BillingOverview overview(Actor.Operator operator, TenantId tenant) {
        java.util.Objects.requireNonNull(operator, "operator");
        of(tenant);
        return overview(tenant, platform.jdbc());
    }

    private BillingOverview overview(TenantId tenant, org.springframework.jdbc.core.simple.JdbcClient jdbc) {
        Subscription subscription = find(tenant, jdbc).orElseThrow(() -> DomainException.notFound("Tenant"));
        BillingPeriod period = BillingPeriod.current(clock);
        BillableUsage usage = usage(tenant, period.start(), today().plusDays(1));
        List<QuotaUsage> quotas = new ArrayList<>();
        for (BillableMetric metric : BillableMetric.values()) {
            quotas.add(new QuotaUsage(metric, usage.of(metric), subscription.plan().included(metric), subscription.plan().hardQuota()));
        }
        Statement estimate = InvoiceCalculator.statement(period, spans(tenant, period, jdbc), usage, subscription.taxRatePercent());
        List<QuotaNotice> notices = jdbc.sql("""
                        select metric, percent, at from billing_quota_notices
                         where tenant_id = ? and period_start = ? order by metric, percent""")
                .params(tenant.value(), period.start())
                .query((rs, row) -> new QuotaNotice(BillableMetric.of(rs.getString("metric")), rs.getInt("percent"),
                        rs.getTimestamp("at").toInstant()))
                .list();
        return new BillingOverview(subscription, quotas, estimate, notices);
    }

    @Override
    public Subscription changePlan(Actor.Member member, PlanId planId) {
        member.require(Permission.BILLING);
        of(member.tenantId());
        return platform.inTransaction(() -> {
            Subscription before = lock(member.tenantId());
            Plan plan = offered(planId, before);
            if (plan.id().equals(before.plan().id())) {
                return before;
            }
            move(member.tenantId(), before, plan);
            audit.recordOnPlatform(Optional.of(member.tenantId()), member, "subscription.plan_changed", "subscription",
                    member.tenantId().toString(), Map.of("from", before.plan().name(), "to", plan.name()));
            return find(member.tenantId()).orElseThrow();
        });
    }

    @Override
    public Subscription change(Actor.Operator operator, TenantId tenant, SubscriptionChange change) {
        java.util.Objects.requireNonNull(operator, "operator");
        change.taxRatePercent().ifPresent(SubscriptionBook::checkTaxRate);
        of(tenant);
        return platform.inTransaction(() -> {
            Subscription before = lock(tenant);
            Map<String, Object> details = new LinkedHashMap<>();
            if (change.plan().isPresent() && !change.plan().get().equals(before.plan().id())) {
                Plan plan = offered(change.plan().get(), before);
                move(tenant, before, plan);
                details.put("plan", before.plan().name() + " -> " + plan.name());
            }
            if (change.status().isPresent() && change.status().get() != before.status()) {
                platform.jdbc().sql("update billing_subscriptions set status = ? where tenant_id = ?")
                        .params(change.status().get().wireName(), tenant.value())
                        .update();
                details.put("status", before.status().wireName() + " -> " + change.status().get().wireName());
            }
            if (change.clearTax() || change.taxRatePercent().isPresent()) {
                BigDecimal rate = change.clearTax() ? null : change.taxRatePercent().get();
                platform.jdbc().sql("update billing_subscriptions set tax_rate = ? where tenant_id = ?")
                        .params(rate, tenant.value())
                        .update();
                details.put("taxRatePercent", rate == null ? "none" : rate.toPlainString());
            }
            if (!details.isEmpty()) {
                audit.recordOnPlatform(Optional.of(tenant), operator, "subscription.changed", "subscription", tenant.toString(), details);
            }
            return find(tenant).orElseThrow();
        });
    }

    /** A plan that may be chosen: it exists, is not retired, and (within a period already under way) bills in the same currency. */
    private Plan offered(PlanId planId, Subscription current) {
        Plan plan = plans.find(planId).orElseThrow(() -> DomainException.notFound("Plan"));
        if (plan.id().equals(current.plan().id())) {
            return plan;
        }
        if (plan.retired()) {
            throw DomainException.conflict("The plan " + plan.name() + " is retired and takes no new subscriptions");
        }
        if (!plan.currency().equals(current.plan().currency()) && billedBeforeToday(current)) {
            throw DomainException.conflict("A plan in another currency (" + plan.currency().getCurrencyCode()
                    + ") can only be chosen before anything of this period is billed: on its first day, or on the day the subscription started");
        }
        return plan;
    }

    /** Whether the period has days before today on a plan (an invoice is in one currency, so those days fix it). */
    private boolean billedBeforeToday(Subscription subscription) {
        List<PlanSpan> spans = spans(subscription.tenantId(), subscription.period());
        return !spans.isEmpty() && spans.getFirst().from().isBefore(today());
    }

    private void move(TenantId tenant, Subscription before, Plan plan) {
        platform.jdbc().sql("update billing_subscriptions set plan_id = ?, plan_since = now() where tenant_id = ?")
                .params(plan.id().value(), tenant.value())
                .update();
        recordChange(tenant, plan.id(), today());
        PlanChanged changed = new PlanChanged(tenant, plan);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    events.publishEvent(changed);
                }
            });
        } else {
            events.publishEvent(changed);
        }
    }

    private void recordChange(TenantId tenant, PlanId plan, LocalDate day) {
        platform.jdbc().sql("insert into billing_plan_changes (tenant_id, id, day, plan_id) values (?, ?, ?, ?)")
                .params(tenant.value(), Ids.next(), day, plan.value())
                .update();
    }

    /**
     * The plans the tenant was on during {@code period}, day by day: from the later of the period's start
     * and the subscription's, to the period's end; a day with changes counts for the last plan of that day.
     */
    public List<PlanSpan> spans(TenantId tenant, BillingPeriod period) {
        return spans(tenant, period, platform.jdbc());
    }

    private List<PlanSpan> spans(TenantId tenant, BillingPeriod period, org.springframework.jdbc.core.simple.JdbcClient jdbc) {
        record Change(LocalDate day, PlanId plan) {
        }
        List<Change> changes = jdbc.sql("""
                        select day, plan_id from billing_plan_changes
                         where tenant_id = ? and day < ? order by day, at, id""")
                .params(tenant.value(), period.end())
                .query((rs, row) -> new Change(rs.getObject("day", LocalDate.class), new PlanId(rs.getObject("plan_id", UUID.class))))
                .list();
        // the plan of each day on which the plan was set, the last change of a day winning
        Map<LocalDate, PlanId> byDay = new LinkedHashMap<>();
        for (Change change : changes) {
            LocalDate day = change.day().isBefore(period.start()) ? period.start() : change.day();
            byDay.remove(day);
            byDay.put(day, change.plan());
        }
        Map<PlanId, Plan> known = new HashMap<>();
        List<PlanSpan> spans = new ArrayList<>();
        List<Map.Entry<LocalDate, PlanId>> days = new ArrayList<>(byDay.entrySet());
        for (int i = 0; i < days.size(); i++) {
            LocalDate from = days.get(i).getKey();
            LocalDate to = i + 1 < days.size() ? days.get(i + 1).getKey() : period.end();
            Plan plan = known.computeIfAbsent(days.get(i).getValue(), id -> plans.find(id).orElseThrow());
            if (!spans.isEmpty() && spans.getLast().plan().id().equals(plan.id())) {
                spans.set(spans.size() - 1, new PlanSpan(plan, spans.getLast().from(), to));
            } else {
                spans.add(new PlanSpan(plan, from, to));
            }
        }
        return spans;
    }

    /** What the tenant used from {@code from} to {@code to} (UTC days, {@code to} excluded), as analytics measured it. */
    public BillableUsage usage(TenantId tenant, LocalDate from, LocalDate to) {
        TenantUsage usage = analytics.usageOf(tenant, from, to);
        return new BillableUsage(usage.activeUsers(), usage.messages(), usage.pushes(), usage.messageBytes());
    }

    /** Every subscription, for the background work (quota notices). */
    public List<Subscription> all() {
        return platform.jdbc().sql(SELECT).query(this::subscription).list();
    }

    Optional<Subscription> find(TenantId tenant) {
        return find(tenant, platform.jdbc());
    }

    private Optional<Subscription> find(TenantId tenant, org.springframework.jdbc.core.simple.JdbcClient jdbc) {
        return jdbc.sql(SELECT + " where s.tenant_id = ?").param(tenant.value()).query(this::subscription).optional();
    }

    private Subscription lock(TenantId tenant) {
        return platform.jdbc().sql(SELECT + " where s.tenant_id = ? for update of s").param(tenant.value())
                .query(this::subscription).optional().orElseThrow(() -> DomainException.notFound("Tenant"));
    }

    private Subscription subscription(ResultSet rs, int row) throws SQLException {
        BigDecimal tax = rs.getBigDecimal("tax_rate");
        LocalDate periodStart = rs.getObject("period_start", LocalDate.class);
        BillingPeriod open = BillingPeriod.containing(periodStart);
        BillingPeriod current = BillingPeriod.current(clock);
        return new Subscription(new TenantId(rs.getObject("tenant_id", UUID.class)), PlanRows.plan(rs, row),
                SubscriptionStatus.of(rs.getString("status")), open.start().isBefore(current.start()) ? current : open,
                Optional.ofNullable(tax).map(BigDecimal::stripTrailingZeros), rs.getTimestamp("plan_since").toInstant());
    }

    private static void checkTaxRate(BigDecimal rate) {
        if (rate.signum() < 0 || rate.compareTo(BigDecimal.valueOf(100)) > 0 || rate.stripTrailingZeros().scale() > 4) {
            throw DomainException.invalid("taxRatePercent: from 0 to 100, with at most 4 decimals");
        }
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneOffset.UTC));
    }

    Instant now() {
        return clock.instant();
    }
}
