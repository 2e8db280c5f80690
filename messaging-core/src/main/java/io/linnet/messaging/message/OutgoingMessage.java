package io.linnet.messaging.message;

import io.linnet.messaging.MessagingSettings;
import io.linnet.messaging.UserId;
import io.linnet.tenancy.DomainException;

import java.util.regex.Pattern;

/**
 * A send, checked: who sends, the client's id for this send (unique per sender; a retry reuses it),
 * and the body.
 */
public record OutgoingMessage(UserId senderId, String clientMsgId, CheckedBody body) {

    private static final Pattern CLIENT_MSG_ID = Pattern.compile("[\\x21-\\x7E]{1,128}");

    /** Checks a send's parts; bad input is a {@link DomainException} that says what is wrong. */
    public static OutgoingMessage of(String senderId, String clientMsgId, MessageBody body, MessagingSettings settings) {
        if (senderId == null) {
            throw DomainException.invalid("senderId is required");
        }
        UserId sender = UserId.of(senderId);
        if (clientMsgId == null || !CLIENT_MSG_ID.matcher(clientMsgId).matches()) {
            throw DomainException.invalid("clientMsgId must be 1 to 128 visible ASCII characters");
        }
        return new OutgoingMessage(sender, clientMsgId, CheckedBody.of(body, settings));
    }
}
