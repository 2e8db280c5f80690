/**
 * Push jobs: what to send ({@link io.linnet.push.job.PushContent}, from a template or given), to whom
 * ({@link io.linnet.push.job.PushTarget}: users, devices, tags or the whole app), when and until when. The
 * {@link io.linnet.push.job.JobScheduler} expands due jobs page by page into the delivery outbox; the counters
 * each job carries are kept by the transactions that change its deliveries.
 */
package io.linnet.push.job;
