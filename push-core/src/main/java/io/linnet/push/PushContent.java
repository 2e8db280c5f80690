package io.linnet.push;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.linnet.push.provider.Notification;
import io.linnet.tenancy.DomainException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a notification says, as a job or a template stores it: title, body, data, badge, sound, image, and per
 * provider ({@code apns}, {@code fcm}, {@code webpush}) a JSON object merged into that provider's payload. In a
 * template the texts may hold {@code {{variables}}}; {@link #render} fills them in.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PushContent(String title, String body, Map<String, String> data, Integer badge, String sound,
                          String image, Map<String, Map<String, Object>> overrides) {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final int MAX_TITLE = 256;
    static final int MAX_BODY = 2048;
    static final int MAX_DATA_BYTES = 3072;
    static final int MAX_OVERRIDE_BYTES = 3072;
    private static final Pattern VARIABLE = Pattern.compile("\\{\\{\\s*([A-Za-z_][A-Za-z0-9_.-]{0,63})\\s*}}");
    private static final Pattern DATA_KEY = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");
    /** Keys FCM refuses in {@code data}; refusing them here says so before any device is tried. */
    private static final Set<String> RESERVED_KEYS = Set.of("from", "notification", "message_type", "collapse_key");
    private static final Set<String> PROVIDERS = Set.of("apns", "fcm", "webpush");

    public PushContent {
        data = data == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(data));
        overrides = overrides == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(overrides));
    }

    /** A plain notification with a title and a body. */
    public static PushContent of(String title, String body) {
        return new PushContent(title, body, Map.of(), null, null, null, Map.of());
    }

    /**
     * Checks what a client sent as {@code notification} and {@code overrides}; {@code field} names the notification
     * in messages ({@code notification}, {@code content}).
     */
    public static PushContent check(String field, String title, String body, JsonNode data, Integer badge, String sound,
                                    String image, JsonNode overrides) {
        PushContent content = new PushContent(
                text(title, field + ".title", MAX_TITLE),
                text(body, field + ".body", MAX_BODY),
                data(data, field + ".data"),
                badge(badge, field + ".badge"),
                sound(sound, field + ".sound"),
                image(image, field + ".image"),
                overrides(overrides));
        if (content.title() == null && content.body() == null && content.data().isEmpty()) {
            throw DomainException.invalid(field + " needs a title, a body or data");
        }
        return content;
    }

    /** The variables its texts use, in order of first use. */
    public List<String> variables() {
        Set<String> names = new LinkedHashSet<>();
        texts().forEach(text -> {
            Matcher matcher = VARIABLE.matcher(text);
            while (matcher.find()) {
                names.add(matcher.group(1));
            }
        });
        return List.copyOf(names);
    }

    /** This content with every {@code {{name}}} replaced by {@code variables.get(name)}; a missing one is bad input. */
    public PushContent render(Map<String, String> variables) {
        List<String> missing = variables().stream().filter(name -> !variables.containsKey(name)).toList();
        if (!missing.isEmpty()) {
            throw DomainException.invalid("variables " + String.join(", ", missing.stream().map(n -> "'" + n + "'").toList())
                    + (missing.size() == 1 ? " is" : " are") + " missing: the template uses "
                    + String.join(", ", missing.stream().map(n -> "{{" + n + "}}").toList()));
        }
        Map<String, String> renderedData = new LinkedHashMap<>();
        data.forEach((key, value) -> renderedData.put(key, fill(value, variables)));
        PushContent rendered = new PushContent(fill(title, variables), fill(body, variables), renderedData, badge,
                sound, fill(image, variables), overrides);
        text(rendered.title(), "the rendered title", MAX_TITLE);
        text(rendered.body(), "the rendered body", MAX_BODY);
        image(rendered.image(), "the rendered image");
        return rendered;
    }

    /**
     * The provider-neutral notification for one send: this content with the job's collapse key, expiry and
     * priority.
     */
    public Notification toNotification(Optional<String> collapseKey, Instant expiresAt, Notification.Priority priority) {
        Notification.Builder builder = Notification.builder()
                .title(title == null ? "" : title)
                .body(body == null ? "" : body)
                .data(data)
                .expiresAt(expiresAt)
                .priority(priority);
        if (badge != null) {
            builder.badge(badge);
        }
        if (sound != null) {
            builder.sound(sound);
        }
        if (image != null) {
            builder.imageUrl(URI.create(image));
        }
        collapseKey.ifPresent(builder::collapseKey);
        overrides.forEach((provider, json) -> builder.override(PushProvider.valueOf(provider.toUpperCase(Locale.ROOT)), json));
        return builder.build();
    }

    private List<String> texts() {
        java.util.ArrayList<String> texts = new java.util.ArrayList<>();
        if (title != null) {
            texts.add(title);
        }
        if (body != null) {
            texts.add(body);
        }
        if (image != null) {
            texts.add(image);
        }
        texts.addAll(data.values());
        return texts;
    }

    private static String fill(String text, Map<String, String> variables) {
        if (text == null) {
            return null;
        }
        return VARIABLE.matcher(text).replaceAll(match -> Matcher.quoteReplacement(variables.get(match.group(1))));
    }

    private static String text(String value, String field, int max) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (value.length() > max) {
            throw DomainException.invalid(field + " is longer than " + max + " characters");
        }
        return value;
    }

    private static Map<String, String> data(JsonNode data, String field) {
        if (data == null || data.isNull()) {
            return Map.of();
        }
        if (!data.isObject()) {
            throw DomainException.invalid(field + " must be a JSON object of strings");
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (var entry : data.properties()) {
            String key = entry.getKey();
            if (!DATA_KEY.matcher(key).matches() || RESERVED_KEYS.contains(key) || key.startsWith("google")
                    || key.startsWith("gcm")) {
                throw DomainException.invalid(field + " key '" + key + "' is not allowed: use 1 to 64 letters, digits, "
                        + "'_', '.', ':' or '-', and none of from, notification, message_type, collapse_key, google*, gcm*");
            }
            JsonNode value = entry.getValue();
            if (value.isString()) {
                values.put(key, value.asString());
            } else if (value.isNumber() || value.isBoolean()) {
                // FCM carries strings only, so every provider gets the text of a number or a boolean
                values.put(key, value.asString());
            } else {
                throw DomainException.invalid(field + "." + key + " must be a string, a number or a boolean");
            }
        }
        if (JSON.writeValueAsString(values).getBytes(StandardCharsets.UTF_8).length > MAX_DATA_BYTES) {
            throw DomainException.invalid(field + " is larger than " + MAX_DATA_BYTES + " bytes of JSON");
        }
        return values;
    }

    private static Integer badge(Integer badge, String field) {
        if (badge != null && (badge < 0 || badge > 999_999)) {
            throw DomainException.invalid(field + " must be between 0 and 999999");
        }
        return badge;
    }

    private static String sound(String sound, String field) {
        if (sound == null || sound.isEmpty()) {
            return null;
        }
        if (sound.length() > 64 || !sound.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw DomainException.invalid(field + " must be a sound name of up to 64 visible ASCII characters, or 'default'");
        }
        return sound;
    }

    private static String image(String image, String field) {
        if (image == null || image.isEmpty()) {
            return null;
        }
        if (VARIABLE.matcher(image).find()) {
            return image;
        }
        try {
            URI uri = new URI(image);
            if (("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null
                    && image.length() <= 2048) {
                return image;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw DomainException.invalid(field + " must be an http(s) URL of up to 2048 characters");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> overrides(JsonNode overrides) {
        if (overrides == null || overrides.isNull()) {
            return Map.of();
        }
        if (!overrides.isObject()) {
            throw DomainException.invalid("overrides must be a JSON object with apns, fcm and/or webpush");
        }
        Map<String, Map<String, Object>> checked = new LinkedHashMap<>();
        for (var entry : overrides.properties()) {
            String provider = entry.getKey();
            if (!PROVIDERS.contains(provider)) {
                throw DomainException.invalid("overrides." + provider + " is not a provider: use apns, fcm or webpush");
            }
            if (!entry.getValue().isObject()) {
                throw DomainException.invalid("overrides." + provider + " must be a JSON object");
            }
            if (JSON.writeValueAsString(entry.getValue()).getBytes(StandardCharsets.UTF_8).length > MAX_OVERRIDE_BYTES) {
                throw DomainException.invalid("overrides." + provider + " is larger than " + MAX_OVERRIDE_BYTES + " bytes of JSON");
            }
            Map<String, Object> json = JSON.convertValue(entry.getValue(), Map.class);
            try {
                Notification.builder().override(PushProvider.valueOf(provider.toUpperCase(Locale.ROOT)), json).build();
            } catch (IllegalArgumentException | NullPointerException e) {
                throw DomainException.invalid("overrides." + provider + ": " + (e.getMessage() == null
                        ? "null is not allowed" : e.getMessage()));
            }
            checked.put(provider, json);
        }
        return checked;
    }
}
