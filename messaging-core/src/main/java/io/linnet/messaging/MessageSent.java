package io.linnet.messaging;

import io.linnet.tenancy.AppId;
import io.linnet.tenancy.TenantId;

import java.time.Instant;
import java.util.List;

/**
 * A message was stored: published once its transaction has committed, never for a refused send
 * and never twice for a retried one. Push (offline notifications) and billing (metering) react to it.
 *
 * @param recipientIds the conversation's members other than the sender, at the time of sending
 */
public record MessageSent(TenantId tenantId, AppId appId, ConversationId conversationId, MessageId messageId,
                          long seq, UserId senderId, List<UserId> recipientIds, Instant sentAt) {

    public MessageSent {
        recipientIds = List.copyOf(recipientIds);
    }
}
