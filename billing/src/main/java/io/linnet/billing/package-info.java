/**
 * Billing (to come): plans, subscriptions, usage metering, quotas and rate limits, and invoices;
 * its usage roll-ups also feed the analytics dashboards.
 */
package io.linnet.billing;
