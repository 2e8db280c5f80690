package io.linnet.console.billing;

import io.linnet.billing.BillableMetric;
import io.linnet.billing.Plan;
import io.linnet.billing.PlanLimits;

import java.util.Arrays;
import java.util.stream.Collectors;

/** A plan in words, for those choosing one: its price, what it includes, what costs extra, and its limits. */
final class PlanWords {

    private PlanWords() {
    }

    /** "99.00 USD a month". */
    static String price(Plan plan) {
        return Amounts.money(plan.monthlyPrice()) + " a month";
    }

    /** "Pro · 99.00 USD a month", as a plan is offered in a list. */
    static String choice(Plan plan) {
        return plan.name() + " · " + price(plan);
    }

    /** "10,000 monthly active users, 1,000,000 messages, 100,000 pushes and 10 GB stored each month". */
    static String includes(Plan plan) {
        String[] parts = Arrays.stream(BillableMetric.values())
                .map(metric -> Amounts.included(metric, plan.included(metric)))
                .toArray(String[]::new);
        return String.join(", ", Arrays.copyOf(parts, parts.length - 1)) + " and " + parts[parts.length - 1] + " each month";
    }

    /** What happens past what it includes: refused until the next month, or priced per unit. */
    static String beyond(Plan plan) {
        String priced = Arrays.stream(BillableMetric.values())
                .filter(metric -> !plan.hardQuota() || metric == BillableMetric.STORAGE_GB)
                .filter(metric -> !plan.overagePrice(metric).isZero())
                .map(metric -> Amounts.unitPrice(plan.overagePrice(metric)) + " " + Amounts.perUnit(metric))
                .collect(Collectors.joining(", "));
        if (plan.hardQuota()) {
            return "Hard quota: past what it includes, sends, pushes and new end users are refused until the next month"
                    + (priced.isEmpty() ? "." : "; stored GB beyond it cost " + priced + ".");
        }
        return priced.isEmpty() ? "Usage past what it includes costs nothing extra." : "Beyond that: " + priced + ".";
    }

    /** "Up to 10 apps, 10,000 connections per app, ...". */
    static String limits(Plan plan) {
        PlanLimits limits = plan.limits();
        return "Up to " + Amounts.count(limits.maxApps()) + (limits.maxApps() == 1 ? " app" : " apps") + ", "
                + Amounts.count(limits.maxConnectionsPerApp()) + " connections per app, "
                + Amounts.count(limits.apiRequestsPerSecond()) + " API requests a second per key, "
                + Amounts.count(limits.sendsPerSecondPerUser()) + " messages a second per user, "
                + Amounts.count(limits.pushesPerSecondPerApp()) + " pushes a second per app; messages kept "
                + Amounts.count(limits.messageRetentionDays()) + (limits.messageRetentionDays() == 1 ? " day." : " days.");
    }
}
