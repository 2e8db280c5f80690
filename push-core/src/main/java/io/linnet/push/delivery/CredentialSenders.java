package io.linnet.push.delivery;

import io.linnet.push.CredentialId;
import io.linnet.push.PushProvider;
import io.linnet.push.PushSettings;
import io.linnet.push.apns.ApnsConnector;
import io.linnet.push.apns.ApnsCredentials;
import io.linnet.push.credential.ApnsEnvironment;
import io.linnet.push.credential.LiveCredentials;
import io.linnet.push.credential.PushCredentialMaterial;
import io.linnet.push.fcm.FcmConnector;
import io.linnet.push.fcm.FcmCredentials;
import io.linnet.push.provider.DeliveryOutcome;
import io.linnet.push.provider.DeviceAddress;
import io.linnet.push.provider.InvalidCredentialsException;
import io.linnet.push.provider.Notification;
import io.linnet.push.provider.PushSender;
import io.linnet.push.webpush.WebPushConnector;
import io.linnet.push.webpush.WebPushCredentials;
import io.linnet.tenancy.AppId;
import io.linnet.tenancy.TenantId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;

/**
 * The senders of each app's live credentials, opened on first use and kept (a sender holds its credential's
 * connections and tokens, so opening one per notification would cost a TLS handshake or a token each time). The
 * list of live credentials is read again after {@code credentialCacheTtl}; senders of credentials that are no
 * longer live are closed then. Newest credential first, so a rotation takes effect as soon as it is seen.
 *
 * <p>Two live credentials per provider are allowed so that a rotation has no gap, and this is where the second
 * one earns its keep: a notification whose credential the provider refuses as such (a revoked key, an expired
 * provider token, a VAPID signature the push service does not accept) goes out again with the other one. The
 * refused credential is then tried last for {@link #REFUSED_LAST}, so that the app's notifications do not each
 * pay for a refusal first, and its refusal is written on the credential (at most once per
 * {@link #RECORD_EVERY} per node) for the app's admins to see, until the provider accepts it again.
 */
