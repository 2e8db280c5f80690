/**
 * Delivery: the outbox of one row per (job, device), the workers that claim due rows with
 * {@code FOR UPDATE SKIP LOCKED} and a lease, send them through the app's credentials with bounded in-flight
 * requests and a per-app send rate, retry with jittered backoff that honours {@code Retry-After}, invalidate dead
 * tokens, and record every delivery's final state with the provider's reason while keeping the job's counters.
 */
package io.linnet.push.delivery;
