package io.linnet.push.apns;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Where and how APNs senders connect.
 *
 * @param production                 the production APNs server
 * @param sandbox                    the development (sandbox) APNs server
 * @param trustedServerCertificates  certificates to trust for the APNs servers instead of the JDK's trust store
 *                                   (a local mock, a staging proxy); empty for the default trust
 * @param connectionsPerEnvironment  HTTP/2 connections per credential and environment
 * @param maxInFlightPerConnection   notifications awaiting APNs' answer per connection; a send waits beyond that
 * @param connectTimeout             for establishing a connection
 * @param requestTimeout             from sending a notification to its answer; past it the send is to be retried
 * @param defaultTimeToLive          how long APNs keeps a notification that has no expiry for an offline device
 * @param eventLoopThreads           Netty threads shared by every APNs sender of the connector
 */
public record ApnsSettings(
        Endpoint production,
        Endpoint sandbox,
        List<X509Certificate> trustedServerCertificates,
        int connectionsPerEnvironment,
        int maxInFlightPerConnection,
        Duration connectTimeout,
        Duration requestTimeout,
        Duration defaultTimeToLive,
        int eventLoopThreads) {

    /** An APNs server. */
    public record Endpoint(String host, int port) {
        public static final Endpoint PRODUCTION = new Endpoint("api.push.apple.com", 443);
        public static final Endpoint SANDBOX = new Endpoint("api.sandbox.push.apple.com", 443);

        public Endpoint {
            Objects.requireNonNull(host, "host");
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("Not a port: " + port);
            }
        }
    }

    public ApnsSettings {
        Objects.requireNonNull(production, "production");
        Objects.requireNonNull(sandbox, "sandbox");
        trustedServerCertificates = List.copyOf(trustedServerCertificates);
        requirePositive(connectionsPerEnvironment, "connectionsPerEnvironment");
        requirePositive(maxInFlightPerConnection, "maxInFlightPerConnection");
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(requestTimeout, "requestTimeout");
        requirePositive(defaultTimeToLive, "defaultTimeToLive");
        requirePositive(eventLoopThreads, "eventLoopThreads");
    }

    /** Apple's servers, one connection per environment, 1,000 notifications in flight on it. */
    public static ApnsSettings defaults() {
        return new ApnsSettings(Endpoint.PRODUCTION, Endpoint.SANDBOX, List.of(), 1, 1000,
                Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofDays(1), 2);
    }

    /** These settings with both environments served by {@code endpoint} (a local mock server). */
    public ApnsSettings withEndpoint(Endpoint endpoint, X509Certificate... trusted) {
        return new ApnsSettings(endpoint, endpoint, List.of(trusted), connectionsPerEnvironment,
                maxInFlightPerConnection, connectTimeout, requestTimeout, defaultTimeToLive, eventLoopThreads);
    }

    public ApnsSettings withMaxInFlightPerConnection(int max) {
        return new ApnsSettings(production, sandbox, trustedServerCertificates, connectionsPerEnvironment, max,
                connectTimeout, requestTimeout, defaultTimeToLive, eventLoopThreads);
    }

    public ApnsSettings withRequestTimeout(Duration timeout) {
        return new ApnsSettings(production, sandbox, trustedServerCertificates, connectionsPerEnvironment,
                maxInFlightPerConnection, connectTimeout, timeout, defaultTimeToLive, eventLoopThreads);
    }

    private static void requirePositive(int value, String name) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1");
        }
    }

    private static void requirePositive(Duration value, String name) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}
