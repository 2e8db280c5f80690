package io.linnet.console.analytics;

import io.linnet.push.CredentialId;
import io.linnet.push.CredentialKind;
import io.linnet.push.ExpiryWarning;
import io.linnet.push.PushCredential;
import io.linnet.push.PushProvider;
import io.linnet.tenancy.AppId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class HeadlinesTest {

    private static PushCredential credential(ExpiryWarning warning, boolean live) {
        return new PushCredential(new CredentialId(UUID.randomUUID()), new AppId(UUID.randomUUID()), PushProvider.APNS,
                CredentialKind.APNS_CERTIFICATE, "cert", Map.of(), Instant.parse("2026-04-01T00:00:00Z"), warning,
                Instant.parse("2025-04-01T00:00:00Z"), live ? null : Instant.parse("2026-01-01T00:00:00Z"), null);
    }

    @Test
    void todays_messages_are_put_against_yesterdays() {
        assertThat(Headlines.change(10, 8)).isEqualTo("+25% on yesterday's 8");
        assertThat(Headlines.change(5, 10)).isEqualTo("−50% on yesterday's 10");
        assertThat(Headlines.change(1_001, 1_000)).isEqualTo("Slightly up on yesterday's 1,000");
        assertThat(Headlines.change(3, 3)).isEqualTo("Same as yesterday");
        assertThat(Headlines.change(3, 0)).isEqualTo("None yesterday");
        assertThat(Headlines.change(0, 0)).isEqualTo("None yesterday either");
    }

    @Test
    void the_delivery_rate_is_delivered_of_sent() {
        assertThat(Headlines.deliveryRate(12, 13)).isEqualTo("92.3%");
        assertThat(Headlines.deliveryDetail(12, 13)).isEqualTo("12 of 13 sent notifications delivered");
        assertThat(Headlines.deliveryRate(0, 0)).isEqualTo("—");
        assertThat(Headlines.deliveryDetail(0, 0)).isEqualTo("No notifications sent today");
    }

    @Test
    void live_credentials_that_expire_within_a_month_or_have_expired_are_counted() {
        List<PushCredential> credentials = List.of(credential(ExpiryWarning.WITHIN_30_DAYS, true),
                credential(ExpiryWarning.WITHIN_7_DAYS, true), credential(ExpiryWarning.NONE, true),
                credential(ExpiryWarning.EXPIRED, false));
        assertThat(Headlines.expiring(credentials)).isEqualTo(2);
        assertThat(Headlines.expiringDetail(credentials)).isEqualTo("Expire within 30 days, of 3 live");
        assertThat(Headlines.expiringDetail(List.of(credential(ExpiryWarning.EXPIRED, true))))
                .isEqualTo("1 has expired: replace it");
        assertThat(Headlines.expiringDetail(List.of())).isEqualTo("No push credentials yet");
    }
}
