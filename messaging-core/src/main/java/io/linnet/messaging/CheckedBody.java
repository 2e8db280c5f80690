package io.linnet.messaging;

import io.linnet.tenancy.DomainException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A message body that passed every rule and limit, in the one JSON shape it is stored and
 * delivered in (absent parts left out), with the message it replies to, if any.
 */
public record CheckedBody(ObjectNode json, Optional<MessageId> replyTo) {

    public static final JsonMapper JSON = JsonMapper.builder().build();
    static final int MAX_URL = 2048;
    static final int MAX_NAME = 256;
    private static final Pattern MEDIA_TYPE = Pattern.compile("[A-Za-z0-9!#$&^_.+-]{1,64}/[A-Za-z0-9!#$&^_.+-]{1,64}");

    static CheckedBody of(MessageBody body, MessagingSettings settings) {
        if (body == null) {
            throw DomainException.invalid("body is required");
        }
        ObjectNode json = JSON.createObjectNode();
        switch (body.type()) {
            case "text" -> {
                json.put("type", "text");
                json.put("text", text(body.text(), true, settings));
                if (body.data() != null && !body.data().isNull()) {
                    json.set("data", data(body.data(), settings));
                }
            }
            case "custom" -> {
                json.put("type", "custom");
                if (body.text() != null) {
                    json.put("text", text(body.text(), false, settings));
                }
                if (body.data() == null || body.data().isNull()) {
                    throw DomainException.invalid("body.data is required for a custom message");
                }
                json.set("data", data(body.data(), settings));
            }
            case null, default -> throw DomainException.invalid("body.type must be 'text' or 'custom'");
        }
        if (body.attachments() != null && !body.attachments().isEmpty()) {
            json.set("attachments", attachments(body.attachments(), settings));
        }
        if (body.mentions() != null && !body.mentions().isEmpty()) {
            json.set("mentions", mentions(body.mentions(), settings));
        }
        Optional<MessageId> replyTo = Optional.ofNullable(body.replyTo()).map(CheckedBody::replyTo);
        replyTo.ifPresent(id -> json.put("replyTo", id.toString()));
        return new CheckedBody(json, replyTo);
    }

    private static String text(String text, boolean required, MessagingSettings settings) {
        if (text == null || (required && text.isBlank())) {
            throw DomainException.invalid("body.text is required for a text message");
        }
        if (text.length() > settings.maxTextLength()) {
            throw DomainException.invalid("body.text must be at most " + settings.maxTextLength() + " characters");
        }
        return StorableText.check(text, "body.text");
    }

    private static JsonNode data(JsonNode data, MessagingSettings settings) {
        if (!data.isObject()) {
            throw DomainException.invalid("body.data must be a JSON object");
        }
        if (JSON.writeValueAsString(data).getBytes(StandardCharsets.UTF_8).length > settings.maxDataBytes()) {
            throw DomainException.invalid("body.data must be at most " + settings.maxDataBytes() + " bytes of JSON");
        }
        return StorableText.check(data, "body.data");
    }

    private static ArrayNode attachments(List<MessageBody.Attachment> attachments, MessagingSettings settings) {
        if (attachments.size() > settings.maxAttachments()) {
            throw DomainException.invalid("a message may carry at most " + settings.maxAttachments() + " attachments");
        }
        ArrayNode array = JSON.createArrayNode();
        for (MessageBody.Attachment attachment : attachments) {
            if (attachment == null) {
                throw DomainException.invalid("body.attachments must not contain null");
            }
            ObjectNode node = array.addObject();
            node.put("url", url(StorableText.check(attachment.url(), "an attachment's url")));
            if (attachment.type() != null) {
                if (!MEDIA_TYPE.matcher(attachment.type()).matches()) {
                    throw DomainException.invalid("an attachment's type must be a media type such as image/png");
                }
                node.put("type", attachment.type());
            }
            if (attachment.size() != null) {
                if (attachment.size() < 0) {
                    throw DomainException.invalid("an attachment's size must not be negative");
                }
                node.put("size", attachment.size());
            }
            if (attachment.name() != null) {
                if (attachment.name().isBlank() || attachment.name().length() > MAX_NAME) {
                    throw DomainException.invalid("an attachment's name must be 1 to " + MAX_NAME + " characters");
                }
                node.put("name", StorableText.check(attachment.name(), "an attachment's name"));
            }
        }
        return array;
    }

    private static String url(String raw) {
        try {
            if (raw == null || raw.length() > MAX_URL) {
                throw new URISyntaxException(String.valueOf(raw), "missing or too long");
            }
            URI uri = new URI(raw);
            if (uri.getHost() == null
                    || !("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))) {
                throw new URISyntaxException(String.valueOf(raw), "not an http(s) URL");
            }
            return raw;
        } catch (URISyntaxException e) {
            throw DomainException.invalid("an attachment's url must be an http or https URL of at most " + MAX_URL + " characters");
        }
    }

    private static ArrayNode mentions(List<String> mentions, MessagingSettings settings) {
        if (mentions.size() > settings.maxMentions()) {
            throw DomainException.invalid("a message may mention at most " + settings.maxMentions() + " users");
        }
        LinkedHashSet<String> ids = new LinkedHashSet<>();
        for (String mention : mentions) {
            ids.add(UserId.of(mention).value());
        }
        ArrayNode array = JSON.createArrayNode();
        ids.forEach(array::add);
        return array;
    }

    private static MessageId replyTo(String raw) {
        try {
            return new MessageId(UUID.fromString(raw));
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("body.replyTo must be the messageId of a message of this conversation");
        }
    }
}
