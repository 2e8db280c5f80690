/**
 * The push benchmark (issue 4): the whole pipeline (job, outbox, provider, recorded state) of a Linnet server
 * process against a local accept-all APNs mock (Pushy's, over TLS and HTTP/2) and an accept-all FCM fake, measured
 * in the same run as a bare Pushy client sending the same notifications straight to the same mock: the ceiling.
 * {@link io.linnet.bench.push.PushBenchmark} runs it; {@code bench/push/run} starts what it needs.
 */
package io.linnet.bench.push;
