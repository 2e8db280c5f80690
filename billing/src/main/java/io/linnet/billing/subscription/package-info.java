/** Internal: each tenant's subscription and its plan changes, and what the tenant's billing page shows. */
package io.linnet.billing.subscription;
