package io.linnet.push.fcm;

import com.sun.net.httpserver.HttpServer;
import io.linnet.push.PushProvider;
import io.linnet.push.fcm.FakeFcmServer.Reply;
import io.linnet.push.provider.DeliveryOutcome.Rejected.Fault;
import io.linnet.push.provider.DeliveryOutcome;
import io.linnet.push.provider.DeviceAddress;
import io.linnet.push.provider.InvalidCredentialsException;
import io.linnet.push.provider.Notification;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** FCM v1 sends against a local fake that checks the OAuth JWT-bearer exchange and the message body. */
class FcmSenderTest {

    private FakeFcmServer fcm;
    private FcmConnector connector;
    private FcmSender sender;

    @BeforeEach
    void startFakeFcm() throws Exception {
        fcm = new FakeFcmServer();
        connector = new FcmConnector(FcmSettings.defaults().withBaseUrl(fcm.baseUrl()).withTokenUri(fcm.tokenUri()));
        sender = connector.open(new FcmCredentials(fcm.serviceAccountJson()));
    }

    @AfterEach
    void stopFakeFcm() {
        connector.close();
        fcm.close();
    }

    private DeliveryOutcome send(String token, Notification notification) throws Exception {
        return sender.send(new DeviceAddress.Fcm(token), notification).get(20, TimeUnit.SECONDS);
    }

    private static Notification hello() {
        return Notification.builder().title("Hello").body("Mia sent a photo").build();
    }

    @Test
    void a_message_is_accepted_with_the_name_fcm_gives_it() throws Exception {
        DeliveryOutcome outcome = send("device-1", hello());

        assertThat(outcome).isEqualTo(new DeliveryOutcome.Accepted("OK",
                Optional.of("projects/" + FakeFcmServer.PROJECT_ID + "/messages/1")));
        assertThat(sender.projectId()).isEqualTo(FakeFcmServer.PROJECT_ID);
        assertThat(fcm.tokenRequests()).isEqualTo(1);
        assertThat(fcm.problems()).isEmpty();
    }

    @Test
    void fcm_receives_the_message_the_notification_describes() throws Exception {
        Instant expiry = Instant.now().plus(Duration.ofHours(1));
        Notification notification = Notification.builder()
                .title("Mia").body("See you at 8?").imageUrl(URI.create("https://cdn.example.com/p.png"))
                .data("conversationId", "c-42").data("seq", "17")
                .badge(4).sound("default").collapseKey("c-42").expiresAt(expiry)
                .priority(Notification.Priority.NORMAL)
                .override(PushProvider.FCM, Map.of("android", Map.of("notification", Map.of("channel_id", "chat"))))
                .build();

        assertThat(send("device-1", notification)).isInstanceOf(DeliveryOutcome.Accepted.class);

        assertThat(fcm.problems()).isEmpty();
        JsonNode message = fcm.messages().getFirst();
        assertThat(message.path("token").asString()).isEqualTo("device-1");
        assertThat(message.at("/notification/title").asString()).isEqualTo("Mia");
        assertThat(message.at("/notification/body").asString()).isEqualTo("See you at 8?");
        assertThat(message.at("/notification/image").asString()).isEqualTo("https://cdn.example.com/p.png");
        assertThat(message.at("/data/conversationId").asString()).isEqualTo("c-42");
        assertThat(message.at("/data/seq").asString()).isEqualTo("17");
        assertThat(message.at("/android/priority").asString()).isEqualTo("NORMAL");
        assertThat(message.at("/android/collapse_key").asString()).isEqualTo("c-42");
        assertThat(message.at("/android/ttl").asString()).matches("(3599|3600)s");
        assertThat(message.at("/android/notification/channel_id").asString()).isEqualTo("chat");
        assertThat(message.at("/android/notification/notification_count").asInt()).isEqualTo(4);
        assertThat(message.at("/apns/headers/apns-priority").asString()).isEqualTo("5");
        assertThat(message.at("/apns/headers/apns-collapse-id").asString()).isEqualTo("c-42");
        assertThat(message.at("/apns/headers/apns-expiration").asString())
                .isEqualTo(Long.toString(expiry.getEpochSecond()));
        assertThat(message.at("/apns/payload/aps/badge").asInt()).isEqualTo(4);
        assertThat(message.at("/webpush/headers/Urgency").asString()).isEqualTo("normal");
    }

