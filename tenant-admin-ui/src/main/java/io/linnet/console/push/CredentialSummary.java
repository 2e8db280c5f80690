package io.linnet.console.push;

import com.vaadin.flow.component.html.Span;
import io.linnet.console.component.Times;
import io.linnet.push.ExpiryWarning;
import io.linnet.push.PushCredential;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How a credential reads in the list: its public details in one line (with a badge when the provider refuses it),
 * and its expiry with a warning badge.
 */
final class CredentialSummary {

    private CredentialSummary() {
    }

    /** The metadata that tells credentials apart, e.g. "Key ABC123DEFG · Team TEAM123456 · com.example.chat · both". */
    static String details(PushCredential credential) {
        Map<String, String> m = credential.metadata();
        List<String> parts = new ArrayList<>();
        switch (credential.kind()) {
            case APNS_TOKEN -> {
                parts.add("Key " + m.get("keyId"));
                parts.add("Team " + m.get("teamId"));
                parts.add(m.get("topic"));
                parts.add(m.get("environment"));
            }
            case APNS_CERTIFICATE -> {
                parts.add(m.get("topic"));
                parts.add(m.get("environment"));
                parts.add(m.getOrDefault("certificateType", "unknown") + " certificate");
            }
            case FCM -> {
                parts.add("Project " + m.get("projectId"));
                parts.add(m.get("clientEmail"));
            }
            case WEBPUSH_VAPID -> {
                parts.add(m.get("subject"));
                String key = m.getOrDefault("publicKey", "");
                parts.add("Public key " + (key.length() > 16 ? key.substring(0, 16) + "…" : key));
            }
        }
        return String.join(" · ", parts.stream().filter(part -> part != null && !part.isBlank()).toList());
    }

    /**
     * A badge for a credential the provider refused as such since it last accepted it, with the provider's reason
     * and when; none otherwise. The app's other live credential sends meanwhile, if it has one.
     */
    static Span rejection(PushCredential credential) {
        Span badge = new Span();
        badge.setId("rejection-" + credential.id());
        PushCredential.Rejection rejection = credential.lastRejection();
        if (rejection == null) {
            badge.setVisible(false);
            return badge;
        }
        badge.setText("Refused by " + credential.provider().title() + ": " + rejection.reason());
        badge.setTitle("Last refused " + Times.format(rejection.at()) + " UTC. Notifications go out with the app's "
                + "other live " + credential.provider().title() + " credential meanwhile; replace this one.");
        badge.getElement().getThemeList().add("badge error");
        badge.getStyle().set("white-space", "normal");
        return badge;
    }

    /** The provider as a small badge, e.g. "APNs". */
    static Span providerBadge(PushCredential credential) {
        Span badge = new Span(credential.provider().title());
        badge.setId("provider-" + credential.id());
        badge.getElement().getThemeList().add("badge contrast");
        badge.getStyle().set("white-space", "nowrap");
        return badge;
    }

    /** The kind in a few words; the provider has its own column. */
    static String kind(PushCredential credential) {
        return switch (credential.kind()) {
            case APNS_TOKEN -> "Auth key (.p8)";
            case APNS_CERTIFICATE -> "Certificate (.p12)";
            case FCM -> "Service account";
            case WEBPUSH_VAPID -> "VAPID keys";
        };
    }

    /** The expiry day, or "never". */
    static String expiry(PushCredential credential) {
        return credential.expiresAt() == null ? "never" : Times.format(credential.expiresAt());
    }

    /** A badge for a credential that expires within 30 days or has expired; none otherwise. */
    static Span badge(PushCredential credential, Instant now) {
        Span badge = new Span();
        badge.setId("expiry-" + credential.id());
        ExpiryWarning warning = credential.expiryWarning();
        switch (warning) {
            case NONE -> badge.setVisible(false);
            case WITHIN_30_DAYS -> {
                badge.setText("Expires in " + days(credential.expiresAt(), now));
                badge.getElement().getThemeList().add("badge warning");
            }
            case WITHIN_7_DAYS -> {
                badge.setText("Expires in " + days(credential.expiresAt(), now));
                badge.getElement().getThemeList().add("badge error");
            }
            case EXPIRED -> {
                badge.setText("Expired");
                badge.getElement().getThemeList().add("badge error primary");
            }
        }
        return badge;
    }

    /** Whole days left, rounded up, so that a credential with 4.5 days left "expires in 5 days". */
    static String days(Instant expiresAt, Instant now) {
        long seconds = Math.max(0, Duration.between(now, expiresAt).toSeconds());
        long days = (seconds + 86_399) / 86_400;
        return days == 1 ? "1 day" : days + " days";
    }
}
