package io.linnet.billing.enforcement;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.distributed.proxy.optimization.DelayParameters;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Token buckets shared by every node, with Bucket4j on Redis: a bucket of {@code perSecond} tokens
 * refilled greedily at that rate (a burst of one second's worth). A bucket's key names its rate, so a
 * plan change starts fresh buckets; idle buckets expire from Redis on their own.
 *
 * <p>A rate under {@value #EXACT_BELOW} per second asks Redis on every request, exactly. A higher one is
 * taken from this node's copy of the bucket (Bucket4j's delaying optimization), which it synchronizes
 * with Redis once {@value #SHARE_PERCENT} % of a second's tokens (at most {@value #MOST_UNSYNCHRONIZED})
 * were taken here or {@link #SYNC_AFTER} passed: each node may let that many through beyond the rate
 * between two synchronizations, and a busy send path asks Redis a few times a second per bucket instead
 * of on every send.
 */
@Component
class RateLimits {

    static final int EXACT_BELOW = 10;
    static final int SHARE_PERCENT = 10;
    static final long MOST_UNSYNCHRONIZED = 1_000;
    static final Duration SYNC_AFTER = Duration.ofMillis(500);
    /** A node's copy of a bucket unused for this long is dropped (Redis keeps the bucket itself). */
    static final Duration IDLE = Duration.ofSeconds(30);

    /** This node's copy of a bucket, and when it was last used. */
    private static final class Held {
        final BucketProxy bucket;
        volatile long lastUsed;

        Held(BucketProxy bucket) {
            this.bucket = bucket;
        }
    }

    private final LettuceConnectionFactory factory;
    private final RedisBreaker breaker = new RedisBreaker("Rate limits");
    private final ConcurrentHashMap<String, Held> held = new ConcurrentHashMap<>();
    private final AtomicLong nextSweep = new AtomicLong(System.nanoTime() + IDLE.toNanos());
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
            long now = System.nanoTime();
            Held copy = held.computeIfAbsent(key, name -> new Held(bucket(name, perSecond)));
            copy.lastUsed = now;
            ConsumptionProbe probe = copy.bucket.tryConsumeAndReturnRemaining(1);
            sweep(now);
            return probe.isConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
        } catch (RuntimeException redisAway) {
            held.remove(key);
            breaker.failed(redisAway);
            return Optional.empty();
        }
    }

    private BucketProxy bucket(String key, int perSecond) {
        var builder = buckets().builder();
        if (perSecond >= EXACT_BELOW) {
            long unsynchronized = Math.min(MOST_UNSYNCHRONIZED, (long) perSecond * SHARE_PERCENT / 100);
            builder = builder.withOptimization(Optimizations.delaying(new DelayParameters(unsynchronized, SYNC_AFTER)));
        }
        return builder.build(key, () -> configuration(perSecond));
    }

    /** Now and then, drops this node's copies of buckets nobody used for a while. */
    private void sweep(long now) {
        long due = nextSweep.get();
        if (now - due >= 0 && nextSweep.compareAndSet(due, now + IDLE.toNanos())) {
            held.values().removeIf(copy -> now - copy.lastUsed > IDLE.toNanos());
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