    @Test
    void a_data_only_message_has_no_notification_block_and_wakes_ios_apps_in_the_background() throws Exception {
        assertThat(send("device-1", Notification.builder().data("sync", "inbox").build()))
                .isInstanceOf(DeliveryOutcome.Accepted.class);

        JsonNode message = fcm.messages().getFirst();
        assertThat(message.has("notification")).isFalse();
        assertThat(message.at("/apns/payload/aps/content-available").asInt()).isEqualTo(1);
        assertThat(message.at("/apns/headers/apns-push-type").asString()).isEqualTo("background");
    }

    @Test
    void the_access_token_is_minted_once_and_reused() throws Exception {
        for (int i = 0; i < 5; i++) {
            assertThat(send("device-" + i, hello())).isInstanceOf(DeliveryOutcome.Accepted.class);
        }

        assertThat(fcm.tokenRequests()).isEqualTo(1);
    }

    @Test
    void an_unregistered_token_is_reported_dead() throws Exception {
        fcm.reply("gone", Reply.error(404, "NOT_FOUND", "UNREGISTERED", "Requested entity was not found."));

        assertThat(send("gone", hello())).isEqualTo(new DeliveryOutcome.DeadToken("UNREGISTERED"));
    }

    @Test
    void an_unregistered_token_answered_with_400_is_reported_dead_too() throws Exception {
        fcm.reply("gone", Reply.error(400, "INVALID_ARGUMENT", "UNREGISTERED", "Token is not registered."));

        assertThat(send("gone", hello())).isEqualTo(new DeliveryOutcome.DeadToken("UNREGISTERED"));
    }

    @Test
    void a_token_fcm_calls_invalid_is_reported_dead() throws Exception {
        fcm.reply("garbage", Reply.error(400, "INVALID_ARGUMENT", "INVALID_ARGUMENT",
                "The registration token is not a valid FCM registration token"));

        assertThat(send("garbage", hello())).isInstanceOfSatisfying(DeliveryOutcome.DeadToken.class,
                dead -> assertThat(dead.reason()).startsWith("INVALID_ARGUMENT"));
    }

    @Test
    void a_rate_limited_send_is_retried_no_sooner_than_fcm_asks() throws Exception {
        fcm.reply("busy", Reply.error(429, "RESOURCE_EXHAUSTED", "QUOTA_EXCEEDED", "Quota exceeded.")
                .withHeader("Retry-After", "17"));

        assertThat(send("busy", hello()))
                .isEqualTo(new DeliveryOutcome.RetryLater("QUOTA_EXCEEDED", Optional.of(Duration.ofSeconds(17))));
    }

    @Test
    void an_unavailable_fcm_is_retried() throws Exception {
        fcm.reply("down", Reply.error(503, "UNAVAILABLE", "UNAVAILABLE", "The service is currently unavailable."));

        assertThat(send("down", hello())).isEqualTo(new DeliveryOutcome.RetryLater("UNAVAILABLE"));
    }

    @Test
    void a_refused_access_token_is_replaced_once_and_the_message_goes_through() throws Exception {
        assertThat(send("device-1", hello())).isInstanceOf(DeliveryOutcome.Accepted.class);
        fcm.revokeIssuedTokens();

        assertThat(send("device-2", hello())).isInstanceOf(DeliveryOutcome.Accepted.class);
        assertThat(fcm.tokenRequests()).isEqualTo(2);
        assertThat(fcm.sendRequests()).isEqualTo(3);
    }

    @Test
    void a_token_refused_again_after_the_refresh_is_a_credential_problem() throws Exception {
        fcm.refuseEveryAccessToken();

        assertThat(send("device-1", hello()))
                .isEqualTo(new DeliveryOutcome.Rejected("UNAUTHENTICATED", Fault.CREDENTIAL));
        assertThat(fcm.tokenRequests()).isEqualTo(2);
        assertThat(fcm.sendRequests()).isEqualTo(2);
    }

    @Test
    void the_access_token_is_minted_at_the_configured_endpoint_never_at_the_file_s_token_uri() throws Exception {
        AtomicInteger elsewhere = new AtomicInteger();
        HttpServer inside = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        inside.createContext("/", exchange -> {
            elsewhere.incrementAndGet();
            exchange.sendResponseHeaders(500, -1);
            exchange.close();
        });
        inside.start();
        try {
            String redirected = fcm.serviceAccountJson().replace(fcm.tokenUri().toString(),
                    "http://127.0.0.1:" + inside.getAddress().getPort() + "/token");
            FcmSender chosenByTheFile = connector.open(new FcmCredentials(redirected));

            DeliveryOutcome outcome = chosenByTheFile.send(new DeviceAddress.Fcm("device-1"), hello())
                    .get(20, TimeUnit.SECONDS);

            assertThat(outcome).isInstanceOf(DeliveryOutcome.Accepted.class);
            assertThat(fcm.tokenRequests()).isEqualTo(1);
            assertThat(elsewhere).hasValue(0);
        } finally {
            inside.stop(0);
        }
    }

