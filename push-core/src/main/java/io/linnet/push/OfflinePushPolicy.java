package io.linnet.push;

import io.linnet.tenancy.DomainException;

import java.util.Locale;

/**
 * How an app wants chat messages pushed to members who are offline.
 *
 * @param enabled whether to push them at all
 * @param preview how much of a message a lock screen may show: {@code full} (sender and text), {@code sender}
 *                (who wrote, not what), {@code none} (only that something arrived)
 */
public record OfflinePushPolicy(boolean enabled, String preview) {

    public static final OfflinePushPolicy DEFAULT = new OfflinePushPolicy(true, "full");

    public static OfflinePushPolicy check(Boolean enabled, String preview) {
        if (enabled == null) {
            throw DomainException.invalid("enabled is required: true or false");
        }
        String checked = preview == null ? "full" : preview.strip().toLowerCase(Locale.ROOT);
        if (!checked.equals("full") && !checked.equals("sender") && !checked.equals("none")) {
            throw DomainException.invalid("preview must be full, sender or none");
        }
        return new OfflinePushPolicy(enabled, checked);
    }
}
