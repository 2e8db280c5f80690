package io.linnet.server.redis;

import io.linnet.server.LinnetSettings;
import io.linnet.server.embedded.EmbeddedRedisServer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import java.net.URI;

/** Redis: the one at {@code LINNET_REDIS_URL}, or an embedded one started in this process. */
@Configuration(proxyBeanMethods = false)
class RedisConfiguration {

    /** The Redis server this node uses; the embedded one stops with the application context. */
    record RedisServerAddress(String url, AutoCloseable embedded) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            if (embedded != null) {
                embedded.close();
            }
        }
    }

    @Bean(destroyMethod = "close")
    RedisServerAddress redisServerAddress(LinnetSettings settings) {
        if (!settings.embeddedRedis()) {
            return new RedisServerAddress(settings.redisUrl(), null);
        }
        EmbeddedRedisServer redis = EmbeddedRedisServer.start(settings.dataDir().resolve("redis"));
        return new RedisServerAddress(redis.url(), redis);
    }

    @Bean
    LettuceConnectionFactory redisConnectionFactory(RedisServerAddress address) {
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
        return new LettuceConnectionFactory(config);
    }
}
