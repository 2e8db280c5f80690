package io.linnet.messaging;

import io.linnet.tenancy.AppId;
import io.linnet.tenancy.TenantId;

import java.time.Instant;
import java.util.Optional;

/**
 * A message was recalled (its content erased for everyone); published after the commit, once per
 * message.
 *
 * @param recalledBy the sender who recalled it, or empty when the app did (an admin recall)
 */
public record MessageRecalled(TenantId tenantId, AppId appId, ConversationId conversationId, MessageId messageId,
                              long seq, Optional<UserId> recalledBy, Instant recalledAt) {
}
