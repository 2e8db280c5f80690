package io.linnet.push.delivery;

import io.linnet.push.CredentialId;
import io.linnet.push.DeviceId;
import io.linnet.push.PushJobId;
import io.linnet.push.PushProvider;
import io.linnet.push.PushSettings;
import io.linnet.push.credential.ApnsEnvironment;
import io.linnet.push.credential.LiveCredentials;
import io.linnet.push.provider.DeliveryOutcome;
import io.linnet.push.provider.DeliveryOutcome.Rejected.Fault;
import io.linnet.push.provider.DeviceAddress;
import io.linnet.push.provider.Notification;
import io.linnet.push.provider.PushSender;
import io.linnet.tenancy.AppId;
import io.linnet.tenancy.Ids;
import io.linnet.tenancy.TenantId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.Mockito.mock;

/**
 * What the delivery workers record for each answer a provider gives: delivered, a dead token, failed for good, or
 * queued again (when, by the retry policy and the provider's {@code Retry-After}, and until when). The outbox and
 * the provider are scripted; the workers run as on a node, on their own threads.
 */
class DeliveryWorkersTest {

    private static final TenantId TENANT = new TenantId(Ids.next());
    private static final AppId APP = new AppId(Ids.next());
    private static final int MAX_ATTEMPTS = 4;
    private static final Duration RETRY_BASE = Duration.ofSeconds(10);
    private static final Duration RETRY_MAX = Duration.ofMinutes(2);
    private static final PushSettings SETTINGS = settings();

    private final ScriptedOutbox outbox = new ScriptedOutbox();
    private final ScriptedProvider provider = new ScriptedProvider();
    private final ScriptedSenders senders = new ScriptedSenders(provider);
    private final List<Object> announced = new CopyOnWriteArrayList<>();
    private final DeliveryWorkers workers = new DeliveryWorkers(outbox, senders, new AppSendRate(null, SETTINGS), SETTINGS,
            announced::add);

    @AfterEach
    void stop() {
        workers.stop();
        senders.close();
    }

    @Test
    void an_accepted_notification_is_recorded_delivered_with_the_provider_s_message_id() {
        provider.answer("live", new DeliveryOutcome.Accepted("OK", Optional.of("projects/p/messages/42")));

        Outbox.Outcome outcome = deliver(claimed("live", 0)).get("live");

        assertThat(outcome.state()).isEqualTo(DeliveryState.DELIVERED);
        assertThat(outcome.providerMessageId()).isEqualTo("projects/p/messages/42");
        assertThat(outcome.attempted()).isTrue();
        assertThat(outcome.deadToken()).isFalse();
        assertThat(outcome.nextDue()).isNull();
    }

    @Test
    void a_dead_token_fails_the_delivery_and_marks_its_device_invalid() {
        provider.answer("gone", new DeliveryOutcome.DeadToken("UNREGISTERED"));

        Outbox.Outcome outcome = deliver(claimed("gone", 0)).get("gone");

        assertThat(outcome.state()).isEqualTo(DeliveryState.FAILED);
        assertThat(outcome.reason()).isEqualTo("UNREGISTERED");
        assertThat(outcome.deadToken()).isTrue();
        assertThat(outcome.attempted()).isTrue();
    }

    @Test
    void a_rejected_notification_fails_for_good_and_leaves_the_device_alone() {
        provider.answer("too-big", new DeliveryOutcome.Rejected("PayloadTooLarge", Fault.NOTIFICATION));

        Outbox.Outcome outcome = deliver(claimed("too-big", 0)).get("too-big");

        assertThat(outcome.state()).isEqualTo(DeliveryState.FAILED);
        assertThat(outcome.reason()).isEqualTo("PayloadTooLarge");
        assertThat(outcome.deadToken()).isFalse();
        assertThat(outcome.nextDue()).isNull();
    }

