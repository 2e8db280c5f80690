package io.linnet.billing.invoice;

import io.linnet.billing.BillableMetric;
import io.linnet.billing.BillableUsage;
import io.linnet.billing.BillingPeriod;
import io.linnet.billing.InvoiceLine;
import io.linnet.billing.Money;
import io.linnet.billing.Plan;
import io.linnet.billing.Statement;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

/**
 * The arithmetic of an invoice or an estimate: a base line per plan the tenant was on, an overage line
 * per metric used beyond what the plan in force at the end includes, and the tax. Amounts stay exact
 * until each line's amount is fixed, which alone is rounded (half-even, to the currency's minor unit),
 * so the lines a customer reads always add up to the subtotal they are charged.
 */
public final class InvoiceCalculator {

    /** How precisely a unit price derived from a monthly price is shown; the amount never uses it. */
    private static final int DISPLAY_UNIT_PRICE_SCALE = 6;

    /** Enough to show fractional gigabytes without a column of noise. */
    private static final int DISPLAY_STORAGE_SCALE = 3;

    private static final BigDecimal ONE_HUNDRED = BigDecimal.valueOf(100);

    private InvoiceCalculator() {
    }

    /**
     * What {@code period} costs a tenant.
     *
     * @param spans          the plans the tenant was on, in order and contiguous, inside the period, all of
     *                       one currency (a plan change never changes the currency within a period); the
     *                       last one is the plan in force at the end, which prices the overage. A span of
     *                       no days (a plan left on the day it was taken) charges nothing and has no line.
     * @param usage          what the tenant used in the period (or so far, for an estimate)
     * @param taxRatePercent the tenant's tax rate, if it pays one
     * @throws IllegalArgumentException if the spans are not of that shape or the rate is negative
     */
    public static Statement statement(BillingPeriod period, List<PlanSpan> spans, BillableUsage usage,
                                      Optional<BigDecimal> taxRatePercent) {
        Currency currency = currencyOf(period, spans);
        if (taxRatePercent.isPresent() && taxRatePercent.get().signum() < 0) {
            throw new IllegalArgumentException("A tax rate cannot be negative: " + taxRatePercent.get());
        }

        List<InvoiceLine> lines = new ArrayList<>();
        for (PlanSpan span : spans) {
            base(period, span).ifPresent(lines::add);
        }
        Plan planAtEnd = spans.getLast().plan();
        for (BillableMetric metric : BillableMetric.values()) {
            overage(planAtEnd, metric, usage.of(metric)).ifPresent(lines::add);
        }

        Money subtotal = Money.zero(currency);
        for (InvoiceLine line : lines) {
            subtotal = subtotal.plus(line.amount());
        }
        Money tax = Money.zero(currency);
        if (taxRatePercent.isPresent()) {
            InvoiceLine taxLine = tax(subtotal, taxRatePercent.get());
            lines.add(taxLine);
            tax = taxLine.amount();
        }
        return new Statement(period, currency, lines, subtotal, taxRatePercent, tax, subtotal.plus(tax));
    }

    /**
     * The one currency of the spans, after checking they are non-empty, ordered, contiguous and inside
     * the period: anything else is a bug upstream that would charge a day twice or not at all.
     */
    private static Currency currencyOf(BillingPeriod period, List<PlanSpan> spans) {
        if (spans.isEmpty()) {
            throw new IllegalArgumentException("A statement needs at least one plan span");
        }
        Currency currency = spans.getFirst().plan().currency();
        LocalDate expectedFrom = spans.getFirst().from();
        if (expectedFrom.isBefore(period.start())) {
            throw new IllegalArgumentException("The first span starts " + expectedFrom + ", before the period " + period.label());
        }
        for (PlanSpan span : spans) {
            if (!span.from().equals(expectedFrom)) {
                throw new IllegalArgumentException("Spans must be ordered and contiguous: one starts " + span.from()
                        + " where " + expectedFrom + " was expected");
            }
            if (span.to().isBefore(span.from())) {
                throw new IllegalArgumentException("A span ends (" + span.to() + ") before it starts (" + span.from() + ")");
            }
            if (!span.plan().currency().equals(currency)) {
                throw new IllegalArgumentException("All spans of a period must be of one currency: "
                        + currency + " and " + span.plan().currency());
            }
            expectedFrom = span.to();
        }
        if (expectedFrom.isAfter(period.end())) {
            throw new IllegalArgumentException("The last span ends " + expectedFrom + ", after the period " + period.label());
        }
        return currency;
    }

    /** The monthly price for the whole period, or its share by days (rounded once, at the end). */
    private static Optional<InvoiceLine> base(BillingPeriod period, PlanSpan span) {
        Plan plan = span.plan();
        Money monthly = plan.monthlyPrice();
        if (span.from().equals(period.start()) && span.to().equals(period.end())) {
            return Optional.of(new InvoiceLine(InvoiceLine.Kind.BASE, plan.name() + " plan, " + period.label(),
                    BigDecimal.ONE, monthly, monthly.rounded()));
        }
        long days = ChronoUnit.DAYS.between(span.from(), span.to());
        if (days == 0) {
            return Optional.empty();
        }
        BigDecimal periodDays = BigDecimal.valueOf(period.days());
        BigDecimal exact = monthly.amount().multiply(BigDecimal.valueOf(days)).divide(periodDays, MathContext.DECIMAL128);
        Money unitPrice = new Money(monthly.amount().divide(periodDays, DISPLAY_UNIT_PRICE_SCALE, RoundingMode.HALF_EVEN),
                monthly.currency());
        String description = plan.name() + " plan, " + span.from() + " to " + span.to().minusDays(1)
                + " (" + days + " of " + period.days() + " days)";
        return Optional.of(new InvoiceLine(InvoiceLine.Kind.BASE, description, BigDecimal.valueOf(days), unitPrice,
                new Money(exact, monthly.currency()).rounded()));
    }

    /** What {@code used} costs beyond what {@code plan} includes of {@code metric}, if anything. */
    private static Optional<InvoiceLine> overage(Plan plan, BillableMetric metric, BigDecimal used) {
        long included = plan.included(metric);
        BigDecimal over = used.subtract(BigDecimal.valueOf(included));
        Money unitPrice = plan.overagePrice(metric);
        if (over.signum() <= 0 || unitPrice.amount().signum() <= 0) {
            return Optional.empty();
        }
        String description = metric.label() + " over the " + included + " included (" + shown(metric, used) + " used)";
        return Optional.of(new InvoiceLine(InvoiceLine.Kind.OVERAGE, description, plain(over), unitPrice,
                unitPrice.times(over).rounded()));
    }

    /** The tax line: its quantity is the rate, its unit price the subtotal it is levied on. */
    private static InvoiceLine tax(Money subtotal, BigDecimal ratePercent) {
        BigDecimal rate = plain(ratePercent);
        Money amount = subtotal.times(rate.divide(ONE_HUNDRED)).rounded();
        return new InvoiceLine(InvoiceLine.Kind.TAX, "Tax " + rate.toPlainString() + "%", rate, subtotal, amount);
    }

    private static String shown(BillableMetric metric, BigDecimal used) {
        BigDecimal value = metric == BillableMetric.STORAGE_GB
                ? used.setScale(DISPLAY_STORAGE_SCALE, RoundingMode.HALF_EVEN)
                : used;
        return plain(value).toPlainString();
    }

    /**
     * {@code value} without trailing zeros, but never with a negative scale: {@code 100} stays
     * {@code 100} rather than becoming {@code 1E+2}, which JSON and spreadsheets would show as such.
     */
    public static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
