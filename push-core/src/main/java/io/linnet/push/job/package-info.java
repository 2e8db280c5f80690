/**
 * Push jobs, inside: the REST API over {@link io.linnet.push.PushJobs} ({@code /v1/push}), notification templates
 * ({@code /v1/push/templates}), the {@link io.linnet.push.job.JobScheduler} that expands due jobs page by page into
 * the delivery outbox, and the holds on a suspended tenant's push work. What to send
 * ({@link io.linnet.push.PushContent}) and to whom ({@link io.linnet.push.PushTarget}) are the API's values.
 */
package io.linnet.push.job;