    @Test
    void a_temporary_failure_is_queued_again_after_a_jittered_backoff_that_doubles_per_attempt() {
        provider.answer("first", new DeliveryOutcome.RetryLater("UNAVAILABLE"));
        provider.answer("third", new DeliveryOutcome.RetryLater("UNAVAILABLE"));
        Instant before = Instant.now();

        Map<String, Outbox.Outcome> outcomes = deliver(claimed("first", 0), claimed("third", 2));
        Instant after = Instant.now();

        assertThat(outcomes.values()).allSatisfy(outcome -> {
            assertThat(outcome.state()).isEqualTo(DeliveryState.QUEUED);
            assertThat(outcome.reason()).isEqualTo("UNAVAILABLE");
            assertThat(outcome.attempted()).isTrue();
        });
        assertThat(outcomes.get("first").nextDue()).as("after the first send: the base, jittered into its upper half")
                .isBetween(before.plus(RETRY_BASE.dividedBy(2)), after.plus(RETRY_BASE));
        assertThat(outcomes.get("third").nextDue()).as("after the third send: four times the base")
                .isBetween(before.plus(RETRY_BASE.multipliedBy(2)), after.plus(RETRY_BASE.multipliedBy(4)));
    }

    @Test
    void a_retry_after_longer_than_the_backoff_is_honoured() {
        Duration retryAfter = Duration.ofMinutes(5);
        provider.answer("limited", new DeliveryOutcome.RetryLater("TooManyRequests", Optional.of(retryAfter)));
        Instant before = Instant.now();

        Outbox.Outcome outcome = deliver(claimed("limited", 0)).get("limited");

        assertThat(outcome.state()).isEqualTo(DeliveryState.QUEUED);
        assertThat(outcome.nextDue()).isBetween(before.plus(retryAfter), Instant.now().plus(retryAfter));
    }

    @Test
    void a_temporary_failure_of_the_last_allowed_attempt_fails_for_good() {
        provider.answer("flaky", new DeliveryOutcome.RetryLater("InternalServerError"));

        Outbox.Outcome outcome = deliver(claimed("flaky", MAX_ATTEMPTS - 1)).get("flaky");

        assertThat(outcome.state()).isEqualTo(DeliveryState.FAILED);
        assertThat(outcome.reason()).isEqualTo("InternalServerError");
        assertThat(outcome.attempted()).isTrue();
    }

    @Test
    void a_retry_that_would_come_after_the_notification_expires_fails_now() {
        outbox.expiresAt = Instant.now().plus(Duration.ofMinutes(5));
        provider.answer("limited", new DeliveryOutcome.RetryLater("TooManyRequests", Optional.of(Duration.ofMinutes(10))));

        Outbox.Outcome outcome = deliver(claimed("limited", 0)).get("limited");

        assertThat(outcome.state()).isEqualTo(DeliveryState.FAILED);
        assertThat(outcome.reason()).isEqualTo("TooManyRequests");
    }

    @Test
    void a_send_that_ends_in_an_exception_is_retried() {
        provider.answer("broken", () -> CompletableFuture.failedFuture(new ConnectException("refused")));

        Outbox.Outcome outcome = deliver(claimed("broken", 0)).get("broken");

        assertThat(outcome.state()).isEqualTo(DeliveryState.QUEUED);
        assertThat(outcome.nextDue()).isNotNull();
        assertThat(outcome.attempted()).isTrue();
    }

