package io.linnet.push.delivery;

import io.linnet.push.PushSettings;
import io.linnet.tenancy.AppId;
import io.linnet.tenancy.TenantId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * The per-app send rate, shared by every node through Redis: a counter per app and second
 * ({@code t:{tenant}:a:{app}:push:sent:{second}}). A worker asks for as many sends as it holds for the app and is
 * granted what is left of this second's allowance; what it is not granted waits for the following seconds, which
 * is how a large broadcast is spread out. When Redis cannot be reached, sends go ahead: the providers' own limits
 * still apply, and a push held back for Redis would help no one.
 */
@Component
class AppSendRate {

    private static final Logger log = LoggerFactory.getLogger(AppSendRate.class);

    /** Adds what is asked, then gives back what exceeds the limit, so the counter is what was granted. */
    private static final RedisScript<Long> TAKE = RedisScript.of("""
            local asked = tonumber(ARGV[1])
            local limit = tonumber(ARGV[2])
            local used = redis.call('INCRBY', KEYS[1], asked)
            if used == asked then redis.call('PEXPIRE', KEYS[1], 5000) end
            local over = used - limit
            if over <= 0 then return asked end
            local granted = asked - over
            if granted < 0 then granted = 0 end
            redis.call('DECRBY', KEYS[1], asked - granted)
            return granted""", Long.class);

    private final StringRedisTemplate redis;
    private final int perSecond;
    private volatile long warnedAt;

    AppSendRate(StringRedisTemplate redis, PushSettings settings) {
        this.redis = redis;
        this.perSecond = settings.appSendRate();
    }

    /** Sends per second per app; 0 when there is no limit. */
    int perSecond() {
        return perSecond;
    }

    /** How many of {@code wanted} sends the app may make in the second {@code epochSecond}. */
    int take(TenantId tenant, AppId app, int wanted, long epochSecond) {
        if (perSecond == 0 || wanted == 0) {
            return wanted;
        }
        String key = "t:" + tenant + ":a:" + app + ":push:sent:" + epochSecond;
        try {
            Long granted = redis.execute(TAKE, List.of(key), String.valueOf(wanted), String.valueOf(perSecond));
            return granted == null ? wanted : granted.intValue();
        } catch (RuntimeException e) {
            long now = System.currentTimeMillis();
            if (now - warnedAt > 60_000) {
                warnedAt = now;
                log.warn("The push send rate cannot be checked in Redis; sending without it: {}", e.toString());
            }
            return wanted;
        }
    }
}
