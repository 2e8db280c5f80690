package io.linnet.messaging.gateway;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.linnet.messaging.MessagingSettings;
import io.linnet.messaging.UserId;
import io.linnet.messaging.Inbox;
import io.linnet.messaging.MessageHistory;
import io.linnet.messaging.MessageRecall;
import io.linnet.messaging.MessageReports;
import io.linnet.messaging.message.MessageSender;
import io.linnet.messaging.user.UserPrincipal;
import io.linnet.messaging.user.UserTokens;
import io.linnet.tenancy.AppId;
import io.linnet.tenancy.Page;
import io.linnet.tenancy.TenantId;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.context.ApplicationEventPublisher;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * The gateway's frame handling on one connection, with the messaging services replaced: a socket
 * that is a Netty {@link EmbeddedChannel}, so every frame the server writes can be read back in order,
 * and whose clock stands still, so every frame arrives at the same instant.
 */
class FrameHandlingTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final UserPrincipal ALICE = new UserPrincipal(new TenantId(UUID.randomUUID()), new AppId(UUID.randomUUID()),
            new UserId("alice"));
    private static final UserPrincipal BOB = new UserPrincipal(ALICE.tenantId(), ALICE.appId(), new UserId("bob"));
    private static final GatewaySettings SETTINGS = new GatewaySettings(0, "127.0.0.1", "", Duration.ofSeconds(30),
            Duration.ofSeconds(5), Duration.ofSeconds(10), 19_500, 256, 100, 65_536, 20, 10, 1_048_576,
            Duration.ofSeconds(60), Duration.ofMillis(100), 200, 20, 0);

    private final UserTokens tokens = mock(UserTokens.class);
    private final Inbox inbox = mock(Inbox.class);
    private final Presence presence = mock(Presence.class);
    private final Fanout fanout = mock(Fanout.class);
    private final Gateway gateway = new Gateway(SETTINGS, MessagingSettings.defaults(), JSON, tokens, mock(MessageSender.class),
            mock(MessageHistory.class), mock(MessageRecall.class),
            new StaticListableBeanFactory().getBeanProvider(MessageReports.class), inbox, new LocalConnections(),
            presence, fanout, new ServerFrames(JSON), mock(ApplicationEventPublisher.class),
            new StaticListableBeanFactory().getBeanProvider(io.linnet.messaging.ConnectionAllowance.class));
    private final EmbeddedChannel channel = new EmbeddedChannel();
    private final Connection connection = new Connection("c-1", channel, Runnable::run, gateway,
            new Admissions(10, 10).admit(InetAddress.getLoopbackAddress()).orElseThrow(), SETTINGS.sendsPerSecond(),
            SETTINGS.frameBudget(), () -> 0L);
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

    @BeforeEach
    void tokensAndLog() {
        Instant inAnHour = Instant.now().plusSeconds(3600);
        when(tokens.verifyWithExpiry("alice-token")).thenReturn(Optional.of(new UserTokens.VerifiedToken(ALICE, inAnHour)));
        when(tokens.verifyWithExpiry("bob-token")).thenReturn(Optional.of(new UserTokens.VerifiedToken(BOB, inAnHour)));
        when(presence.register(any(), any(), anyInt(), anyInt())).thenReturn(Presence.Registration.CAME_ONLINE);
        when(presence.locate(any(), anyList())).thenReturn(Map.of());
        when(presence.lastSeen(any(), anyList())).thenReturn(Map.of());
        logged.start();
        ((Logger) LoggerFactory.getLogger(Gateway.class)).addAppender(logged);
    }

    @AfterEach
    void detachLog() {
        ((Logger) LoggerFactory.getLogger(Gateway.class)).detachAppender(logged);
    }

    @Test
    void a_connection_with_a_token_in_its_url_that_sends_an_auth_frame_for_another_user_stays_the_first_user() {
        connection.authenticateWith("alice-token");
        connection.received("{\"type\":\"auth\",\"ref\":\"again\",\"token\":\"bob-token\"}");

        List<JsonNode> out = written();
        assertThat(out).extracting(frame -> frame.get("type").asString()).containsExactly("ready", "error");
        assertThat(out.getFirst().get("userId").asString()).isEqualTo("alice");
        assertThat(out.get(1).get("ref").asString()).isEqualTo("again");
        assertThat(out.get(1).get("code").asString()).isEqualTo("invalid_request");
        assertThat(connection.user()).isEqualTo(ALICE);
        verify(tokens, never()).verifyWithExpiry("bob-token");
    }

    @Test
    void a_frame_that_fails_unexpectedly_is_answered_with_internal_error_and_the_next_frame_is_handled() {
        connection.authenticateWith("alice-token");
        when(inbox.readCount(any(), any(), any(), anyLong())).thenThrow(new StackOverflowError());

        connection.received("{\"type\":\"readCount\",\"ref\":\"rc\",\"conversationId\":\"" + UUID.randomUUID() + "\",\"seq\":1}");
        connection.received("{\"type\":\"ping\",\"ref\":\"p\"}");

        List<JsonNode> out = written();
        assertThat(out).extracting(frame -> frame.get("type").asString()).containsExactly("ready", "error", "pong");
        JsonNode error = out.get(1);
        assertThat(error.get("ref").asString()).isEqualTo("rc");
        assertThat(error.get("code").asString()).isEqualTo("internal_error");
        assertThat(logged.list).anySatisfy(line -> assertThat(line.getFormattedMessage()).contains(error.get("errorId").asString()));
        assertThat(connection.isOpen()).isTrue();
    }

    @Test
    void the_log_line_of_a_failure_quotes_nothing_the_client_sent() {
        connection.authenticateWith("alice-token");
        when(inbox.readCount(any(), any(), any(), anyLong())).thenThrow(new IllegalStateException("the secret text of a message"));

        connection.received("{\"type\":\"readCount\",\"conversationId\":\"" + UUID.randomUUID() + "\",\"seq\":1}");

        assertThat(written()).last().satisfies(frame -> assertThat(frame.get("code").asString()).isEqualTo("internal_error"));
        assertThat(logged.list).isNotEmpty().allSatisfy(line -> {
            assertThat(line.getFormattedMessage()).doesNotContain("secret text").doesNotContain("alice-token");
            assertThat(line.getThrowableProxy()).isNull();
        });
    }

    @Test
    void a_failure_while_checking_the_url_token_is_answered_and_the_client_may_still_authenticate() {
        when(tokens.verifyWithExpiry("flaky-token")).thenThrow(new IllegalStateException("database down"));

        connection.authenticateWith("flaky-token");
        connection.received("{\"type\":\"auth\",\"token\":\"alice-token\"}");

        assertThat(written()).extracting(frame -> frame.get("type").asString() + ":" + frame.path("code").asString(""))
                .containsExactly("error:internal_error", "ready:");
        assertThat(connection.user()).isEqualTo(ALICE);
    }

    @Test
    void presence_queries_are_paid_for_by_the_users_they_name_and_refused_with_a_retry_time_past_the_budget() {
        connection.authenticateWith("alice-token");
        String twoHundred = JSON.writeValueAsString(Map.of("type", "presence",
                "userIds", IntStream.range(0, 200).mapToObj(i -> "user-" + i).toList()));

        for (int i = 0; i < 10; i++) {
            connection.received(twoHundred);
        }

        List<JsonNode> out = written();
        // a burst of 200 units pays for nine queries of 21 units; the tenth is refused
        assertThat(out.stream().filter(frame -> frame.get("type").asString().equals("presence"))).hasSize(9 * 200);
        JsonNode refused = out.getLast();
        assertThat(refused.get("code").asString()).isEqualTo("rate_limited");
        assertThat(refused.get("retryAfterMs").asLong()).isPositive();
    }

    @Test
    void syncs_and_pings_are_counted_too() {
        connection.authenticateWith("alice-token");
        when(inbox.conversations(any(), any(), any())).thenReturn(new Page<>(List.of(), Optional.empty()));

        for (int i = 0; i < 21; i++) {
            connection.received("{\"type\":\"sync\"}");
        }
        List<JsonNode> afterSyncs = written();
        assertThat(afterSyncs.stream().filter(frame -> frame.get("type").asString().equals("synced"))).hasSize(20);
        assertThat(afterSyncs.getLast().get("code").asString()).isEqualTo("rate_limited");

        connection.received("{\"type\":\"ping\"}");
        assertThat(written()).singleElement().satisfies(frame -> assertThat(frame.get("code").asString()).isEqualTo("rate_limited"));
    }

    @Test
    void a_client_that_keeps_going_past_its_budget_is_closed_as_abusive() {
        connection.authenticateWith("alice-token");

        for (int i = 0; i < 200 + SETTINGS.sendsPerSecond() * 5; i++) {
            connection.received("{\"type\":\"ping\"}");
        }

        assertThat(connection.isOpen()).isFalse();
        assertThat(closeCode()).isEqualTo(1008);
    }

    @Test
    void a_connection_that_joins_while_its_tenant_is_being_stopped_is_closed() {
        when(fanout.stoppedSince(eq(ALICE.tenantId()), anyLong())).thenReturn(true);

        connection.authenticateWith("alice-token");

        assertThat(written()).isEmpty();
        assertThat(closeCode()).isEqualTo(4003);
    }

    @Test
    void a_connection_closes_when_its_token_expires() {
        when(tokens.verifyWithExpiry("short-token"))
                .thenReturn(Optional.of(new UserTokens.VerifiedToken(ALICE, Instant.now().plusSeconds(60))));
        connection.authenticateWith("short-token");
        assertThat(written()).singleElement().satisfies(ready -> assertThat(ready.get("tokenExpiresAt").asString()).isNotBlank());

        channel.advanceTimeBy(61, TimeUnit.SECONDS);
        channel.runScheduledPendingTasks();

        assertThat(closeCode()).isEqualTo(4001);
    }

    /** The text frames written since the last call, parsed. */
    private List<JsonNode> written() {
        List<JsonNode> frames = new ArrayList<>();
        for (Object out; (out = channel.readOutbound()) != null; ) {
            if (out instanceof TextWebSocketFrame text) {
                frames.add(JSON.readTree(text.text()));
                text.release();
            } else {
                pendingClose = out;
            }
        }
        return frames;
    }

    private Object pendingClose;

    private int closeCode() {
        written();
        assertThat(pendingClose).isInstanceOf(CloseWebSocketFrame.class);
        return ((CloseWebSocketFrame) pendingClose).statusCode();
    }
}
