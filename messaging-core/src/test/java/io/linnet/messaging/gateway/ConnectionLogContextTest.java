package io.linnet.messaging.gateway;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import io.linnet.messaging.Inbox;
import io.linnet.messaging.MessageHistory;
import io.linnet.messaging.MessageRecall;
import io.linnet.messaging.MessagingSettings;
import io.linnet.messaging.UserId;
import io.linnet.messaging.message.MessageSender;
import io.linnet.messaging.MessageReports;
import io.linnet.messaging.user.UserPrincipal;
import io.linnet.messaging.user.UserTokens;
import io.linnet.tenancy.AppId;
import io.linnet.tenancy.LogContext;
import io.linnet.tenancy.TenantId;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.context.ApplicationEventPublisher;
import tools.jackson.databind.json.JsonMapper;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * Every line logged while a connection's frame is handled names the connection and, once it is
 * authenticated, its tenant and app; and nothing of that stays on the thread for the next
 * connection it serves. Two connections share one thread here, as they share the handling threads
 * in the server.
 */
class ConnectionLogContextTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final UserPrincipal ALICE = new UserPrincipal(new TenantId(UUID.randomUUID()), new AppId(UUID.randomUUID()),
            new UserId("alice"));
    private static final GatewaySettings SETTINGS = new GatewaySettings(0, "127.0.0.1", "", Duration.ofSeconds(30),
            Duration.ofSeconds(5), Duration.ofSeconds(10), 19_500, 256, 100, 65_536, 20, 10, 1_048_576,
            Duration.ofSeconds(60), Duration.ofMillis(100), 200, 20, 0);

    private final UserTokens tokens = mock(UserTokens.class);
    private final Presence presence = mock(Presence.class);
    private final ApplicationEventPublisher events = mock(ApplicationEventPublisher.class);
    private final Gateway gateway = new Gateway(SETTINGS, MessagingSettings.defaults(), JSON, tokens, mock(MessageSender.class),
            mock(MessageHistory.class), mock(MessageRecall.class), new org.springframework.beans.factory.support.StaticListableBeanFactory().getBeanProvider(MessageReports.class), mock(Inbox.class),
            new LocalConnections(), presence, mock(Fanout.class), new ServerFrames(JSON), events,
            new org.springframework.beans.factory.support.StaticListableBeanFactory().getBeanProvider(io.linnet.messaging.ConnectionAllowance.class));
    private final Logger gatewayLog = (Logger) LoggerFactory.getLogger(Gateway.class);
    private final Level gatewayLevel = gatewayLog.getLevel();
    private final Lines lines = new Lines();

    @BeforeEach
    void tokensAndLog() {
        when(tokens.verifyWithExpiry("alice-token"))
                .thenReturn(Optional.of(new UserTokens.VerifiedToken(ALICE, Instant.now().plusSeconds(3600))));
        when(presence.register(any(), any(), anyInt(), anyInt())).thenReturn(Presence.Registration.CAME_ONLINE);
        lines.start();
        gatewayLog.addAppender(lines);
        gatewayLog.setLevel(Level.DEBUG);
    }

    @AfterEach
    void detachLog() {
        gatewayLog.setLevel(gatewayLevel);
        gatewayLog.detachAppender(lines);
        MDC.clear();
    }

    @Test
    void a_refused_frame_is_logged_with_the_connection_and_once_authenticated_its_tenant_and_app() {
        Connection connection = connection("c-alice");

        connection.received("not json");
        connection.authenticateWith("alice-token");
        connection.received("not json either");

        assertThat(lines.mdc).containsExactly(
                Map.of(LogContext.CONNECTION_ID, "c-alice"),
                Map.of(LogContext.CONNECTION_ID, "c-alice", LogContext.TENANT_ID, ALICE.tenantId().toString(),
                        LogContext.APP_ID, ALICE.appId().toString()));
    }

    @Test
    void what_one_connection_logged_with_leaves_nothing_for_the_next_connection_on_the_same_thread() {
        Connection alice = connection("c-alice");
        Connection stranger = connection("c-stranger");
        alice.authenticateWith("alice-token");
        alice.received("not json");

        stranger.received("not json");

        assertThat(lines.mdc).hasSize(2);
        assertThat(lines.mdc.getLast()).isEqualTo(Map.of(LogContext.CONNECTION_ID, "c-stranger"));
        assertThat(MDC.getCopyOfContextMap()).isNullOrEmpty();
    }

    @Test
    void what_runs_after_the_token_is_accepted_in_the_same_frame_names_the_app() {
        // a listener of UserConnected runs in the auth frame's handling, after the connection was let in
        doAnswer(published -> {
            LoggerFactory.getLogger(Gateway.class).debug("a listener of {}", published.getArgument(0).getClass().getSimpleName());
            return null;
        }).when(events).publishEvent(any(Object.class));
        Connection connection = connection("c-auth");

        connection.received("{\"type\":\"auth\",\"token\":\"alice-token\"}");

        assertThat(lines.mdc).singleElement().isEqualTo(Map.of(LogContext.CONNECTION_ID, "c-auth",
                LogContext.TENANT_ID, ALICE.tenantId().toString(), LogContext.APP_ID, ALICE.appId().toString()));
        assertThat(MDC.getCopyOfContextMap()).isNullOrEmpty();
    }

    /** A connection whose frames are handled at once on the calling thread. */
    private Connection connection(String id) {
        return new Connection(id, new EmbeddedChannel(), Runnable::run, gateway,
                new Admissions(10, 10).admit(InetAddress.getLoopbackAddress()).orElseThrow(), SETTINGS.sendsPerSecond(),
                SETTINGS.frameBudget(), () -> 0L);
    }

    /** The MDC of each line, as it was on the logging thread when the line was written. */
    private static final class Lines extends AppenderBase<ILoggingEvent> {

        final List<Map<String, String>> mdc = new CopyOnWriteArrayList<>();

        @Override
        protected void append(ILoggingEvent event) {
            mdc.add(Map.copyOf(event.getMDCPropertyMap()));
        }
    }
}
