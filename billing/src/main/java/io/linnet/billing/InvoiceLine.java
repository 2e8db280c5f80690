package io.linnet.billing;

import java.math.BigDecimal;

/**
 * One line of an invoice or estimate: {@code amount} is {@code quantity} times {@code unitPrice},
 * rounded half-even to the currency's minor unit (a prorated base price: the monthly price times the
 * days on the plan over the days of the period, rounded once, its unit price shown to 6 decimals). The
 * tax line is the exception: its quantity is the rate in percent and its unit price the subtotal, and its
 * amount is the subtotal times the rate over 100.
 */
public record InvoiceLine(Kind kind, String description, BigDecimal quantity, Money unitPrice, Money amount) {

    public enum Kind { BASE, OVERAGE, TAX }
}
