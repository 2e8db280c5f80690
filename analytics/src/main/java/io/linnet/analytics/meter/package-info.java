/**
 * Counting, internal to analytics: each node's {@link io.linnet.analytics.meter.Meter} in memory, the
 * listeners and ports that feed it, and the flush that adds it to the database every few seconds.
 */
package io.linnet.analytics.meter;