@Component
class CredentialSenders implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CredentialSenders.class);
    static final Duration REFUSED_LAST = Duration.ofMinutes(1);
    static final Duration RECORD_EVERY = Duration.ofMinutes(1);

    private final LiveCredentials credentials;
    private final ApnsConnector apns;
    private final FcmConnector fcm;
    private final WebPushConnector webPush;
    private final PushSettings settings;
    private final Map<Key, Live> live = new ConcurrentHashMap<>();
    private final Map<CredentialId, PushSender> open = new ConcurrentHashMap<>();
    private final Map<CredentialId, Refusal> refusals = new ConcurrentHashMap<>();
    /** Credentials this node knows to have no rejection written on them. */
    private final Set<CredentialId> unmarked = ConcurrentHashMap.newKeySet();
    private final ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();

    CredentialSenders(LiveCredentials credentials, ApnsConnector apns, FcmConnector fcm, WebPushConnector webPush,
                      PushSettings settings) {
        this.credentials = credentials;
        this.apns = apns;
        this.fcm = fcm;
        this.webPush = webPush;
        this.settings = settings;
    }

    private record Key(TenantId tenant, AppId app, PushProvider provider) {
    }

    private record Live(List<Usable> senders, Instant readAt) {
    }

    /** The provider's latest refusal of a credential: tried last until {@code until}; written down at {@code recordedAt}. */
    private record Refusal(String reason, Instant until, Instant recordedAt) {
    }

    /** A sender and the APNs environments its credential may send to (every one for other providers). */
    record Usable(CredentialId credentialId, PushSender sender, ApnsEnvironment environment) {

        boolean serves(DeviceAddress device) {
            if (device instanceof DeviceAddress.Apns apnsDevice) {
                return environment.covers(apnsDevice.environment() == DeviceAddress.Apns.Environment.SANDBOX
                        ? ApnsEnvironment.SANDBOX : ApnsEnvironment.PRODUCTION);
            }
            return true;
        }
    }

    /**
     * The senders that may send to {@code device} for this app, newest credential first except that one the
     * provider refused lately comes last; empty when none.
     */
    List<Usable> senders(TenantId tenant, AppId app, DeviceAddress device) {
        Key key = new Key(tenant, app, device.provider());
        Live current = live.get(key);
        Instant now = Instant.now();
        if (current == null || current.readAt().plus(settings.credentialCacheTtl()).isBefore(now)) {
            current = live.compute(key, (k, cached) -> cached != null && !cached.readAt().plus(settings.credentialCacheTtl())
                    .isBefore(now) ? cached : read(k, cached, now));
        }
        List<Usable> serving = current.senders().stream().filter(usable -> usable.serves(device)).toList();
        if (serving.size() < 2 || refusals.isEmpty()) {
            return serving;
        }
        // a stable sort: newest first among those not refused lately
        return serving.stream().sorted(Comparator.comparing((Usable usable) -> refusedLately(usable, now))).toList();
    }

    private boolean refusedLately(Usable usable, Instant now) {
        Refusal refusal = refusals.get(usable.credentialId());
        return refusal != null && refusal.until().isAfter(now);
    }

    /**
     * Sends with the first of {@code usable}; when the provider refuses that credential as such, with the next
     * one. The outcome is the first that is not a refusal of the credential; when every credential is refused, a
     * retry if one of the refusals was temporary, else the last refusal.
     */
    CompletableFuture<DeliveryOutcome> send(TenantId tenant, AppId app, List<Usable> usable, DeviceAddress device,
                                            Notification notification) {
        return sendVia(tenant, app, usable, 0, device, notification, null);
    }

    private CompletableFuture<DeliveryOutcome> sendVia(TenantId tenant, AppId app, List<Usable> usable, int index,
                                                       DeviceAddress device, Notification notification,
                                                       DeliveryOutcome.RetryLater temporary) {
        Usable via = usable.get(index);
        CompletableFuture<DeliveryOutcome> sent;
        try {
            sent = via.sender().send(device, notification);
        } catch (IllegalStateException closed) {
            sent = CompletableFuture.completedFuture(new DeliveryOutcome.RetryLater("SenderClosed"));
        }
        return sent.thenCompose(outcome -> {
            note(tenant, app, via, outcome);
            if (!outcome.refusesCredential()) {
                return CompletableFuture.completedFuture(outcome);
            }
            DeliveryOutcome.RetryLater retry = temporary != null ? temporary
                    : outcome instanceof DeliveryOutcome.RetryLater later ? later : null;
            if (index + 1 >= usable.size()) {
                return CompletableFuture.completedFuture(retry != null ? retry : outcome);
            }
            // send() may block, so the next attempt runs on a thread of its own, never in this completion callback
            return CompletableFuture.supplyAsync(() -> sendVia(tenant, app, usable, index + 1, device, notification,
                    retry), background).thenCompose(Function.identity());
        });
    }

    /** Keeps track of which credentials the providers refuse, and writes it on the credential now and then. */
    private void note(TenantId tenant, AppId app, Usable via, DeliveryOutcome outcome) {
        CredentialId id = via.credentialId();
        if (outcome.refusesCredential()) {
            Instant now = Instant.now();
            boolean[] record = new boolean[1];
            refusals.compute(id, (k, previous) -> {
                record[0] = previous == null || !previous.reason().equals(outcome.reason())
                        || !previous.recordedAt().plus(RECORD_EVERY).isAfter(now);
                return new Refusal(outcome.reason(), now.plus(REFUSED_LAST), record[0] ? now : previous.recordedAt());
            });
            unmarked.remove(id);
            if (record[0]) {
                log.warn("Push credential {} of app {} was refused by the provider: {}; the app's other live "
                        + "credential, if any, sends meanwhile", id, app, outcome.reason());
                quietly(() -> credentials.recordRejection(tenant, app, id, outcome.reason()));
            }
        } else if (outcome instanceof DeliveryOutcome.Accepted) {
            refusals.remove(id);
            if (unmarked.add(id)) {
                quietly(() -> credentials.clearRejection(tenant, app, id));
            }
        }
    }

    private void quietly(Runnable write) {
        try {
            background.execute(() -> {
                try {
                    write.run();
                } catch (RuntimeException e) {
                    log.warn("Writing a push credential's refusal failed: {}", e.toString());
                }
            });
        } catch (RejectedExecutionException closing) {
            // the node is stopping; the next refusal or acceptance writes it
        }
    }

    private Live read(Key key, Live previous, Instant now) {
        List<PushCredentialMaterial> materials = credentials.live(key.tenant(), key.app(), key.provider());
        List<Usable> senders = new ArrayList<>();
        Set<CredentialId> ids = new HashSet<>();
        for (PushCredentialMaterial material : materials) {
            ids.add(material.credentialId());
            try {
                PushSender sender = open.computeIfAbsent(material.credentialId(), id -> open(material));
                senders.add(new Usable(material.credentialId(), sender, environment(material)));
            } catch (InvalidCredentialsException e) {
                log.warn("Push credential {} of app {} cannot be used: {}", material.credentialId(), key.app(), e.getMessage());
            }
        }
        if (previous != null) {
            previous.senders().stream().filter(usable -> !ids.contains(usable.credentialId())).forEach(gone -> {
                PushSender sender = open.remove(gone.credentialId());
                if (sender != null) {
                    // sends still in flight on it end as RetryLater, and go out again through the new credential
                    Thread.ofVirtual().start(sender::close);
                }
            });
        }
        return new Live(List.copyOf(senders), now);
    }

    private PushSender open(PushCredentialMaterial material) {
        return switch (material) {
            case PushCredentialMaterial.ApnsToken token -> apns.open(new ApnsCredentials.Token(token.privateKeyPem(),
                    token.keyId(), token.teamId(), token.topic()));
            case PushCredentialMaterial.ApnsCertificate certificate -> apns.open(new ApnsCredentials.Certificate(
                    certificate.pkcs12(), certificate.password() == null ? "" : certificate.password(), certificate.topic()));
            case PushCredentialMaterial.Fcm account -> fcm.open(new FcmCredentials(account.serviceAccountJson()));
            case PushCredentialMaterial.Vapid vapid -> webPush.open(new WebPushCredentials(vapid.publicKey(),
                    vapid.privateKey(), vapid.subject()));
        };
    }

    private static ApnsEnvironment environment(PushCredentialMaterial material) {
        return switch (material) {
            case PushCredentialMaterial.ApnsToken token -> token.environment() == null ? ApnsEnvironment.BOTH : token.environment();
            case PushCredentialMaterial.ApnsCertificate certificate ->
                    certificate.environment() == null ? ApnsEnvironment.BOTH : certificate.environment();
            default -> ApnsEnvironment.BOTH;
        };
    }

    /** Closes every sender; the connectors close their shared resources after this. */
    @Override
    public void close() {
        open.values().forEach(sender -> {
            try {
                sender.close();
            } catch (RuntimeException e) {
                log.debug("Closing a push sender failed: {}", e.toString());
            }
        });
        open.clear();
        live.clear();
        background.shutdownNow();
    }
}
