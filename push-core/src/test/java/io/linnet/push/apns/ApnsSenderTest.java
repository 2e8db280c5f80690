package io.linnet.push.apns;

import com.eatthepath.pushy.apns.ApnsPushNotification;
import com.eatthepath.pushy.apns.DeliveryPriority;
import com.eatthepath.pushy.apns.PushType;
import io.linnet.push.PushProvider;
import io.linnet.push.provider.DeliveryOutcome.Rejected.Fault;
import io.linnet.push.provider.DeliveryOutcome;
import io.linnet.push.provider.DeviceAddress.Apns.Environment;
import io.linnet.push.provider.DeviceAddress;
import io.linnet.push.provider.InvalidCredentialsException;
import io.linnet.push.provider.Notification;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** APNs sends, both authentication modes, against Pushy's validating mock server over TLS and HTTP/2. */
class ApnsSenderTest {

    enum Auth { TOKEN, CERTIFICATE }

    private static MockApns apns;
    private static ApnsConnector connector;
    private static ApnsSender tokenSender;
    private static ApnsSender certificateSender;

    @BeforeAll
    static void startMockApns() throws Exception {
        apns = new MockApns();
        connector = new ApnsConnector(apns.settings());
        tokenSender = connector.open(apns.tokenCredentials());
        certificateSender = connector.open(apns.certificateCredentials());
    }

    @AfterAll
    static void stopMockApns() throws Exception {
        connector.close();
        apns.close();
    }

    @BeforeEach
    void forgetWhatWasAccepted() {
        apns.accepted.clear();
    }

    private static ApnsSender sender(Auth auth) {
        return auth == Auth.TOKEN ? tokenSender : certificateSender;
    }

    private static DeliveryOutcome send(ApnsSender sender, String token, Notification notification) throws Exception {
        return sender.send(new DeviceAddress.Apns(token, Environment.PRODUCTION), notification).get(15, TimeUnit.SECONDS);
    }

    private static Notification hello() {
        return Notification.builder().title("Hello").body("Mia sent a photo").build();
    }

    @ParameterizedTest
    @EnumSource(Auth.class)
    void a_notification_to_a_live_token_is_accepted(Auth auth) throws Exception {
        DeliveryOutcome outcome = send(sender(auth), apns.liveToken, hello());

        assertThat(outcome).isInstanceOfSatisfying(DeliveryOutcome.Accepted.class,
                accepted -> assertThat(accepted.providerMessageId()).isPresent());
        assertThat(apns.accepted).singleElement().satisfies(received -> {
            assertThat(received.getToken()).isEqualTo(apns.liveToken);
            assertThat(received.getTopic()).isEqualTo(MockApns.TOPIC);
        });
    }

    @Test
    void the_server_receives_the_headers_and_payload_the_notification_asks_for() throws Exception {
        Instant expiry = Instant.now().plus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS);
        Notification notification = Notification.builder()
                .title("Mia").body("See you at 8?").badge(3).sound("default")
                .imageUrl(URI.create("https://cdn.example.com/p.png"))
                .data("conversationId", "c-42")
                .collapseKey("conversation-c-42")
                .expiresAt(expiry)
                .override(PushProvider.APNS, Map.of("aps", Map.of("interruption-level", "time-sensitive")))
                .build();

        DeliveryOutcome outcome = tokenSender.send(
                new DeviceAddress.Apns(apns.liveToken, Environment.SANDBOX), notification).get(15, TimeUnit.SECONDS);

