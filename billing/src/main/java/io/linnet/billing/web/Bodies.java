package io.linnet.billing.web;

import io.linnet.billing.BillableMetric;
import io.linnet.billing.BillingOverview;
import io.linnet.billing.Invoice;
import io.linnet.billing.InvoiceLine;
import io.linnet.billing.Money;
import io.linnet.billing.Plan;
import io.linnet.billing.PlanDraft;
import io.linnet.billing.PlanLimits;
import io.linnet.billing.QuotaNotice;
import io.linnet.billing.QuotaUsage;
import io.linnet.billing.Statement;
import io.linnet.billing.Subscription;
import io.linnet.tenancy.DomainException;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The JSON shapes of billing's API. Money is {@code {"amount": "12.30", "currency": "EUR"}}: the amount
 * as a decimal string, so that no client reads it through a binary float; metrics by their wire names
 * ({@code mau}, {@code messages}, {@code pushes}, {@code storage_gb}).
 */
final class Bodies {

    private Bodies() {
    }

    record MoneyBody(String amount, String currency) {
        static MoneyBody of(Money money) {
            return new MoneyBody(money.amount().toPlainString(), money.currency().getCurrencyCode());
        }
    }

    record PlanBody(String id, String name, MoneyBody monthlyPrice, Map<String, Long> included,
                    Map<String, String> overagePrices, boolean hardQuota, PlanLimits limits, boolean isDefault,
                    boolean retired, Instant retiredAt) {
        static PlanBody of(Plan plan) {
            Map<String, Long> included = new LinkedHashMap<>();
            Map<String, String> overage = new LinkedHashMap<>();
            for (BillableMetric metric : BillableMetric.values()) {
                included.put(metric.key(), plan.included(metric));
                overage.put(metric.key(), plan.overagePrice(metric).amount().toPlainString());
            }
            return new PlanBody(plan.id().toString(), plan.name(), MoneyBody.of(plan.monthlyPrice()), included, overage,
                    plan.hardQuota(), plan.limits(), plan.isDefault(), plan.retired(), plan.retiredAt().orElse(null));
        }
    }

    /** A plan as an operator sends it. */
    record PlanRequest(String name, String currency, BigDecimal monthlyPrice, Map<String, Long> included,
                       Map<String, BigDecimal> overagePrices, Boolean hardQuota, PlanLimits limits, Boolean isDefault) {
        PlanDraft draft() {
            Map<BillableMetric, Long> includedByMetric = new EnumMap<>(BillableMetric.class);
            if (included != null) {
                included.forEach((key, value) -> {
                    if (value == null) {
                        throw DomainException.invalid("included." + key + ": a whole number");
                    }
                    includedByMetric.put(BillableMetric.of(key), value);
                });
            }
            Map<BillableMetric, BigDecimal> overageByMetric = new EnumMap<>(BillableMetric.class);
            if (overagePrices != null) {
                overagePrices.forEach((key, value) -> {
                    if (value == null) {
                        throw DomainException.invalid("overagePrices." + key + ": a decimal number");
                    }
                    overageByMetric.put(BillableMetric.of(key), value);
                });
            }
            return new PlanDraft(name, currency, monthlyPrice, includedByMetric, overageByMetric,
                    Boolean.TRUE.equals(hardQuota), limits, Boolean.TRUE.equals(isDefault));
        }
    }

    record SubscriptionBody(String tenantId, PlanBody plan, String status, LocalDate periodStart, LocalDate periodEnd,
                            String taxRatePercent, Instant planSince) {
        static SubscriptionBody of(Subscription subscription) {
            return new SubscriptionBody(subscription.tenantId().toString(), PlanBody.of(subscription.plan()),
                    subscription.status().wireName(), subscription.period().start(), subscription.period().end().minusDays(1),
                    subscription.taxRatePercent().map(BigDecimal::toPlainString).orElse(null), subscription.planSince());
        }
    }

    record LineBody(String kind, String description, String quantity, MoneyBody unitPrice, MoneyBody amount) {
        static LineBody of(InvoiceLine line) {
            return new LineBody(line.kind().name().toLowerCase(Locale.ROOT), line.description(), line.quantity().toPlainString(),
                    MoneyBody.of(line.unitPrice()), MoneyBody.of(line.amount()));
        }
    }

    record StatementBody(LocalDate periodStart, LocalDate periodEnd, String currency, List<LineBody> lines, MoneyBody subtotal,
                         String taxRatePercent, MoneyBody tax, MoneyBody total) {
        static StatementBody of(Statement statement) {
            return new StatementBody(statement.period().start(), statement.period().end().minusDays(1),
                    statement.currency().getCurrencyCode(), statement.lines().stream().map(LineBody::of).toList(),
                    MoneyBody.of(statement.subtotal()), statement.taxRatePercent().map(BigDecimal::toPlainString).orElse(null),
                    MoneyBody.of(statement.tax()), MoneyBody.of(statement.total()));
        }
    }

    record QuotaBody(String metric, String used, long included, int percent, boolean hard) {
        static QuotaBody of(QuotaUsage quota) {
            return new QuotaBody(quota.metric().key(), quota.used().stripTrailingZeros().toPlainString(), quota.included(),
                    quota.percent(), quota.hard());
        }
    }

    record NoticeBody(String metric, int percent, Instant at) {
        static NoticeBody of(QuotaNotice notice) {
            return new NoticeBody(notice.metric().key(), notice.percent(), notice.at());
        }
    }

    record OverviewBody(SubscriptionBody subscription, List<QuotaBody> quotas, StatementBody estimate, List<NoticeBody> notices) {
        static OverviewBody of(BillingOverview overview) {
            return new OverviewBody(SubscriptionBody.of(overview.subscription()),
                    overview.quotas().stream().map(QuotaBody::of).toList(), StatementBody.of(overview.estimate()),
                    overview.notices().stream().map(NoticeBody::of).toList());
        }
    }

    record InvoiceBody(String id, String number, String tenantId, String tenantName, String status, StatementBody statement,
                       Instant createdAt, Instant issuedAt, Instant paidAt, Instant voidedAt, String voidReason) {
        static InvoiceBody of(Invoice invoice) {
            return new InvoiceBody(invoice.id().toString(), invoice.number(), invoice.tenantId().toString(), invoice.tenantName(),
                    invoice.status().wireName(), StatementBody.of(invoice.statement()), invoice.createdAt(),
                    invoice.issuedAt().orElse(null), invoice.paidAt().orElse(null), invoice.voidedAt().orElse(null),
                    invoice.voidReason().orElse(null));
        }
    }

    record Items<T>(List<T> items) {
    }
}
