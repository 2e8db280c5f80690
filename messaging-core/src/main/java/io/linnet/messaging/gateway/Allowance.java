package io.linnet.messaging.gateway;

/**
 * A token bucket: refilled at a rate per second up to a burst, drawn on at the times frames
 * <em>arrived</em> (not when they are handled), so a client's rate is its own however slow the
 * server is. A frame whose full cost is known only afterwards (a {@code sync} pays for the
 * messages it returned) may overdraw it; the client then pays the debt off before its next frame.
 * Not thread-safe: a connection's frames are handled one at a time.
 */
final class Allowance {

    private final double perSecond;
    private final double burst;
    private double tokens;
    private long refilledAt;
    private double pauseCredit;
    private long pauseCreditUntil;

    Allowance(double perSecond, double burst, long now) {
        this.perSecond = perSecond;
        this.burst = burst;
        this.tokens = burst;
        this.refilledAt = now;
    }

    /** Takes {@code cost} for a frame that arrived at {@code arrivedAt} (nanos); false, taking nothing, when there is not enough. */
    boolean take(double cost, long arrivedAt) {
        refill(arrivedAt);
        if (tokens >= cost) {
            tokens -= cost;
            return true;
        }
        if (pauseCredit >= cost && arrivedAt < pauseCreditUntil) {
            pauseCredit -= cost;
            return true;
        }
        return false;
    }

    /** Takes {@code cost} whatever is left: the allowance may go below zero. */
    void charge(double cost) {
        tokens -= cost;
    }

    /** How long, from the last refill, until {@code cost} could be taken. */
    long millisUntil(double cost) {
        double missing = cost - tokens;
        return missing <= 0 ? 0 : (long) Math.ceil(missing / perSecond * 1000);
    }

    /**
     * While the server had stopped reading the client, its frames waited in the socket and now arrive
     * in a burst: it may have sent at its allowed rate all along, so the paused time is credited for a while.
     */
    void creditPause(long pausedNanos, long until) {
        pauseCredit = pausedNanos / 1e9 * perSecond;
        pauseCreditUntil = until;
    }

    /** What is left now (negative when overdrawn), for tests and logs. */
    double left() {
        return tokens;
    }

    private void refill(long at) {
        long now = Math.max(refilledAt, at);
        tokens = Math.min(burst, tokens + (now - refilledAt) / 1e9 * perSecond);
        refilledAt = now;
    }
}
