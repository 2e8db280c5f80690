package io.linnet.console.billing;

import io.linnet.billing.BillableMetric;
import io.linnet.billing.BillingPeriod;
import io.linnet.billing.InvoiceStatus;
import io.linnet.billing.Money;
import io.linnet.billing.SubscriptionStatus;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/**
 * How the billing pages write money, quantities, days and statuses: amounts to the currency's minor
 * unit with its code ({@code 1,234.50 EUR}), unit prices as exact as the plan has them
 * ({@code 0.0005 USD}), periods as their first and last day, and each metric in the words of its unit.
 */
final class Amounts {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMM d, uuuu", Locale.ENGLISH);
    private static final DateTimeFormatter DAY_OF_YEAR = DateTimeFormatter.ofPattern("MMM d", Locale.ENGLISH);
    /** Stored gigabytes are measured to the byte; three decimals are as much as people read. */
    private static final int STORAGE_DECIMALS = 3;

    private Amounts() {
    }

    /** An amount as charged: rounded to the currency's minor unit, grouped, with its code, e.g. "1,234.50 EUR". */
    static String money(Money money) {
        Money rounded = money.rounded();
        return grouped(rounded.amount(), Math.max(0, rounded.currency().getDefaultFractionDigits())) + " "
                + rounded.currency().getCurrencyCode();
    }

    /** A price per unit, as exact as it is (0.0005 USD) but with at least the currency's minor unit (0.10 USD). */
    static String unitPrice(Money price) {
        int minor = Math.max(0, price.currency().getDefaultFractionDigits());
        BigDecimal exact = price.amount().stripTrailingZeros();
        return grouped(exact, Math.max(minor, exact.scale())) + " " + price.currency().getCurrencyCode();
    }

    /** A quantity on an invoice line or a quota: whole counts grouped, fractions (gigabytes) to three decimals. */
    static String quantity(BigDecimal quantity) {
        BigDecimal shown = quantity.setScale(STORAGE_DECIMALS, RoundingMode.HALF_UP).stripTrailingZeros();
        return grouped(shown, Math.max(0, shown.scale()));
    }

    static String count(long value) {
        return String.format(Locale.ENGLISH, "%,d", value);
    }

    /** A count in a narrow column: 10,000 as it is, 1,500,000 as "1.5M", 1,000,000,000 as "1B". */
    static String compact(long value) {
        if (value < 1_000_000) {
            return count(value);
        }
        boolean billions = value >= 1_000_000_000;
        BigDecimal scaled = BigDecimal.valueOf(value).divide(BigDecimal.valueOf(billions ? 1_000_000_000 : 1_000_000), 1,
                RoundingMode.DOWN).stripTrailingZeros();
        return grouped(scaled, Math.max(0, scaled.scale())) + (billions ? "B" : "M");
    }

    static String percent(int percent) {
        return percent + "%";
    }

    /** A tax rate as set on a subscription, e.g. "19%" or "7.5%"; none is "None". */
    static String taxRate(Optional<BigDecimal> rate) {
        return rate.map(value -> value.stripTrailingZeros().toPlainString() + "%").orElse("None");
    }

    static String day(LocalDate day) {
        return DAY.format(day);
    }

    /** A period by its first and last day, e.g. "Jul 1 – Jul 31, 2026" (its end is the next period's first day). */
    static String period(BillingPeriod period) {
        LocalDate last = period.end().minusDays(1);
        return DAY_OF_YEAR.format(period.start()) + " – " + DAY.format(last);
    }

    /** How much of a metric a plan includes, in words: "10,000 monthly active users", "10 GB stored". */
    static String included(BillableMetric metric, long included) {
        return count(included) + " " + switch (metric) {
            case ACTIVE_USERS -> "monthly active users";
            case MESSAGES -> "messages";
            case PUSHES -> "pushes";
            case STORAGE_GB -> "GB stored";
        };
    }

    /** One unit of a metric, for prices: "per message", "per GB". */
    static String perUnit(BillableMetric metric) {
        return "per " + switch (metric) {
            case ACTIVE_USERS -> "active user";
            case MESSAGES -> "message";
            case PUSHES -> "push";
            case STORAGE_GB -> "GB";
        };
    }

    /** The unit a quota bar counts in: "users", "messages", "pushes", "GB" (one "user", "message", "push"). */
    static String unit(BillableMetric metric, BigDecimal quantity) {
        boolean one = quantity.compareTo(BigDecimal.ONE) == 0;
        return switch (metric) {
            case ACTIVE_USERS -> one ? "user" : "users";
            case MESSAGES -> one ? "message" : "messages";
            case PUSHES -> one ? "push" : "pushes";
            case STORAGE_GB -> "GB";
        };
    }

    static String status(SubscriptionStatus status) {
        return switch (status) {
            case TRIALING -> "Trialing";
            case ACTIVE -> "Active";
            case PAST_DUE -> "Past due";
            case CANCELLED -> "Cancelled";
        };
    }

    /** A subscription's status in a few more words. */
    static String statusDetail(SubscriptionStatus status) {
        return switch (status) {
            case ACTIVE -> "In good standing";
            case TRIALING -> "On trial";
            case PAST_DUE -> "An invoice is overdue";
            case CANCELLED -> "Cancelled by the platform";
        };
    }

    static String status(InvoiceStatus status) {
        return switch (status) {
            case DRAFT -> "Draft";
            case ISSUED -> "Issued";
            case PAID -> "Paid";
            case VOID -> "Void";
        };
    }

    static String statusTheme(InvoiceStatus status) {
        return switch (status) {
            case DRAFT -> "badge contrast";
            case ISSUED -> "badge";
            case PAID -> "badge success";
            case VOID -> "badge error";
        };
    }

    private static String grouped(BigDecimal amount, int decimals) {
        DecimalFormat format = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ENGLISH));
        format.setMinimumFractionDigits(decimals);
        format.setMaximumFractionDigits(decimals);
        format.setRoundingMode(RoundingMode.HALF_EVEN);
        return format.format(amount);
    }
}
