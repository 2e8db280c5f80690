/** Internal: billing's HTTP API, {@code /manage/v1/billing} and {@code /manage/v1/invoices} for tenants, {@code /ops/v1/...} for operators. */
package io.linnet.billing.web;
