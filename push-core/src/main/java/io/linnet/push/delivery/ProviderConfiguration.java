package io.linnet.push.delivery;

import io.linnet.push.PushSettings;
import io.linnet.push.apns.ApnsConnector;
import io.linnet.push.apns.ApnsSettings;
import io.linnet.push.fcm.FcmConnector;
import io.linnet.push.fcm.FcmSettings;
import io.linnet.push.webpush.WebPushConnector;
import io.linnet.push.webpush.WebPushSettings;
import io.linnet.tenancy.outbound.OutboundGuard;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;

/**
 * The three provider connectors, built from {@link PushSettings}: one per node, shared by every app's senders, and
 * closed with the application (after the delivery workers, which stop first).
 */
@Configuration(proxyBeanMethods = false)
class ProviderConfiguration {

    @Bean(destroyMethod = "close")
    ApnsConnector apnsConnector(PushSettings settings) {
        ApnsSettings defaults = ApnsSettings.defaults();
        return new ApnsConnector(new ApnsSettings(
                new ApnsSettings.Endpoint(settings.apnsProductionHost(), settings.apnsProductionPort()),
                new ApnsSettings.Endpoint(settings.apnsSandboxHost(), settings.apnsSandboxPort()),
                trusted(settings.apnsTrustedCertificate()),
                settings.apnsConnections(),
                settings.apnsMaxInFlight(),
                defaults.connectTimeout(),
                settings.requestTimeout(),
                defaults.defaultTimeToLive(),
                defaults.eventLoopThreads()));
    }

    @Bean(destroyMethod = "close")
    FcmConnector fcmConnector(PushSettings settings) {
        return new FcmConnector(new FcmSettings(settings.fcmBaseUrl(), settings.fcmTokenUri(), settings.fcmMaxInFlight(),
                Duration.ofSeconds(10), settings.requestTimeout(), FcmSettings.defaults().defaultTimeToLive()));
    }

    /** What the server posts Web Push to: checked at registration (devices) and before each send (the connector). */
    @Bean
    OutboundGuard webPushEndpoints(PushSettings settings) {
        return new OutboundGuard(settings.webPushAllowPrivateEndpoints());
    }

    @Bean(destroyMethod = "close")
    WebPushConnector webPushConnector(PushSettings settings, OutboundGuard endpoints) {
        WebPushSettings defaults = WebPushSettings.defaults();
        return new WebPushConnector(new WebPushSettings(settings.webPushMaxInFlight(), defaults.connectTimeout(),
                settings.requestTimeout(), defaults.defaultTimeToLive(), defaults.vapidTokenLifetime()), endpoints);
    }

    /** The certificates of a PEM file, to trust for APNs instead of the JDK's trust store; none when unset. */
    static List<X509Certificate> trusted(String pemFile) {
        if (pemFile == null || pemFile.isBlank()) {
            return List.of();
        }
        try (InputStream in = Files.newInputStream(Path.of(pemFile))) {
            List<X509Certificate> certificates = CertificateFactory.getInstance("X.509").generateCertificates(in).stream()
                    .map(X509Certificate.class::cast)
                    .toList();
            if (certificates.isEmpty()) {
                throw new IllegalStateException("linnet.push.apns-trusted-certificate: " + pemFile + " holds no certificate");
            }
            return certificates;
        } catch (IOException e) {
            throw new UncheckedIOException("linnet.push.apns-trusted-certificate: cannot read " + pemFile, e);
        } catch (CertificateException e) {
            throw new IllegalStateException("linnet.push.apns-trusted-certificate: " + pemFile + " is not PEM certificates", e);
        }
    }
}
