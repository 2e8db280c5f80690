package io.linnet.console.analytics;

import io.linnet.push.ExpiryWarning;
import io.linnet.push.PushCredential;

import java.util.List;

/** How the overview words its numbers: changes on yesterday, delivery rates, expiring credentials. */
final class Headlines {

    private Headlines() {
    }

    /** Today's count against yesterday's, e.g. "+25% on yesterday's 8". */
    static String change(long today, long yesterday) {
        if (yesterday == 0) {
            return today == 0 ? "None yesterday either" : "None yesterday";
        }
        if (today == yesterday) {
            return "Same as yesterday";
        }
        long percent = Math.round(100.0 * (today - yesterday) / yesterday);
        String sign = today > yesterday ? "+" : "−";
        String change = percent == 0 ? (today > yesterday ? "Slightly up" : "Slightly down") : sign + Math.abs(percent) + "%";
        return change + " on yesterday's " + UsageCharts.count(yesterday);
    }

    /** The share of sent notifications delivered, e.g. "96.4%"; a dash when none were sent. */
    static String deliveryRate(long delivered, long sent) {
        return PushFunnel.percent(delivered, sent).orElse("—");
    }

    static String deliveryDetail(long delivered, long sent) {
        return sent == 0 ? "No notifications sent today"
                : UsageCharts.count(delivered) + " of " + UsageCharts.count(sent) + " sent notifications delivered";
    }

    /** Live credentials that expire within 30 days or have expired. */
    static long expiring(List<PushCredential> credentials) {
        return credentials.stream()
                .filter(PushCredential::live)
                .filter(credential -> credential.expiryWarning() != ExpiryWarning.NONE)
                .count();
    }

    static String expiringDetail(List<PushCredential> credentials) {
        long live = credentials.stream().filter(PushCredential::live).count();
        long expired = credentials.stream().filter(PushCredential::live)
                .filter(credential -> credential.expiryWarning() == ExpiryWarning.EXPIRED).count();
        if (live == 0) {
            return "No push credentials yet";
        }
        if (expired > 0) {
            return expired + (expired == 1 ? " has" : " have") + " expired: replace " + (expired == 1 ? "it" : "them");
        }
        return "Expire within 30 days, of " + live + " live";
    }
}
