package io.linnet.server.redis;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import io.linnet.server.LinnetSettings;
import io.linnet.server.embedded.DataDirectory;
import io.linnet.server.embedded.EmbeddedRedisServer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Redis: the one at {@code LINNET_REDIS_URL}, or an embedded one started in this process. */
@Configuration(proxyBeanMethods = false)
class RedisConfiguration {

    @Bean(destroyMethod = "close")
    RedisServerAddress redisServerAddress(LinnetSettings settings, DataDirectory dataDirectory) {
        if (!settings.embeddedRedis()) {
            return new RedisServerAddress(settings.redisUrl(), null);
        }
        EmbeddedRedisServer redis = EmbeddedRedisServer.start(dataDirectory.path().resolve("redis"));
        return new RedisServerAddress(redis.url(), redis);
    }

    /**
     * Lettuce reconnects by itself (and resubscribes the pub/sub listeners) when Redis comes back.
     * While it is away, a command waits at most {@code linnet.redis-timeout} and then fails, so that
     * a request that needs Redis answers 503 {@code unavailable} instead of hanging for Lettuce's
     * default minute; what can do without Redis goes on (see the README's operations section).
     */
    /**
     * Lettuce's threads and its reconnect schedule. It retries a lost connection after 0.1 s, then
     * doubling up to 5 s (its default climbs to 30 s), so that once Redis is back this node is too
     * within seconds.
     */
    @Bean(destroyMethod = "shutdown")
    ClientResources redisClientResources() {
        return ClientResources.builder()
                .reconnectDelay(Delay.exponential(Duration.ofMillis(100), Duration.ofSeconds(5), 2, TimeUnit.MILLISECONDS))
                .build();
    }

    @Bean
    LettuceConnectionFactory redisConnectionFactory(RedisServerAddress address, ClientResources resources,
                                                    @Value("${linnet.redis-timeout:PT2S}") Duration timeout) {
        URI uri = URI.create(address.url());
        RedisStandaloneConfiguration config = new RedisStandaloneConfiguration(uri.getHost(), uri.getPort() > 0 ? uri.getPort() : 6379);
        if (uri.getUserInfo() != null) {
            String[] credentials = uri.getUserInfo().split(":", 2);
            if (credentials.length == 2) {
                if (!credentials[0].isEmpty()) {
                    config.setUsername(credentials[0]);
                }
                config.setPassword(credentials[1]);
            } else {
                config.setPassword(credentials[0]);
            }
        }
        String path = uri.getPath();
        if (path != null && path.length() > 1) {
            config.setDatabase(Integer.parseInt(path.substring(1)));
        }
        return new LettuceConnectionFactory(config, clientConfiguration(resources, timeout));
    }

    static LettuceClientConfiguration clientConfiguration(ClientResources resources, Duration timeout) {
        return LettuceClientConfiguration.builder()
                .clientResources(resources)
                .commandTimeout(timeout)
                .clientOptions(ClientOptions.builder()
                        .autoReconnect(true)
                        // commands issued while disconnected wait for the reconnect, up to the timeout:
                        // a blip of Redis costs a little latency rather than errors
                        .disconnectedBehavior(ClientOptions.DisconnectedBehavior.ACCEPT_COMMANDS)
                        .socketOptions(SocketOptions.builder().connectTimeout(timeout).keepAlive(true).build())
                        // also times out commands nobody waits on (pipelines, pub/sub subscriptions)
                        .timeoutOptions(TimeoutOptions.enabled(timeout))
                        .build())
                .build();
    }
}
