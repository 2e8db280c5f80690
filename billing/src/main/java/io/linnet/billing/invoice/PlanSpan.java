package io.linnet.billing.invoice;

import io.linnet.billing.Plan;

import java.time.LocalDate;

/** The days of a period a tenant was on {@code plan}: from {@code from} to {@code to} (excluded). */
public record PlanSpan(Plan plan, LocalDate from, LocalDate to) {
}
