package io.linnet.messaging;

import io.linnet.tenancy.DomainException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What a developer says about an end user, checked: a name of up to 128 characters, an http(s)
 * avatar URL, a custom JSON object within the size limit, and tags. Absent fields are empty.
 */
public record UserProfile(String name, String avatarUrl, ObjectNode custom, List<String> tags) {

    static final int MAX_NAME = 128;
    static final int MAX_URL = 2048;
    private static final Pattern TAG = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    public UserProfile {
        tags = List.copyOf(tags);
    }

    /** Checks a developer's input against the rules above and {@code settings}' limits. */
    public static UserProfile of(String name, String avatarUrl, JsonNode custom, List<String> tags,
                                 MessagingSettings settings) {
        return new UserProfile(name(name), avatarUrl(avatarUrl), custom(custom, settings), tags(tags, settings));
    }

    static String name(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String name = raw.strip();
        if (name.length() > MAX_NAME || name.chars().anyMatch(Character::isISOControl)) {
            throw DomainException.invalid("name must be at most " + MAX_NAME + " characters, without control characters");
        }
        return StorableText.check(name, "name");
    }

    static String avatarUrl(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            URI uri = new URI(StorableText.check(raw, "avatarUrl").strip());
            if (raw.length() > MAX_URL || uri.getHost() == null
                    || !("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))) {
                throw new URISyntaxException(raw, "not an http(s) URL");
            }
            return uri.toString();
        } catch (URISyntaxException e) {
            throw DomainException.invalid("avatarUrl must be an http or https URL of at most " + MAX_URL + " characters");
        }
    }

    static ObjectNode custom(JsonNode raw, MessagingSettings settings) {
        if (raw == null || raw.isNull()) {
            return JSON.createObjectNode();
        }
        if (!(raw instanceof ObjectNode object)) {
            throw DomainException.invalid("custom must be a JSON object");
        }
        if (JSON.writeValueAsString(object).getBytes(StandardCharsets.UTF_8).length > settings.maxUserCustomBytes()) {
            throw DomainException.invalid("custom must be at most " + settings.maxUserCustomBytes() + " bytes of JSON");
        }
        StorableText.check(object, "custom");
        return object;
    }

    static List<String> tags(List<String> raw, MessagingSettings settings) {
        if (raw == null) {
            return List.of();
        }
        LinkedHashSet<String> tags = new LinkedHashSet<>();
        for (String tag : raw) {
            if (tag == null || !TAG.matcher(tag).matches()) {
                throw DomainException.invalid("each tag must be 1 to 64 letters, digits or '_', '.', ':', '-'");
            }
            tags.add(tag);
        }
        if (tags.size() > settings.maxUserTags()) {
            throw DomainException.invalid("a user may have at most " + settings.maxUserTags() + " tags");
        }
        return List.copyOf(tags);
    }
}