    @Test
    void a_service_account_key_the_token_endpoint_does_not_know_is_a_credential_problem() throws Exception {
        FcmSender unknownKey = connector.open(new FcmCredentials(fcm.serviceAccountJsonWithAnUnknownKey()));

        DeliveryOutcome outcome = unknownKey.send(new DeviceAddress.Fcm("device-1"), hello()).get(20, TimeUnit.SECONDS);

        assertThat(outcome).isInstanceOfSatisfying(DeliveryOutcome.Rejected.class, rejected -> {
            assertThat(rejected.fault()).isEqualTo(Fault.CREDENTIAL);
            assertThat(rejected.reason()).contains("invalid_grant");
        });
        assertThat(fcm.sendRequests()).isZero();
        assertThat(fcm.problems()).containsExactly("token endpoint: Invalid JWT Signature.");
        fcm.problems().clear();
    }

    @Test
    void an_unreachable_fcm_is_retried() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (FcmConnector nowhere = new FcmConnector(
                FcmSettings.defaults().withBaseUrl(URI.create("http://127.0.0.1:" + closedPort)))) {
            FcmSender unreachable = nowhere.open(new FcmCredentials(fcm.serviceAccountJson()));

            assertThat(unreachable.send(new DeviceAddress.Fcm("device-1"), hello()).get(20, TimeUnit.SECONDS))
                    .isInstanceOf(DeliveryOutcome.RetryLater.class);
        }
    }

    @Test
    void no_more_than_the_configured_number_of_messages_are_in_flight_at_once() throws Exception {
        fcm.answerAfter(Duration.ofMillis(100));
        try (FcmConnector bounded = new FcmConnector(FcmSettings.defaults().withBaseUrl(fcm.baseUrl())
                .withTokenUri(fcm.tokenUri()).withMaxInFlight(3))) {
            FcmSender boundedSender = bounded.open(new FcmCredentials(fcm.serviceAccountJson()));
            List<CompletableFuture<DeliveryOutcome>> outcomes = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                outcomes.add(boundedSender.send(new DeviceAddress.Fcm("device-" + i), hello()));
                assertThat(boundedSender.inFlight()).isLessThanOrEqualTo(3);
            }

            for (CompletableFuture<DeliveryOutcome> outcome : outcomes) {
                assertThat(outcome.get(20, TimeUnit.SECONDS)).isInstanceOf(DeliveryOutcome.Accepted.class);
            }
        }
        assertThat(fcm.mostConcurrentSends()).isBetween(2, 3);
    }

    @Test
    void an_answer_that_takes_longer_than_the_request_timeout_is_retried() throws Exception {
        fcm.answerAfter(Duration.ofSeconds(2));
        try (FcmConnector impatient = new FcmConnector(FcmSettings.defaults().withBaseUrl(fcm.baseUrl()).withTokenUri(fcm.tokenUri())
                .withRequestTimeout(Duration.ofMillis(300)))) {
            FcmSender impatientSender = impatient.open(new FcmCredentials(fcm.serviceAccountJson()));

            assertThat(impatientSender.send(new DeviceAddress.Fcm("device-1"), hello()).get(20, TimeUnit.SECONDS))
                    .isEqualTo(new DeliveryOutcome.RetryLater("Timeout waiting for FCM"));
        }
    }

    @Test
    void a_service_account_without_a_project_id_cannot_open_a_sender() throws Exception {
        String noProject = fcm.serviceAccountJson(FakeFcmServer.rsaKeyPair().getPrivate(), null);

        assertThatThrownBy(() -> connector.open(new FcmCredentials(noProject)))
                .isInstanceOf(InvalidCredentialsException.class).hasMessageContaining("project_id");
        assertThatThrownBy(() -> connector.open(new FcmCredentials("{\"type\":\"service_account\"}")))
                .isInstanceOf(InvalidCredentialsException.class);
    }

    @Test
    void credentials_never_show_the_service_account() {
        assertThat(new FcmCredentials(fcm.serviceAccountJson()).toString()).doesNotContain("PRIVATE KEY");
    }

    @AfterEach
    void theFakeSawNothingWrong() {
        assertThat(fcm.problems()).isEmpty();
    }
}
