package io.linnet.messaging;

import io.linnet.tenancy.AppId;
import io.linnet.tenancy.TenantId;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;

/**
 * A message was stored and handed to the devices that were online: published once its transaction
 * has committed, never for a refused send and never twice for a retried one. Push (offline
 * notifications) and billing (metering) react to it.
 *
 * @param recipientIds        the conversation's members other than the sender, at the time of sending
 * @param offlineRecipientIds those of them who had no device connected anywhere, for offline push
 * @param body                the stored body ({@code type}, {@code text}, ...): read it, don't change it
 */
public record MessageSent(TenantId tenantId, AppId appId, ConversationId conversationId, MessageId messageId,
                          long seq, UserId senderId, List<UserId> recipientIds, List<UserId> offlineRecipientIds,
                          JsonNode body, Instant sentAt) {

    public MessageSent {
        recipientIds = List.copyOf(recipientIds);
        offlineRecipientIds = List.copyOf(offlineRecipientIds);
    }
}
