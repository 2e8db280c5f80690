package io.linnet.push.webpush;

import io.linnet.push.PushProvider;
import io.linnet.push.provider.DeliveryOutcome.Rejected.Fault;
import io.linnet.push.provider.DeliveryOutcome;
import io.linnet.push.provider.DeviceAddress;
import io.linnet.push.provider.InvalidCredentialsException;
import io.linnet.push.provider.Notification;
import io.linnet.tenancy.outbound.OutboundGuard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Web Push sends against a local push service that decrypts each payload and verifies the VAPID signature. */
class WebPushSenderTest {

    private WebPushCredentials vapidKeys;
    private FakePushService pushService;
    private WebPushConnector connector;
    private WebPushSender sender;

    @BeforeEach
    void startPushService() throws Exception {
        vapidKeys = generatedVapidKeys("mailto:push-admin@linnet.example");
        pushService = new FakePushService(vapidKeys.publicKey());
        // the fake listens on http://127.0.0.1
        connector = new WebPushConnector(WebPushSettings.defaults(), new OutboundGuard(true));
        sender = connector.open(vapidKeys);
    }

    @AfterEach
    void stopPushService() {
        connector.close();
        pushService.close();
        assertThat(pushService.problems()).isEmpty();
    }

    static WebPushCredentials generatedVapidKeys(String subject) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair keys = generator.generateKeyPair();
        byte[] scalar = ((ECPrivateKey) keys.getPrivate()).getS().toByteArray();
        byte[] fixed = new byte[32];
        System.arraycopy(scalar, Math.max(0, scalar.length - 32), fixed, Math.max(0, 32 - scalar.length),
                Math.min(32, scalar.length));
        return new WebPushCredentials(FakePushService.base64Url(FakePushService.point((ECPublicKey) keys.getPublic())),
                FakePushService.base64Url(fixed), subject);
    }

    private DeliveryOutcome send(DeviceAddress.WebPush subscription, Notification notification) throws Exception {
        return sender.send(subscription, notification).get(15, TimeUnit.SECONDS);
    }

    private static Notification hello() {
        return Notification.builder().title("Hello").body("Mia sent a photo").build();
    }

    @Test
    void a_message_is_accepted_and_decrypts_to_the_notification() throws Exception {
        var subscription = pushService.subscribe();
        Notification notification = Notification.builder()
                .title("Mia").body("See you at 8?").data("conversationId", "c-42").badge(2)
                .imageUrl(URI.create("https://cdn.example.com/p.png")).collapseKey("conversation c-42")
                .expiresAt(Instant.now().plus(Duration.ofMinutes(10))).priority(Notification.Priority.NORMAL)
                .override(PushProvider.WEBPUSH, Map.of("actions", java.util.List.of(Map.of("action", "reply"))))
                .build();

        DeliveryOutcome outcome = send(subscription.address(), notification);

        assertThat(outcome).isInstanceOfSatisfying(DeliveryOutcome.Accepted.class, accepted -> {
            assertThat(accepted.reason()).isEqualTo("201 Created");
            assertThat(accepted.providerMessageId()).hasValueSatisfying(id -> assertThat(id).contains("/message/"));
        });
        var received = pushService.received().getFirst();
        JsonNode payload = JsonMapper.builder().build().readTree(received.payload());
        assertThat(payload.path("title").asString()).isEqualTo("Mia");
        assertThat(payload.path("body").asString()).isEqualTo("See you at 8?");
        assertThat(payload.at("/data/conversationId").asString()).isEqualTo("c-42");
        assertThat(payload.path("badge").asInt()).isEqualTo(2);
        assertThat(payload.path("image").asString()).isEqualTo("https://cdn.example.com/p.png");
        assertThat(payload.path("tag").asString()).isEqualTo("conversation c-42");
        assertThat(payload.at("/actions/0/action").asString()).isEqualTo("reply");
        assertThat(Integer.parseInt(received.headers().get("TTL"))).isBetween(590, 600);
        assertThat(received.headers().get("Urgency")).isEqualTo("normal");
        assertThat(received.headers().get("Topic")).matches("[A-Za-z0-9_-]{32}");
        assertThat(received.vapidClaims().path("aud").asString()).isEqualTo(pushService.origin());
        assertThat(received.vapidClaims().path("sub").asString()).isEqualTo("mailto:push-admin@linnet.example");
    }

    @Test
    void one_vapid_token_serves_many_messages_to_the_same_push_service() throws Exception {
        assertThat(send(pushService.subscribe().address(), hello())).isInstanceOf(DeliveryOutcome.Accepted.class);
        assertThat(send(pushService.subscribe().address(), hello())).isInstanceOf(DeliveryOutcome.Accepted.class);

        assertThat(pushService.received()).extracting(FakePushService.Received::vapidToken).hasSize(2)
                .satisfies(tokens -> assertThat(tokens.get(0)).isEqualTo(tokens.get(1)));
    }

    @Test
    void an_expired_subscription_is_reported_dead() throws Exception {
        assertThat(send(pushService.subscribe(410, Map.of()).address(), hello()))
                .isEqualTo(new DeliveryOutcome.DeadToken("410 Gone"));
        assertThat(send(pushService.subscribe(404, Map.of()).address(), hello()))
                .isEqualTo(new DeliveryOutcome.DeadToken("404 Not Found"));
    }

    @Test
    void a_rate_limited_send_is_retried_no_sooner_than_the_push_service_asks() throws Exception {
        var subscription = pushService.subscribe(429, Map.of("Retry-After", "42"));

        assertThat(send(subscription.address(), hello()))
                .isEqualTo(new DeliveryOutcome.RetryLater("429 Too Many Requests", Optional.of(Duration.ofSeconds(42))));
    }

    @Test
    void a_payload_the_push_service_finds_too_large_is_rejected() throws Exception {
        assertThat(send(pushService.subscribe(413, Map.of()).address(), hello()))
                .isEqualTo(new DeliveryOutcome.Rejected("413 Payload Too Large", Fault.NOTIFICATION));
    }

    @Test
    void a_push_service_in_trouble_is_retried() throws Exception {
        assertThat(send(pushService.subscribe(503, Map.of()).address(), hello()))
                .isEqualTo(new DeliveryOutcome.RetryLater("503 Service Unavailable"));
    }

    @Test
    void a_payload_over_the_web_push_limit_is_rejected_without_sending() throws Exception {
        var subscription = pushService.subscribe();

        assertThat(send(subscription.address(), Notification.builder().body("x".repeat(4000)).build()))
                .isEqualTo(new DeliveryOutcome.Rejected("PayloadTooLarge", Fault.NOTIFICATION));
        assertThat(pushService.received()).isEmpty();
    }

    @Test
    void a_subscription_made_for_another_vapid_key_is_a_credential_problem() throws Exception {
        try (WebPushSender otherApp = connector.open(generatedVapidKeys("https://linnet.example/contact"))) {
            assertThat(otherApp.send(pushService.subscribe().address(), hello()).get(15, TimeUnit.SECONDS))
                    .isEqualTo(new DeliveryOutcome.Rejected("403 Forbidden", Fault.CREDENTIAL));
        }
    }

    @Test
    void a_subscription_with_unusable_keys_is_reported_dead() throws Exception {
        var broken = new DeviceAddress.WebPush(pushService.subscribe().address().endpoint(), "AAAA", "BBBB");

        assertThat(send(broken, hello())).isEqualTo(new DeliveryOutcome.DeadToken("Invalid subscription keys"));
        assertThat(pushService.received()).isEmpty();
    }

    @Test
    void an_endpoint_the_guard_refuses_at_send_time_fails_without_anything_posted() throws Exception {
        var subscription = pushService.subscribe().address();
        // the name was public when the device registered; now it resolves into the server's network
        OutboundGuard.Resolver rebound = host -> new InetAddress[] {InetAddress.getByAddress(host, new byte[] {10, 0, 0, 7})};
        var rebinding = new DeviceAddress.WebPush(URI.create("https://push.rebinding.example/push/1"),
                subscription.p256dh(), subscription.auth());
        try (WebPushConnector production = new WebPushConnector(WebPushSettings.defaults(), new OutboundGuard(false, rebound));
             WebPushSender strict = production.open(vapidKeys)) {
            assertThat(strict.send(rebinding, hello()).get(15, TimeUnit.SECONDS))
                    .isEqualTo(new DeliveryOutcome.Rejected("EndpointRefused: not a public address", Fault.DEVICE));
            assertThat(strict.send(subscription, hello()).get(15, TimeUnit.SECONDS))
                    .isEqualTo(new DeliveryOutcome.Rejected("EndpointRefused: not https", Fault.DEVICE));
        }
        assertThat(pushService.received()).isEmpty();
    }

    @Test
    void a_push_service_that_redirects_is_not_followed() throws Exception {
        var elsewhere = pushService.subscribe();
        var redirecting = pushService.subscribe(307, Map.of("Location", elsewhere.address().endpoint().toString()));

        assertThat(send(redirecting.address(), hello())).isInstanceOf(DeliveryOutcome.Rejected.class);
        assertThat(pushService.received()).as("the redirect's target got nothing").isEmpty();
    }

    @Test
    void an_endpoint_whose_host_does_not_resolve_now_is_retried() throws Exception {
        var subscription = pushService.subscribe().address();
        OutboundGuard.Resolver down = host -> {
            throw new java.net.UnknownHostException(host);
        };
        try (WebPushConnector production = new WebPushConnector(WebPushSettings.defaults(), new OutboundGuard(false, down));
             WebPushSender strict = production.open(vapidKeys)) {
            assertThat(strict.send(new DeviceAddress.WebPush(URI.create("https://push.gone.example/push/1"),
                    subscription.p256dh(), subscription.auth()), hello()).get(15, TimeUnit.SECONDS))
                    .isEqualTo(new DeliveryOutcome.RetryLater("UnknownHost: push.gone.example"));
        }
    }

    @Test
    void an_unreachable_push_service_is_retried() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        var subscription = pushService.subscribe().address();
        var nowhere = new DeviceAddress.WebPush(URI.create("http://127.0.0.1:" + closedPort + "/push/x"),
                subscription.p256dh(), subscription.auth());

        assertThat(send(nowhere, hello())).isInstanceOf(DeliveryOutcome.RetryLater.class);
    }

    @Test
    void vapid_keys_that_are_not_a_pair_or_a_subject_that_is_no_contact_cannot_open_a_sender() throws Exception {
        WebPushCredentials other = generatedVapidKeys("mailto:a@b.example");

        assertThatThrownBy(() -> connector.open(new WebPushCredentials(vapidKeys.publicKey(), other.privateKey(),
                vapidKeys.subject()))).isInstanceOf(InvalidCredentialsException.class).hasMessageContaining("belong");
        assertThatThrownBy(() -> connector.open(new WebPushCredentials(vapidKeys.publicKey(), vapidKeys.privateKey(),
                "push-admin"))).isInstanceOf(InvalidCredentialsException.class).hasMessageContaining("subject");
        assertThatThrownBy(() -> connector.open(new WebPushCredentials("not-a-key", vapidKeys.privateKey(),
                vapidKeys.subject()))).isInstanceOf(InvalidCredentialsException.class);
    }

    @Test
    void credentials_never_show_the_private_key() {
        assertThat(vapidKeys.toString()).doesNotContain(vapidKeys.privateKey());
    }
}
