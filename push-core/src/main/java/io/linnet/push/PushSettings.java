package io.linnet.push;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;
import java.time.Duration;

/**
 * Settings of push, bound to {@code linnet.push.*}; each has an environment-variable twin
 * ({@code LINNET_PUSH_WORKERS}, ...). The provider endpoints are settings so that tests, staging and
 * benchmarks can point them at local servers.
 *
 * @param apnsProductionHost     the production APNs server
 * @param apnsProductionPort     its port
 * @param apnsSandboxHost        the development (sandbox) APNs server
 * @param apnsSandboxPort        its port
 * @param apnsTrustedCertificate a PEM file with the certificate(s) to trust for the APNs servers instead of the JDK's
 *                               trust store (a local mock, a staging proxy); empty for the default trust
 * @param apnsConnections        HTTP/2 connections per APNs credential and environment
 * @param apnsMaxInFlight        notifications awaiting APNs' answer per connection
 * @param fcmBaseUrl             the FCM API; messages go to {@code {fcmBaseUrl}/v1/projects/{id}/messages:send}
 * @param fcmTokenUri            where FCM access tokens are minted, whatever a service account file's
 *                               {@code token_uri} says: a tenant's file must not choose where the server posts
 * @param fcmMaxInFlight         requests awaiting FCM's answer per service account
 * @param webPushMaxInFlight     requests awaiting a push service's answer per VAPID key
 * @param webPushAllowPrivateEndpoints whether Web Push subscriptions may point at this machine or a private network
 *                               (and at {@code http://localhost}): for local push services in tests and development
 *                               only, since it lets whoever registers a device make the server post into its network
 * @param requestTimeout         from sending a notification to the provider's answer; past it the send is retried
 * @param workers                delivery worker threads on this node; 0 sends nothing here (jobs are still accepted)
 * @param claimBatch             deliveries one worker claims at once
 * @param expansionPage          devices written to the outbox per transaction when a job is expanded
 * @param maxAttempts            sends of one delivery before it fails for good
 * @param lease                  how long a claim holds deliveries (and a job being expanded); a crashed node's
 *                               claims come back after it
 * @param retryBase              the first retry's delay; each further one doubles it, with jitter
 * @param retryMax               the longest delay between two attempts
 * @param appSendRate            notifications one app may send per second, across all nodes (0: no limit); a
 *                               broadcast beyond it is spread over the following seconds
 * @param defaultTtl             how long a notification stays deliverable when the job says nothing
 * @param maxTtl                 the longest {@code ttlSeconds} a job may ask for
 * @param maxScheduleAhead       how far ahead {@code sendAt} may be
 * @param maxTargetIds           the most user or device ids one job may list
 * @param pollInterval           how often idle workers and the scheduler look for due work
 * @param offlineCoalesceWindow  how long an offline chat push waits for more messages of the same conversation, so
 *                               that a burst is one notification
 * @param credentialCacheTtl     how long a node keeps using the credentials it read before reading them again (a
 *                               deleted credential stops being used within this time)
 */
@ConfigurationProperties("linnet.push")
public record PushSettings(
        @DefaultValue("api.push.apple.com") String apnsProductionHost,
        @DefaultValue("443") int apnsProductionPort,
        @DefaultValue("api.sandbox.push.apple.com") String apnsSandboxHost,
        @DefaultValue("443") int apnsSandboxPort,
        @DefaultValue("") String apnsTrustedCertificate,
        @DefaultValue("1") int apnsConnections,
        @DefaultValue("1000") int apnsMaxInFlight,
        @DefaultValue("https://fcm.googleapis.com") URI fcmBaseUrl,
        @DefaultValue("https://oauth2.googleapis.com/token") URI fcmTokenUri,
        @DefaultValue("500") int fcmMaxInFlight,
        @DefaultValue("500") int webPushMaxInFlight,
        @DefaultValue("false") boolean webPushAllowPrivateEndpoints,
        @DefaultValue("PT30S") Duration requestTimeout,
        @DefaultValue("4") int workers,
        @DefaultValue("250") int claimBatch,
        @DefaultValue("1000") int expansionPage,
        @DefaultValue("8") int maxAttempts,
        @DefaultValue("PT2M") Duration lease,
        @DefaultValue("PT2S") Duration retryBase,
        @DefaultValue("PT10M") Duration retryMax,
        @DefaultValue("10000") int appSendRate,
        @DefaultValue("P1D") Duration defaultTtl,
        @DefaultValue("P28D") Duration maxTtl,
        @DefaultValue("P30D") Duration maxScheduleAhead,
        @DefaultValue("2000") int maxTargetIds,
        @DefaultValue("PT0.2S") Duration pollInterval,
        @DefaultValue("PT1S") Duration offlineCoalesceWindow,
        @DefaultValue("PT30S") Duration credentialCacheTtl) {

    public PushSettings {
        if (workers < 0 || claimBatch < 1 || expansionPage < 1 || maxAttempts < 1 || appSendRate < 0) {
            throw new IllegalArgumentException("linnet.push: workers and appSendRate are 0 or more; claimBatch, "
                    + "expansionPage and maxAttempts at least 1");
        }
        if (lease.compareTo(requestTimeout.multipliedBy(2)) < 0) {
            // a claim must outlive a send that waits for a free slot and then for its answer, or another node
            // would take the delivery over while it is still in flight and send it twice
            throw new IllegalArgumentException("linnet.push.lease must be at least twice linnet.push.request-timeout");
        }
    }

    /** The defaults above, for code that runs without Spring (tests, benchmarks). */
    public static PushSettings defaults() {
        return new PushSettings("api.push.apple.com", 443, "api.sandbox.push.apple.com", 443, "", 1, 1000,
                URI.create("https://fcm.googleapis.com"), URI.create("https://oauth2.googleapis.com/token"), 500, 500, false, Duration.ofSeconds(30), 4, 250, 1000, 8,
                Duration.ofMinutes(2), Duration.ofSeconds(2), Duration.ofMinutes(10), 10_000, Duration.ofDays(1),
                Duration.ofDays(28), Duration.ofDays(30), 2_000, Duration.ofMillis(200), Duration.ofSeconds(1),
                Duration.ofSeconds(30));
    }
}
