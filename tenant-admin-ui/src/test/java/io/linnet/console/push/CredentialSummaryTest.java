package io.linnet.console.push;

import io.linnet.push.CredentialId;
import io.linnet.push.CredentialKind;
import io.linnet.push.ExpiryWarning;
import io.linnet.push.PushCredential;
import io.linnet.push.PushProvider;
import io.linnet.tenancy.AppId;
import io.linnet.tenancy.Ids;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CredentialSummaryTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    private static PushCredential credential(CredentialKind kind, Map<String, String> metadata, Instant expiresAt) {
        return new PushCredential(new CredentialId(Ids.next()), new AppId(Ids.next()), kind.provider(), kind, "label", metadata,
                expiresAt, ExpiryWarning.of(expiresAt, NOW), NOW, null, null);
    }

    @Test
    void a_credential_the_provider_refuses_says_so_with_the_providers_reason() {
        PushCredential fine = credential(CredentialKind.APNS_TOKEN, Map.of("keyId", "ABC123DEFG"), null);
        PushCredential refused = new PushCredential(fine.id(), fine.appId(), fine.provider(), fine.kind(), fine.label(),
                fine.metadata(), null, ExpiryWarning.NONE, NOW, null,
                new PushCredential.Rejection("InvalidProviderToken", NOW.minusSeconds(90)));

        assertThat(CredentialSummary.rejection(fine).isVisible()).isFalse();
        assertThat(CredentialSummary.rejection(refused).getText()).isEqualTo("Refused by APNs: InvalidProviderToken");
        assertThat(CredentialSummary.rejection(refused).getElement().getThemeList()).contains("badge", "error");
        assertThat(CredentialSummary.rejection(refused).getTitle()).hasValueSatisfying(title -> assertThat(title)
                .contains("2026-03-01").contains("other live APNs credential"));
    }

    @Test
    void each_kind_is_summed_up_by_the_metadata_that_tells_credentials_apart() {
        assertThat(CredentialSummary.details(credential(CredentialKind.APNS_TOKEN,
                Map.of("keyId", "ABC123DEFG", "teamId", "TEAM123456", "topic", "com.example.chat", "environment", "both"), null)))
                .isEqualTo("Key ABC123DEFG · Team TEAM123456 · com.example.chat · both");
        assertThat(CredentialSummary.details(credential(CredentialKind.FCM,
                Map.of("projectId", "p-1", "clientEmail", "a@p-1.iam.gserviceaccount.com"), null)))
                .isEqualTo("Project p-1 · a@p-1.iam.gserviceaccount.com");
        assertThat(CredentialSummary.details(credential(CredentialKind.WEBPUSH_VAPID,
                Map.of("subject", "mailto:a@b.c", "publicKey", "BAbcdefghijklmnopqrstuvwxyz"), null)))
                .isEqualTo("mailto:a@b.c · Public key BAbcdefghijklmno…");
        assertThat(PushProvider.WEBPUSH.title()).isEqualTo("Web Push");
    }

    @Test
    void the_badge_says_how_many_days_are_left_rounded_up_or_that_it_expired() {
        PushCredential inFiveDays = credential(CredentialKind.APNS_CERTIFICATE, Map.of(), NOW.plus(Duration.ofHours(4 * 24 + 5)));
        PushCredential inTwentyDays = credential(CredentialKind.APNS_CERTIFICATE, Map.of(), NOW.plus(Duration.ofDays(20)));
        PushCredential expired = credential(CredentialKind.APNS_CERTIFICATE, Map.of(), NOW.minus(Duration.ofDays(1)));
        PushCredential never = credential(CredentialKind.APNS_TOKEN, Map.of(), null);

        assertThat(CredentialSummary.badge(inFiveDays, NOW).getText()).isEqualTo("Expires in 5 days");
        assertThat(CredentialSummary.badge(inFiveDays, NOW).getElement().getThemeList()).contains("badge", "error");
        assertThat(CredentialSummary.badge(inTwentyDays, NOW).getElement().getThemeList()).contains("badge", "warning");
        assertThat(CredentialSummary.badge(expired, NOW).getText()).isEqualTo("Expired");
        assertThat(CredentialSummary.badge(never, NOW).isVisible()).isFalse();
        assertThat(CredentialSummary.expiry(never)).isEqualTo("never");
        assertThat(CredentialSummary.days(NOW.plus(Duration.ofHours(20)), NOW)).isEqualTo("1 day");
    }
}
