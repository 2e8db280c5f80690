package io.linnet.messaging.gateway;

import com.sun.management.UnixOperatingSystemMXBean;
import io.linnet.messaging.DeliveryMeter;
import io.linnet.messaging.Inbox;
import io.linnet.messaging.MessageHistory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** The gateway's parts, wired once per node. */
@Configuration(proxyBeanMethods = false)
class GatewayConfiguration {

    private static final Logger log = LoggerFactory.getLogger(GatewayConfiguration.class);

    /** Where connections' frames are handled: one virtual thread per busy connection. */
    record FrameWork(ExecutorService executor) implements AutoCloseable {
        /** Lets frames being handled finish (a send mid-transaction, say) before anything is interrupted. */
        @Override
        public void close() throws InterruptedException {
            executor.shutdown();
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        }
    }

    /** The host name clients are told to connect to, when no public gateway URL is configured. */
    record PublicHost(String host) {
    }

    /** This process's name among the nodes of the cluster. */
    record NodeId(String value) {
    }

    @Bean(destroyMethod = "close")
    FrameWork gatewayFrameWork() {
        return new FrameWork(Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("gateway-", 0).factory()));
    }

    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService gatewayTimers() {
        return Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("gateway-timer").daemon().factory());
    }

    @Bean
    PublicHost gatewayPublicHost(@Value("${linnet.public-url:}") String publicUrl) {
        String host = publicUrl.isBlank() ? null : URI.create(publicUrl).getHost();
        return new PublicHost(host == null ? "localhost" : host);
    }

    @Bean
    NodeId gatewayNodeId() {
        return new NodeId(UUID.randomUUID().toString().substring(0, 13));
    }

    /**
     * The gateway's places: the configured most, lowered when the process may not open that many files
     * and still leave {@link GatewaySettings#RESERVED_FILES} to the rest of the server.
     */
    @Bean
    Admissions gatewayAdmissions(GatewaySettings settings) {
        int most = settings.maxConnections();
        if (ManagementFactory.getOperatingSystemMXBean() instanceof UnixOperatingSystemMXBean unix) {
            long room = unix.getMaxFileDescriptorCount() - GatewaySettings.RESERVED_FILES;
            if (room < most) {
                most = (int) Math.max(1, room);
                log.warn("The gateway holds at most {} connections, not the {} configured: the process may open only {} files",
                        most, settings.maxConnections(), unix.getMaxFileDescriptorCount());
            }
        }
        return new Admissions(most, settings.maxUnauthenticatedPerAddress());
    }

    @Bean
    LocalConnections localConnections() {
        return new LocalConnections();
    }

    @Bean
    ServerFrames serverFrames(JsonMapper json) {
        return new ServerFrames(json);
    }

    @Bean
    Presence presence(StringRedisTemplate redis, NodeId node, GatewaySettings settings) {
        return new Presence(redis, node.value(), settings.presenceTtl(), Clock.systemUTC());
    }

    @Bean
    ClusterRelay clusterRelay(StringRedisTemplate redis, JsonMapper json, NodeId node, GatewaySettings settings) {
        return new ClusterRelay(redis, json, node.value(), settings.presenceTtl(), Clock.systemUTC());
    }

    @Bean
    Fanout fanout(LocalConnections local, Presence presence, ClusterRelay relay, ServerFrames frames, Inbox inbox,
                  MessageHistory history, ScheduledExecutorService gatewayTimers, FrameWork frameWork, GatewaySettings settings,
                  ObjectProvider<DeliveryMeter> meter) {
        Fanout fanout = new Fanout(local, presence, relay, frames, inbox, history, meter.getIfAvailable(() -> DeliveryMeter.NONE));
        fanout.orderWith(new ConversationStreams(fanout, gatewayTimers, frameWork.executor(), settings.reorderWindow()));
        return fanout;
    }
}
