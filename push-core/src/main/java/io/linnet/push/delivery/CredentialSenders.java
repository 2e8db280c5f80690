package io.linnet.push.delivery;

import io.linnet.push.PushSettings;
import io.linnet.push.apns.ApnsConnector;
import io.linnet.push.apns.ApnsCredentials;
import io.linnet.push.credential.ApnsEnvironment;
import io.linnet.push.credential.PushCredentialMaterial;
import io.linnet.push.credential.PushCredentials;
import io.linnet.push.fcm.FcmConnector;
import io.linnet.push.fcm.FcmCredentials;
import io.linnet.push.provider.DeviceAddress;
import io.linnet.push.provider.InvalidCredentialsException;
import io.linnet.push.provider.PushProvider;
import io.linnet.push.provider.PushSender;
import io.linnet.push.webpush.WebPushConnector;
import io.linnet.push.webpush.WebPushCredentials;
import io.linnet.tenancy.AppId;
import io.linnet.tenancy.TenantId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The senders of each app's live credentials, opened on first use and kept (a sender holds its credential's
 * connections and tokens, so opening one per notification would cost a TLS handshake or a token each time). The
 * list of live credentials is read again after {@code credentialCacheTtl}; senders of credentials that are no
 * longer live are closed then. Newest credential first, so a rotation takes effect as soon as it is seen.
 */
@Component
class CredentialSenders implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CredentialSenders.class);

    private final PushCredentials credentials;
    private final ApnsConnector apns;
    private final FcmConnector fcm;
    private final WebPushConnector webPush;
    private final PushSettings settings;
    private final Map<Key, Live> live = new ConcurrentHashMap<>();
    private final Map<String, PushSender> open = new ConcurrentHashMap<>();

    CredentialSenders(PushCredentials credentials, ApnsConnector apns, FcmConnector fcm, WebPushConnector webPush,
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

    /** A sender and the APNs environments its credential may send to (every one for other providers). */
    record Usable(String credentialId, PushSender sender, ApnsEnvironment environment) {

        boolean serves(DeviceAddress device) {
            if (device instanceof DeviceAddress.Apns apnsDevice) {
                return environment.covers(apnsDevice.environment() == DeviceAddress.Apns.Environment.SANDBOX
                        ? ApnsEnvironment.SANDBOX : ApnsEnvironment.PRODUCTION);
            }
            return true;
        }
    }

    /** The senders that may send to {@code device} for this app, newest credential first; empty when none. */
    List<Usable> senders(TenantId tenant, AppId app, DeviceAddress device) {
        Key key = new Key(tenant, app, device.provider());
        Live current = live.get(key);
        Instant now = Instant.now();
        if (current == null || current.readAt().plus(settings.credentialCacheTtl()).isBefore(now)) {
            current = live.compute(key, (k, cached) -> cached != null && !cached.readAt().plus(settings.credentialCacheTtl())
                    .isBefore(now) ? cached : read(k, cached, now));
        }
        return current.senders().stream().filter(usable -> usable.serves(device)).toList();
    }

    private Live read(Key key, Live previous, Instant now) {
        List<PushCredentialMaterial> materials = credentials.live(key.tenant(), key.app(), key.provider());
        List<Usable> senders = new ArrayList<>();
        Set<String> ids = new HashSet<>();
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
    }
}
