package io.linnet.billing.enforcement;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import jakarta.annotation.PreDestroy;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Optional;

/**
 * Token buckets shared by every node, with Bucket4j on Redis: a bucket of {@code perSecond} tokens
 * refilled greedily at that rate (a burst of one second's worth). A bucket's key names its rate, so a
 * plan change starts fresh buckets; idle buckets expire from Redis on their own.
 */
@Component
class RateLimits {

    private final LettuceConnectionFactory factory;
    private final RedisBreaker breaker = new RedisBreaker("Rate limits");
    private volatile StatefulRedisConnection<String, byte[]> connection;
    private volatile ProxyManager<String> buckets;

    RateLimits(LettuceConnectionFactory factory) {
        this.factory = factory;
    }

    /** Takes one token from the bucket {@code key}; answers how long until one is there if there is none. */
    Optional<Duration> take(String key, int perSecond) {
        if (breaker.open()) {
            return Optional.empty();
        }
        try {
            ConsumptionProbe probe = buckets().builder().build(key, () -> configuration(perSecond))
                    .tryConsumeAndReturnRemaining(1);
            return probe.isConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
        } catch (RuntimeException redisAway) {
            breaker.failed(redisAway);
            return Optional.empty();
        }
    }

    private static BucketConfiguration configuration(int perSecond) {
        return BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(perSecond).refillGreedy(perSecond, Duration.ofSeconds(1)))
                .build();
    }

    private ProxyManager<String> buckets() {
        ProxyManager<String> made = buckets;
        if (made == null) {
            synchronized (this) {
                if (buckets == null) {
                    // a connection of its own (Bucket4j wants byte[] values), with the application's client options
                    RedisClient client = (RedisClient) factory.getRequiredNativeClient();
                    connection = client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
                    buckets = Bucket4jLettuce.casBasedBuilder(connection)
                            .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10)))
                            .build();
                }
                made = buckets;
            }
        }
        return made;
    }

    @PreDestroy
    void close() {
        if (connection != null) {
            connection.close();
        }
    }
}
