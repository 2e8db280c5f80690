package io.linnet.server.support;

import org.springframework.context.annotation.Import;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.file.Path;
import java.util.UUID;

/**
 * Base of the tests that run the whole server on a random port, with its embedded PostgreSQL and
 * Redis. Every subclass shares one Spring context, so one test JVM starts one database and one Redis.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestPlans.AtStart.class)
public abstract class ServerIT {

    public static final String OPERATOR_EMAIL = "operator@linnet.test";
    public static final String OPERATOR_PASSWORD = "operator-password-for-tests";
    private static final Path DATA_DIR = Path.of("target", "test-data", UUID.randomUUID().toString());
    /** The console's single sign-on provider in these tests; one per test JVM, like the server. */
    protected static final FakeOidcProvider SSO_PROVIDER = new FakeOidcProvider();

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void embeddedServers(DynamicPropertyRegistry registry) {
        registry.add("linnet.data-dir", DATA_DIR::toString);
        registry.add("linnet.operator.email", () -> OPERATOR_EMAIL);
        registry.add("linnet.operator.password", () -> OPERATOR_PASSWORD);
        registry.add("linnet.sso.issuer-uri", SSO_PROVIDER::issuer);
        registry.add("linnet.sso.client-id", () -> FakeOidcProvider.CLIENT_ID);
        registry.add("linnet.sso.client-secret", () -> FakeOidcProvider.CLIENT_SECRET);
        registry.add("linnet.sso.label", () -> "Fake IdP");
        registry.add("linnet.gateway.port", () -> 0);
        // a token that expires within seconds, for the test that its socket closes then
        registry.add("linnet.messaging.user-token-min-ttl", () -> "PT2S");
        // the tests' pre-send hooks listen on plain http on this machine
        registry.add("linnet.moderation.allow-insecure-hooks", () -> true);
        // usage counts reach the database within half a second, so tests of the numbers wait little
        registry.add("linnet.analytics.flush-interval", () -> "PT0.5S");
        // soft quotas are compared with usage every second, so that tests of their notices wait little
        registry.add("linnet.billing.quota-check-interval", () -> "PT1S");
        pushProviders(registry);
    }

    /** Push goes to local fakes of APNs, FCM and Web Push push services, and retries come quickly. */
    public static void pushProviders(DynamicPropertyRegistry registry) {
        registry.add("linnet.push.apns-production-host", () -> "localhost");
        registry.add("linnet.push.apns-production-port", () -> ProviderFakes.apns().port());
        registry.add("linnet.push.apns-sandbox-host", () -> "localhost");
        registry.add("linnet.push.apns-sandbox-port", () -> ProviderFakes.apns().port());
        registry.add("linnet.push.apns-trusted-certificate", () -> ProviderFakes.apns().certificateFile());
        registry.add("linnet.push.fcm-base-url", () -> ProviderFakes.fcm().baseUrl().toString());
        registry.add("linnet.push.fcm-token-uri", () -> ProviderFakes.fcm().tokenUri().toString());
        // the Web Push fakes listen on http://127.0.0.1; WebPushEndpointsIT and OutboundGuardIT check the guard as production has it
        registry.add("linnet.push.web-push-allow-private-endpoints", () -> "true");
        registry.add("linnet.push.retry-base", () -> "PT0.2S");
        registry.add("linnet.push.credential-cache-ttl", () -> "PT1S");
        // wide enough that a test's burst of REST sends on a busy machine still falls into one window
        registry.add("linnet.push.offline-coalesce-window", () -> "PT2S");
    }

    protected Api api() {
        return new Api("http://localhost:" + port);
    }

    /** The API as the bootstrap operator. */
    protected Api.Client operator() {
        return api().basic(OPERATOR_EMAIL, OPERATOR_PASSWORD);
    }

    /** Creates a tenant with an owner who has a password, and answers the owner's client. */
    protected Fixtures fixtures() {
        return new Fixtures(this);
    }
}
