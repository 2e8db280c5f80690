package io.linnet.billing;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** A billing period: a calendar month in UTC, from {@code start} (its first day) to {@code end} (the next month's first day, excluded). */
public record BillingPeriod(LocalDate start, LocalDate end) {

    public static BillingPeriod containing(LocalDate day) {
        LocalDate start = day.withDayOfMonth(1);
        return new BillingPeriod(start, start.plusMonths(1));
    }

    public static BillingPeriod current(Clock clock) {
        return containing(LocalDate.now(clock.withZone(ZoneOffset.UTC)));
    }

    public int days() {
        return (int) ChronoUnit.DAYS.between(start, end);
    }

    public BillingPeriod next() {
        return new BillingPeriod(end, end.plusMonths(1));
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(start) && day.isBefore(end);
    }

    /** {@code 2026-12}. */
    public String label() {
        return start.toString().substring(0, 7);
    }
}
