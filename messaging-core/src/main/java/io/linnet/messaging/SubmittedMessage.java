package io.linnet.messaging;

import io.linnet.tenancy.DomainException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A send as it was submitted (over the WebSocket or the REST API) and checked, not yet stored: who
 * sends, the client's id for this send (unique per sender; a retry reuses it), and the body. The
 * {@link SendScreen} sees it before it is stored and may let a rewritten copy through.
 */
public record SubmittedMessage(UserId senderId, String clientMsgId, CheckedBody body) {

    private static final Pattern CLIENT_MSG_ID = Pattern.compile("[\\x21-\\x7E]{1,128}");

    /** Checks a send's parts; bad input is a {@link DomainException} that says what is wrong. */
    public static SubmittedMessage of(String senderId, String clientMsgId, MessageBody body, MessagingSettings settings) {
        if (senderId == null) {
            throw DomainException.invalid("senderId is required");
        }
        UserId sender = UserId.of(senderId);
        if (clientMsgId == null || !CLIENT_MSG_ID.matcher(clientMsgId).matches()) {
            throw DomainException.invalid("clientMsgId must be 1 to 128 visible ASCII characters");
        }
        return new SubmittedMessage(sender, clientMsgId, CheckedBody.of(body, settings));
    }

    /** The message's text, if its body has one (a text message always does, a custom one may). */
    public Optional<String> text() {
        JsonNode text = body.json().get("text");
        return text == null || !text.isString() ? Optional.empty() : Optional.of(text.asString());
    }

    /** The same send with its text replaced (e.g. masked); everything else is kept. */
    public SubmittedMessage withText(String text) {
        ObjectNode json = body.json().deepCopy();
        json.put("text", text);
        return new SubmittedMessage(senderId, clientMsgId, new CheckedBody(json, body.replyTo()));
    }

    /**
     * The same send with another body (e.g. a moderation hook's replacement), checked like a
     * client's; the message it replies to stays the original's.
     */
    public SubmittedMessage withBody(JsonNode replacement, MessagingSettings settings) {
        MessageBody parsed;
        try {
            parsed = CheckedBody.JSON.treeToValue(replacement, MessageBody.class);
        } catch (JacksonException e) {
            throw DomainException.invalid("The replacement body is not a message body: " + e.getOriginalMessage());
        }
        CheckedBody checked = CheckedBody.of(parsed, settings);
        ObjectNode json = checked.json();
        json.remove("replyTo");
        body.replyTo().ifPresent(id -> json.put("replyTo", id.toString()));
        return new SubmittedMessage(senderId, clientMsgId, new CheckedBody(json, body.replyTo()));
    }
}
