package io.linnet.analytics.meter;

import io.linnet.analytics.Metric;
import io.linnet.tenancy.AppRef;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What one node counted and has not written yet, in memory: counting is a map look-up and an add, so
 * it never slows what it counts. {@link MeterFlush} takes it out every few seconds ({@link #drain})
 * and, should writing fail, puts it back ({@link #restore}), so a count is lost only when the node
 * dies before its next flush.
 *
 * <ul>
 *   <li>counts per app, metric, dimension and UTC hour ({@code LongAdder}s: taking a count out
 *       never loses an add that races with it);</li>
 *   <li>the end users active today that were not written yet (a user written once today is not
 *       queued again on this node);</li>
 *   <li>this node's open connections per app, and their highest number in each minute.</li>
 * </ul>
 */
public final class Meter {

    /** A count's key: what, of which app, in which hour, split by what ({@code ""}: not split). */
    public record Counted(AppRef app, Instant hour, Metric metric, String dimension) {
    }

    /** An end user active on a day. */
    public record Active(AppRef app, LocalDate day, String userId) {
    }

    /** An app's connections in a minute. */
    public record Minute(AppRef app, Instant minute) {
    }

    /** What a flush writes: counts (none zero), active users, and each minute's highest connections. */
    public record Drained(Map<Counted, Long> counts, List<Active> active, Map<Minute, Integer> minutes) {

        public boolean isEmpty() {
            return counts.isEmpty() && active.isEmpty() && minutes.isEmpty();
        }

        /** The same, split by app. */
        public Map<AppRef, Drained> byApp() {
            Map<AppRef, Map<Counted, Long>> counted = new HashMap<>();
            counts.forEach((key, value) -> counted.computeIfAbsent(key.app(), app -> new HashMap<>()).put(key, value));
            Map<AppRef, List<Active>> users = new HashMap<>();
            active.forEach(user -> users.computeIfAbsent(user.app(), app -> new ArrayList<>()).add(user));
            Map<AppRef, Map<Minute, Integer>> peaks = new HashMap<>();
            minutes.forEach((key, value) -> peaks.computeIfAbsent(key.app(), app -> new HashMap<>()).put(key, value));
            Set<AppRef> apps = new HashSet<>(counted.keySet());
            apps.addAll(users.keySet());
            apps.addAll(peaks.keySet());
            Map<AppRef, Drained> split = new HashMap<>();
            for (AppRef app : apps) {
                split.put(app, new Drained(counted.getOrDefault(app, Map.of()), users.getOrDefault(app, List.of()),
                        peaks.getOrDefault(app, Map.of())));
            }
            return split;
        }
    }

    /** The most users remembered as written today; past it the memory starts over (a repeat costs a conflict, no more). */
    static final int REMEMBERED_ACTIVE = 1_000_000;

    private final Clock clock;
    private final Map<Counted, LongAdder> counts = new ConcurrentHashMap<>();
    private final Set<Active> pendingActive = ConcurrentHashMap.newKeySet();
    private final Set<Active> writtenActive = ConcurrentHashMap.newKeySet();
    private final Map<AppRef, Integer> open = new ConcurrentHashMap<>();
    private final Map<Minute, Integer> minutes = new ConcurrentHashMap<>();

    public Meter(Clock clock) {
        this.clock = clock;
    }

    /** Adds {@code amount} to {@code metric} of {@code app} in the current hour. */
    public void add(AppRef app, Metric metric, String dimension, long amount) {
        counts.computeIfAbsent(new Counted(app, hour(clock.instant()), metric, dimension), key -> new LongAdder()).add(amount);
    }

    public void add(AppRef app, Metric metric, long amount) {
        add(app, metric, "", amount);
    }

    /** {@code userId} of {@code app} was active today. */
    public void active(AppRef app, String userId) {
        Active active = new Active(app, LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC), userId);
        if (!writtenActive.contains(active)) {
            pendingActive.add(active);
        }
    }

    /** A connection of {@code app} opened on this node. */
    public void connected(AppRef app) {
        int now = open.merge(app, 1, Integer::sum);
        minutes.merge(new Minute(app, minute(clock.instant())), now, Math::max);
    }

    /** A connection of {@code app} on this node closed. */
    public void disconnected(AppRef app) {
        open.computeIfPresent(app, (key, count) -> count > 1 ? count - 1 : null);
    }

    /** This node's open connections of {@code app}. */
    public int open(AppRef app) {
        return open.getOrDefault(app, 0);
    }

    /**
     * Takes out what was counted since the last drain. Each minute of the last two is kept and given
     * again at the next drain (with this node's connections now as its floor, so connections that
     * stay open count in every minute): the sum over nodes is taken again once the other nodes wrote
     * theirs.
     */
    public Drained drain() {
        Instant now = clock.instant();
        Map<Counted, Long> taken = new HashMap<>();
        Instant stale = hour(now).minus(2, ChronoUnit.HOURS);
        for (Iterator<Map.Entry<Counted, LongAdder>> entries = counts.entrySet().iterator(); entries.hasNext(); ) {
            Map.Entry<Counted, LongAdder> entry = entries.next();
            long value = entry.getValue().sumThenReset();
            if (value != 0) {
                taken.merge(entry.getKey(), value, Long::sum);
            } else if (entry.getKey().hour().isBefore(stale)) {
                // nobody adds to an hour that ended two hours ago any more
                entries.remove();
            }
        }
        List<Active> active = new ArrayList<>();
        for (Iterator<Active> pending = pendingActive.iterator(); pending.hasNext(); ) {
            active.add(pending.next());
            pending.remove();
        }
        Instant thisMinute = minute(now);
        open.forEach((app, count) -> minutes.merge(new Minute(app, thisMinute), count, Math::max));
        Instant previousMinute = thisMinute.minus(1, ChronoUnit.MINUTES);
        Map<Minute, Integer> highest = new HashMap<>(minutes);
        minutes.keySet().removeIf(minute -> minute.minute().isBefore(previousMinute));
        return new Drained(taken, active, highest);
    }

    /** Puts back what a flush could not write, to be written by the next one. */
    public void restore(Drained drained) {
        drained.counts().forEach((key, value) -> counts.computeIfAbsent(key, k -> new LongAdder()).add(value));
        pendingActive.addAll(drained.active());
        drained.minutes().forEach((minute, count) -> minutes.merge(minute, count, Math::max));
    }

    /** What a flush wrote: its active users need not be queued again today on this node. */
    public void written(Drained drained) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        writtenActive.removeIf(active -> active.day().isBefore(today));
        if (writtenActive.size() + drained.active().size() > REMEMBERED_ACTIVE) {
            writtenActive.clear();
        }
        for (Active active : drained.active()) {
            if (!active.day().isBefore(today)) {
                writtenActive.add(active);
            }
        }
    }

    static Instant hour(Instant instant) {
        return instant.truncatedTo(ChronoUnit.HOURS);
    }

    static Instant minute(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MINUTES);
    }
}
