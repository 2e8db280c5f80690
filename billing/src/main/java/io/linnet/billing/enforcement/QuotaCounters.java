package io.linnet.billing.enforcement;

import io.linnet.analytics.Analytics;
import io.linnet.billing.BillingPeriod;
import io.linnet.tenancy.TenantId;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The hard quotas' counts of a period, in Redis, exact over every node: per tenant the messages sent
 * and the set of end users active (as {@code <app>/<user>}). One script checks and takes in one step,
 * so concurrent sends on any number of nodes stop at exactly the limit. A count Redis does not have
 * (a new period, a plan that just became hard, Redis restarted empty) starts from analytics' numbers.
 */
@Component
class QuotaCounters {

    /** Outcomes of {@link #ADMIT}. */
    static final long TAKEN = 0, MESSAGES_FULL = -1, USERS_FULL = -2, COUNT_MESSAGES_FIRST = -3, COUNT_USERS_FIRST = -4;

    /**
     * KEYS: messages, users. ARGV: the most messages, the user, the most users, whether to take a message.
     * The users' set always holds the member "" (so that an empty count exists), which is not counted.
     */
    private static final RedisScript<Long> ADMIT = RedisScript.of("""
            local take = ARGV[4] == '1'
            if take and redis.call('EXISTS', KEYS[1]) == 0 then return -3 end
            if redis.call('EXISTS', KEYS[2]) == 0 then return -4 end
            local new = redis.call('SISMEMBER', KEYS[2], ARGV[2]) == 0
            if new and redis.call('SCARD', KEYS[2]) - 1 >= tonumber(ARGV[3]) then return -2 end
            if take then
                if tonumber(redis.call('GET', KEYS[1])) >= tonumber(ARGV[1]) then return -1 end
                redis.call('INCR', KEYS[1])
            end
            if new then redis.call('SADD', KEYS[2], ARGV[2]) end
            return 0""", Long.class);

    private final StringRedisTemplate redis;
    private final Analytics analytics;
    private final Clock clock = Clock.systemUTC();

    QuotaCounters(StringRedisTemplate redis, Analytics analytics) {
        this.redis = redis;
        this.analytics = analytics;
    }

    /**
     * Counts {@code user} among the period's active users (unless that would pass {@code maxUsers}) and,
     * with {@code takeMessage}, one more message (unless that would pass {@code maxMessages}); answers
     * {@link #TAKEN}, {@link #MESSAGES_FULL} or {@link #USERS_FULL}. Nothing is taken when it is refused.
     */
    long admit(TenantId tenant, BillingPeriod period, String user, long maxUsers, boolean takeMessage, long maxMessages) {
        List<String> keys = List.of(messagesKey(tenant, period), usersKey(tenant, period));
        for (int attempt = 0; ; attempt++) {
            Long outcome = redis.execute(ADMIT, keys, Long.toString(maxMessages), user, Long.toString(maxUsers),
                    takeMessage ? "1" : "0");
            long result = outcome == null ? TAKEN : outcome;
            if (result == COUNT_MESSAGES_FIRST && attempt < 3) {
                redis.opsForValue().setIfAbsent(keys.get(0),
                        Long.toString(analytics.usageOf(tenant, period.start(), period.end()).messages()), keptFor(period));
            } else if (result == COUNT_USERS_FIRST && attempt < 3) {
                Set<String> active = analytics.activeUsersOf(tenant, period.start(), period.end());
                List<String> members = new ArrayList<>(active.size() + 1);
                members.add("");
                members.addAll(active);
                redis.opsForSet().add(keys.get(1), members.toArray(String[]::new));
                redis.expire(keys.get(1), keptFor(period));
            } else {
                return result;
            }
        }
    }

    /** Gives back a message taken by a send that stored nothing. */
    void giveBackMessage(TenantId tenant, BillingPeriod period) {
        redis.opsForValue().decrement(messagesKey(tenant, period));
    }

    /** Forgets the period's counts (the plan changed): the next check starts again from analytics' numbers. */
    void forget(TenantId tenant, BillingPeriod period) {
        redis.delete(List.of(messagesKey(tenant, period), usersKey(tenant, period)));
    }

    private Duration keptFor(BillingPeriod period) {
        Instant end = period.end().plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        return Duration.between(clock.instant(), end);
    }

    private static String messagesKey(TenantId tenant, BillingPeriod period) {
        return "t:" + tenant + ":billing:" + period.label() + ":messages";
    }

    private static String usersKey(TenantId tenant, BillingPeriod period) {
        return "t:" + tenant + ":billing:" + period.label() + ":users";
    }
}
