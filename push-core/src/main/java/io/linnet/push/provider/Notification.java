package io.linnet.push.provider;

import io.linnet.push.PushProvider;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One notification, in terms every provider can express. Each sender translates it into its own payload
 * (the APNs {@code aps} dictionary, the FCM v1 {@code message}, the JSON a service worker receives), then applies
 * the per-provider {@link #overrides()} on top.
 *
 * <p>A notification with neither title nor body is a background (data-only) push.
 *
 * @param title       shown as the notification's title; empty for none
 * @param body        shown as the notification's text; empty for none
 * @param data        key/value pairs handed to the app (FCM accepts string values only, so all providers get strings)
 * @param badge       the app icon's badge count (APNs, and FCM's Android notification count)
 * @param sound       a sound name, {@code default} for the platform's default
 * @param imageUrl    an image to show with the notification (an APNs app needs a notification service extension)
 * @param collapseKey notifications with the same key replace each other on the device
 * @param expiresAt   after this instant the provider should drop it rather than deliver it late
 * @param priority    {@link Priority#HIGH} wakes the device now; {@link Priority#NORMAL} lets the platform batch it
 * @param overrides   per provider, a JSON object (maps, lists, strings, numbers, booleans) deep-merged into that
 *                    provider's payload: the APNs payload, the FCM {@code message} object, the Web Push JSON
 */
public record Notification(
        String title,
        String body,
        Map<String, String> data,
        OptionalInt badge,
        Optional<String> sound,
        Optional<URI> imageUrl,
        Optional<String> collapseKey,
        Optional<Instant> expiresAt,
        Priority priority,
        Map<PushProvider, Map<String, Object>> overrides) {

    /** How urgently the provider should deliver. */
    public enum Priority { HIGH, NORMAL }

    public Notification {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(body, "body");
        data = Map.copyOf(data);
        Objects.requireNonNull(badge, "badge");
        Objects.requireNonNull(sound, "sound");
        Objects.requireNonNull(imageUrl, "imageUrl");
        Objects.requireNonNull(collapseKey, "collapseKey");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(priority, "priority");
        Map<PushProvider, Map<String, Object>> copied = new EnumMap<>(PushProvider.class);
        overrides.forEach((provider, json) -> copied.put(provider, jsonObject(json, provider.name())));
        overrides = Collections.unmodifiableMap(copied);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Whether the device shows something (title or body); otherwise it is a background push. */
    public boolean hasAlert() {
        return !title.isEmpty() || !body.isEmpty();
    }

    /** Whether the notification is past its expiry at {@code now} and should not be sent at all. */
    public boolean isExpiredAt(Instant now) {
        return expiresAt.filter(expiry -> !expiry.isAfter(now)).isPresent();
    }

    /** The time left to live at {@code now}, never negative; empty when the notification does not expire. */
    public Optional<Duration> timeToLiveAt(Instant now) {
        return expiresAt.map(expiry -> expiry.isAfter(now) ? Duration.between(now, expiry) : Duration.ZERO);
    }

    /**
     * {@code payload} with this notification's overrides for {@code provider} deep-merged into it: objects merge
     * key by key, anything else in the override replaces what the payload had.
     */
    public Map<String, Object> withOverrides(PushProvider provider, Map<String, Object> payload) {
        return merge(payload, overrides.getOrDefault(provider, Map.of()));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> merge(Map<String, Object> base, Map<String, Object> override) {
        Map<String, Object> merged = new LinkedHashMap<>(base);
        override.forEach((key, value) -> merged.merge(key, value, (old, replacement) ->
                old instanceof Map<?, ?> oldMap && replacement instanceof Map<?, ?> newMap
                        ? merge((Map<String, Object>) oldMap, (Map<String, Object>) newMap)
                        : replacement));
        return merged;
    }

    private static Map<String, Object> jsonObject(Map<?, ?> json, String path) {
        Map<String, Object> copy = new LinkedHashMap<>();
        json.forEach((key, value) -> {
            if (!(key instanceof String name)) {
                throw new IllegalArgumentException("JSON object keys are strings, at " + path);
            }
            copy.put(name, jsonValue(value, path + "." + name));
        });
        return Collections.unmodifiableMap(copy);
    }

    private static Object jsonValue(Object value, String path) {
        return switch (value) {
            case String s -> s;
            case Number n -> n;
            case Boolean b -> b;
            case Map<?, ?> map -> jsonObject(map, path);
            case List<?> list -> {
                List<Object> copy = new ArrayList<>(list.size());
                for (int i = 0; i < list.size(); i++) {
                    copy.add(jsonValue(list.get(i), path + "[" + i + "]"));
                }
                yield Collections.unmodifiableList(copy);
            }
            case null -> throw new IllegalArgumentException("null is not allowed in overrides, at " + path);
            default -> throw new IllegalArgumentException(
                    "Not a JSON value at " + path + ": " + value.getClass().getSimpleName());
        };
    }

    /** Builds a {@link Notification}; everything is optional, priority defaults to {@link Priority#HIGH}. */
    public static final class Builder {
        private String title = "";
        private String body = "";
        private final Map<String, String> data = new LinkedHashMap<>();
        private OptionalInt badge = OptionalInt.empty();
        private Optional<String> sound = Optional.empty();
        private Optional<URI> imageUrl = Optional.empty();
        private Optional<String> collapseKey = Optional.empty();
        private Optional<Instant> expiresAt = Optional.empty();
        private Priority priority = Priority.HIGH;
        private final Map<PushProvider, Map<String, Object>> overrides = new EnumMap<>(PushProvider.class);

        private Builder() {
        }

        public Builder title(String title) {
            this.title = Objects.requireNonNull(title);
            return this;
        }

        public Builder body(String body) {
            this.body = Objects.requireNonNull(body);
            return this;
        }

        public Builder data(String key, String value) {
            data.put(Objects.requireNonNull(key), Objects.requireNonNull(value));
            return this;
        }

        public Builder data(Map<String, String> entries) {
            entries.forEach(this::data);
            return this;
        }

        public Builder badge(int badge) {
            if (badge < 0) {
                throw new IllegalArgumentException("A badge is zero or more");
            }
            this.badge = OptionalInt.of(badge);
            return this;
        }

        public Builder sound(String sound) {
            this.sound = Optional.of(sound);
            return this;
        }

        public Builder imageUrl(URI imageUrl) {
            this.imageUrl = Optional.of(imageUrl);
            return this;
        }

        public Builder collapseKey(String collapseKey) {
            this.collapseKey = Optional.of(collapseKey);
            return this;
        }

        public Builder expiresAt(Instant expiresAt) {
            this.expiresAt = Optional.of(expiresAt);
            return this;
        }

        /** Expires {@code ttl} from now. */
        public Builder timeToLive(Duration ttl) {
            return expiresAt(Instant.now().plus(ttl));
        }

        public Builder priority(Priority priority) {
            this.priority = Objects.requireNonNull(priority);
            return this;
        }

        public Builder override(PushProvider provider, Map<String, ?> json) {
            overrides.put(Objects.requireNonNull(provider), Map.copyOf(json));
            return this;
        }

        public Notification build() {
            return new Notification(title, body, data, badge, sound, imageUrl, collapseKey, expiresAt, priority,
                    overrides);
        }
    }
}
