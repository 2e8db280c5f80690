package io.linnet.billing.enforcement;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;

/**
 * Lets the limits fail open while Redis is away, quickly: after a failure, the checks are skipped for a
 * few seconds instead of each waiting for Redis's timeout, so that sends go on at full speed without it.
 */
final class RedisBreaker {

    private static final Logger log = LoggerFactory.getLogger(RedisBreaker.class);
    static final Duration OPEN_FOR = Duration.ofSeconds(5);

    private final String what;
    private volatile long closedAgainAt;

    RedisBreaker(String what) {
        this.what = what;
    }

    boolean open() {
        return System.nanoTime() - closedAgainAt < 0;
    }

    void failed(RuntimeException failure) {
        closedAgainAt = System.nanoTime() + OPEN_FOR.toNanos();
        log.warn("{} let traffic through for {} s: Redis is out of reach ({})", what, OPEN_FOR.toSeconds(),
                failure.getClass().getSimpleName());
    }
}
