/**
 * Billing in the console: a member's Billing page (the plan, this month's usage against each quota,
 * the estimate so far, the invoices as PDF and CSV, a change of plan) and the quota banner the frame
 * shows above a member's pages; the operator's plans and invoices pages, and the subscription and
 * invoices on the operator's page of a tenant. Reads only {@code io.linnet.billing}'s services.
 */
package io.linnet.console.billing;