        assertThat(outcome).isInstanceOf(DeliveryOutcome.Accepted.class);
        ApnsPushNotification received = apns.accepted.getFirst();
        assertThat(received.getPriority()).isEqualTo(DeliveryPriority.IMMEDIATE);
        assertThat(received.getPushType()).isEqualTo(PushType.ALERT);
        assertThat(received.getCollapseId()).isEqualTo("conversation-c-42");
        assertThat(received.getExpiration()).isEqualTo(expiry);
        JsonNode payload = JsonMapper.builder().build().readTree(received.getPayload());
        assertThat(payload.at("/aps/alert/title").asString()).isEqualTo("Mia");
        assertThat(payload.at("/aps/alert/body").asString()).isEqualTo("See you at 8?");
        assertThat(payload.at("/aps/badge").asInt()).isEqualTo(3);
        assertThat(payload.at("/aps/sound").asString()).isEqualTo("default");
        assertThat(payload.at("/aps/mutable-content").asInt()).isEqualTo(1);
        assertThat(payload.at("/aps/interruption-level").asString()).isEqualTo("time-sensitive");
        assertThat(payload.at("/conversationId").asString()).isEqualTo("c-42");
        assertThat(payload.at("/image").asString()).isEqualTo("https://cdn.example.com/p.png");
    }

    @Test
    void a_notification_without_title_or_body_goes_as_a_background_push() throws Exception {
        DeliveryOutcome outcome = send(certificateSender, apns.liveToken,
                Notification.builder().data("sync", "inbox").build());

        assertThat(outcome).isInstanceOf(DeliveryOutcome.Accepted.class);
        ApnsPushNotification received = apns.accepted.getFirst();
        assertThat(received.getPushType()).isEqualTo(PushType.BACKGROUND);
        assertThat(received.getPriority()).isEqualTo(DeliveryPriority.CONSERVE_POWER);
        assertThat(received.getPayload()).contains("\"content-available\":1").doesNotContain("alert");
    }

    @ParameterizedTest
    @EnumSource(Auth.class)
    void an_unregistered_token_is_reported_dead(Auth auth) throws Exception {
        assertThat(send(sender(auth), apns.unregisteredToken, hello()))
                .isEqualTo(new DeliveryOutcome.DeadToken("Unregistered"));
    }

    @ParameterizedTest
    @EnumSource(Auth.class)
    void a_malformed_token_is_reported_dead(Auth auth) throws Exception {
        assertThat(send(sender(auth), "not-a-device-token", hello()))
                .isEqualTo(new DeliveryOutcome.DeadToken("BadDeviceToken"));
    }

    @ParameterizedTest
    @EnumSource(Auth.class)
    void a_rate_limited_send_is_to_be_retried(Auth auth) throws Exception {
        assertThat(send(sender(auth), apns.rateLimitedToken, hello()))
                .isEqualTo(new DeliveryOutcome.RetryLater("TooManyRequests", Optional.empty()));
    }

    @ParameterizedTest
    @EnumSource(Auth.class)
    void server_errors_are_to_be_retried(Auth auth) throws Exception {
        assertThat(send(sender(auth), apns.failingToken, hello()))
                .isEqualTo(new DeliveryOutcome.RetryLater("InternalServerError"));
        assertThat(send(sender(auth), apns.unavailableToken, hello()))
                .isEqualTo(new DeliveryOutcome.RetryLater("ServiceUnavailable"));
    }

    @Test
    void a_token_for_another_topic_is_a_credential_problem_not_a_dead_device() throws Exception {
        assertThat(send(tokenSender, MockApns.randomToken(), hello()))
                .isEqualTo(new DeliveryOutcome.Rejected("DeviceTokenNotForTopic", Fault.CREDENTIAL));
    }

    @Test
    void a_key_apns_does_not_know_is_rejected_as_a_credential_problem() throws Exception {
        var unknownKey = new ApnsCredentials.Token(TestCertificates.p8(TestCertificates.p256().getPrivate()),
                "OTHERKEY01", MockApns.TEAM_ID, MockApns.TOPIC);
        try (ApnsSender sender = connector.open(unknownKey)) {
            assertThat(send(sender, apns.liveToken, hello()))
                    .isEqualTo(new DeliveryOutcome.Rejected("InvalidProviderToken", Fault.CREDENTIAL));
        }
    }

    @Test
    void an_expired_notification_is_not_sent() throws Exception {
        Notification expired = Notification.builder().title("Too late").expiresAt(Instant.now().minusSeconds(1)).build();

        assertThat(send(tokenSender, apns.liveToken, expired))
                .isEqualTo(new DeliveryOutcome.Rejected("Expired before sending", Fault.NOTIFICATION));
        assertThat(apns.accepted).isEmpty();
    }

    @Test
    void a_payload_over_4_kb_is_rejected_without_sending() throws Exception {
        Notification large = Notification.builder().title("Big").body("x".repeat(4100)).build();

        assertThat(send(tokenSender, apns.liveToken, large))
                .isEqualTo(new DeliveryOutcome.Rejected("PayloadTooLarge", Fault.NOTIFICATION));
        assertThat(apns.accepted).isEmpty();
    }

    @Test
    void an_unreachable_server_is_to_be_retried() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        ApnsSettings nowhere = apns.settings().withEndpoint(new ApnsSettings.Endpoint("localhost", closedPort),
                apns.serverCertificate.certificate());
        try (ApnsConnector unreachable = new ApnsConnector(nowhere)) {
            ApnsSender sender = unreachable.open(apns.tokenCredentials());

            assertThat(send(sender, apns.liveToken, hello())).isInstanceOf(DeliveryOutcome.RetryLater.class);
        }
    }

    @Test
    void a_device_of_another_provider_is_refused() {
        assertThatThrownBy(() -> tokenSender.send(new DeviceAddress.Fcm("fcm-token"), hello()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_p12_file_with_the_wrong_password_cannot_open_a_sender() {
        var wrongPassword = new ApnsCredentials.Certificate(apns.clientCertificate.p12("right"), "wrong", MockApns.TOPIC);

        assertThatThrownBy(() -> connector.open(wrongPassword)).isInstanceOf(InvalidCredentialsException.class)
                .message().doesNotContain("right").doesNotContain("wrong");
    }

    @Test
    void a_p8_that_is_not_a_key_cannot_open_a_sender() {
        var broken = new ApnsCredentials.Token("-----BEGIN PRIVATE KEY-----\nbm9wZQ==\n-----END PRIVATE KEY-----\n",
                MockApns.KEY_ID, MockApns.TEAM_ID, MockApns.TOPIC);

        assertThatThrownBy(() -> connector.open(broken)).isInstanceOf(InvalidCredentialsException.class);
    }

    @Test
    void credentials_never_show_their_secrets() {
        assertThat(apns.tokenCredentials().toString()).doesNotContain("PRIVATE KEY");
        assertThat(apns.certificateCredentials().toString()).doesNotContain("p12-secret");
    }
}
