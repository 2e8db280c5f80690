/** Internal: invoice arithmetic, the PDF and CSV of an invoice, the period close and invoice storage. */
package io.linnet.billing.invoice;
