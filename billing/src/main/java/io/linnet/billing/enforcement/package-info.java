/**
 * Internal: the plans' limits on every node. Rates are Bucket4j buckets in Redis (one per app key, per
 * end user, per app); hard quotas are counters in Redis checked and taken in one script; soft quotas are
 * compared with analytics' numbers in the background. Without Redis the checks let traffic through
 * (chat within a node goes on without Redis; see the README's operations section).
 */
package io.linnet.billing.enforcement;
