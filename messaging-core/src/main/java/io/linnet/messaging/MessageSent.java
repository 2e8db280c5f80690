package io.linnet.messaging;

import io.linnet.tenancy.AppId;
import io.linnet.tenancy.TenantId;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;

/**
 * A message was stored and handed to the devices that were online. Published by the {@code message}
 * feature once its transaction has committed, never for a refused send nor for a retry answered by
 * the original, and carrying all that push (offline notifications), billing (metering) and analytics
 * need, so that none of them reads messaging's tables.
 *
 * <p>Announced <em>at least once</em>: the message's transaction also writes an outbox row, removed
 * only once every listener has returned; if one throws, or the node stops before they ran, the event
 * is announced again (within {@code linnet.messaging.announce-retry-after}, also after a restart).
 * Listen with a plain {@code @EventListener}, finish (commit) the work before returning, throw if it
 * failed, and expect the same {@link #messageId()} twice now and then.
 *
 * @param conversationType    direct or group
 * @param recipientIds        the conversation's members other than the sender, at the time of sending
 * @param offlineRecipientIds those of them who had no device connected anywhere, for offline push
 * @param body                the stored body ({@code type}, {@code text}, ...): read it, don't change it
 * @param bodyBytes           the size of the body's JSON in UTF-8 bytes, for metering
 */
public record MessageSent(TenantId tenantId, AppId appId, ConversationId conversationId, ConversationType conversationType,
                          MessageId messageId, long seq, UserId senderId, List<UserId> recipientIds,
                          List<UserId> offlineRecipientIds, JsonNode body, int bodyBytes, Instant sentAt) {

    public MessageSent {
        recipientIds = List.copyOf(recipientIds);
        offlineRecipientIds = List.copyOf(offlineRecipientIds);
    }

    /** The body's {@code type}: {@code text} or {@code custom} (what the client sent; recalled messages say {@code recalled}). */
    public String bodyType() {
        return body.path("type").asString("");
    }
}
