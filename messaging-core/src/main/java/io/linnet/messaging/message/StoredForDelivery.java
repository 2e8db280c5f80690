package io.linnet.messaging.message;

import io.linnet.messaging.ConversationType;
import io.linnet.messaging.Message;
import io.linnet.messaging.MessageSent;
import io.linnet.messaging.UserId;
import io.linnet.tenancy.AppRef;

import java.util.List;

/**
 * A message its transaction has just stored, with what delivering and announcing it need, all read
 * by the statements that stored it (no further query): the conversation's type and the recipients.
 *
 * @param recipientIds the conversation's members other than the sender, at the time of sending
 * @param bodyBytes    the size of the body's JSON as stored, in UTF-8 bytes
 */
record StoredForDelivery(AppRef app, Message message, ConversationType conversationType, List<UserId> recipientIds,
                         int bodyBytes) {

    StoredForDelivery {
        recipientIds = List.copyOf(recipientIds);
    }

    /** The event for other modules, once the gateway has said who was {@code offline}. */
    MessageSent sent(List<UserId> offline) {
        return new MessageSent(app.tenantId(), app.appId(), message.conversationId(), conversationType, message.messageId(),
                message.seq(), message.senderId(), recipientIds, offline, message.body(), bodyBytes, message.createdAt());
    }
}
