package io.linnet.push.delivery;

import io.linnet.push.PushActivity;
import io.linnet.push.PushJobId;
import io.linnet.push.PushProvider;
import io.linnet.push.PushSettings;
import io.linnet.push.provider.DeliveryOutcome;
import io.linnet.push.provider.DeviceAddress;
import io.linnet.tenancy.AppId;
import io.linnet.tenancy.AppRef;
import io.linnet.tenancy.LogContext;
import io.linnet.tenancy.TenantId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The node's delivery workers. Each worker claims a batch of due deliveries, lets the app's send rate decide how
 * many go now (the rest are put back for the following seconds), and hands each to the newest credential's sender
 * that serves the device (falling back to the app's other live credential when the provider refuses that one, see
 * {@link CredentialSenders}); {@link io.linnet.push.provider.PushSender#send} blocks while the sender's in-flight bound is
 * full, which is what paces the worker. Answers arrive asynchronously and are recorded in batches by one recorder
 * thread, in one transaction per batch with the job counters.
 *
 * <p>At most two batches per worker are claimed and not yet recorded, which bounds memory and keeps every claim far
 * inside its lease. Stopping stops claiming, puts back what was claimed but not sent, waits for the answers of what
 * was sent and records them: a restarted node sends nothing twice that this one saw accepted.
 */
@Component
class DeliveryWorkers implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DeliveryWorkers.class);
    private static final int RECORD_BATCH = 1000;
    private static final int JOB_CACHE = 1024;

    private final ApplicationEventPublisher events;
    private final Outbox outbox;
    private final CredentialSenders senders;
    private final AppSendRate rate;
    private final PushSettings settings;
    private final RetryPolicy retry;
    private final String node;
    private final Semaphore unrecorded;
    private final int maxUnrecorded;
    private final BlockingQueue<Outbox.Outcome> outcomes = new LinkedBlockingQueue<>();
    private final Map<PushJobId, Outbox.JobSend> jobs = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<PushJobId, Outbox.JobSend> eldest) {
            return size() > JOB_CACHE;
        }
    });
    private final List<Thread> workers = new ArrayList<>();
    private volatile boolean running;
    private volatile boolean recording;
    private Thread recorder;

    DeliveryWorkers(Outbox outbox, CredentialSenders senders, AppSendRate rate, PushSettings settings,
                    ApplicationEventPublisher events) {
        this.events = events;
        this.outbox = outbox;
        this.senders = senders;
        this.rate = rate;
        this.settings = settings;
        this.retry = new RetryPolicy(settings.retryBase(), settings.retryMax(), settings.maxAttempts());
        this.node = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);
        this.maxUnrecorded = Math.max(1, settings.workers()) * settings.claimBatch() * 2;
        this.unrecorded = new Semaphore(maxUnrecorded);
    }

    @Override
    public void start() {
        if (settings.workers() == 0) {
            return;
        }
        running = true;
        recording = true;
        recorder = Thread.ofPlatform().name("push-recorder").daemon().start(this::record);
        for (int i = 0; i < settings.workers(); i++) {
            workers.add(Thread.ofPlatform().name("push-worker-" + i).daemon().start(this::work));
        }
        log.info("{} push delivery workers started on node {}", settings.workers(), node);
    }

    @Override
    public void stop() {
        if (!running) {
            return;
        }
        running = false;
        long deadline = System.nanoTime() + settings.requestTimeout().plusSeconds(10).toNanos();
        for (Thread worker : workers) {
            join(worker, deadline);
        }
        try {
            // every send's answer, recorded: the permits all come back once the recorder has written them
            if (unrecorded.tryAcquire(maxUnrecorded, Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                unrecorded.release(maxUnrecorded);
            } else {
                log.warn("Stopped before every push answer was recorded; the unrecorded ones are sent again after their lease");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        recording = false;
        join(recorder, System.nanoTime() + TimeUnit.SECONDS.toNanos(10));
        workers.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** The node name this node's claims carry. */
    String node() {
        return node;
    }

    private void work() {
        int batch = settings.claimBatch();
        while (running) {
            try {
                if (!unrecorded.tryAcquire(batch, 200, TimeUnit.MILLISECONDS)) {
                    continue;
                }
                List<Outbox.ClaimedDelivery> claimed;
                try {
                    claimed = outbox.claim(batch, UUID.randomUUID(), node, settings.lease());
                } catch (RuntimeException e) {
                    unrecorded.release(batch);
                    if (running) {
                        log.warn("Claiming push deliveries failed; trying again shortly: {}", e.toString());
                        Thread.sleep(1000);
                    }
                    continue;
                }
                unrecorded.release(batch - claimed.size());
                if (claimed.isEmpty()) {
                    Thread.sleep(settings.pollInterval().toMillis());
                } else {
                    handle(claimed);
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                log.error("A push worker failed; its claims come back after their lease", e);
            }
        }
    }

    private void handle(List<Outbox.ClaimedDelivery> claimed) {
        Map<PushJobId, Outbox.JobSend> known = jobsOf(claimed);
        Instant now = Instant.now();
        List<Outbox.ClaimedDelivery> sendable = new ArrayList<>();
        for (Outbox.ClaimedDelivery delivery : claimed) {
            Outbox.JobSend job = known.get(delivery.job());
            if (job == null) {
                // the job (and so this delivery) was deleted with its app: nothing left to record
                unrecorded.release();
            } else if (delivery.unusable() != null) {
                finish(delivery, DeliveryState.FAILED, delivery.unusable(), false);
            } else if (job.notification().isExpiredAt(now)) {
                finish(delivery, DeliveryState.FAILED, "Expired", false);
            } else {
                sendable.add(delivery);
            }
        }
        List<Outbox.ClaimedDelivery> going = limitRate(sendable, now);
        for (int i = 0; i < going.size(); i++) {
            if (!running) {
                List<Outbox.ClaimedDelivery> rest = going.subList(i, going.size());
                putBack(rest, Collections.nCopies(rest.size(), Instant.now()));
                return;
            }
            Outbox.ClaimedDelivery delivery = going.get(i);
            try (LogContext logged = LogContext.of(delivery.tenant(), delivery.app())) {
                send(delivery, known.get(delivery.job()));
            }
        }
    }

    /** What the apps' send rates let go now; the rest is put back, spread over the coming seconds. */
    private List<Outbox.ClaimedDelivery> limitRate(List<Outbox.ClaimedDelivery> sendable, Instant now) {
        if (rate.perSecond() == 0) {
            return sendable;
        }
        Map<AppKey, List<Outbox.ClaimedDelivery>> byApp = new LinkedHashMap<>();
        sendable.forEach(delivery -> byApp.computeIfAbsent(new AppKey(delivery.tenant(), delivery.app()),
                k -> new ArrayList<>()).add(delivery));
        List<Outbox.ClaimedDelivery> go = new ArrayList<>();
        List<Outbox.ClaimedDelivery> later = new ArrayList<>();
        List<Instant> dueAt = new ArrayList<>();
        long second = now.getEpochSecond();
        Instant nextSecond = Instant.ofEpochSecond(second + 1);
        byApp.forEach((app, deliveries) -> {
            int granted = rate.take(app.tenant(), app.app(), deliveries.size(), second);
            go.addAll(deliveries.subList(0, granted));
            List<Outbox.ClaimedDelivery> held = deliveries.subList(granted, deliveries.size());
            for (int i = 0; i < held.size(); i++) {
                later.add(held.get(i));
                // where the rate would let each one go, so the next claims do not pick them up only to put them back
                dueAt.add(nextSecond.plusMillis(i * 1000L / rate.perSecond()));
            }
        });
        putBack(later, dueAt);
        return go;
    }

    private record AppKey(TenantId tenant, AppId app) {
    }

    private void putBack(List<Outbox.ClaimedDelivery> deliveries, List<Instant> dueAt) {
        if (deliveries.isEmpty()) {
            return;
        }
        try {
            outbox.putBack(List.copyOf(deliveries), List.copyOf(dueAt));
        } catch (RuntimeException e) {
            log.warn("Putting back {} push deliveries failed; they come back after their lease: {}", deliveries.size(),
                    e.toString());
        }
        unrecorded.release(deliveries.size());
    }

    private void send(Outbox.ClaimedDelivery delivery, Outbox.JobSend job) {
        DeviceAddress address = delivery.address().orElseThrow();
        List<CredentialSenders.Usable> usable;
        try {
            usable = senders.senders(delivery.tenant(), delivery.app(), address);
        } catch (RuntimeException e) {
            log.warn("Reading the push credentials of app {} failed: {}", delivery.app(), e.toString());
            outcomes.add(retryOrFail(delivery, job, new DeliveryOutcome.RetryLater("CredentialsUnavailable"), false));
            return;
        }
        if (usable.isEmpty()) {
            finish(delivery, DeliveryState.FAILED, "NoCredential", false);
            return;
        }
        senders.send(delivery.tenant(), delivery.app(), usable, address, job.notification())
                .whenComplete((outcome, failure) -> outcomes.add(outcome(delivery, job, outcome != null ? outcome
                        : new DeliveryOutcome.RetryLater(failure.getClass().getSimpleName()))));
    }

    private Outbox.Outcome outcome(Outbox.ClaimedDelivery delivery, Outbox.JobSend job, DeliveryOutcome outcome) {
        return switch (outcome) {
            case DeliveryOutcome.Accepted accepted -> new Outbox.Outcome(delivery, DeliveryState.DELIVERED, accepted.reason(),
                    accepted.providerMessageId().orElse(null), null, true, false);
            case DeliveryOutcome.DeadToken dead -> new Outbox.Outcome(delivery, DeliveryState.FAILED, dead.reason(), null, null,
                    true, true);
            case DeliveryOutcome.Rejected rejected -> new Outbox.Outcome(delivery, DeliveryState.FAILED, rejected.reason(), null,
                    null, true, false);
            case DeliveryOutcome.RetryLater later -> retryOrFail(delivery, job, later, true);
        };
    }

    private Outbox.Outcome retryOrFail(Outbox.ClaimedDelivery delivery, Outbox.JobSend job, DeliveryOutcome.RetryLater later,
                                       boolean attempted) {
        int attempts = delivery.attempts() + (attempted ? 1 : 0);
        return retry.next(Math.max(attempts, 1), later.retryAfter(), Instant.now(), job.expiresAt())
                .map(next -> new Outbox.Outcome(delivery, DeliveryState.QUEUED, later.reason(), null, next, attempted, false))
                .orElseGet(() -> new Outbox.Outcome(delivery, DeliveryState.FAILED, later.reason(), null, null, attempted, false));
    }

    private void finish(Outbox.ClaimedDelivery delivery, DeliveryState state, String reason, boolean attempted) {
        outcomes.add(new Outbox.Outcome(delivery, state, reason, null, null, attempted, false));
    }

    private Map<PushJobId, Outbox.JobSend> jobsOf(List<Outbox.ClaimedDelivery> claimed) {
        Map<PushJobId, Outbox.JobSend> known = new LinkedHashMap<>();
        List<Outbox.ClaimedDelivery> missing = new ArrayList<>();
        for (Outbox.ClaimedDelivery delivery : claimed) {
            Outbox.JobSend job = jobs.get(delivery.job());
            if (job != null) {
                known.put(delivery.job(), job);
            } else if (!known.containsKey(delivery.job())) {
                missing.add(delivery);
            }
        }
        if (!missing.isEmpty()) {
            Map<PushJobId, Outbox.JobSend> read = outbox.jobs(missing);
            jobs.putAll(read);
            known.putAll(read);
        }
        return known;
    }

    private void record() {
        List<Outbox.Outcome> batch = new ArrayList<>(RECORD_BATCH);
        while (recording || !outcomes.isEmpty()) {
            try {
                Outbox.Outcome first = outcomes.poll(50, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                // a moment for more answers to arrive, so a busy node writes few large batches
                Thread.sleep(10);
                outcomes.drainTo(batch, RECORD_BATCH - 1);
                write(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                if (!batch.isEmpty()) {
                    write(batch);
                }
                return;
            } finally {
                unrecorded.release(batch.size());
                batch.clear();
            }
        }
    }

    private void write(List<Outbox.Outcome> batch) {
        for (int attempt = 1; ; attempt++) {
            try {
                outbox.record(batch);
                announce(batch);
                return;
            } catch (RuntimeException e) {
                if (attempt >= 3) {
                    log.error("Recording {} push outcomes failed; those deliveries are sent again after their lease",
                            batch.size(), e);
                    return;
                }
                try {
                    Thread.sleep(200L * attempt);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Tells who meters push what a recorded batch did: first sends, deliveries, failures by reason, dead tokens. */
    private void announce(List<Outbox.Outcome> batch) {
        record Key(AppRef app, PushActivity.Stage stage, PushProvider provider, String reason) {
        }
        Map<Key, Long> counted = new LinkedHashMap<>();
        for (Outbox.Outcome outcome : batch) {
            Outbox.ClaimedDelivery delivery = outcome.delivery();
            AppRef app = new AppRef(delivery.tenant(), delivery.app());
            if (outcome.attempted() && delivery.attempts() == 0) {
                counted.merge(new Key(app, PushActivity.Stage.SENT, delivery.provider(), ""), 1L, Long::sum);
            }
            if (outcome.state() == DeliveryState.DELIVERED) {
                counted.merge(new Key(app, PushActivity.Stage.DELIVERED, delivery.provider(), ""), 1L, Long::sum);
            } else if (outcome.state() == DeliveryState.FAILED) {
                counted.merge(new Key(app, PushActivity.Stage.FAILED, delivery.provider(),
                        outcome.reason() == null ? "" : outcome.reason()), 1L, Long::sum);
            }
            if (outcome.deadToken()) {
                counted.merge(new Key(app, PushActivity.Stage.DEAD_TOKEN, delivery.provider(), ""), 1L, Long::sum);
            }
        }
        if (!counted.isEmpty()) {
            events.publishEvent(new PushActivity(counted.entrySet().stream()
                    .map(entry -> new PushActivity.Count(entry.getKey().app(), entry.getKey().stage(),
                            Optional.of(entry.getKey().provider()), entry.getKey().reason(), entry.getValue()))
                    .toList()));
        }
    }

    private static void join(Thread thread, long deadlineNanos) {
        if (thread == null) {
            return;
        }
        try {
            thread.join(Duration.ofNanos(Math.max(1_000_000, deadlineNanos - System.nanoTime())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