    @Test
    void what_a_recorded_batch_did_is_announced_in_counts_by_stage_provider_and_reason() {
        provider.answer("ok-1", new DeliveryOutcome.Accepted("OK", Optional.empty()));
        provider.answer("ok-2", new DeliveryOutcome.Accepted("OK", Optional.empty()));
        provider.answer("gone", new DeliveryOutcome.DeadToken("UNREGISTERED"));
        provider.answer("again", new DeliveryOutcome.Accepted("OK", Optional.empty()));
        provider.answer("later", new DeliveryOutcome.RetryLater("UNAVAILABLE"));

        deliver(claimed("ok-1", 0), claimed("ok-2", 0), claimed("gone", 0), claimed("again", 1), claimed("later", 0));

        // a retry (attempt 1) was counted as sent at its first attempt; a queued one is sent but neither delivered nor failed
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(announcedCounts())
                .containsOnly(Map.entry("SENT fcm ", 4L), Map.entry("DELIVERED fcm ", 3L),
                        Map.entry("FAILED fcm UNREGISTERED", 1L), Map.entry("DEAD_TOKEN fcm ", 1L)));
    }

    @Test
    void a_delivery_whose_device_cannot_be_sent_to_fails_without_an_attempt() {
        Outbox.ClaimedDelivery removed = new Outbox.ClaimedDelivery(TENANT, APP, outbox.job, new DeviceId(Ids.next()), UUID.randomUUID(), 0, PushProvider.FCM,
                Optional.empty(), "DeviceRemoved");

        Outbox.Outcome outcome = deliverAll(List.of(removed)).getFirst();

        assertThat(outcome.state()).isEqualTo(DeliveryState.FAILED);
        assertThat(outcome.reason()).isEqualTo("DeviceRemoved");
        assertThat(outcome.attempted()).isFalse();
        assertThat(provider.sent).isEmpty();
    }

    @Test
    void an_expired_notification_fails_without_an_attempt() {
        outbox.expiresAt = Instant.now().minusSeconds(1);

        Outbox.Outcome outcome = deliver(claimed("late", 0)).get("late");

        assertThat(outcome.state()).isEqualTo(DeliveryState.FAILED);
        assertThat(outcome.reason()).isEqualTo("Expired");
        assertThat(outcome.attempted()).isFalse();
        assertThat(provider.sent).isEmpty();
    }

    @Test
    void an_app_without_a_live_credential_fails_its_deliveries_as_no_credential() {
        senders.usable = List::of;

        Outbox.Outcome outcome = deliver(claimed("live", 0)).get("live");

        assertThat(outcome.state()).isEqualTo(DeliveryState.FAILED);
        assertThat(outcome.reason()).isEqualTo("NoCredential");
        assertThat(outcome.attempted()).isFalse();
    }

    @Test
    void credentials_that_cannot_be_read_now_are_tried_again_later_without_counting_an_attempt() {
        senders.usable = () -> {
            throw new IllegalStateException("the database is away");
        };

        Outbox.Outcome outcome = deliver(claimed("live", 0)).get("live");

        assertThat(outcome.state()).isEqualTo(DeliveryState.QUEUED);
        assertThat(outcome.reason()).isEqualTo("CredentialsUnavailable");
        assertThat(outcome.attempted()).isFalse();
        assertThat(outcome.nextDue()).isNotNull();
    }

    @Test
    void a_delivery_of_a_job_deleted_meanwhile_is_dropped_without_a_record() {
        provider.answer("live", new DeliveryOutcome.Accepted("OK", Optional.empty()));
        Outbox.ClaimedDelivery orphan = new Outbox.ClaimedDelivery(TENANT, APP, new PushJobId(Ids.next()), new DeviceId(Ids.next()), UUID.randomUUID(), 0, PushProvider.FCM,
                Optional.of(new DeviceAddress.Fcm("orphan")), null);

        List<Outbox.Outcome> recorded = deliverAll(List.of(orphan, claimed("live", 0)));
        workers.stop();

        assertThat(recorded).extracting(outcome -> outcome.delivery().address().orElseThrow())
                .containsExactly(new DeviceAddress.Fcm("live"));
        assertThat(outbox.recorded).hasSize(1);
        assertThat(provider.sent).containsExactly("live");
    }

    // --- running the workers ---

    /** What the workers announced, added up by stage, provider and reason. */
    private Map<String, Long> announcedCounts() {
        return announced.stream().map(io.linnet.push.PushActivity.class::cast)
                .flatMap(activity -> activity.counts().stream())
                .collect(Collectors.toMap(count -> count.stage() + " " + count.provider().map(PushProvider::wireName).orElse("")
                        + " " + count.reason(), io.linnet.push.PushActivity.Count::count, Long::sum));
    }

    private Outbox.ClaimedDelivery claimed(String token, int attempts) {
        return new Outbox.ClaimedDelivery(TENANT, APP, outbox.job, new DeviceId(Ids.next()), UUID.randomUUID(), attempts, PushProvider.FCM,
                Optional.of(new DeviceAddress.Fcm(token)), null);
    }

    /** Hands the deliveries to the workers as one claimed batch; answers their recorded outcomes by token. */
    private Map<String, Outbox.Outcome> deliver(Outbox.ClaimedDelivery... deliveries) {
        return deliverAll(List.of(deliveries)).stream().collect(Collectors.toMap(
                outcome -> ((DeviceAddress.Fcm) outcome.delivery().address().orElseThrow()).registrationToken(),
                Function.identity()));
    }

    private List<Outbox.Outcome> deliverAll(List<Outbox.ClaimedDelivery> deliveries) {
        long known = deliveries.stream().filter(delivery -> delivery.job().equals(outbox.job)).count();
        outbox.claims.add(deliveries);
        workers.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> outbox.recorded.size() >= known);
        return List.copyOf(outbox.recorded);
    }

    private static PushSettings settings() {
        PushSettings d = PushSettings.defaults();
        return new PushSettings(d.apnsProductionHost(), d.apnsProductionPort(), d.apnsSandboxHost(), d.apnsSandboxPort(),
                d.apnsTrustedCertificate(), d.apnsConnections(), d.apnsMaxInFlight(), d.fcmBaseUrl(), d.fcmTokenUri(),
                d.fcmMaxInFlight(), d.webPushMaxInFlight(), d.webPushAllowPrivateEndpoints(), d.requestTimeout(),
                1, 50, d.expansionPage(), MAX_ATTEMPTS, d.lease(), RETRY_BASE, RETRY_MAX,
                0, d.defaultTtl(), d.maxTtl(), d.maxScheduleAhead(), d.maxTargetIds(), Duration.ofMillis(10),
                d.offlineCoalesceWindow(), d.credentialCacheTtl());
    }

    /** The outbox as the workers see it: one scripted claim, one job, and the outcomes they record. */
    private static final class ScriptedOutbox extends Outbox {
        final PushJobId job = new PushJobId(Ids.next());
        volatile Instant expiresAt = Instant.now().plus(Duration.ofDays(1));
        final Queue<List<Outbox.ClaimedDelivery>> claims = new ConcurrentLinkedQueue<>();
        final List<Outbox.Outcome> recorded = new CopyOnWriteArrayList<>();

        ScriptedOutbox() {
            super(null);
        }

        @Override
        List<ClaimedDelivery> claim(int limit, UUID claim, String node, Duration lease) {
            List<ClaimedDelivery> next = claims.poll();
            return next == null ? List.of() : next;
        }

        @Override
        Map<PushJobId, JobSend> jobs(Collection<ClaimedDelivery> deliveries) {
            boolean asked = deliveries.stream().anyMatch(delivery -> delivery.job().equals(job));
            return asked ? Map.of(job, new JobSend(Notification.builder().title("Hello").expiresAt(expiresAt).build(), expiresAt))
                    : Map.of();
        }

        @Override
        void putBack(List<ClaimedDelivery> deliveries, List<Instant> dueAt) {
            throw new AssertionError("nothing is put back without a send rate or a stop");
        }

        @Override
        int record(List<Outcome> outcomes) {
            recorded.addAll(outcomes);
            return outcomes.size();
        }
    }

    /** A provider that answers each device token as scripted, and notes the tokens it was sent to. */
    private static final class ScriptedProvider implements PushSender {
        final Map<String, Supplier<CompletableFuture<DeliveryOutcome>>> answers = new ConcurrentHashMap<>();
        final List<String> sent = new CopyOnWriteArrayList<>();

        void answer(String token, DeliveryOutcome outcome) {
            answer(token, () -> CompletableFuture.completedFuture(outcome));
        }

        void answer(String token, Supplier<CompletableFuture<DeliveryOutcome>> answer) {
            answers.put(token, answer);
        }

        @Override
        public PushProvider provider() {
            return PushProvider.FCM;
        }

        @Override
        public CompletableFuture<DeliveryOutcome> send(DeviceAddress device, Notification notification) {
            String token = ((DeviceAddress.Fcm) device).registrationToken();
            sent.add(token);
            Supplier<CompletableFuture<DeliveryOutcome>> answer = answers.get(token);
            if (answer == null) {
                throw new AssertionError("no answer scripted for " + token);
            }
            return answer.get();
        }

        @Override
        public void close() {
        }
    }

    /** The app's live credentials: one, whose sender is the scripted provider, unless a test says otherwise. */
    private static final class ScriptedSenders extends CredentialSenders {
        volatile Supplier<List<Usable>> usable;

        ScriptedSenders(PushSender sender) {
            super(mock(LiveCredentials.class), null, null, null, SETTINGS);
            List<Usable> one = List.of(new Usable(new CredentialId(Ids.next()), sender, ApnsEnvironment.BOTH));
            this.usable = () -> one;
        }

        @Override
        List<Usable> senders(TenantId tenant, AppId app, DeviceAddress device) {
            return usable.get();
        }
    }
}
